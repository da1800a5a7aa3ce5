// The PLOVER scorer's dev/test split: even-indexed records are dev, odd-indexed test, and the
// two halves partition the scored records.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "code/eval_plover.h"
#include "test_support.h"

namespace sitrep::code {
namespace {

void expect_partition(const nlohmann::json& gold) {
  auto all = plover_records(gold, PloverSplit::All);
  auto dev = plover_records(gold, PloverSplit::Dev);
  auto test = plover_records(gold, PloverSplit::Test);
  EXPECT_EQ(dev.size() + test.size(), all.size());
  std::vector<size_t> both = dev;
  both.insert(both.end(), test.begin(), test.end());
  std::sort(both.begin(), both.end());
  EXPECT_EQ(both, all);  // disjoint (no index twice) and covering
  for (size_t i : dev) EXPECT_EQ(i % 2, 0u);
  for (size_t i : test) EXPECT_EQ(i % 2, 1u);
}

TEST(CodeEvalPlover, SplitsPartitionSyntheticRecords) {
  auto gold = nlohmann::json::parse(R"([
    {"id": "d", "event": "DOCUMENT"},
    {"id": "a", "event": "AGREE", "text": "A agreed."},
    {"id": "b", "event": "PROTEST", "text": "B protested."},
    {"id": "c", "event": "AID"},
    {"id": "e", "event": "REJECT", "text": "E rejected."}
  ])");
  expect_partition(gold);
  EXPECT_EQ(plover_records(gold, PloverSplit::Dev), (std::vector<size_t>{2, 4}));
  EXPECT_EQ(plover_records(gold, PloverSplit::Test), (std::vector<size_t>{1}));
}

TEST(CodeEvalPlover, SplitsPartitionTheGoldStandard) {
  auto path = testing::shared_dir() / "data/events/plover/PLOVER_GSR_CAMEO.dev.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "PLOVER gold standard not available";
  std::ifstream in(path);
  nlohmann::json gold;
  in >> gold;
  expect_partition(gold);
  auto dev = plover_records(gold, PloverSplit::Dev);
  auto test = plover_records(gold, PloverSplit::Test);
  EXPECT_GT(dev.size(), 0u);
  EXPECT_GT(test.size(), 0u);
}

TEST(CodeEvalPlover, SplitNames) {
  EXPECT_EQ(parse_plover_split("dev"), PloverSplit::Dev);
  EXPECT_EQ(parse_plover_split("test"), PloverSplit::Test);
  EXPECT_EQ(parse_plover_split("all"), PloverSplit::All);
  EXPECT_FALSE(parse_plover_split("train").has_value());
  EXPECT_STREQ(to_string(PloverSplit::Dev), "dev");
  EXPECT_EQ(plover_2021("DEMAND"), "REQUEST");
  EXPECT_EQ(plover_2021("FIGHT"), "ASSAULT");
}

}  // namespace
}  // namespace sitrep::code
