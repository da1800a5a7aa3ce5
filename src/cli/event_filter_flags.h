// cli: the event filter flags shared by `query`, `timeline`, `export` and `report`.
#pragma once
#include "store/event_query.h"

namespace CLI {
class App;
}

namespace sitrep::cli {

// --actor (repeatable), --cameo, --plover, --quad, --from, --to, --place, --country, --outlet,
// --text, --story, --min-confidence, --min-sources, --limit.
void add_event_filter_flags(CLI::App* cmd, EventFilter& filter);

}  // namespace sitrep::cli
