// Placeholder HTML extraction: visible text of block elements, no main-content selection yet.
#include <gumbo.h>

#include <vector>

#include "clean/blocks.h"

namespace sitrep {

HtmlPage extract_html(std::string_view html) {
  HtmlPage page;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::vector<GumboNode*> stack{out->root};
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) { Block b; b.text = cur; page.blocks.push_back(std::move(b)); }
    cur.clear();
  };
  while (!stack.empty()) {
    GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) { flush(); continue; }
    if (n->type == GUMBO_NODE_TEXT) {
      if (!cur.empty()) cur += ' ';
      cur += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) continue;
    if (t == GUMBO_TAG_TITLE && n->v.element.children.length > 0) {
      auto* c = static_cast<GumboNode*>(n->v.element.children.data[0]);
      if (c->type == GUMBO_NODE_TEXT) page.meta.title = c->v.text.text;
      continue;
    }
    stack.push_back(nullptr);
    for (unsigned i = n->v.element.children.length; i-- > 0;)
      stack.push_back(static_cast<GumboNode*>(n->v.element.children.data[i]));
  }
  flush();
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return page;
}

}  // namespace sitrep
