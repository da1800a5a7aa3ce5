// clean: the unit the cleaner works on. Text and HTML are both turned into a sequence of
// blocks; shared rules (boilerplate.h) then decide which are article, caption or dropped.
#pragma once
#include <string>
#include <vector>

#include "core/doc.h"

namespace sitrep {

enum class BlockKind { Paragraph, Heading, ListItem, Quote, Caption, Preformatted };

struct Block {
  std::string text;         // one paragraph, whitespace collapsed, no trailing newline
  BlockKind kind = BlockKind::Paragraph;
  std::string reason;       // empty while kept; else why it was dropped
  bool caption = false;     // kept aside as a caption, not body
  bool link_heavy = false;  // HTML: most of its text is inside links
  int heading_level = 0;    // HTML h1..h6
};

// What the markup (HTML meta, JSON-LD, <title>, <time>) says about the page.
struct PageMeta {
  std::string title, site_name, byline, url, description;
  std::string published;           // raw date string, e.g. "2020-02-28T10:15:00+03:00"
  std::string published_evidence;  // e.g. "meta article:published_time"
};

// Plain text -> blocks: paragraphs are separated by blank lines; a block of short lines is
// split into one block per line (headers, counters, comment widgets); wrapped prose lines
// are joined.
std::vector<Block> split_text_blocks(std::string_view text);

// HTML -> blocks in reading order. Blocks outside the main content (navigation, sidebars,
// related links, footers, comment sections) come back with a reason already set.
struct HtmlPage {
  std::vector<Block> blocks;
  PageMeta meta;
};
HtmlPage extract_html(std::string_view html);

}  // namespace sitrep
