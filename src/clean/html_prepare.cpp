#include "clean/html_prepare.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace sitrep {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Elements that never hold children, or that the HTML parser closes implicitly when a
// sibling opens: counting them would make ordinary pages with unclosed <p> look deep.
bool counts_for_depth(std::string_view name) {
  static constexpr std::array<std::string_view, 32> flat = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
      "thead", "tbody", "tfoot", "rp", "rt", "html", "head", "body"};
  return std::find(flat.begin(), flat.end(), name) == flat.end();
}

// Elements whose content is raw text: a '<' inside them is not a tag.
bool raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "plaintext" || name == "noembed" || name == "iframe";
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
  tag = Tag{};
  tag.begin = pos;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  while (i < s.size() && !space(s[i]) && s[i] != '/' && s[i] != '>') tag.name.push_back(lower(s[i++]));
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
    do a.name.push_back(lower(s[i++]));  // the first character may be '=' or a quote
    while (i < s.size() && !space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=');
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

bool kept_attribute(std::string_view tag, std::string_view name, std::string_view value) {
  if (name == "id" || name == "class" || name == "itemprop" || name == "role" || name == "hidden" ||
      name == "datetime" || name == "pubdate" || name == "content" || name == "property")
    return true;
  if (name == "style") {
    std::string v(value);
    for (char& c : v) c = lower(c);
    return v.find("none") != std::string::npos || v.find("hidden") != std::string::npos;
  }
  if (tag == "meta") return name == "name";
  if (tag == "link") return name == "rel" || name == "href";
  if (tag == "script") return name == "type";
  return false;
}

// Writes the start tag with only the attributes the extractor reads. An <a>'s href is
// kept without its value: only its presence matters (a link, not an anchor).
void append_start_tag(std::string& out, const Tag& t) {
  out.push_back('<');
  out.append(t.name);
  for (const auto& a : t.attributes) {
    if (t.name == "a" && a.name == "href") {
      out.append(" href");
      continue;
    }
    if (!kept_attribute(t.name, a.name, a.value)) continue;
    out.push_back(' ');
    out.append(a.name);
    if (!a.has_value) continue;
    char q = a.value.find('"') == std::string_view::npos ? '"' : '\'';
    out.push_back('=');
    out.push_back(q);
    for (char c : a.value) {
      if (c == q) out.append(q == '"' ? "&quot;" : "&#39;");
      else out.push_back(c);
    }
    out.push_back(q);
  }
  if (t.self_closing) out.push_back('/');
  out.push_back('>');
}

}  // namespace

PreparedMarkup prepare_markup(std::string_view s, size_t max_depth) {
  PreparedMarkup r;
  r.html.reserve(s.size() / 2);
  size_t depth = 0, excess = 0, copied = 0;
  // Text up to `begin` is copied (whitespace shortened), then the input resumes at `end`.
  auto skip = [&](size_t begin, size_t end) {
    append_text(r.html, s.substr(copied, begin - copied));
    copied = end;
  };
  auto keep_verbatim = [&](size_t begin, size_t end) {
    skip(begin, begin);
    r.html.append(s.substr(begin, end - begin));
    copied = end;
  };
  size_t pos = 0;
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
    Tag t;
    if (!read_tag(s, pos, t)) {
      ++pos;
      continue;
    }
    pos = t.end;
    if (!t.closing && !t.self_closing &&
        (t.name == "style" || t.name == "svg" || t.name == "math" ||
         (t.name == "script" && !is_json_ld(s.substr(t.begin, t.end - t.begin))))) {
      size_t end = element_end(s, t.name, pos);
      skip(t.begin, end);
      pos = end;
      continue;
    }
    bool counted = counts_for_depth(t.name);
    if (t.closing) {
      if (counted && excess > 0) {
        --excess;
        skip(t.begin, t.end);
      } else if (counted && depth > 0) {
        --depth;
      }
      continue;
    }
    if (counted && !t.self_closing && !raw_text(t.name)) {
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
    append_start_tag(r.html, t);
    if (raw_text(t.name)) {
      size_t e = find_ci(s, "</" + t.name, pos);
      size_t end = e == std::string_view::npos ? s.size() : e;
      keep_verbatim(pos, end);
      pos = end;
    }
  }
  append_text(r.html, s.substr(std::min(copied, s.size())));
  return r;
}

}  // namespace sitrep
