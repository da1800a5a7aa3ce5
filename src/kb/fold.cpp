#include "kb/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xxhash.h>

namespace sitrep::kb {
namespace {

void append_utf8(std::string& s, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) s.append(buf, static_cast<size_t>(n));
}

// Letters NFD does not decompose but transliteration tables reduce to ASCII; the press writes
// "Walesa" and "Lodz" for Wałęsa and Łódź.
const char* special_fold(UChar32 c) {
  switch (c) {
    case 0x131: return "i";   // dotless i (Turkish)
    case 0x141: case 0x142: return "l";
    case 0xD8: case 0xF8: return "o";
    case 0x110: case 0x111: case 0xD0: case 0xF0: return "d";
    case 0xDF: return "ss";
    case 0xC6: case 0xE6: return "ae";
    case 0x152: case 0x153: return "oe";
    case 0xDE: case 0xFE: return "th";
    default: return nullptr;
  }
}

// Appends the folded form of one non-ASCII letter or digit.
void fold_codepoint(UChar32 c, const icu::Normalizer2* nfd, std::string& out) {
  if (const char* s = special_fold(c)) {
    out += s;
    return;
  }
  icu::UnicodeString dec;
  if (nfd && nfd->getDecomposition(c, dec) && dec.length() > 0) {
    UChar32 base = dec.char32At(0);
    if (base < 0x80) {
      out += static_cast<char>(base >= 'A' && base <= 'Z' ? base + 32 : base);
      return;
    }
    c = base;
  }
  append_utf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

}  // namespace

void fold_text(std::string_view text, FoldedText& out) {
  out.folded.clear();
  out.tokens.clear();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) nfd = nullptr;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_token = false;
  bool sentence_start = true;
  int newlines = 0;
  FoldedToken tok;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    bool word_char;
    if (s[i] < 0x80) {
      c = s[i++];
      word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    } else {
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;
      // Combining marks belong to the letter before them, so they neither split nor survive.
      if (in_token && u_charType(c) == U_NON_SPACING_MARK) continue;
      word_char = u_isalnum(c);
    }
    if (word_char) {
      if (!in_token) {
        if (!out.tokens.empty()) out.folded += ' ';
        tok = FoldedToken{};
        tok.begin = static_cast<uint32_t>(start);
        tok.fbegin = static_cast<uint32_t>(out.folded.size());
        tok.capitalized = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
        tok.sentence_start = sentence_start || newlines >= 1;
        in_token = true;
      }
      if (c < 0x80)
        out.folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      else
        fold_codepoint(c, nfd, out.folded);
      tok.end = static_cast<uint32_t>(i);
      sentence_start = false;
      newlines = 0;
    } else {
      if (in_token) {
        tok.fend = static_cast<uint32_t>(out.folded.size());
        out.tokens.push_back(tok);
        in_token = false;
      }
      if (c == '.' || c == '!' || c == '?') sentence_start = true;
      if (c == '\n') ++newlines;
    }
  }
  if (in_token) {
    tok.fend = static_cast<uint32_t>(out.folded.size());
    out.tokens.push_back(tok);
  }
}

std::string fold_key(std::string_view phrase) {
  FoldedText f;
  fold_text(phrase, f);
  return f.folded;
}

uint64_t key_hash(std::string_view folded_key) { return XXH3_64bits(folded_key.data(), folded_key.size()); }

}  // namespace sitrep::kb
