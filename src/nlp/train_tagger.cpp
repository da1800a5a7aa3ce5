#include <algorithm>
#include <ostream>

#include "nlp/perceptron.h"
#include "nlp/tagger.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::vector<size_t> shuffled(size_t n, Rng& rng) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  for (size_t i = n; i > 1; --i) std::swap(v[i - 1], v[rng() % i]);  // Fisher-Yates, portable
  return v;
}

std::string train_tagger(const std::vector<const TrainSentence*>& data, uint32_t classes, int epochs, Rng& rng,
                         double prune, std::ostream& log) {
  AveragedPerceptron model(classes);
  std::vector<FeatureKey> feats;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t idx : shuffled(data.size(), rng)) {
      const TrainSentence& s = *data[idx];
      uint32_t p1 = kNoTag, p2 = kNoTag;
      for (size_t i = 0; i < s.keys.size(); ++i) {
        tagger_features(s.keys, i, p1, p2, feats);
        model.score(feats, scores);
        uint32_t guess = uint32_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
        model.update(feats, s.tag_class[i], guess);
        model.tick();
        correct += guess == s.tag_class[i];
        ++total;
        p2 = p1;
        p1 = guess;
      }
    }
    log << "  tagger epoch " << epoch + 1 << ": train accuracy " << 100.0 * double(correct) / double(total) << "\n";
  }
  PartWriter w;
  model.write(w, prune);
  return w.bytes();
}

}  // namespace sitrep::nlp
