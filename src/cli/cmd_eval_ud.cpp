// sitrep eval ud: UPOS, XPOS, lemma, UAS, LAS from gold tokenization and from raw text (CoNLL 2018).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/registry.h"
#include "nlp/eval.h"

namespace sitrep::cli {
namespace {

void add_eval_ud(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("ud", "UPOS, XPOS, lemma, UAS, LAS from gold tokenization and from raw text (CoNLL 2018)");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  cmd->add_option("file", *file, "CoNLL-U file (e.g. ../shared/data/ud/UD_English-EWT/en_ewt-ud-test.conllu)")->required();
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->add_option("--model", *model_path, "Model file")->capture_default_str();
  cmd->callback([file, json, model_path, &exit_code] {
    auto fail = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    auto model = nlp::Model::load(*model_path);
    if (!model) return fail(model.error());
    auto r = nlp::evaluate_ud(*model.value(), *file);
    if (!r) return fail(r.error());
    std::cout << (*json ? nlp::to_json(r.value()) + "\n" : nlp::to_text(r.value()));
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "ud", add_eval_ud);

}  // namespace
}  // namespace sitrep::cli
