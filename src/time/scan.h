// time: the token layer under the recognizer: words, numbers and punctuation with byte offsets,
// sentence ids, and the tense cue words around a span. Kept apart from the rules so the event
// dating API and the document-date inference share it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "time/lexicon.h"

namespace sitrep::timescan {

enum class TokKind : uint8_t { Word, Number, Punct };

struct Tok {
  uint32_t b = 0, e = 0;
  TokKind kind = TokKind::Punct;
  bool cap = false;      // first letter upper case
  bool space = false;    // whitespace before it
  bool newline = false;  // a line break before it
  uint32_t sentence = 0;
  int num = -1;          // value of a plain digit run (no separators), else -1
  const timelex::Entry* lex = nullptr;
};

struct Tokens {
  std::string lower;  // the text lower-cased (ASCII), same byte offsets
  std::vector<Tok> toks;
  std::string_view word(size_t i) const { return {lower.data() + toks[i].b, toks[i].e - toks[i].b}; }
};

Tokens tokenize(std::string_view text);

// The tense of the sentence around tokens [b, e): the nearest cue word (lexicon "tense" entries,
// and words ending in -ed) within the sentence, looking alternately left and right.
timelex::Tense tense_around(const Tokens& t, size_t b, size_t e);

}  // namespace sitrep::timescan
