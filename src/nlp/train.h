// `sitrep train`: builds the whole model file from UD CoNLL-U and UNER IOB2 training data.
// Deterministic for a given seed and input (one thread, seeded shuffles).
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/error.h"

namespace sitrep::nlp {

struct TrainOptions {
  std::vector<std::string> ud_files;  // CoNLL-U training files
  std::string ner_file;               // IOB2 training file
  // CoNLL-U files with GUM's entity layer whose named persons, places and organizations
  // (gum_named_entities in conllu.h; ORG names the knowledge base knows as countries made LOC)
  // are added, every sentence, to the NER's training sentences; the documents of exclude_genres
  // are skipped here too. Empty: UNER only. (`sitrep train` defaults to GUM's train file.)
  std::vector<std::string> ner_gum_files;
  std::string output;                 // model path
  // Documents whose id contains "_<genre>_" are skipped (GUM's non-commercial genres).
  std::vector<std::string> exclude_genres = {"fiction", "whow", "essay", "letter", "podcast"};
  int tagger_epochs = 10, parser_epochs = 15, ner_epochs = 12, sentence_epochs = 8;
  // The NER also trains on a lower-cased copy of this fraction of its sentences (every k-th,
  // deterministic), tagged as lower-cased: web text and chat write names in lower case.
  double ner_lower = 0.5;
  int jackknife = 4;  // folds for the parser's and the NER's training tags; 0 = tag the training set itself
  double prune = 0.0; // drop weights below this fraction of the largest
  // Perceptrons per part, each trained on its own orders of the data and averaged into the one
  // shipped (parameter mixing; the runtime cost is that of one): the tagger, the parser and the NER.
  int mix = 1;
  uint64_t seed = 1;
  std::string record;  // extra free text stored in the model after describe()
  bool gazetteer = true;  // NER features from the knowledge base's names
  std::string kb_path;    // kb.bin; empty: kb::Kb::default_path()
  // WordNet's database folder, read for the tagger's lexicon (lexicon.h); empty: no lexicon.
  // (`sitrep train` defaults to kWordNetDir.)
  std::string lexicon_dir;
  // Non-empty: train only the tagger and copy the lemmatizer, parser and NER of this model (whose
  // XPOS list must be the one of ud_files); for measuring tagger changes quickly.
  std::string tagger_only_from;
  // Non-empty: train only the parser (on the same files and jackknifed tags as the whole training)
  // and copy the tagger, lemmatizer and NER of this model, whose tag classes and relations must be
  // the ones of ud_files; for measuring parser changes quickly.
  std::string parser_only_from;
  // Non-empty: train only the lemmatizer (from the gold tags of ud_files, seconds) and copy the
  // tagger, parser and NER of this model, whose XPOS list must be the one of ud_files.
  std::string lemmatizer_only_from;
  // Non-empty: train only the sentence part (seconds) and copy the other parts of this model.
  std::string sentences_only_from;
};

struct TrainSummary {
  size_t sentences = 0, words = 0, ner_sentences = 0, model_bytes = 0;
};

// The equivalent command line, stored in the model as its training record.
std::string describe(const TrainOptions& opt);
Expected<TrainSummary> train_model(const TrainOptions& opt, std::ostream& log);

// Copies the tagger, lemmatizer and parser of model `from` and trains a new NER part with them;
// with jackknife > 1 the NER learns on UPOS from taggers trained on the other folds of ud_files.
Expected<TrainSummary> retrain_ner(const TrainOptions& opt, const std::string& from, std::ostream& log);

// Copies a model, dropping tagger and parser weights below `fraction` of each table's largest.
Expected<bool> prune_model(const std::string& input, const std::string& output, double fraction, std::ostream& log);

}  // namespace sitrep::nlp
