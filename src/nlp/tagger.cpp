#include "nlp/tagger.h"

#include <algorithm>

namespace sitrep::nlp {

void tagger_features(std::span<const WordKeys> words, size_t i, uint32_t prev1, uint32_t prev2,
                     std::vector<FeatureKey>& out) {
  static const WordKeys kBos = boundary_keys(-1), kEos = boundary_keys(1);
  auto at = [&](long j) -> const WordKeys& {
    return j < 0 ? kBos : j >= long(words.size()) ? kEos : words[size_t(j)];
  };
  long k = long(i);
  const WordKeys &w = at(k), &p = at(k - 1), &pp = at(k - 2), &n = at(k + 1), &nn = at(k + 2);
  out.clear();
  uint32_t t = 0;
  out.push_back(fkey(t++, 1));
  out.push_back(fkey(t++, w.lower));
  out.push_back(fkey(t++, w.form));
  out.push_back(fkey(t++, w.shape));
  out.push_back(fkey(t++, w.flags));
  for (int s = 0; s < 4; ++s) out.push_back(fkey(t++, w.suffix[s]));
  for (int s = 0; s < 3; ++s) out.push_back(fkey(t++, w.prefix[s]));
  out.push_back(fkey(t++, p.lower));
  out.push_back(fkey(t++, pp.lower));
  out.push_back(fkey(t++, n.lower));
  out.push_back(fkey(t++, nn.lower));
  out.push_back(fkey(t++, p.suffix[2]));
  out.push_back(fkey(t++, n.suffix[2]));
  out.push_back(fkey(t++, n.shape));
  out.push_back(fkey(t++, p.shape));
  out.push_back(fkey(t++, prev1));
  out.push_back(fkey(t++, prev1, prev2));
  out.push_back(fkey(t++, prev1, w.lower));
  out.push_back(fkey(t++, prev1, w.suffix[2]));
  out.push_back(fkey(t++, w.lower, n.lower));
  out.push_back(fkey(t++, p.lower, w.lower));
  out.push_back(fkey(t++, w.lower, n.suffix[1]));
  out.push_back(fkey(t++, prev1, n.lower));
  out.push_back(fkey(t++, n.lower, nn.lower));
  out.push_back(fkey(t++, w.shape, n.shape, p.shape));
}

void Tagger::tag(std::span<const WordKeys> words, std::span<uint16_t> out, std::span<const uint8_t> allowed) const {
  std::vector<FeatureKey> feats;
  std::vector<float> scores(scorer_->classes());
  uint32_t p1 = kNoTag, p2 = kNoTag;
  for (size_t i = 0; i < words.size(); ++i) {
    tagger_features(words, i, p1, p2, feats);
    scorer_->score(feats, scores);
    uint16_t best = uint16_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (i < allowed.size() && allowed[i] && best < class_bits_.size() && !(class_bits_[best] & allowed[i])) {
      int pick = -1;
      for (size_t c = 0; c < scores.size() && c < class_bits_.size(); ++c)
        if ((class_bits_[c] & allowed[i]) && (pick < 0 || scores[c] > scores[size_t(pick)])) pick = int(c);
      if (pick >= 0) best = uint16_t(pick);
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

}  // namespace sitrep::nlp
