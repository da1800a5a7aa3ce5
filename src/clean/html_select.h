// clean: main-content selection over a PageTree. Every element is scored by the prose it
// holds (long, punctuated, few links) against the rest (link text, short fragments); the
// best-scoring element is the article. Blocks outside it, and blocks inside it that sit in
// comment, share, related-links or navigation containers, get a reason.
#pragma once
#include "clean/html_page.h"

namespace sitrep {

void select_main_content(PageTree& tree);

}  // namespace sitrep
