// cli: the coding run shared by `sitrep code` and `sitrep demo`: codes the stored documents not
// coded yet, saves their mentions and quotes, and fuses all mentions into events and stories.
#pragma once
#include <ostream>
#include <string>

namespace sitrep::cli {

struct CodeArgs {
  std::string db = "sitrep.db", kb, model;  // empty kb/model: the default paths
  unsigned threads = 0;
  bool json = false;
};

// Returns the exit code: 0 or 1 (fatal: the store or the lexicon cannot open).
int run_code(const CodeArgs& args, std::ostream& out);

}  // namespace sitrep::cli
