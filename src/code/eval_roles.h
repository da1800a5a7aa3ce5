// code: scoring who did what to whom. ConfliBERT's cameo_ner.*.txt marks, in one sentence per
// block of "token TAB-or-space label" lines, the source (S), target (T) and, for a reciprocal
// event, both sides (R) of the sentence's event in BIO tags. sitrep codes each sentence, takes
// its main event (record_event) and checks that its source and target name the marked phrases:
// an actor matches a phrase its words overlap. The file marks a target in only some sentences
// (and a source in most): a role is scored in the sentences that mark it (an R phrase marks
// both), and actors coded where nothing is marked are counted apart. Sentences split by position
// (even: dev, odd: test).
#pragma once
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "code/eval_plover.h"
#include "core/doc.h"
#include "core/error.h"

namespace sitrep::code {

class Coder;

struct RoleSentence {
  std::string text;                       // the tokens, joined as written text
  std::vector<Span> source, target, both;  // byte spans in `text` of the S, T and R phrases
  size_t index = 0;                       // 0-based position in the file: the split is drawn by it
  size_t line = 0;                        // 1-based line of its first token
};

// Blocks separated by blank lines; each line a token and its label (O, B-/I- S, T or R). An
// Error names the line with no label or an unknown one.
Expected<std::vector<RoleSentence>> read_role_iob(std::string_view text, const std::string& file = "");

struct RoleCounts {
  size_t tp = 0, fp = 0, fn = 0;
  // Percentages 0-100 (0 when undefined).
  double precision() const;
  double recall() const;
  double f1() const;
  RoleCounts& operator+=(const RoleCounts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn;
    return *this;
  }
};

struct RoleScores {
  RoleCounts source, target;
  size_t sentences = 0, coded = 0;
  size_t swapped = 0;  // source on a marked target and target on a marked source
  size_t unmarked_source = 0, unmarked_target = 0;  // coded where the file marks no such role
  RoleCounts both() const {
    RoleCounts c = source;
    c += target;
    return c;
  }
};

// Adds one sentence: `source` / `target` are the byte spans of the coded actors (none when the
// event has no such actor or there is no event). Where the role is marked, a coded actor on a
// marked phrase of that role (or an R phrase) is right; on anything else it is a false positive,
// and the marked phrase it missed a false negative.
void score_role_sentence(const RoleSentence& gold, std::optional<Span> source, std::optional<Span> target,
                         RoleScores& s);

// Codes each sentence of `split` and scores its main event's actors. With `errors`, one line per
// sentence with a wrong or missing actor: index, the marked and the coded phrases, the sentence.
RoleScores score_roles(const Coder& coder, const std::vector<RoleSentence>& sentences, PloverSplit split,
                       std::ostream* errors = nullptr);

}  // namespace sitrep::code
