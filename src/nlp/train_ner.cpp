#include <limits>
#include <ostream>

#include "nlp/ner.h"
#include "nlp/perceptron.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::string train_ner(const std::vector<NerTrainSentence>& data, const Gazetteer& gazetteer, int epochs, Rng& rng,
                      double prune, std::ostream& log, const Lexicon* lexicon, int mix) {
  // Documents (runs of sentences with the same number) are shuffled as units, their sentences kept in order.
  std::vector<std::pair<size_t, size_t>> docs;
  for (size_t i = 0; i < data.size(); ++i)
    if (docs.empty() || data[i].doc != data[docs.back().first].doc)
      docs.push_back({i, i + 1});
    else
      docs.back().second = i + 1;
  std::vector<std::vector<uint16_t>> gold(data.size());
  std::vector<std::vector<std::string_view>> forms(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    forms[i].assign(data[i].forms.begin(), data[i].forms.end());
    gold[i].resize(data[i].gold.size());
    bio_to_bilou(data[i].gold, gold[i]);
  }
  auto train = [&](AveragedPerceptron& model, Rng& order, std::ostream& out) {
    std::vector<NerSentenceInfo> info(data.size());
    std::vector<FeatureKey> feats;
    std::vector<uint16_t> guessed;
    NerBeam beam(kNerBeamWidth);
    NerBeam::ScoreFn score = [&](std::span<const FeatureKey> f, std::span<float> sc) { model.score(f, sc); };
    for (int epoch = 0; epoch < epochs; ++epoch) {
      size_t correct = 0, total = 0;
      for (size_t d : shuffled(docs.size(), order)) {
        for (size_t idx = docs[d].first; idx < docs[d].second; ++idx) {
          const NerTrainSentence& s = data[idx];
          ner_sentence_info(s.keys, forms[idx], gazetteer, info[idx], lexicon);
          // Beam search with early update (Collins & Roark 2004): when the gold prefix falls out of
          // the beam, or at the end if the best sequence is wrong, the gold prefix's features are
          // rewarded and the best prefix's penalized.
          size_t steps = beam.run(s.keys, s.upos, info[idx], score, gold[idx].data());
          guessed.assign(s.keys.size(), 0);
          beam.best(guessed, steps);
          for (size_t i = 0; i < steps; ++i) {
            uint32_t g = gold[idx][i], p = guessed[i];
            uint32_t g1 = i > 0 ? gold[idx][i - 1] : kNerStart, g2 = i > 1 ? gold[idx][i - 2] : kNerStart;
            uint32_t p1 = i > 0 ? guessed[i - 1] : kNerStart, p2 = i > 1 ? guessed[i - 2] : kNerStart;
            if (g != p) {
              ner_static_features(s.keys, s.upos, info[idx], i, feats);
              model.add(feats, g, 1.f);
              model.add(feats, p, -1.f);
            }
            if (g != p || g1 != p1 || g2 != p2) {
              ner_history_features(s.keys, s.upos, info[idx], i, g1, g2, feats);
              model.add(feats, g, 1.f);
              ner_history_features(s.keys, s.upos, info[idx], i, p1, p2, feats);
              model.add(feats, p, -1.f);
            }
            model.tick();
            correct += g == p;
            ++total;
          }
        }
      }
      out << "  ner epoch " << epoch + 1 << ": train token accuracy " << 100.0 * double(correct) / double(total)
          << "\n";
    }
  };
  AveragedPerceptron::Averaged mixed = train_mixed(kNerClasses, mix, rng, log, train);
  PartWriter w;
  gazetteer.write(w);
  AveragedPerceptron::write(mixed, kNerClasses, w, prune);
  return w.bytes();
}

}  // namespace sitrep::nlp
