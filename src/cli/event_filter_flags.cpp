#include "cli/event_filter_flags.h"

#include <CLI/CLI.hpp>

namespace sitrep::cli {

void add_event_filter_flags(CLI::App* cmd, EventFilter& f) {
  cmd->add_option("--actor", f.actors, "Actor code (RUSGOV), country code (RUS) or name fragment; repeat for pairs");
  cmd->add_option("--cameo", f.cameo, "CAMEO code or root prefix (04, 041)");
  cmd->add_option("--plover", f.plover, "PLOVER type (CONSULT, ASSAULT, ...)");
  cmd->add_option("--quad", f.quad_class, "QuadClass 1-4")->check(CLI::Range(0, 4));
  cmd->add_option("--from", f.date_from, "First event date (YYYY-MM-DD, or a prefix)");
  cmd->add_option("--to", f.date_to, "Last event date (YYYY-MM-DD, or a prefix)");
  cmd->add_option("--place", f.place, "Location name fragment");
  cmd->add_option("--country", f.country, "Location country (ISO alpha-3)");
  cmd->add_option("--outlet", f.outlet, "An outlet that reported the event");
  cmd->add_option("--text", f.text, "Full-text search over the reporting sentences (SQLite FTS5 syntax)");
  cmd->add_option("--story", f.story, "Story id");
  cmd->add_option("--min-confidence", f.min_confidence, "Only events whose best report the coder gave at least this confidence (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-sources", f.min_sources, "Only events reported by at least this many outlets");
  cmd->add_option("--limit", f.limit, "At most this many events")->capture_default_str();
}

}  // namespace sitrep::cli
