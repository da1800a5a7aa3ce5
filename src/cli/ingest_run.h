// cli: the ingest run shared by `sitrep ingest` and `sitrep demo`.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace sitrep::cli {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "sitrep.db";
  unsigned threads = 0;
  bool json = false, quiet = false;
};

// Returns the exit code: 0, 1 (fatal, e.g. the store cannot open) or 3 (some rejected).
int run_ingest(const IngestArgs& args, const std::string& command, std::ostream& out);

}  // namespace sitrep::cli
