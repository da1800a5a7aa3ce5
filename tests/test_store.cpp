// The store: schema and migrations, idempotent ingest, duplicates of stored bodies, errors.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "fuse/near_dup.h"
#include "store/store.h"
#include "test_support.h"

using namespace sitrep;
using sitrep::testing::TempDir;

namespace {

Doc make_doc(const std::string& id, const std::string& body) {
  Doc d;
  d.id = id;
  d.origin = "test/" + id;
  d.format = "txt";
  d.body = body;
  d.paragraphs = {{0, static_cast<uint32_t>(body.size())}};
  d.body_hash = std::hash<std::string>{}(body);
  d.meta.title = "Title " + id;
  d.meta.date.year = 2020;
  d.meta.date.month = 2;
  d.meta.date.precision = DatePrecision::Month;
  d.removed.push_back({"0 $", "counter (donations, views or comments)"});
  return d;
}

std::string scalar(Store& s, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(s.handle(), sql.c_str(), -1, &st, nullptr);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

}  // namespace

TEST(Store, CreatesSchemaAtLatestVersionInWalMode) {
  TempDir dir;
  auto s = Store::open((dir / "s.db").string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->schema_version(), Store::latest_schema_version());
  EXPECT_EQ(scalar(*s.value(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(s.value()->integrity_check(), "ok");
}

TEST(Store, ReopeningDoesNotReapplyMigrations) {
  TempDir dir;
  { ASSERT_TRUE(Store::open((dir / "s.db").string()).ok()); }
  auto s = Store::open((dir / "s.db").string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->count("schema_migrations"), static_cast<uint64_t>(Store::latest_schema_version()));
}

TEST(Store, RefusesANewerSchema) {
  TempDir dir;
  {
    auto s = Store::open((dir / "s.db").string());
    ASSERT_TRUE(s.ok());
    sqlite3_exec(s.value()->handle(), "INSERT INTO schema_migrations VALUES (999, 'future')", nullptr, nullptr, nullptr);
  }
  auto s = Store::open((dir / "s.db").string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("newer"), std::string::npos);
}

TEST(Store, NotADatabaseIsAClearError) {
  TempDir dir;
  sitrep::testing::write_file(dir / "junk.db", std::string(4096, 'x'));
  auto s = Store::open((dir / "junk.db").string());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().file, (dir / "junk.db").string());
}

TEST(Store, SameIdTwiceIsStoredOnceAndEqualBodyIsADuplicate) {
  TempDir dir;
  auto s = Store::open((dir / "s.db").string());
  ASSERT_TRUE(s.ok());
  Store& st = *s.value();
  int64_t run = st.begin_run("test");
  st.begin();
  EXPECT_EQ(st.put(make_doc("a", "Body A."), run), Store::PutResult::Stored);
  EXPECT_EQ(st.put(make_doc("a", "Body A."), run), Store::PutResult::AlreadyStored);
  EXPECT_EQ(st.put(make_doc("b", "Body A."), run), Store::PutResult::Duplicate);
  EXPECT_EQ(st.put(make_doc("c", "Body C."), run), Store::PutResult::Stored);
  st.commit();
  EXPECT_EQ(st.count("documents"), 3u);
  EXPECT_EQ(scalar(st, "SELECT duplicate_of FROM documents WHERE id='b'"), "a");
  EXPECT_EQ(scalar(st, "SELECT pub_date || ' ' || date_precision FROM documents WHERE id='a'"), "2020-02 month");
  EXPECT_EQ(scalar(st, "SELECT json_extract(removed, '$[0].reason') FROM documents WHERE id='a'"),
            "counter (donations, views or comments)");
  EXPECT_EQ(scalar(st, "SELECT json_extract(paragraphs, '$[0][1]') FROM documents WHERE id='c'"), "7");
}

// Exact duplicates are found through the body hashes the store keeps in memory: those stored
// before the session, those it stores itself, and those another connection commits meanwhile
// (in a batch begun after that commit, or between two puts outside a batch).
TEST(Store, EqualBodiesAreFoundAcrossSessionsAndConnections) {
  TempDir dir;
  std::string path = (dir / "s.db").string();
  {
    auto s = Store::open(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s.value()->put(make_doc("a", "Body A."), 1), Store::PutResult::Stored);
  }
  auto s1 = Store::open(path), s2 = Store::open(path);
  ASSERT_TRUE(s1.ok() && s2.ok());
  Store &one = *s1.value(), &two = *s2.value();
  one.begin();
  EXPECT_EQ(one.put(make_doc("b", "Body A."), 1), Store::PutResult::Duplicate);  // stored before
  EXPECT_EQ(one.put(make_doc("c", "Body C."), 1), Store::PutResult::Stored);
  EXPECT_EQ(one.put(make_doc("d", "Body C."), 1), Store::PutResult::Duplicate);  // stored this session
  one.commit();
  two.begin();
  EXPECT_EQ(two.put(make_doc("e", "Body E."), 1), Store::PutResult::Stored);
  two.commit();
  one.begin();
  EXPECT_EQ(one.put(make_doc("f", "Body E."), 1), Store::PutResult::Duplicate);  // another connection's
  one.commit();
  EXPECT_EQ(two.put(make_doc("g", "Body G."), 1), Store::PutResult::Stored);
  EXPECT_EQ(one.put(make_doc("h", "Body G."), 1), Store::PutResult::Duplicate);  // outside a batch
  EXPECT_EQ(scalar(one, "SELECT group_concat(id || '>' || duplicate_of, ' ') FROM documents WHERE duplicate_of IS "
                        "NOT NULL ORDER BY rowid"),
            "b>a d>c f>e h>g");
}

TEST(Store, ErrorsAndRunsAreRecorded) {
  TempDir dir;
  auto s = Store::open((dir / "s.db").string());
  ASSERT_TRUE(s.ok());
  Store& st = *s.value();
  int64_t run = st.begin_run("ingest x");
  st.begin();
  st.record_error(Error{"x.jsonl", "line 3", "malformed JSON"}, run);
  st.commit();
  RunCounts c;
  c.rejected = 1;
  st.finish_run(run, c, "finished with rejections");
  EXPECT_EQ(scalar(st, "SELECT file || ':' || locator || ' ' || severity FROM errors"), "x.jsonl:line 3 rejected");
  EXPECT_EQ(scalar(st, "SELECT rejected || ' ' || status FROM runs"), "1 finished with rejections");
}

// Migration 5: signatures stored with the old word hashing are recomputed from the bodies, so a
// store made before the change still finds near duplicates of what it holds.
TEST(Store, MinHashSignaturesAreRecomputedByMigrationFive) {
  TempDir tmp;
  std::string path = (tmp / "s.db").string();
  std::string body =
      "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held a phone call on Friday "
      "to discuss the situation in Idlib, the Kremlin said in a statement after the talks.";
  {
    auto st = Store::open(path);
    ASSERT_TRUE(st);
    Doc d = make_doc("a", body);
    MinHash sig = minhash(body);
    d.minhash.assign(sig.begin(), sig.end());
    st.value()->put(d, 0);
  }
  // As older sitreps left it: another signature, and the signature migrations (5, then 6) not
  // applied yet; each time the store recomputes the signatures from the bodies.
  for (const char* older : {"DELETE FROM schema_migrations WHERE version >= 5;", "DELETE FROM schema_migrations WHERE version >= 6;"}) {
    {
      auto st = Store::open(path);
      ASSERT_TRUE(st);
      ASSERT_EQ(sqlite3_exec(st.value()->handle(), (std::string("UPDATE documents SET minhash = zeroblob(256); ") + older).c_str(),
                             nullptr, nullptr, nullptr),
                SQLITE_OK);
    }
    auto st = Store::open(path);
    ASSERT_TRUE(st);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(st.value()->handle(), "SELECT minhash FROM documents WHERE id = 'a'", -1, &q, nullptr);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    MinHash expected = minhash(body);
    ASSERT_EQ(sqlite3_column_bytes(q, 0), int(sizeof expected)) << older;
    EXPECT_EQ(std::memcmp(sqlite3_column_blob(q, 0), expected.data(), sizeof expected), 0) << older;
    sqlite3_finalize(q);
    EXPECT_EQ(scalar(*st.value(), "SELECT count(*) FROM schema_migrations WHERE version >= 5"), "2");
  }
}

// With a background checkpointer, committed pages reach the database file while the writer
// still has it open (the writer's close no longer copies the whole WAL), and nothing is lost.
TEST(Store, BackgroundCheckpointsCopyCommitsWhileTheWriterGoesOn) {
  TempDir dir;
  std::string path = (dir / "s.db").string();
  {
    auto s = Store::open(path);
    ASSERT_TRUE(s.ok());
    Store& st = *s.value();
    st.checkpoint_in_background();
    auto initial = std::filesystem::file_size(path);
    int64_t run = st.begin_run("test");
    st.begin();
    for (int i = 0; i < 200; ++i)
      st.put(make_doc("d" + std::to_string(i), "Body " + std::to_string(i) + std::string(4000, 'x')), run);
    st.commit();
    st.begin();
    bool grew = false;
    for (int i = 0; i < 500 && !grew; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      grew = std::filesystem::file_size(path) > initial + 200 * 4000;
    }
    EXPECT_TRUE(grew) << "the database file did not grow while the writer held it open";
    st.put(make_doc("last", "The last body."), run);
    st.commit();
  }
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  auto s = Store::open(path);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->count("documents"), 201u);
  EXPECT_EQ(s.value()->integrity_check(), "ok");
}
