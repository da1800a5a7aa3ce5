#include "store/schema.h"

#include <string>

namespace sitrep {

// Every event under each key it answers to: its source's and target's codes cut at 3, 6 and 9
// letters (RUS, RUSGOV, RUSGOVMIL), the whole code when longer (SYRREBIMGMOSALQ), and the two
// countries; each key once per event. UNION ALL with the repeats excluded row by row, then one
// sort: the index is written in order (a third of the time UNION's deduplicating b-tree took).
const char* fill_event_actors_sql() {
  return R"sql(
INSERT INTO event_actors(key, date, event_id)
  SELECT key, date, id FROM (
    SELECT substr(source_code, 1, 3) AS key, date, id FROM events WHERE length(source_code) >= 3
    UNION ALL SELECT substr(target_code, 1, 3), date, id FROM events
      WHERE length(target_code) >= 3 AND substr(target_code, 1, 3) IS NOT substr(source_code, 1, 3)
    UNION ALL SELECT source_country, date, id FROM events WHERE length(source_country) = 3
      AND source_country IS NOT substr(source_code, 1, 3) AND source_country IS NOT substr(target_code, 1, 3)
    UNION ALL SELECT target_country, date, id FROM events WHERE length(target_country) = 3
      AND target_country IS NOT substr(source_code, 1, 3) AND target_country IS NOT substr(target_code, 1, 3)
      AND target_country IS NOT source_country
    UNION ALL SELECT substr(source_code, 1, 6), date, id FROM events WHERE length(source_code) >= 6
    UNION ALL SELECT substr(target_code, 1, 6), date, id FROM events
      WHERE length(target_code) >= 6 AND substr(target_code, 1, 6) IS NOT substr(source_code, 1, 6)
    UNION ALL SELECT substr(source_code, 1, 9), date, id FROM events WHERE length(source_code) >= 9
    UNION ALL SELECT substr(target_code, 1, 9), date, id FROM events
      WHERE length(target_code) >= 9 AND substr(target_code, 1, 9) IS NOT substr(source_code, 1, 9)
    UNION ALL SELECT source_code, date, id FROM events WHERE length(source_code) > 9
    UNION ALL SELECT target_code, date, id FROM events WHERE length(target_code) > 9 AND target_code IS NOT source_code)
  ORDER BY key, date, id;
)sql";
}

const std::vector<Migration>& migrations() {
  // Migration 4 also indexes the events a store already has (as released; fuse_stored_mentions
  // refills the table with fill_event_actors_sql(), which gives the same rows faster).
  static const std::string m4 = std::string(R"sql(
CREATE TABLE event_actors(
  key TEXT NOT NULL,
  date TEXT,
  event_id TEXT NOT NULL);
CREATE INDEX event_actors_key_date ON event_actors(key, date);

INSERT INTO event_actors(key, date, event_id)
  SELECT substr(source_code, 1, 3), date, id FROM events WHERE length(source_code) >= 3
  UNION SELECT substr(source_code, 1, 6), date, id FROM events WHERE length(source_code) >= 6
  UNION SELECT substr(source_code, 1, 9), date, id FROM events WHERE length(source_code) >= 9
  UNION SELECT source_code, date, id FROM events WHERE length(source_code) > 9
  UNION SELECT substr(target_code, 1, 3), date, id FROM events WHERE length(target_code) >= 3
  UNION SELECT substr(target_code, 1, 6), date, id FROM events WHERE length(target_code) >= 6
  UNION SELECT substr(target_code, 1, 9), date, id FROM events WHERE length(target_code) >= 9
  UNION SELECT target_code, date, id FROM events WHERE length(target_code) > 9
  UNION SELECT source_country, date, id FROM events WHERE length(source_country) = 3
  UNION SELECT target_country, date, id FROM events WHERE length(target_country) = 3;
)sql");
  static const std::vector<Migration> all = {
      {1, R"sql(
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  records INTEGER DEFAULT 0, stored INTEGER DEFAULT 0, already_stored INTEGER DEFAULT 0,
  duplicates INTEGER DEFAULT 0, rejected INTEGER DEFAULT 0, warnings INTEGER DEFAULT 0);
CREATE TABLE documents(
  id TEXT PRIMARY KEY,
  origin TEXT NOT NULL,
  format TEXT NOT NULL,
  url TEXT, source_id TEXT,
  title TEXT,
  pub_date TEXT,
  date_precision TEXT NOT NULL,
  date_evidence TEXT,
  date_is_crawl INTEGER NOT NULL DEFAULT 0,
  outlet TEXT, byline TEXT, dateline TEXT,
  charset TEXT, invalid_bytes INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  body_hash INTEGER NOT NULL,
  -- JSON, one value per document (one row each would triple the write cost):
  paragraphs TEXT NOT NULL,   -- [[begin, end], ...] character offsets into body
  captions TEXT NOT NULL,     -- ["caption", ...]
  removed TEXT NOT NULL,      -- [{"reason": ..., "text": ...}, ...] what the cleaner dropped and why
  duplicate_of TEXT REFERENCES documents(id),
  run_id INTEGER REFERENCES runs(id),
  ingested_at TEXT NOT NULL);
CREATE INDEX documents_body_hash ON documents(body_hash);
CREATE TABLE errors(
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  file TEXT NOT NULL,
  locator TEXT,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL);
)sql"},
      // Near-duplicate documents (syndicated, lightly edited copies): the MinHash signature
      // of the body (fuse/near_dup.h) and the first stored document it copies.
      {2, R"sql(
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN near_duplicate_of TEXT REFERENCES documents(id);
ALTER TABLE runs ADD COLUMN near_duplicates INTEGER DEFAULT 0;
)sql"},
      // Coded events: every mention as the coder found it, the real-world events fusion made
      // of them, stories, quotes, and full-text search over mention sentences.
      {3, R"sql(
ALTER TABLE documents ADD COLUMN coded_at TEXT;
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  begin INTEGER NOT NULL, end INTEGER NOT NULL,   -- the sentence, UTF-8 byte offsets into the body
  text TEXT NOT NULL,
  date TEXT, date_basis TEXT,
  source_name TEXT, source_kb_id TEXT, source_code TEXT, source_country TEXT, source_agent TEXT,
  target_name TEXT, target_kb_id TEXT, target_code TEXT, target_country TEXT, target_agent TEXT,
  cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, plover TEXT, plover_mode TEXT,
  goldstein REAL, quad_class INTEGER,
  location_name TEXT, geonames_id INTEGER, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL,
  modality TEXT NOT NULL,
  attributed_to_name TEXT, attributed_to_code TEXT,
  confidence REAL,
  event_id TEXT);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE VIRTUAL TABLE mentions_fts USING fts5(text, content='mentions', content_rowid='id');
CREATE TABLE events(
  id TEXT PRIMARY KEY,
  date TEXT, date_precision TEXT,
  source_code TEXT, source_name TEXT, source_country TEXT,
  target_code TEXT, target_name TEXT, target_country TEXT,
  cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, plover TEXT, plover_mode TEXT,
  goldstein REAL, quad_class INTEGER,
  location_name TEXT, geonames_id INTEGER, country TEXT, admin1 TEXT, lat REAL, lon REAL,
  num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  first_report TEXT, last_report TEXT,
  best_mention INTEGER REFERENCES mentions(id),
  story_id TEXT);
CREATE INDEX events_actors_date ON events(source_code, target_code, date);
CREATE INDEX events_target_date ON events(target_code, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_story ON events(story_id);
CREATE TABLE stories(
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  first_date TEXT, last_date TEXT,
  num_events INTEGER NOT NULL,
  countries TEXT, place TEXT);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  begin INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker_name TEXT, speaker_kb_id TEXT, speaker_code TEXT);
CREATE INDEX quotes_doc ON quotes(doc_id);
)sql"},
      // Actor lookup for queries: every event under each of its actors' codes, their 3-letter
      // prefixes (RUS, RUSGOV, RUSGOVMIL) and countries, with its date, so an actor pair over a
      // date range is two index ranges.
      {4, m4},
      // MinHash word hashing changed (FNV-1a on the fly instead of XXH3 over a copy): stored
      // signatures no longer compare with new ones. The store recomputes them from the bodies
      // while applying this migration (see Store::open).
      {5, "UPDATE documents SET minhash = NULL;"},
      // MinHash word hashing changed again (word boundaries from SSE2 bit masks, eight bytes a
      // step): recomputed the same way.
      {6, "UPDATE documents SET minhash = NULL;"},
  };
  return all;
}


}  // namespace sitrep
