// Named-entity recognizer: greedy BIO tagging (PER, ORG, LOC) with sparse features of the
// words, their shapes and the tagger's UPOS; an I- tag may only continue its own type.
// Classes: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type.
#pragma once
#include <memory>
#include <span>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

constexpr uint32_t kNerClasses = 1 + 2 * kEntityTypeCount;
bool ner_transition_ok(uint32_t prev, uint32_t cls);
// `gaz` (may be null: models without a gazetteer) adds the gazetteer features after the others.
void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const GazCodes* gaz, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out);
// BIO classes -> spans (word offsets added to `offset`).
void bio_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out);

class EntityRecognizer {
 public:
  EntityRecognizer(std::unique_ptr<const Scorer> scorer, Gazetteer gazetteer)
      : scorer_(std::move(scorer)), gazetteer_(std::move(gazetteer)) {}
  void tag(std::span<const WordKeys> words, std::span<const std::string_view> forms, std::span<const Upos> upos,
           std::span<uint16_t> out) const;

 private:
  std::unique_ptr<const Scorer> scorer_;
  Gazetteer gazetteer_;
};

}  // namespace sitrep::nlp
