// Document date inference: the latest explicit, non-future calendar date in the text.
#include <algorithm>

#include "time/calendar.h"
#include "time/scan.h"
#include "time/timex.h"

namespace sitrep {

InferredDate infer_document_date(std::string_view text) {
  InferredDate out;
  out.date.evidence = "no explicit dated mention in the text";
  std::vector<Timex> xs = tag_timexes(text, DocTime{});
  timescan::Tokens toks;  // tokenized only if there is a candidate to check the tense of
  struct Candidate {
    std::string key;
    Span span;
  };
  std::vector<Candidate> dates;
  int latest_year = 0;  // the latest year the text speaks of in the past tense
  for (const Timex& x : xs) {
    // Only dates written out in full count: a relative date needs the very date we look for.
    if (x.anchor != TimexAnchor::Absolute || x.type == TimexType::Duration || x.type == TimexType::Set) continue;
    const std::string& v = x.value;
    bool day = timecal::is_day_value(v);
    bool month = v.size() == 7 && v[4] == '-' && isdigit(static_cast<unsigned char>(v[6]));
    bool year_only = v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!day && !month && !year_only) continue;
    int year = std::atoi(v.substr(0, 4).c_str());
    if (year < 1900 || year > 2100) continue;
    // A date announced for the future says nothing about when the text was written.
    if (toks.toks.empty()) toks = timescan::tokenize(text);
    auto it = std::lower_bound(toks.toks.begin(), toks.toks.end(), x.span.begin,
                               [](const timescan::Tok& t, uint32_t b) { return t.b < b; });
    size_t b = static_cast<size_t>(it - toks.toks.begin());
    size_t e = b;
    while (e < toks.toks.size() && toks.toks[e].b < x.span.end) ++e;
    timelex::Tense tense = timescan::tense_around(toks, b, e);
    if (tense == timelex::Tense::Future) continue;
    // only a year told in the past bounds the date of writing (targets "for 2015" look ahead)
    if (tense == timelex::Tense::Past) latest_year = std::max(latest_year, year);
    if (!year_only) dates.push_back({v.substr(0, 10), x.span});
  }
  // Day precision beats month precision; among equals the latest wins. A date older than a year
  // the text tells of in the past tense is history ("on 15 December, 1953" in a story that goes on to
  // 1999), not the day of writing.
  std::string best_value;
  Span best_span{};
  for (const Candidate& c : dates) {
    if (std::atoi(c.key.substr(0, 4).c_str()) < latest_year) continue;
    bool better = best_value.empty() || (c.key.size() > best_value.size()) ||
                  (c.key.size() == best_value.size() && c.key > best_value);
    if (better) best_value = c.key, best_span = c.span;
  }
  if (best_value.empty()) {
    if (!dates.empty()) out.date.evidence = "no explicit date as late as the latest year the text tells of in the past";
    return out;
  }
  PubDate& d = out.date;
  d.year = std::atoi(best_value.substr(0, 4).c_str());
  d.month = std::atoi(best_value.substr(5, 2).c_str());
  d.day = best_value.size() >= 10 ? std::atoi(best_value.substr(8, 2).c_str()) : 0;
  d.precision = d.day ? DatePrecision::Day : DatePrecision::Month;
  d.evidence = "inferred: latest explicit date in the text '" +
               std::string(text.substr(best_span.begin, best_span.end - best_span.begin)) + "'";
  return out;
}

}  // namespace sitrep
