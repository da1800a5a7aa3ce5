// The boilerplate matcher's text helpers against plain one-byte-at-a-time definitions, on
// strings that put spaces, controls, upper case and UTF-8 at every position of a 16-byte block.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "clean/boilerplate.h"

namespace sitrep {
namespace {

std::string reference_normalize(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      char repl = d == 0x98 || d == 0x99 ? '\'' : d == 0x9C || d == 0x9D ? '"' : d == 0x93 || d == 0x94 ? '-' : 0;
      if (repl) {
        out.push_back(repl);
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) c = ' ', ++i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t reference_words(std::string_view s) {
  size_t n = 0;
  bool prev_space = true;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t' || c == '\n';
    n += !sp && prev_space;
    prev_space = sp;
  }
  return n;
}

TEST(BoilerplateText, NormalizeAndCountMatchTheirDefinitions) {
  const std::string pieces[] = {"a", "Word", "QUOTE", " ", "  ", "\t", "\n", "\r\n", "\xE2\x80\x9C", "\xE2\x80\x99",
                                "\xC2\xA0", "\xC3\xA9", "-", "123", "Z", "\xE2\x80\xA6", ".", "xyzXYZ"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    size_t len = rng() % 80;
    while (s.size() < len) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(normalize_for_match(s), reference_normalize(s)) << "input: [" << s << "]";
    ASSERT_EQ(count_words(s), reference_words(s)) << "input: [" << s << "]";
    size_t stop = rng() % 6;
    ASSERT_EQ(count_words(s, stop), std::min(stop, reference_words(s)))
        << "input: [" << s << "]";
  }
  EXPECT_EQ(normalize_for_match("  Support   The GUARDIAN \xE2\x80\x94 Today  "), "support the guardian - today");
  EXPECT_EQ(count_words("  one two\tthree\nfour  "), 4u);
}

}  // namespace
}  // namespace sitrep
