// Every date stated or implied in the five seed articles (../shared/seeds), read through the
// ordinary reader and cleaner, resolved against the article's own date.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "clean/clean.h"
#include "read/reader.h"
#include "time/timex.h"

using namespace sitrep;

namespace {

struct Tagged {
  Doc doc;
  DocTime dct;
  std::multimap<std::string, std::string> values;  // extent -> value
};

// Reads seed NNN_*; DCT = --dct if given, else the cleaner's date.
bool load_seed(const std::string& prefix, Tagged& out, DocTime forced = {}) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(SITREP_SHARED_DIR) / "seeds";
  if (!fs::exists(dir)) return false;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    bool ok = false;
    read_input(
        e.path().string(),
        [&](RawRecord&& r) {
          auto d = clean_record(r);
          if (!d) return;
          out.doc = d.value();
          ok = true;
        },
        [](Error&&) {});
    if (!ok) return false;
    out.dct = forced.known() ? forced : anchor_from(out.doc.meta.date);
    for (const Timex& x : tag_timexes(out.doc.body, out.dct))
      out.values.emplace(out.doc.body.substr(x.span.begin, x.span.end - x.span.begin), x.value);
    return true;
  }
  return false;
}

std::string value_of(const Tagged& t, const std::string& extent) {
  auto it = t.values.find(extent);
  return it == t.values.end() ? "<missing>" : it->second;
}

}  // namespace

TEST(TimeSeeds, Seed000AsharqAlAwsat) {
  Tagged t;
  if (!load_seed("000_", t)) GTEST_SKIP() << "seeds not available";
  ASSERT_TRUE(t.dct.known());
  EXPECT_EQ(t.dct.year, 2020);  // Tuesday, 14 July, 2020
  EXPECT_EQ(value_of(t, "Monday"), "2020-07-13");
  EXPECT_EQ(value_of(t, "July 1, 2020"), "2020-07-01");
  EXPECT_EQ(value_of(t, "January 19, 2020"), "2020-01-19");
}

TEST(TimeSeeds, Seed001SouthFrontWithoutDate) {
  Tagged t;
  if (!load_seed("001_", t)) GTEST_SKIP() << "seeds not available";
  // No date in metadata or text: relative expressions stay underspecified, never "today".
  EXPECT_FALSE(t.dct.known());
  EXPECT_EQ(value_of(t, "September 7"), "XXXX-09-07");
  EXPECT_EQ(value_of(t, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(value_of(t, "2017"), "2017");
  EXPECT_EQ(value_of(t, "the past two weeks"), "P2W");
  EXPECT_EQ(value_of(t, "several days ago"), "PAST_REF");
  EXPECT_EQ(infer_document_date(t.doc.body).date.precision, DatePrecision::Unknown);
  // Given the TASS date of the Sochi announcement (Friday 14 September 2018), Monday is the 17th.
  Tagged d;
  ASSERT_TRUE(load_seed("001_", d, DocTime{2018, 9, 14}));
  EXPECT_EQ(value_of(d, "Monday"), "2018-09-17");  // "are scheduled to hold a meeting ... on Monday"
  EXPECT_EQ(value_of(d, "September 7"), "2018-09-07");
}

TEST(TimeSeeds, Seed002SouthFrontPhoneCall) {
  Tagged t;
  if (!load_seed("002_", t)) GTEST_SKIP() << "seeds not available";
  EXPECT_EQ(value_of(t, "February 28th"), "XXXX-02-28");
  // With the date of the call as DCT (Friday 28 February 2020), everything resolves.
  Tagged d;
  ASSERT_TRUE(load_seed("002_", d, DocTime{2020, 2, 28}));
  EXPECT_EQ(value_of(d, "February 28th"), "2020-02-28");
  EXPECT_EQ(value_of(d, "today"), "2020-02-28");
  EXPECT_EQ(value_of(d, "yesterday"), "2020-02-27");
  EXPECT_EQ(value_of(d, "the day before yesterday"), "2020-02-26");
  EXPECT_EQ(value_of(d, "February 26th"), "2020-02-26");
  EXPECT_EQ(value_of(d, "March 5th"), "2020-03-05");  // "are supposed to meet": the coming one
  EXPECT_EQ(value_of(d, "Feb. 24"), "2020-02-24");
  EXPECT_EQ(value_of(d, "last night"), "2020-02-27TNI");
  EXPECT_EQ(value_of(d, "2018"), "2018");
}

TEST(TimeSeeds, Seed003Tass) {
  Tagged t;
  if (!load_seed("003_", t)) GTEST_SKIP() << "seeds not available";
  ASSERT_TRUE(t.dct.known());  // Source:TASS, February 28, 2020
  auto range = t.values.equal_range("Friday");
  ASSERT_NE(range.first, range.second);
  for (auto it = range.first; it != range.second; ++it) EXPECT_EQ(it->second, "2020-02-28");
  EXPECT_EQ(value_of(t, "February 19"), "2020-02-19");
  EXPECT_EQ(value_of(t, "early February"), "2020-02");
  EXPECT_EQ(value_of(t, "2018"), "2018");
  EXPECT_EQ(value_of(t, "2019"), "2019");
  EXPECT_EQ(value_of(t, "2017"), "2017");
  EXPECT_EQ(value_of(t, "the immediate future"), "FUTURE_REF");
}

TEST(TimeSeeds, Seed004MoscowMeeting) {
  Tagged t;
  if (!load_seed("004_", t)) GTEST_SKIP() << "seeds not available";
  ASSERT_TRUE(t.dct.known());
  EXPECT_EQ(t.dct.month, 3);
  EXPECT_EQ(t.dct.day, 5);
  EXPECT_EQ(value_of(t, "March 5th"), "2020-03-05");
  auto range = t.values.equal_range("today");
  ASSERT_NE(range.first, range.second);
  for (auto it = range.first; it != range.second; ++it) EXPECT_EQ(it->second, "2020-03-05");
  EXPECT_EQ(value_of(t, "now"), "PRESENT_REF");
}
