// store: the SQLite database (WAL) behind every command that keeps results. A versioned schema
// with migrations; documents with their body, paragraphs, captions, removed blocks, metadata;
// the errors of every run. Writes happen in batch transactions on one thread.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/doc.h"
#include "core/error.h"
#include "store/store_row.h"

struct sqlite3;

namespace sitrep {

class WalCheckpointer;

struct RunCounts {
  uint64_t records = 0, stored = 0, already_stored = 0, duplicates = 0, near_duplicates = 0, rejected = 0,
           warnings = 0;
};

struct StoredDocSummary {
  std::string id, origin, title, pub_date, date_precision, outlet, duplicate_of, near_duplicate_of;
  uint64_t body_chars = 0, paragraphs = 0;
};

class Store {
 public:
  // Opens or creates the database and applies pending migrations.
  static Expected<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int latest_schema_version();
  int schema_version();

  int64_t begin_run(const std::string& command);
  void finish_run(int64_t run, const RunCounts& counts, const std::string& status);

  void begin();
  void commit();
  // From now on a thread of the store's own copies each commit's WAL frames into the database
  // (see wal_checkpointer.h) instead of this connection at commits and at close.
  void checkpoint_in_background();

  enum class PutResult { Stored, AlreadyStored, Duplicate, NearDuplicate };
  // Stores the document unless its id is already there; a body equal to a stored one is
  // stored with duplicate_of set to the first; a near copy (doc.minhash, fuse/near_dup.h)
  // with near_duplicate_of. The near-duplicate index is loaded from the store on first use.
  PutResult put(const Doc& doc, int64_t run) { return put(prepare_row(doc), run); }
  // The same for a row prepared beforehand (store_row.h), e.g. on another thread.
  PutResult put(const StoreRow& row, int64_t run);
  void record_error(const Error& error, int64_t run);
  // About this many documents will be put in this session (a hint: the near-duplicate index
  // then takes them without growing).
  void expect_documents(uint64_t n) { expected_docs_ = n; }

  std::vector<StoredDocSummary> list_documents(int64_t limit, int64_t offset);
  uint64_t count(const std::string& table);
  // PRAGMA integrity_check; "ok" when the file is sound.
  std::string integrity_check();
  sqlite3* handle() { return db_; }

 private:
  explicit Store(sqlite3* db);
  struct Statements;
  struct NearDupState;
  struct BodyHashes;
  // True when another connection may have committed since the stored body hashes were read.
  bool others_committed();
  sqlite3* db_;
  std::unique_ptr<WalCheckpointer> checkpointer_;
  std::unique_ptr<Statements> st_;
  std::unique_ptr<NearDupState> near_;
  std::unique_ptr<BodyHashes> hashes_;
  int64_t data_version_ = -1;
  uint64_t expected_docs_ = 0;
};

}  // namespace sitrep
