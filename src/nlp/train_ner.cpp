#include <limits>
#include <ostream>

#include "nlp/ner.h"
#include "nlp/perceptron.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::string train_ner(const std::vector<NerTrainSentence>& data, const Gazetteer& gazetteer, int epochs, Rng& rng,
                      double prune, std::ostream& log) {
  std::vector<GazCodes> gaz(data.size());
  if (!gazetteer.empty())
    for (size_t i = 0; i < data.size(); ++i) {
      std::vector<std::string_view> forms(data[i].forms.begin(), data[i].forms.end());
      gazetteer.annotate(forms, data[i].keys, gaz[i]);
    }
  AveragedPerceptron model(kNerClasses);
  std::vector<FeatureKey> feats;
  std::vector<float> scores(kNerClasses);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t idx : shuffled(data.size(), rng)) {
      const NerTrainSentence& s = data[idx];
      uint32_t p1 = 0xFFFF, p2 = 0xFFFF;
      for (size_t i = 0; i < s.keys.size(); ++i) {
        ner_features(s.keys, s.upos, gazetteer.empty() ? nullptr : &gaz[idx], i, p1, p2, feats);
        model.score(feats, scores);
        uint32_t guess = 0;
        float best = -std::numeric_limits<float>::infinity();
        for (uint32_t c = 0; c < kNerClasses; ++c)
          if (scores[c] > best && ner_transition_ok(p1, c)) guess = c, best = scores[c];
        model.update(feats, s.gold[i], guess);
        model.tick();
        correct += guess == s.gold[i];
        ++total;
        p2 = p1;
        p1 = guess;
      }
    }
    log << "  ner epoch " << epoch + 1 << ": train token accuracy " << 100.0 * double(correct) / double(total) << "\n";
  }
  PartWriter w;
  gazetteer.write(w);
  model.write(w, prune);
  return w.bytes();
}

}  // namespace sitrep::nlp
