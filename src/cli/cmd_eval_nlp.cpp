// sitrep eval ud / eval ner: the language model scored on a CoNLL-U or IOB2 file. Both load the
// model, run one evaluation and print a table or one JSON object.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "cli/registry.h"
#include "nlp/eval.h"

namespace sitrep::cli {
namespace {

template <typename Evaluate>
void add_model_eval(CLI::App& parent, int& exit_code, const char* name, const char* description, const char* file_help,
                    Evaluate evaluate) {
  auto* cmd = parent.add_subcommand(name, description);
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto model_path = std::make_shared<std::string>(nlp::Model::default_path());
  cmd->add_option("file", *file, file_help)->required();
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->add_option("--model", *model_path, "Model file")->capture_default_str();
  auto errors = std::make_shared<bool>(false);
  if (std::string(name) == "ner") cmd->add_flag("--errors", *errors, "Also list every sentence with a wrong span (not with --json)");
  auto output = std::make_shared<std::string>();
  auto options = std::make_shared<nlp::ModelOptions>();
  if (std::string(name) == "ud") {
    cmd->add_option("--beam", options->parser_beam, "Parses the dependency parser keeps in its beam: 1 greedy, 4 about half as fast and 1.5 LAS higher")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_flag("!--no-asides", options->parser_asides,
                  "Parse news sentences' time phrases, appositions and asides in commas before the verb and titles before a name with the rest, and keep a reduced relative that reads as the verb (the statistical parse alone)");
    cmd->add_flag("--errors", *errors, "Also list the commonest UPOS confusions and each relation's UAS and LAS (not with --json)");
    cmd->add_option("--output", *output, "Also write the system's analysis of the gold tokenization to this CoNLL-U file");
  }
  cmd->callback([file, json, model_path, evaluate, errors, output, options, &exit_code] {
    auto fail = [&](const Error& e) {
      std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      exit_code = kFatal;
    };
    auto model = nlp::Model::load(*model_path, *options);
    if (!model) return fail(model.error());
    auto r = evaluate(*model.value(), *file, !output->empty());
    if (!r) return fail(r.error());
    if constexpr (requires { r.value().system_conllu; })
      if (!output->empty()) {
        std::ofstream out(*output, std::ios::binary);
        out << r.value().system_conllu;
        if (!out.flush()) return fail(Error{*output, "", "cannot write the system's CoNLL-U"});
      }
    std::cout << (*json ? nlp::to_json(r.value()) + "\n" : nlp::to_text(r.value()));
    if constexpr (requires { r.value().errors; })
      if (*errors && !*json)
        for (const auto& line : r.value().errors) std::cout << line << "\n";
    exit_code = kOk;
  });
}

void add_eval_ud(CLI::App& parent, int& exit_code) {
  add_model_eval(parent, exit_code, "ud", "UPOS, XPOS, lemma, UAS, LAS from gold tokenization and from raw text (CoNLL 2018)",
                 "CoNLL-U file (e.g. ../shared/data/ud/UD_English-EWT/en_ewt-ud-test.conllu)",
                 [](const nlp::Model& m, const std::string& f, bool keep) { return nlp::evaluate_ud(m, f, keep); });
}

void add_eval_ner(CLI::App& parent, int& exit_code) {
  add_model_eval(parent, exit_code, "ner", "Exact-span precision, recall, F1 per entity type and overall",
                 "IOB2 file (e.g. ../shared/data/ner/UNER_English-EWT/en_ewt-ud-test.iob2)",
                 [](const nlp::Model& m, const std::string& f, bool) { return nlp::evaluate_ner(m, f); });
}

const CommandRegistration reg_ud("eval", "ud", add_eval_ud);
const CommandRegistration reg_ner("eval", "ner", add_eval_ner);

}  // namespace
}  // namespace sitrep::cli
