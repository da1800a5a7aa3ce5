// clean: what the markup says about the page (PageMeta): <title>, Open Graph and other
// <meta> tags, JSON-LD (schema.org Article types, also inside @graph or arrays),
// itemprop=datePublished, <time datetime>, and the canonical link.
#pragma once
#include <gumbo.h>

#include "clean/blocks.h"

namespace sitrep {

PageMeta extract_page_meta(const GumboNode* root);

}  // namespace sitrep
