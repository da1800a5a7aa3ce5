#include "store/store.h"

#include <sqlite3.h>

#include <cstring>
#include <ctime>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <stdexcept>

#include "fuse/near_dup.h"
#include "store/schema.h"
#include "store/wal_checkpointer.h"

namespace sitrep {

// The migrations after which stored MinHash signatures are recomputed from document bodies (the
// word hashing changed); recomputing once, at the last of them, is enough.
constexpr int kResignMigrations[] = {5, 6};
namespace {

const std::string& now_utc() {
  // Formatted once per second: the writer stamps thousands of documents a second.
  thread_local std::time_t last = 0;
  thread_local std::string text;
  std::time_t t = std::time(nullptr);
  if (t == last && !text.empty()) return text;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  last = t;
  text = buf;
  return text;
}

void exec(sqlite3* db, const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown";
    sqlite3_free(msg);
    throw std::runtime_error(std::string("database: ") + m);
  }
}

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("database: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else bind(i, v);
    return *this;
  }
  Stmt& bind_blob(int i, const void* p, size_t n) {
    if (n == 0) sqlite3_bind_null(s_, i);
    else sqlite3_bind_blob(s_, i, p, static_cast<int>(n), SQLITE_STATIC);
    return *this;
  }
  const void* blob(int c, size_t& n) {
    n = static_cast<size_t>(sqlite3_column_bytes(s_, c));
    return sqlite3_column_blob(s_, c);
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("database: ") + sqlite3_errmsg(db_));
    return false;
  }
  void done() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string text(int c) {
    auto* p = sqlite3_column_text(s_, c);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int64_t integer(int c) { return sqlite3_column_int64(s_, c); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

struct Store::Statements {
  explicit Statements(sqlite3* db)
      : same_body(db, "SELECT id FROM documents WHERE body_hash = ? AND duplicate_of IS NULL AND body = ? LIMIT 1"),
        insert_doc(db,
                   "INSERT INTO documents(id, origin, format, url, source_id, title, pub_date, date_precision, "
                   "date_evidence, date_is_crawl, outlet, byline, dateline, charset, invalid_bytes, body, body_hash, "
                   "duplicate_of, run_id, ingested_at, paragraphs, captions, removed, minhash, near_duplicate_of) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING"),
        insert_err(db, "INSERT INTO errors(run_id, file, locator, severity, message, at) VALUES (?,?,?,?,?,?)"),
        data_version(db, "PRAGMA data_version") {}
  Stmt same_body, insert_doc, insert_err, data_version;
};

// The body hashes of the stored documents, read once per session (and again when another
// connection commits): a body whose hash is not among them cannot equal a stored body, so put()
// skips its look-up in documents_body_hash, which most documents (new ones) would miss anyway.
// A superset is harmless (the look-up decides), so every stored hash goes in.
struct Store::BodyHashes {
  std::unordered_set<uint64_t> set;
  bool contains(uint64_t h) const { return set.count(h) != 0; }
  void insert(uint64_t h) { set.insert(h); }
};

struct Store::NearDupState {
  NearDupIndex index;  // ids are positions in `ids`
  std::vector<std::string> ids;  // document ids of the indexed cluster heads
  void add(std::string id, const MinHash& sig, const NearDupIndex::Bands& bands) {
    index.add(static_cast<int64_t>(ids.size()), sig, bands);
    ids.push_back(std::move(id));
  }
};

int Store::latest_schema_version() { return migrations().back().version; }

Expected<std::unique_ptr<Store>> Store::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{path, "", "cannot open database: " + msg};
  }
  std::unique_ptr<Store> store(new Store(db));
  try {
    sqlite3_busy_timeout(db, 10000);
    // Large pages suit article bodies (fewer overflow chains); WAL keeps readers and a
    // crashed writer apart. page_size only takes effect on a new file.
    exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint=16384;");
    exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    int have = store->schema_version();
    if (have > latest_schema_version())
      return Error{path, "", "database schema version " + std::to_string(have) + " is newer than this sitrep (" +
                                 std::to_string(latest_schema_version()) + "); upgrade sitrep"};
    int resign_at = 0;  // the last signature-changing migration this open applies
    for (int v : kResignMigrations)
      if (v > have) resign_at = v;
    for (const auto& m : migrations()) {
      if (m.version <= have) continue;
      exec(db, "BEGIN IMMEDIATE");
      exec(db, std::string(m.sql).c_str());
      if (m.version == resign_at) {
        Stmt read(db, "SELECT rowid, body FROM documents WHERE duplicate_of IS NULL");
        Stmt write(db, "UPDATE documents SET minhash = ? WHERE rowid = ?");
        while (read.step()) {
          MinHash sig = minhash(read.text(1));
          write.bind_blob(1, sig.data(), sizeof sig).bind(2, read.integer(0)).done();
        }
      }
      Stmt rec(db, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)");
      rec.bind(1, static_cast<int64_t>(m.version)).bind(2, now_utc()).done();
      exec(db, "COMMIT");
    }
    store->st_ = std::make_unique<Statements>(db);
  } catch (const std::exception& e) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return Error{path, "", e.what()};
  }
  return store;
}

Store::Store(sqlite3* db) : db_(db) {}

namespace {
bool to_minhash(const void* p, size_t n, MinHash& out) {
  if (!p || n != sizeof(MinHash)) return false;
  std::memcpy(out.data(), p, n);
  return true;
}
}  // namespace

Store::~Store() {
  st_.reset();
  hashes_.reset();
  // The checkpointer's connection closes first; the writer's close, the last one, checkpoints
  // what is left and removes the WAL.
  checkpointer_.reset();
  sqlite3_close(db_);
}

int Store::schema_version() {
  Stmt s(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  s.step();
  return static_cast<int>(s.integer(0));
}

int64_t Store::begin_run(const std::string& command) {
  Stmt s(db_, "INSERT INTO runs(command, started_at) VALUES (?, ?)");
  s.bind(1, command).bind(2, now_utc()).done();
  return sqlite3_last_insert_rowid(db_);
}

void Store::finish_run(int64_t run, const RunCounts& c, const std::string& status) {
  Stmt s(db_,
         "UPDATE runs SET finished_at=?, status=?, records=?, stored=?, already_stored=?, duplicates=?, rejected=?, "
         "warnings=?, near_duplicates=? WHERE id=?");
  s.bind(1, now_utc()).bind(2, status);
  s.bind(3, static_cast<int64_t>(c.records)).bind(4, static_cast<int64_t>(c.stored));
  s.bind(5, static_cast<int64_t>(c.already_stored)).bind(6, static_cast<int64_t>(c.duplicates));
  s.bind(7, static_cast<int64_t>(c.rejected)).bind(8, static_cast<int64_t>(c.warnings));
  s.bind(9, static_cast<int64_t>(c.near_duplicates)).bind(10, run);
  s.done();
}

void Store::begin() {
  exec(db_, "BEGIN IMMEDIATE");
  // The write lock is held from here to the commit: nobody else commits within the batch.
  if (hashes_ && others_committed()) hashes_.reset();
}

bool Store::others_committed() {
  auto& s = st_->data_version;
  s.step();
  int64_t v = s.integer(0);
  s.reset();
  bool changed = v != data_version_;
  data_version_ = v;
  return changed;
}
void Store::commit() {
  exec(db_, "COMMIT");
  if (checkpointer_) checkpointer_->committed();
}

void Store::checkpoint_in_background() {
  if (checkpointer_) return;
  const char* path = sqlite3_db_filename(db_, "main");
  if (!path || !*path) return;  // in-memory or temporary: no WAL
  checkpointer_ = WalCheckpointer::start(path);
  if (checkpointer_) exec(db_, "PRAGMA wal_autocheckpoint=0");
}

Store::PutResult Store::put(const StoreRow& r, int64_t run) {
  // No look-up of the id first: the insert skips a stored id (ON CONFLICT DO NOTHING) and
  // changes() tells. The duplicate checks before it only read, so a skipped row changes nothing.
  auto& st = *st_;
  // Outside a transaction of begin()'s, another connection may commit between two puts.
  if (hashes_ && sqlite3_get_autocommit(db_) && others_committed()) hashes_.reset();
  if (!hashes_) {
    hashes_ = std::make_unique<BodyHashes>();
    others_committed();  // the version these hashes were read at
    Stmt all(db_, "SELECT body_hash FROM documents");
    while (all.step()) hashes_->insert(static_cast<uint64_t>(all.integer(0)));
  }
  std::string dup;
  if (hashes_->contains(r.body_hash)) {
    st.same_body.bind(1, static_cast<int64_t>(r.body_hash)).bind(2, r.body);
    if (st.same_body.step()) dup = st.same_body.text(0);
    st.same_body.reset();
  }

  std::string near;
  if (r.has_minhash) {
    if (!near_) {  // first use in this session: index what is stored
      near_ = std::make_unique<NearDupState>();
      Stmt all(db_,
               "SELECT rowid, id, minhash FROM documents WHERE minhash IS NOT NULL AND duplicate_of IS NULL "
               "AND near_duplicate_of IS NULL");
      while (all.step()) {
        size_t n = 0;
        const void* p = all.blob(2, n);
        MinHash m;
        if (!to_minhash(p, n, m)) continue;
        near_->add(all.text(1), m, lsh_bands(m));
      }
      near_->index.reserve(near_->index.size() + expected_docs_);
      near_->ids.reserve(near_->ids.size() + expected_docs_);
    }
    if (dup.empty())
      if (auto m = near_->index.best_match(r.minhash, r.bands)) near = near_->ids[m->first];
  }
  auto& ins = st.insert_doc;
  ins.bind(1, r.id).bind(2, r.origin).bind(3, r.format).bind_or_null(4, r.url).bind_or_null(5, r.source_id);
  ins.bind_or_null(6, r.title).bind_or_null(7, r.pub_date);
  ins.bind(8, r.date_precision).bind_or_null(9, r.date_evidence).bind(10, static_cast<int64_t>(r.date_is_crawl));
  ins.bind_or_null(11, r.outlet).bind_or_null(12, r.byline).bind_or_null(13, r.dateline);
  ins.bind_or_null(14, r.charset).bind(15, static_cast<int64_t>(r.invalid_bytes)).bind(16, r.body);
  ins.bind(17, static_cast<int64_t>(r.body_hash)).bind_or_null(18, dup).bind(19, run);
  ins.bind(20, now_utc());
  ins.bind(21, r.paragraphs).bind(22, r.captions).bind(23, r.removed);
  ins.bind_blob(24, r.has_minhash ? r.minhash.data() : nullptr, r.has_minhash ? sizeof r.minhash : 0);
  ins.bind_or_null(25, near).done();
  if (sqlite3_changes(db_) == 0) return PutResult::AlreadyStored;
  hashes_->insert(r.body_hash);
  if (r.has_minhash && dup.empty() && near.empty()) near_->add(r.id, r.minhash, r.bands);  // only cluster heads
  if (!dup.empty()) return PutResult::Duplicate;
  return near.empty() ? PutResult::Stored : PutResult::NearDuplicate;
}

void Store::record_error(const Error& e, int64_t run) {
  auto& s = st_->insert_err;
  s.bind(1, run).bind(2, e.file).bind_or_null(3, e.locator);
  std::string sev = e.severity == Severity::Warning ? "warning" : "rejected";
  s.bind(4, sev).bind(5, e.message).bind(6, now_utc()).done();
}

std::vector<StoredDocSummary> Store::list_documents(int64_t limit, int64_t offset) {
  Stmt s(db_,
         "SELECT d.id, d.origin, COALESCE(d.title,''), COALESCE(d.pub_date,''), d.date_precision, "
         "COALESCE(d.outlet,''), COALESCE(d.duplicate_of,''), length(d.body), "
         "json_array_length(d.paragraphs), COALESCE(d.near_duplicate_of,'') FROM documents d ORDER BY d.rowid "
         "LIMIT ? OFFSET ?");
  s.bind(1, limit).bind(2, offset);
  std::vector<StoredDocSummary> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                   s.text(9), static_cast<uint64_t>(s.integer(7)), static_cast<uint64_t>(s.integer(8))});
  }
  return out;
}

uint64_t Store::count(const std::string& table) {
  Stmt s(db_, ("SELECT COUNT(*) FROM " + table).c_str());
  s.step();
  return static_cast<uint64_t>(s.integer(0));
}

std::string Store::integrity_check() {
  Stmt s(db_, "PRAGMA integrity_check");
  std::string out;
  while (s.step()) out += s.text(0);
  return out;
}

}  // namespace sitrep
