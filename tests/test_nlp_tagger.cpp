// The tagger's tag dictionary (ambiguity classes): built from a hand-made training set, looked
// up for known, rare and unknown words, and read back from its part bytes.
#include <gtest/gtest.h>

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
  tagger_features(words, a, 0, kNoTag, kNoTag, fa);
  tagger_features(words, b, 0, kNoTag, kNoTag, fb);
  ASSERT_EQ(fa.size(), fb.size());
  size_t differ = 0;
  for (size_t i = 0; i < fa.size(); ++i) differ += fa[i] != fb[i];
  EXPECT_GT(differ, 0u);
  EXPECT_LT(differ, fa.size());
}
