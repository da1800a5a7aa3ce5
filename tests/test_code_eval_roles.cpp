// The role scorer (`sitrep eval roles`): its reader of BIO-marked sources and targets, the
// sentence text it rebuilds with the phrases' byte spans, malformed lines, and the arithmetic of
// precision, recall and F1 on hand-made sentences.
#include <gtest/gtest.h>

#include "code/eval_roles.h"

namespace sitrep::code {
namespace {

std::string phrase(const RoleSentence& s, Span p) { return s.text.substr(p.begin, p.end - p.begin); }

TEST(CodeEvalRoles, ReadsSentencesPhrasesAndJoinsTokens) {
  auto got = read_role_iob(
      "Turkish B-S\nforces I-S\nshelled O\nKurdish B-T\npositions I-T\n, O\nofficials O\nsaid O\n. O\n\n"
      "Putin B-R\nand I-R\nErdogan I-R\nmet O\n( O\nagain O\n) O\n.\tO\n\n\nStray I-T\nlabel O\n",
      "roles.txt");
  ASSERT_TRUE(got.ok()) << got.error().message;
  const auto& v = got.value();
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].text, "Turkish forces shelled Kurdish positions, officials said.");
  ASSERT_EQ(v[0].source.size(), 1u);
  EXPECT_EQ(phrase(v[0], v[0].source[0]), "Turkish forces");
  ASSERT_EQ(v[0].target.size(), 1u);
  EXPECT_EQ(phrase(v[0], v[0].target[0]), "Kurdish positions");
  EXPECT_EQ(v[1].text, "Putin and Erdogan met (again).");
  ASSERT_EQ(v[1].both.size(), 1u);
  EXPECT_EQ(phrase(v[1], v[1].both[0]), "Putin and Erdogan");
  EXPECT_EQ(v[1].index, 1u);
  EXPECT_EQ(v[1].line, 11u);
  // a stray I- opens a phrase of its own
  ASSERT_EQ(v[2].target.size(), 1u);
  EXPECT_EQ(phrase(v[2], v[2].target[0]), "Stray");
}

TEST(CodeEvalRoles, MalformedLinesNameTheirLine) {
  auto bad = read_role_iob("Turkey B-S\nattacked O\nSyria B-X\n", "roles.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().locator, "line 3");
  EXPECT_FALSE(read_role_iob("lonely\n").ok());
}

TEST(CodeEvalRoles, PrecisionRecallAndUnmarkedRoles) {
  auto got = read_role_iob("Turkey B-S\nattacked O\nSyria B-T\n\nRussia B-S\nwarned O\nUkraine O\n\nA B-R\nmet O\nB B-R\n");
  ASSERT_TRUE(got.ok());
  const auto& v = got.value();
  RoleScores s;
  Span turkey{0, 6}, syria{16, 21}, russia{0, 6}, ukraine{14, 21}, a{0, 1};
  score_role_sentence(v[0], turkey, syria, s);        // both right
  score_role_sentence(v[1], ukraine, russia, s);      // source wrong; no target marked: counted apart
  score_role_sentence(v[2], a, std::nullopt, s);      // R phrase as source right; target missed
  EXPECT_EQ(s.sentences, 3u);
  EXPECT_EQ(s.source.tp, 2u);
  EXPECT_EQ(s.source.fp, 1u);
  EXPECT_EQ(s.source.fn, 1u);
  EXPECT_EQ(s.target.tp, 1u);
  EXPECT_EQ(s.target.fp, 0u);
  EXPECT_EQ(s.target.fn, 1u);
  EXPECT_EQ(s.unmarked_target, 1u);
  EXPECT_NEAR(s.source.precision(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(s.source.recall(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(s.target.precision(), 100.0, 1e-9);
  EXPECT_NEAR(s.target.recall(), 50.0, 1e-9);
  EXPECT_NEAR(s.both().f1(), 2 * 75.0 * 60.0 / 135.0, 1e-9);  // P 3/4, R 3/5
  // source and target the wrong way round
  RoleScores w;
  score_role_sentence(v[0], syria, turkey, w);
  EXPECT_EQ(w.swapped, 1u);
}

}  // namespace
}  // namespace sitrep::code
