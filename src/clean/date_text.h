// clean: dates as the press writes them in datelines, date lines and meta tags. The full
// temporal tagger lives in src/time; this only finds publication-date evidence.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace sitrep {

struct DateMention {
  int year = 0, month = 0, day = 0;  // 0 = not stated
  size_t begin = 0, end = 0;         // byte offsets in the scanned text
};

// "Tuesday, 14 July, 2020", "July 14, 2020", "Feb. 24", "March 5th", "July 2020", "2020-07-14".
std::vector<DateMention> find_dates(std::string_view text);

// ISO 8601 and RFC 1123 date(-time) values from meta tags, JSON-LD, JSONL and WARC headers.
std::optional<PubDate> parse_date_value(std::string_view value);

}  // namespace sitrep
