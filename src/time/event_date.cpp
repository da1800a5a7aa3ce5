#include "time/event_date.h"

#include <algorithm>
#include <cstdlib>

#include "time/calendar.h"

namespace sitrep {

const char* to_string(DateBasis b) {
  switch (b) {
    case DateBasis::Explicit: return "explicit";
    case DateBasis::Relative: return "relative";
    case DateBasis::Document: return "document";
    case DateBasis::Unknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(TimePrecision p) {
  switch (p) {
    case TimePrecision::Unknown: return "unknown";
    case TimePrecision::Century: return "century";
    case TimePrecision::Decade: return "decade";
    case TimePrecision::Year: return "year";
    case TimePrecision::Quarter: return "quarter";
    case TimePrecision::Month: return "month";
    case TimePrecision::Week: return "week";
    case TimePrecision::Day: return "day";
    case TimePrecision::Time: return "time";
  }
  return "unknown";
}

TimePrecision precision_of(const std::string& v) {
  // durations, vague references and a day of no particular week ("on a Saturday": XXXX-WXX-6);
  // "XXXX-02-28" (a day whose year the text leaves open) still dates to the day
  if (v.empty() || v[0] == 'P' || v.starts_with("XXXX-WXX") || v.find("_REF") != std::string::npos)
    return TimePrecision::Unknown;
  if (v.size() == 2) return TimePrecision::Century;
  if (v.size() == 3) return TimePrecision::Decade;
  if (v.size() == 4) return TimePrecision::Year;
  if (v.size() >= 6 && (v[5] == 'Q' || v[5] == 'H')) return TimePrecision::Quarter;
  if (v.size() >= 6 && v[5] == 'W') return TimePrecision::Week;
  if (v.size() == 7) return v[5] >= 'A' && v[5] <= 'Z' ? TimePrecision::Quarter : TimePrecision::Month;  // seasons
  if (v.size() == 10) return TimePrecision::Day;
  if (v.size() > 10 && v[10] == 'T') return TimePrecision::Time;
  return TimePrecision::Unknown;
}

namespace {

// A timex can date an event if it names a point or period of the calendar.
bool datable(const Timex& x) {
  return (x.type == TimexType::Date || x.type == TimexType::Time) && precision_of(x.value) != TimePrecision::Unknown;
}

// Clause boundaries when there is no parse: strong punctuation and subordinators.
bool clause_break(std::string_view w) {
  return w == ";" || w == ":" || w == "\"" || w == "\u201c" || w == "\u201d" || w == "that" || w == "which" ||
         w == "who" || w == "whom" || w == "while" || w == "although" || w == "because" || w == "but";
}

EventDate from_timex(const Timex& x, int index, const char* via) {
  EventDate d;
  d.value = x.value;
  d.precision = precision_of(x.value);
  d.basis = x.anchor == TimexAnchor::Absolute ? DateBasis::Explicit : DateBasis::Relative;
  d.via = via;
  d.timex = index;
  return d;
}

}  // namespace

EventDate date_event(const SentenceTokens& s, size_t predicate, const std::vector<Timex>& timexes, const DocTime& dct,
                     std::string_view text) {
  const size_t n = s.tokens.size();
  EventDate none;
  if (predicate < n) {
    // Each datable timex in the sentence, as a token range.
    struct Cand {
      int index;
      size_t b, e;
    };
    std::vector<Cand> cands;
    for (size_t k = 0; k < timexes.size(); ++k) {
      const Timex& x = timexes[k];
      if (!datable(x)) continue;
      size_t b = n, e = 0;
      for (size_t t = 0; t < n; ++t)
        if (s.tokens[t].begin < x.span.end && x.span.begin < s.tokens[t].end) b = std::min(b, t), e = t + 1;
      if (b < e) cands.push_back({static_cast<int>(k), b, e});
    }
    auto token_word = [&](size_t t) {
      Span sp = s.tokens[t];
      return sp.end <= text.size() ? text.substr(sp.begin, sp.end - sp.begin) : std::string_view{};
    };
    if (s.heads.size() == n && !cands.empty()) {
      // Dependency: the fewest steps from the timex's attachment up to the predicate.
      // A timex three or more steps below the predicate modifies one of its arguments ("discussed
      // the agreements made in 2018"): it dates that, not this event, and nothing else here.
      constexpr size_t kMaxSteps = 2;
      int best = -1;
      size_t best_steps = n + 1;
      std::vector<int> nested;
      for (const Cand& c : cands) {
        if (predicate >= c.b && predicate < c.e) continue;
        size_t top = c.b;
        for (size_t t = c.b; t < c.e; ++t) {
          int h = s.heads[t];
          if (h < 0 || static_cast<size_t>(h) < c.b || static_cast<size_t>(h) >= c.e) top = t;
        }
        int h = s.heads[top];
        for (size_t steps = 0; h >= 0 && static_cast<size_t>(h) < n && steps <= n; ++steps, h = s.heads[h]) {
          if (static_cast<size_t>(h) == predicate) {
            if (steps > kMaxSteps) nested.push_back(c.index);
            else if (steps < best_steps) best_steps = steps, best = c.index;
            break;
          }
        }
      }
      if (best >= 0) return from_timex(timexes[best], best, "dependency");
      std::erase_if(cands, [&](const Cand& c) { return std::find(nested.begin(), nested.end(), c.index) != nested.end(); });
    }
    if (!cands.empty()) {
      // Clause: the span between the nearest clause breaks around the predicate.
      size_t cb = predicate, ce = predicate + 1;
      while (cb > 0 && !clause_break(token_word(cb - 1))) --cb;
      while (ce < n && !clause_break(token_word(ce))) ++ce;
      auto distance = [&](const Cand& c) { return c.e <= predicate ? predicate - c.e + 1 : c.b >= predicate ? c.b - predicate : 0; };
      const Cand* best = nullptr;
      for (const Cand& c : cands)
        if (c.b >= cb && c.e <= ce && (!best || distance(c) < distance(*best))) best = &c;
      if (best) return from_timex(timexes[best->index], best->index, "clause");
      for (const Cand& c : cands)
        if (!best || distance(c) < distance(*best)) best = &c;
      return from_timex(timexes[best->index], best->index, "sentence");
    }
  }
  if (dct.known()) {
    none.value = timecal::fmt_day(dct.year, dct.month, dct.day);
    none.precision = TimePrecision::Day;
    none.basis = DateBasis::Document;
    none.via = "document";
  }
  return none;
}

}  // namespace sitrep
