// HTML -> blocks: guard against pathological nesting, parse with gumbo, flatten the DOM
// into blocks, pick the main content, read the page metadata.
#include <gumbo.h>

#include <memory>

#include "clean/blocks.h"
#include "clean/html_guard.h"
#include "clean/html_meta.h"
#include "clean/html_page.h"
#include "clean/html_select.h"

namespace sitrep {
namespace {

// Deeper markup is flattened before parsing (see html_guard.h); real pages stay far below.
constexpr size_t kMaxNesting = 1000;

struct GumboOutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

}  // namespace

HtmlPage extract_html(std::string_view html) {
  HtmlPage page;
  FlattenResult flat = flatten_deep_markup(html, kMaxNesting);
  std::string_view input = flat.dropped_tags ? std::string_view(flat.html) : html;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, input.data(), input.size()));
  if (!out) return page;
  page.meta = extract_page_meta(out->document);
  PageTree tree = build_page_tree(out->document);
  select_main_content(tree);
  if (flat.dropped_tags) {
    Block note;
    note.text = "[markup nested " + std::to_string(flat.max_depth) + " levels deep; " +
                std::to_string(flat.dropped_tags) + " tags below level " + std::to_string(kMaxNesting) +
                " were ignored]";
    note.reason = "markup nested too deep (flattened)";
    page.blocks.push_back(std::move(note));
  }
  page.blocks.reserve(page.blocks.size() + tree.blocks.size());
  for (auto& b : tree.blocks) page.blocks.push_back(std::move(b.block));
  return page;
}

}  // namespace sitrep
