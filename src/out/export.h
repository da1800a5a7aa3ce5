// out: fused events for other tools. GDELT 2.0 Events (61 columns) and Mentions (16 columns),
// tab-separated with a header row of GDELT's column names, and events as JSONL or CSV.
// Where sitrep knows better than GDELT, the GDELT column carries sitrep's value (see README):
// SQLDATE is the event date read from the text, not the article date.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "store/event_query.h"

struct sqlite3;

namespace sitrep {

const std::vector<std::string>& gdelt_event_columns();    // the 61 names, in order
const std::vector<std::string>& gdelt_mention_columns();  // the 16 names, in order

// Returns the number of rows written (header excluded).
size_t export_gdelt_events(sqlite3* db, const EventFilter& filter, std::ostream& out);
size_t export_gdelt_mentions(sqlite3* db, const EventFilter& filter, std::ostream& out);
size_t export_events_jsonl(sqlite3* db, const EventFilter& filter, std::ostream& out);
size_t export_events_csv(sqlite3* db, const EventFilter& filter, std::ostream& out);

// The GLOBALEVENTID of an event id: its first 13 hex digits as a number (stable, < 2^52).
int64_t gdelt_event_number(const std::string& event_id);

}  // namespace sitrep
