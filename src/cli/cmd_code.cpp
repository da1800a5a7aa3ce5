// sitrep code --db FILE: codes the stored documents not coded yet, saves mentions and quotes,
// and fuses all mentions into events and stories.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/code_run.h"
#include "cli/registry.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace sitrep::cli {
namespace {

void add_code(CLI::App& parent, int& exit_code) {
  auto* cmd = parent.add_subcommand("code", "Code the stored documents and fuse their events (see `sitrep events`)");
  auto a = std::make_shared<CodeArgs>();
  a->kb = kb::Kb::default_path();
  a->model = nlp::Model::default_path();
  cmd->add_option("--db", a->db, "SQLite store")->capture_default_str();
  cmd->add_option("--kb", a->kb, "kb.bin")->capture_default_str();
  cmd->add_option("--model", a->model, "nlp model")->capture_default_str();
  cmd->add_option("--threads", a->threads, "Coding threads (0 = all cores)")->capture_default_str();
  cmd->add_flag("--json", a->json, "Print a machine-readable summary");
  cmd->callback([a, &exit_code] { exit_code = run_code(*a, std::cout); });
}

const CommandRegistration reg("", "code", add_code);

}  // namespace
}  // namespace sitrep::cli
