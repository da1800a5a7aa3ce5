// cli: the flags and coder set-up shared by the coder evaluations (`sitrep eval plover`,
// `sitrep eval ngec`, `sitrep eval quad`): gold file, --kb, --model / --no-model, --split,
// --details (alias --errors), --json.
#pragma once
#include <memory>
#include <string>

namespace CLI {
class App;
}
namespace sitrep::code {
class Coder;
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

// The coder with the knowledge base and (unless --no-model) the parse model. A missing model is
// a warning (window rules only); a coder that cannot be built is printed and gives null.
// `parsed` says whether the model loaded.
std::shared_ptr<const code::Coder> make_eval_coder(const EvalCoderFlags& flags, bool& parsed);

}  // namespace sitrep::cli
