// Named-entity recognizer: greedy left-to-right tagging (PER, ORG, LOC) with sparse features of
// the words, their shapes, the tagger's UPOS, the gazetteer, the run of capitalized words a word
// is in, the casing of its sentence and what the rest of its document says about the same word
// (its casing there, the types given to it in earlier sentences).
// Classes (BILOU): 0 = O; for type t: 1+4t B (begin), 2+4t I (inside), 3+4t L (last), 4+4t U (unit).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

// The NER part of the model file (model_file.h): version 3 = these classes and features.
constexpr uint8_t kNerPartVersion = 3;
constexpr uint32_t kNerClasses = 1 + 4 * kEntityTypeCount;
constexpr uint32_t kNerStart = 0xFFFF;  // the "previous class" before a sentence's first word
constexpr uint32_t ner_class(uint32_t type, uint32_t part) { return 1 + 4 * type + part; }  // part 0 B, 1 I, 2 L, 3 U
// Whether class `cls` may follow `prev` (kNerStart at the start): I and L continue a B or I of
// their own type; O, B and U may not follow an open B or I.
bool ner_transition_ok(uint32_t prev, uint32_t cls);
// IOB2 classes (0 O, 1+2t B, 2+2t I: what the readers produce) -> BILOU classes.
void bio_to_bilou(std::span<const uint16_t> bio, std::span<uint16_t> out);
// IOB2 classes -> spans (word offsets added to `offset`).
void bio_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out);
// BILOU classes -> spans. A span opens at B or U (or a stray I or L) and goes on over I and L of
// its type until an L, U or other class; so an unfinished B...I at the end still makes a span.
void bilou_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out);

// What a document says about its word forms: casing over all its sentences (known before
// tagging) and the entity types given to each form by the sentences tagged so far.
class NerDocument {
 public:
  void clear() { seen_.clear(); }
  // Adds the casing of one sentence's words; call for every sentence before tagging any.
  void add_casing(std::span<const WordKeys> words);
  // Adds the classes given to one tagged sentence's words.
  void add_labels(std::span<const WordKeys> words, std::span<const uint16_t> classes);
  // Bits: 1 capitalized after the first word of a sentence, 2 lower case, 4 all capitals,
  // 8 << t tagged as type t before, 64 tagged O while capitalized before.
  uint32_t bits(const WordKeys& w) const {
    auto it = seen_.find(w.lower);
    return it == seen_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<uint64_t, uint32_t> seen_;
};

// Per-sentence inputs of the features, computed once per sentence.
struct NerSentenceInfo {
  GazCodes gaz;
  bool has_gaz = false;
  uint32_t sentence_case = 0;  // 0 mixed, 1 no capitals after the first word, 2 headline, 3 all capitals
  std::vector<uint32_t> run;     // capitalized run: position (0 begin, 1 inside, 2 last, 3 alone) * 8 + min(length, 7); 0xFF outside
  std::vector<uint32_t> run_end;  // index of the run's last word
  std::vector<uint32_t> doc;     // NerDocument::bits of each word (0 without a document)
};
// `gazetteer` may be empty (models without one), `doc` null (no document context).
void ner_sentence_info(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                       const Gazetteer& gazetteer, const NerDocument* doc, NerSentenceInfo& out);
void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out);

class EntityRecognizer {
 public:
  EntityRecognizer(std::unique_ptr<const Scorer> scorer, Gazetteer gazetteer)
      : scorer_(std::move(scorer)), gazetteer_(std::move(gazetteer)) {}
  // Tags one sentence (BILOU classes into `out`); with a document, reads and then updates its
  // label memory (its casing must already hold all the document's sentences).
  void tag(std::span<const WordKeys> words, std::span<const std::string_view> forms, std::span<const Upos> upos,
           NerDocument* doc, std::span<uint16_t> out) const;

 private:
  std::unique_ptr<const Scorer> scorer_;
  Gazetteer gazetteer_;
};

}  // namespace sitrep::nlp
