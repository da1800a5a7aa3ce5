// sitrep-kbc: compiles data/kb/*.tsv + iso-codes + GeoNames cities into kb.bin at build time.
// Refuses to write a KB that `sitrep kb check` would reject, so a bad data line fails the build.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "kb/compile.h"
#include "kb/kb.h"
#include "kb/source.h"

int main(int argc, char** argv) {
  sitrep::kb::SourcePaths paths;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--data") paths.data_dir = argv[i + 1];
    else if (a == "--iso") paths.iso_dir = argv[i + 1];
    else if (a == "--cities") paths.cities = argv[i + 1];
    else if (a == "--out") out = argv[i + 1];
  }
  if (paths.data_dir.empty() || out.empty()) {
    std::cerr << "usage: sitrep-kbc --data DIR --out kb.bin [--iso DIR] [--cities cities1000.txt]\n";
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto src = sitrep::kb::read_source(paths);
  int fatal = 0;
  for (const auto& e : sitrep::kb::check_source(src)) {
    bool warn = e.severity == sitrep::Severity::Warning;
    if (!warn) ++fatal;
    std::cerr << "sitrep-kbc: " << (warn ? "warning: " : "error: ") << e.where() << ": " << e.message << "\n";
  }
  if (fatal) {
    std::cerr << "sitrep-kbc: " << fatal << " errors; kb.bin not written\n";
    return 1;
  }
  sitrep::kb::CompileStats st;
  std::string bytes = sitrep::kb::compile_kb(src, &st);
  if (auto kb = sitrep::kb::Kb::from_bytes(bytes); !kb) {
    std::cerr << "sitrep-kbc: the compiled KB does not load: " << kb.error().message << "\n";
    return 1;
  }
  std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) {
      std::cerr << "sitrep-kbc: cannot write " << tmp << "\n";
      return 1;
    }
  }
  std::rename(tmp.c_str(), out.c_str());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "sitrep-kbc: " << out << ": " << st.countries << " countries, " << st.people << " people, " << st.roles
            << " roles, " << st.orgs << " organizations, " << st.agents << " agents, " << st.places << " places ("
            << st.authored_places << " authored, " << st.subdivisions << " subdivisions, " << st.cities << " cities), "
            << st.keys << " keys, " << bytes.size() / 1024 << " KiB in " << secs << " s\n";
  return 0;
}
