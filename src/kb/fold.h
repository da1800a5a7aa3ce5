// Folding: the one normal form in which names are compared, so Erdoğan = Erdogan = ERDOGAN and
// "al-Qaeda" = "Al Qaeda". Used both by the compiler (keys) and the linker (text), which is what
// makes them agree.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::kb {

struct FoldedToken {
  uint32_t begin = 0, end = 0;    // bytes in the original text
  uint32_t fbegin = 0, fend = 0;  // bytes in FoldedText::folded
  bool capitalized = false;       // first letter upper case in the original
  bool sentence_start = false;    // first token after . ! ? or a blank line
};

// Tokens are runs of letters and digits; everything else separates them. The folded text is the
// tokens, lower-cased and stripped of diacritics, joined by single spaces.
struct FoldedText {
  std::string folded;
  std::vector<FoldedToken> tokens;
};

void fold_text(std::string_view text, FoldedText& out);

// The lookup key of a phrase: its folded tokens joined by single spaces ("Al-Qaeda" -> "al qaeda").
std::string fold_key(std::string_view phrase);

uint64_t key_hash(std::string_view folded_key);

}  // namespace sitrep::kb
