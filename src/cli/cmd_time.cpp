// sitrep time FILE [--dct YYYY-MM-DD] [--json]: the temporal expressions of each article, with
// their TimeML values and the anchor they were resolved against.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "clean/clean.h"
#include "cli/clean_docs.h"
#include "cli/registry.h"
#include "time/timex.h"

namespace sitrep::cli {
namespace {

bool parse_dct(const std::string& s, DocTime& out) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = {y, m, d};
  return true;
}

std::string iso(const DocTime& t) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

void add_time(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("time", "List the temporal expressions of articles, normalized (TimeML)");
  auto file = std::make_shared<std::string>();
  auto dct_arg = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("file", *file, "An article file (.txt .html .jsonl .warc[.gz]) or - for stdin")->required();
  cmd->add_option("--dct", *dct_arg, "Document creation time YYYY-MM-DD (default: the article's date)");
  cmd->add_flag("--json", *json, "One JSON object per article");
  cmd->callback([file, dct_arg, json, &exit_code] {
    DocTime forced;
    if (!dct_arg->empty() && !parse_dct(*dct_arg, forced)) {
      std::cerr << "sitrep: --dct: expected YYYY-MM-DD, got '" << *dct_arg << "'\n";
      exit_code = kUsage;
      return;
    }
    uint64_t rejected = for_each_clean_doc(*file, [&](const Doc& doc) {
      DocTime dct = forced;
      std::string source = "--dct";
      if (!dct.known()) {
        dct = anchor_from(doc.meta.date);
        source = "metadata: " + doc.meta.date.evidence;
      }
      if (!dct.known()) {
        // Metadata has no day: an inferred date anchors only if the text pins a day.
        InferredDate g = infer_document_date(doc.body);
        dct = anchor_from(g.date);
        source = dct.known() ? g.date.evidence : "unknown (relative expressions keep X's)";
      }
      std::vector<Timex> xs = tag_timexes(doc.body, dct);
      if (*json) {
        nlohmann::json j = {{"origin", doc.origin}, {"dct", dct.known() ? iso(dct) : ""}, {"dct_source", source}};
        j["timexes"] = nlohmann::json::array();
        for (const Timex& x : xs)
          j["timexes"].push_back({{"begin", x.span.begin},
                                  {"end", x.span.end},
                                  {"text", doc.body.substr(x.span.begin, x.span.end - x.span.begin)},
                                  {"type", to_string(x.type)},
                                  {"value", x.value},
                                  {"mod", x.mod},
                                  {"anchor", to_string(x.anchor)}});
        std::cout << j.dump() << "\n";
        return;
      }
      std::cout << "== " << doc.origin << "\n";
      std::cout << "dct: " << (dct.known() ? iso(dct) : "unknown") << " (" << source << ")\n";
      for (const Timex& x : xs) {
        std::printf("%6u-%-6u %-8s %-14s %-6s %-8s %s\n", x.span.begin, x.span.end, to_string(x.type),
                    x.value.c_str(), x.mod.c_str(), to_string(x.anchor),
                    doc.body.substr(x.span.begin, x.span.end - x.span.begin).c_str());
      }
      std::cout << "\n";
    });
    exit_code = rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("", "time", add_time);

}  // namespace
}  // namespace sitrep::cli
