// Human-readable views of KB entries for `sitrep kb lookup` and `sitrep link`.
#pragma once
#include <ostream>
#include <string>
#include <string_view>

#include "kb/kb.h"

namespace sitrep::kb {

// "Recep Tayyip Erdogan (erdogan)" / "Idlib [SY, 35.93,36.63, gn:170063]"
std::string describe_entry(const Kb& kb, uint32_t entry);
std::string describe_place(const Kb& kb, uint32_t place);

// Prints what `name` links to on `day` and every KB meaning of it; false if none.
bool print_lookup(const Kb& kb, std::string_view name, int day, std::ostream& out);

}  // namespace sitrep::kb
