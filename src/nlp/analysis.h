// The arrays the language-analysis stage assigns to a document (spaCy-style: flat parallel
// arrays over the text, every position a character offset into it). Later stages read these
// directly: word i has words[i], upos[i], xpos[i], lemma[i], head[i], deprel[i].
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace sitrep::nlp {

// The 17 universal parts of speech, in UD's order; fixed so callers can switch on them.
enum class Upos : uint8_t { ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN,
                            PUNCT, SCONJ, SYM, VERB, X };
constexpr int kUposCount = 17;
std::string_view upos_name(Upos u);
bool parse_upos(std::string_view s, Upos& out);

enum class EntityType : uint8_t { PER, ORG, LOC };
constexpr int kEntityTypeCount = 3;
std::string_view entity_name(EntityType t);
bool parse_entity_type(std::string_view s, EntityType& out);

struct EntitySpan {
  uint32_t word_begin = 0, word_end = 0;  // [begin, end) word indices
  EntityType type = EntityType::PER;
};

// Names of the model-specific label sets (XPOS, dependency relations); shared, immutable.
struct LabelNames {
  std::vector<std::string> xpos, deprel;
};

struct Analysis {
  std::vector<Span> tokens;            // surface tokens ("don't" is one token)
  std::vector<Span> words;             // syntactic words ("do", "n't"); offsets into the text
  std::vector<uint32_t> word_token;    // token index of each word
  std::vector<uint32_t> sentence_starts;  // first word of each sentence, ascending
  std::vector<Upos> upos;
  std::vector<uint16_t> xpos;          // index into labels->xpos
  std::vector<std::string> lemma;
  std::vector<int32_t> head;           // word index of the head, -1 for the sentence root
  std::vector<uint16_t> deprel;        // index into labels->deprel
  std::vector<EntitySpan> entities;    // ascending, non-overlapping, within one sentence
  std::shared_ptr<const LabelNames> labels;

  size_t sentence_count() const { return sentence_starts.size(); }
  // [begin, end) word range of sentence s.
  uint32_t sentence_begin(size_t s) const { return sentence_starts[s]; }
  uint32_t sentence_end(size_t s) const {
    return s + 1 < sentence_starts.size() ? sentence_starts[s + 1] : uint32_t(words.size());
  }
  std::string_view xpos_name(size_t w) const { return labels->xpos[xpos[w]]; }
  std::string_view deprel_name(size_t w) const { return labels->deprel[deprel[w]]; }
  // The [begin, end) byte spans of the entities of one type, in text order (what the linker takes).
  std::vector<std::pair<uint32_t, uint32_t>> entity_bytes(EntityType type) const;
};

}  // namespace sitrep::nlp
