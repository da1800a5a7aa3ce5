// cli: the flags and coder set-up shared by the coder evaluations (`sitrep eval plover`,
// `sitrep eval ngec`, `sitrep eval quad`): gold file, --kb, --model / --no-model, --split,
// --details (alias --errors), --json.
#pragma once
#include <memory>
#include <optional>
#include <string>

namespace CLI {
class App;
}
namespace sitrep::code {
class Coder;
enum class PloverSplit;
}

namespace sitrep::cli {

struct EvalCoderFlags {
  std::string file, kb, model, split = "all";
  bool no_model = false, details = false, json = false;
};

struct EvalCoderHelp {
  const char* file;     // what the positional file is
  const char* split;    // how dev and test are drawn
  const char* details;  // what --details / --errors prints
};

// Adds the flags to `cmd`; the returned object is filled when the command line is parsed.
std::shared_ptr<EvalCoderFlags> add_eval_coder_flags(CLI::App* cmd, const EvalCoderHelp& help);

// The gold file's text; nullopt, with "sitrep: FILE: cannot open" printed, when it cannot be read.
std::optional<std::string> read_eval_file(const std::string& path);

struct EvalSetup {
  std::shared_ptr<const code::Coder> coder;  // null: it could not be built (the reason printed)
  code::PloverSplit split;                   // --split
  bool parsed = false;                       // the parse model loaded
};
// The coder with the knowledge base and (unless --no-model) the parse model, and the split. A
// missing model is a warning (window rules only).
EvalSetup prepare_eval(const EvalCoderFlags& flags);

}  // namespace sitrep::cli
