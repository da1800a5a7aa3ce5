// time: the rule scanner behind tag_timexes(). One Recognizer per text; rules are members
// that try to match at a token and return the extent and normalized value. The rules are split
// by family: rules_absolute.cpp (calendar dates, years, clock times, quarters), rules_relative.cpp
// (last/next/ago, durations, sets, vague references, edges, anaphora) and rules_report.cpp (the
// reported quarter of an earnings report and its year-earlier comparisons).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/resolve.h"
#include "time/scan.h"
#include "time/timex.h"

namespace sitrep::timerec {

using timelex::Entry;
using timelex::Tense;
using timescan::TokKind;

struct Hit {
  Hit(size_t b_, size_t e_, TimexType t, std::string v, std::string m = {}, TimexAnchor a = TimexAnchor::Absolute)
      : b(b_), e(e_), type(t), value(std::move(v)), mod(std::move(m)), anchor(a) {}
  size_t b = 0, e = 0;  // token range
  TimexType type = TimexType::Date;
  std::string value, mod;
  TimexAnchor anchor = TimexAnchor::Absolute;
};
using Opt = std::optional<Hit>;

class Recognizer {
 public:
  Recognizer(std::string_view text, const DocTime& dct);
  std::vector<Timex> run();

 private:
  // Token predicates; all are false past the end.
  size_t size() const { return t_.toks.size(); }
  bool has(size_t i) const { return i < t_.toks.size(); }
  bool is(size_t i, std::string_view w) const { return has(i) && t_.word(i) == w; }
  template <size_t N>
  bool is_any(size_t i, const std::string_view (&ws)[N]) const {
    for (std::string_view w : ws)
      if (is(i, w)) return true;
    return false;
  }
  bool punct(size_t i, char c) const { return has(i) && t_.toks[i].kind == TokKind::Punct && text_[t_.toks[i].b] == c; }
  bool tight(size_t i) const { return has(i) && !t_.toks[i].space; }  // no space before token i
  const Entry* lex(size_t i, uint32_t kind) const {
    return has(i) && t_.toks[i].lex && (t_.toks[i].lex->kinds & kind) ? t_.toks[i].lex : nullptr;
  }
  int num(size_t i) const { return has(i) && t_.toks[i].kind == TokKind::Number ? t_.toks[i].num : -1; }
  int digits(size_t i) const { return static_cast<int>(t_.toks[i].e - t_.toks[i].b); }
  bool digits_at(size_t i, int n) const { return num(i) >= 0 && digits(i) == n; }  // a plain n-digit number
  int year_at(size_t i) const;                // a plain 4-digit year, else 0
  size_t skip_ordinal_suffix(size_t i) const;  // past "th" / "st" glued to a number
  Tense tense(size_t b, size_t e) const { return timescan::tense_around(t_, b, e); }
  bool context_mentions(size_t i, std::string_view w) const;
  // A quarterly report's comparison at i: "quarter" in the context, no "nine months" in the sentence.
  bool quarterly(size_t i) const;
  // An amount compared with the expression at i: "compared with $3 million [last year]".
  bool compares_amount(size_t i) const;
  // The month at i (no day, no year) stands between a determiner and a noun at k: "a June meeting".
  bool noun_month(size_t i, size_t k) const;
  // Past a spelled-out time zone at e ("eastern daylight time", "local time"), else e.
  size_t spelled_zone_end(size_t e) const;
  // The plural weekday at i is a possessive that lost its apostrophe ("Saturdays blast").
  bool lost_apostrophe(size_t i) const;
  // The plain number at i counts things, it is no year: "more than 2000 people", "1500 troops".
  bool counted(size_t i) const;
  // An amount or a counted plural right before token i: the "a year" after it is a rate ("$5 million a year").
  bool amount_before(size_t i) const;
  // A word naming a period's financial results at i: results, loss, profit, earnings, sales ...
  bool results_noun(size_t i) const;
  bool month_ok(size_t i) const;
  // A count word or number at i: value (or -2 for "several"/"a few"), end token.
  bool count_at(size_t i, int& value, size_t& end) const;

  Hit dct_hit(size_t b, size_t e, TimexType type, std::string value, std::string mod = {}) const;
  Opt match(size_t i);
  bool title(const Hit& h) const;  // a programme or paper named like a time: "60 Minutes", USA Today
  Opt match_core(size_t i);

  // rules_absolute.cpp
  Opt month_first(size_t i);
  int range_year(size_t i, int m, int d) const;
  bool attributive_month(size_t k) const;  // a trade's settlement noun at k, after a month: "March delivery"
  size_t split_year_end(size_t i) const;  // past "1986/87", "1988-89" at a year; else i + 1  // the year of a range's end after its start, else 0
  Opt number_first(size_t i);
  Opt weekday_first(size_t i);
  Opt clock(size_t i);
  bool modifies_noun(size_t e) const;  // a day phrase ending before e is a modifier: "a Sunday [night] vigil"
  bool zone_at(size_t e) const;  // a capitalized time zone: EST, GMT, UTC ...
  // "Tuesday" / "yesterday" after a clock time that began at token b
  size_t day_after(size_t b, size_t e, std::string& day);
  // Future when a deadline cue comes right before token b ("until Tuesday", "as early as
  // Tuesday", "no later than"), past after "since", else Unknown.
  Tense deadline_cue(size_t b) const;
  // "since April": the date the expression at b names is not after the DCT.
  bool since(size_t b) const { return b > 0 && is(b - 1, "since"); }
  // A past-tense verb right before the date's preposition ("began in April", "was killed on March
  // 3", "lasted from August"), or the date fronted in its own adverbial ("In December, the bank
  // lost money"): the verb dates the expression itself, so its tense is firm. (A past verb farther
  // away stays a soft cue: "the business was for April shipments" looks ahead.)
  bool past_verb_governs(size_t b) const;
  // The year of month m (day d) at tokens [b, e) from the DCT and the tense.
  int year_of(size_t b, size_t e, int m, int d) const {
    Tense t = cue_or_tense(b, e);
    return timeres::year_for(a_, m, d, t, t == Tense::Past && past_verb_governs(b));
  }
  Tense cue_or_tense(size_t b, size_t e) const {
    Tense c = deadline_cue(b);
    return c != Tense::Unknown ? c : tense(b, e);
  }
  Opt quarter(size_t i);
  Opt quarter_code(size_t i);  // Q3, Q3 2020, 3Q89, H1 2020, FY2020: the analysts' shorthand
  int short_year(size_t i) const;  // a two-digit year ("89" in 3Q89, '89), else 0
  Opt holiday(size_t i);
  Opt named_day(size_t i);    // Easter, Good Friday, Independence Day, Labor Day, New Year's Day ...
  Opt spoken_year(size_t i);  // broadcast transcripts: "nineteen ninety-six", "two thousand"
  Opt century(size_t i);      // "20th century", "twentieth century": "19"
  Opt second_day(size_t i);   // "25" in "April 24 and 25"
  // rules_relative.cpp
  Opt the_first(size_t i);
  Opt rel_first(size_t i);
  Opt dayrel(size_t i);
  Opt quantity(size_t i);
  Opt evaluative_day(size_t i);  // "a great day for Poland": the day of the story
  Opt half_quantity(size_t i);  // half an hour, a half-hour, two and a half years, an hour and a half
  Opt half_hit(size_t b, size_t e, int n, const std::string& unit) const;  // n and a half units [ago]
  Opt edge(size_t i);
  Opt vague_or_set(size_t i);
  Opt soon(size_t i);
  // "will", "would", "may" ... within the three words before token i, in its sentence
  bool future_modal(size_t i) const;  // "will soon", not "as soon as" nor "soon after" the war
  Opt year_earlier(size_t i);
  Opt year_end(size_t i);      // "year end", "year's end", "year-end": the DCT's year, mod END
  Opt that_unit(size_t i);
  Opt weekend(size_t b, size_t e, Tense tn) const;  // the weekend before (after, if future) the DCT     // "that year", "that day": the period of the last date mentioned
  // The last date named at the granularity of unit (Y, M, D), moved by shift units; none: nullopt.
  // Only dates ending at or after token `since` count.
  Opt anaphor(size_t b, size_t e, const std::string& unit, int shift, size_t since = 0) const;
  // The first token of the sentence `back` sentences before the one holding token i (one: the reach
  // of "a year earlier").
  size_t previous_sentence_start(size_t i, uint32_t back = 1) const;
  // The quarter being reported on, shifted by years_back years.
  Opt reported_period(size_t b, size_t e, int years_back) const;
  // The quarter a report is about: the last one it named outside a forecast ("fourth-quarter
  // earnings fell", a fiscal quarter), else the calendar quarter before the DCT's.
  // True when the report named it.
  bool reported_quarter(int& year, int& q) const;

  std::string_view text_;
  timescan::Tokens t_;
  timeres::Anchor a_;
  std::vector<Hit> hits_;  // found so far, in text order (antecedents of "that year")
};

std::string duration_value(int n, const std::string& unit);  // P3Y, PT2H, PXW (n < 0)

}  // namespace sitrep::timerec
