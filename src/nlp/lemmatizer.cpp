#include "nlp/lemmatizer.h"

#include <xxhash.h>

#include "nlp/features.h"
#include "nlp/text_chars.h"

namespace sitrep::nlp {

std::string lemma_rule(std::string_view form, std::string_view lemma) {
  std::string low = to_lower(form);
  // Lower-case first unless the lemma keeps capitals ("Obama"), so suffix rules generalize
  // over sentence-initial capitals.
  bool keep = to_lower(lemma) != lemma;
  std::string_view f = keep ? form : std::string_view(low);
  size_t common = 0;
  while (common < f.size() && common < lemma.size() && f[common] == lemma[common]) ++common;
  // Cut whole UTF-8 sequences only.
  while (common > 0 && common < f.size() && is_continuation_byte(f[common])) --common;
  return std::string(1, keep ? 'K' : 'L') + std::to_string(f.size() - common) + "|" + std::string(lemma.substr(common));
}

std::string apply_lemma_rule(std::string_view form, std::string_view rule) {
  if (rule.size() < 3) return std::string(form);
  std::string base = rule[0] == 'L' ? to_lower(form) : std::string(form);
  size_t bar = rule.find('|');
  size_t cut = 0;
  for (size_t i = 1; i < bar; ++i) cut = cut * 10 + size_t(rule[i] - '0');
  if (cut > base.size()) return base;
  // Rules count bytes: one learned on "Suárez" must not split the "á" of "Juárez" in two.
  if (cut < base.size() && is_continuation_byte(base[base.size() - cut])) return base;
  base.resize(base.size() - cut);
  base.append(rule.substr(bar + 1));
  return base.empty() ? std::string(form) : base;
}

namespace {
// Version 2: the string's hash with the key's kind (1 form, 2 suffix) and tag mixed in after
// hashing. (Version 1 seeded the string hash with the tag, which let short strings collide across
// tags: XXH3 keys a string of 1-3 bytes by XOR with secret + seed, so "ief" under NNP took the
// key of "ies" under another tag and lemmatized "Brief" as "bry".)
uint64_t lemma_key(std::string_view s, uint64_t kind, uint16_t xpos, uint8_t version) {
  uint64_t k = version == 1 ? XXH3_64bits_withSeed(s.data(), s.size(), (kind == 1 ? 1000 : 50000) + xpos)
                            : mix64(XXH3_64bits(s.data(), s.size()) ^ mix64(kind * 0x10001ULL + xpos + 1));
  return k ? k : 1;
}
}  // namespace

uint64_t lemma_form_key(std::string_view lower_form, uint16_t xpos, uint8_t version) {
  return lemma_key(lower_form, 1, xpos, version);
}
uint64_t lemma_suffix_key(std::string_view lower_suffix, uint16_t xpos, uint8_t version) {
  return lemma_key(lower_suffix, 2, xpos, version);
}

std::unique_ptr<const Lemmatizer> Lemmatizer::read(PartReader& in, uint8_t version) {
  if (version != 1 && version != kLemmatizerPartVersion) return nullptr;
  auto l = std::make_unique<Lemmatizer>();
  l->version_ = version;
  l->rules_ = in.strings();
  l->slots_ = in.array<LemmaSlot>();
  if (!in.ok() || l->slots_.empty() || (l->slots_.size() & (l->slots_.size() - 1))) return nullptr;
  for (const auto& s : l->slots_)
    if (s.key && s.rule >= l->rules_.size()) return nullptr;
  return l;
}

const LemmaSlot* Lemmatizer::find(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask, probes = 0; probes <= mask; i = (i + 1) & mask, ++probes) {
    if (slots_[i].key == key) return &slots_[i];
    if (slots_[i].key == 0) return nullptr;
  }
  return nullptr;
}

bool Lemmatizer::seen(std::string_view form, uint16_t xpos) const {
  return find(lemma_form_key(to_lower(form), xpos, version_)) != nullptr;
}

std::string Lemmatizer::lemma(std::string_view form, uint16_t xpos) const {
  std::string low = to_lower(form);
  if (const LemmaSlot* s = find(lemma_form_key(low, xpos, version_))) return apply_lemma_rule(form, rules_[s->rule]);
  // Unknown word: the longest suffix seen often enough with this tag.
  for (int n = kLemmaMaxSuffix; n >= 0; --n) {
    if (size_t(n) > low.size()) continue;
    std::string_view suf = std::string_view(low).substr(low.size() - size_t(n));
    if (!suf.empty() && is_continuation_byte(suf[0])) continue;  // inside a character
    const LemmaSlot* s = find(lemma_suffix_key(suf, xpos, version_));
    if (s && (s->count >= min_suffix_count_ || n == 0)) return apply_lemma_rule(form, rules_[s->rule]);
  }
  return low;
}

}  // namespace sitrep::nlp
