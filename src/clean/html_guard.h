// clean: a cheap guard run before gumbo. Gumbo's tree builder slows down worse than
// quadratically with nesting depth (20,000 nested <div>s take ~12 s; 100,000 would take
// hours), so markup nested deeper than a limit is flattened first: the tags that would open
// below the limit are dropped, their text is kept.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep {

struct FlattenResult {
  std::string html;          // the markup to parse; empty when the input needed no change
  size_t dropped_tags = 0;   // start tags removed because they opened below the limit
  size_t max_depth = 0;      // estimated depth of the input
};

// Estimates element depth from the tag stream (void, self-closing and auto-closed elements
// such as <p>, <li>, <td> do not count; script/style/comments are skipped) and, when it
// exceeds max_depth, returns a copy without the deeper start and end tags.
FlattenResult flatten_deep_markup(std::string_view html, size_t max_depth);

}  // namespace sitrep
