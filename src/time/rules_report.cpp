// Earnings reports: the quarter a report is about, and its comparisons with the year before
// ("a year earlier", "year-ago", "the corresponding period last year").
#include "time/recognizer.h"

namespace sitrep::timerec {

bool Recognizer::compares_amount(size_t i) const {
  bool amount = false;
  const uint32_t s = has(i) ? t_.toks[i].sentence : 0;
  for (size_t d = 1; d <= 10 && i >= d && t_.toks[i - d].sentence == s; ++d) {
    size_t k = i - d;
    if (t_.toks[k].kind == TokKind::Number || is(k, "million") || is(k, "billion") || is(k, "cents")) amount = true;
    else if (is(k, "compared") || is(k, "from") || is(k, "versus") || is(k, "vs") || is(k, "against"))
      return amount;
  }
  return false;
}

Opt Recognizer::year_earlier(size_t i) {
  // year-earlier, year-ago, prior-year (adjectives of comparison in earnings reports)
  bool year_first = is(i, "year") && (is(i + 2, "earlier") || is(i + 2, "ago"));
  if (!((year_first || (is(i, "prior") && is(i + 2, "year"))) && punct(i + 1, '-') && tight(i + 1) && tight(i + 2)))
    return std::nullopt;
  size_t e = i + 3;
  if (lex(e, timelex::kOrdinal) && is(e + 1, "quarter")) {
    int y = a_.known() ? a_.dct.year - 1 : 0;
    return dct_hit(i, e + 2, TimexType::Date, timecal::fmt_year(y) + "-Q" + std::to_string(t_.toks[e].lex->ordinal));
  }
  bool q = is(e, "quarter") || is(e, "period");
  if (q) ++e;
  if (!a_.known()) return dct_hit(i, e, TimexType::Date, "XXXX");
  if (q || quarterly(i)) {
    int y = 0, qq = 0;
    reported_quarter(y, qq);
    return dct_hit(i, e, TimexType::Date, timecal::fmt_year(y - 1) + "-Q" + std::to_string(qq));
  }
  return dct_hit(i, e, TimexType::Date, timecal::fmt_year(a_.dct.year - 1));
}

bool Recognizer::reported_quarter(int& year, int& q) const {
  timeres::reported_quarter(a_, year, q);
  bool first = true, named_one = false;
  for (const Hit& h : hits_) {
    const std::string& v = h.value;
    // a quarter named by its ordinal, the year left to the DCT: "third-quarter", "the fiscal first quarter"
    if (h.type != TimexType::Date || h.anchor != TimexAnchor::Dct || v.size() != 7 || v[4] != '-' || v[5] != 'Q')
      continue;
    bool named = false;
    for (size_t t = h.b; t < h.e && !named; ++t) {
      size_t n = lex(t, timelex::kOrdinal) ? t + 1 : num(t) >= 1 ? skip_ordinal_suffix(t + 1) : t;
      if (n == t) continue;
      if (punct(n, '-') && tight(n)) ++n;
      named = is(n, "quarter");
    }
    if (!named || tense(h.b, h.e) == Tense::Future) continue;
    int y = std::stoi(v.substr(0, 4)), n = v[6] - '0';
    // A calendar quarter not over at the DCT is the report's own only when the lead names it (a
    // fiscal quarter); further down it is the outlook: "no estimate of fourth-quarter results".
    bool over = y * 4 + n < a_.dct.year * 4 + a_.quarter();
    if (over || first) year = y, q = n, named_one = true;
    first = false;
  }
  return named_one;
}

Opt Recognizer::reported_period(size_t b, size_t e, int years_back) const {
  int y = 0, q = 0;
  reported_quarter(y, q);
  return dct_hit(b, e, TimexType::Date, timecal::fmt_year(y - years_back) + "-Q" + std::to_string(q));
}

}  // namespace sitrep::timerec
