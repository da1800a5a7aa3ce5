// HTML -> blocks: cut what holds no text and guard against pathological nesting, parse with gumbo, flatten the DOM
// into blocks, pick the main content, read the page metadata.
#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "clean/blocks.h"
#include "clean/html_prepare.h"
#include "clean/html_meta.h"
#include "clean/html_page.h"
#include "clean/html_select.h"

namespace sitrep {
namespace {

// Deeper markup is flattened before parsing (see html_guard.h); real pages stay far below.
constexpr size_t kMaxNesting = 1000;

// Gumbo allocates every node, attribute and string separately; a per-page bump arena
// makes those allocations cheap and frees the whole tree at once (no gumbo_destroy_output
// walk). Memory is held only while one page is being extracted.
class ParseArena {
 public:
  static void* allocate(void* self, size_t size) { return static_cast<ParseArena*>(self)->take(size); }
  static void release(void*, void*) {}  // everything goes when the arena does

 private:
  void* take(size_t size) {
    size = (size + alignof(std::max_align_t) - 1) & ~(alignof(std::max_align_t) - 1);
    if (size > kChunk / 4) return chunks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(size)).get();
    if (chunks_.empty() || used_ + size > kChunk) {
      current_ = chunks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(kChunk)).get();
      used_ = 0;
    }
    void* p = current_ + used_;
    used_ += size;
    return p;
  }
  static constexpr size_t kChunk = 1 << 20;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* current_ = nullptr;
  size_t used_ = 0;
};

}  // namespace

HtmlPage extract_html(std::string_view html) {
  HtmlPage page;
  PreparedMarkup flat = prepare_markup(html, kMaxNesting);
  ParseArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &ParseArena::allocate;
  options.deallocator = &ParseArena::release;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not used; recording them costs allocations
  GumboOutput* out = gumbo_parse_with_options(&options, flat.html.data(), flat.html.size());
  if (!out) return page;
  page.meta = extract_page_meta(out->document, flat.texts);
  PageTree tree = build_page_tree(out->document, flat.texts);
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
