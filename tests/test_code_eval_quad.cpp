// The quad-class scorer (`sitrep eval quad`): its reader, the split by line, the class of a CAMEO
// code, and the arithmetic of accuracy, per-class precision/recall/F1 and macro F1 on a tiny
// hand-made file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "code/code.h"
#include "code/eval_quad.h"
#include "kb/linker.h"
#include "test_support.h"

namespace sitrep::code {
namespace {

TEST(CodeEvalQuad, ReadsSentencesAndLabels) {
  auto got = read_quad_tsv("Troops shelled the town.\t4\r\n\r\nThe minister urged calm.\t0\r\nA met B.\t1", "t.tsv");
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got.value().size(), 3u);
  EXPECT_EQ(got.value()[0].text, "Troops shelled the town.");
  EXPECT_EQ(got.value()[0].label, 4);
  EXPECT_EQ(got.value()[0].line, 0u);
  EXPECT_EQ(got.value()[1].line, 2u);  // the blank line keeps its number
  EXPECT_EQ(got.value()[2].label, 1);
  EXPECT_TRUE(in_plover_split(got.value()[1].line, PloverSplit::Dev));
  EXPECT_TRUE(in_plover_split(got.value()[2].line, PloverSplit::Test));
}

TEST(CodeEvalQuad, MalformedLinesAreErrors) {
  auto no_tab = read_quad_tsv("fine\t1\nno label here\n", "t.tsv");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_EQ(no_tab.error().locator, "line 2");
  EXPECT_FALSE(read_quad_tsv("out of range\t5\n").ok());
  EXPECT_FALSE(read_quad_tsv("not a number\tx\n").ok());
  EXPECT_FALSE(read_quad_tsv("trailing junk\t3a\n").ok());
}

TEST(CodeEvalQuad, StatementsAndAppealsAreClassZero) {
  auto onto = Ontology::load_embedded();
  ASSERT_TRUE(onto.ok());
  const Ontology& o = *onto.value();
  EXPECT_EQ(penta_class(*o.find("010")), 0);
  EXPECT_EQ(penta_class(*o.find("0211")), 0);
  EXPECT_EQ(penta_class(*o.find("036")), 1);
  EXPECT_EQ(penta_class(*o.find("042")), 1);
  EXPECT_EQ(penta_class(*o.find("071")), 2);
  EXPECT_EQ(penta_class(*o.find("112")), 3);
  EXPECT_EQ(penta_class(*o.find("190")), 4);
  EXPECT_EQ(penta_class(*o.find("163")), 3);  // sanctions: verbal conflict in PentaClass
  EXPECT_EQ(penta_class(*o.find("145")), 4);
  EXPECT_STREQ(penta_class_name(kNoClass), "none");
}

TEST(CodeEvalQuad, ScoresArithmetic) {
  QuadScores s;
  // gold 0: two right, one coded 3; gold 1: one right, one coded nothing; gold 4: one right,
  // one coded 2; classes 2 and 3 have no gold sentence.
  s.add(0, 0), s.add(0, 0), s.add(0, 3);
  s.add(1, 1), s.add(1, kNoClass);
  s.add(4, 4), s.add(4, 2);
  EXPECT_EQ(s.records(), 7u);
  EXPECT_EQ(s.coded(), 6u);
  EXPECT_EQ(s.right(), 4u);
  EXPECT_DOUBLE_EQ(s.accuracy(), 400.0 / 7);
  EXPECT_DOUBLE_EQ(s.precision(0), 100.0);
  EXPECT_DOUBLE_EQ(s.recall(0), 200.0 / 3);
  EXPECT_DOUBLE_EQ(s.f1(0), 80.0);
  EXPECT_DOUBLE_EQ(s.precision(1), 100.0);
  EXPECT_DOUBLE_EQ(s.recall(1), 50.0);  // coding nothing is a miss
  EXPECT_NEAR(s.f1(1), 200.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(s.precision(2), 0.0);  // one coded, none right
  EXPECT_DOUBLE_EQ(s.recall(2), 0.0);     // no gold: 0, not undefined
  EXPECT_DOUBLE_EQ(s.f1(3), 0.0);
  EXPECT_DOUBLE_EQ(s.f1(4), 200.0 / 3);
  EXPECT_NEAR(s.macro_f1(), (80.0 + 200.0 / 3 + 0 + 0 + 200.0 / 3) / 5, 1e-9);
  EXPECT_DOUBLE_EQ(QuadScores().accuracy(), 0.0);
}

TEST(CodeEvalQuad, ScoresACoderOnATinyFile) {
  auto kb = kb::Kb::open(std::getenv("SITREP_KB") ? std::getenv("SITREP_KB") : SITREP_KB_FILE);
  if (!kb) GTEST_SKIP() << "kb.bin not built";
  CoderOptions o;
  o.linker = std::make_shared<const kb::Linker>(kb.value());
  auto coder = Coder::create(o);
  ASSERT_TRUE(coder.ok());
  auto file = read_quad_tsv(
      "Russian troops attacked Ukrainian positions.\t4\n"       // dev, right
      "The weather was mild.\t0\n"                                // test
      "Iran condemned the United States.\t1\n"                   // dev, coded 3
      "Germany sent humanitarian aid to Jordan.\t2\n"            // test
      "The weather in the capital was mild and dry.\t1\n");      // dev, coded nothing
  ASSERT_TRUE(file.ok());
  QuadScores dev = score_quad(*coder.value(), file.value(), PloverSplit::Dev);
  EXPECT_EQ(dev.records(), 3u);
  EXPECT_EQ(dev.coded(), 2u);
  EXPECT_EQ(dev.confusion[4][4], 1u);
  EXPECT_EQ(dev.confusion[1][3], 1u);
  EXPECT_EQ(dev.confusion[1][kNoClass], 1u);
  EXPECT_DOUBLE_EQ(dev.accuracy(), 100.0 / 3);
  EXPECT_DOUBLE_EQ(dev.recall(1), 0.0);
  EXPECT_DOUBLE_EQ(dev.precision(4), 100.0);
  QuadScores test = score_quad(*coder.value(), file.value(), PloverSplit::Test);
  EXPECT_EQ(test.records(), 2u);
  EXPECT_EQ(test.confusion[2][2], 1u);
}

}  // namespace
}  // namespace sitrep::code
