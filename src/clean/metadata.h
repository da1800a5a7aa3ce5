// clean: metadata from the blocks of the article's head and what the container said:
// title, publication date with precision and evidence, outlet, byline, dateline.
#pragma once
#include <vector>

#include "clean/blocks.h"
#include "clean/boilerplate.h"
#include "core/doc.h"
#include "read/reader.h"

namespace sitrep {

// Marks title repeats, banners, date lines and byline lines in the head as removed, and
// fills meta. Sources in order of trust: container fields (JSONL, HTML meta), the text
// itself, and last the crawl date (flagged as such).
void extract_metadata(std::vector<Block>& blocks, const RecordHints& hints, const PageMeta& page,
                      const BoilerplateFindings& found, Metadata& meta);

}  // namespace sitrep
