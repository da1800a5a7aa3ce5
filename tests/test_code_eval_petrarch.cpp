// The PETRARCH validation reader and the dictionary-built linker, on the suite in ../shared.
#include <gtest/gtest.h>

#include "code/eval_petrarch.h"
#include "kb/linker.h"
#include "test_support.h"

namespace sitrep::code {
namespace {

std::filesystem::path suite_dir() { return testing::shared_dir() / "data/events/petrarch-validation"; }

TEST(CodeEvalPetrarch, ReadsEveryRecordDespiteMalformedXml) {
  auto path = suite_dir() / "PETR_Validate_records_2_02.xml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "validation suite not available";
  auto suite = read_petrarch_suite(path.string());
  ASSERT_TRUE(suite.ok());
  EXPECT_EQ(suite.value().actor_file, "PETR_Validate_actors_2_02.txt");
  EXPECT_EQ(suite.value().agent_file, "PETR_Validate_agents_2_02.txt");
  EXPECT_EQ(suite.value().records.size(), 274u);  // <Sentence> elements outside comments
  const auto& first = suite.value().records.front();
  EXPECT_EQ(first.id, "DEMO-01");
  EXPECT_EQ(first.date, "19950101");
  ASSERT_EQ(first.expected.size(), 1u);
  EXPECT_EQ(first.expected[0], (PetrarchTriple{"ARN", "GON", "050"}));
  EXPECT_TRUE(first.text.starts_with("Arnor is about to restore full diplomatic ties with Gondor almost five years"));
  size_t skipped = 0;
  for (const auto& r : suite.value().records) skipped += !r.evaluate;
  EXPECT_GT(skipped, 0u);
}

TEST(CodeEvalPetrarch, DictionaryLinkerCodesFictionalActors) {
  auto dir = suite_dir();
  if (!std::filesystem::exists(dir / "PETR_Validate_actors_2_02.txt")) GTEST_SKIP() << "validation suite not available";
  auto linker = petrarch_linker({(dir / "PETR_Validate_actors_2_02.txt").string(), (dir / "PETR_Validate_agents_2_02.txt").string()});
  ASSERT_TRUE(linker.ok()) << linker.error().message;
  std::string text = "Arnor restored ties with Gondor.";
  auto ms = linker.value()->link_text(text, kb::kNoDate);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].code, "ARN");
  EXPECT_EQ(ms[1].code, "GON");
}

TEST(CodeEvalPetrarch, ScoresSetsPerRecord) {
  PrfCounts c{3, 1, 2};
  EXPECT_DOUBLE_EQ(c.precision(), 75.0);
  EXPECT_DOUBLE_EQ(c.recall(), 60.0);
  EXPECT_NEAR(c.f1(), 66.6667, 1e-3);
}

}  // namespace
}  // namespace sitrep::code
