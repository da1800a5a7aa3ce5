// The tagger's tag dictionary (ambiguity classes): built from a hand-made training set, looked
// up for known, rare and unknown words, and read back from its part bytes.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "nlp/model_file.h"
#include "nlp/tagger.h"
#include "nlp/train_parts.h"

using namespace sitrep::nlp;

namespace {

// One sentence of (form, class) pairs.
TrainSentence sentence(const std::vector<std::pair<std::string, uint16_t>>& words) {
  TrainSentence s;
  for (const auto& [form, cls] : words) {
    s.forms.push_back(form);
    s.keys.push_back(word_keys(form));
    s.tag_class.push_back(cls);
  }
  return s;
}

uint64_t amb(std::initializer_list<uint16_t> classes) {
  std::vector<uint16_t> v(classes);
  return ambiguity_of(v);
}

class TagDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // "the" is 0 (25 times, once mis-tagged 1), "that" 0 or 2, "runs" 3; "walking" and "Talking"
    // are seen once each (rare), "talking" twice with 4 and "Paris" once with 5.
    for (int i = 0; i < 24; ++i) data_.push_back(sentence({{"the", 0}, {"runs", 3}, {"that", uint16_t(i % 2 ? 0 : 2)}}));
    data_.push_back(sentence({{"The", 1}, {"walking", 4}, {"talking", 4}, {"talking", 4}, {"Paris", 5}}));
    for (const auto& s : data_) ptrs_.push_back(&s);
  }
  std::vector<TrainSentence> data_;
  std::vector<const TrainSentence*> ptrs_;
};

}  // namespace

TEST_F(TagDictionaryTest, FrequentFormsTakeTheirClassSetRareOnesTheirSuffixClass) {
  TagDictionary dict(tag_dictionary_entries(ptrs_, 3, 3));
  // Frequent forms, whatever their case; the one slip in 25 of "the" stays out of its set.
  EXPECT_EQ(dict.lookup(word_keys("the")), amb({0}));
  EXPECT_EQ(dict.lookup(word_keys("THE")), amb({0}));
  EXPECT_EQ(dict.lookup(word_keys("that")), amb({0, 2}));
  EXPECT_EQ(dict.lookup(word_keys("runs")), amb({3}));
  // Rare forms are not in the dictionary: they and unseen words with their last three letters
  // and capitalization take the suffix class ("-ing" lower case: 4 from "walking", "talking").
  EXPECT_EQ(dict.lookup(word_keys("walking")), amb({4}));
  EXPECT_EQ(dict.lookup(word_keys("singing")), amb({4}));
  EXPECT_EQ(dict.lookup(word_keys("Boris")), amb({5}));
  EXPECT_EQ(dict.lookup(word_keys("iris")), kUnknownAmbiguity);
  EXPECT_EQ(dict.lookup(word_keys("xyzzy")), kUnknownAmbiguity);
  // With a threshold of 2, "talking" is a known form of its own.
  TagDictionary two(tag_dictionary_entries(ptrs_, 2, 2));
  EXPECT_EQ(two.lookup(word_keys("talking")), amb({4}));
  EXPECT_EQ(two.lookup(word_keys("singing")), amb({4}));  // from "walking" alone
  EXPECT_GT(two.size(), dict.size());
  // Every form known, suffix classes from the forms seen fewer than 3 times (the shipped setting).
  TagDictionary all(tag_dictionary_entries(ptrs_, 1, 3));
  EXPECT_EQ(all.lookup(word_keys("walking")), amb({4}));
  EXPECT_EQ(all.lookup(word_keys("Paris")), amb({5}));
  EXPECT_EQ(all.lookup(word_keys("singing")), amb({4}));
  EXPECT_EQ(all.lookup(word_keys("xyzzy")), kUnknownAmbiguity);
}

TEST_F(TagDictionaryTest, RoundTripsThroughItsPartBytesAndRejectsDamage) {
  TagDictionary dict(tag_dictionary_entries(ptrs_, 3, 3));
  PartWriter w;
  dict.write(w);
  std::string bytes = w.bytes();
  PartReader in(bytes.data(), bytes.size());
  TagDictionary back;
  ASSERT_TRUE(back.read(in));
  EXPECT_TRUE(in.at_end());
  EXPECT_EQ(back.size(), dict.size());
  for (const char* f : {"the", "that", "runs", "walking", "Boris", "xyzzy"})
    EXPECT_EQ(back.lookup(word_keys(f)), dict.lookup(word_keys(f))) << f;
  // A wrong entry count, or a truncated table, is refused.
  std::string bad = bytes;
  bad[0] ^= 1;
  PartReader in2(bad.data(), bad.size());
  TagDictionary no;
  EXPECT_FALSE(no.read(in2));
  PartReader in3(bytes.data(), bytes.size() - 8);
  EXPECT_FALSE(no.read(in3));
}

// The next word's ambiguity class is a feature: two sentences that differ only in the class of
// the word to the right get different features for the first word.
TEST(TaggerFeatures, SeeTheAmbiguityClassOfTheNextWord) {
  std::vector<WordKeys> words = {word_keys("can"), word_keys("run")};
  std::vector<uint64_t> a = {amb({1}), amb({2})}, b = {amb({1}), amb({3})};
  std::vector<FeatureKey> fa, fb;
  tagger_features(words, a, {}, 0, kNoTag, kNoTag, fa);
  tagger_features(words, b, {}, 0, kNoTag, kNoTag, fb);
  ASSERT_EQ(fa.size(), fb.size());
  size_t differ = 0;
  for (size_t i = 0; i < fa.size(); ++i) differ += fa[i] != fb[i];
  EXPECT_GT(differ, 0u);
  EXPECT_LT(differ, fa.size());
}

// Frequent unambiguous forms: an exact form seen at least kFrequentMinCount times, with at most
// one in kFrequentShare of them in another class.
TEST(FrequentForms, CountsAndShareDecide) {
  std::vector<TrainSentence> data;
  for (int i = 0; i < kFrequentMinCount; ++i) data.push_back(sentence({{"the", 0}, {"cat", 1}}));
  for (int i = 0; i < kFrequentMinCount - 1; ++i) data.push_back(sentence({{"a", 0}}));
  // "of": 600 times class 2 and once 3 (a slip: in); "to": 100 times 4 and once 5 (out).
  for (int i = 0; i < 600; ++i) data.push_back(sentence({{"of", 2}}));
  data.push_back(sentence({{"of", 3}, {"to", 5}}));
  for (int i = 0; i < 100; ++i) data.push_back(sentence({{"to", 4}}));
  std::vector<const TrainSentence*> ptrs;
  for (const auto& s : data) ptrs.push_back(&s);
  TagDictionary frequent(frequent_form_entries(ptrs));
  auto cls = [&](const char* f) -> int {
    const uint64_t* c = frequent.exact(word_keys(f).form);
    return c ? int(*c) : -1;
  };
  EXPECT_EQ(cls("the"), 0);
  EXPECT_EQ(cls("cat"), 1);
  EXPECT_EQ(cls("a"), -1);    // one short of the count
  EXPECT_EQ(cls("of"), 2);
  EXPECT_EQ(cls("to"), -1);   // 1 in 101 is too many
  EXPECT_EQ(cls("The"), -1);  // exact forms: not seen
}

namespace {
// Always prefers class 1, and counts the words it scores.
class PreferOne final : public Scorer {
 public:
  uint32_t classes() const override { return 3; }
  void score(std::span<const FeatureKey>, std::span<float> scores) const override {
    ++calls;
    scores[0] = 0, scores[1] = 1, scores[2] = 0.5f;
  }
  mutable int calls = 0;
};
}  // namespace

// A frequent unambiguous form takes its class without being scored, unless a tag restriction
// rules that class out; other words are scored.
TEST(FrequentForms, TakeTheirClassUnscoredUnlessRestricted) {
  auto scorer = std::make_unique<PreferOne>();
  const PreferOne* seen = scorer.get();
  std::vector<AmbiguitySlot> entries = {{word_keys("the").form, 0}};
  Tagger tagger(std::move(scorer), {{0, 0}, {1, 1}, {2, 2}}, std::nullopt, TagDictionary(entries));
  tagger.set_class_bits({1, 2, 4});
  std::vector<WordKeys> words = {word_keys("the"), word_keys("cat"), word_keys("the")};
  std::vector<uint16_t> out(3);
  tagger.tag(words, out);
  EXPECT_EQ(out, (std::vector<uint16_t>{0, 1, 0}));
  EXPECT_EQ(seen->calls, 1);
  // The last word may only take class 2 (bit 4): it is scored, and takes the best allowed class.
  std::vector<uint8_t> allowed = {0, 0, 4};
  tagger.tag(words, out, allowed);
  EXPECT_EQ(out, (std::vector<uint16_t>{0, 1, 2}));
  EXPECT_EQ(seen->calls, 3);
}
