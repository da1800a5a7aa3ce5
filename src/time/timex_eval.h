// time: `sitrep eval timex` — tags every .tml file under a directory with its own DCT and
// scores it against the gold TIMEX3s, per subfolder (TimeBank, AQUAINT, ...) and in total.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "time/timeml.h"

namespace sitrep {

struct TimexEvalPart {
  std::string name;  // subfolder relative to the root, "." for files directly in it
  long documents = 0;
  TimexCounts counts;
};

struct TimexEvalReport {
  std::vector<TimexEvalPart> parts;  // sorted by name
  TimexEvalPart total;
  long rejected = 0;  // files that could not be read
};

// Unreadable or malformed files are passed to on_error and skipped; the rest are scored.
// on_document, if set, sees every scored document with the system's output (for error listings).
using TimexDocSink = std::function<void(const TimemlDoc&, const std::vector<Timex>&)>;
// TBAQ has no held-out part of its own: Dev takes the even-numbered files of each folder in
// path order (0, 2, 4, ...), Test the odd-numbered ones. Rules are developed on Dev only.
enum class TimexSplit { All, Dev, Test };
TimexEvalReport evaluate_timeml_dir(const std::string& dir, const std::function<void(const Error&)>& on_error,
                                    const TimexDocSink& on_document = {}, TimexSplit split = TimexSplit::All);

// The disagreements of one document, one per line: "- gold", "+ system", "~ gold -> system".
std::string timex_differences(const TimemlDoc& doc, const std::vector<Timex>& system);

}  // namespace sitrep
