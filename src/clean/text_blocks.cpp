#include <string_view>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "clean/blocks.h"

namespace sitrep {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// True when s has no run of two spaces, no tab, CR, form feed or vertical tab and no byte that
// could start a no-break space: it can be copied as it is. Sixteen bytes at a time with SSE2.
bool plain_line(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size(), i = 0;
#ifdef __SSE2__
  const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'),
                ff = _mm_set1_epi8('\f'), vt = _mm_set1_epi8('\v'), nb = _mm_set1_epi8('\xC2');
  for (; i + 17 <= n; i += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    __m128i bad = _mm_and_si128(_mm_cmpeq_epi8(a, sp), _mm_cmpeq_epi8(b, sp));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(a, tab), _mm_cmpeq_epi8(a, cr)));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(a, ff), _mm_cmpeq_epi8(a, vt)));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(a, nb));
    if (_mm_movemask_epi8(bad)) return false;
  }
#endif
  for (; i + 1 < n; ++i) {
    char c = p[i];
    if ((c == ' ' && p[i + 1] == ' ') || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\xC2') return false;
  }
  return true;
}

// Appends s with runs of spaces and tabs collapsed to one space.
void append_collapsed(std::string& out, std::string_view s) {
  // Most lines have single spaces only: copy them whole.
  if (plain_line(s)) {
    out.append(s);
    return;
  }
  bool space = !out.empty() && out.back() == ' ';
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space is a space here
      c = ' ';
      ++i;
    }
    if (is_space(c)) {
      if (!space && !out.empty()) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') return true;
  // closing curly quote U+201D
  return s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D";
}

bool starts_lower(std::string_view s) {
  return !s.empty() && s.front() >= 'a' && s.front() <= 'z';
}

}  // namespace

std::vector<Block> split_text_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::vector<std::string_view> group;
  auto flush = [&] {
    if (group.empty()) return;
    // Lines of one paragraph hard-wrapped by the source: a long line that does not end a
    // sentence, or a next line that starts in lower case, continues the paragraph.
    Block cur;
    for (size_t i = 0; i < group.size(); ++i) {
      append_collapsed(cur.text, group[i]);
      // Short lines never continue: they are headers, widgets and list items.
      bool join = i + 1 < group.size() && group[i].size() >= 40 &&
                  (!ends_sentence(group[i]) || starts_lower(group[i + 1]));
      if (join) {
        cur.text.push_back(' ');
      } else {
        if (!cur.text.empty()) blocks.push_back(std::move(cur));
        cur = Block{};
      }
    }
    group.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    if (line.empty()) flush();
    else group.push_back(line);
    pos = nl + 1;
  }
  flush();
  // A record whose text came as one run-on line (crawler dumps) carries the page's tail inside
  // its last paragraph: "... said the Observatory. Source TRTWorld and agencies Related News
  // Iraqs vote violations | ...". A related-content heading written in title case starts a block
  // of its own there, so the boilerplate rules can end the article at it.
  static constexpr std::string_view kTails[] = {" Related News ", " Related Articles ", " Related Stories ",
                                                " Related Posts ", " You May Also Like ", " You Might Also Like ",
                                                " Editor's Picks ", " Editors' Picks ", " Most Read ",
                                                " Recommended for You ", " Recommended For You "};
  for (size_t i = 0; i < blocks.size(); ++i) {
    std::string& t = blocks[i].text;
    if (t.size() < 400) continue;
    // (one pass over the spaces; a heading starts with one of these capitals)
    size_t at = std::string::npos, len = 0;
    for (size_t p = t.find(' ', 199); p != std::string::npos && at == std::string::npos; p = t.find(' ', p + 1)) {
      char c = p + 1 < t.size() ? t[p + 1] : 0;
      if (c != 'R' && c != 'Y' && c != 'E' && c != 'M') continue;
      for (auto m : kTails)
        if (m[1] == c && t.compare(p, m.size(), m) == 0) {
          at = p, len = m.size();
          break;
        }
    }
    if (at == std::string::npos) continue;
    Block marker, rest;
    marker.text = t.substr(at + 1, len - 2);
    rest.text = t.substr(at + len);
    t.resize(at);
    blocks.insert(blocks.begin() + long(i) + 1, std::move(marker));
    if (!rest.text.empty()) blocks.insert(blocks.begin() + long(i) + 2, std::move(rest));
    i += 2;
  }
  return blocks;
}

}  // namespace sitrep
