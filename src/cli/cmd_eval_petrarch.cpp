// sitrep eval petrarch FILE.xml [--dictionaries DIR] [--own-lexicon] [--json] [--details]: the
// coder against a PETRARCH validation suite, with a KB built from the suite's own actor and
// agent dictionaries and the suite's verb dictionary as its lexicon (all named by its
// <Environment>, looked up in DIR, default the XML's folder); --own-lexicon keeps sitrep's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "cli/registry.h"
#include "code/eval_petrarch.h"
#include "code/lexicon.h"
#include "code/petrarch_verbs.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace sitrep::cli {
namespace {

nlohmann::json triples(const std::vector<code::PetrarchTriple>& ts) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& t : ts) a.push_back({t.source, t.target, t.code});
  return a;
}

void add_eval_petrarch(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("petrarch", "Score event coding against PETRARCH validation records");
  auto file = std::make_shared<std::string>();
  auto dicts = std::make_shared<std::string>();
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  auto json_out = std::make_shared<bool>(false);
  auto details = std::make_shared<bool>(false);
  auto no_model = std::make_shared<bool>(false);
  auto own_lexicon = std::make_shared<bool>(false);
  cmd->add_option("file", *file, "PETR_Validate_records_2_02.xml or PETR.UnitTest.records.xml")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dictionaries", *dicts, "Folder with the verb, actor and agent files the XML names (default: its folder)");
  cmd->add_flag("--own-lexicon", *own_lexicon, "Code with sitrep's lexicon instead of the suite's verb dictionary");
  cmd->add_option("--model", *model_path, "nlp model (dependency parse)")->capture_default_str();
  cmd->add_flag("--no-model", *no_model, "Code without the parse (window rules only)");
  cmd->add_flag("--json", *json_out, "One JSON object");
  cmd->add_flag("--details", *details, "Also list each record's expected and coded triples");
  cmd->callback([=, &exit_code] {
    auto suite = code::read_petrarch_suite(*file);
    if (!suite) {
      std::cerr << "sitrep: " << suite.error().where() << ": " << suite.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    std::filesystem::path dir = dicts->empty() ? std::filesystem::path(*file).parent_path() : std::filesystem::path(*dicts);
    std::vector<std::string> files;
    for (const auto& f : {suite.value().actor_file, suite.value().agent_file})
      if (!f.empty()) files.push_back((dir / f).string());
    if (files.empty()) {
      std::cerr << "sitrep: " << *file << ": <Environment> names no actor or agent dictionary\n";
      exit_code = kFatal;
      return;
    }
    auto fail = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    auto linker = code::petrarch_linker(files);
    if (!linker) return fail(linker.error());
    std::shared_ptr<const code::Lexicon> lexicon;
    std::shared_ptr<const code::Ontology> ontology;
    nlohmann::json verbs_json = nullptr;
    if (!*own_lexicon && !suite.value().verb_file.empty()) {
      auto pl = code::petrarch_lexicon((dir / suite.value().verb_file).string());
      if (!pl) return fail(pl.error());
      const auto& v = pl.value().import;
      ontology = pl.value().ontology;
      lexicon = pl.value().lexicon;
      verbs_json = {{"file", suite.value().verb_file}, {"verbs", v.verbs}, {"patterns", v.patterns},
                    {"skipped_pre_verb", v.skipped_pre_verb}, {"skipped_null", v.skipped_null},
                    {"skipped_code", v.skipped_code}, {"extra_codes", v.extra_codes.size()}, {"skipped_syntax", v.skipped_syntax}};
    }
    std::shared_ptr<const nlp::Model> model;
    if (!*no_model) {
      auto m = nlp::Model::load(*model_path);
      if (m) model = m.value();
      else std::cerr << "sitrep: warning: no model (" << m.error().message << "): window rules only\n";
    }
    code::CoderOptions opts;
    opts.linker = linker.value();
    opts.model = model;
    opts.lexicon = lexicon;
    opts.ontology = ontology;
    if (!*own_lexicon && !suite.value().discard_file.empty()) {
      auto d = code::import_petrarch_discards_file((dir / suite.value().discard_file).string());
      if (!d) return fail(d.error());
      opts.discards = d.value();
    }
    std::map<std::string, std::string> negations;
    if (!*own_lexicon && !suite.value().pico_file.empty()) {
      auto n = code::read_pico_negations((dir / suite.value().pico_file).string());
      if (!n) return fail(n.error());
      negations = n.value();
    }
    code::PetrarchScores s = code::score_petrarch(suite.value(), opts, negations);
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    auto prf = [](const code::PrfCounts& c) {
      return nlohmann::json{{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()},
                            {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}};
    };
    nlohmann::json j{{"records", s.records},
                     {"skipped", s.skipped},
                     {"not_applicable", s.not_applicable},
                     {"discards", opts.discards.size()},
                     {"negations", negations.size()},
                     {"parsed", model != nullptr},
                     {"lexicon", lexicon ? "suite_verbs" : "sitrep"},
                     {"verb_dictionary", verbs_json},
                     {"fully_right", s.fully_right},
                     {"fully_right_pct", pct(s.fully_right, s.records)},
                     {"coded_events", s.coded_events},
                     {"false_positives", s.false_positives},
                     {"false_positive_pct", pct(s.false_positives, s.coded_events)},
                     {"exact", prf(s.exact)},
                     {"root", prf(s.root)}};
    if (*details) {
      nlohmann::json recs = nlohmann::json::array();
      for (const auto& r : s.details)
        recs.push_back({{"id", r.id}, {"ok", r.fully_right}, {"expected", triples(r.expected)}, {"coded", triples(r.coded)}});
      j["details"] = recs;
    }
    if (*json_out) {
      std::cout << j.dump() << "\n";
    } else {
      if (*details)
        for (const auto& r : s.details)
          std::cout << (r.fully_right ? "ok   " : "miss ") << r.id << "  expected " << triples(r.expected).dump()
                    << "  coded " << triples(r.coded).dump() << "\n";
      std::cout << "records " << s.records << " (skipped " << s.skipped << ", not applicable " << s.not_applicable
                << "), fully right " << s.fully_right << " ("
                << j["fully_right_pct"].get<double>() << " %)\n"
                << "exact code: P " << s.exact.precision() << " R " << s.exact.recall() << " F1 " << s.exact.f1() << "\n"
                << "root code:  P " << s.root.precision() << " R " << s.root.recall() << " F1 " << s.root.f1() << "\n"
                << "coded events " << s.coded_events << ", false positives " << s.false_positives << " ("
                << j["false_positive_pct"].get<double>() << " %)\n";
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "petrarch", add_eval_petrarch);

}  // namespace
}  // namespace sitrep::cli
