// The stage's evaluators: UD (CoNLL 2018 shared-task metrics, from gold tokenization and from
// raw text), NER (exact-span precision/recall/F1) and sentence boundaries (Golden Rules).
// Scores are percentages 0-100; to_json() gives one JSON object with lower-case keys.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "nlp/nlp.h"

namespace sitrep::nlp {

struct UdScores {
  double tokens = 0, sentences = 0, words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // F1
  size_t gold_words = 0, system_words = 0;
  double words_per_s = 0;
};
struct UdEvaluation {
  UdScores gold_tokenization, raw_text;
  size_t sentences = 0;
  // From gold tokenization: the commonest UPOS confusions ("NOUN -> PROPN  412") and, per gold
  // relation, its count, UAS and LAS, commonest first; then, from raw text, each run of gold
  // tokens not reproduced ("  token  gold [2 | , | 500]  system [2,500]  in: ...") and each
  // sentence end missed or added, with its context.
  std::vector<std::string> errors;
  // With evaluate_ud(..., true): the system's analysis of the gold tokenization as CoNLL-U, one
  // sentence per gold sentence, in order (for other scorers and for reading the parses).
  std::string system_conllu;
};
// Raw-text mode re-reads the `# text` lines (paragraph breaks at `# newpar` / `# newdoc`).
Expected<UdEvaluation> evaluate_ud(const Model& model, const std::string& conllu_path, bool keep_output = false);
std::string to_json(const UdEvaluation& e);
std::string to_text(const UdEvaluation& e);

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
  size_t gold = 0, predicted = 0, correct = 0;
};
struct NerEvaluation {
  Prf overall;
  std::map<std::string, Prf> by_type;
  size_t sentences = 0;
  // One line per sentence with a wrong span: "missed ORG [Bank of America] | spurious PER [...]"
  // then the sentence.
  std::vector<std::string> errors;
};
Expected<NerEvaluation> evaluate_ner(const Model& model, const std::string& iob2_path);
std::string to_json(const NerEvaluation& e);
std::string to_text(const NerEvaluation& e);

struct SbdEvaluation {
  bool learned = false;  // the model's learned sentence ends were used, not the rules alone
  size_t passed = 0, total = 0;
  double accuracy = 0;
  struct Failure {
    int id;
    std::vector<std::string> expected, got;
  };
  std::vector<Failure> failures;
};
// The pySBD Golden Rules file: [{"id", "text", "expected": [...]}]. With a model, its
// segment() (rules and learned sentence ends), else the rules alone.
Expected<SbdEvaluation> evaluate_sbd(const std::string& rules_json_path, const Model* model = nullptr);
std::string to_json(const SbdEvaluation& e);
std::string to_text(const SbdEvaluation& e);

// Shared arithmetic, exposed for tests.
Prf prf(size_t gold, size_t predicted, size_t correct);

}  // namespace sitrep::nlp
