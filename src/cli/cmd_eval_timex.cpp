// sitrep eval timex DIR [--json] [--split dev|test|all]: TempEval-3 scores of the time stage over TimeML files.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/registry.h"
#include "time/calendar.h"
#include "time/timex_eval.h"

namespace sitrep::cli {
namespace {

nlohmann::json part_json(const TimexEvalPart& p) {
  TimexScores s = score(p.counts);
  auto r = [](double x) { return std::round(x * 100) / 100; };
  return {{"dataset", p.name},
          {"documents", p.documents},
          {"gold", p.counts.gold},
          {"system", p.counts.system},
          {"strict_precision", r(s.strict_precision)},
          {"strict_recall", r(s.strict_recall)},
          {"strict_f1", r(s.strict_f1)},
          {"relaxed_precision", r(s.relaxed_precision)},
          {"relaxed_recall", r(s.relaxed_recall)},
          {"relaxed_f1", r(s.relaxed_f1)},
          {"type_f1", r(s.type_f1)},
          {"value_f1", r(s.value_f1)}};
}

void print_row(const TimexEvalPart& p) {
  TimexScores s = score(p.counts);
  std::printf("%-14s %5ld %6ld %6ld | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %6.2f %6.2f\n", p.name.c_str(),
              p.documents, p.counts.gold, p.counts.system, s.strict_precision, s.strict_recall, s.strict_f1,
              s.relaxed_precision, s.relaxed_recall, s.relaxed_f1, s.type_f1, s.value_f1);
}

void add_eval_timex(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("timex", "Score the time stage on TimeML (.tml) files, TempEval-3 style");
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto errors = std::make_shared<bool>(false);
  auto split = std::make_shared<std::string>("all");
  cmd->add_option("--split", *split, "Files to score: dev (even-numbered in each folder, path order), test (odd) or all")
      ->check(CLI::IsMember({"dev", "test", "all"}))
      ->capture_default_str();
  cmd->add_option("dir", *dir, "A directory of .tml files (searched recursively) or one .tml file")->required();
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->add_flag("--errors", *errors, "List each document's disagreements on stderr (- missed, + spurious, ~ differs)");
  cmd->callback([dir, json, errors, split, &exit_code] {
    TimexDocSink sink;
    if (*errors)
      sink = [](const TimemlDoc& d, const std::vector<Timex>& sys) {
        std::string diff = timex_differences(d, sys);
        if (!diff.empty())
          std::cerr << "== " << d.name << " (DCT " << d.dct.year << "-" << d.dct.month << "-" << d.dct.day << ", "
                    << timecal::weekday({d.dct.year, d.dct.month, d.dct.day}) << ")\n"
                    << diff;
      };
    TimexEvalReport rep = evaluate_timeml_dir(
        *dir, [](const Error& e) { std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n"; }, sink,
        *split == "dev" ? TimexSplit::Dev : *split == "test" ? TimexSplit::Test : TimexSplit::All);
    if (*json) {
      nlohmann::json j = part_json(rep.total);
      j["split"] = *split;
      j["rejected"] = rep.rejected;
      j["parts"] = nlohmann::json::array();
      for (const auto& p : rep.parts) j["parts"].push_back(part_json(p));
      std::cout << j.dump() << "\n";
    } else {
      std::printf("%-14s %5s %6s %6s | %-20s | %-20s | %-13s\n", "dataset", "docs", "gold", "sys",
                  "strict P / R / F1", "relaxed P / R / F1", "type / value F1");
      for (const auto& p : rep.parts) print_row(p);
      if (rep.parts.size() != 1) print_row(rep.total);
      if (rep.rejected) std::printf("rejected files: %ld\n", rep.rejected);
    }
    exit_code = rep.total.documents == 0 ? kFatal : rep.rejected ? kSomeRejected : kOk;
  });
}

const CommandRegistration reg("eval", "timex", add_eval_timex);

}  // namespace
}  // namespace sitrep::cli
