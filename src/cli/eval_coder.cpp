#include "cli/eval_coder.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "code/code.h"
#include "code/eval_plover.h"
#include "kb/linker.h"
#include "nlp/nlp.h"

namespace sitrep::cli {

std::shared_ptr<EvalCoderFlags> add_eval_coder_flags(CLI::App* cmd, const EvalCoderHelp& help) {
  auto f = std::make_shared<EvalCoderFlags>();
  f->kb = kb::Kb::default_path();
  f->model = nlp::Model::default_path();
  cmd->add_option("file", f->file, help.file)->required();
  cmd->add_option("--kb", f->kb, "kb.bin")->capture_default_str();
  cmd->add_option("--model", f->model, "nlp model (dependency parse)")->capture_default_str();
  cmd->add_flag("--no-model", f->no_model, "Code without the parse (window rules only)");
  cmd->add_option("--split", f->split, help.split)
      ->check(CLI::IsMember({"dev", "test", "all"}))
      ->capture_default_str();
  cmd->add_flag("--details,--errors", f->details, help.details);
  cmd->add_flag("--json", f->json, "One JSON object");
  return f;
}

std::optional<std::string> read_eval_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "sitrep: " << path << ": cannot open\n";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

EvalSetup prepare_eval(const EvalCoderFlags& f) {
  EvalSetup e;
  e.split = code::parse_plover_split(f.split).value_or(code::PloverSplit::All);
  code::CoderOptions opts;
  auto kb = kb::Kb::open(f.kb);
  if (kb) opts.linker = std::make_shared<const kb::Linker>(kb.value());
  else std::cerr << "sitrep: warning: no knowledge base (" << kb.error().message << "): no actors, no events\n";
  if (!f.no_model) {
    auto model = nlp::Model::load(f.model);
    if (model) opts.model = model.value();
    else std::cerr << "sitrep: warning: no model (" << model.error().message << "): window rules only\n";
  }
  e.parsed = opts.model != nullptr;
  auto coder = code::Coder::create(std::move(opts));
  if (!coder) std::cerr << "sitrep: " << coder.error().message << "\n";
  else e.coder = coder.value();
  return e;
}

}  // namespace sitrep::cli
