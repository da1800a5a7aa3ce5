// store: the schema as an ordered list of migrations. Never edit a released migration;
// append a new one.
#pragma once
#include <string_view>
#include <vector>

namespace sitrep {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

}  // namespace sitrep
