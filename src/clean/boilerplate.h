// clean: rules shared by the text and HTML cleaners that mark blocks as boilerplate
// (prompts, counters, share buttons, comment sections, related links, footers) or captions.
// The phrases live in data/clean/boilerplate.tsv; the shapes (counters, credits) are here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/blocks.h"

namespace sitrep {

// What the rules learned on the way that the metadata step wants.
struct BoilerplateFindings {
  std::string outlet;       // from "Support X", "Source: X" or a known outlet banner
  std::string outlet_evidence;
  std::string source_line;  // e.g. "Source:TASS, February 28, 2020"
};

void mark_boilerplate(std::vector<Block>& blocks, BoilerplateFindings& found);

// Link previews a page's text carries inside a paragraph: "Speaker Nancy Pelosi Nancy
// PelosiOn The Money: Trump signs ... | Senate to vote ... MORE (D-Calif.)" (a person's full
// name, then headlines about them, up to "MORE"). Cuts them out of text, leaving the name as
// written ("Speaker Nancy Pelosi (D-Calif.)"), and appends what it cut to `cut`.
void strip_link_previews(std::string& text, std::vector<std::string>& cut);

// Shared text helpers for the clean stage.
std::string normalize_for_match(std::string_view s);  // lower ASCII, straight quotes, '-' dashes
size_t count_words(std::string_view s, size_t stop_at = SIZE_MAX);  // stops counting at stop_at
bool ends_with_terminal(std::string_view s);           // . ! ? : or a closing quote
bool is_prose(const Block& b);
// The known outlet whose name or alias occurs in s as whole words, or "".
std::string find_known_outlet(std::string_view s);

}  // namespace sitrep
