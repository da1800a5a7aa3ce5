// clean: what the markup says about the page (PageMeta): <title>, Open Graph and other
// <meta> tags, JSON-LD (schema.org Article types, also inside @graph or arrays),
// itemprop=datePublished, <time datetime>, and the canonical link.
#pragma once
#include <gumbo.h>

#include "clean/blocks.h"
#include "clean/html_prepare.h"

namespace sitrep {

// Whether a <meta> with this key is read: its lower-cased property, else name, else
// "itemprop:" + itemprop. prepare_markup drops the others before parsing.
bool page_meta_reads(std::string_view key);

// `texts` holds the text runs prepare_markup replaced by placeholders.
PageMeta extract_page_meta(const GumboNode* root, const TextRuns& texts);

}  // namespace sitrep
