// clean: main-content selection over a PageTree. Every element is scored by the prose it
// holds (long, punctuated, few links) against the rest (link text, short fragments); the
// best-scoring element is the article. Blocks outside it, and blocks inside it that sit in
// comment, share, related-links or navigation containers, get a reason.
#pragma once
#include <cstdint>
#include <string_view>

#include "clean/html_page.h"

namespace sitrep {

void select_main_content(PageTree& tree);

// The tests on hints that a lower-cased class or id token (the attribute split at spaces)
// passes, one bit each: a negative word at a token boundary, a short negative word as a
// whole token, a positive word, "articlebody". Every test looks inside one such token
// and asks whether any token of the element passes it, so prepare_markup keeps, of an
// element's tokens, only those that pass a test no earlier one passed.
uint64_t select_hint_tests(std::string_view token);

}  // namespace sitrep
