// sitrep eval quad FILE.tsv [--split dev|test|all] [--json] [--errors]: the class of each
// sentence's main event on ConfliBERT's CAMEO class sentences (code/eval_quad.h): accuracy,
// per-class precision, recall and F1, macro F1. Even lines are dev, odd lines test.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/eval_coder.h"
#include "cli/registry.h"
#include "code/code.h"
#include "code/eval_quad.h"

namespace sitrep::cli {
namespace {

void add_eval_quad(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand(
      "quad", "Score the class of each sentence's main event (0 statement/appeal, 1-4 QuadClass) on labelled sentences");
  auto f = add_eval_coder_flags(
      cmd, {"cameo_class.*.tsv (sentence TAB label 0-4)", "Lines to score: dev (even lines, from 0), test (odd) or all",
            "Print each sentence coded wrong: line, gold and coded class, code, actors, pattern (stderr)"});
  cmd->callback([=, &exit_code] {
    auto text = read_eval_file(f->file);
    if (!text) {
      exit_code = kFatal;
      return;
    }
    auto sentences = code::read_quad_tsv(*text, f->file);
    if (!sentences) {
      std::cerr << "sitrep: " << sentences.error().where() << ": " << sentences.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    auto [coder, split, parsed] = prepare_eval(*f);
    if (!coder) {
      exit_code = kFatal;
      return;
    }
    code::QuadScores s = code::score_quad(*coder, sentences.value(), split, f->details ? &std::cerr : nullptr);
    nlohmann::json per = nlohmann::json::object();
    for (int c = 0; c < code::kPentaClasses; ++c)
      per[std::to_string(c)] = {{"name", code::penta_class_name(c)}, {"records", s.gold(c)},
                                {"coded", s.predicted(c)},          {"precision", s.precision(c)},
                                {"recall", s.recall(c)},            {"f1", s.f1(c)}};
    nlohmann::json j{{"split", code::to_string(split)},
                     {"records", s.records()},
                     {"parsed", parsed},
                     {"coded", s.coded()},
                     {"accuracy", s.accuracy()},
                     {"macro_f1", s.macro_f1()},
                     {"per_class", per}};
    if (f->json) std::cout << j.dump() << "\n";
    else {
      std::cout << "split " << j["split"].get<std::string>() << ": sentences " << s.records() << ", coded "
                << s.coded() << "\naccuracy " << j["accuracy"] << " %, macro F1 " << j["macro_f1"] << " %\n";
      for (int c = 0; c < code::kPentaClasses; ++c)
        std::cout << "  " << c << " " << code::penta_class_name(c) << ": " << s.gold(c) << " sentences, P "
                  << s.precision(c) << " R " << s.recall(c) << " F1 " << s.f1(c) << "\n";
      std::cout << "  coded nothing: " << s.records() - s.coded() << "\n";
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "quad", add_eval_quad);

}  // namespace
}  // namespace sitrep::cli
