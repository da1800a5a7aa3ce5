// time: the date of an event, from the time expression that governs its predicate.
// Works with and without a dependency parse: with heads, the timex whose head chain reaches the
// predicate in the fewest steps wins ("announced on Monday": Monday -> announced); without (or
// when none attaches), the nearest timex in the predicate's clause, then in its sentence; else
// the document date; else unknown. Durations, sets and vague references never date an event.
//   EventDate d = date_event(sentence, predicate_index, tag_timexes(text, dct), dct);
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "time/timex.h"

namespace sitrep {

// One sentence: token offsets into the text the timexes were tagged on, and optionally the
// dependency head of each token (index within the sentence, -1 for the root). Empty heads =
// no parse available.
struct SentenceTokens {
  std::span<const Span> tokens;
  std::span<const int> heads;
};

enum class DateBasis { Explicit, Relative, Document, Unknown };
const char* to_string(DateBasis b);  // "explicit", "relative", "document", "unknown"

enum class TimePrecision { Unknown, Century, Decade, Year, Quarter, Month, Week, Day, Time };
const char* to_string(TimePrecision p);
TimePrecision precision_of(const std::string& timeml_value);  // "2020-07" -> Month

struct EventDate {
  std::string value;  // TimeML value ("2020-07-13", "2020-W28", "2020") or "" when unknown
  TimePrecision precision = TimePrecision::Unknown;
  DateBasis basis = DateBasis::Unknown;  // explicit: written in full; relative: computed from the DCT
  std::string via;                       // "dependency", "clause", "sentence", "document" or ""
  int timex = -1;                        // index into the timexes given, -1 if none
};

// predicate: the token index of the event's predicate within the sentence.
EventDate date_event(const SentenceTokens& sentence, size_t predicate, const std::vector<Timex>& timexes,
                     const DocTime& dct, std::string_view text);

}  // namespace sitrep
