// code: scoring the coder's PLOVER event types on the NGEC synthetic stories
// (gpt_synthetic_events_*.csv: one generated news story per row with the PLOVER type and mode
// its headline prompted). A story's type is that of its lead event: the first sentence with a
// coded event, its asserted and most confident one first. Stories are split by headline, not by
// row, because each headline prompted a couple of dozen near-identical stories: headlines in
// order of first appearance, even-numbered ones dev, odd-numbered test. With `headlines`, each
// story's filled-in headline (the first line of its prompt, e.g. "Over Half of Haiti Teachers
// Now Out on Wildcat Strike") is coded alone instead: the hand-written headline is what carries
// the type, so this scores the coder on one sentence with a gold label.
#pragma once
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "code/eval_plover.h"
#include "core/error.h"

namespace sitrep::code {

class Coder;

struct NgecStory {
  std::string text, title, label, mode;  // label: the PLOVER type ("ASSAULT"); mode may be ""
  std::string headline_text;             // the prompt's first line (the filled title); "" if none
  size_t headline = 0;                   // index of its title among distinct titles, in file order
};

// The rows of the CSV (RFC 4180: quoted fields may hold commas, newlines and doubled quotes).
// An Error names the row when a needed column is missing or a quote never closes.
Expected<std::vector<NgecStory>> read_ngec_csv(std::string_view csv, const std::string& file = "");
bool in_ngec_split(const NgecStory& story, PloverSplit split);

struct NgecTypeScores {
  size_t records = 0, right = 0, in_doc = 0;
};
struct NgecScores {
  size_t records = 0, coded = 0, type_right = 0;
  size_t in_doc = 0;  // the label is the type of some event in the story
  std::map<std::string, NgecTypeScores> per_type;            // by gold label
  std::map<std::string, std::map<std::string, size_t>> confusion;  // gold -> coded ("-": none)
};

// With `details`, one line per story: ok/miss, gold type, coded type and code, the lead
// sentence's event and the story's first words.
NgecScores score_ngec(const Coder& coder, const std::vector<NgecStory>& stories, PloverSplit split,
                      std::ostream* details = nullptr, bool headlines = false);

}  // namespace sitrep::code
