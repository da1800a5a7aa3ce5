// cli: a timeline in the terminal, shared by `sitrep timeline` and `sitrep demo`: one line per
// event (date, PLOVER type, who -> whom, CAMEO code, mode, place), its sources and its best
// evidence sentence.
#pragma once
#include <ostream>
#include <vector>

#include "store/event_query.h"

namespace sitrep::cli {

void print_timeline(sqlite3* db, const std::vector<EventRow>& rows, std::ostream& out);

}  // namespace sitrep::cli
