// sitrep eval sbd: Sentence splitting on the Golden Rules.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/registry.h"
#include "nlp/eval.h"

namespace sitrep::cli {
namespace {

void add_eval_sbd(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("sbd", "Sentence splitting on the Golden Rules");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  *file = std::string(SITREP_SOURCE_DIR) + "/../shared/data/sbd/english_golden_rules.json";
  cmd->add_option("file", *file, "Golden Rules JSON")->capture_default_str();
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->callback([file, json, &exit_code] {
    auto fail = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    auto r = nlp::evaluate_sbd(*file);
    if (!r) return fail(r.error());
    std::cout << (*json ? nlp::to_json(r.value()) + "\n" : nlp::to_text(r.value()));
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "sbd", add_eval_sbd);

}  // namespace
}  // namespace sitrep::cli
