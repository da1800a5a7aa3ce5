// sitrep eval sbd: Sentence splitting on the Golden Rules.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/registry.h"
#include "nlp/eval.h"
#include "nlp/nlp.h"

namespace sitrep::cli {
namespace {

void add_eval_sbd(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("sbd", "Sentence splitting on the Golden Rules");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  *file = std::string(SITREP_SOURCE_DIR) + "/../shared/data/sbd/english_golden_rules.json";
  cmd->add_option("file", *file, "Golden Rules JSON")->capture_default_str();
  cmd->add_flag("--json", *json, "Print one JSON object");
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  auto rules_only = std::make_shared<bool>(false);
  cmd->add_option("--model", *model_path, "Model whose learned sentence ends are used with the rules")->capture_default_str();
  cmd->add_flag("--rules-only", *rules_only, "The splitter's rules alone, no model");
  cmd->callback([file, json, model_path, rules_only, &exit_code] {
    auto fail = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    std::shared_ptr<const nlp::Model> model;
    if (!*rules_only) {
      auto m = nlp::Model::load(*model_path);
      if (!m) return fail(m.error());
      model = m.value();
    }
    auto r = nlp::evaluate_sbd(*file, model.get());
    if (!r) return fail(r.error());
    std::cout << (*json ? nlp::to_json(r.value()) + "\n" : nlp::to_text(r.value()));
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "sbd", add_eval_sbd);

}  // namespace
}  // namespace sitrep::cli
