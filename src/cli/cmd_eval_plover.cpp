// sitrep eval plover FILE.json [--split dev|test|all] [--json]: PLOVER event-type accuracy and
// actor-country match on PLOVER gold-standard records (code/eval_plover.h). Even-indexed records
// are the dev split, odd-indexed the test split.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cli/registry.h"
#include "code/code.h"
#include "code/eval_plover.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace sitrep::cli {
namespace {

void add_eval_plover(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("plover", "Score event coding against PLOVER gold-standard records");
  auto file = std::make_shared<std::string>();
  auto json_out = std::make_shared<bool>(false);
  auto kb_path = std::make_shared<std::string>(kb::Kb::default_path());
  cmd->add_option("file", *file, "PLOVER_GSR_CAMEO.dev.json")->required();
  cmd->add_option("--kb", *kb_path, "kb.bin")->capture_default_str();
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  auto no_model = std::make_shared<bool>(false);
  cmd->add_option("--model", *model_path, "nlp model (dependency parse)")->capture_default_str();
  cmd->add_flag("--no-model", *no_model, "Code without the parse (window rules only)");
  auto split_name = std::make_shared<std::string>("all");
  cmd->add_option("--split", *split_name, "Records to score: dev (even-indexed), test (odd-indexed) or all")
      ->check(CLI::IsMember({"dev", "test", "all"}))
      ->capture_default_str();
  auto details = std::make_shared<bool>(false);
  cmd->add_flag("--details", *details, "Print gold and coded type per record, then each coded event (stderr)");
  cmd->add_flag("--json", *json_out, "One JSON object");
  cmd->callback([=, &exit_code] {
    std::ifstream in(*file);
    nlohmann::json gold;
    try {
      in >> gold;
    } catch (const std::exception& e) {
      std::cerr << "sitrep: " << *file << ": " << e.what() << "\n";
      exit_code = kFatal;
      return;
    }
    code::PloverSplit split = code::parse_plover_split(*split_name).value_or(code::PloverSplit::All);
    code::CoderOptions opts;
    auto kb = kb::Kb::open(*kb_path);
    if (kb) opts.linker = std::make_shared<const kb::Linker>(kb.value());
    if (!*no_model) {
      auto model = nlp::Model::load(*model_path);
      if (model) opts.model = model.value();
      else std::cerr << "sitrep: warning: no model (" << model.error().message << "): window rules only\n";
    }
    auto coder = code::Coder::create(opts);
    if (!coder) {
      std::cerr << "sitrep: " << coder.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    code::PloverScores s = code::score_plover(*coder.value(), gold, split, *details ? &std::cerr : nullptr);
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    nlohmann::json j{{"split", code::to_string(split)},
                     {"records", s.records},
                     {"parsed", opts.model != nullptr},
                     {"coded", s.coded},
                     {"type_accuracy", pct(s.type_right, s.records)},
                     {"type_accuracy_coded", pct(s.type_right, s.coded)},
                     {"source_country_match", pct(s.src_right, s.src_checked)},
                     {"target_country_match", pct(s.tgt_right, s.tgt_checked)}};
    if (*json_out) std::cout << j.dump() << "\n";
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
