// sitrep link FILE: the actors and places each article mentions, the KB entries they resolved
// to, their CAMEO codes on the article's date, and the rule that decided.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "clean/clean.h"
#include "cli/clean_docs.h"
#include "cli/registry.h"
#include "kb/describe.h"
#include "kb/linker.h"
#include "kb/source.h"
#include "read/reader.h"

namespace sitrep::cli {
namespace {

int doc_day(const Doc& d) {
  const auto& pd = d.meta.date;
  if (pd.precision == DatePrecision::Unknown || pd.year == 0) return kb::kNoDate;
  int day = kb::kNoDate;
  kb::parse_day(pd.iso(), day);
  return day;
}

void print_doc(const kb::Linker& linker, const Doc& d, int day, bool json) {
  std::string text = d.meta.title.empty() ? d.body : d.meta.title + "\n\n" + d.body;
  auto mentions = linker.link_text(text, day);
  const kb::Kb& kb = linker.kb();
  if (json) {
    nlohmann::json j;
    j["origin"] = d.origin;
    j["date"] = kb::day_to_iso(day);
    j["mentions"] = nlohmann::json::array();
    for (const auto& m : mentions) {
      nlohmann::json mj{{"begin", m.begin}, {"end", m.end}, {"text", text.substr(m.begin, m.end - m.begin)},
                        {"kind", kb::to_string(m.kind)}, {"rule", kb::to_string(m.rule)}, {"code", m.code}};
      if (m.entry != kb::kNone) mj["entry"] = std::string(kb.str(kb.entries()[m.entry].id));
      if (m.place != kb::kNone) {
        const auto& p = kb.places()[m.place];
        mj["place"] = {{"name", std::string(kb.str(p.name))}, {"lat", p.lat}, {"lon", p.lon}, {"geonameid", p.geonameid}};
      }
      j["mentions"].push_back(mj);
    }
    std::cout << j.dump() << "\n";
    return;
  }
  std::cout << "== " << d.origin << "  (date " << kb::day_to_iso(day) << ", " << mentions.size() << " mentions)\n";
  for (const auto& m : mentions) {
    std::cout << "  " << m.begin << "-" << m.end << "  \"" << text.substr(m.begin, m.end - m.begin) << "\"  "
              << kb::to_string(m.kind) << " -> "
              << (m.kind == kb::MentionKind::Place ? kb::describe_place(kb, m.place) : kb::describe_entry(kb, m.entry))
              << "  " << (m.code.empty() ? "" : m.code + "  ") << "(" << kb::to_string(m.rule) << ")\n";
  }
}

void add_link(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("link", "Link the actors and places of articles to the knowledge base");
  auto file = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  cmd->add_option("file", *file, "An article file (.txt .html .jsonl .warc[.gz]) or - for stdin")->required();
  cmd->add_option("--date", *date, "Document date (YYYY-MM-DD) when the article's own is missing or wrong");
  cmd->add_option("--format", *format, "text or json (one JSON object per article)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--kb", *kb_path, "kb.bin (default: $SITREP_KB, else next to the executable)")->capture_default_str();
  cmd->callback([=, &exit_code] {
    int forced = kb::kNoDate;
    if (!date->empty() && !kb::parse_day(*date, forced)) {
      std::cerr << "sitrep: --date: not a date: " << *date << "\n";
      exit_code = kUsage;
      return;
    }
    auto loaded = kb::Kb::open(*kb_path);
    if (!loaded) {
      std::cerr << "sitrep: " << loaded.error().where() << ": " << loaded.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    kb::Linker linker(loaded.value());
    uint64_t rejected = for_each_clean_doc(*file, [&](const Doc& doc) {
      print_doc(linker, doc, forced != kb::kNoDate ? forced : doc_day(doc), *format == "json");
    });
    exit_code = rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("", "link", add_link);

}  // namespace
}  // namespace sitrep::cli
