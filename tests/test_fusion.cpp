// fuse/fusion: mentions from several articles become one event per real-world event.
#include <gtest/gtest.h>

#include "fuse/fusion.h"

using namespace sitrep;

namespace {

FusionMention mention(int64_t id, const std::string& doc, const std::string& outlet, const std::string& src,
                      const std::string& tgt, const std::string& cameo, const std::string& date,
                      const std::string& group = "") {
  FusionMention m;
  m.id = id;
  m.doc_id = doc;
  m.article_group = group.empty() ? doc : group;
  m.outlet = outlet;
  m.source = src;
  m.target = tgt;
  m.cameo = cameo;
  m.date = PartialDate::parse(date);
  m.confidence = 0.5 + 0.01 * static_cast<double>(id);
  m.report_date = date.size() == 10 ? date : "2020-03-01";
  return m;
}

}  // namespace

TEST(PartialDate, ParsesAndPrintsEveryPrecision) {
  EXPECT_EQ(PartialDate::parse("2020-02-28").str(), "2020-02-28");
  EXPECT_EQ(PartialDate::parse("2020-02").str(), "2020-02");
  EXPECT_EQ(PartialDate::parse("2020").str(), "2020");
  EXPECT_EQ(PartialDate::parse("--02-28").str(), "--02-28");
  EXPECT_FALSE(PartialDate::parse("").known());
}

TEST(PartialDate, CompatibilityRespectsBothPrecisions) {
  auto d = PartialDate::parse;
  EXPECT_TRUE(dates_compatible(d("2020-02-28"), d("--02-28")));
  EXPECT_TRUE(dates_compatible(d("2020-02-28"), d("2020-02")));
  EXPECT_FALSE(dates_compatible(d("2020-02-28"), d("2020-02-27")));
  EXPECT_FALSE(dates_compatible(d("2020-02-28"), d("2019-02-28")));
  EXPECT_FALSE(dates_compatible(d("2020-02-28"), d("--03-05")));
  EXPECT_FALSE(dates_compatible(d("2020-02-28"), d("")));
}

TEST(Fusion, TheTwentyEighthFebruaryCallIsOneEventWithTwoSources) {
  EventFuser f;
  // TASS: "the two leaders held a telephone conversation on Friday" (2020-02-28).
  f.add(mention(1, "tass", "TASS", "RUSGOV", "TURGOV", "041", "2020-02-28"));
  // SouthFront: "On February 28th, ... Putin and ... Erdogan held a phone call" (no year), the
  // other direction of a symmetric code.
  f.add(mention(2, "southfront", "SouthFront", "TURGOV", "RUSGOV", "041", "--02-28"));
  // The Moscow meeting of March 5 is another event.
  f.add(mention(3, "ap", "AP", "RUSGOV", "TURGOV", "043", "2020-03-05"));
  ASSERT_EQ(f.events().size(), 2u);
  const FusedEvent& call = f.events()[0];
  EXPECT_EQ(call.num_mentions, 2u);
  EXPECT_EQ(call.num_sources, 2u);
  EXPECT_EQ(call.num_articles, 2u);
  EXPECT_EQ(call.date.str(), "2020-02-28");
  EXPECT_EQ(f.events()[1].cameo, "043");
}

TEST(Fusion, DirectionMattersForAsymmetricCodes) {
  EventFuser f;
  f.add(mention(1, "a", "A", "SYRMIL", "TURMIL", "195", "2020-02-27"));
  f.add(mention(2, "b", "B", "TURMIL", "SYRMIL", "195", "2020-02-27"));
  f.add(mention(3, "c", "C", "SYRMIL", "TURMIL", "190", "2020-02-27"));  // general 19x joins 195
  ASSERT_EQ(f.events().size(), 2u);
  EXPECT_EQ(f.events()[0].num_mentions, 2u);
  EXPECT_TRUE(f.symmetric("042"));
  EXPECT_FALSE(f.symmetric("138"));
}

TEST(Fusion, SyndicatedCopiesCountAsOneArticle) {
  EventFuser f;
  f.add(mention(1, "wire", "Example Wire", "RUS", "UKR", "043", "2022-03-29", "wire"));
  f.add(mention(2, "repost", "Example Daily", "RUS", "UKR", "043", "2022-03-29", "wire"));
  ASSERT_EQ(f.events().size(), 1u);
  EXPECT_EQ(f.events()[0].num_sources, 2u);
  EXPECT_EQ(f.events()[0].num_articles, 1u);
}

TEST(Fusion, UndatedMentionsJoinOnlyWithinTheirArticle) {
  EventFuser f;
  f.add(mention(1, "a", "A", "RUSGOV", "TURGOV", "041", ""));
  f.add(mention(2, "a", "A", "RUSGOV", "TURGOV", "041", "2020-02-28"));
  f.add(mention(3, "b", "B", "RUSGOV", "TURGOV", "041", ""));
  EXPECT_EQ(f.events().size(), 2u);
}

// Regression: events coded with no actor at all ("two suspects were arrested") shared one block
// per CAMEO root, so any two such arrests on the same day, in different stories, became one event.
TEST(Fusion, ActorlessMentionsJoinOnlyWithinTheirArticle) {
  EventFuser f;
  f.add(mention(1, "a", "A", "", "", "173", "2020-02-28"));
  f.add(mention(2, "b", "B", "", "", "173", "2020-02-28"));
  EXPECT_EQ(f.events().size(), 2u);
  f.add(mention(3, "c", "C", "", "", "173", "2020-02-28", "a"));  // a syndicated copy of a
  EXPECT_EQ(f.events().size(), 2u);
  // One known actor is enough to fuse across articles, as before.
  f.add(mention(4, "d", "D", "SYRMIL", "", "190", "2020-02-28"));
  f.add(mention(5, "e", "E", "SYRMIL", "", "190", "2020-02-28"));
  EXPECT_EQ(f.events().size(), 3u);
}

TEST(Fusion, PlacesMustAgree) {
  EventFuser f;
  auto a = mention(1, "a", "A", "ISR", "PSE", "190", "2021-05-10");
  a.country = "PSE";
  auto b = mention(2, "b", "B", "ISR", "PSE", "190", "2021-05-10");
  b.country = "LBN";
  f.add(a);
  f.add(b);
  EXPECT_EQ(f.events().size(), 2u);
}

TEST(Fusion, AddingTheSameMentionTwiceChangesNothing) {
  EventFuser f;
  auto m = mention(7, "a", "A", "RUSGOV", "TURGOV", "041", "2020-02-28");
  size_t first = f.add(m);
  std::string id = f.events()[first].id;
  EXPECT_EQ(f.add(m), first);
  EXPECT_EQ(f.events().size(), 1u);
  EXPECT_EQ(f.events()[0].num_mentions, 1u);
  EventFuser again;  // ids are stable across runs
  again.add(m);
  EXPECT_EQ(again.events()[0].id, id);
}

// Regression: two events founded in one sentence with the same codes and actors (a strike on
// Monday and another on Wednesday, told in one sentence) got the same id, and storing the
// second failed on events.id's UNIQUE constraint.
TEST(Fusion, EventsFoundedInOneSentenceGetDistinctIds) {
  EventFuser f;
  FusionMention a = mention(1, "d1", "Wire", "SYRMIL", "TURMIL", "195", "2020-02-24");
  FusionMention b = mention(2, "d1", "Wire", "SYRMIL", "TURMIL", "195", "2020-02-26");
  a.anchor = b.anchor = "3:410";
  size_t ea = f.add(a), eb = f.add(b);
  ASSERT_NE(ea, eb);
  EXPECT_NE(f.events()[ea].id, f.events()[eb].id);
  // And the ids do not depend on store ids: the same mentions with other ids give the same events.
  EventFuser g;
  a.id = 70, b.id = 71;
  g.add(a);
  g.add(b);
  EXPECT_EQ(g.events()[0].id, f.events()[ea].id);
  EXPECT_EQ(g.events()[1].id, f.events()[eb].id);
}
