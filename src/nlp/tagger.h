// Greedy left-to-right tagger predicting one joint UPOS+XPOS class per word from sparse
// features of the word, its neighbours and the two previous decisions.
#pragma once
#include <memory>
#include <span>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

struct TagClass {
  uint16_t upos, xpos;
};

// Features for word i given the classes already chosen for words i-1 and i-2 (or kNoTag).
constexpr uint32_t kNoTag = 0xFFFF;
void tagger_features(std::span<const WordKeys> words, size_t i, uint32_t prev1, uint32_t prev2,
                     std::vector<FeatureKey>& out);

class Tagger {
 public:
  Tagger(std::unique_ptr<const Scorer> scorer, std::vector<TagClass> classes)
      : scorer_(std::move(scorer)), classes_(std::move(classes)) {}
  // Writes one class id per word of the sentence. With `allowed` (one mask per word, 0 = any
  // class), word i takes the best class c with class_bits(c) & allowed[i].
  void tag(std::span<const WordKeys> words, std::span<uint16_t> out, std::span<const uint8_t> allowed = {}) const;
  // The bits each class carries for `allowed` (e.g. from its XPOS tag); none set by default.
  void set_class_bits(std::vector<uint8_t> bits) { class_bits_ = std::move(bits); }
  const TagClass& tag_class(uint16_t c) const { return classes_[c]; }
  size_t class_count() const { return classes_.size(); }

 private:
  std::unique_ptr<const Scorer> scorer_;
  std::vector<TagClass> classes_;
  std::vector<uint8_t> class_bits_;
};

}  // namespace sitrep::nlp
