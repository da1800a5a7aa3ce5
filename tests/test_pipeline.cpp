// The threaded pipeline: every record comes back once, as a Doc or an Error, and in input
// order when asked.
#include <gtest/gtest.h>

#include <fstream>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "pipeline/pipeline.h"
#include "pipeline/pipeline_run.h"
#include "pipeline/queue.h"
#include "test_support.h"

using namespace sitrep;

namespace {

std::string write_lines(const sitrep::testing::TempDir& dir, int n) {
  std::ofstream out(dir / "in.jsonl");
  for (int i = 0; i < n; ++i) {
    if (i % 50 == 7) out << "{broken\n";
    else out << "{\"id\": \"" << i << "\", \"text\": \"Envoys met in Doha on day " << i << " to discuss a truce.\"}\n";
  }
  return (dir / "in.jsonl").string();
}

}  // namespace

TEST(Pipeline, OrderedModeKeepsInputOrderAcrossThreads) {
  sitrep::testing::TempDir dir;
  std::string path = write_lines(dir, 400);
  for (unsigned threads : {4u, 1u}) {  // one worker runs on the caller's thread, in order
    PipelineOptions opts;
    opts.threads = threads;
    opts.ordered = threads > 1;
    std::vector<std::string> seen;
    PipelineSinks sinks;
    sinks.on_doc = [&](Doc&& d) { seen.push_back(d.origin.substr(d.origin.find('#') + 1)); };
    sinks.on_error = [&](const Error& e) { seen.push_back(e.locator); };
    auto p = run_pipeline({path}, opts, sinks);
    ASSERT_EQ(seen.size(), 400u);
    for (int i = 0; i < 400; ++i) EXPECT_EQ(seen[i], "line " + std::to_string(i + 1));
    EXPECT_EQ(p.errors, 8u);
    EXPECT_EQ(p.records, 392u);
  }
}

// Ordered mode with one record slow to clean: the other worker runs at most max_ahead records
// past it, so the results held back for their turn stay bounded (before, all of them piled up).
TEST(Pipeline, OrderedModeBoundsResultsHeldBehindASlowRecord) {
  sitrep::testing::TempDir dir;
  std::string path = write_lines(dir, 400);
  PipelineOptions opts;
  opts.threads = 2;
  opts.ordered = true;
  opts.max_ahead = 16;
  std::vector<std::string> seen;
  PreparedSinks<std::string> sinks;
  sinks.prepare = [](Doc&& d) {
    std::string line = d.origin.substr(d.origin.find('#') + 1);
    if (line == "line 1") std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return line;
  };
  sinks.on_result = [&](std::string& line) { seen.push_back(line); };
  sinks.on_error = [&](const Error& e) { seen.push_back(e.locator); };
  auto p = run_pipeline<std::string>({path}, opts, sinks);
  ASSERT_EQ(seen.size(), 400u);
  for (int i = 0; i < 400; ++i) EXPECT_EQ(seen[i], "line " + std::to_string(i + 1));
  // max_ahead plus what a worker's batch and the reader's errors may add
  EXPECT_LE(p.max_waiting, 16u + 32u) << p.max_waiting;
}

TEST(Pipeline, UnorderedModeDeliversEveryRecordOnce) {
  sitrep::testing::TempDir dir;
  std::string path = write_lines(dir, 400);
  PipelineOptions opts;
  opts.threads = 3;
  std::multiset<std::string> seen;
  PipelineSinks sinks;
  sinks.on_doc = [&](Doc&& d) { seen.insert(d.origin); };
  sinks.on_error = [&](const Error& e) { seen.insert(e.where()); };
  run_pipeline({path}, opts, sinks);
  EXPECT_EQ(seen.size(), 400u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 400u);
}

// A consumer that asks to gather items before waking still gets a lone item when the producer
// pauses (after the gather wait), and the rest at close.
TEST(Pipeline, GatheringConsumerStillGetsALoneItem) {
  BoundedQueue<int> q(256);
  std::thread producer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    q.push(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    q.push(2);
    q.close();
  });
  std::vector<int> got;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(q.pop_batch(got, 64, 32));
  EXPECT_EQ(got, std::vector<int>{1});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
  ASSERT_TRUE(q.pop_batch(got, 64, 32));
  EXPECT_EQ(got, std::vector<int>{2});
  EXPECT_FALSE(q.pop_batch(got, 64, 32));
  producer.join();
}

// Workers can run nicer than the caller's thread (the single consumer keeps its priority).
TEST(Pipeline, WorkersRunNicerWhenAsked) {
  sitrep::testing::TempDir dir;
  std::string path = write_lines(dir, 40);
  int base = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
  if (base > 16) GTEST_SKIP() << "already at nice " << base;
  PipelineOptions opts;
  opts.threads = 2;
  opts.worker_nice = 3;
  std::atomic<int> seen_nice{-100};
  PreparedSinks<int> sinks;
  sinks.prepare = [&](Doc&&) {
    seen_nice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    return 1;
  };
  int results = 0;
  sinks.on_result = [&](int& v) { results += v; };
  sinks.on_error = [](const Error&) {};
  run_pipeline(std::vector<std::string>{path}, opts, sinks);
  EXPECT_GT(results, 0);
  EXPECT_EQ(seen_nice.load(), base + 3);
  EXPECT_EQ(getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))), base);
}
