// time: TimeML (TempEval-3 .tml) documents and the TempEval-3 timex scores. The reader is a
// small tolerant scanner for this flat format (tags, attributes, five entities); what it cannot
// read becomes an Error naming the file and line, never a crash.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "time/timex.h"

namespace sitrep {

struct GoldTimex {
  Span span;  // bytes into TimemlDoc::text
  std::string type, value;
  int line = 0;
};

struct TimemlDoc {
  std::string name;
  std::string text;  // the content of <TEXT> with tags removed and entities decoded
  DocTime dct;       // from the TIMEX3 with functionInDocument="CREATION_TIME"
  std::vector<GoldTimex> timexes;
};

Expected<TimemlDoc> parse_timeml(std::string_view xml, const std::string& name);
Expected<TimemlDoc> read_timeml(const std::string& path);

// Counts over documents; scores follow the TempEval-3 entity scorer: strict = same extent,
// relaxed = overlapping extent, attribute F1 = attribute accuracy on relaxed matches x relaxed F1.
struct TimexCounts {
  long gold = 0, system = 0;
  long strict_gold = 0, strict_system = 0;    // gold (system) items with an exact-extent partner
  long relaxed_gold = 0, relaxed_system = 0;  // ... with an overlapping partner
  long pairs = 0, type_ok = 0, value_ok = 0;  // one-to-one relaxed pairs and their attributes
  void add(const TimexCounts& o);
};

struct TimexScores {
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double relaxed_precision = 0, relaxed_recall = 0, relaxed_f1 = 0;
  double type_f1 = 0, value_f1 = 0;  // percentages 0-100
};

TimexCounts count_matches(const std::vector<GoldTimex>& gold, const std::vector<Timex>& system);
TimexScores score(const TimexCounts& c);

}  // namespace sitrep
