// sitrep eval clean DIR [--json] [--split all|dev|test]: main-content extraction scored on a
// trafilatura-style snippet dataset (see clean/eval_clean.h for the rules).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "clean/eval_clean.h"
#include "cli/registry.h"

namespace sitrep::cli {
namespace {

void print_table(const EvalCleanResult& r, std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line, "%-18s %-5s %6s %6s %9s %7s %6s %9s %8s\n", "dataset", "split", "pages",
                "failed", "precision", "recall", "F1", "accuracy", "pages/s");
  out << line;
  std::snprintf(line, sizeof line, "%-18s %-5s %6zu %6zu %9.2f %7.2f %6.2f %9.2f %8.1f\n", r.dataset.c_str(),
                r.split.c_str(), r.pages, r.failed, r.precision(), r.recall(), r.f1(), r.accuracy(),
                r.pages_per_second());
  out << line;
  out << "tp " << r.tp << "  fp " << r.fp << "  fn " << r.fn << "  tn " << r.tn << "  (scores in %; pages/s counts "
      << "CPU time in the clean stage only)\n";
}

void print_misses(const EvalCleanResult& r, std::ostream& out) {
  for (const auto& m : r.misses) {
    out << "== " << m.file << "  " << m.url << "\n";
    if (!m.error.empty()) out << "   failed: " << m.error << "\n";
    for (const auto& s : m.missed) out << "   missed: " << s << "\n";
    for (const auto& s : m.leaked) out << "   leaked: " << s << "\n";
  }
}

void add_eval_clean(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("clean", "Score HTML main-content extraction on a snippet dataset");
  auto dir = std::make_shared<std::string>();
  auto split = std::make_shared<std::string>("all");
  auto json = std::make_shared<bool>(false);
  auto misses = std::make_shared<bool>(false);
  auto opts = std::make_shared<EvalCleanOptions>();
  cmd->add_option("dir", *dir, "Dataset folder with evaldata.json and html/ (e.g. ../shared/data/html/trafilatura-eval)")
      ->required();
  cmd->add_option("--split", *split, "all, dev (even pages in sorted url order) or test (odd pages)")
      ->check(CLI::IsMember({"all", "dev", "test"}))
      ->capture_default_str();
  cmd->add_option("--limit", opts->limit, "Score only the first N pages of the split");
  cmd->add_flag("--json", *json, "Print one JSON object instead of a table");
  cmd->add_flag("--captions", opts->include_captions, "Count captions as output text");
  cmd->add_flag("--misses", *misses, "List the snippets each page got wrong");
  cmd->callback([=, &exit_code] {
    opts->split = *split == "dev" ? EvalSplit::Dev : *split == "test" ? EvalSplit::Test : EvalSplit::All;
    opts->collect_misses = *misses;
    auto r = eval_clean(*dir, *opts);
    if (!r) {
      std::cerr << "sitrep: " << r.error().where() << ": " << r.error().message << "\n";
      exit_code = kFatal;
      return;
    }
    if (*misses) print_misses(r.value(), std::cout);
    if (*json) std::cout << eval_clean_json(r.value()) << "\n";
    else print_table(r.value(), std::cout);
    exit_code = kOk;
  });
}

const CommandRegistration reg("eval", "clean", add_eval_clean);

}  // namespace
}  // namespace sitrep::cli
