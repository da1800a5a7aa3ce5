// Helpers shared by the tests: temporary directories, the seeds, running the sitrep binary.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sitrep::testing {

inline std::filesystem::path shared_dir() { return SITREP_SHARED_DIR; }
inline bool have_shared() { return std::filesystem::exists(shared_dir() / "seeds"); }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

// A fresh directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir() { std::error_code ec; std::filesystem::remove_all(path_, ec); }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the sitrep binary with the given argument string (shell syntax).
CommandResult run_sitrep(const std::string& args, const std::string& stdin_file = "");

}  // namespace sitrep::testing
