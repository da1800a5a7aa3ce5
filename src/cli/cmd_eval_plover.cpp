// sitrep eval plover FILE.json [--split dev|test|all] [--json]: PLOVER event-type accuracy and
// actor-country match on PLOVER gold-standard records (code/eval_plover.h). Even-indexed records
// are the dev split, odd-indexed the test split.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/eval_coder.h"
#include "cli/registry.h"
#include "code/code.h"
#include "code/eval_plover.h"

namespace sitrep::cli {
namespace {

void add_eval_plover(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("plover", "Score event coding against PLOVER gold-standard records");
  auto f = add_eval_coder_flags(
      cmd, {"PLOVER_GSR_CAMEO.dev.json", "Records to score: dev (even-indexed), test (odd-indexed) or all",
            "Print gold and coded type per record, then each coded event (stderr)"});
  cmd->callback([=, &exit_code] {
    std::ifstream in(f->file);
    nlohmann::json gold;
    try {
      in >> gold;
    } catch (const std::exception& e) {
      std::cerr << "sitrep: " << f->file << ": " << e.what() << "\n";
      exit_code = kFatal;
      return;
    }
    auto [coder, split, parsed] = prepare_eval(*f);
    if (!coder) {
      exit_code = kFatal;
      return;
    }
    code::PloverScores s = code::score_plover(*coder, gold, split, f->details ? &std::cerr : nullptr);
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    nlohmann::json j{{"split", code::to_string(split)},
                     {"records", s.records},
                     {"parsed", parsed},
                     {"coded", s.coded},
                     {"type_accuracy", pct(s.type_right, s.records)},
                     {"type_accuracy_coded", pct(s.type_right, s.coded)},
                     {"source_country_match", pct(s.src_right, s.src_checked)},
                     {"target_country_match", pct(s.tgt_right, s.tgt_checked)}};
    if (f->json) std::cout << j.dump() << "\n";
    else
      std::cout << "split " << j["split"].get<std::string>() << ": records " << s.records << ", coded " << s.coded
                << "\nPLOVER type accuracy " << j["type_accuracy"] << " % (of coded: " << j["type_accuracy_coded"]
                << " %)\nsource country match " << j["source_country_match"] << " %, target country match "
                << j["target_country_match"] << " %\n";
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "plover", add_eval_plover);

}  // namespace
}  // namespace sitrep::cli
