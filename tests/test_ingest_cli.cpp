// The sitrep binary end to end: exit codes, run summaries, idempotent ingest, bad input in a
// batch, stdin, and a run killed mid-way that a second run completes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "store/store.h"
#include "test_support.h"

using sitrep::testing::run_sitrep;
using sitrep::testing::TempDir;
using sitrep::testing::write_file;

namespace {

const char* kExamples = SITREP_SOURCE_DIR "/examples";

nlohmann::json last_json_line(const std::string& out) {
  auto start = out.rfind('{');
  return nlohmann::json::parse(out.substr(start));
}

}  // namespace

TEST(Cli, HelpAndUsageErrors) {
  EXPECT_EQ(run_sitrep("--help").exit_code, 0);
  for (const char* sub : {"ingest", "clean", "docs", "demo"}) {
    auto r = run_sitrep(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub;
  }
  EXPECT_EQ(run_sitrep("").exit_code, 2);
  EXPECT_EQ(run_sitrep("no-such-command").exit_code, 2);
  EXPECT_EQ(run_sitrep("ingest").exit_code, 2);  // paths are required
  EXPECT_EQ(run_sitrep("clean x --format xml").exit_code, 2);
}

TEST(Cli, IngestExamplesIsIdempotent) {
  TempDir dir;
  std::string db = (dir / "s.db").string();
  auto first = run_sitrep("ingest --json --db " + db + " " + kExamples);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto j1 = last_json_line(first.out);
  EXPECT_GE(j1["stored"].get<int>(), 6);
  EXPECT_EQ(j1["rejected"].get<int>(), 0);
  EXPECT_EQ(j1["duplicates"].get<int>(), 1);       // the verbatim repost in wire.jsonl
  EXPECT_EQ(j1["near_duplicates"].get<int>(), 1);  // the lightly edited syndication
  auto second = run_sitrep("ingest --json --db " + db + " " + kExamples);
  ASSERT_EQ(second.exit_code, 0);
  auto j2 = last_json_line(second.out);
  EXPECT_EQ(j2["stored"].get<int>(), 0);
  EXPECT_EQ(j2["already_stored"], j1["stored"]);
  auto docs = run_sitrep("docs --json --db " + db);
  EXPECT_EQ(std::count(docs.out.begin(), docs.out.end(), '\n'), j1["stored"].get<int>());
}

// The run summary splits CPU time by thread (the writer's includes closing the store), so
// throughput per core can be measured on a busy machine.
TEST(Cli, IngestSummaryReportsCpuTimePerThread) {
  TempDir dir;
  auto r = run_sitrep("ingest --json --threads 2 --db " + (dir / "s.db").string() + " " + kExamples);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = last_json_line(r.out);
  for (const char* k : {"cpu_seconds", "writer_cpu_seconds", "reader_cpu_seconds", "worker_cpu_seconds",
                        "close_seconds", "close_cpu_seconds"})
    EXPECT_TRUE(j.contains(k) && j[k].get<double>() >= 0) << k;
  EXPECT_LE(j["writer_cpu_seconds"].get<double>(), j["cpu_seconds"].get<double>() + 1e-3);
}

TEST(Cli, BadInputInABatchIsRecordedAndTheRestIsStored) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  write_file(dir / "in" / "good.txt", "Ministers met in Ankara on Monday to discuss the border, officials said on Tuesday.\n");
  write_file(dir / "in" / "empty.txt", "");
  write_file(dir / "in" / "binary.txt", std::string("\x7f" "ELF\x02\x01\x01") + std::string(200, '\0'));
  write_file(dir / "in" / "bad.jsonl", "{\"text\": \"A good line about talks in Geneva between the envoys.\"}\n{oops\n");
  std::string db = (dir / "s.db").string();
  auto r = run_sitrep("ingest --json --db " + db + " " + (dir / "in").string());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  auto j = last_json_line(r.out);
  EXPECT_EQ(j["stored"].get<int>(), 2);
  EXPECT_EQ(j["rejected"].get<int>(), 3);
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos);
  EXPECT_NE(r.err.find("binary.txt"), std::string::npos);
  EXPECT_NE(r.err.find("bad.jsonl:line 2"), std::string::npos);
  auto s = sitrep::Store::open(db);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->count("errors"), 3u);
}

TEST(Cli, StdinIsRead) {
  TempDir dir;
  write_file(dir / "in.txt", "The two presidents spoke by telephone on Friday, the Kremlin said in a statement.\n");
  auto r = run_sitrep("ingest --json --db " + (dir / "s.db").string() + " -", (dir / "in.txt").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(last_json_line(r.out)["stored"].get<int>(), 1);
}

TEST(Cli, CleanJsonHasTheContractKeys) {
  auto r = run_sitrep(std::string("clean --format json ") + kExamples + "/moscow_ceasefire.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"title", "pub_date", "date_precision", "date_evidence", "outlet", "byline", "dateline", "body",
                        "paragraphs", "captions", "removed"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["pub_date"], "2020-03-06");
  EXPECT_EQ(j["outlet"], "Levant Ledger");
  bool comments = false;
  for (const auto& r2 : j["removed"]) comments |= r2["reason"] == "reader comments";
  EXPECT_TRUE(comments);
  EXPECT_EQ(j["body"].get<std::string>().find("Karim"), std::string::npos);
}

TEST(Cli, KilledIngestLeavesAConsistentStoreAndASecondRunCompletes) {
  TempDir dir;
  {
    std::ofstream out(dir / "many.jsonl");
    for (int i = 0; i < 60000; ++i)
      out << "{\"id\": \"r" << i << "\", \"text\": \"Report " << i
          << ": delegations met in Geneva to discuss the truce, and officials said talks would continue.\\n\\n"
          << std::string(600, 'w') << " end.\"}\n";
  }
  std::string db = (dir / "s.db").string();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(SITREP_BINARY, SITREP_BINARY, "ingest", "--quiet", "--db", db.c_str(), (dir / "many.jsonl").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some documents are committed, mid-run.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  bool killed_mid_run = false;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished before we could kill it
    if (std::filesystem::exists(db + "-wal") && std::filesystem::file_size(db + "-wal") > (4u << 20)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      killed_mid_run = true;
      break;
    }
  }
  {
    auto s = sitrep::Store::open(db);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s.value()->integrity_check(), "ok");
    uint64_t partial = s.value()->count("documents");
    if (killed_mid_run) {
      EXPECT_LT(partial, 60000u);
    }
  }
  auto r = run_sitrep("ingest --json --quiet --db " + db + " " + (dir / "many.jsonl").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto s = sitrep::Store::open(db);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.value()->count("documents"), 60000u);
  EXPECT_EQ(s.value()->integrity_check(), "ok");
  EXPECT_TRUE(killed_mid_run) << "the run finished before it could be killed; the test did not exercise a crash";
}

namespace {
// id, duplicate_of and near_duplicate_of of every stored document, in the order stored.
std::string stored_order(const std::string& db) {
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h,
                     "SELECT id, COALESCE(duplicate_of, '-'), COALESCE(near_duplicate_of, '-') FROM documents "
                     "ORDER BY rowid",
                     -1, &st, nullptr);
  std::string out;
  while (sqlite3_step(st) == SQLITE_ROW)
    for (int c = 0; c < 3; ++c) out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c))) + (c < 2 ? " " : "\n");
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}
}  // namespace

// Rows are stored in input order whatever the number of threads: the first copy of a story is
// the original its later exact and near copies point to, and the database is the same with
// --threads 1 and --threads 4.
TEST(Cli, IngestStoresTheSameRowsInInputOrderWithAnyThreads) {
  TempDir dir;
  {
    std::ofstream out(dir / "copies.jsonl");
    const char* places[] = {"Geneva", "Ankara", "Doha", "Cairo", "Vienna", "Oslo", "Nairobi", "Lima"};
    for (int i = 0; i < 3000; ++i) {
      int story = i % 97;  // 97 stories, each copied ~31 times: exactly, or with one sentence changed
      out << "{\"id\": \"d" << i << "\", \"text\": \"Story " << story << ": envoys met in " << places[story % 8]
          << " on day " << story << " to discuss the truce and the exchange of prisoners, officials said."
          << " The talks covered the corridor, the monitors and the timetable for story " << story << "."
          << " Both delegations called the meeting useful and agreed to meet again next week in the same city."
          << (i % 3 == 1 ? " A spokesman added one more sentence to copy " + std::to_string(i) + "." : std::string())
          << "\"}\n";
    }
  }
  std::string one = (dir / "one.db").string(), four = (dir / "four.db").string();
  auto r1 = run_sitrep("ingest --json --quiet --threads 1 --db " + one + " " + (dir / "copies.jsonl").string());
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  auto r4 = run_sitrep("ingest --json --quiet --threads 4 --db " + four + " " + (dir / "copies.jsonl").string());
  ASSERT_EQ(r4.exit_code, 0) << r4.err;
  auto j1 = last_json_line(r1.out), j4 = last_json_line(r4.out);
  EXPECT_EQ(j1["stored"].get<int>(), 3000);
  EXPECT_GT(j1["duplicates"].get<int>(), 1000);
  EXPECT_GT(j1["near_duplicates"].get<int>(), 0);
  for (const char* k : {"stored", "duplicates", "near_duplicates"}) EXPECT_EQ(j1[k], j4[k]) << k;
  std::string order1 = stored_order(one);
  std::string first = order1.substr(0, order1.find('\n'));
  EXPECT_EQ(first.substr(first.size() - 4), " - -");  // the first copy is the original
  EXPECT_TRUE(order1 == stored_order(four)) << "rows stored in another order, or other originals, with 4 threads";
}
