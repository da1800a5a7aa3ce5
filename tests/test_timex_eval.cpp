// TimeML reading (well-formed and malformed) and the TempEval-3 timex arithmetic.
#include <gtest/gtest.h>

#include <filesystem>

#include "time/timeml.h"
#include "time/timex_eval.h"

using namespace sitrep;

namespace {

const char* kGold = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-07-14" temporalFunction="false" functionInDocument="CREATION_TIME">2020-07-14</TIMEX3></DCT>
<TEXT>
The Kremlin said on <TIMEX3 tid="t1" type="DATE" value="2020-07-13">Monday</TIMEX3> that <EVENT eid="e1">talks</EVENT> lasted <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> &amp; more, in <TIMEX3 tid="t3" type="DATE" value="2017">2017</TIMEX3>.
</TEXT>
</TimeML>
)";

}  // namespace

TEST(TimexTimeml, ReadsTextGoldAndDct) {
  auto d = parse_timeml(kGold, "t1.tml");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->dct.year, 2020);
  EXPECT_EQ(d->dct.month, 7);
  EXPECT_EQ(d->dct.day, 14);
  ASSERT_EQ(d->timexes.size(), 3u);  // the DCT itself is not a text timex
  const auto& g = d->timexes[0];
  EXPECT_EQ(d->text.substr(g.span.begin, g.span.end - g.span.begin), "Monday");
  EXPECT_EQ(g.value, "2020-07-13");
  EXPECT_NE(d->text.find("years & more"), std::string::npos);  // entities decoded
  EXPECT_EQ(d->text.find('<'), std::string::npos);
}

TEST(TimexTimeml, MalformedInputNamesFileAndLine) {
  std::string unclosed = kGold;
  unclosed.replace(unclosed.find("</TIMEX3> that"), 9, "");
  auto a = parse_timeml(unclosed, "bad.tml");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().file, "bad.tml");
  EXPECT_EQ(a.error().locator, "line 6");
  EXPECT_NE(a.error().message.find("TIMEX3"), std::string::npos) << a.error().message;

  auto b = parse_timeml("<TimeML><TEXT>a <TIMEX3 type=\"DATE\">x</TIMEX3></TEXT></TimeML>", "novalue.tml");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("without value"), std::string::npos);

  auto c = parse_timeml("<TimeML><TEXT>a <TIMEX3 type=\"DATE value=\"x\">x</TIMEX3></TEXT>", "quote.tml");
  ASSERT_FALSE(c.ok());

  auto d = parse_timeml("<TimeML><TEXT>text</TEXT></TimeML>", "nodct.tml");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("CREATION_TIME"), std::string::npos);

  auto e = parse_timeml("<TimeML><TEXT>text <b </TEXT></TimeML>", "tag.tml");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().locator, "line 1");

  auto f = parse_timeml("", "empty.tml");
  ASSERT_FALSE(f.ok());
}

TEST(TimexScore, ArithmeticOnAHandMadePair) {
  // Gold: [0,6) DATE 2020-07-13, [10,21) DURATION P3Y, [30,34) DATE 2017, [40,45) DATE 2019.
  std::vector<GoldTimex> gold = {{{0, 6}, "DATE", "2020-07-13", 1},
                                 {{10, 21}, "DURATION", "P3Y", 1},
                                 {{30, 34}, "DATE", "2017", 1},
                                 {{40, 45}, "DATE", "2019", 1}};
  // System: exact + right; overlapping + wrong value; exact + wrong type; one spurious.
  std::vector<Timex> sys(4);
  sys[0].span = {0, 6}, sys[0].type = TimexType::Date, sys[0].value = "2020-07-13";
  sys[1].span = {14, 21}, sys[1].type = TimexType::Duration, sys[1].value = "P2Y";
  sys[2].span = {30, 34}, sys[2].type = TimexType::Duration, sys[2].value = "2017";
  sys[3].span = {50, 55}, sys[3].type = TimexType::Date, sys[3].value = "2021";
  TimexCounts c = count_matches(gold, sys);
  EXPECT_EQ(c.strict_gold, 2);
  EXPECT_EQ(c.relaxed_gold, 3);
  EXPECT_EQ(c.pairs, 3);
  TimexScores s = score(c);
  EXPECT_DOUBLE_EQ(s.strict_precision, 50.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 50.0);
  EXPECT_DOUBLE_EQ(s.relaxed_precision, 75.0);
  EXPECT_DOUBLE_EQ(s.relaxed_recall, 75.0);
  EXPECT_DOUBLE_EQ(s.relaxed_f1, 75.0);
  EXPECT_DOUBLE_EQ(s.type_f1, 75.0 * 2 / 3);   // 2 of 3 matched types right
  EXPECT_DOUBLE_EQ(s.value_f1, 75.0 * 2 / 3);  // 2 of 3 matched values right
}

TEST(TimexScore, TagsTheHandMadeDocument) {
  auto d = parse_timeml(kGold, "t1.tml");
  ASSERT_TRUE(d.ok());
  TimexScores s = score(count_matches(d->timexes, tag_timexes(d->text, d->dct)));
  EXPECT_DOUBLE_EQ(s.strict_f1, 100.0);
  EXPECT_DOUBLE_EQ(s.value_f1, 100.0);
}

TEST(TimexEval, ScoresAFewTbaqFilesAndSkipsBadOnes) {
  namespace fs = std::filesystem;
  fs::path src = fs::path(SITREP_SHARED_DIR) / "data/timex/TBAQ-cleaned/TimeBank";
  if (!fs::exists(src)) GTEST_SKIP() << "no " << src;
  fs::path dir = fs::temp_directory_path() / ("sitrep_timex_" + std::to_string(::getpid()));
  fs::create_directories(dir / "part");
  int n = 0;
  for (const auto& e : fs::directory_iterator(src)) {
    if (n++ == 5) break;
    fs::copy_file(e.path(), dir / "part" / e.path().filename());
  }
  {
    std::FILE* f = std::fopen((dir / "part" / "zz_broken.tml").c_str(), "w");
    std::fputs("<TimeML><TEXT>on <TIMEX3 tid=\"t1\" type=\"DATE\">Monday</TEXT></TimeML>", f);
    std::fclose(f);
  }
  std::vector<Error> errors;
  TimexEvalReport r = evaluate_timeml_dir(dir.string(), [&](const Error& e) { errors.push_back(e); });
  fs::remove_all(dir);
  EXPECT_EQ(r.total.documents, 5);
  EXPECT_EQ(r.rejected, 1);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].file.find("zz_broken.tml"), std::string::npos);
  EXPECT_FALSE(errors[0].locator.empty());
  ASSERT_EQ(r.parts.size(), 1u);
  EXPECT_EQ(r.parts[0].name, "part");
  EXPECT_GT(score(r.total.counts).relaxed_f1, 70.0);
}

TEST(TimexEval, DevAndTestSplitsPartitionEachFolder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("sitrep_timex_split_" + std::to_string(::getpid()));
  // Two folders of 3 and 2 files: dev takes files 0 and 2 of the first and 0 of the second.
  for (const char* f : {"a/1.tml", "a/2.tml", "a/3.tml", "b/1.tml", "b/2.tml"}) {
    fs::create_directories((dir / f).parent_path());
    std::FILE* out = std::fopen((dir / f).c_str(), "w");
    std::fputs(kGold, out);
    std::fclose(out);
  }
  std::vector<std::string> dev_names, test_names;
  auto names = [](std::vector<std::string>& into) {
    return [&into](const TimemlDoc& d, const std::vector<Timex>&) { into.push_back(d.name); };
  };
  auto ignore = [](const Error&) {};
  TimexEvalReport dev = evaluate_timeml_dir(dir.string(), ignore, names(dev_names), TimexSplit::Dev);
  TimexEvalReport test = evaluate_timeml_dir(dir.string(), ignore, names(test_names), TimexSplit::Test);
  TimexEvalReport all = evaluate_timeml_dir(dir.string(), ignore, {}, TimexSplit::All);
  fs::remove_all(dir);
  EXPECT_EQ(dev.total.documents, 3);
  EXPECT_EQ(test.total.documents, 2);
  EXPECT_EQ(all.total.documents, 5);
  for (const auto& d : dev_names)
    for (const auto& t : test_names) EXPECT_NE(d, t);
  ASSERT_EQ(dev.parts.size(), 2u);
  EXPECT_EQ(dev.parts[0].documents, 2);  // a/1, a/3
  EXPECT_EQ(dev.parts[1].documents, 1);  // b/1
}
