// Event dating over hand-built sentences (with and without heads) and document-date inference.
#include <gtest/gtest.h>

#include "time/event_date.h"
#include "time/timex.h"

using namespace sitrep;

namespace {

// Whitespace tokens of a one-sentence text.
std::vector<Span> split(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
  }
  return out;
}

const DocTime kDct{2020, 2, 28};  // Friday

}  // namespace

TEST(TimeEventDate, DependencyAttachmentWins) {
  //                0         1    2  3      4    5       6   7      8      9
  std::string s = "Erdogan said on Monday that Ankara was ready on Thursday";
  auto toks = split(s);
  auto xs = tag_timexes(s, kDct);
  ASSERT_EQ(xs.size(), 2u);
  // heads: said is the root; Monday -> said; ready -> said; Thursday -> ready
  std::vector<int> heads = {1, -1, 3, 1, 7, 7, 7, 1, 9, 7};
  SentenceTokens sent{toks, heads};
  EventDate said = date_event(sent, 1, xs, kDct, s);
  EXPECT_EQ(said.value, "2020-02-24");
  EXPECT_EQ(said.via, "dependency");
  EXPECT_EQ(said.basis, DateBasis::Relative);
  EXPECT_EQ(said.precision, TimePrecision::Day);
  EventDate ready = date_event(sent, 7, xs, kDct, s);
  EXPECT_EQ(ready.value, "2020-02-27");
  EXPECT_EQ(ready.via, "dependency");
}

TEST(TimeEventDate, ClauseThenSentenceWithoutParse) {
  std::string s = "Erdogan said on February 19, 2020 that Ankara would strike";
  auto toks = split(s);
  auto xs = tag_timexes(s, kDct);
  SentenceTokens sent{toks, {}};
  EventDate said = date_event(sent, 1, xs, kDct, s);
  EXPECT_EQ(said.value, "2020-02-19");
  EXPECT_EQ(said.via, "clause");
  EXPECT_EQ(said.basis, DateBasis::Explicit);
  // "strike" is in the clause after "that": no timex there, so the sentence's.
  EventDate strike = date_event(sent, 9, xs, kDct, s);
  EXPECT_EQ(strike.value, "2020-02-19");
  EXPECT_EQ(strike.via, "sentence");
}

TEST(TimeEventDate, FallsBackToDocumentDateThenUnknown) {
  std::string s = "Ankara said talks were useful";
  auto toks = split(s);
  SentenceTokens sent{toks, {}};
  EventDate d = date_event(sent, 1, tag_timexes(s, kDct), kDct, s);
  EXPECT_EQ(d.value, "2020-02-28");
  EXPECT_EQ(d.basis, DateBasis::Document);
  EventDate u = date_event(sent, 1, tag_timexes(s, DocTime{}), DocTime{}, s);
  EXPECT_EQ(u.basis, DateBasis::Unknown);
  EXPECT_TRUE(u.value.empty());
  // Durations and vague references do not date an event.
  std::string v = "Ankara said recently that talks lasted three years";
  auto vt = split(v);
  EventDate w = date_event(SentenceTokens{vt, {}}, 1, tag_timexes(v, kDct), kDct, v);
  EXPECT_EQ(w.basis, DateBasis::Document);
}

// Regression: in an article of 2026-02-20 "The siege began in April" dated the siege to April 2026,
// a month not yet begun; the past-tense verb puts it in the April before.
TEST(TimeEventDate, APastEventIsNotDatedToAMonthAfterTheArticle) {
  const DocTime dct{2026, 2, 20};
  std::string s = "The siege began in April";
  auto toks = split(s);
  auto xs = tag_timexes(s, dct);
  EventDate began = date_event(SentenceTokens{toks, {}}, 2, xs, dct, s);
  EXPECT_EQ(began.value, "2025-04");
  EXPECT_EQ(began.precision, TimePrecision::Month);
  EXPECT_EQ(began.basis, DateBasis::Relative);
  // the verb and its object before the month: the attack too was last March
  std::string a = "Haftar forces attacked Tripoli in March";
  auto at = split(a);
  EventDate attacked = date_event(SentenceTokens{at, {}}, 2, tag_timexes(a, dct), dct, a);
  EXPECT_EQ(attacked.value, "2025-03");
}

TEST(TimeEventDate, PrecisionOfValues) {
  EXPECT_EQ(precision_of("2020"), TimePrecision::Year);
  EXPECT_EQ(precision_of("2020-07"), TimePrecision::Month);
  EXPECT_EQ(precision_of("2020-W28"), TimePrecision::Week);
  EXPECT_EQ(precision_of("2020-Q3"), TimePrecision::Quarter);
  EXPECT_EQ(precision_of("2020-07-13"), TimePrecision::Day);
  EXPECT_EQ(precision_of("2020-07-13T08:45"), TimePrecision::Time);
  EXPECT_EQ(precision_of("199"), TimePrecision::Decade);
  EXPECT_EQ(precision_of("P3Y"), TimePrecision::Unknown);
  EXPECT_EQ(precision_of("PAST_REF"), TimePrecision::Unknown);
  EXPECT_EQ(precision_of("XXXX-WXX-6"), TimePrecision::Unknown);
  EXPECT_EQ(precision_of("XXXX-02-28"), TimePrecision::Day);
}

// "on a Saturday" is some Saturday (XXXX-WXX-6, as TimeML writes a non-specific day), not the one
// before the article; it does not date the event, which keeps the article's date.
TEST(TimeEventDate, ANonSpecificDayDoesNotDateTheEvent) {
  std::string s = "Rebels attacked the town on a Saturday";
  auto toks = split(s);
  auto xs = tag_timexes(s, kDct);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].value, "XXXX-WXX-6");
  EXPECT_EQ(s.substr(xs[0].span.begin, xs[0].span.end - xs[0].span.begin), "Saturday");
  EventDate d = date_event(SentenceTokens{toks, {}}, 1, xs, kDct, s);
  EXPECT_EQ(d.value, "2020-02-28");
  EXPECT_EQ(d.basis, DateBasis::Document);
  // "a Sunday morning" likewise, with its part of the day
  auto m = tag_timexes("It was a Sunday morning.", kDct);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].value, "XXXX-WXX-7TMO");
  // but in "a Sunday night vigil" the article is the vigil's: a particular Sunday, the one before
  // a past-tense verb (kDct is Friday 2020-02-28)
  auto v = tag_timexes("Hundreds attended a Sunday night vigil for the victims.", kDct);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].value, "2020-02-23TNI");
  auto r = tag_timexes("Crowds marched at a Saturday rally in the capital.", kDct);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].value, "2020-02-22");
  // a day of no particular week still, before a preposition or a clause
  auto q = tag_timexes("It was a Saturday in May when they came.", kDct);
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].value, "XXXX-WXX-6");
}

TEST(TimeDocDate, InfersFromExplicitDatesOnly) {
  auto a = infer_document_date("The summit held on July 1, 2020 agreed. The Berlin conference on January 19, 2020.");
  EXPECT_TRUE(a.inferred);
  EXPECT_EQ(a.date.precision, DatePrecision::Day);
  EXPECT_EQ(a.date.iso(), "2020-07-01");
  EXPECT_NE(a.date.evidence.find("July 1, 2020"), std::string::npos);
  // A future date is no evidence of when the text was written.
  auto b = infer_document_date("Talks took place in June 2020. The vote will be held on March 3, 2021.");
  EXPECT_EQ(b.date.precision, DatePrecision::Month);
  EXPECT_EQ(b.date.iso(), "2020-06");
  // Relative dates and bare years are not enough: unknown, never today's date.
  auto c = infer_document_date("On Monday the ministers met, as they did in 2017 and yesterday.");
  EXPECT_EQ(c.date.precision, DatePrecision::Unknown);
  EXPECT_EQ(c.date.iso(), "");
}

// Regression: an undated BBC story recalling "15 December, 1953" and going on to what happened in
// 1998 and 1999 was dated 1953-12-15. A date older than a year the text tells of in the past is
// history; with no later explicit date the document's date stays unknown.
TEST(TimeDocDate, HistoryBeforeALaterPastYearIsNotTheDateOfWriting) {
  auto a = infer_document_date("The theatre opened on 15 December, 1953. It was rebuilt in 1998 and closed in 1999.");
  EXPECT_EQ(a.date.precision, DatePrecision::Unknown);
  EXPECT_EQ(a.date.iso(), "");
  // a later explicit date still wins, and a year ahead ("targets for 2015") bounds nothing
  auto b = infer_document_date("The theatre opened on 15 December, 1953. It was rebuilt in 1998. It closed on 3 May, 1999.");
  EXPECT_EQ(b.date.iso(), "1999-05-03");
  auto c = infer_document_date("Profits rose on 30 September, 2004. The targets for 2015 are ambitious.");
  EXPECT_EQ(c.date.iso(), "2004-09-30");
}
