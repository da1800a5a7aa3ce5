// clean: one cheap pass over the markup before gumbo, for two reasons.
// Depth: gumbo's tree builder slows down worse than quadratically with nesting depth
// (20,000 nested <div>s take ~12 s; 100,000 would take hours), so tags that would open
// below a depth limit are dropped and their text kept.
// Speed: gumbo costs ~15 MB/s and most bytes of a page carry no text: <script> (except
// JSON-LD), <style>, <svg> and comments are ~40% of a typical news page, attributes the
// extractor never reads (data-*, srcset, link targets) and indentation much of the rest.
// They are cut before parsing; what the extractor reads (id, class, itemprop, role,
// hidden, style, meta/link/time fields, and whether an <a> has an href) is kept.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep {

struct PreparedMarkup {
  std::string html;         // what to hand to gumbo
  size_t dropped_tags = 0;  // start tags removed because they opened below the limit
  size_t max_depth = 0;     // estimated depth of the input
};

// Depth is estimated from the tag stream: void, self-closing and implicitly closed
// elements (<p>, <li>, <td>, ...) do not count.
PreparedMarkup prepare_markup(std::string_view html, size_t max_depth);

}  // namespace sitrep
