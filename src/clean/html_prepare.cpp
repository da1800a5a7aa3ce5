#include "clean/html_prepare.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "clean/html_meta.h"
#include "clean/html_page.h"
#include "clean/html_select.h"

namespace sitrep {
namespace {

// Placeholders are code points of the supplementary private use planes 15 and 16 (four
// UTF-8 bytes each, never replaced by gumbo): run i is U+F0000 + i, then U+100000 + ...
constexpr uint32_t kPlane15 = 0xF0000, kPlane16 = 0x100000, kPerPlane = 0xFFFE;  // xFFFE/xFFFF excluded
constexpr size_t kMaxRuns = 2 * kPerPlane;
constexpr size_t kMinRun = 5;  // bytes: shorter text costs gumbo about what a placeholder does

// Index of the placeholder at s[i], or -1.
long placeholder_at(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  bool plane15 = b(0) == 0xF3 && b(1) >= 0xB0 && b(1) <= 0xBF, plane16 = b(0) == 0xF4 && b(1) >= 0x80 && b(1) <= 0x8F;
  if (!plane15 && !plane16) return -1;
  if ((b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) return -1;
  uint32_t cp = (uint32_t{b(0)} & 7) << 18 | (uint32_t{b(1)} & 0x3F) << 12 | (uint32_t{b(2)} & 0x3F) << 6 | (b(3) & 0x3F);
  uint32_t low = cp & 0xFFFF;
  if (low >= kPerPlane) return -1;
  return static_cast<long>(plane15 ? low : kPerPlane + low);
}

// A page that already holds such code points keeps all its text: a placeholder must
// mean a run.
bool holds_placeholder_planes(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    if (i + 8 <= n) {  // ASCII eight bytes at a time
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (i + 1 < n && ((p[i] == 0xF3 && p[i + 1] >= 0xB0 && p[i + 1] <= 0xBF) || (p[i] == 0xF4 && p[i + 1] >= 0x80 && p[i + 1] <= 0x8F)))
      return true;
    ++i;
  }
  return false;
}

// Text gumbo would pass through unchanged: no tag or comment start, no NUL or control
// character, no noncharacter, only well-formed UTF-8 (gumbo replaces all of those, or
// drops NULs), and no '&' unless `amp` (raw text, or a caller that handles references).
bool plain_text(std::string_view t, bool amp) {
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  int32_t i = 0, n = static_cast<int32_t>(t.size());
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) {
      if (c == '<' || (c == '&' && !amp) || c == 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r'))
        return false;
      ++i;
      continue;
    }
    UChar32 cp;
    U8_NEXT(p, i, n, cp);
    if (cp < 0 || cp <= 0x9F || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
  }
  return true;
}

// ASCII only, as HTML's case-insensitivity is (and without std::tolower's call per char).
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Elements that never hold children, or that the HTML parser closes implicitly when a
// sibling opens: counting them would make ordinary pages with unclosed <p> look deep.
bool counts_for_depth(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_RP: case GUMBO_TAG_RT: case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
      return false;
    default:
      return true;
  }
}

// Elements whose content is raw text: a '<' inside them is not a tag.
bool raw_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_IFRAME:
      return true;
    default:
      return false;
  }
}

size_t find_ci(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t k = 0;
    while (k < needle.size() && i + k < s.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

struct Attribute {
  std::string name;  // lower case
  std::string_view value;
  bool has_value = false;
};

struct Tag {
  size_t begin = 0, end = 0;  // [begin, end) covers '<' .. '>'
  bool closing = false, self_closing = false;
  std::string name;
  std::vector<Attribute> attributes;
};

bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Reads the tag starting at s[pos] == '<' the way the HTML tokenizer does: a quote only
// opens a value right after '=' (in `<div "style="a>b">` the '>' ends the tag), so a
// broken attribute cannot swallow the rest of the page. False if this '<' starts no tag.
bool read_tag(std::string_view s, size_t pos, Tag& tag) {
  size_t i = pos + 1;
  tag.name.clear();
  tag.attributes.clear();  // keeps its capacity: one Tag serves the whole page
  tag.closing = tag.self_closing = false;
  tag.begin = pos;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  size_t name_begin = i;
  while (i < s.size() && !space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  tag.name.assign(s.substr(name_begin, i - name_begin));
  for (char& c : tag.name) c = lower(c);
  for (;;) {
    while (i < s.size() && (space(s[i]) || s[i] == '/')) {
      tag.self_closing = s[i] == '/';
      ++i;
    }
    if (i >= s.size()) break;
    if (s[i] == '>') {
      tag.end = i + 1;
      return true;
    }
    tag.self_closing = false;
    Attribute a;
    size_t attr_begin = i++;  // the first character may be '=' or a quote
    while (i < s.size() && !space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    a.name.assign(s.substr(attr_begin, i - attr_begin));
    for (char& c : a.name) c = lower(c);
    size_t j = i;
    while (j < s.size() && space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      a.has_value = true;
      i = j + 1;
      while (i < s.size() && space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t v0 = i;
        while (i < s.size() && s[i] != q) ++i;
        a.value = s.substr(v0, i - v0);
        if (i < s.size()) ++i;
      } else {
        size_t v0 = i;
        while (i < s.size() && !space(s[i]) && s[i] != '>') ++i;
        a.value = s.substr(v0, i - v0);
      }
    }
    if (!tag.closing) tag.attributes.push_back(std::move(a));
  }
  tag.end = s.size();
  return true;
}

bool is_json_ld(std::string_view tag_text) {
  std::string t(tag_text);
  for (char& c : t) c = lower(c);
  return t.find("ld+json") != std::string::npos;
}

// End of the element whose start tag ends at `from`: just past "</name ...>", or the end.
size_t element_end(std::string_view s, std::string_view name, size_t from) {
  size_t e = find_ci(s, "</" + std::string(name), from);
  if (e == std::string_view::npos) return s.size();
  size_t gt = s.find('>', e);
  return gt == std::string_view::npos ? s.size() : gt + 1;
}

// Appends text with runs of ASCII whitespace shortened to one character (a newline if the
// run held one): the extractor collapses whitespace anyway, gumbo pays per character.
void append_text(std::string& out, std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    if (!space(t[i])) {
      size_t j = i;
      while (j < t.size() && !space(t[j])) ++j;
      out.append(t.substr(i, j - i));
      i = j;
      continue;
    }
    bool newline = false;
    while (i < t.size() && space(t[i])) newline |= t[i++] == '\n';
    out.push_back(newline ? '\n' : ' ');
  }
}

size_t leading_space(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && space(t[i])) ++i;
  return i;
}

size_t trailing_space(std::string_view t) {
  size_t i = t.size();
  while (i > 0 && space(t[i - 1])) --i;
  return t.size() - i;
}

bool reference_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// Where the text gumbo reads for the '&' at w[amp] ends: just past it if the '&' is
// literal (before whitespace, another '&' or the end of the words), just past the ';' of
// "&name;" or "&#123;" (all gumbo does with one stays inside it), or npos when the
// reference has no ';' and so depends on what follows.
size_t reference_end(std::string_view w, size_t amp) {
  size_t i = amp + 1;
  if (i == w.size() || space(w[i]) || w[i] == '&') return i;
  while (i < w.size() && reference_char(w[i])) ++i;
  return i < w.size() && w[i] == ';' && i > amp + 1 ? i + 1 : std::string_view::npos;
}

// Plain text between character references becomes placeholders; the references stay for
// gumbo to decode. False, with nothing written, if a '&' starts no such reference.
bool append_words(std::string& out, std::string_view w, TextRuns& runs) {
  for (size_t a = w.find('&'); a != std::string_view::npos; a = w.find('&', a + 1))
    if (reference_end(w, a) == std::string_view::npos) return false;
  size_t piece = 0;  // start of the plain text not written yet
  auto flush = [&](size_t end) {
    std::string_view t = w.substr(piece, end - piece);
    if (t.size() < kMinRun || !runs.add(t, out)) append_text(out, t);
    piece = end;
  };
  for (size_t a = w.find('&'); a != std::string_view::npos; a = w.find('&', a)) {
    size_t end = reference_end(w, a);
    if (end == a + 1) {  // a literal '&' is plain text
      a = end;
      continue;
    }
    flush(a);
    out.append(w.substr(a, end - a));
    piece = a = end;
  }
  flush(w.size());
  return true;
}

// Text between tags: its whitespace shortened (append_text), its words placeholders where
// they are plain. A run keeps its leading and trailing whitespace: where whitespace
// stands decides where gumbo puts it (before <body>, in a table).
void append_text_run(std::string& out, std::string_view t, TextRuns* runs) {
  size_t lead = leading_space(t);
  if (lead == t.size() || !runs) return append_text(out, t);
  size_t trail = trailing_space(t);
  std::string_view words = t.substr(lead, t.size() - lead - trail);
  if (words.size() < kMinRun || !plain_text(words, true)) return append_text(out, t);
  size_t before = out.size();
  append_text(out, t.substr(0, lead));
  if (!append_words(out, words, *runs)) {
    out.resize(before);
    return append_text(out, t);
  }
  append_text(out, t.substr(t.size() - trail));
}

// The content of a JSON-LD <script> (raw text: no character references), whitespace kept.
void append_raw_run(std::string& out, std::string_view t, TextRuns* runs) {
  size_t lead = leading_space(t);
  size_t trail = lead == t.size() ? 0 : trailing_space(t);
  std::string_view words = t.substr(lead, t.size() - lead - trail);
  if (words.size() < kMinRun || !runs || !plain_text(words, true)) {
    out.append(t);
    return;
  }
  out.append(t.substr(0, lead));
  if (!runs->add(words, out)) out.append(words);
  out.append(t.substr(t.size() - trail));
}

std::string lower_copy(std::string_view v) {
  std::string out(v);
  for (char& c : out) c = lower(c);
  return out;
}

// The first attribute of that name: gumbo keeps the first of duplicates.
const Attribute* find_attribute(const Tag& t, std::string_view name) {
  for (const auto& a : t.attributes)
    if (a.name == name) return &a;
  return nullptr;
}

// <meta> and <link> are most of a page's head; only those extract_page_meta reads (see
// page_meta_reads, and the canonical link) are worth parsing. A value with a character
// reference ("og&#x3A;title") is only known after parsing: such a tag stays.
bool read_by_meta(const Tag& t, GumboTag tag) {
  auto reads = [](const Attribute* a, std::string_view prefix) {
    return a->value.find('&') != std::string_view::npos || page_meta_reads(std::string(prefix) + lower_copy(a->value));
  };
  if (tag == GUMBO_TAG_LINK) {
    const Attribute* rel = find_attribute(t, "rel");
    return rel && (rel->value.find('&') != std::string_view::npos || lower_copy(rel->value) == "canonical");
  }
  if (!find_attribute(t, "content")) return false;
  if (const Attribute* p = find_attribute(t, "property")) return reads(p, "");
  if (const Attribute* n = find_attribute(t, "name")) return reads(n, "");
  if (const Attribute* ip = find_attribute(t, "itemprop")) return reads(ip, "itemprop:");
  return false;
}

// What the extractor reads: hints (id, class, itemprop, role), visibility (hidden, an
// inline style that hides), whether an <a> is a link, and the metadata fields of <meta>,
// <link>, <time>, JSON-LD <script> and itemprop=datePublished elements. The attributes
// of elements the page tree passes over are never read, except for metadata.
bool kept_attribute(GumboTag tag, std::string_view name, std::string_view value, bool itemprop) {
  if (name == "itemprop") return true;
  if (itemprop && (name == "datetime" || name == "content")) return true;
  switch (tag) {
    case GUMBO_TAG_META: return name == "content" || name == "property" || name == "name";
    case GUMBO_TAG_LINK: return name == "rel" || name == "href";
    case GUMBO_TAG_SCRIPT: return name == "type";
    case GUMBO_TAG_TIME: if (name == "datetime" || name == "pubdate") return true; break;
    default: break;
  }
  if (page_skips_element(tag)) return false;
  if (name == "id" || name == "class" || name == "role" || name == "hidden") return true;
  if (name == "style") {
    std::string v = lower_copy(value);
    return v.find("none") != std::string::npos || v.find("hidden") != std::string::npos;
  }
  return false;
}

// Class and id values are a third of a page's markup (utility classes such as "flex",
// "px-4", "text-gray-500"; WordPress's "menu-item menu-item-type-post_type ..."). A token
// stays only if it passes a test on hints (select_hint_tests, page_hint_tests) that no
// earlier token of the element passed. Decisions are cached per page: pages repeat their
// classes.
class HintFilter {
 public:
  struct Passed {
    uint64_t select = 0;
    uint8_t page = 0;
  };

  // Appends the kept tokens of `value`, space separated, adding their tests to `passed`.
  void append(std::string& out, std::string_view value, bool is_class, Passed& passed) {
    for (size_t p = 0; p < value.size();) {
      size_t e = value.find(' ', p);
      if (e == std::string_view::npos) e = value.size();
      std::string_view token = value.substr(p, e - p);
      p = e + 1;
      if (token.empty()) continue;
      Passed t = classify(token);
      if (!is_class) t.page &= static_cast<uint8_t>(~kHiddenClassTest);  // hidden() reads classes only
      if ((t.select & ~passed.select) == 0 && (t.page & ~passed.page) == 0) continue;
      passed.select |= t.select;
      passed.page |= t.page;
      if (!out.empty()) out.push_back(' ');
      out.append(token);
    }
  }
  std::string& scratch() { return scratch_; }

 private:
  Passed classify(std::string_view token) {
    auto [it, fresh] = seen_.try_emplace(token);
    if (fresh) {
      lower_.assign(token);
      for (char& c : lower_) c = lower(c);
      it->second = {select_hint_tests(lower_), page_hint_tests(lower_)};
    }
    return it->second;
  }
  std::unordered_map<std::string_view, Passed> seen_;  // views into the page
  std::string lower_, scratch_;
};

void append_attribute(std::string& out, std::string_view name, std::string_view value, bool has_value) {
  out.push_back(' ');
  out.append(name);
  if (!has_value) return;
  char q = value.find('"') == std::string_view::npos ? '"' : '\'';
  out.push_back('=');
  out.push_back(q);
  if (value.find(q) == std::string_view::npos) {
    out.append(value);
  } else {
    for (char c : value) {
      if (c == q) out.append("&#39;");  // q is '\'' only when the value holds '"' too
      else out.push_back(c);
    }
  }
  out.push_back(q);
}

// Writes the start tag with only the attributes the extractor reads. An <a>'s href is
// kept without its value: only its presence matters (a link, not an anchor).
void append_start_tag(std::string& out, const Tag& t, GumboTag tag, HintFilter& hints) {
  out.push_back('<');
  out.append(t.name);
  bool itemprop = find_attribute(t, "itemprop") != nullptr;
  HintFilter::Passed passed;
  std::string& kept = hints.scratch();
  for (const auto& a : t.attributes) {
    if (tag == GUMBO_TAG_A && a.name == "href") {
      out.append(" href");
      continue;
    }
    if (!kept_attribute(tag, a.name, a.value, itemprop)) continue;
    // A value with a character reference is only known after parsing: it stays whole.
    if ((a.name == "class" || a.name == "id") && a.value.find('&') == std::string_view::npos) {
      kept.clear();
      hints.append(kept, a.value, a.name == "class", passed);
      if (!kept.empty()) append_attribute(out, a.name, kept, true);
      continue;
    }
    append_attribute(out, a.name, a.value, a.has_value);
  }
  if (t.self_closing) out.push_back('/');
  out.push_back('>');
}

}  // namespace

bool TextRuns::add(std::string_view run, std::string& html) {
  if (runs_.size() >= kMaxRuns) return false;
  uint32_t i = static_cast<uint32_t>(runs_.size());
  uint32_t cp = i < kPerPlane ? kPlane15 + i : kPlane16 + (i - kPerPlane);
  runs_.push_back(run);
  char utf8[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                  static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  html.append(utf8, 4);
  return true;
}

void TextRuns::append_collapsed(std::string& out, std::string_view text) const {
  if (runs_.empty()) return sitrep::append_collapsed(out, text);
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != 0xF3 && c != 0xF4) continue;
    long run = placeholder_at(text, i);
    if (run < 0 || static_cast<size_t>(run) >= runs_.size()) continue;
    sitrep::append_collapsed(out, text.substr(from, i - from));
    sitrep::append_collapsed(out, runs_[static_cast<size_t>(run)]);
    from = i + 4;
    i += 3;
  }
  sitrep::append_collapsed(out, text.substr(from));
}

PreparedMarkup prepare_markup(std::string_view s, size_t max_depth) {
  PreparedMarkup r;
  r.html.reserve(s.size() / 2);
  TextRuns* runs = holds_placeholder_planes(s) ? nullptr : &r.texts;
  HintFilter hints;
  size_t depth = 0, excess = 0, copied = 0;
  // Text up to `begin` is copied (whitespace shortened), then the input resumes at `end`.
  auto skip = [&](size_t begin, size_t end) {
    append_text_run(r.html, s.substr(copied, begin - copied), runs);
    copied = end;
  };
  auto keep_verbatim = [&](size_t begin, size_t end) {
    skip(begin, begin);
    r.html.append(s.substr(begin, end - begin));
    copied = end;
  };
  size_t pos = 0;
  Tag t;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (s.substr(pos, 4) == "<!--") {
      size_t e = s.find("-->", pos + 4);
      size_t end = e == std::string_view::npos ? s.size() : e + 3;
      skip(pos, end);
      pos = end;
      continue;
    }
    if (pos + 1 < s.size() && (s[pos + 1] == '!' || s[pos + 1] == '?')) {
      size_t e = s.find('>', pos);
      pos = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    if (!read_tag(s, pos, t)) {
      ++pos;
      continue;
    }
    pos = t.end;
    GumboTag tag = gumbo_tagn_enum(t.name.data(), static_cast<unsigned>(t.name.size()));
    if (!t.closing && !t.self_closing &&
        (tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH ||
         (tag == GUMBO_TAG_SCRIPT && !is_json_ld(s.substr(t.begin, t.end - t.begin))))) {
      size_t end = element_end(s, t.name, pos);
      skip(t.begin, end);
      pos = end;
      continue;
    }
    bool counted = counts_for_depth(tag);
    if (t.closing) {
      if (counted && excess > 0) {
        --excess;
        skip(t.begin, t.end);
        continue;
      }
      if (counted && depth > 0) --depth;
      // Written as "</name>": an end tag's attributes mean nothing to the parser, and the
      // text before it becomes a run of its own. An end tag cut off by the end of the
      // input stays as it was (the parser drops it).
      if (s[t.end - 1] == '>') {
        skip(t.begin, t.end);
        r.html.append("</").append(t.name).push_back('>');
      }
      continue;
    }
    if (counted && !t.self_closing && !raw_text(tag)) {
      if (depth >= max_depth) {
        ++excess;
        ++r.dropped_tags;
        skip(t.begin, t.end);
        continue;
      }
      ++depth;
      r.max_depth = std::max(r.max_depth, depth + excess);
    }
    skip(t.begin, t.end);
    if ((tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK) && !read_by_meta(t, tag)) continue;
    append_start_tag(r.html, t, tag, hints);
    if (raw_text(tag)) {
      size_t e = find_ci(s, "</" + t.name, pos);
      size_t end = e == std::string_view::npos ? s.size() : e;
      if (tag == GUMBO_TAG_SCRIPT) {  // JSON-LD, the only script kept
        skip(pos, pos);
        append_raw_run(r.html, s.substr(pos, end - pos), runs);
        copied = end;
      } else {
        keep_verbatim(pos, end);
      }
      pos = end;
    }
  }
  append_text_run(r.html, s.substr(std::min(copied, s.size())), runs);
  return r;
}

}  // namespace sitrep
