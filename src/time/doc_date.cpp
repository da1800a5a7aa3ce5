// Document date inference: the latest explicit, non-future calendar date in the text.
#include <algorithm>

#include "time/scan.h"
#include "time/timex.h"

namespace sitrep {

InferredDate infer_document_date(std::string_view text) {
  InferredDate out;
  out.date.evidence = "no explicit dated mention in the text";
  std::vector<Timex> xs = tag_timexes(text, DocTime{});
  timescan::Tokens toks;  // tokenized only if there is a candidate to check the tense of
  std::string best_value;
  Span best_span{};
  for (const Timex& x : xs) {
    // Only dates written out in full count: a relative date needs the very date we look for.
    if (x.anchor != TimexAnchor::Absolute || x.type == TimexType::Duration || x.type == TimexType::Set) continue;
    const std::string& v = x.value;
    bool day = v.size() >= 10 && v[4] == '-' && v[7] == '-' && isdigit(static_cast<unsigned char>(v[9]));
    bool month = v.size() == 7 && v[4] == '-' && isdigit(static_cast<unsigned char>(v[6]));
    if (!day && !month) continue;
    int year = std::atoi(v.substr(0, 4).c_str());
    if (year < 1900 || year > 2100) continue;
    // A date announced for the future says nothing about when the text was written.
    if (toks.toks.empty()) toks = timescan::tokenize(text);
    auto it = std::lower_bound(toks.toks.begin(), toks.toks.end(), x.span.begin,
                               [](const timescan::Tok& t, uint32_t b) { return t.b < b; });
    size_t b = static_cast<size_t>(it - toks.toks.begin());
    size_t e = b;
    while (e < toks.toks.size() && toks.toks[e].b < x.span.end) ++e;
    if (timescan::tense_around(toks, b, e) == timelex::Tense::Future) continue;
    std::string key = v.substr(0, 10);
    // Day precision beats month precision; among equals the latest wins.
    bool better = best_value.empty() || (key.size() > best_value.size()) ||
                  (key.size() == best_value.size() && key > best_value);
    if (better) best_value = key, best_span = x.span;
  }
  if (best_value.empty()) return out;
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
