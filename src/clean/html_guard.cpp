#include "clean/html_guard.h"

#include <array>
#include <cctype>

namespace sitrep {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':'; }

// Elements that never hold children, or that the HTML parser closes implicitly when a
// sibling opens: counting them would make ordinary pages with unclosed <p> look deep.
bool counts_for_depth(std::string_view name) {
  static constexpr std::array<std::string_view, 32> flat = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
      "thead", "tbody", "tfoot", "rp", "rt", "html", "head", "body"};
  for (auto f : flat)
    if (f == name) return false;
  return true;
}

// Elements whose content is raw text: a '<' inside them is not a tag.
bool raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "plaintext" || name == "noembed" || name == "iframe";
}

size_t find_ci(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

struct Tag {
  size_t begin = 0, end = 0;  // [begin, end) covers '<' .. '>'
  bool closing = false, self_closing = false;
  std::string name;
};

// Reads the tag starting at s[pos] == '<'; returns false if this '<' starts no tag.
bool read_tag(std::string_view s, size_t pos, Tag& tag) {
  size_t i = pos + 1;
  tag = Tag{};
  tag.begin = pos;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  while (i < s.size() && name_char(s[i])) tag.name.push_back(lower(s[i++]));
  char quote = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.self_closing = s[i - 1] == '/';
      tag.end = i + 1;
      return true;
    }
  }
  tag.end = s.size();
  return true;
}

// One pass over the tag stream; when `out` is given, copies the markup without the tags
// that open (or close) below max_depth.
FlattenResult scan(std::string_view s, size_t max_depth, std::string* out) {
  FlattenResult r;
  size_t depth = 0, excess = 0, copied = 0;
  auto drop = [&](const Tag& t) {
    if (!out) return;
    out->append(s.substr(copied, t.begin - copied));
    copied = t.end;
  };
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (s.substr(pos, 4) == "<!--") {
      size_t e = s.find("-->", pos + 4);
      pos = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (pos + 1 < s.size() && (s[pos + 1] == '!' || s[pos + 1] == '?')) {
      size_t e = s.find('>', pos);
      pos = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    Tag t;
    if (!read_tag(s, pos, t)) {
      ++pos;
      continue;
    }
    pos = t.end;
    if (!counts_for_depth(t.name)) continue;
    if (t.closing) {
      if (excess > 0) {
        --excess;
        drop(t);
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    if (raw_text(t.name)) {
      size_t e = find_ci(s, "</" + t.name, pos);
      pos = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    if (t.self_closing) continue;
    if (depth >= max_depth) {
      ++excess;
      ++r.dropped_tags;
      drop(t);
    } else {
      ++depth;
    }
    r.max_depth = std::max(r.max_depth, depth + excess);
  }
  if (out) out->append(s.substr(copied));
  return r;
}

}  // namespace

FlattenResult flatten_deep_markup(std::string_view html, size_t max_depth) {
  FlattenResult r = scan(html, max_depth, nullptr);
  if (r.dropped_tags == 0) return r;
  std::string out;
  out.reserve(html.size());
  FlattenResult copy = scan(html, max_depth, &out);
  copy.html = std::move(out);
  return copy;
}

}  // namespace sitrep
