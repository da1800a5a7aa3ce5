#include "nlp/analysis.h"

#include <array>

#include "nlp/nlp.h"
#include "nlp/sentences.h"
#include "nlp/tokenizer.h"

namespace sitrep::nlp {
namespace {
constexpr std::array<std::string_view, kUposCount> kUpos = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X"};
constexpr std::array<std::string_view, kEntityTypeCount> kEntity = {"PER", "ORG", "LOC"};
}  // namespace

std::string_view upos_name(Upos u) { return kUpos[size_t(u)]; }

std::vector<std::pair<uint32_t, uint32_t>> Analysis::entity_bytes(EntityType type) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const auto& e : entities)
    if (e.type == type && e.word_end > e.word_begin) out.emplace_back(words[e.word_begin].begin, words[e.word_end - 1].end);
  return out;
}
bool parse_upos(std::string_view s, Upos& out) {
  for (size_t i = 0; i < kUpos.size(); ++i)
    if (kUpos[i] == s) return out = Upos(i), true;
  return false;
}
std::string_view entity_name(EntityType t) { return kEntity[size_t(t)]; }
bool parse_entity_type(std::string_view s, EntityType& out) {
  for (size_t i = 0; i < kEntity.size(); ++i)
    if (kEntity[i] == s) return out = EntityType(i), true;
  return false;
}

Analysis segment(std::string_view text) {
  Analysis a;
  tokenize(text, a);
  split_sentences(text, a);
  return a;
}

}  // namespace sitrep::nlp
