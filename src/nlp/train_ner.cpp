#include <limits>
#include <ostream>

#include "nlp/ner.h"
#include "nlp/perceptron.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::string train_ner(const std::vector<NerTrainSentence>& data, const Gazetteer& gazetteer, int epochs, Rng& rng,
                      double prune, std::ostream& log) {
  // Documents: runs of sentences with the same number, in file order.
  std::vector<std::pair<size_t, size_t>> docs;
  for (size_t i = 0; i < data.size(); ++i)
    if (docs.empty() || data[i].doc != data[docs.back().first].doc) docs.push_back({i, i + 1});
    else docs.back().second = i + 1;
  std::vector<NerSentenceInfo> info(data.size());
  std::vector<std::vector<uint16_t>> gold(data.size());
  std::vector<std::vector<std::string_view>> forms(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    forms[i].assign(data[i].forms.begin(), data[i].forms.end());
    gold[i].resize(data[i].gold.size());
    bio_to_bilou(data[i].gold, gold[i]);
  }
  AveragedPerceptron model(kNerClasses);
  std::vector<FeatureKey> feats;
  std::vector<float> scores(kNerClasses);
  std::vector<uint16_t> guessed;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t d : shuffled(docs.size(), rng)) {
      // The document's casing first, then its sentences in order, each adding its predicted
      // classes to the document's memory as the recognizer does at run time.
      NerDocument doc;
      for (size_t idx = docs[d].first; idx < docs[d].second; ++idx) doc.add_casing(data[idx].keys);
      for (size_t idx = docs[d].first; idx < docs[d].second; ++idx) {
        const NerTrainSentence& s = data[idx];
        ner_sentence_info(s.keys, forms[idx], gazetteer, &doc, info[idx]);
        guessed.assign(s.keys.size(), 0);
        uint32_t p1 = kNerStart, p2 = kNerStart;
        for (size_t i = 0; i < s.keys.size(); ++i) {
          ner_features(s.keys, s.upos, info[idx], i, p1, p2, feats);
          model.score(feats, scores);
          uint32_t guess = 0;
          float best = -std::numeric_limits<float>::infinity();
          for (uint32_t c = 0; c < kNerClasses; ++c)
            if (scores[c] > best && ner_transition_ok(p1, c)) guess = c, best = scores[c];
          model.update(feats, gold[idx][i], guess);
          model.tick();
          correct += guess == gold[idx][i];
          ++total;
          guessed[i] = uint16_t(guess);
          p2 = p1;
          p1 = guess;
        }
        doc.add_labels(s.keys, guessed);
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
