// Golden tests on the five seed articles (read from ../shared/seeds, never copied): the body
// keeps every article paragraph and none of the boilerplate or comments; the metadata is right
// where the text states it.
#include <gtest/gtest.h>

#include <vector>

#include "clean/clean.h"
#include "read/reader.h"
#include "test_support.h"

using namespace sitrep;
using sitrep::testing::shared_dir;

namespace {

Doc clean_seed(const std::string& name) {
  std::vector<RawRecord> recs;
  read_input((shared_dir() / "seeds" / name).string(), [&](RawRecord&& r) { recs.push_back(std::move(r)); },
             [](Error&&) {});
  EXPECT_EQ(recs.size(), 1u);
  auto d = clean_record(recs.at(0));
  EXPECT_TRUE(d.ok());
  return d.ok() ? d.value() : Doc{};
}

std::vector<std::string> paragraphs(const Doc& d) {
  std::vector<std::string> out;
  for (auto p : d.paragraphs) out.push_back(d.body.substr(p.begin, p.end - p.begin));
  return out;
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Every expected paragraph start appears as a paragraph, in order.
void expect_paragraph_starts(const Doc& d, const std::vector<std::string>& starts_in_order) {
  auto ps = paragraphs(d);
  size_t at = 0;
  for (const auto& s : starts_in_order) {
    while (at < ps.size() && !starts(ps[at], s)) ++at;
    EXPECT_LT(at, ps.size()) << "missing paragraph starting with: " << s;
  }
}

void expect_absent(const Doc& d, const std::vector<std::string>& snippets) {
  for (const auto& s : snippets) EXPECT_EQ(d.body.find(s), std::string::npos) << "boilerplate kept: " << s;
}

class Seeds : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!sitrep::testing::have_shared()) GTEST_SKIP() << "../shared/seeds not present";
  }
};

}  // namespace

TEST_F(Seeds, AsharqAlAwsatTelephoneCall) {
  Doc d = clean_seed("000_c20367628d85223a.txt");
  EXPECT_EQ(d.meta.title, "Moscow Warns of Idlib Escalation After Thwarting Drone Attack on Hmeimim");
  EXPECT_EQ(d.meta.date.iso(), "2020-07-14");
  EXPECT_EQ(d.meta.date.precision, DatePrecision::Day);
  EXPECT_NE(d.meta.date.evidence.find("Tuesday, 14 July, 2020"), std::string::npos);
  EXPECT_EQ(d.meta.outlet, "Asharq Al-Awsat");
  EXPECT_EQ(d.meta.dateline, "Moscow");
  EXPECT_EQ(d.meta.byline, "Raed Jabr");
  EXPECT_EQ(d.paragraphs.size(), 7u);
  expect_paragraph_starts(d, {"Russia\u2019s Kremlin announced on Monday", "The call coincided with",
                              "Discussions held by Erdogan and Putin", "\u201cThe emphasis was placed",
                              "Additionally, the Russian and Turkish leaders", "\u201cThey have once again stressed",
                              "The Kremlin drew wide satisfaction"});
  expect_absent(d, {"Editor Picks", "Middle-east and International News", "Tuesday, 14 July", "Raed Jabr"});
}

TEST_F(Seeds, SouthFrontPeskovWithReaderComments) {
  Doc d = clean_seed("001_70b95a2f9ee432e5.txt");
  EXPECT_EQ(d.meta.title, "Situation In Syria\u2019s Idlib Requires High-Level Talks: Kremlin");
  // The text never states a publication date; the donation banner's month is not one.
  EXPECT_EQ(d.meta.date.precision, DatePrecision::Unknown);
  EXPECT_EQ(d.meta.date.iso(), "");
  EXPECT_EQ(d.meta.outlet, "SouthFront");
  expect_paragraph_starts(d, {"The Russian news agency TASS reports (source):", "The situation in Syria\u2019s Idlib province",
                              "\u201cThe situation in Idlib is difficult", "At the same time, Kremlin spokesman",
                              "Sochi talks", "Russian President Vladimir Putin and his Turkish counterpart",
                              "Erdogan\u2019s position", "The Turkish president said earlier", "When explaining Turkey",
                              "Tehran summit", "On September 7, the Iranian capital", "Situation in Idlib",
                              "Idlib is the only Syrian province", "In case Damascus succeeds",
                              "In the past two weeks, Turkey deployed"});
  EXPECT_EQ(d.paragraphs.size(), 15u);
  expect_absent(d, {"2,500 $", "DAYS LEFT", "Support SouthFront", "Notify of", "Comments", "Joe Doe", "Concrete Mike",
                    "talk is cheap", "RichardD", "Tommy Jensen", "Would love your thoughts", "Ugur Can/DHA"});
  ASSERT_EQ(d.captions.size(), 1u);
  EXPECT_EQ(d.captions[0], "Ugur Can/DHA via AP");
}

TEST_F(Seeds, SouthFrontLavrovNoYearStated) {
  Doc d = clean_seed("002_33bcd0e91a40891b.txt");
  EXPECT_EQ(d.meta.title,
            "Putin And Erdogan Talk Over Phone, As NATO Says It Won\u2019t Do Anything To Support Ankara In Idlib");
  // "On February 28th" gives no year: unknown, not a guess.
  EXPECT_EQ(d.meta.date.precision, DatePrecision::Unknown);
  EXPECT_EQ(d.paragraphs.size(), 25u);
  expect_paragraph_starts(d, {"On February 28th, Russian President Vladimir Putin", "\u201cToday, a phone call",
                              "Putin and Erdogan also allowed", "Just days earlier, Lavrov said",
                              "Russian foreign minister on Feb. 24", "On the side of NATO",
                              "We call on them to stop their offensive.", "To respect international law.",
                              "And to back UN efforts", "There\u2019s been no missile attacks"});
  expect_absent(d, {"185 $", "Click to see full-size image", "Do you like this content", "Consider helping us"});
}

TEST_F(Seeds, TassPieceWithSourceLine) {
  Doc d = clean_seed("003_ff300f254502d343.txt");
  EXPECT_EQ(d.meta.title, "");  // the page carries no headline
  EXPECT_EQ(d.meta.date.iso(), "2020-02-28");
  EXPECT_EQ(d.meta.date.precision, DatePrecision::Day);
  EXPECT_EQ(d.meta.outlet, "TASS");
  EXPECT_EQ(d.paragraphs.size(), 10u);
  expect_paragraph_starts(d, {"Russian President Vladimir Putin and his Turkish counterpart Recep Tayyip Erdogan do not rule out",
                              "According to the Kremlin press service", "The Kremlin stressed that the parties",
                              "\u201c[They] continued to exchange views", "The presidents hashed over",
                              "\u201cThe fight against international terrorist groups", "Situation in Idlib",
                              "The situation in Idlib escalated in early February", "The situation in Idlib deteriorated again",
                              "Idlib is the only region in Syria"});
  expect_absent(d, {"Source:TASS", "Photo Credit"});
  ASSERT_EQ(d.captions.size(), 1u);
  EXPECT_NE(d.captions[0].find("(Photo Credit: Mikhail Metzel/TASS)"), std::string::npos);
}

TEST_F(Seeds, MoscowMeetingDatelineAndTodayDate) {
  Doc d = clean_seed("004_5325c8a8790c2537.txt");
  EXPECT_EQ(d.meta.title, "IDLIB CRISIS: Putin and Erdogan Meet to Discuss Syria De-escalation");
  // "today, March 5th" in the lead; the year comes from the caption's "Thursday, March 5, 2020".
  EXPECT_EQ(d.meta.date.iso(), "2020-03-05");
  EXPECT_EQ(d.meta.date.precision, DatePrecision::Day);
  EXPECT_EQ(d.meta.dateline, "MOSCOW");
  EXPECT_EQ(d.paragraphs.size(), 7u);
  expect_paragraph_starts(d, {"MOSCOW \u2013 Vladimir Putin and Turkish President", "At the beginning of the conversation",
                              "The President of the Russian Federation expressed", "\u201cUnfortunately, as I already told you",
                              "Erdogan also began the conversation", "He admitted that there was",
                              "\u201cI know that the whole world"});
  expect_absent(d, {"Advertisement", "Subscribe", "Sign up here", "real time updates", "0 2,238", "AP Photo"});
  ASSERT_EQ(d.captions.size(), 1u);
}
