// time: temporal expressions (TimeML TIMEX3: DATE, TIME, DURATION, SET) found in text and
// normalized against the document creation time (DCT) and the tense of the words around them.
// A hand-written scanner over tokens (no regex) with its lexicon in data/time/words.tsv.
//   auto xs = tag_timexes(doc.body, anchor_from(doc.meta.date));
// Offsets are bytes into the text given. Without a DCT, relative values keep X's ("XXXX-07-13").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/doc.h"

namespace sitrep {

enum class TimexType { Date, Time, Duration, Set };
const char* to_string(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// How a value was obtained: written out in full, or computed from the DCT.
enum class TimexAnchor { Absolute, Dct, None };
const char* to_string(TimexAnchor a);  // "absolute", "dct", "none"

struct Timex {
  Span span;           // bytes into the tagged text
  TimexType type = TimexType::Date;
  std::string value;   // TimeML value: "2020-07-13", "2020-W28", "P3Y", "PAST_REF", ...
  std::string mod;     // TimeML mod: START, MID, END, APPROX ... or ""
  TimexAnchor anchor = TimexAnchor::Absolute;
};

// The document creation time; year == 0 means unknown.
struct DocTime {
  int year = 0, month = 0, day = 0;
  bool known() const { return year > 0 && month > 0 && day > 0; }
};
DocTime anchor_from(const PubDate& date);  // only a day-precision date anchors

std::vector<Timex> tag_timexes(std::string_view text, const DocTime& dct);

// A publication date inferred from the text's own explicit dates, for documents whose metadata
// has none. Never today's date: no evidence gives precision Unknown.
struct InferredDate {
  PubDate date;          // precision Day/Month/Year, or Unknown; evidence names the mention
  bool inferred = true;  // always true: this is a guess from the body, not metadata
};
InferredDate infer_document_date(std::string_view text);

}  // namespace sitrep
