// clean: the parsed page flattened for main-content selection. Elements become PageNodes
// in document order (parents before children, so aggregates can be summed in one reverse
// pass); visible text becomes PageBlocks, each owned by its innermost block-level element.
// Invisible and non-text subtrees (script, style, svg, forms' controls, hidden elements)
// are left out here.
#pragma once
#include <gumbo.h>

#include <cstddef>
#include <string>
#include <vector>

#include "clean/blocks.h"
#include "clean/html_prepare.h"

namespace sitrep {

struct PageNode {
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string hint;  // lower-cased id, class, itemprop and role, space separated
  bool caption_hint = false;  // the hint names a caption or credit
};

struct PageBlock {
  Block block;
  int node = -1;          // owning element
  size_t chars = 0;       // code points of text
  size_t link_chars = 0;  // code points inside <a>
};

struct PageTree {
  std::vector<PageNode> nodes;
  std::vector<PageBlock> blocks;  // reading order
};

// Elements build_page_tree leaves out with their subtree (script, style, form controls,
// media, ...) or passes over (img, wbr): their attributes are never read.
bool page_skips_element(GumboTag tag);

// The tests a lower-cased class or id token (the attribute split at spaces) passes, as
// bits: kHiddenClassTest (hides the element; class tokens only), kCaptionTest. As with
// select_hint_tests, one token passing a test is as good as several.
constexpr uint8_t kHiddenClassTest = 1, kCaptionTest = 2;
uint8_t page_hint_tests(std::string_view token);

// Walks the DOM without recursion, so nesting depth costs heap, not stack. `texts` holds
// the text runs prepare_markup replaced by placeholders.
PageTree build_page_tree(const GumboNode* root, const TextRuns& texts);

// Appends text with whitespace (ASCII and Unicode spaces such as U+00A0) collapsed to
// single spaces; drops zero-width characters.
void append_collapsed(std::string& out, std::string_view text);
size_t count_code_points(std::string_view s);

}  // namespace sitrep
