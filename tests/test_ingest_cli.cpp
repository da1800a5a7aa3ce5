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
