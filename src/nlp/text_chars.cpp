#include "nlp/text_chars.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace sitrep::nlp {

int32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int32_t c;
  int32_t pos = static_cast<int32_t>(i), len = static_cast<int32_t>(s.size());
  U8_NEXT(s.data(), pos, len, c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

int32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return next_code_point(s, i);
}

int32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  int32_t pos = static_cast<int32_t>(s.size()), c;
  U8_PREV(s.data(), 0, pos, c);
  return c < 0 ? 0xFFFD : c;
}

bool is_space(int32_t c) { return c < 0x80 ? (c == ' ' || (c >= 9 && c <= 13)) : u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B; }
bool is_letter(int32_t c) { return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : u_isalpha(c); }
bool is_digit(int32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
bool is_alnum(int32_t c) {
  if (c < 0x80) return is_letter(c) || is_digit(c);
  if (u_isalnum(c)) return true;
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}
bool is_upper(int32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) || u_istitle(c); }
bool is_lower(int32_t c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c); }

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? char(b + 32) : char(b));
      ++i;
      continue;
    }
    int32_t c = u_tolower(next_code_point(s, i));
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(buf, n, 4, c, err);
    if (!err) out.append(buf, n);
  }
  return out;
}

std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < s.size();) {
    int32_t c = next_code_point(s, i);
    char k = is_upper(c) ? 'X' : is_lower(c) || is_letter(c) ? 'x' : is_digit(c) ? 'd' : c < 0x80 ? char(c) : 'o';
    if (k == last) {
      if (++run > 1) continue;  // keep at most two of a kind: "Xxx" vs "Xx" tells short words apart
    } else {
      run = 0;
    }
    out.push_back(k);
    last = k;
    if (out.size() >= 12) break;
  }
  return out;
}

}  // namespace sitrep::nlp
