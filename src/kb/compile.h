// Compiles a checked KbSource into the kb.bin bytes (layout in format.h).
#pragma once
#include <string>

#include "kb/source.h"

namespace sitrep::kb {

struct CompileStats {
  size_t countries = 0, people = 0, roles = 0, orgs = 0, agents = 0, titles = 0;
  size_t places = 0, authored_places = 0, subdivisions = 0, cities = 0, keys = 0;
};

std::string compile_kb(const KbSource& src, CompileStats* stats = nullptr);

}  // namespace sitrep::kb
