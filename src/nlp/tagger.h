// Greedy left-to-right tagger predicting one joint UPOS+XPOS class per word from sparse
// features of the word, its neighbours, their ambiguity classes and the two previous decisions.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/lexicon.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

struct TagClass {
  uint16_t upos, xpos;
};

// The tagger part's layout: the classes, the tag dictionary, the scorer, then (version 3) the
// frequent unambiguous forms, then (version 4) the lexicon (lexicon.h; empty: no lexicon
// features). Version 1 has no dictionary: its tagger computes no ambiguity-class features and
// tags as it was trained to; version 2 scores every word.
constexpr uint8_t kTaggerPartVersion = 4;

// Frequent unambiguous forms: an exact form seen at least kFrequentMinCount times in training
// with one class in all but at most one in kFrequentShare of them ("the", ",", "of") takes that
// class without being scored, unless a tag restriction rules it out. A table of (form key, class)
// in a TagDictionary.
constexpr int kFrequentMinCount = 20, kFrequentShare = 500;

// The tag dictionary: ambiguity classes (Cutting et al. 1992) as features. A lower-cased form
// seen at least kAmbiguityMinCount times in training maps to a key of the set of classes it took
// there; any other word to the key of the set its last three letters (and capitalization) took
// among the training words seen fewer than kAmbiguityRareBelow times, or to kUnknownAmbiguity.
// Open addressing on the word's key. The trainer gives each training sentence the classes of a
// dictionary built without its fold (one of kAmbiguityFolds).
struct AmbiguitySlot {
  uint64_t key;  // 0 = empty
  uint64_t amb;
};
constexpr int kAmbiguityMinCount = 1, kAmbiguityRareBelow = 3, kAmbiguityFolds = 10;
constexpr uint64_t kUnknownAmbiguity = 0xA3B1C2D3E4F5ULL;
uint64_t ambiguity_word_key(const WordKeys& w);
uint64_t ambiguity_suffix_key(const WordKeys& w);
// The key of a set of classes (sorted, no repeats).
uint64_t ambiguity_of(std::span<const uint16_t> classes);

class TagDictionary {
 public:
  TagDictionary() = default;
  // (key, amb) entries with distinct non-zero keys.
  explicit TagDictionary(const std::vector<AmbiguitySlot>& entries);
  TagDictionary(TagDictionary&&) = default;
  TagDictionary& operator=(TagDictionary&&) = default;
  TagDictionary(const TagDictionary&) = delete;  // the span may point into the owned vector
  TagDictionary& operator=(const TagDictionary&) = delete;
  uint64_t lookup(const WordKeys& w) const;
  // The value stored under exactly `key`, if any.
  const uint64_t* exact(uint64_t key) const {
    const AmbiguitySlot* e = find(key);
    return e ? &e->amb : nullptr;
  }
  size_t size() const { return entries_; }
  size_t slots() const { return table_.size(); }
  const AmbiguitySlot& slot(size_t i) const { return table_[i]; }
  void write(PartWriter& out) const;
  // Views the table inside the reader's buffer; false if damaged.
  bool read(PartReader& in);

 private:
  const AmbiguitySlot* find(uint64_t key) const;
  std::vector<AmbiguitySlot> own_;
  std::span<const AmbiguitySlot> table_;
  size_t entries_ = 0;
};

// Features for word i given the classes already chosen for words i-1 and i-2 (or kNoTag), the
// ambiguity class of every word of the sentence (none: a version-1 tagger's features only) and
// its lexicon bits (none: no lexicon features).
constexpr uint32_t kNoTag = 0xFFFF;
void tagger_features(std::span<const WordKeys> words, std::span<const uint64_t> amb, std::span<const uint64_t> lex,
                     size_t i, uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out);
// The lexicon bits of each word (0 for a word the lexicon lacks).
void lexicon_bits(const Lexicon& lexicon, std::span<const WordKeys> words, std::vector<uint64_t>& out);

class Tagger {
 public:
  // Without a dictionary (a version-1 part), the tagger uses no ambiguity-class features.
  Tagger(std::unique_ptr<const Scorer> scorer, std::vector<TagClass> classes, std::optional<TagDictionary> dictionary,
         std::optional<TagDictionary> frequent = std::nullopt, std::optional<Lexicon> lexicon = std::nullopt)
      : scorer_(std::move(scorer)),
        classes_(std::move(classes)),
        dictionary_(std::move(dictionary)),
        frequent_(std::move(frequent)),
        lexicon_(std::move(lexicon)) {
    if (lexicon_ && lexicon_->size() == 0) lexicon_.reset();
  }
  // Reads what follows the classes in a tagger part of `version` (1 to kTaggerPartVersion); null
  // if damaged or of another version.
  static std::unique_ptr<Tagger> read(PartReader& in, std::vector<TagClass> classes, uint8_t version);
  // Writes one class id per word of the sentence. With `allowed` (one mask per word, 0 = any
  // class), word i takes the best class c with class_bits(c) & allowed[i].
  void tag(std::span<const WordKeys> words, std::span<uint16_t> out, std::span<const uint8_t> allowed = {}) const;
  // The bits each class carries for `allowed` (e.g. from its XPOS tag); none set by default.
  void set_class_bits(std::vector<uint8_t> bits) { class_bits_ = std::move(bits); }
  // What each class is to a clause, and the class of the past tense (VERB VBD), for the check
  // that a sentence has a verb; without them (the default) the tagger is purely greedy.
  enum class ClauseRole : uint8_t { Other, Verb, Participle, FullStop, To };
  void set_clause_roles(std::vector<ClauseRole> roles, int past_class);
  int past_class() const { return past_class_; }  // -1 when not set
  const TagClass& tag_class(uint16_t c) const { return classes_[c]; }
  size_t class_count() const { return classes_.size(); }
  const Lexicon* lexicon() const { return lexicon_ ? &*lexicon_ : nullptr; }  // null: none

 private:
  std::unique_ptr<const Scorer> scorer_;
  std::vector<TagClass> classes_;
  std::vector<uint8_t> class_bits_;
  std::vector<ClauseRole> clause_roles_;
  int past_class_ = -1;
  static constexpr size_t kClauseMinWords = 6;
  // The largest lead of the participle over the past tense that the check overturns, in the
  // scorer's units; chosen on EWT and GUM dev with the shipped model (troops fired, guerrillas
  // threatened: leads 8-21; fragments such as "Highly recommended people." lead by 13-68).
  static constexpr float kPastTenseMargin = 21.0f;
  ClauseRole clause_role(uint16_t c) const { return c < clause_roles_.size() ? clause_roles_[c] : ClauseRole::Other; }
  std::optional<TagDictionary> dictionary_;
  std::optional<TagDictionary> frequent_;
  std::optional<Lexicon> lexicon_;
};

}  // namespace sitrep::nlp
