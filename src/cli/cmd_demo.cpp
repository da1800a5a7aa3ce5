// sitrep demo [--db FILE] [PATH...]: the main job on the bundled examples, showing the
// furthest stage that works.
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "cli/ingest_run.h"
#include "cli/registry.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

void add_demo(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("demo", "Ingest the bundled examples into a store and show what sitrep found");
  auto args = std::make_shared<IngestArgs>();
  args->db = "demo.db";
  cmd->add_option("paths", args->paths, "Inputs (default: examples/)");
  cmd->add_option("--db", args->db, "SQLite store")->capture_default_str();
  cmd->callback([args, &exit_code] {
    if (args->paths.empty()) args->paths.push_back(std::string(SITREP_SOURCE_DIR) + "/examples");
    args->quiet = false;
    std::cout << "== 1. ingest: read -> clean -> store (" << args->db << ")\n";
    exit_code = run_ingest(*args, "demo", std::cout);
    auto st = Store::open(args->db);
    if (!st) return;
    std::cout << "\n== 2. documents\n";
    for (const auto& d : st.value()->list_documents(1000, 0)) {
      std::cout << "  " << (d.pub_date.empty() ? "date unknown" : d.pub_date) << " (" << d.date_precision << ")  "
                << (d.outlet.empty() ? "outlet unknown" : d.outlet) << "\n    " << d.title << "\n    " << d.origin
                << ": " << d.paragraphs << " paragraphs" << (d.duplicate_of.empty() ? "" : ", duplicate of " + d.duplicate_of.substr(0, 10))
                << (d.near_duplicate_of.empty() ? "" : ", near duplicate of " + d.near_duplicate_of.substr(0, 10))
                << "\n";
    }
    std::cout << "\nNext: `sitrep clean FILE` shows what was kept and dropped; `sitrep docs --db " << args->db
              << "` lists the store.\n";
  });
}

const CommandRegistration reg("", "demo", add_demo);

}  // namespace
}  // namespace sitrep::cli
