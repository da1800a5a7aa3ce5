// The NGEC synthetic-story scorer: its CSV reader (quoted fields with commas, newlines and
// doubled quotes) and the split by headline, so near-identical stories from one headline never
// fall on both sides.
#include <gtest/gtest.h>

#include <set>

#include "code/eval_ngec.h"
#include "test_support.h"

namespace sitrep::code {
namespace {

TEST(CodeEvalNgec, ReadsQuotedFields) {
  std::string csv =
      "disclaimer,text,title,source,prompt,label,mode\r\n"
      "x,\"Troops shelled the town, officials said.\n\nA \"\"new\"\" phase.\",T1,AP,p,ASSAULT,\r\n"
      "x,Plain text,T2,AP,p,PROTEST,DEMO\n"
      "x,\"Another, from T1\",T1,AFP,p,ASSAULT,\n";
  auto got = read_ngec_csv(csv, "t.csv");
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got.value().size(), 3u);
  EXPECT_EQ(got.value()[0].text, "Troops shelled the town, officials said.\n\nA \"new\" phase.");
  EXPECT_EQ(got.value()[0].label, "ASSAULT");
  EXPECT_EQ(got.value()[0].mode, "");
  EXPECT_EQ(got.value()[1].mode, "DEMO");
  EXPECT_EQ(got.value()[1].text, "Plain text");
  EXPECT_EQ(got.value()[0].headline, 0u);
  EXPECT_EQ(got.value()[1].headline, 1u);
  EXPECT_EQ(got.value()[2].headline, 0u);  // the same title, the same headline
  EXPECT_TRUE(in_ngec_split(got.value()[2], PloverSplit::Dev));
  EXPECT_TRUE(in_ngec_split(got.value()[1], PloverSplit::Test));
}

// --headlines codes the filled-in headline: the prompt's first line, without the dateline after it.
TEST(CodeEvalNgec, TheHeadlineIsThePromptsFirstLine) {
  std::string csv =
      "disclaimer,text,title,source,prompt,label,mode\n"
      "x,Story.,{country_1} Expels Diplomats,AP,\"Chile Expels Diplomats  \n\n(AP) --\",SANCTION,\n"
      "x,Story.,T2,AP,,PROTEST,\n";
  auto got = read_ngec_csv(csv, "t.csv");
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got.value().size(), 2u);
  EXPECT_EQ(got.value()[0].headline_text, "Chile Expels Diplomats");
  EXPECT_EQ(got.value()[0].title, "{country_1} Expels Diplomats");
  EXPECT_EQ(got.value()[1].headline_text, "");
}

TEST(CodeEvalNgec, MalformedInputIsAnError) {
  EXPECT_FALSE(read_ngec_csv("", "t.csv").ok());
  EXPECT_FALSE(read_ngec_csv("a,b\n1,2\n", "t.csv").ok());  // no text/title/label columns
  auto open = read_ngec_csv("text,title,label\n\"never closed,T,AID\n", "t.csv");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().locator, "record 2");
  EXPECT_FALSE(read_ngec_csv("text,title,label\nonly one field\n", "t.csv").ok());
}

TEST(CodeEvalNgec, SplitsTheStoriesByHeadline) {
  auto path = testing::shared_dir() / "data/events/ngec-synthetic/gpt_synthetic_events_2023-10-19_19.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "NGEC synthetic stories not available";
  auto got = read_ngec_csv(testing::read_file(path), path.string());
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got.value().size(), 4500u);
  std::set<std::string> dev, test;
  for (const auto& s : got.value()) (in_ngec_split(s, PloverSplit::Dev) ? dev : test).insert(s.title);
  for (const auto& t : dev) EXPECT_EQ(test.count(t), 0u) << t;
  EXPECT_GT(dev.size(), 100u);
  EXPECT_GT(test.size(), 100u);
}

}  // namespace
}  // namespace sitrep::code
