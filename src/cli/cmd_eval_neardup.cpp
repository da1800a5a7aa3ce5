// sitrep eval neardup CORPUS.jsonl: precision/recall of near-duplicate detection on edited copies.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/registry.h"
#include "fuse/eval_neardup.h"

namespace sitrep::cli {
namespace {

void add_eval_neardup(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("neardup", "Near-duplicate detection on edited copies of corpus articles");
  auto o = std::make_shared<NearDupEvalOptions>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("corpus", o->corpus, "JSONL corpus (e.g. ../shared/data/corpus/allsides_intl.jsonl)")->required();
  cmd->add_option("--split", o->split, "dev (even articles; for tuning), test (odd) or all")
      ->check(CLI::IsMember({"dev", "test", "all"}))
      ->capture_default_str();
  cmd->add_option("--limit", o->limit, "Articles to read from the corpus")->capture_default_str();
  cmd->add_option("--threshold", o->threshold, "Estimated Jaccard threshold (default: the shipped one)");
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->callback([o, json, &exit_code] {
    auto r = evaluate_near_duplicates(*o);
    if (!r.error.empty()) {
      std::cerr << "sitrep: " << r.error << "\n";
      exit_code = kFatal;
      return;
    }
    if (*json) {
      nlohmann::json j = {{"dataset", o->corpus}, {"split", o->split}, {"originals", r.originals},
                          {"copies", r.copies},   {"threshold", r.threshold}, {"precision", r.precision()},
                          {"recall", r.recall()}, {"f1", r.f1()},         {"true_positives", r.true_positives},
                          {"false_positives", r.false_positives}, {"false_negatives", r.false_negatives},
                          {"seconds", r.seconds}};
      std::cout << j.dump() << "\n";
    } else {
      std::printf("near-duplicates on %s (%s split): %llu originals, %llu edited copies, threshold %.2f\n",
                  o->corpus.c_str(), o->split.c_str(), static_cast<unsigned long long>(r.originals),
                  static_cast<unsigned long long>(r.copies), r.threshold);
      std::printf("precision %.2f  recall %.2f  F1 %.2f  (TP %llu, FP %llu, FN %llu) in %.2f s\n", r.precision(),
                  r.recall(), r.f1(), static_cast<unsigned long long>(r.true_positives),
                  static_cast<unsigned long long>(r.false_positives),
                  static_cast<unsigned long long>(r.false_negatives), r.seconds);
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "neardup", add_eval_neardup);

}  // namespace
}  // namespace sitrep::cli
