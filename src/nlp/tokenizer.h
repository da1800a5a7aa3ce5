// Rule-based tokenizer following the UD English (EWT) conventions, so the statistical
// components see at run time the units they were trained on: punctuation split off, hyphens
// between words split except after common prefixes, clitics ('s, n't, 'll) as separate words
// inside one surface token, abbreviations (U.S., Feb., Mr.), numbers (2,500; 1.5), URLs and
// e-mail addresses kept whole. Character classes come from ICU, so any script works.
#pragma once
#include <string_view>

#include "nlp/analysis.h"

namespace sitrep::nlp {

// Fills a.tokens, a.words and a.word_token for `text`; other arrays are left untouched.
void tokenize(std::string_view text, Analysis& a);

// True for known abbreviations given without their final period ("Mr", "U.S", "e.g", "p").
bool is_abbreviation(std::string_view word_without_period);
// Abbreviations that precede a name and so never end a sentence ("Mr", "Gen", "Mt").
bool is_title_abbreviation(std::string_view word_without_period);

}  // namespace sitrep::nlp
