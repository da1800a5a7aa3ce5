// clean: one cheap pass over the markup before gumbo, for two reasons.
// Depth: gumbo's tree builder slows down worse than quadratically with nesting depth
// (20,000 nested <div>s take ~12 s; 100,000 would take hours), so tags that would open
// below a depth limit are dropped and their text kept.
// Speed: gumbo costs ~15 MB/s and most bytes of a page carry no text: <script> (except
// JSON-LD), <style>, <svg> and comments are ~40% of a typical news page, attributes the
// extractor never reads (data-*, srcset, link targets) and indentation much of the rest.
// They are cut before parsing; what the extractor reads (id, class, itemprop, role,
// hidden, style, meta/link/time fields, and whether an <a> has an href) is kept, and of
// that only <meta>/<link> tags extract_page_meta reads and class/id tokens that pass a
// hint test (html_page.h, html_select.h) no earlier token of the element passed.
// Text: gumbo's tokenizer hands every character of text to the tree builder as a token
// of its own, a third of parsing time. Plain text (no markup, nothing gumbo would
// replace; character references stay between the pieces) goes to gumbo as one
// placeholder code point per piece and is read back from TextRuns: the tree is the
// same, the text too.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class TextRuns {
 public:
  // Appends text of the parsed tree with placeholders replaced by their runs, whitespace
  // collapsed as append_collapsed (html_page.h) does.
  void append_collapsed(std::string& out, std::string_view parsed_text) const;
  // Writes the placeholder of `run` to `html`; false when the placeholders are used up.
  bool add(std::string_view run, std::string& html);
  size_t size() const { return runs_.size(); }

 private:
  std::vector<std::string_view> runs_;  // into the markup given to prepare_markup
};

struct PreparedMarkup {
  std::string html;         // what to hand to gumbo
  TextRuns texts;           // views into prepare_markup's input, which must outlive them
  size_t dropped_tags = 0;  // start tags removed because they opened below the limit
  size_t max_depth = 0;     // estimated depth of the input
};

// Depth is estimated from the tag stream: void, self-closing and implicitly closed
// elements (<p>, <li>, <td>, ...) do not count.
PreparedMarkup prepare_markup(std::string_view html, size_t max_depth);

}  // namespace sitrep
