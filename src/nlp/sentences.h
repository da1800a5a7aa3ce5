// Rule-based sentence splitter over the tokenizer's output. Handles abbreviations ("Mr.",
// "U.S. Government" vs "the U.S. How"), closing quotes after the period ("...," he said.),
// ellipses, "!?" runs, enumerated lists ("1.) ... 2.) ..."), blank lines and headline-like
// lines without final punctuation.
#pragma once
#include <string_view>

#include "nlp/analysis.h"

namespace sitrep::nlp {

// Sets a.sentence_starts from a.tokens / a.words (tokenize() first).
void split_sentences(std::string_view text, Analysis& a);

}  // namespace sitrep::nlp
