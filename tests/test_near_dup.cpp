// fuse/near_dup: MinHash + LSH find lightly edited copies and leave distinct articles apart;
// the store records near copies across runs.
#include <gtest/gtest.h>

#include "fuse/eval_neardup.h"
#include "fuse/near_dup.h"
#include "store/store.h"
#include "test_support.h"

using namespace sitrep;

namespace {

const char* kStory =
    "Russian and Turkish officials met in Ankara on Wednesday to discuss the ceasefire in Idlib province. "
    "The delegations agreed to set up joint patrols along the M4 highway and to open a security corridor. "
    "Turkey's defence minister said the talks had been constructive and would continue next week in Moscow. "
    "The Kremlin said Russia remained committed to the agreements reached by the two presidents in March. "
    "Thousands of civilians have fled the fighting in recent months, according to United Nations figures.";

const char* kOther =
    "The central bank raised interest rates by half a percentage point on Thursday, its third increase this year. "
    "Officials said inflation had proved more persistent than expected and that further increases were possible. "
    "Markets had expected the move, and the currency was little changed after the announcement in the capital.";

std::string edit(std::string s) {
  s = "BREAKING: " + s;
  s.replace(s.find("Wednesday"), 9, "Wednesday morning");
  s += " Read more on our website.";
  return s;
}

Doc doc_with(const std::string& id, const std::string& body) {
  Doc d;
  d.id = id;
  d.origin = id;
  d.format = "txt";
  d.body = body;
  d.body_hash = std::hash<std::string>{}(body);
  MinHash m = minhash(body);
  d.minhash.assign(m.begin(), m.end());
  return d;
}

}  // namespace

TEST(NearDup, EditedCopyIsCloseAndOtherStoryIsFar) {
  MinHash a = minhash(kStory), b = minhash(edit(kStory)), c = minhash(kOther);
  EXPECT_EQ(estimated_jaccard(a, minhash(kStory)), 1.0);
  EXPECT_GE(estimated_jaccard(a, b), kNearDupJaccard);
  EXPECT_LT(estimated_jaccard(a, c), 0.1);
}

TEST(NearDup, CaseAndPunctuationDoNotMatter) {
  std::string shouted = kStory;
  for (auto& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(estimated_jaccard(minhash(kStory), minhash(shouted)), 1.0);
}

TEST(NearDup, IndexReturnsTheBestMatchOnly) {
  NearDupIndex idx;
  idx.add(1, minhash(kOther));
  idx.add(2, minhash(kStory));
  auto m = idx.best_match(minhash(edit(kStory)));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->first, 2);
  EXPECT_FALSE(idx.best_match(minhash("A completely different short note about the weather and football scores.")));
}

// A reserved index takes that many documents without growing its band table, and finds the
// same matches as one that grew.
TEST(NearDup, ReservedIndexDoesNotGrowAndMatchesTheSame) {
  NearDupIndex grown, reserved;
  reserved.reserve(2000);
  size_t slots = reserved.table_slots();
  EXPECT_GE(slots, size_t(2000) * kLshBands * 2);
  for (int i = 0; i < 2000; ++i) {
    MinHash m = minhash("Dispatch " + std::to_string(i) + " from the border: " + std::to_string(i * 7919) +
                        " families crossed at the northern gate on day " + std::to_string(i % 31) + ".");
    grown.add(i, m);
    reserved.add(i, m);
  }
  EXPECT_EQ(reserved.table_slots(), slots);
  EXPECT_EQ(reserved.size(), grown.size());
  for (int i = 0; i < 2000; i += 37) {
    MinHash q = minhash("Dispatch " + std::to_string(i) + " from the border: " + std::to_string(i * 7919) +
                        " families crossed at the northern gate on day " + std::to_string(i % 31) + ".");
    auto a = grown.best_match(q), b = reserved.best_match(q);
    ASSERT_TRUE(a && b) << i;
    EXPECT_EQ(a->first, b->first);
  }
  reserved.reserve(10);  // less than held: nothing changes
  EXPECT_EQ(reserved.table_slots(), slots);
}

TEST(NearDup, StoreMarksNearCopiesAcrossSessions) {
  sitrep::testing::TempDir dir;
  std::string path = (dir / "s.db").string();
  {
    auto s = Store::open(path);
    ASSERT_TRUE(s.ok());
    s.value()->begin();
    EXPECT_EQ(s.value()->put(doc_with("orig", kStory), 1), Store::PutResult::Stored);
    EXPECT_EQ(s.value()->put(doc_with("other", kOther), 1), Store::PutResult::Stored);
    s.value()->commit();
  }
  auto s = Store::open(path);  // a new session rebuilds the index from the stored signatures
  ASSERT_TRUE(s.ok());
  s.value()->begin();
  EXPECT_EQ(s.value()->put(doc_with("copy", edit(kStory)), 2), Store::PutResult::NearDuplicate);
  s.value()->commit();
  auto docs = s.value()->list_documents(10, 0);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2].near_duplicate_of, "orig");
  EXPECT_EQ(docs[1].near_duplicate_of, "");
}

TEST(NearDupEval, DevSplitOfTheCorpusIsFoundWithHighPrecision) {
  auto corpus = sitrep::testing::shared_dir() / "data" / "corpus" / "allsides_intl.jsonl";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "corpus not present";
  NearDupEvalOptions o;
  o.corpus = corpus.string();
  o.split = "dev";
  o.limit = 600;
  auto r = evaluate_near_duplicates(o);
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.copies, r.originals / 2 + r.originals % 2);
  EXPECT_GE(r.precision(), 97.0);
  EXPECT_GE(r.recall(), 95.0);
}
