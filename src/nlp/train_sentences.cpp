// Trains the sentence part (sentences.h): at each gap between tokens that the rules leave
// open, an averaged perceptron learns whether a treebank sentence ends there, from the raw text
// of the training files read as the evaluator reads it (conllu.h, joined_text).
#include <algorithm>
#include <ostream>

#include "nlp/conllu.h"
#include "nlp/perceptron.h"
#include "nlp/sentences.h"
#include "nlp/tokenizer.h"
#include "nlp/train_parts.h"

namespace sitrep::nlp {

std::string train_boundaries(const std::vector<std::vector<const UdSentence*>>& files, int epochs, Rng& rng,
                             double prune, std::ostream& log) {
  struct Example {
    std::vector<FeatureKey> features;
    uint32_t gold;
  };
  std::vector<Example> examples;
  size_t ends = 0, gaps = 0;
  for (const auto& sents : files) {
    std::vector<std::pair<size_t, size_t>> spans;
    std::string text = joined_text(sents, &spans);
    std::vector<size_t> sentence_ends;
    for (const auto& sp : spans) sentence_ends.push_back(sp.second);
    Analysis a;
    tokenize(text, a);
    if (a.tokens.size() < 2) continue;
    std::vector<char> open = open_gaps(text, a.tokens);
    std::vector<WordKeys> keys(a.tokens.size());
    for (size_t k = 0; k < a.tokens.size(); ++k)
      keys[k] = word_keys(std::string_view(text).substr(a.tokens[k].begin, a.tokens[k].end - a.tokens[k].begin));
    for (size_t k = 0; k + 1 < a.tokens.size(); ++k) {
      if (!open[k]) continue;
      // A treebank sentence ends in this gap (at the token's end or in the spaces after it).
      auto it = std::lower_bound(sentence_ends.begin(), sentence_ends.end(), size_t(a.tokens[k].end));
      Example e;
      e.gold = it != sentence_ends.end() && *it <= a.tokens[k + 1].begin;
      boundary_features(text, a.tokens, keys, open, k, e.features);
      ends += e.gold;
      examples.push_back(std::move(e));
    }
    gaps += a.tokens.size() - 1;
  }
  log << "sentences: " << examples.size() << " of " << gaps << " gaps left open by the rules, " << ends
      << " of them sentence ends\n";
  AveragedPerceptron model(2);
  std::vector<float> scores(2);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    size_t wrong = 0;
    for (size_t i : shuffled(examples.size(), rng)) {
      const Example& e = examples[i];
      model.score(e.features, scores);
      uint32_t guess = scores[1] > scores[0];
      model.tick();
      if (guess != e.gold) model.update(e.features, e.gold, guess), ++wrong;
    }
    log << "  epoch " << epoch + 1 << ": " << wrong << " wrong\n";
  }
  PartWriter out;
  model.write(out, prune);
  return out.bytes();
}

}  // namespace sitrep::nlp
