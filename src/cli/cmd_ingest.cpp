// sitrep ingest PATH... [--db FILE]: read, clean and store articles.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/ingest_run.h"
#include "cli/registry.h"

namespace sitrep::cli {
namespace {

void add_ingest(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("ingest", "Read, clean and store articles (files, directories, '-' for stdin)");
  auto opts = std::make_shared<IngestArgs>();
  cmd->add_option("paths", opts->paths, "Files (.txt .html .jsonl .warc .warc.gz), directories, or - for stdin")
      ->required();
  cmd->add_option("--db", opts->db, "SQLite store")->capture_default_str();
  cmd->add_option("--threads", opts->threads, "Cleaning threads (0 = all cores)")->capture_default_str();
  cmd->add_flag("--json", opts->json, "Print a machine-readable run summary");
  cmd->add_flag("--quiet", opts->quiet, "No progress bar or error lines");
  cmd->callback([opts, &exit_code] { exit_code = run_ingest(*opts, "ingest", std::cout); });
}

const CommandRegistration reg("", "ingest", add_ingest);

}  // namespace
}  // namespace sitrep::cli
