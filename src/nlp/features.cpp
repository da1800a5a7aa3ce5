#include "nlp/features.h"

#include <string>
#include <xxhash.h>

#include "nlp/text_chars.h"

namespace sitrep::nlp {
namespace {
uint64_t h(std::string_view s, uint64_t seed) { return XXH3_64bits_withSeed(s.data(), s.size(), seed); }

// Byte length of the first / last n code points.
size_t head_bytes(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) next_code_point(s, i);
  return i;
}
size_t tail_bytes(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && is_continuation_byte(s[i])) --i;
  }
  return s.size() - i;
}
}  // namespace

WordKeys word_keys(std::string_view form) {
  WordKeys k;
  std::string low = to_lower(form);
  k.form = h(form, 1);
  k.lower = h(low, 2);
  k.shape = h(word_shape(form), 3);
  for (int n = 1; n <= 3; ++n) k.prefix[n - 1] = h(std::string_view(low).substr(0, head_bytes(low, n)), 10 + n);
  for (int n = 1; n <= 4; ++n) k.suffix[n - 1] = h(std::string_view(low).substr(low.size() - tail_bytes(low, n)), 20 + n);
  int32_t c0 = first_code_point(form);
  bool upper = is_upper(c0), all_caps = true, digit = false, hyphen = false;
  for (size_t i = 0; i < form.size();) {
    int32_t c = next_code_point(form, i);
    if (is_lower(c)) all_caps = false;
    if (is_digit(c)) digit = true;
    if (c == '-') hyphen = true;
  }
  k.flags = uint64_t(upper) | uint64_t(all_caps && upper) << 1 | uint64_t(digit) << 2 | uint64_t(hyphen) << 3;
  return k;
}

WordKeys boundary_keys(int side) {
  WordKeys k;
  uint64_t v = side < 0 ? 0xB0B0B0B0ULL : 0xE0E0E0E0ULL;
  k.form = k.lower = k.shape = v;
  for (auto& p : k.prefix) p = v;
  for (auto& s : k.suffix) s = v;
  k.flags = 16 | uint64_t(side > 0) << 5;
  return k;
}

}  // namespace sitrep::nlp
