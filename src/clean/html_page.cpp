#include "clean/html_page.h"

#include <cstring>

namespace sitrep {
namespace {

bool skipped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements that start a new line when rendered: text on either side of them belongs to
// different blocks.
bool block_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

void append_lower(std::string& out, const char* s) {
  size_t from = out.size();
  out.append(s);
  for (size_t i = from; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
}

bool has_class_token(std::string_view cls, std::string_view token) {
  size_t p = 0;
  while (p < cls.size()) {
    size_t e = cls.find(' ', p);
    if (e == std::string_view::npos) e = cls.size();
    if (cls.substr(p, e - p) == token) return true;
    p = e + 1;
  }
  return false;
}

constexpr std::string_view kHiddenClasses[] = {"hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                               "screen-reader-text", "element-invisible", "screenreader-only", "hide"};

// What the walker reads of an element's attributes, in one pass over them (gumbo
// lower-cases attribute names and keeps the first of duplicates, as the lookups did).
struct ElementAttributes {
  const char *id = nullptr, *cls = nullptr, *itemprop = nullptr, *role = nullptr, *style = nullptr;
  bool hidden = false, href = false;
};

ElementAttributes read_attributes(const GumboElement& e) {
  ElementAttributes a;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* at = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string_view n = at->name;
    auto take = [&](const char*& slot) { if (!slot) slot = at->value; };
    if (n == "id") take(a.id);
    else if (n == "class") take(a.cls);
    else if (n == "itemprop") take(a.itemprop);
    else if (n == "role") take(a.role);
    else if (n == "style") take(a.style);
    else if (n == "hidden") a.hidden = true;
    else if (n == "href") a.href = true;
  }
  return a;
}

// Hidden by markup the page cannot undo without script: hidden attribute, inline
// display:none, and the usual screen-reader-only classes ("Share on Facebook" labels).
// `cls` is the lower-cased class attribute.
bool hidden(const ElementAttributes& a, std::string_view cls) {
  if (a.hidden) return true;
  if (a.style) {
    std::string s;
    for (const char* p = a.style; *p; ++p)
      if (*p != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  if (a.cls) {
    for (auto t : kHiddenClasses)
      if (has_class_token(cls, t)) return true;
  }
  return false;
}

// Lower-cased id, class, itemprop and role, space separated; `cls` gets the class part.
std::string hint_of(const ElementAttributes& a, std::string_view& cls) {
  std::string h;
  size_t cls_begin = 0, cls_end = 0;
  for (const char* v : {a.id, a.cls, a.itemprop, a.role}) {
    if (!v) continue;
    if (!h.empty()) h.push_back(' ');
    if (v == a.cls) cls_begin = h.size();
    append_lower(h, v);
    if (v == a.cls) cls_end = h.size();
  }
  cls = std::string_view(h).substr(cls_begin, cls_end - cls_begin);
  return h;
}

// Length in bytes of a Unicode space or invisible character at s[i], 0 if none.
size_t unicode_space(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    return d == 0xA0 || d == 0x85 || d == 0xAD ? 2 : 0;  // NBSP, NEL, soft hyphen
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x80 && ((e >= 0x80 && e <= 0x8F) || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;
    if (d == 0x81 && (e == 0x9F || e == 0xA0)) return 3;  // medium math space, word joiner
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;  // ideographic space
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;  // BOM / zero-width no-break space
  return 0;
}

bool zero_width(std::string_view s, size_t i, size_t n) {
  if (n == 2) return static_cast<unsigned char>(s[i + 1]) == 0xAD;  // soft hyphen
  if (n != 3) return false;
  unsigned char c = static_cast<unsigned char>(s[i]), e = static_cast<unsigned char>(s[i + 2]);
  return (c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 && e >= 0x8B && e <= 0x8F) ||
         (c == 0xE2 && e == 0xA0) || c == 0xEF;
}

struct Walker {
  explicit Walker(const TextRuns& t) : texts(t) {}
  const TextRuns& texts;
  PageTree tree;
  std::string text;        // text of the block being collected
  size_t link_chars = 0;
  int owner = -1;          // innermost block-level element
  int link_depth = 0;
  int pending_breaks = 0;  // consecutive <br>s: two end a paragraph

  void flush() {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    size_t lead = 0;
    while (lead < text.size() && text[lead] == ' ') ++lead;
    if (lead < text.size()) {
      PageBlock b;
      b.block.text = text.substr(lead);
      b.node = owner;
      b.chars = count_code_points(b.block.text);
      b.link_chars = std::min(link_chars, b.chars);
      tree.blocks.push_back(std::move(b));
    }
    text.clear();
    link_chars = 0;
    pending_breaks = 0;
  }

  void add_text(std::string_view t) {
    if (pending_breaks) {
      if (!text.empty() && text.back() != ' ') text.push_back(' ');
      pending_breaks = 0;
    }
    size_t before = text.size();
    texts.append_collapsed(text, t);  // only appends
    if (link_depth > 0) link_chars += count_code_points(std::string_view(text).substr(before));
  }
};

struct Frame {
  const GumboNode* node;
  unsigned next_child;
  int id;          // PageNode index, -1 for non-elements
  int prev_owner;  // owner to restore on exit
  bool link;
};

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Image captions and credits outside <figcaption>: WordPress "wp-caption-text", "credit",
// German "bildunterschrift", "legende". Whole tokens only: <body class="...-captions">
// is a theme switch, not a caption.
bool caption_hint(std::string_view hint) {
  for (std::string_view w : {"caption", "credit", "credits", "bildunterschrift", "bildunterzeile", "bilduntertitel", "bildtext", "legende", "legend"}) {
    for (size_t p = hint.find(w); p != std::string_view::npos; p = hint.find(w, p + 1)) {
      size_t e = p + w.size();
      if ((p == 0 || !word_char(hint[p - 1])) && (e >= hint.size() || !word_char(hint[e]))) return true;
    }
  }
  return false;
}

void assign_kinds(PageTree& tree) {
  for (auto& pb : tree.blocks) {
    for (int n = pb.node; n >= 0; n = tree.nodes[n].parent) {
      GumboTag t = tree.nodes[n].tag;
      Block& b = pb.block;
      if (t == GUMBO_TAG_FIGCAPTION || (t != GUMBO_TAG_BODY && tree.nodes[n].caption_hint)) {
        b.kind = BlockKind::Caption;
        b.heading_level = 0;
        b.caption = true;
        break;
      }
      if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6 && b.kind == BlockKind::Paragraph) {
        b.kind = BlockKind::Heading;
        b.heading_level = 1 + static_cast<int>(t - GUMBO_TAG_H1);
      } else if (t == GUMBO_TAG_PRE && b.kind == BlockKind::Paragraph) {
        b.kind = BlockKind::Preformatted;
      } else if (t == GUMBO_TAG_LI && b.kind == BlockKind::Paragraph) {
        b.kind = BlockKind::ListItem;
      } else if (t == GUMBO_TAG_BLOCKQUOTE && b.kind != BlockKind::Heading) {
        b.kind = BlockKind::Quote;
      }
    }
    pb.block.link_heavy = pb.chars > 0 && pb.link_chars * 2 > pb.chars;
  }
}

}  // namespace

uint8_t page_hint_tests(std::string_view token) {
  uint8_t tests = caption_hint(token) ? kCaptionTest : 0;
  for (auto t : kHiddenClasses)
    if (token == t) tests |= kHiddenClassTest;
  return tests;
}

bool page_skips_element(GumboTag tag) { return skipped_tag(tag) || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_WBR; }

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void append_collapsed(std::string& out, std::string_view s) {
  bool space = !out.empty() && out.back() == ' ';
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    size_t n = (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ? 1 : unicode_space(s, i);
    if (n) {
      if (!zero_width(s, i, n) && !space) {
        out.push_back(' ');
        space = true;
      }
      i += n;
      continue;
    }
    out.push_back(c);
    space = false;
    ++i;
  }
}

PageTree build_page_tree(const GumboNode* root, const TextRuns& texts) {
  Walker w(texts);
  std::vector<Frame> stack;
  stack.push_back({root, 0, -1, -1, false});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) children = &n->v.element.children;
    else if (n->type == GUMBO_NODE_DOCUMENT) children = &n->v.document.children;
    if (children && f.next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[f.next_child++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
        w.add_text(std::string_view(child->v.text.text));
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& e = child->v.element;
      if (skipped_tag(e.tag)) continue;
      ElementAttributes attrs = read_attributes(e);
      std::string_view cls;
      std::string hint = hint_of(attrs, cls);
      if (hidden(attrs, cls)) continue;
      if (e.tag == GUMBO_TAG_BR) {
        if (++w.pending_breaks >= 2) w.flush();
        continue;
      }
      if (e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_WBR) continue;
      int id = static_cast<int>(w.tree.nodes.size());
      bool caption = !hint.empty() && caption_hint(hint);
      w.tree.nodes.push_back({f.id, e.tag, std::move(hint), caption});
      int prev_owner = w.owner;
      if (block_level(e.tag)) {
        w.flush();
        w.owner = id;
      }
      // Named anchors (<a name=x>, often left unclosed) are not links.
      bool link = e.tag == GUMBO_TAG_A && attrs.href;
      if (link) ++w.link_depth;
      stack.push_back({child, 0, id, prev_owner, link});
      continue;
    }
    // leaving n
    if (f.id >= 0 && block_level(w.tree.nodes[f.id].tag)) {
      w.flush();
      w.owner = f.prev_owner;
    }
    if (f.link) --w.link_depth;
    stack.pop_back();
  }
  w.flush();
  assign_kinds(w.tree);
  return std::move(w.tree);
}

}  // namespace sitrep
