// Internal to the trainer: one training routine per component, over shared sentence records.
#pragma once
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <random>
#include <string>
#include <vector>

#include "nlp/analysis.h"
#include "nlp/features.h"
#include "nlp/gazetteer.h"
#include "nlp/model_file.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"

namespace sitrep::kb {
class Kb;
}

namespace sitrep::nlp {

struct TrainSentence {
  std::vector<std::string> forms, lemmas;
  std::vector<WordKeys> keys;
  std::vector<uint16_t> tag_class, xpos, deprel;  // gold
  std::vector<int> head;                          // gold, 0-based, -1 = root
  std::vector<uint16_t> predicted_class;          // tagger output used as parser input
};

struct NerTrainSentence {
  uint32_t doc = 0;  // sentences of one document are consecutive and share this number
  std::vector<std::string> forms;
  std::vector<WordKeys> keys;
  std::vector<Upos> upos;  // predicted
  std::vector<uint16_t> gold;
};

struct UdSentence;
// Brings a training sentence to EWT's conventions where GUM's differ: a participle inside a
// proper name ("the United Nations": GUM VERB, lemma "Unite") is EWT's ADJ with the form as lemma.
// Returns the number of words changed.
size_t harmonize_to_ewt(UdSentence& s);

using Rng = std::mt19937_64;
std::vector<size_t> shuffled(size_t n, Rng& rng);

// Parameter mixing: `mix` perceptrons of `classes` classes, each trained by train(model, rng, log)
// on its own orders of the data, averaged into one linear model (its runtime cost that of one).
// One perceptron draws from `rng` itself (the same weights as training it alone); more each draw
// from a generator seeded from `rng`, two at a time in threads, their logs written in order.
using TrainFn = std::function<void(AveragedPerceptron& model, Rng& rng, std::ostream& log)>;
AveragedPerceptron::Averaged train_mixed(uint32_t classes, int mix, Rng& rng, std::ostream& log, const TrainFn& train);

// The tag dictionary's entries (tagger.h) for `data`: forms seen at least min_count times, and
// the suffix classes of the forms seen fewer than rare_below times.
std::vector<AmbiguitySlot> tag_dictionary_entries(const std::vector<const TrainSentence*>& data, int min_count,
                                                  int rare_below);

// Each returns the component's part payload (the tagger's without its classes).
// The frequent unambiguous forms of the training sentences (tagger.h), as (form key, class) entries.
std::vector<AmbiguitySlot> frequent_form_entries(const std::vector<const TrainSentence*>& data);
// `lexicon_entries` (lexicon.h; may be empty) go into the part and give the lexicon features.
std::string train_tagger(const std::vector<const TrainSentence*>& data, uint32_t classes, int epochs, Rng& rng,
                         double prune, std::ostream& log, const std::vector<Lexicon::Entry>& lexicon_entries,
                         int mix = 1);
std::string train_parser(const std::vector<TrainSentence>& data, uint32_t labels, int epochs, Rng& rng, double prune,
                         std::ostream& log, int mix = 1);
// The NER part (kNerPartVersion): the gazetteer (may be empty), then the scorer; with
// `lexicon` (the tagger's, which the recognizer reads at run time), its features too.
std::string train_ner(const std::vector<NerTrainSentence>& data, const Gazetteer& gazetteer, int epochs, Rng& rng,
                      double prune, std::ostream& log, const Lexicon* lexicon = nullptr, int mix = 1);
Gazetteer gazetteer_from_kb(const kb::Kb& kb);
std::string train_lemmatizer(const std::vector<TrainSentence>& data);
// The sentence part (sentences.h), from each file's sentences read as one raw text.
std::string train_boundaries(const std::vector<std::vector<const UdSentence*>>& files, int epochs, Rng& rng,
                             double prune, std::ostream& log);

}  // namespace sitrep::nlp
