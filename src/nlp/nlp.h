// nlp: the language-analysis stage. Text in, Analysis out (analysis.h): tokens and words with
// character offsets, sentences, UPOS/XPOS tags, lemmas, a UD dependency tree, PER/ORG/LOC spans.
//
//   auto model = nlp::Model::load("models/en.sitrep");   // mmapped, immutable, thread-safe
//   nlp::Analysis a = model.value()->analyze(doc.body);
//
// The model file is produced by `sitrep train` (train.h) and checked on load (model_file.h).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "nlp/analysis.h"

namespace sitrep::nlp {

struct ModelOptions {
  // Parses the dependency parser keeps in its beam (parser.h). 1, the default, is the greedy
  // parser the event coder's rules were written against; 4 is about half as fast and 1.2-1.5
  // points higher in LAS on EWT and GUM dev.
  size_t parser_beam = 1;
  // Whether the parser reads a news sentence's time phrase, apposition, relative or reporting
  // clause before its verb and title before a name apart from it, and retags a reduced relative
  // that is the sentence's verb (asides.h); off, the parse is the statistical parser's alone.
  bool parser_asides = true;
};

class Model {
 public:
  virtual ~Model() = default;
  // Maps and checks the file; a short, corrupted or foreign file yields an Error.
  static Expected<std::shared_ptr<const Model>> load(const std::string& path, const ModelOptions& options = {});
  // The committed model: $SITREP_MODEL, else models/en.sitrep beside the executable's
  // source tree (SITREP_SOURCE_DIR) or the current directory.
  static std::string default_path();

  // Full analysis of raw text. Safe to call from many threads at once.
  virtual Analysis analyze(std::string_view text) const = 0;
  // Tokenization and sentence splitting only, with the model's learned sentence ends if it has them.
  // (The default is the rules alone, as the free segment() below.)
  virtual Analysis segment(std::string_view text) const;
  // Tags, lemmatizes, parses and finds entities on words and sentences already set in `a`
  // (used for gold-tokenization evaluation).
  virtual void annotate(std::string_view text, Analysis& a) const = 0;
  virtual std::shared_ptr<const LabelNames> labels() const = 0;
  virtual std::string description() const = 0;  // training record stored in the file
};

// Tokenization and sentence splitting only (no model needed).
Analysis segment(std::string_view text);

}  // namespace sitrep::nlp
