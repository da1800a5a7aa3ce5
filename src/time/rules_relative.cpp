// Expressions anchored on the DCT: last/next/this, N units ago, durations, sets, vague
// references, "the ..." phrases and edges (early/mid/late, the end of).
#include "time/recognizer.h"

namespace sitrep::timerec {

using timelex::Rel;

namespace {
bool plural(std::string_view w) { return !w.empty() && w.back() == 's'; }
}  // namespace

Opt Recognizer::dayrel(size_t i) {
  const Entry* r = lex(i, timelex::kDayrel);
  std::string day = a_.known() ? timeres::shift(a_, "D", r->dayrel) : "XXXX-XX-XX";
  if (is(i, "tonight")) return dct_hit(i, i + 1, TimexType::Time, day + "TNI");
  if (const Entry* p = lex(i + 1, timelex::kDaypart)) return dct_hit(i, i + 2, TimexType::Time, day + "T" + p->daypart);
  return dct_hit(i, i + 1, TimexType::Date, day);
}

Opt Recognizer::rel_first(size_t i) {
  const Entry* r = lex(i, timelex::kRel);
  Rel rel = r->rel;
  if (rel == Rel::Ago) return std::nullopt;
  // "following" without "the" is a preposition: "calls for change following Tuesday's defeat"
  // dates the defeat on the Tuesday itself, "the coalition formed following March elections" the
  // March before ("the following Tuesday" is a week's step, "the following March" a year's)
  if (is(i, "following") && !(i > 0 && is(i - 1, "the")) && has(i + 1) && t_.toks[i + 1].cap &&
      (lex(i + 1, timelex::kWeekday) || lex(i + 1, timelex::kMonth)))
    return std::nullopt;
  if (is(i, "current") && !lex(i + 1, timelex::kUnit) && !is(i + 1, "fiscal")) {
    // accounting and economics terms, not times: the current account (deficit), current assets
    if (is(i + 1, "account") || is(i + 1, "accounts") || is(i + 1, "assets") || is(i + 1, "liabilities") ||
        is(i + 1, "yield") || is(i + 1, "ratio"))
      return std::nullopt;
    // "the then current price": current as of a past time
    if (i > 0 && is(i - 1, "then") && !punct(i - 1, ',')) return Hit{i - 1, i + 1, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
    return Hit{i, i + 1, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  }
  size_t k = i + 1;
  // at this moment, at this crucial moment, at the moment (from the_first)
  if (rel == Rel::This && i > 0 && is(i - 1, "at")) {
    if (is(k, "moment")) return Hit{i, k + 1, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
    if (is(k + 1, "moment") && has(k) && t_.toks[k].kind == TokKind::Word && !t_.toks[k].cap)
      return Hit{i, k + 2, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  }
  // this past weekend, this past week, this past summer: the last one before the DCT
  if (rel == Rel::This && is(k, "past") && has(k + 1) && !plural(t_.word(k + 1))) {
    if (is(k + 1, "weekend")) return weekend(i, k + 2, Tense::Past);
    // this past Sunday, this past January: the last one before the DCT
    if (const Entry* w = lex(k + 1, timelex::kWeekday); w && t_.toks[k + 1].cap)
      return dct_hit(i, k + 2, TimexType::Date, timeres::weekday_rel(a_, w->weekday, Rel::Last));
    if (const Entry* m = lex(k + 1, timelex::kMonth); m && t_.toks[k + 1].cap) {
      int y = a_.dct.year - (m->month >= a_.dct.month ? 1 : 0);
      return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_month(a_.known() ? y : 0, m->month));
    }
    if (const Entry* s = lex(k + 1, timelex::kSeason))
      return dct_hit(i, k + 2, TimexType::Date, timeres::season(a_, s->season, Rel::Last, Tense::Past));
    if (const Entry* u = lex(k + 1, timelex::kUnit); u && u->unit != "H" && u->unit != "MIN" && u->unit != "S")
      return dct_hit(i, k + 2, TimexType::Date, timeres::shift(a_, u->unit, -1));
  }
  if (is(k, "fiscal") && lex(k + 1, timelex::kUnit)) ++k;
  int step = rel == Rel::Next ? 1 : rel == Rel::This ? 0 : -1;
  if (const Entry* w = lex(k, timelex::kWeekday); w && t_.toks[k].cap)
    return dct_hit(i, k + 1, TimexType::Date, timeres::weekday_rel(a_, w->weekday, rel == Rel::Past ? Rel::Last : rel));
  if (lex(k, timelex::kMonth) && t_.toks[k].cap && rel != Rel::Past) {
    // "last Oct. 23": the day itself, resolved by the date rules; "last" only says it is past
    size_t d = punct(k + 1, '.') && tight(k + 1) ? k + 2 : k + 1;
    if (num(d) >= 1 && num(d) <= 31 && digits(d) <= 2) return std::nullopt;
    int m = t_.toks[k].lex->month;
    int y = a_.dct.year;
    if (rel == Rel::Last && m >= a_.dct.month) --y;
    if (rel == Rel::Next && m <= a_.dct.month) ++y;
    return dct_hit(i, k + 1, TimexType::Date, timecal::fmt_month(a_.known() ? y : 0, m));
  }
  if (const Entry* s = lex(k, timelex::kSeason)) {
    if (rel == Rel::Past) return std::nullopt;
    return dct_hit(i, k + 1, TimexType::Date, timeres::season(a_, s->season, rel, Tense::Unknown));
  }
  if (const Entry* p = lex(k, timelex::kDaypart)) {
    // last night = the evening before the DCT; this morning = the DCT's
    int back = rel == Rel::Last || rel == Rel::Past ? -1 : rel == Rel::Next ? 1 : 0;
    std::string day = a_.known() ? timeres::shift(a_, "D", back) : "XXXX-XX-XX";
    return dct_hit(i, k + 1, TimexType::Time, day + "T" + p->daypart);
  }
  // the past two weeks, the next five years, last three years
  int n = 0;
  size_t e = 0;
  if (count_at(k, n, e) && !is(k, "a") && !is(k, "an") && lex(e, timelex::kUnit))
    return dct_hit(i, e + 1, TimexType::Duration, duration_value(n, t_.toks[e].lex->unit));
  if (is(k, "few") || is(k, "several")) {
    if (const Entry* u = lex(k + 1, timelex::kUnit)) return dct_hit(i, k + 2, TimexType::Duration, duration_value(-1, u->unit));
  }
  const Entry* u = lex(k, timelex::kUnit);
  if (!u) return std::nullopt;
  // "in past years", "in years past" with no article: some time before the DCT, not a stretch of it
  if (rel == Rel::Past && plural(t_.word(k)) && u->unit != "S" && !(i > 0 && (is(i - 1, "the") || is(i - 1, "these"))))
    return Hit{i, k + 1, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
  if (plural(t_.word(k)) && u->unit != "S") return dct_hit(i, k + 1, TimexType::Duration, duration_value(-1, u->unit));
  if (rel == Rel::Past) return dct_hit(i, k + 1, TimexType::Duration, duration_value(1, u->unit));
  if (u->unit == "H" || u->unit == "MIN" || u->unit == "S") return std::nullopt;
  // "This quarter's loss includes ...", "Last year's results were hurt by ...": results exist only for a
  // period that is over, so in an earnings report these are the reported quarter and the one a year before
  bool results_of = punct(k + 1, '\'') && is(k + 2, "s") && results_noun(k + 3) && a_.known();
  if (results_of && u->unit == "Q" && step == 0 && tense(i, k + 1) != Tense::Future) {
    int y = 0, q = 0;
    if (reported_quarter(y, q)) return reported_period(i, k + 1, 0);
  }
  if (results_of && u->unit == "Y" && step == -1 && quarterly(i)) return reported_period(i, k + 1, 1);
  // this year's third quarter, last year's first half
  if (u->unit == "Y" && punct(k + 1, '\'') && is(k + 2, "s")) {
    if (Opt q = quarter(k + 3); q && q->value.size() > 4)
      return dct_hit(i, q->e, TimexType::Date, timeres::shift(a_, "Y", step) + q->value.substr(q->value.size() - 3));
    // last year's quarter, last year's period: the quarter being reported, a year before
    if ((is(k + 3, "quarter") || (is(k + 3, "period") && context_mentions(i, "quarter"))) && a_.known())
      return reported_period(i, k + 4, -step);
  }
  // "compared with $33 million last year" in a quarterly report: the same quarter a year before
  if (u->unit == "Y" && step == -1 && a_.known() && !(punct(k + 1, '\'') && is(k + 2, "s")) && compares_amount(i) &&
      quarterly(i))
    return reported_period(i, k + 1, 1);
  // a Sunday paper's "last week" is the week that just ended: the DCT's own ISO week
  if (u->unit == "W" && rel == Rel::Last && a_.known() && timecal::weekday(a_.day()) == 7) step = 0;
  return dct_hit(i, k + 1, TimexType::Date, timeres::shift(a_, u->unit, step));
}

bool Recognizer::results_noun(size_t i) const {
  static constexpr std::string_view kResults[] = {"results", "loss",   "losses",  "profit",  "profits",  "earnings",
                                                  "net",     "income", "sales",   "revenue", "revenues", "performance"};
  for (std::string_view w : kResults)
    if (is(i, w)) return true;
  return false;
}

bool Recognizer::amount_before(size_t i) const {
  if (i == 0 || t_.toks[i - 1].sentence != t_.toks[i].sentence) return false;
  size_t p = i - 1;
  if (t_.toks[p].kind == TokKind::Number || is(p, "twice") || is(p, "once") || is(p, "times") || is(p, "percent") ||
      is(p, "cents") || is(p, "dollars") || is(p, "million") || is(p, "billion") || is(p, "thousand"))
    return true;
  // a counted plural: "fifty thousand CDs a year", "hundreds of interviews a day", "24 hours a day"
  std::string_view w = t_.word(p);
  if (t_.toks[p].kind != TokKind::Word || w.size() < 3 || !w.ends_with("s") || w.ends_with("ss") || p == 0) return false;
  size_t c = p - 1;
  return t_.toks[c].kind == TokKind::Number || lex(c, timelex::kNumber) || lex(c, timelex::kQuant) ||
         is(c, "thousand") || is(c, "million") || is(c, "of");
}

namespace {
// n and a half units, written in the next smaller unit where TimeML has one: PT1H30M, P2Y6M, PT12H.
std::string half_duration(int n, const std::string& unit) {
  std::string whole = n > 0 ? std::to_string(n) : "";
  if (unit == "H") return "PT" + (n > 0 ? whole + "H" : "") + "30M";
  if (unit == "MIN") return "PT" + (n > 0 ? whole + "M" : "") + "30S";
  if (unit == "D") return "P" + (n > 0 ? whole + "D" : "") + "T12H";
  if (unit == "Y") return "P" + (n > 0 ? whole + "Y" : "") + "6M";
  if (unit == "DE") return "P" + std::to_string(10 * n + 5) + "Y";
  if (unit == "CE") return "P" + std::to_string(100 * n + 50) + "Y";
  return "P" + std::to_string(n) + ".5" + unit;
}
}  // namespace

Opt Recognizer::evaluative_day(size_t i) {
  // "it was a great day for Poland": the day of the story, the last day named (the adjective judges
  // it and stays out of the extent); "Today is a sad day" only restates "today"
  if (!(is(i, "a") || is(i, "an"))) return std::nullopt;
  static constexpr std::string_view kJudged[] = {"great", "historic", "sad",    "good",  "bad",        "dark",
                                                 "proud", "tragic",   "black",  "happy", "momentous", "memorable"};
  size_t k = is(i + 1, "very") ? i + 2 : i + 1;
  bool judged = false;
  for (std::string_view w : kJudged) judged |= is(k, w);
  if (!judged || !is(k + 1, "day")) return std::nullopt;
  for (size_t d = 1; d <= 3 && i >= d && t_.toks[i - d].sentence == t_.toks[i].sentence; ++d)
    if (lex(i - d, timelex::kDayrel) || lex(i - d, timelex::kWeekday)) return std::nullopt;
  if (Opt h = anaphor(k + 1, k + 2, "D", 0)) return h;
  return dct_hit(k + 1, k + 2, TimexType::Date, timeres::shift(a_, "D", 0));
}

Opt Recognizer::half_quantity(size_t i) {
  auto unit_at = [&](size_t k) -> const Entry* {
    const Entry* u = lex(k, timelex::kUnit);
    return u && u->unit != "Q" && u->unit != "WE" && !is(k, "second") ? u : nullptr;
  };
  // half an hour, half a century; a half hour, a half-hour, half-hour
  size_t h = is(i, "half") ? i : (is(i, "a") || is(i, "an")) && is(i + 1, "half") ? i + 1 : 0;
  if (h) {
    size_t k = h + 1;
    if (h == i && (is(k, "a") || is(k, "an"))) ++k;
    else if (punct(k, '-') && tight(k)) ++k;
    const Entry* u = unit_at(k);
    if (!u || plural(t_.word(k)) || (h == i && k == h + 1 && !punct(h + 1, '-') && i > 0 && is(i - 1, "and"))) return std::nullopt;
    return half_hit(i, k + 1, 0, u->unit);
  }
  // two and a half years; an hour and a half
  int n = 0;
  size_t e = 0;
  if (!count_at(i, n, e) || n < 1) return std::nullopt;
  if (is(e, "and") && is(e + 1, "a") && is(e + 2, "half"))
    if (const Entry* u = unit_at(e + 3)) return half_hit(i, e + 4, n, u->unit);
  if (const Entry* u = unit_at(e); u && is(e + 1, "and") && is(e + 2, "a") && is(e + 3, "half") && !unit_at(e + 4))
    return half_hit(i, e + 4, n, u->unit);
  return std::nullopt;
}

Opt Recognizer::half_hit(size_t b, size_t e, int n, const std::string& unit) const {
  // "half a century ago", "two and a half years ago": the month that many months before the DCT
  int months = unit == "Y" ? 12 * n + 6 : unit == "DE" ? 120 * n + 60 : unit == "CE" ? 1200 * n + 600 : 0;
  if (months && (is(e, "ago") || is(e, "earlier"))) {
    if (!a_.known()) return dct_hit(b, e + 1, TimexType::Date, "XXXX-XX");
    timecal::Ymd m = timecal::add_months({a_.dct.year, a_.dct.month, 1}, -months);
    // a decade or more back is dated to the year, as "50 years ago" is
    return dct_hit(b, e + 1, TimexType::Date, months >= 120 ? timecal::fmt_year(m.y) : timecal::fmt_month(m.y, m.m));
  }
  return Hit{b, e, TimexType::Duration, half_duration(n, unit)};
}

Opt Recognizer::quantity(size_t i) {
  // SET: every week, each year, every Monday, per day
  if (is(i, "every") || is(i, "each") || is(i, "per")) {
    if (const Entry* w = lex(i + 1, timelex::kWeekday))
      return Hit{i, i + 2, TimexType::Set, "XXXX-WXX-" + std::to_string(w->weekday)};
    if (const Entry* m = lex(i + 1, timelex::kMonth); m && t_.toks[i + 1].cap)
      return Hit{i, i + 2, TimexType::Set, timecal::fmt_month(0, m->month)};
    // every morning, each night: that part of every day; every summer: every such season
    if (const Entry* p = lex(i + 1, timelex::kDaypart); p && !plural(t_.word(i + 1)) && !is(i + 1, "overnight"))
      return Hit{i, i + 2, TimexType::Set, "XXXX-XX-XXT" + p->daypart};
    if (const Entry* s = lex(i + 1, timelex::kSeason); s && !is(i, "per"))
      return Hit{i, i + 2, TimexType::Set, "XXXX-" + s->season};
    // every other week: every second one
    if (is(i, "every") && is(i + 1, "other"))
      if (const Entry* u = lex(i + 2, timelex::kUnit); u && !plural(t_.word(i + 2)))
        return Hit{i, i + 3, TimexType::Set, duration_value(2, u->unit)};
    int n = 1;
    size_t e = i + 1;
    if (!count_at(i + 1, n, e)) n = 1, e = i + 1;
    if (const Entry* u = lex(e, timelex::kUnit)) return Hit{i, e + 1, TimexType::Set, duration_value(n, u->unit)};
    return std::nullopt;
  }
  if (Opt h = half_quantity(i)) return h;
  if (Opt h = evaluative_day(i)) return h;
  // "for a while", "after a while": a stretch of unstated length; "a while ago": some time back
  if ((is(i, "a") && is(i + 1, "while")) && !(i > 0 && (is(i - 1, "once") || is(i - 1, "worth")))) {
    if (is(i + 2, "ago") || is(i + 2, "back")) return Hit{i, i + 3, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
    if (i > 0 && (is(i - 1, "for") || is(i - 1, "after"))) return Hit{i, i + 2, TimexType::Duration, "PXX"};
    return std::nullopt;
  }
  // day-long, year-long (a count before them is handled below: "a 10-day-long strike")
  if (const Entry* u = lex(i, timelex::kUnit); u && !plural(t_.word(i)) && punct(i + 1, '-') && tight(i + 1) &&
                                               is(i + 2, "long") && tight(i + 2))
    return Hit{i, i + 3, TimexType::Duration, duration_value(1, u->unit)};
  int n = 0;
  size_t e = 0;
  if (!count_at(i, n, e)) {
    const Entry* u = lex(i, timelex::kUnit);
    // "years ago": some time back, as "several years ago"
    if (u && plural(t_.word(i)) && u->unit != "Q" && is(i + 1, "ago"))
      return Hit{i, i + 2, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
    // "Hours after the attack", "Days later": an unstated number of units between two times. ("in the
    // weeks before the shooting" is left out: TimeBank dates it, each time differently.)
    bool opens = i == 0 || t_.toks[i - 1].sentence != t_.toks[i].sentence || punct(i - 1, ',');
    if (u && plural(t_.word(i)) && u->unit != "Q" && u->unit != "WE" && u->unit != "DE" && u->unit != "CE" &&
        (is(i + 1, "before") || is(i + 1, "after") || is(i + 1, "later") || is(i + 1, "earlier")) &&
        opens)
      return Hit{i, i + 1, TimexType::Duration, duration_value(-1, u->unit)};
    // for years, in weeks: a bare plural unit after a preposition of extent
    if (u && plural(t_.word(i)) && i > 0 &&
        (is(i - 1, "for") || is(i - 1, "in") || is(i - 1, "within") || is(i - 1, "after") || is(i - 1, "over")))
      return Hit{i, i + 1, TimexType::Duration, duration_value(-1, u->unit)};
    // "follows months of twists", "after years of war": a bare plural measuring what comes after it
    // (not "the early hours of", "the last days of": a determiner or an adjective makes it a part)
    if (u && plural(t_.word(i)) && u->unit != "H" && u->unit != "MIN" && u->unit != "S" && is(i + 1, "of") && i > 0 &&
        t_.toks[i - 1].kind == TokKind::Word && !t_.toks[i - 1].cap) {
      std::string_view p = t_.word(i - 1);
      bool verb = p.ends_with("ed") || p.ends_with("ing") || p == "follows" || p == "ends" || p == "takes" ||
                  p == "marks" || p == "requires" || p == "took";
      bool preposition = p == "amid" || p == "despite" || p == "during" || p == "through" || p == "with" || p == "by";
      if (verb || preposition) return Hit{i, i + 1, TimexType::Duration, duration_value(-1, u->unit)};
    }
    return std::nullopt;
  }
  bool article = is(i, "a") || is(i, "an");
  // "two to three weeks", "between two to six days": the lower bound is a duration of its own, in the
  // unit of the upper one (not an age or a shift: "10 to 12 years old", "two to three years ago")
  if (!article && n > 0 && (is(e, "to") || is(e, "or"))) {
    int upper = 0;
    size_t ue = 0;
    if (count_at(e + 1, upper, ue) && upper > n && !is(e + 1, "a") && !is(e + 1, "an"))
      if (const Entry* u = lex(ue, timelex::kUnit); u && u->unit != "WE" && u->unit != "Q" && !is(ue + 1, "ago") &&
                                                  !is(ue + 1, "earlier") && !is(ue + 1, "later") && !is(ue + 1, "old"))
        return Hit{i, e, TimexType::Duration, duration_value(n, u->unit)};
  }
  size_t k = e;
  if (punct(k, '-') && tight(k) && !article) ++k;  // two-year, 30-day
  if (is(k, "more") || is(k, "full")) ++k;
  // eight trading days, ten business days
  if ((is(k, "trading") || is(k, "business") || is(k, "working")) && (is(k + 1, "days") || is(k + 1, "day"))) ++k;
  const Entry* u = lex(k, timelex::kUnit);
  if (!u || (article && u->unit == "S") || u->unit == "WE") return std::nullopt;
  // three-quarters, a quarter of: fractions, not periods
  if (u->unit == "Q" && (article || k > e)) return std::nullopt;
  if (punct(k + 1, '-') && tight(k + 1) && (is(k + 2, "earlier") || is(k + 2, "ago"))) return std::nullopt;
  if (n == -2 && !plural(t_.word(k))) return std::nullopt;
  size_t end = k + 1;
  // "a year-end review": the end of the year, left to the year-end rule
  if (punct(end, '-') && tight(end) && is(end + 1, "end") && tight(end + 1)) return std::nullopt;
  // a 10-day-long strike; "a year-long inquiry" is left to "year-long"
  if (punct(end, '-') && tight(end) && is(end + 1, "long") && tight(end + 1)) {
    if (article) return std::nullopt;
    end += 2;
  }
  // Ages ("a 6-year-old boy", "44 years old") are properties of people, not times.
  if (u->unit == "Y" && ((punct(end, '-') && tight(end) && is(end + 1, "old")) || is(end, "old"))) return std::nullopt;
  std::string_view next = has(end) ? t_.word(end) : std::string_view{};
  // "a profit of $2 a share a year before.": "before" ending its clause counts back as "earlier" does
  // (before an event, "a year before the vote", the count stays a duration)
  if (next == "before" && has(end + 1) && t_.toks[end + 1].kind == TokKind::Punct && !punct(end + 1, '\'') &&
      !punct(end + 1, '-'))
    next = "earlier";
  // $5 a year, twice a week: a rate
  bool shifted = next == "ago" || next == "earlier" || next == "later" || next == "hence";
  if (article && !shifted && !is(end, "or") && amount_before(i)) return Hit{i, end, TimexType::Set, duration_value(1, u->unit)};
  // "Islam will one day be ...": some day in the future
  if (is(i, "one") && u->unit == "D" && !plural(t_.word(k)) && i > 0 &&
      (is(i - 1, "will") || is(i - 1, "would") || is(i - 1, "could") || is(i - 1, "may") || is(i - 1, "might") ||
       is(i - 1, "can") || is(i - 1, "should")))
    return Hit{i, end, TimexType::Date, "FUTURE_REF", {}, TimexAnchor::Dct};
  // "three days later" counts from the story's own time, not the DCT: the duration, "later" outside
  if (next == "later") return Hit{i, end, TimexType::Duration, duration_value(n, u->unit)};
  // "would be redeemed in five years": the time that far ahead of the DCT, not a stretch of it
  // ("finished in five years" in the past, "in two weeks" of talks, stay durations)
  if (!article && n > 0 && i > 0 && is(i - 1, "in") && u->unit != "H" && u->unit != "MIN" && u->unit != "S" &&
      next != "of" && next != "or" && next != "to" && a_.known() && future_modal(i - 1))
    return dct_hit(i, end, TimexType::Date, timeres::shift(a_, u->unit, n));
  int sign = next == "ago" || next == "earlier" ? -1 : next == "hence" ? 1 : 0;
  if (next == "from" && is(end + 1, "now")) sign = 1, ++end;
  if (sign) {
    ++end;
    if (n < 0) return Hit{i, end, TimexType::Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", {}, TimexAnchor::Dct};
    // "retail sales in February were 9 pct higher than a year earlier": the month, quarter or half the
    // sentence just named, a year back ("ago" counts from the DCT)
    if (u->unit == "Y" && n == 1 && next == "earlier")
      for (size_t h = hits_.size(); h-- > 0 && hits_[h].e > 0 && t_.toks[hits_[h].b].sentence == t_.toks[i].sentence;) {
        const std::string& v = hits_[h].value;
        bool part = v.size() == 7 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' || (v[5] >= '0' && v[5] <= '1'));
        if (hits_[h].type != TimexType::Date || !part || v[0] < '0' || v[0] > '9') continue;
        return Hit{i, end, TimexType::Date, timecal::fmt_year(std::stoi(v.substr(0, 4)) - 1) + v.substr(4), {}, hits_[h].anchor};
      }
    if (u->unit == "Y" && n == 1 && a_.known() && quarterly(i)) {
      int y = 0, q = 0;
      reported_quarter(y, q);
      return dct_hit(i, end, TimexType::Date, timecal::fmt_year(y - 1) + "-Q" + std::to_string(q));
    }
    // "one year ago today", "five years ago tomorrow": the anniversary, that day so many units back
    if (const Entry* r = lex(end, timelex::kDayrel); r && next == "ago" && a_.known() && !is(end, "tonight") &&
        (u->unit == "Y" || u->unit == "M" || u->unit == "W" || u->unit == "D")) {
      timecal::Ymd d = timecal::add_days(a_.day(), r->dayrel);
      d = u->unit == "Y" ? timecal::add_months(d, -12 * n) : u->unit == "M" ? timecal::add_months(d, -n)
                                                          : timecal::add_days(d, -(u->unit == "W" ? 7L : 1L) * n);
      return dct_hit(i, end + 1, TimexType::Date, timecal::fmt_day(d));
    }
    if (u->unit == "H" || u->unit == "MIN" || u->unit == "S") return dct_hit(i, end, TimexType::Time, timeres::shift(a_, "D", 0));
    // "In 1998 they met. A year earlier, they had split.": "earlier" counts back from the story's
    // time, the date named just before, where there is one ("ago" always counts from the DCT)
    if (next == "earlier" && u->unit != "WE" && u->unit != "DE" && u->unit != "CE")
      if (Opt h = anaphor(i, end, u->unit, -n, previous_sentence_start(i))) return h;
    // "a decade ago", "a century ago": the year that far back, as "ten years ago" (not the decade before)
    if (u->unit == "DE" || u->unit == "CE")
      return dct_hit(i, end, TimexType::Date, timeres::shift(a_, "Y", sign * n * (u->unit == "DE" ? 10 : 100)));
    return dct_hit(i, end, TimexType::Date, timeres::shift(a_, u->unit, sign * n));
  }
  // "a three-year period", "the 90-day span": the noun is only the duration's name, one expression
  if (k > e && !article && i > 0 && (is(i - 1, "a") || is(i - 1, "an") || is(i - 1, "the")) &&
      (is(end, "period") || is(end, "span") || is(end, "stretch")))
    return Hit{i - 1, end + 1, TimexType::Duration, duration_value(n, u->unit)};
  return Hit{i, end, TimexType::Duration, duration_value(n, u->unit)};
}

Opt Recognizer::year_end(size_t i) {
  if (!is(i, "year")) return std::nullopt;
  size_t e = 0;
  if (is(i + 1, "end")) e = i + 2;
  else if (punct(i + 1, '\'') && tight(i + 1) && is(i + 2, "s") && is(i + 3, "end")) e = i + 4;
  else if (punct(i + 1, '-') && tight(i + 1) && is(i + 2, "end") && tight(i + 2)) e = i + 3;
  if (!e) return std::nullopt;
  return dct_hit(i, e, TimexType::Date, a_.known() ? timecal::fmt_year(a_.dct.year) : "XXXX", "END");
}

Opt Recognizer::that_unit(size_t i) {
  // "that night", "that morning": a part of the last day the text named
  if (const Entry* p = lex(i + 1, timelex::kDaypart); p && !plural(t_.word(i + 1)))
    if (Opt h = anaphor(i, i + 2, "D", 0)) {
      h->type = TimexType::Time;
      h->value += "T" + p->daypart;
      return h;
    }
  // "that year", "later that day": the same period as the last date the text named
  const Entry* u = lex(i + 1, timelex::kUnit);
  if (!u || plural(t_.word(i + 1))) return std::nullopt;
  return anaphor(i, i + 2, u->unit, 0);
}

size_t Recognizer::previous_sentence_start(size_t i, uint32_t back) const {
  const uint32_t s = t_.toks[i].sentence;
  size_t k = i;
  while (k > 0 && t_.toks[k - 1].sentence + back >= s) --k;
  return k;
}

Opt Recognizer::anaphor(size_t b, size_t e, const std::string& unit, int shift, size_t since) const {
  size_t len = unit == "Y" ? 4 : unit == "M" ? 7 : unit == "D" || unit == "W" ? 10 : 0;
  if (!len) return std::nullopt;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t k = hits_.size(); k-- > 0;) {
    const Hit& h = hits_[k];
    if (h.e < since) break;
    if (h.type != TimexType::Date && h.type != TimexType::Time) continue;
    const std::string& v = h.value;
    if (v.size() < len || !digit(v[0]) || !digit(v[3])) continue;
    if (len >= 7 && (v[4] != '-' || !digit(v[5]) || !digit(v[6]))) continue;
    if (len == 10 && (v.size() < 10 || v[7] != '-' || !digit(v[8]) || !digit(v[9]))) continue;
    int y = std::stoi(v.substr(0, 4)), m = len >= 7 ? std::stoi(v.substr(5, 2)) : 0, d = len == 10 ? std::stoi(v.substr(8, 2)) : 0;
    std::string out;
    if (len == 4) out = timecal::fmt_year(y + shift);
    else if (len == 7) {
      timecal::Ymd x = timecal::add_months({y, m, 1}, shift);
      out = timecal::fmt_month(x.y, x.m);
    } else if (unit == "W") {
      out = timecal::fmt_week(timecal::add_days({y, m, d}, 7L * shift));
    } else {
      out = timecal::fmt_day(timecal::add_days({y, m, d}, shift));
    }
    return Hit{b, e, TimexType::Date, out, {}, h.anchor};
  }
  return std::nullopt;
}

Opt Recognizer::vague_or_set(size_t i) {
  if (const Entry* s = lex(i, timelex::kSet); s && !t_.toks[i].cap) {
    // a newspaper ("the Communist Party daily Granma") or an average ("average daily volume"): no recurrence
    bool named_next = has(i + 1) && t_.toks[i + 1].cap && t_.toks[i + 1].kind == TokKind::Word && !t_.toks[i + 1].newline;
    if (named_next && i > 0 && (t_.toks[i - 1].cap || is(i - 1, "the") || is(i - 1, "a"))) return std::nullopt;
    if (i > 0 && is(i - 1, "average")) return std::nullopt;
    return Hit{i, i + 1, TimexType::Set, s->set};
  }
  if (const Entry* v = lex(i, timelex::kVague)) {
    if (is(i, "recent")) {
      // "recent years" is a stretch of time; "recent talks" is too vague to annotate
      const Entry* u = lex(i + 1, timelex::kUnit);
      if (!u || !plural(t_.word(i + 1))) return std::nullopt;
      return Hit{i, i + 2, TimexType::Duration, duration_value(-1, u->unit), {}, TimexAnchor::Dct};
    }
    return Hit{i, i + 1, TimexType::Date, v->vague, {}, TimexAnchor::Dct};
  }
  // "Until then", "by then", "since then": the date named last, in this sentence or the one before
  // (not "then-Director": a title held at that time)
  if (is(i, "then") && i > 0 && (is(i - 1, "until") || is(i - 1, "till") || is(i - 1, "by") || is(i - 1, "since")) &&
      !(punct(i + 1, '-') && tight(i + 1))) {
    size_t since = previous_sentence_start(i);
    for (size_t k = hits_.size(); k-- > 0 && hits_[k].e >= since;) {
      const Hit& h = hits_[k];
      if (h.type != TimexType::Date || h.value.size() < 4 || h.value[0] < '0' || h.value[0] > '9') continue;
      return Hit{i, i + 1, TimexType::Date, h.value, {}, h.anchor};
    }
    return std::nullopt;
  }
  if (is(i, "these") && is(i + 1, "days")) return Hit{i, i + 2, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  // at a later date, at an earlier date; at present
  if ((is(i, "a") || is(i, "an")) && (is(i + 1, "later") || is(i + 1, "earlier")) && is(i + 2, "date"))
    return Hit{i, i + 3, TimexType::Date, is(i + 1, "later") ? "FUTURE_REF" : "PAST_REF", {}, TimexAnchor::Dct};
  if (is(i, "present") && i > 0 && is(i - 1, "at") && !t_.toks[i].cap)
    return Hit{i, i + 1, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  if (is(i, "noon") || is(i, "midnight") || is(i, "midday")) {
    std::string day;
    size_t e = day_after(i, i + 1, day);
    return dct_hit(i, e, TimexType::Time, day + (is(i, "midnight") ? "T24:00" : "T12:00"));
  }
  return std::nullopt;
}

bool Recognizer::future_modal(size_t i) const {
  for (size_t d = 1; d <= 4 && i >= d && t_.toks[i - d].sentence == t_.toks[i].sentence; ++d) {
    size_t k = i - d;
    if (is(k, "will") || is(k, "would") || is(k, "may") || is(k, "might") || is(k, "could") || is(k, "shall") ||
        is(k, "ll"))
      return true;
  }
  return false;
}

Opt Recognizer::soon(size_t i) {
  // "as soon as Tuesday", "soon after the war": a point set by something else, not by the DCT
  if (i > 0 && (is(i - 1, "as") || is(i - 1, "too") || is(i - 1, "how") || is(i - 1, "so"))) return std::nullopt;
  if (is(i + 1, "after") || is(i + 1, "afterward") || is(i + 1, "afterwards") || is(i + 1, "thereafter") ||
      is(i + 1, "as") || is(i + 1, "enough"))
    return std::nullopt;
  // only ahead of the DCT: "will soon", "may soon seek", "soon will begin" (not "the army soon withdrew")
  auto modal = [&](size_t k) {
    return is(k, "will") || is(k, "would") || is(k, "may") || is(k, "might") || is(k, "could") || is(k, "should") ||
           is(k, "can") || is(k, "shall") || is(k, "ll") || is(k, "must");
  };
  bool ahead = (i > 0 && modal(i - 1)) || modal(i + 1) || (i > 1 && modal(i - 2) && is(i - 1, "very")) ||
               (is(i + 1, "be") && i > 0 && modal(i - 1));
  if (!ahead && tense(i, i + 1) != Tense::Future) return std::nullopt;
  return Hit{i, i + 1, TimexType::Date, "FUTURE_REF", {}, TimexAnchor::Dct};
}

Opt Recognizer::weekend(size_t b, size_t e, Tense tn) const {
  if (!a_.known()) return dct_hit(b, e, TimexType::Date, "XXXX-WXX-WE");
  timecal::Ymd d = a_.day();
  int wd = timecal::weekday(d);
  long off = tn == Tense::Future ? (wd <= 6 ? 6 - wd : 0) : (wd >= 6 ? 0 : -(wd + 1));
  return dct_hit(b, e, TimexType::Date, timecal::fmt_week(timecal::add_days(d, off)) + "-WE");
}

Opt Recognizer::the_first(size_t i) {
  size_t k = i + 1;
  if (!has(k)) return std::nullopt;
  auto from_the = [&](Opt h) -> Opt {
    if (h) h->b = i;
    return h;
  };
  std::string_view w = t_.word(k);
  int count = 0;
  size_t count_end = 0;
  if (w == "past" && !lex(k + 1, timelex::kUnit) && !count_at(k + 1, count, count_end))
    return Hit{i, k + 1, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
  // "in the future", "until the foreseeable future": a time; "an approach to the future", "the future
  // of NATO", "for the foreseeable future" (indefinitely) name no time of their own
  bool future_time = i > 0 && (is(i - 1, "in") || is(i - 1, "into") || is(i - 1, "until") || is(i - 1, "till") ||
                               is(i - 1, "by") || is(i - 1, "within"));
  if (w == "future" && future_time) return Hit{i, k + 1, TimexType::Date, "FUTURE_REF", {}, TimexAnchor::Dct};
  if (w == "moment" && i > 0 && is(i - 1, "at")) return Hit{i, k + 1, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  if ((w == "near" || w == "immediate" || w == "foreseeable" || w == "distant") && is(k + 1, "future") && future_time)
    return Hit{i, k + 2, TimexType::Date, "FUTURE_REF", {}, TimexAnchor::Dct};
  if (w == "present" && !lex(k + 1, timelex::kUnit) && has(k + 1) && t_.toks[k + 1].kind != TokKind::Word)
    return Hit{i, k + 1, TimexType::Date, "PRESENT_REF", {}, TimexAnchor::Dct};
  // the other day: a day shortly before the DCT
  if (w == "other" && is(k + 1, "day")) return Hit{i, k + 2, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
  if (w == "day" && is(k + 1, "before") && is(k + 2, "yesterday"))
    return dct_hit(i, k + 3, TimexType::Date, a_.known() ? timeres::shift(a_, "D", -2) : "XXXX-XX-XX");
  if (w == "day" && is(k + 1, "after") && is(k + 2, "tomorrow"))
    return dct_hit(i, k + 3, TimexType::Date, a_.known() ? timeres::shift(a_, "D", 2) : "XXXX-XX-XX");
  // "today is the eighth day of Desert Shield": an ordinal day said of a day just named is that day
  if (lex(k, timelex::kOrdinal) && is(k + 1, "day") && i >= 2 && !hits_.empty() &&
      (is(i - 1, "is") || is(i - 1, "was") || is(i - 1, "marks") || is(i - 1, "marked"))) {
    const Hit& p = hits_.back();
    if (p.e == i - 1 && p.type == TimexType::Date && p.value.size() == 10 && p.value[0] != 'X')
      return Hit{k, k + 2, TimexType::Date, p.value, {}, p.anchor};
  }
  if (w == "fiscal" || w == "latter" || w == "final" || lex(k, timelex::kOrdinal) || year_at(k))
    if (Opt h = quarter(k)) {
      // "the third-quarter results": the article belongs to the noun, not to the timex
      if (punct(h->e - 2, '-')) return h;
      return from_the(h);
    }
  if (w == "quarter" && a_.known()) {
    size_t q = k + 1;
    // the quarter a year ago, the quarter last year
    if (is(q, "a") && is(q + 1, "year") && (is(q + 2, "ago") || is(q + 2, "earlier"))) return reported_period(i, q + 3, 1);
    if (is(q, "last") && is(q + 1, "year")) return reported_period(i, q + 2, 1);
    // the quarter ended Sept. 30: the calendar quarter holding most of its three months
    if (is(q, "ended") || is(q, "ending")) {
      size_t m = is(q + 1, "in") ? q + 2 : q + 1;
      if (lex(m, timelex::kMonth))
        if (Opt end = month_first(m); end && end->value.size() >= 7 && end->value[0] != 'X') {
          int year = std::stoi(end->value.substr(0, 4)), mid = t_.toks[m].lex->month - 1;
          if (mid == 0) mid = 12, --year;
          return dct_hit(i, k + 1, TimexType::Date, timecal::fmt_year(year) + "-Q" + std::to_string((mid - 1) / 3 + 1));
        }
    }
  }
  // the September quarter: the three months a company's books close with that month, dated like
  // "the quarter ended Sept. 30" (the calendar quarter holding most of them)
  if (lex(k, timelex::kMonth) && t_.toks[k].cap && is(k + 1, "quarter") && a_.known()) {
    int m = t_.toks[k].lex->month, mid = m - 1;
    int year = timeres::year_for(a_, m, 0, tense(i, k + 2));
    if (mid == 0) mid = 12, --year;
    return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(year) + "-Q" + std::to_string((mid - 1) / 3 + 1));
  }
  // the corresponding period last year, the same quarter a year earlier
  if ((w == "corresponding" || w == "same" || w == "comparable") &&
      (is(k + 1, "period") || is(k + 1, "quarter")) && a_.known()) {
    size_t q = k + 2, e = 0;
    if (is(q, "last") && is(q + 1, "year")) e = q + 2;
    else if (is(q, "a") && is(q + 1, "year") && (is(q + 2, "ago") || is(q + 2, "earlier"))) e = q + 3;
    // the period the sentence (or the one before) just named, a year back: "in the first three months
    // of 1987 against 35 pct in the same period last year" is 1986's first quarter
    if (e && is(k + 1, "period"))
      for (size_t h = hits_.size(); h-- > 0 && hits_[h].e >= previous_sentence_start(i);) {
        const std::string& v = hits_[h].value;
        bool part = v.size() == 7 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' || (v[5] >= '0' && v[5] <= '1'));
        if (hits_[h].type != TimexType::Date || !part || v[0] < '0' || v[0] > '9') continue;
        return Hit{i, e, TimexType::Date, timecal::fmt_year(std::stoi(v.substr(0, 4)) - 1) + v.substr(4), {}, hits_[h].anchor};
      }
    if (e && (is(k + 1, "quarter") || context_mentions(i, "quarter"))) return reported_period(i, e, 1);
    if (e) return dct_hit(i, e, TimexType::Date, timecal::fmt_year(a_.dct.year - 1));
  }
  // the 1988 quarter: the quarter being reported on, in that year
  // the 1988 period: that quarter in a quarterly report, else the year ("the first nine months ... the 1988 period")
  if (int y = year_at(k); y && is(k + 1, "period")) {
    if (!a_.known() || !quarterly(i)) return Hit{i, k + 2, TimexType::Date, timecal::fmt_year(y)};
    int ry = 0, q = 0;
    reported_quarter(ry, q);
    return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(y) + "-Q" + std::to_string(q));
  }
  if (int y = year_at(k); y && is(k + 1, "quarter") && a_.known()) {
    int ry = 0, q = 0;
    reported_quarter(ry, q);
    return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(y) + "-Q" + std::to_string(q));
  }
  if (w == "quarter" && a_.known() && !is(k + 1, "ended") && !is(k + 1, "ending")) {
    int y = 0, q = 0;
    reported_quarter(y, q);
    return dct_hit(i, k + 1, TimexType::Date, timecal::fmt_year(y) + "-Q" + std::to_string(q));
  }
  if ((w == "full" || w == "fiscal") && is(k + 1, "year")) {
    // "the fiscal year ended Jan. 31": an accounting period, like "the year ended"
    if (is(k + 2, "ended") || is(k + 2, "ending")) return Hit{i, k + 2, TimexType::Duration, "P1Y"};
    // "throughout the fiscal year": a company's accounting year, which is not the calendar's; only
    // "this/the current fiscal year" (rel_first) or a number names one
    if (w == "fiscal") {
      if (int y = year_at(k + 2)) return Hit{i, k + 3, TimexType::Date, timecal::fmt_year(y)};
      return Hit{i, k + 2, TimexType::Duration, "P1Y"};
    }
    if (a_.known()) return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(a_.dct.year));
  }
  if (lex(k, timelex::kEdge) && !is(k, "end") && !is(k, "beginning") && !is(k, "start") && !is(k, "middle"))
    if (Opt h = edge(k)) return from_the(h);
  // the previous quarter of a report: the one before the quarter it names
  if ((w == "previous" || w == "preceding" || w == "prior" || w == "sequential") && is(k + 1, "quarter") && a_.known()) {
    int y = 0, q = 0;
    if (reported_quarter(y, q)) {
      int idx = y * 4 + q - 2;
      return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(idx / 4) + "-Q" + std::to_string(idx % 4 + 1));
    }
  }
  if (w == "latest" || w == "current" || w == "year" || w == "prior") {
    // the latest quarter, the year-earlier quarter
    if (Opt h = year_earlier(k); h && h->e > k + 3) return from_the(h);
    if ((is(k + 1, "quarter") || (w == "latest" && is(k + 1, "period"))) && a_.known()) {
      int y = 0, q = 0;
      if (w == "current") y = a_.dct.year, q = a_.quarter();
      else reported_quarter(y, q);
      return dct_hit(i, k + 2, TimexType::Date, timecal::fmt_year(y) + "-Q" + std::to_string(q));
    }
  }
  // the 1990s, the '90s
  if (Opt h = number_first(k); h && t_.word(h->e - 1) == "s") return from_the(h);
  // the 19th century
  if (Opt h = century(k)) return from_the(h);
  // the same week last year, the same month a year earlier: that period of the DCT's year, a year back
  if (w == "same" && a_.known() && (is(k + 1, "week") || is(k + 1, "month") || is(k + 1, "day"))) {
    size_t q = k + 2, e = 0;
    if (is(q, "last") && is(q + 1, "year")) e = q + 2;
    else if (is(q, "a") && is(q + 1, "year") && (is(q + 2, "ago") || is(q + 2, "earlier"))) e = q + 3;
    if (e) {
      timecal::Ymd d = a_.day();
      std::string v = is(k + 1, "week") ? timecal::fmt_week(timecal::add_days(d, -364))
                      : is(k + 1, "month") ? timecal::fmt_month(d.y - 1, d.m)
                                           : timecal::fmt_day(d.y - 1, d.m, d.m == 2 && d.d == 29 ? 28 : d.d);
      return dct_hit(i, e, TimexType::Date, v);
    }
  }
  // the same day, the same week: the period of the last date named
  if (w == "same" && lex(k + 1, timelex::kUnit) && !plural(t_.word(k + 1)))
    if (Opt h = anaphor(i, k + 2, t_.toks[k + 1].lex->unit, 0)) return h;
  // "..., the day before." / "the day after," with no event named: a step from the last date named
  // "..., the year before." likewise for a week, a month or a year
  if (const Entry* u = lex(k, timelex::kUnit); u && !plural(w) && (u->unit == "D" || u->unit == "W" || u->unit == "M" ||
                                                                 u->unit == "Y") &&
      (is(k + 1, "before") || is(k + 1, "after")) && has(k + 2) && t_.toks[k + 2].kind == TokKind::Punct &&
      !punct(k + 2, '\''))
    if (Opt h = anaphor(i, k + 2, u->unit, is(k + 1, "before") ? -1 : 1)) return h;
  // the next morning, the following evening: a part of the day after the last day named
  if ((w == "next" || w == "following") && lex(k + 1, timelex::kDaypart) && !plural(t_.word(k + 1)))
    if (Opt h = anaphor(i, k + 2, "D", 1)) {
      h->type = TimexType::Time;
      h->value += "T" + t_.toks[k + 1].lex->daypart;
      return h;
    }
  // the following month, the next day, the previous year: a step from the last date named
  if ((w == "following" || w == "previous" || w == "preceding" || w == "prior" || (w == "next" && is(k + 1, "day"))) &&
      lex(k + 1, timelex::kUnit) && !plural(t_.word(k + 1))) {
    int step = w == "following" || w == "next" ? 1 : -1;
    // within the paragraph's reach (a few sentences); a date named far before, in another story
    // ("bonds due 1999 ... up from $25 the previous week"), leaves the step to the DCT
    if (Opt h = anaphor(i, k + 2, t_.toks[k + 1].lex->unit, step, previous_sentence_start(i, 4))) return h;
  }
  // the first two quarters of 1990, the last six months of 1989: a half or a quarter of that year
  if (is(k, "first") || is(k, "last")) {
    int n = 0;
    size_t e = 0;
    if (count_at(k + 1, n, e) && lex(e, timelex::kUnit) && plural(t_.word(e)) && is(e + 1, "of"))
      if (int y = year_at(e + 2)) {
        const std::string& unit = t_.toks[e].lex->unit;
        int months = unit == "Q" ? 3 * n : unit == "M" ? n : 0;
        bool last = is(k, "last");
        if (months == 3 || months == 6)
          return Hit{i, e + 3, TimexType::Date,
                     timecal::fmt_year(y) + (months == 6 ? (last ? "-H2" : "-H1") : (last ? "-Q4" : "-Q1"))};
      }
  }
  // the past two weeks, the last week, the coming days
  if (lex(k, timelex::kRel) && !is(k, "this")) {
    // the past three summers: every summer of them
    int n = 0;
    size_t e = 0;
    if ((w == "past" || w == "last") && count_at(k + 1, n, e) && n > 1 && has(e) && plural(t_.word(e))) {
      std::string_view season = t_.word(e).substr(0, t_.word(e).size() - 1);
      if (const Entry* s = timelex::lookup(season); s && (s->kinds & timelex::kSeason))
        return Hit{i, e + 1, TimexType::Set, "XXXX-" + s->season};
    }
    // "over the past year": TimeBank dates it to the year before the DCT's (the past week, month or
    // decade stay stretches of time)
    if (w == "past" && is(k + 1, "year") && a_.known())
      return dct_hit(i, k + 2, TimexType::Date, timeres::shift(a_, "Y", -1));
    // "in the past quarter": the quarter before the DCT's, as "the last quarter"
    if (w == "past" && is(k + 1, "quarter") && a_.known())
      return dct_hit(i, k + 2, TimexType::Date, timeres::shift(a_, "Q", -1));
    // "for the last week": the seven days up to the DCT, dated to the ISO week holding most of them
    // (the DCT's own from Thursday on); "the last week of March" is a part of the month
    if (w == "last" && is(k + 1, "week") && !is(k + 2, "of") && a_.known())
      return dct_hit(i, k + 2, TimexType::Date, timeres::shift(a_, "W", timecal::weekday(a_.day()) >= 4 ? 0 : -1));
    // "over the last decade", "in the next century", "for the next hour": the ten (hundred) years or the
    // hour up to or from the DCT, a stretch as "the past decade" is, not the calendar decade before or after
    if ((w == "last" || w == "next" || w == "coming") && lex(k + 1, timelex::kUnit) && !plural(t_.word(k + 1)) &&
        (t_.toks[k + 1].lex->unit == "DE" || t_.toks[k + 1].lex->unit == "CE" || t_.toks[k + 1].lex->unit == "H"))
      return dct_hit(i, k + 2, TimexType::Duration, duration_value(1, t_.toks[k + 1].lex->unit));
    Opt h = rel_first(k);
    if (h && h->value == "PRESENT_REF") return h;
    // each of the last three years: a set over those years
    if (h && h->type == TimexType::Duration && i >= 2 && is(i - 1, "of") && (is(i - 2, "each") || is(i - 2, "every")) &&
        h->value.size() >= 3 && h->value[0] == 'P' && h->value[1] != 'X' && h->value[1] != 'T')
      return Hit{i, h->e, TimexType::Set, "P1" + h->value.substr(h->value.find_first_not_of("0123456789", 1))};
    return from_the(h);
  }
  // the first nine months, the nine months
  size_t c = is(k, "first") || is(k, "last") || is(k, "initial") ? k + 1 : k;
  int n = 0;
  size_t e = 0;
  if (count_at(c, n, e) && !is(c, "a") && !is(c, "an") && lex(e, timelex::kUnit) && plural(t_.word(e))) {
    return dct_hit(i, e + 1, TimexType::Duration, duration_value(n, t_.toks[e].lex->unit));
  }
  if (const Entry* s = lex(k, timelex::kSeason); s && !(punct(k + 1, '-') && tight(k + 1))) {  // not "the fall-out"
    size_t y = is(k + 1, "of") ? k + 2 : k + 1;
    if (int yr = year_at(y)) return Hit{i, y + 1, TimexType::Date, timecal::fmt_year(yr) + "-" + s->season};
    // the spring of last year, the fall of next year
    if (const Entry* r = lex(y, timelex::kRel); r && y == k + 2 && is(y + 1, "year") &&
                                              (r->rel == Rel::Last || r->rel == Rel::Next || r->rel == Rel::This))
      return dct_hit(i, y + 2, TimexType::Date,
                     timeres::shift(a_, "Y", r->rel == Rel::Last ? -1 : r->rel == Rel::Next ? 1 : 0) + "-" + s->season);
    if (Opt sy = lex(y, timelex::kNumber) ? spoken_year(y) : std::nullopt)
      return Hit{i, sy->e, TimexType::Date, sy->value + "-" + s->season};
    // the fall of the city, the fall in prices: a decline, not the season
    if (is(k, "fall") && !t_.toks[k].cap && (is(k + 1, "of") || (is(k + 1, "in") && !year_at(k + 2)))) return std::nullopt;
    return dct_hit(i, k + 1, TimexType::Date, timeres::season(a_, s->season, Rel::None, tense(i, k + 1)));
  }
  if (w == "weekend") return weekend(i, k + 1, tense(i, k + 1));
  // "the year ended Sept. 30", "the quarter ending in June", "the year to August 1987": an accounting
  // period, a duration
  if (lex(k, timelex::kUnit) && (is(k + 1, "ended") || is(k + 1, "ending") ||
                                 (is(k + 1, "to") && lex(k + 2, timelex::kMonth) && has(k + 2) && t_.toks[k + 2].cap) ||
                                 (is(k + 1, "to") && num(k + 2) >= 1 && num(k + 2) <= 31 && lex(k + 3, timelex::kMonth))))
    return Hit{i, k + 1, TimexType::Duration, duration_value(1, t_.toks[k].lex->unit)};
  // over the years: an unspecified stretch reaching to the present
  if (w == "years" && i > 0 && is(i - 1, "over")) return Hit{i, k + 1, TimexType::Duration, "PXY"};
  // the year ahead, the week ahead: the stretch from the DCT on, as "the months ahead"
  if (const Entry* u = lex(k, timelex::kUnit); u && !plural(w) && is(k + 1, "ahead") &&
                                              (u->unit == "Y" || u->unit == "M" || u->unit == "W" || u->unit == "D"))
    return dct_hit(i, k + 2, TimexType::Duration, duration_value(1, u->unit));
  // the weeks ahead, the months ahead
  if (lex(k, timelex::kUnit) && plural(w) && is(k + 1, "ahead"))
    return Hit{i, k + 2, TimexType::Duration, duration_value(-1, t_.toks[k].lex->unit)};
  // the nineties
  if (const Entry* d = lex(k, timelex::kDecade)) return Hit{i, k + 1, TimexType::Date, "19" + std::to_string(d->decade)};
  // the nineteen eighties
  if (lex(k, timelex::kNumber))
    if (Opt sy = spoken_year(k); sy && sy->value.size() == 3) return from_the(sy);
  // the near term, the short term, the long term
  // (not a name: "the Long Term Grain Supply Agreement")
  if ((w == "near" || w == "short" || w == "long") && is(k + 1, "term") && !t_.toks[k].cap)
    return Hit{i, k + 2, TimexType::Date, "FUTURE_REF", {}, TimexAnchor::Dct};
  if (w == "year")
    if (Opt h = year_end(k)) return from_the(h);
  // the month of August: one expression, the month's
  if (w == "month" && is(k + 1, "of") && lex(k + 2, timelex::kMonth) && has(k + 2) && t_.toks[k + 2].cap)
    if (Opt h = month_first(k + 2)) return from_the(h);
  if (w == "year") {  // the year 2000, the year two thousand
    if (int y = year_at(k + 1)) return Hit{i, k + 2, TimexType::Date, timecal::fmt_year(y)};
    if (Opt sy = lex(k + 1, timelex::kNumber) ? spoken_year(k + 1) : std::nullopt) return from_the(sy);
  }
  if ((w == "year" || w == "week" || w == "month") && !(punct(k + 1, '-') && tight(k + 1))) {
    if (w == "year" && (is(k + 1, "before") || is(k + 1, "earlier") || is(k + 1, "after"))) return std::nullopt;
    return dct_hit(i, k + 1, TimexType::Date, timeres::shift(a_, t_.toks[k].lex->unit, 0));
  }
  return std::nullopt;
}

Opt Recognizer::edge(size_t i) {
  // the end of 2020, the beginning of the year, the middle of next week
  size_t k = i;
  std::string mod;
  if (is(k, "the")) ++k;
  if ((is(k, "end") || is(k, "beginning") || is(k, "start") || is(k, "middle")) && is(k + 1, "of") && (k > i || is(i, "end"))) {
    mod = t_.toks[k].lex->edge;
    k += 2;
  } else if (const Entry* e = lex(i, timelex::kEdge); e && k == i && !is(i, "end") && !is(i, "start") &&
                                                       !is(i, "beginning") && !is(i, "middle")) {
    mod = e->edge;
    k = i + 1;
    if (punct(k, '-') && tight(k)) ++k;  // mid-March
    // earlier/later only before this/next/last, today/yesterday or a date phrase: "later this year",
    // "earlier that day", "Later yesterday" (TimeBank and AQUAINT disagree on "Earlier Sunday": left out)
    bool day = lex(k, timelex::kDayrel);
    if ((is(i, "earlier") || is(i, "later")) && !lex(k, timelex::kRel) && !is(k, "in") && !is(k, "that") && !day)
      return std::nullopt;
    if (is(k, "in") && (is(i, "earlier") || is(i, "later") || is(i, "early") || is(i, "late"))) ++k;
  } else {
    return std::nullopt;
  }
  // mid-afternoon yesterday, late Friday evening: a part of an explicit day
  if (const Entry* p = lex(k, timelex::kDaypart)) {
    std::string day;
    size_t e = day_after(k + 1, k + 1, day);
    if (e == k + 1) return std::nullopt;
    return dct_hit(i, e, TimexType::Time, day + "T" + p->daypart, mod);
  }
  // the early summer, late fall
  bool season_ok = !is(k, "fall") || t_.toks[k].cap || year_at(k + 1) ||
                   (i > 0 && (is(i - 1, "the") || is(i - 1, "in") || is(i - 1, "by") || is(i - 1, "until")));
  if (const Entry* s = lex(k, timelex::kSeason); s && season_ok) {
    if (int yr = year_at(k + 1)) return Hit{i, k + 2, TimexType::Date, timecal::fmt_year(yr) + "-" + s->season, mod};
    return dct_hit(i, k + 1, TimexType::Date, timeres::season(a_, s->season, Rel::None, tense(i, k + 1)), mod);
  }
  // the end of the decade, the middle of the century: the DCT's
  if (is(k, "the") && (is(k + 1, "decade") || is(k + 1, "century")) && !is(k + 2, "of") && mod != "")
    return dct_hit(i, k + 2, TimexType::Date, timeres::shift(a_, t_.toks[k + 1].lex->unit, 0), mod);
  // the early nineties, the mid-eighties
  if (const Entry* d = lex(k, timelex::kDecade)) return Hit{i, k + 1, TimexType::Date, "19" + std::to_string(d->decade), mod};
  Opt h = match_core(k);
  if (!h || h->b != k || (h->type != TimexType::Date && h->type != TimexType::Time) || h->value.empty() ||
      h->value.find("_REF") != std::string::npos)
    return std::nullopt;
  h->b = i;
  h->mod = mod;
  return h;
}

}  // namespace sitrep::timerec
