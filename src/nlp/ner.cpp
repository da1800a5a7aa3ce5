#include "nlp/ner.h"

#include <limits>

namespace sitrep::nlp {

bool ner_transition_ok(uint32_t prev, uint32_t cls) {
  if (cls == 0 || (cls & 1)) return true;  // O and B- may follow anything
  return prev != 0 && prev != 0xFFFF && (prev - 1) / 2 == (cls - 1) / 2;
}

void ner_features(std::span<const WordKeys> words, std::span<const Upos> upos, const GazCodes* gaz, size_t i,
                  uint32_t prev1, uint32_t prev2, std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  long k = long(i), n = long(words.size());
  auto at = [&](long j) -> const WordKeys& { return j < 0 ? kBos : j >= n ? kEos : words[size_t(j)]; };
  auto pos = [&](long j) -> uint64_t { return j < 0 ? 100 : j >= n ? 101 : uint64_t(upos[size_t(j)]); };
  const WordKeys &w = at(k), &p = at(k - 1), &pp = at(k - 2), &nx = at(k + 1), &nn = at(k + 2);
  out.clear();
  uint32_t t = 300;
  auto f1 = [&](uint64_t a) { out.push_back(fkey(t++, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(fkey(t++, a, b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(fkey(t++, a, b, c)); };
  f1(1);
  f1(w.lower), f1(w.form), f1(w.shape), f1(w.flags), f1(w.prefix[2]), f1(w.suffix[1]), f1(w.suffix[2]), f1(w.suffix[3]);
  f1(p.lower), f1(nx.lower), f1(pp.lower), f1(nn.lower), f1(p.shape), f1(nx.shape), f1(p.form), f1(nx.form);
  f2(p.flags, w.flags), f2(w.flags, nx.flags);
  f1(pos(k)), f1(pos(k - 1)), f1(pos(k + 1)), f3(pos(k - 1), pos(k), pos(k + 1)), f2(pos(k), w.lower);
  f1(prev1), f2(prev1, prev2), f2(prev1, w.lower), f2(prev1, w.shape), f2(prev1, pos(k));
  f2(p.lower, w.lower), f2(w.lower, nx.lower), f2(w.shape, uint64_t(k == 0));
  f2(prev1, nx.lower), f2(w.form, nx.shape), f2(p.shape, w.shape);
  if (!gaz) return;
  auto gs = [&](long j) -> uint64_t { return j < 0 ? 1u << 30 : j >= n ? 1u << 31 : gaz->span[size_t(j)]; };
  auto gw = [&](long j) -> uint64_t { return j < 0 || j >= n ? 1u << 30 : gaz->word[size_t(j)]; };
  f1(gs(k)), f2(gs(k), w.flags), f1(gs(k - 1)), f1(gs(k + 1)), f2(gs(k - 1), gs(k)), f2(gs(k), gs(k + 1));
  f1(gw(k)), f2(gw(k), w.flags), f2(gw(k), gw(k + 1)), f2(gw(k - 1), gw(k)), f2(prev1, gs(k)), f2(prev1, gw(k));
  f2(gs(k), pos(k));
}

void bio_to_spans(std::span<const uint16_t> classes, uint32_t offset, std::vector<EntitySpan>& out) {
  for (size_t i = 0; i < classes.size();) {
    uint16_t c = classes[i];
    if (c == 0) {
      ++i;
      continue;
    }
    uint32_t type = (c - 1) / 2;  // a stray I- opens a span too
    size_t j = i + 1;
    while (j < classes.size() && classes[j] == 2 + 2 * type) ++j;
    out.push_back({offset + uint32_t(i), offset + uint32_t(j), EntityType(type)});
    i = j;
  }
}

void EntityRecognizer::tag(std::span<const WordKeys> words, std::span<const std::string_view> forms,
                           std::span<const Upos> upos, std::span<uint16_t> out) const {
  std::vector<FeatureKey> feats;
  GazCodes gaz;
  const GazCodes* g = nullptr;
  if (!gazetteer_.empty()) gazetteer_.annotate(forms, words, gaz), g = &gaz;
  std::vector<float> scores(scorer_->classes());
  uint32_t p1 = 0xFFFF, p2 = 0xFFFF;
  for (size_t i = 0; i < words.size(); ++i) {
    ner_features(words, upos, g, i, p1, p2, feats);
    scorer_->score(feats, scores);
    uint32_t best = 0;
    float bs = -std::numeric_limits<float>::infinity();
    for (uint32_t c = 0; c < scores.size(); ++c)
      if (scores[c] > bs && ner_transition_ok(p1, c)) best = c, bs = scores[c];
    out[i] = uint16_t(best);
    p2 = p1;
    p1 = best;
  }
}

}  // namespace sitrep::nlp
