// store: reading fused events back. One filter type serves `sitrep query`, `timeline`,
// `export` and `report`, so every view of the store selects events the same way.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace sitrep {

struct EventFilter {
  std::vector<std::string> actors;  // each: a CAMEO actor code ("RUSGOV", also RUSGOVMIL), a
                                    // country ("RUS": RUS, RUSGOV, ... and actors of that
                                    // country), or a name fragment; all given must take part
  std::string cameo;                // code or prefix: "04" (root), "041"
  std::string plover;               // "CONSULT"
  int quad_class = 0;               // 1-4, 0 = any
  std::string date_from, date_to;   // inclusive, "YYYY-MM-DD" (prefixes allowed)
  std::string place;                // location name fragment
  std::string country;              // event location ISO alpha-3
  std::string outlet;               // an outlet that reported it
  std::string text;                 // full-text search over mention sentences (SQLite FTS5)
  std::string story;                // story id
  double min_confidence = 0;        // the best mention's confidence, 0-1
  int64_t min_sources = 0;          // outlets that reported it
  int64_t limit = 1000;
};

struct EventRow {
  std::string id, date, date_precision;
  std::string source_code, source_name, source_country, target_code, target_name, target_country;
  std::string cameo, cameo_root, plover, plover_mode;
  double goldstein = 0;
  int quad_class = 0;
  std::string location_name, country, admin1;
  int64_t geonames_id = 0;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t num_mentions = 0, num_sources = 0, num_articles = 0;
  std::string first_report, last_report, story_id;
  int64_t best_mention = 0;
  std::string evidence;  // the best mention's sentence
  std::string source_url;  // url (or origin) of the first report
};

struct MentionRow {
  int64_t id = 0;
  std::string event_id, doc_id, origin, url, outlet, pub_date, text, modality;
  int64_t sentence = 0, begin = 0, end = 0;
  double confidence = 0;
  std::string source_code, target_code, cameo;
};

struct StoryRow {
  std::string id, label, first_date, last_date, countries, place;
  int64_t num_events = 0;
};

struct QuoteRow {
  std::string doc_id, text, speaker_name, speaker_code, outlet, pub_date;
};

// "RUS", "RUSGOV", "IGOUNO": upper-case letters and digits in 3-letter groups, looked up as
// actor codes (themselves and longer codes they begin); anything else is a name fragment.
bool is_actor_code(const std::string& actor);

// Events matching the filter, ordered by date then id. Throws std::runtime_error on SQL errors.
std::vector<EventRow> query_events(sqlite3* db, const EventFilter& filter);
// A timeline: the events matching the filter in date order, undated ones last. For an actor pair
// (two or more actors, no story) it also brings in what either actor did in the stories the
// pair's events belong to: the strike that preceded the call, the threat that followed it.
std::vector<EventRow> timeline_events(sqlite3* db, const EventFilter& filter);
std::vector<MentionRow> mentions_of(sqlite3* db, const std::string& event_id);
std::vector<StoryRow> query_stories(sqlite3* db);
std::vector<QuoteRow> query_quotes(sqlite3* db, int64_t limit);

}  // namespace sitrep
