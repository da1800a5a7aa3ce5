// sitrep eval roles FILE [--split dev|test|all] [--json] [--errors]: whether the main event of
// each sentence has the marked source and target (ConfliBERT's cameo_ner.*.txt; code/eval_roles.h):
// precision, recall and F1 for the source, the target and both together.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/eval_coder.h"
#include "cli/registry.h"
#include "code/code.h"
#include "code/eval_roles.h"

namespace sitrep::cli {
namespace {

nlohmann::json counts_json(const code::RoleCounts& c) {
  return {{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}, {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}};
}

void add_eval_roles(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("roles", "Score the source and target of each sentence's main event against marked phrases");
  auto f = add_eval_coder_flags(
      cmd, {"cameo_ner.*.txt (token and BIO label per line: S source, T target, R both sides; blank line between sentences)",
            "Sentences to score: dev (even, from 0), test (odd) or all",
            "Print each sentence with a wrong or missing actor: the marked and the coded phrases (stderr)"});
  cmd->callback([=, &exit_code] {
    auto text = read_eval_file(f->file);
    if (!text) {
      exit_code = kFatal;
      return;
    }
    auto sentences = code::read_role_iob(*text, f->file);
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
    code::RoleScores s = code::score_roles(*coder, sentences.value(), split, f->details ? &std::cerr : nullptr);
    code::RoleCounts both = s.both();
    nlohmann::json j{{"split", code::to_string(split)},
                     {"sentences", s.sentences},
                     {"parsed", parsed},
                     {"coded", s.coded},
                     {"precision", both.precision()},
                     {"recall", both.recall()},
                     {"f1", both.f1()},
                     {"source", counts_json(s.source)},
                     {"target", counts_json(s.target)},
                     {"swapped", s.swapped},
                     {"coded_where_unmarked", {{"source", s.unmarked_source}, {"target", s.unmarked_target}}}};
    if (f->json) std::cout << j.dump() << "\n";
    else {
      std::cout << "split " << j["split"].get<std::string>() << ": sentences " << s.sentences << ", coded " << s.coded
                << "\nsource P " << s.source.precision() << " R " << s.source.recall() << " F1 " << s.source.f1()
                << "\ntarget P " << s.target.precision() << " R " << s.target.recall() << " F1 " << s.target.f1()
                << "\nboth   P " << both.precision() << " R " << both.recall() << " F1 " << both.f1()
                << "\nswapped source and target: " << s.swapped << "\ncoded where the file marks none: source "
                << s.unmarked_source << ", target " << s.unmarked_target << "\n";
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "roles", add_eval_roles);

}  // namespace
}  // namespace sitrep::cli
