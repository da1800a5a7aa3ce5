// The threaded pipeline: every record comes back once, as a Doc or an Error, and in input
// order when asked.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "pipeline/pipeline.h"
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
