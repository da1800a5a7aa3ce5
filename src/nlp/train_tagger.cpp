#include <algorithm>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <thread>
#include <unordered_map>

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

AveragedPerceptron::Averaged train_mixed(uint32_t classes, int mix, Rng& rng, std::ostream& log, const TrainFn& train) {
  AveragedPerceptron::Averaged mixed;
  if (mix <= 1) {
    AveragedPerceptron model(classes);
    train(model, rng, log);
    model.accumulate(mixed, 1.0);
    return mixed;
  }
  std::vector<uint64_t> seeds(static_cast<size_t>(mix));
  for (auto& s : seeds) s = rng();
  for (size_t first = 0; first < seeds.size(); first += 2) {
    size_t n = std::min<size_t>(2, seeds.size() - first);
    std::vector<std::unique_ptr<AveragedPerceptron>> models;
    std::vector<std::ostringstream> logs(n);
    std::vector<std::thread> threads;
    for (size_t k = 0; k < n; ++k) models.push_back(std::make_unique<AveragedPerceptron>(classes));
    for (size_t k = 0; k < n; ++k)
      threads.emplace_back([&, k] {
        Rng own(seeds[first + k]);
        train(*models[k], own, logs[k]);
      });
    for (auto& t : threads) t.join();
    for (size_t k = 0; k < n; ++k) {
      log << "  perceptron " << first + k + 1 << "/" << mix << "\n" << logs[k].str();
      models[k]->accumulate(mixed, 1.0 / double(mix));
    }
  }
  return mixed;
}

std::vector<AmbiguitySlot> tag_dictionary_entries(const std::vector<const TrainSentence*>& data, int min_count,
                                                  int rare_below) {
  // Per key, the count of each class; a class is in the set if it has at least 1/share of the
  // key's occurrences (annotation slips stay out of frequent words' sets).
  using Counts = std::map<uint16_t, uint32_t>;
  std::unordered_map<uint64_t, Counts> words, suffixes;
  std::unordered_map<uint64_t, uint32_t> seen;
  for (const auto* s : data)
    for (size_t i = 0; i < s->keys.size(); ++i) {
      ++words[ambiguity_word_key(s->keys[i])][s->tag_class[i]];
      ++seen[ambiguity_word_key(s->keys[i])];
    }
  for (const auto* s : data)
    for (size_t i = 0; i < s->keys.size(); ++i)
      if (seen[ambiguity_word_key(s->keys[i])] < uint32_t(rare_below)) ++suffixes[ambiguity_suffix_key(s->keys[i])][s->tag_class[i]];
  auto set_of = [](const Counts& c, uint32_t share) {
    uint32_t total = 0;
    for (auto [cls, n] : c) total += n;
    std::vector<uint16_t> set;
    for (auto [cls, n] : c)
      if (n * share >= total) set.push_back(cls);
    return ambiguity_of(set);
  };
  std::vector<AmbiguitySlot> out;
  for (const auto& [key, c] : words)
    if (seen[key] >= uint32_t(min_count)) out.push_back({key, set_of(c, 20)});
  for (const auto& [key, c] : suffixes) out.push_back({key, set_of(c, 10)});
  std::sort(out.begin(), out.end(), [](const AmbiguitySlot& a, const AmbiguitySlot& b) { return a.key < b.key; });
  return out;
}

std::vector<AmbiguitySlot> frequent_form_entries(const std::vector<const TrainSentence*>& data) {
  std::unordered_map<uint64_t, std::map<uint16_t, uint32_t>> forms;
  for (const auto* s : data)
    for (size_t i = 0; i < s->keys.size(); ++i) ++forms[s->keys[i].form][s->tag_class[i]];
  std::vector<AmbiguitySlot> out;
  for (const auto& [key, counts] : forms) {
    uint32_t total = 0, top = 0;
    uint16_t cls = 0;
    for (auto [c, n] : counts) {
      total += n;
      if (n > top) top = n, cls = c;
    }
    if (key != 0 && total >= uint32_t(kFrequentMinCount) && (total - top) * uint32_t(kFrequentShare) <= total)
      out.push_back({key, cls});
  }
  std::sort(out.begin(), out.end(), [](const AmbiguitySlot& a, const AmbiguitySlot& b) { return a.key < b.key; });
  return out;
}

std::string train_tagger(const std::vector<const TrainSentence*>& data, uint32_t classes, int epochs, Rng& rng,
                         double prune, std::ostream& log, const std::vector<Lexicon::Entry>& lexicon_entries, int mix) {
  // The shipped dictionary is built from all the data; each training sentence sees the classes
  // of a dictionary built from the other folds, so that the weights learn how far a class found
  // in training holds for unseen text (with the full dictionary, dev UPOS falls below no
  // dictionary at all: every training word's class holds its gold tag).
  TagDictionary dict(tag_dictionary_entries(data, kAmbiguityMinCount, kAmbiguityRareBelow));
  std::vector<std::vector<uint64_t>> amb(data.size());
  const size_t folds = kAmbiguityFolds;
  for (size_t fold = 0; fold < folds; ++fold) {
    std::vector<const TrainSentence*> rest;
    for (size_t i = 0; i < data.size(); ++i)
      if (i % folds != fold) rest.push_back(data[i]);
    TagDictionary d(tag_dictionary_entries(rest, kAmbiguityMinCount, kAmbiguityRareBelow));
    for (size_t i = fold; i < data.size(); i += folds)
      for (const auto& k : data[i]->keys) amb[i].push_back(d.lookup(k));
  }
  // The lexicon's bits need no folds: they do not come from the training sentences.
  Lexicon lexicon(lexicon_entries);
  std::vector<std::vector<uint64_t>> lex(data.size());
  if (lexicon.size() > 0)
    for (size_t i = 0; i < data.size(); ++i) lexicon_bits(lexicon, data[i]->keys, lex[i]);
  auto train = [&](AveragedPerceptron& model, Rng& order, std::ostream& out) {
    std::vector<FeatureKey> feats;
    std::vector<float> scores(classes);
    for (int epoch = 0; epoch < epochs; ++epoch) {
      size_t correct = 0, total = 0;
      for (size_t idx : shuffled(data.size(), order)) {
        const TrainSentence& s = *data[idx];
        uint32_t p1 = kNoTag, p2 = kNoTag;
        for (size_t i = 0; i < s.keys.size(); ++i) {
          tagger_features(s.keys, amb[idx], lex[idx], i, p1, p2, feats);
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
      out << "  tagger epoch " << epoch + 1 << ": train accuracy " << 100.0 * double(correct) / double(total) << "\n";
    }
  };
  AveragedPerceptron::Averaged mixed = train_mixed(classes, mix, rng, log, train);
  PartWriter w;
  dict.write(w);
  AveragedPerceptron::write(mixed, classes, w, prune);
  TagDictionary frequent(frequent_form_entries(data));
  frequent.write(w);
  lexicon.write(w);
  log << "  tagger: " << frequent.size() << " frequent unambiguous forms, " << lexicon.size() << " lexicon forms\n";
  return w.bytes();
}

}  // namespace sitrep::nlp
