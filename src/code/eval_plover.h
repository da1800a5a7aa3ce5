// code: scoring the coder against the PLOVER gold-standard records (PLOVER_GSR_CAMEO.json): the
// PLOVER type of the record's best event, and whether its source and target share a country
// with the gold actors. Records split by position in the file (even: dev, odd: test), so rules
// are developed on one half and measured on the other.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::code {

class Coder;
struct EventMention;

enum class PloverSplit { All, Dev, Test };
const char* to_string(PloverSplit s);
std::optional<PloverSplit> parse_plover_split(std::string_view s);
// Whether the record at `index` in the file belongs to `split` (dev: even, test: odd).
bool in_plover_split(size_t index, PloverSplit split);

// Older GSR type names as their PLOVER 2021 successors (DEMAND -> REQUEST,
// DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
std::string plover_2021(const std::string& type);

// Indices of the scored records in `split`: those with text that are not DOCUMENT entries.
std::vector<size_t> plover_records(const nlohmann::json& gold, PloverSplit split);

// The event a one-event record is about: the first asserted event (else any), most confident
// first; null when there is none. Shared by the record-level scorers (PLOVER, quad).
const EventMention* record_event(const std::vector<EventMention>& events);

struct PloverScores {
  size_t records = 0, coded = 0, type_right = 0;
  size_t src_checked = 0, src_right = 0, tgt_checked = 0, tgt_right = 0;
};

// Codes each record's text and scores its best event (asserted first, then most confident).
// With `details`, one line per record: ok/miss, gold type, coded type and code, text.
PloverScores score_plover(const Coder& coder, const nlohmann::json& gold, PloverSplit split,
                          std::ostream* details = nullptr);

}  // namespace sitrep::code
