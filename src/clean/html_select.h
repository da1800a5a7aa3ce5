// clean: main-content selection over a PageTree. Every element is scored by the prose it
// holds (long, punctuated, few links) against the rest (link text, short fragments); the
// best-scoring element is the article. Blocks outside it, and blocks inside it that sit in
// comment, share, related-links or navigation containers, get a reason.
#pragma once
#include "clean/html_page.h"

namespace sitrep {

void select_main_content(PageTree& tree);

// How a lower-cased class or id token (the attribute split at spaces) can weigh in the
// selection: not at all, as a positive hint (one counts as much as several), or as
// anything else. Every test on hints looks inside one such token, so prepare_markup can
// drop the tokens that cannot weigh.
enum class HintUse { None, Positive, Other };
HintUse select_hint_use(std::string_view token);

}  // namespace sitrep
