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

// Fills event_actors from the events table (run after events are written; the table must be
// empty first).
const char* fill_event_actors_sql();

}  // namespace sitrep
