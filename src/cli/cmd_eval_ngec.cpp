// sitrep eval ngec FILE.csv [--split dev|test|all] [--json] [--details]: PLOVER event-type
// accuracy on the NGEC synthetic stories (code/eval_ngec.h). Stories are split by headline:
// even-numbered headlines are dev, odd-numbered test.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "cli/eval_coder.h"
#include "cli/registry.h"
#include "code/code.h"
#include "code/eval_ngec.h"

namespace sitrep::cli {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(uint8_t(c)));
  return s;
}

void add_eval_ngec(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("ngec", "Score PLOVER event types on the NGEC synthetic stories");
  auto f = add_eval_coder_flags(
      cmd, {"gpt_synthetic_events_*.csv", "Stories to score: dev (even-numbered headlines), test (odd) or all",
            "Print gold and coded type per story, then the confusion table (stderr)"});
  auto headlines = std::make_shared<bool>(false);
  cmd->add_flag("--headlines", *headlines,
                "Code each story's filled-in headline (its prompt's first line) alone instead of the story");
  cmd->callback([=, &exit_code] {
    auto text = read_eval_file(f->file);
    if (!text) {
      exit_code = kFatal;
      return;
    }
    auto stories = code::read_ngec_csv(*text, f->file);
    if (!stories) {
      std::cerr << "sitrep: " << stories.error().where() << ": " << stories.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    auto [coder, split, parsed] = prepare_eval(*f);
    if (!coder) {
      exit_code = kFatal;
      return;
    }
    code::NgecScores s = code::score_ngec(*coder, stories.value(), split, f->details ? &std::cerr : nullptr, *headlines);
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    nlohmann::json per = nlohmann::json::object();
    for (const auto& [type, t] : s.per_type)
      per[lower(type)] = {{"records", t.records}, {"type_accuracy", pct(t.right, t.records)},
                          {"type_in_story", pct(t.in_doc, t.records)}};
    nlohmann::json j{{"split", code::to_string(split)},
                     {"unit", *headlines ? "headline" : "story"},
                     {"records", s.records},
                     {"parsed", parsed},
                     {"coded", s.coded},
                     {"type_accuracy", pct(s.type_right, s.records)},
                     {"type_accuracy_coded", pct(s.type_right, s.coded)},
                     {"type_in_story", pct(s.in_doc, s.records)},
                     {"per_type", per}};
    if (f->details) {
      std::cerr << "confusion (gold: coded counts)\n";
      for (const auto& [gold, row] : s.confusion) {
        std::vector<std::pair<size_t, std::string>> cells;
        for (const auto& [got, k] : row) cells.emplace_back(k, got);
        std::sort(cells.rbegin(), cells.rend());
        std::cerr << gold << ":";
        for (const auto& [k, got] : cells) std::cerr << " " << got << " " << k;
        std::cerr << "\n";
      }
    }
    if (f->json) std::cout << j.dump() << "\n";
    else {
      std::cout << "split " << j["split"].get<std::string>() << ": stories " << s.records << ", coded " << s.coded
                << "\nPLOVER type accuracy " << j["type_accuracy"] << " % (of coded: " << j["type_accuracy_coded"]
                << " %), type in story " << j["type_in_story"] << " %\n";
      for (const auto& [type, t] : s.per_type)
        std::cout << "  " << type << " " << t.right << "/" << t.records << " (in story " << t.in_doc << ")\n";
    }
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "ngec", add_eval_ngec);

}  // namespace
}  // namespace sitrep::cli
