// Named-entity recognizer: left-to-right beam search (PER, ORG, LOC) over BILOU classes with
// sparse features of the words and their neighbours (two before, three after), their shapes,
// the tagger's UPOS, the gazetteer, organization and place cue words ("Inc.", "University",
// "Energy", "Street"), the tagger's lexicon (version 6) and the casing of the sentence; trained as a structured
// perceptron with early updates (train_ner.cpp).
// Classes (BILOU): 0 = O; for type t: 1+4t B (begin), 2+4t I (inside), 3+4t L (last), 4+4t U (unit).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/scorer.h"

namespace sitrep::nlp {

class Lexicon;

// The NER part of the model file (model_file.h): version 6 = these classes and features, with
// those of the tagger's lexicon (lexicon.h); version 5: the same without the lexicon's (read and
// run as they were trained); version 4: nor the per-kind gazetteer features; version 3: nor the
// cue words.
constexpr uint8_t kNerPartVersion = 6;
constexpr uint8_t kNerPartOldestVersion = 5;  // the oldest this recognizer reads
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
// A person's span that swallowed the title before the name and what qualifies it ("Wisconsin Gov.
// Scott Walker", "U.S. President Donald Trump") keeps only the name after the title. `forms` are
// the sentence's words, which start at word `offset`; spans from index `first` on are checked.
void trim_titles(std::span<const std::string_view> forms, uint32_t offset, std::vector<EntitySpan>& spans, size_t first);

// Per-sentence inputs of the features, computed once per sentence.
struct NerSentenceInfo {
  GazCodes gaz;
  bool has_gaz = false;
  uint32_t sentence_case = 0;  // 0 mixed, 1 no capitals after the first word, 2 headline, 3 all capitals
  // Per word: the kind of cue word it is (ner_org_cue), and the kind of the first capitalized cue
  // word in its name-like run to the right / to the left, + 8 when adjacent (0 none).
  std::vector<uint8_t> cue, cue_right, cue_left;
  // Per word: its lexicon bits (lexicon.h), 0 for a word the lexicon lacks; empty: no lexicon.
  std::vector<uint64_t> lex;
};
// Whether a word (any case, a final "." ignored) commonly ends or heads a name: 1 company suffix
// ("inc", "corp", "ltd", "group"), 2 institution ("university", "bank", "party", "authority",
// armed and security forces: "army", "forces", "front", "police"),
// 3 line of business ("energy", "services", "airlines"), 4 place or venue ("street", "river",
// "airport", "grill"); 0 otherwise.
uint8_t ner_org_cue(std::string_view word);
// `gazetteer` may be empty (models without one); `lexicon` may be null (no lexicon features).
void ner_sentence_info(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                       const Gazetteer& gazetteer, NerSentenceInfo& out, const Lexicon* lexicon = nullptr);
// The features of word i that do not depend on the classes before it, and those that do
// (`prev1`, `prev2`: the classes of words i-1 and i-2, kNerStart before the sentence).
void ner_static_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                         size_t i, std::vector<FeatureKey>& out);
void ner_history_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
                          size_t i, uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out);
// Both lists, one after the other.
void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out);

// The words of a sentence the recognizer reads as outside any name without scoring them, when
// the word before is outside one too: in a sentence of mixed case, words in lower case
// throughout (ASCII) that no gazetteer name covers. None in a sentence without capitals (web
// text, where names go lower case too). On 187,000 words of news this changes no entity and
// saves a tenth of the analysis.
void ner_plain_words(std::span<const std::string_view> forms, const NerSentenceInfo& info, std::vector<char>& out);

// Beam search over one sentence's classes: each step extends every kept item by every class
// its last class allows and keeps the `width` best (width 1: greedy left to right).
// Width 1, trained with early updates, scored on dev as well as width 3 at a third of the cost.
constexpr uint32_t kNerBeamWidth = 1;
class NerBeam {
 public:
  using ScoreFn = std::function<void(std::span<const FeatureKey>, std::span<float>)>;
  explicit NerBeam(uint32_t width) : width_(width ? width : 1) {}
  // Returns the number of steps taken: all words, or, given `gold` (training), the step at
  // which the gold prefix fell out of the beam, plus one (an early update's prefix).
  // `plain` (decoding only, may be empty): words that are O without scoring when the word before
  // is O (see EntityRecognizer::tag).
  size_t run(std::span<const WordKeys> words, std::span<const Upos> upos, const NerSentenceInfo& info,
             const ScoreFn& score, const uint16_t* gold, std::span<const char> plain = {});
  // The classes of the best item after `steps` steps (default: all taken) into out[0, steps).
  void best(std::span<uint16_t> out, size_t steps = 0) const;

 private:
  struct Item {
    float score;
    uint32_t back;      // index of the item it extends in the previous step
    uint16_t cls, prev;  // its class and the one before
  };
  uint32_t width_;
  std::vector<std::vector<Item>> steps_;
  size_t taken_ = 0;
};

// Document-level pass after every sentence is tagged. A name written the same way takes the type
// most of its mentions have (ties keep each its own). An acronym in capitals (2-8 letters, "CPA",
// "HANO") written in parentheses right after a name, or spelling the initials of an organization
// or place named earlier in the document ("Coalition Provisional Authority", "Housing Authority of
// New Orleans": "of", "and", "the", "for", "&" may be skipped), takes that name's type wherever it
// stands outside a name. `forms` are the document's words; `spans` stay sorted by position.
void resolve_document_names(std::span<const std::string_view> forms, std::vector<EntitySpan>& spans);

class EntityRecognizer {
 public:
  EntityRecognizer(std::unique_ptr<const Scorer> scorer, Gazetteer gazetteer)
      : scorer_(std::move(scorer)), gazetteer_(std::move(gazetteer)) {}
  // The lexicon whose readings of the words are features (a version-6 part's, trained with the
  // tagger's); it must outlive the recognizer. None by default.
  void set_lexicon(const Lexicon* lexicon) { lexicon_ = lexicon; }
  // Tags one sentence: BILOU classes into `out`.
  void tag(std::span<const WordKeys> words, std::span<const std::string_view> forms, std::span<const Upos> upos,
           std::span<uint16_t> out) const;

 private:
  std::unique_ptr<const Scorer> scorer_;
  Gazetteer gazetteer_;
  const Lexicon* lexicon_ = nullptr;
};

}  // namespace sitrep::nlp
