#include "store/schema.h"

namespace sitrep {

const std::vector<Migration>& migrations() {
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
  };
  return all;
}

}  // namespace sitrep
