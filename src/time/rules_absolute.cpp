// Calendar dates, years, decades, clock times, quarters and holidays.
#include "time/recognizer.h"

namespace sitrep::timerec {

using timecal::fmt_day;
using timecal::fmt_month;
using timecal::fmt_year;

namespace {
// A written-out date: year 0 = not stated (taken from the DCT and the tense).
struct CalDate {
  int y = 0, m = 0, d = 0;
};
}  // namespace

bool Recognizer::month_ok(size_t i) const {
  const timescan::Tok& k = t_.toks[i];
  std::string_view w = t_.word(i);
  bool full = w.size() >= 5 || w == "may" || w == "june" || w == "july";
  bool upper = k.e - k.b > 1 && text_[k.b + 1] >= 'A' && text_[k.b + 1] <= 'Z';
  if (!k.cap && !upper) return false;
  bool next_num = num(i + 1) >= 0 || (punct(i + 1, '.') && num(i + 2) >= 0);
  if (!full) return next_num || (punct(i + 1, '.') && tight(i + 1));
  // "May" and "March" are also a modal and a verb: want a date context.
  if (w == "may" || w == "march") {
    if (next_num) return true;
    if (i == 0) return false;
    if (int d = num(i - 1); d >= 1 && d <= 31 && digits(i - 1) <= 2) return true;  // 24 May
    std::string_view p = t_.word(i - 1);
    return p == "in" || p == "of" || p == "since" || p == "until" || p == "by" || p == "last" || p == "next" ||
           p == "this" || p == "early" || p == "late" || p == "mid" || p == "-" || p == "from" || p == "through" ||
           p == "during" || p == "and" || p == "or" || p == "," || p == "to" || p == "before" || p == "after" ||
           p == "the" || p == "for" || p == "following";
  }
  return true;
}

Opt Recognizer::month_first(size_t i) {
  if (!month_ok(i)) return std::nullopt;
  int m = t_.toks[i].lex->month;
  size_t k = i + 1;
  std::string_view w = t_.word(i);
  bool abbreviation = w.size() <= 4 && w != "may" && w != "june" && w != "july";
  if (abbreviation && punct(k, '.') && tight(k)) ++k;
  int d = num(k);
  if (d >= 1 && d <= 31 && digits(k) <= 2) {
    size_t e = skip_ordinal_suffix(k + 1);
    size_t y = punct(e, ',') ? e + 1 : e;
    if (int year = year_at(y)) return Hit{i, y + 1, TimexType::Date, fmt_day(year, m, d)};
    int year = range_year(i, m, d);
    if (!year && a_.known()) year = since(i) ? timeres::year_not_after(a_, m, d) : year_of(i, e, m, d);
    return dct_hit(i, e, TimexType::Date, fmt_day(year, m, d));
  }
  // "Last updated at Jul 012016": a day and year whose comma and space a scraper dropped, the day
  // written with two digits
  if (int v = num(k); digits_at(k, 6) && v >= 10000) {
    int day = v / 10000, year = v % 10000;
    if (day >= 1 && day <= timecal::days_in_month(year, m) && year >= 1900 && year <= 2199)
      return Hit{i, k + 1, TimexType::Date, fmt_day(year, m, day)};
  }
  size_t y = is(k, "of") ? k + 1 : punct(k, ',') ? k + 1 : k;
  if (int year = year_at(y)) return Hit{i, y + 1, TimexType::Date, fmt_month(year, m)};
  // February next year, March of last year, June this year: that month of the year named
  if (const Entry* r = lex(y, timelex::kRel); r && is(y + 1, "year") && !punct(k, ',') &&
                                              (r->rel == timelex::Rel::Next || r->rel == timelex::Rel::Last ||
                                               r->rel == timelex::Rel::This) && !is(y, "past") && !is(y, "coming"))
    return dct_hit(i, y + 2, TimexType::Date,
                   fmt_month(a_.known() ? a_.dct.year + (r->rel == timelex::Rel::Next ? 1 : r->rel == timelex::Rel::Last ? -1 : 0) : 0, m));
  if (lex(y, timelex::kNumber))
    if (Opt sy = spoken_year(y)) return Hit{i, sy->e, TimexType::Date, fmt_month(std::stoi(sy->value), m)};
  int year = range_year(i, m, 0);
  if (!year && a_.known()) {
    if (since(i)) year = timeres::year_not_after(a_, m, 0);
    // "for March delivery", "June shipment", "the December contract": a month naming when a trade is
    // to be settled modifies its noun, not the verb, and lies ahead whatever the verb's tense
    else if (attributive_month(k)) year = timeres::year_for(a_, m, 0, Tense::Future);
    // "Anderson will describe a June meeting": a month before its noun dates the noun, not the verb's
    // act ahead; the nearest June (a past verb still dates it: "evidence in the October slaying")
    else if (noun_month(i, k) && cue_or_tense(i, k) == Tense::Future) year = timeres::year_for(a_, m, 0, Tense::Unknown);
    else year = year_of(i, k, m, 0);
  }
  return dct_hit(i, k, TimexType::Date, fmt_month(year, m));
}

bool Recognizer::attributive_month(size_t k) const {
  static constexpr std::string_view kHeads[] = {
      "delivery", "deliveries", "shipment", "shipments", "contract", "contracts", "futures", "options", "position",
      "positions", "loading", "loadings", "arrival", "arrivals", "expiry", "expiration", "maturity", "maturities",
      "settlement"};
  if (!has(k) || t_.toks[k].kind != TokKind::Word || t_.toks[k].cap) return false;
  for (std::string_view h : kHeads)
    if (is(k, h)) return true;
  return false;
}

bool Recognizer::noun_month(size_t i, size_t k) const {
  if (i == 0 || !has(k) || t_.toks[k].kind != TokKind::Word || t_.toks[k].cap || t_.toks[k].lex) return false;
  static constexpr std::string_view kDeterminers[] = {"a", "an", "the", "its", "his", "her", "their", "our"};
  static constexpr std::string_view kNot[] = {"of", "and", "or", "to", "in", "on", "at", "for", "with", "is", "was",
                                              "are", "were", "has", "had", "will", "that", "when", "as", "by"};
  return is_any(i - 1, kDeterminers) && !is_any(k, kNot);
}

int Recognizer::range_year(size_t i, int m, int d) const {
  // "from August to October", "March 3 - April 5": the end comes after the start
  if (i < 2 || hits_.empty() || !a_.known()) return 0;
  const Hit& p = hits_.back();
  bool joined = p.e == i - 1 && (is(i - 1, "to") || is(i - 1, "until") || is(i - 1, "through") || is(i - 1, "and") ||
                                 is(i - 1, "till") || punct(i - 1, '-'));
  // "SYRACUSE, N.Y., Oct 20 - Oct 3 end ...": the dash after a dateline is no range
  if (joined && punct(i - 1, '-')) {
    size_t k = p.b;
    while (k > 0 && p.b - k < 8 && !t_.toks[k].newline &&
           ((t_.toks[k - 1].kind == TokKind::Word && t_.toks[k - 1].cap) || punct(k - 1, ',') || punct(k - 1, '.')))
      --k;
    if (k < p.b && (k == 0 || t_.toks[k].newline)) joined = false;
  }
  // a list of months in order with no verb between: "six cts for April, four cts for May" (the months
  // of one schedule stay in one year, or run on into the next)
  bool listed = false;
  if (!joined && p.e < i && i - p.e <= 4 && lex(p.b, timelex::kMonth) && p.type == TimexType::Date) {
    bool sep = false, verbless = true;
    for (size_t k = p.e; k < i; ++k) {
      std::string_view w = t_.word(k);
      if (t_.toks[k].sentence != t_.toks[i].sentence || punct(k, ';') || punct(k, ':') || punct(k, '(')) verbless = false;
      if (punct(k, ',') || w == "and") sep = true;
      if (lex(k, timelex::kTense) || (w.size() > 3 && w.ends_with("ed"))) verbless = false;
    }
    listed = joined = sep && verbless;
  }
  if (listed && p.value.size() >= 7 && p.value[0] >= '0' && p.value[0] <= '9' && m <= std::stoi(p.value.substr(5, 2)))
    return 0;  // a list out of order is no schedule
  const std::string& v = p.value;
  if (!joined || p.type != TimexType::Date || !lex(p.b, timelex::kMonth) || v.size() < 7 || v[4] != '-' ||
      v[0] < '0' || v[0] > '9')
    return 0;
  int py = std::stoi(v.substr(0, 4)), pm = std::stoi(v.substr(5, 2)), pd = v.size() >= 10 ? std::stoi(v.substr(8, 2)) : 0;
  return (m > pm || (m == pm && d >= pd)) ? py : py + 1;
}

Opt Recognizer::number_first(size_t i) {
  // '90s
  if (punct(i, '\'')) {
    if (is(i + 2, "s") && tight(i + 2)) {
      int dec = 1900 + num(i + 1);
      return Hit{i, i + 3, TimexType::Date, std::to_string(dec / 10)};
    }
    return std::nullopt;
  }
  int v = num(i);
  if (v < 0) return std::nullopt;
  // ISO 2020-07-14 and US 7/14/2020
  if (int y = year_at(i); y && punct(i + 1, '-') && tight(i + 1) && num(i + 2) >= 1 && num(i + 2) <= 12 &&
                          tight(i + 2) && punct(i + 3, '-') && num(i + 4) >= 1 && num(i + 4) <= 31 && tight(i + 4))
    return Hit{i, i + 5, TimexType::Date, fmt_day(y, num(i + 2), num(i + 4))};
  if (v >= 1 && v <= 12 && punct(i + 1, '/') && tight(i + 1) && num(i + 2) >= 1 && num(i + 2) <= 31 &&
      punct(i + 3, '/') && tight(i + 3) && year_at(i + 4) && tight(i + 4))
    return Hit{i, i + 5, TimexType::Date, fmt_day(year_at(i + 4), v, num(i + 2))};
  // 14 July, 2020 · 5th of March · 14 July
  if (v >= 1 && v <= 31 && digits(i) <= 2) {
    size_t k = skip_ordinal_suffix(i + 1);
    if (is(k, "of")) ++k;
    if (lex(k, timelex::kMonth) && month_ok(k)) {
      int m = t_.toks[k].lex->month;
      size_t e = k + 1;
      std::string_view mw = t_.word(k);  // the period of "14 Sept." belongs to it, not that of "24 June."
      if (punct(e, '.') && tight(e) && mw.size() <= 4 && mw != "may" && mw != "june" && mw != "july") ++e;
      size_t y = punct(e, ',') ? e + 1 : e;
      if (int year = year_at(y)) return Hit{i, y + 1, TimexType::Date, fmt_day(year, m, v)};
      int year = a_.known() ? year_of(i, e, m, v) : 0;
      return dct_hit(i, e, TimexType::Date, fmt_day(year, m, v));
    }
  }
  // the 80s, mid-80s (not "in his 80s": an age)
  if (v % 10 == 0 && digits(i) == 2 && is(i + 1, "s") && tight(i + 1) && i > 0 &&
      (is(i - 1, "the") || (punct(i - 1, '-') && i > 1 && lex(i - 2, timelex::kEdge)))) {
    int century = v < 30 && a_.known() && 2000 + v <= a_.dct.year ? 200 : 190;
    return Hit{i, i + 2, TimexType::Date, std::to_string(century + v / 10)};
  }
  // the 80's, the 1970's, mid-1980's (the older style): a decade after "the" or an edge; elsewhere
  // "1980's" may be the year's possessive ("1989's third quarter")
  bool decade_s = v % 10 == 0 && punct(i + 1, '\'') && tight(i + 1) && is(i + 2, "s") && tight(i + 2) && i > 0 &&
                  (is(i - 1, "the") || lex(i - 1, timelex::kEdge) || (punct(i - 1, '-') && i > 1 && lex(i - 2, timelex::kEdge)));
  if (decade_s && digits(i) == 2)
    return Hit{i, i + 3, TimexType::Date, std::to_string((v < 30 && a_.known() && 2000 + v <= a_.dct.year ? 200 : 190) + v / 10)};
  int y = year_at(i);
  if (!y) return std::nullopt;
  // 1990s
  if ((is(i + 1, "s") && tight(i + 1)) || decade_s) return Hit{i, decade_s ? i + 3 : i + 2, TimexType::Date, std::to_string(y / 10)};
  // Not a year: $2020, 2020%, 1,500 (already not plain), 2020 people is left to chance.
  if (i > 0 && (punct(i - 1, '$') || punct(i - 1, '#'))) return std::nullopt;
  if (punct(i + 1, '%') || is(i + 1, "percent") || punct(i + 1, ':') || (punct(i + 1, '.') && num(i + 2) >= 0 && tight(i + 2)))
    return std::nullopt;
  if (y < 1900 && !(i > 0 && (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "of")))) return std::nullopt;
  if (counted(i)) return std::nullopt;
  return Hit{i, split_year_end(i), TimexType::Date, fmt_year(y)};
}

bool Recognizer::counted(size_t i) const {
  // "in 2000 troops arrived", "since 1990 prices rose": a preposition of time makes it a year
  static constexpr std::string_view kOfTime[] = {"in", "since", "by", "until", "from", "during", "of", "before", "after"};
  if (i > 0 && is_any(i - 1, kOfTime)) return false;
  if (!has(i + 1) || t_.toks[i + 1].kind != TokKind::Word || t_.toks[i + 1].cap || t_.toks[i + 1].lex) return false;
  static constexpr std::string_view kAmount[] = {"than", "least", "most", "nearly", "almost", "about", "around",
                                                 "approximately", "roughly", "some", "another", "additional", "estimated"};
  if (i > 0 && is_any(i - 1, kAmount)) return true;
  static constexpr std::string_view kCounted[] = {
      "people", "persons", "civilians", "troops", "soldiers", "fighters", "refugees", "migrants", "children", "men",
      "women", "residents", "families", "workers", "jobs", "members", "employees", "homes", "houses", "cases",
      "deaths", "students", "protesters", "demonstrators", "militants", "rebels", "prisoners", "police", "officers",
      "tonnes", "tons", "barrels", "shares", "votes", "vehicles", "casualties", "victims", "detainees", "inmates"};
  return is_any(i + 1, kCounted);
}

size_t Recognizer::split_year_end(size_t i) const {
  // 1986/87, 1988-89: a season or fiscal year across two calendar years, named by its first; the
  // second part is no count of its own ("the 1986/87 year" is not 87 years)
  int y = year_at(i);
  if (y && (punct(i + 1, '/') || punct(i + 1, '-')) && tight(i + 1) && tight(i + 2) && digits_at(i + 2, 2) &&
      num(i + 2) == (y + 1) % 100)
    return i + 3;
  return i + 1;
}

Opt Recognizer::weekday_first(size_t i) {
  const timescan::Tok& k = t_.toks[i];
  if (t_.word(i).size() <= 4 && !k.cap) return std::nullopt;  // "wed", "sat" as words
  int wd = k.lex->weekday;
  size_t j = i + 1;
  // a newspaper: the Sunday Times, the Sunday Telegraph, the Monday Herald
  if (k.cap && has(j) && t_.toks[j].cap && t_.toks[j].kind == TokKind::Word) {
    static constexpr std::string_view kPapers[] = {"times",    "telegraph", "express", "herald", "mail",  "post",
                                                   "tribune",  "independent", "observer", "star", "mirror", "sun"};
    for (std::string_view p : kPapers)
      if (is(j, p)) return std::nullopt;
  }
  if (punct(j, '.') && tight(j) && t_.word(i).size() <= 4) ++j;
  // Tuesday, 14 July, 2020 · Monday, Oct. 16
  size_t d = punct(j, ',') ? j + 1 : j;
  // Wednesday the 19th of February
  if (is(d, "the") && num(d + 1) >= 1 && num(d + 1) <= 31 && skip_ordinal_suffix(d + 2) > d + 2 &&
      (is(skip_ordinal_suffix(d + 2), "of") || lex(skip_ordinal_suffix(d + 2), timelex::kMonth)))
    ++d;
  if (Opt h = lex(d, timelex::kMonth) ? month_first(d) : number_first(d)) {
    if (h->value.size() == 10) {
      h->b = i;
      return h;
    }
  }
  // "on a Saturday", "a Sunday morning": some such day, not a particular one; but in "a Sunday
  // night vigil" the article is the vigil's and the day a particular one
  if (i > 0 && is(i - 1, "a") && t_.toks[i - 1].sentence == k.sentence && !modifies_noun(lex(j, timelex::kDaypart) ? j + 1 : j)) {
    std::string any = "XXXX-WXX-" + std::to_string(wd);
    if (const Entry* p = lex(j, timelex::kDaypart)) return Hit{i, j + 1, TimexType::Time, any + "T" + p->daypart};
    return Hit{i, j, TimexType::Date, any};
  }
  std::string day = timeres::weekday(a_, wd, cue_or_tense(i, j));
  // "next Tuesday and Wednesday": the second day follows the first, in its week
  if (i >= 2 && !hits_.empty() && a_.known() && (is(i - 1, "and") || is(i - 1, "or") || is(i - 1, "through"))) {
    const Hit& p = hits_.back();
    if (p.e == i - 1 && p.type == TimexType::Date && p.value.size() == 10 && lex(p.b, timelex::kRel) &&
        lex(p.e - 1, timelex::kWeekday)) {
      timecal::Ymd prev{std::stoi(p.value.substr(0, 4)), std::stoi(p.value.substr(5, 2)), std::stoi(p.value.substr(8, 2))};
      int gap = (wd - timecal::weekday(prev) + 7) % 7;
      if (gap > 0) day = fmt_day(timecal::add_days(prev, gap));
    }
  }
  if (const Entry* p = lex(j, timelex::kDaypart)) return dct_hit(i, j + 1, TimexType::Time, day + "T" + p->daypart);
  return dct_hit(i, j, TimexType::Date, day);
}

bool Recognizer::modifies_noun(size_t e) const {
  // The next word, in the same sentence with nothing between, lower case and a content word: not
  // a function word ("on a Saturday in May", "a Sunday when"), a participle or a time word.
  static constexpr std::string_view kFunction[] = {
      "in",   "on",    "at",   "of",    "to",   "for",   "by",    "with", "from",  "and",   "or",   "but",
      "when", "while", "that", "which", "who",  "where", "after", "before", "as",  "than",  "until", "the",
      "a",    "an",    "is",   "was",   "were", "will",  "would", "had",  "has",   "have",  "be",   "been",
      "he",   "she",   "they", "we",    "it",   "i",     "you",   "his",  "her",   "their", "this", "last",
      "next", "into",  "during", "since", "if", "so",    "not",   "there"};
  if (!has(e) || t_.toks[e].kind != TokKind::Word || t_.toks[e].cap || !t_.toks[e].space || t_.toks[e].lex) return false;
  if (e == 0 || t_.toks[e].sentence != t_.toks[e - 1].sentence) return false;
  std::string_view w = t_.word(e);
  if (w.ends_with("ed")) return false;
  return !is_any(e, kFunction);
}

bool Recognizer::zone_at(size_t e) const {
  if (!has(e) || t_.toks[e].kind != TokKind::Word || !t_.toks[e].cap) return false;
  std::string_view z = t_.word(e);
  return z == "est" || z == "edt" || z == "gmt" || z == "utc" || z == "pst" || z == "pdt" || z == "cet" || z == "cst" ||
         z == "msk" || z == "bst" || z == "cdt" || z == "mst" || z == "mdt";
}

size_t Recognizer::spelled_zone_end(size_t e) const {
  // eastern daylight time, Eastern Standard Time, Moscow time, local time, British summer time
  static constexpr std::string_view kRegions[] = {"eastern", "central", "mountain", "pacific", "atlantic", "greenwich",
                                                  "british", "moscow",  "local",    "european", "israel",  "tehran"};
  if (!is_any(e, kRegions)) return e;
  size_t k = e + 1;
  if (is(k, "daylight") || is(k, "standard") || is(k, "summer") || is(k, "mean")) ++k;
  return is(k, "time") ? k + 1 : e;
}

Opt Recognizer::clock(size_t i) {
  // 1620 EDT, 2020 GMT: the wire services' four-digit clock, known by its zone (not the year 2020)
  if (digits_at(i, 4) && num(i) % 100 < 60 && num(i) / 100 < 24 && zone_at(i + 1)) {
    std::string hm = "T" + timecal::two(num(i) / 100) + ":" + timecal::two(num(i) % 100);
    return dct_hit(i, i + 2, TimexType::Time, (a_.known() ? fmt_day(a_.day()) : "XXXX-XX-XX") + hm);
  }
  int h = num(i), mi = 0;
  if (h < 0 || h > 24 || digits(i) > 2) return std::nullopt;
  size_t e = i + 1;
  bool colon = false;
  if (punct(e, ':') && tight(e) && num(e + 1) >= 0 && num(e + 1) < 60 && digits(e + 1) == 2 && tight(e + 1)) {
    mi = num(e + 1), e += 2, colon = true;
    if (punct(e, ':') && tight(e) && num(e + 1) >= 0 && digits(e + 1) == 2) e += 2;  // seconds, dropped
  }
  // a.m. / p.m. / am / pm
  int ampm = 0;
  if ((is(e, "a") || is(e, "p")) && punct(e + 1, '.') && tight(e + 1) && is(e + 2, "m") && tight(e + 2)) {
    ampm = is(e, "a") ? 1 : 2;
    e += 3;
    if (punct(e, '.') && tight(e)) ++e;
  } else if (is(e, "am") || is(e, "pm")) {
    ampm = is(e, "am") ? 1 : 2;
    ++e;
  }
  if (!colon && !ampm) return std::nullopt;
  if (ampm && (h < 1 || h > 12)) return std::nullopt;
  // Zones are part of the extent; the value stays local time, as TimeML writes it.
  if (zone_at(e)) ++e;
  else e = spelled_zone_end(e);
  if (ampm == 2 && h != 12) h += 12;
  if (ampm == 1 && h == 12) h = 0;
  std::string hm = "T" + timecal::two(h) + ":" + timecal::two(mi);
  std::string day;
  size_t end = day_after(i, e, day);
  return dct_hit(i, end, TimexType::Time, day + hm);
}

bool Recognizer::past_verb_governs(size_t b) const {
  // back over the date's own modifiers and one preposition: "in early", "on", "in mid -"
  size_t k = b;
  auto skippable = [&](size_t j) { return is(j, "early") || is(j, "late") || is(j, "mid") || punct(j, '-') || is(j, "the"); };
  while (k > 0 && b - k < 3 && skippable(k - 1)) --k;
  if (k == 0 || !(is(k - 1, "in") || is(k - 1, "on") || is(k - 1, "during") || is(k - 1, "from"))) return false;
  // a fronted adverbial dates the main clause's verb: "In December, the bank lost money"
  if (k == 1 || t_.toks[k - 2].sentence != t_.toks[k - 1].sentence) {
    size_t e = b + 1;
    while (has(e) && t_.toks[e].sentence == t_.toks[b].sentence && (num(e) >= 0 || punct(e, '.'))) ++e;  // Dec. 7
    return punct(e, ',');
  }
  // a past verb at v, not the participle of a plan or of a present passive ("will be held", "is heard")
  auto past_verb = [&](size_t v) {
    if (t_.toks[v].sentence != t_.toks[b].sentence || t_.toks[v].kind != TokKind::Word || t_.toks[v].cap) return false;
    std::string_view w = t_.word(v);
    const Entry* e = lex(v, timelex::kTense);
    bool past = e ? e->tense == Tense::Past && w != "had" && w != "has" && w != "have" && w != "been" && w != "was" &&
                        w != "were" && w != "did" && w != "last" && w != "ago" && w != "yesterday"
                  : w.ends_with("ed") && !w.starts_with("un") && (w.size() > 4 || (w.size() == 4 && w[1] != 'e'));
    if (!past || v == 0 || t_.toks[v - 1].sentence != t_.toks[v].sentence) return past;
    std::string_view p = t_.word(v - 1);
    return !(p == "be" || p == "been" || p == "is" || p == "are" || p == "am" || p == "being" || p == "to" || p == "will" ||
             p == "would" || p == "ll" || p == "shall" || p == "can" || p == "could" || p == "may" || p == "might" ||
             p == "must" || p == "should");
  };
  size_t v = k - 2;
  std::string_view w = t_.word(v);
  // "they said from September a body will ...": "from" opens the reported clause, it does not date the
  // report ("said in March" does)
  if ((w == "said" || w == "told" || w == "added") && is(k - 1, "from")) return false;
  if (past_verb(v)) return true;
  // the verb and its object before the date: "forces attacked Tripoli in March", "sold the unit in
  // May" -- back over a few words of the object, not across a clause, an infinitive or a modal
  for (size_t j = v; j-- > 0 && v - j <= 4 && t_.toks[j].sentence == t_.toks[b].sentence;) {
    const timescan::Tok& t = t_.toks[j + 1];
    if (t.kind == TokKind::Punct || lex(j + 1, timelex::kTense)) return false;  // a clause break or another verb
    std::string_view x = t_.word(j);
    if (x == "to" || x == "that" || x == "which" || x == "who" || x == "will" || x == "would" || x == "said" ||
        x == "told" || x == "says" || x == "and" || x == "or" || x == "but")
      return false;
    if (t_.toks[j].kind == TokKind::Punct) return false;
    // a verb takes its object next: a determiner, a name, a number or a pronoun ("attacked Tripoli", "sold
    // the unit"); an -ed word before a common noun describes it ("preferred shares", "armed forces")
    std::string_view o = t_.word(j + 1);
    bool object = t.cap || t.kind == TokKind::Number || o == "the" || o == "a" || o == "an" || o == "its" || o == "his" ||
                  o == "her" || o == "their" || o == "our" || o == "this" || o == "these" || o == "those" ||
                  o == "some" || o == "all" || o == "him" || o == "them" || o == "it" || o == "us";
    if (object && past_verb(j)) {
      // and no plan further back in the clause: "said it will redeem preferred shares on Oct. 31"
      for (size_t q = j; q-- > 0 && j - q <= 4 && t_.toks[q].sentence == t_.toks[b].sentence;) {
        std::string_view x = t_.word(q);
        if (x == "will" || x == "would" || x == "to" || x == "ll" || x == "shall") return false;
        if (t_.toks[q].kind == TokKind::Punct) break;
      }
      return true;
    }
  }
  return false;
}

Tense Recognizer::deadline_cue(size_t b) const {
  if (b == 0) return Tense::Unknown;
  if (is(b - 1, "since")) return Tense::Past;
  // "until Tuesday" sets a deadline, but a fronted "Until Tuesday, they had not ..." looks back
  bool fronted = b == 1 || t_.toks[b - 2].sentence != t_.toks[b - 1].sentence;
  if ((is(b - 1, "until") || is(b - 1, "till") || is(b - 1, "til")) && !fronted) {
    // "did not begin until Monday": the wait is over, the verb's tense decides
    for (size_t d = 2; d <= 7 && b >= d && t_.toks[b - d].sentence == t_.toks[b - 1].sentence; ++d)
      if (is(b - d, "did") || is(b - d, "didn") || is(b - d, "wasn") || is(b - d, "weren") || is(b - d, "hadn"))
        return Tense::Unknown;
    return Tense::Future;
  }
  // as early as / as soon as / as late as Tuesday; no later than Tuesday
  if (b >= 3 && is(b - 1, "as") && is(b - 3, "as") && (is(b - 2, "early") || is(b - 2, "soon") || is(b - 2, "late")))
    return Tense::Future;
  if (b >= 3 && is(b - 1, "than") && is(b - 2, "later") && is(b - 3, "no")) return Tense::Future;
  return Tense::Unknown;
}

size_t Recognizer::day_after(size_t b, size_t e, std::string& day) {
  // 9 a.m. on Friday, 12:01 a.m. eastern daylight time on March 23, 2018
  size_t d = punct(e, ',') || (is(e, "on") && (lex(e + 1, timelex::kWeekday) || lex(e + 1, timelex::kMonth)) && has(e + 1) &&
                               t_.toks[e + 1].cap)
                 ? e + 1
                 : e;
  if (lex(d, timelex::kMonth))
    if (Opt h = month_first(d); h && h->value.size() == 10) {
      day = h->value;
      return h->e;
    }
  if (lex(d, timelex::kWeekday) && t_.toks[d].cap) {
    Tense tn = deadline_cue(b);
    if (tn == Tense::Unknown) tn = tense(d, d + 1);
    day = timeres::weekday(a_, t_.toks[d].lex->weekday, tn);
    return d + 1;
  }
  if (const Entry* r = lex(d, timelex::kDayrel); r && !is(d, "tonight")) {
    day = a_.known() ? timeres::shift(a_, "D", r->dayrel) : "XXXX-XX-XX";
    // 9 a.m. tomorrow morning: the part of the day adds nothing to the clock time
    return lex(d + 1, timelex::kDaypart) && t_.word(d + 1).back() != 's' ? d + 2 : d + 1;
  }
  // 10:30 this morning, 10 p.m. last night, 8 a.m. tomorrow morning, 9 p.m. tonight: that day
  if (e == d && b < e) {
    const Entry* r = lex(d, timelex::kRel);
    int shift = 0;
    size_t part = d + 1;
    if (r && r->rel == timelex::Rel::This) shift = 0;
    else if (r && r->rel == timelex::Rel::Last && is(d + 1, "night")) shift = -1;
    else part = 0;
    if (is(d, "tonight")) shift = 0, part = d;
    if (part && (part == d || lex(part, timelex::kDaypart)) && t_.word(part).back() != 's') {
      day = a_.known() ? timeres::shift(a_, "D", shift) : "XXXX-XX-XX";
      return part + 1;
    }
  }
  // "on Friday, starting at 9 a.m.", "On Monday the talks began at 10:30": a clock time without its
  // own day is on the last day named before it in its sentence, else on the DCT
  for (size_t k = hits_.size(); k-- > 0;) {
    const Hit& h = hits_[k];
    if (h.e > b || t_.toks[h.b].sentence != t_.toks[b].sentence) break;
    if (timecal::is_day_value(h.value)) {
      day = h.value.substr(0, 10);
      return e;
    }
  }
  day = a_.known() ? fmt_day(a_.day()) : "XXXX-XX-XX";
  return e;
}

Opt Recognizer::quarter(size_t i) {
  // [fiscal] [YEAR] ordinal[-]quarter|half [of [fiscal] YEAR]
  size_t k = i;
  int year = 0;
  if (is(k, "fiscal")) {
    ++k;
    if (punct(k, '-') && tight(k) && tight(k + 1)) ++k;  // the fiscal-first quarter
  }
  if (int y = year_at(k); y && (lex(k + 1, timelex::kOrdinal) || num(k + 1) >= 0)) year = y, ++k;
  // 1989's third quarter
  else if (int y2 = year_at(k); y2 && punct(k + 1, '\'') && tight(k + 1) && is(k + 2, "s") && lex(k + 3, timelex::kOrdinal))
    year = y2, k += 3;
  int ord = 0;
  if (const Entry* o = lex(k, timelex::kOrdinal)) ord = o->ordinal, ++k;
  else if (is(k, "latter") && is(k + 1, "half")) ord = 2, ++k;  // the latter half: the second
  else if (is(k, "final") && is(k + 1, "quarter")) ord = 4, ++k;  // the final quarter: the fourth
  else if (int v = num(k); v >= 1 && v <= 4 && skip_ordinal_suffix(k + 1) > k + 1) ord = v, k = k + 2;
  if (ord < 1) return std::nullopt;
  if (punct(k, '-') && tight(k)) ++k;
  bool half = is(k, "half");
  if (!(is(k, "quarter") || half) || ord > (half ? 2 : 4)) return std::nullopt;
  size_t e = k + 1;
  int step = 0;
  bool relative_year = false;
  if (is(e, "of")) {
    size_t y = is(e + 1, "fiscal") ? e + 2 : e + 1;
    if (int v = year_at(y)) year = v, e = y + 1;
    // the first half of next year, the fourth quarter of this year
    else if (const Entry* r = lex(y, timelex::kRel); r && is(y + 1, "year") && (r->rel == timelex::Rel::Next ||
                                                                               r->rel == timelex::Rel::Last ||
                                                                               r->rel == timelex::Rel::This))
      relative_year = true, step = r->rel == timelex::Rel::Next ? 1 : r->rel == timelex::Rel::Last ? -1 : 0, e = y + 2;
    // the second half of the year: one expression, the year left to the DCT and the tense as below
    else if (is(y, "the") && is(y + 1, "year") && !is(y + 2, "before") && !is(y + 2, "earlier") && !is(y + 2, "after") &&
             !is(y + 2, "ended") && !is(y + 2, "ending"))
      e = y + 2;
  }
  // the first quarter last year, the second half next year
  if (!year && !relative_year && e == k + 1)
    if (const Entry* r = lex(e, timelex::kRel); r && is(e + 1, "year") && !is(e, "past") && !is(e, "coming") &&
                                              (r->rel == timelex::Rel::Next || r->rel == timelex::Rel::Last ||
                                               r->rel == timelex::Rel::This))
      relative_year = true, step = r->rel == timelex::Rel::Next ? 1 : r->rel == timelex::Rel::Last ? -1 : 0, e += 2;
  if (relative_year) {
    std::string v = fmt_year(a_.known() ? a_.dct.year + step : 0) + (half ? "-H" : "-Q") + std::to_string(ord);
    return dct_hit(i, e, TimexType::Date, v);
  }
  bool absolute = year != 0;
  if (!year && a_.known()) {
    int cur = half ? (a_.dct.month - 1) / 6 + 1 : a_.quarter();
    year = a_.dct.year;
    if (ord > cur && tense(i, e) != Tense::Future) --year;
  }
  std::string v = fmt_year(year) + (half ? "-H" : "-Q") + std::to_string(ord);
  if (absolute) return Hit{i, e, TimexType::Date, v};
  return dct_hit(i, e, TimexType::Date, v);
}

int Recognizer::short_year(size_t i) const {
  int v = num(i);
  if (v < 0 || digits(i) != 2) return 0;
  // the century that puts it nearest the DCT, no more than 20 years ahead of it
  if (!a_.known()) return v >= 50 ? 1900 + v : 2000 + v;
  int y = a_.dct.year / 100 * 100 + v;
  return y > a_.dct.year + 20 ? y - 100 : y;
}

Opt Recognizer::quarter_code(size_t i) {
  int ord = 0;
  bool half = false;
  size_t k = i;
  if (t_.toks[i].kind == TokKind::Word && t_.toks[i].cap && (is(i, "q") || is(i, "h")) && tight(i + 1) &&
      digits_at(i + 1, 1)) {
    half = is(i, "h");
    ord = num(i + 1), k = i + 2;
  } else if (digits_at(i, 1) && tight(i + 1) && is(i + 1, "q") && t_.toks[i + 1].cap) {
    ord = num(i), k = i + 2;  // 3Q, 3Q89
  } else if (t_.toks[i].kind == TokKind::Word && t_.toks[i].cap && is(i, "fy")) {
    // FY2020, FY 2020, FY89: a fiscal year, written as its year
    size_t y = i + 1;
    int year = year_at(y) ? year_at(y) : tight(y) ? short_year(y) : 0;
    if (!year || (has(y + 1) && tight(y + 1) && t_.toks[y + 1].kind != TokKind::Punct)) return std::nullopt;
    return Hit{i, y + 1, TimexType::Date, fmt_year(year)};
  }
  if (ord < 1 || ord > (half ? 2 : 4)) return std::nullopt;
  int year = 0;
  size_t e = k;
  if (has(k) && tight(k) && t_.toks[k].kind != TokKind::Punct) {
    // 3Q89; but not a longer code: H1N1, Q35
    if (!(is(i + 1, "q") && (year = short_year(k)))) return std::nullopt;
    e = k + 1;
  } else {
    size_t y = is(k, "of") || (punct(k, '/') && tight(k)) ? k + 1 : k;
    if (is(y, "fy") && tight(y + 1)) ++y;  // Q3 FY2020
    if (int v = year_at(y)) year = v, e = y + 1;
    else if (punct(y, '\'') && tight(y + 1) && (year = short_year(y + 1))) e = y + 2;
  }
  // H1 and H2 are also hydrogen, visas and headings: a half year only with its year
  if (half && !year) return std::nullopt;
  std::string part = (half ? "-H" : "-Q") + std::to_string(ord);
  if (year) return Hit{i, e, TimexType::Date, fmt_year(year) + part};
  if (!a_.known()) return dct_hit(i, e, TimexType::Date, "XXXX" + part);
  year = a_.dct.year;
  if (ord > a_.quarter() && tense(i, e) != Tense::Future) --year;
  return dct_hit(i, e, TimexType::Date, fmt_year(year) + part);
}

namespace {
// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
timecal::Ymd easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}
}  // namespace

Opt Recognizer::named_day(size_t i) {
  // Holidays named by two words or computed: Easter, Good Friday, Independence Day, New Year's Day ...
  if (!has(i) || !t_.toks[i].cap) return std::nullopt;
  size_t e = 0;
  int m = 0, d = 0, offset = 0;                 // fixed day m-d, or ...
  int nth = 0, wd = 0;                          // ... the nth (-1: last) weekday wd of month m, or ...
  bool is_easter = false;                       // ... Easter + offset
  bool week = false;
  auto cap = [&](size_t k) { return has(k) && t_.toks[k].cap; };
  if (is(i, "easter")) {
    is_easter = true, e = i + 1;
    if (is(e, "sunday") || is(e, "day")) ++e;
    else if (is(e, "monday")) offset = 1, ++e;
    else if (is(e, "week")) week = true, ++e;
  } else if (is(i, "good") && is(i + 1, "friday") && cap(i + 1)) {
    is_easter = true, offset = -2, e = i + 2;
  } else if (is(i + 1, "day") && cap(i + 1)) {
    e = i + 2;
    if (is(i, "independence")) m = 7, d = 4;
    else if (is(i, "veterans")) m = 11, d = 11;
    else if (is(i, "labor")) m = 9, nth = 1, wd = 1;
    else if (is(i, "memorial")) m = 5, nth = -1, wd = 1;
    else return std::nullopt;
  } else if (is(i, "new") && is(i + 1, "year") && cap(i + 1) && punct(i + 2, '\'') && is(i + 3, "s")) {
    e = i + 4, m = 1, d = 1;
    if (is(e, "day") && cap(e)) ++e;
    else if (is(e, "eve") && cap(e)) m = 12, d = 31, ++e;
    else return std::nullopt;  // "New Year's resolutions"
  } else {
    return std::nullopt;
  }
  auto day_in = [&](int yr) -> timecal::Ymd {
    if (is_easter) return timecal::add_days(easter(yr), offset);
    if (nth > 0) return timecal::nth_weekday(yr, m, wd, nth);
    if (nth < 0) {  // the last such weekday: a week before the first of the next month's
      timecal::Ymd first = timecal::nth_weekday(m == 12 ? yr + 1 : yr, m == 12 ? 1 : m + 1, wd, 1);
      return timecal::add_days(first, -7);
    }
    return {yr, m, d};
  };
  size_t y = punct(e, ',') ? e + 1 : e;
  int year = year_at(y);
  bool absolute = year != 0;
  if (absolute) e = y + 1;
  if (!year && a_.known()) {
    timecal::Ymd guess = day_in(a_.dct.year);
    year = year_of(i, e, guess.m, guess.d);
  }
  if (!year) return dct_hit(i, e, TimexType::Date, week ? "XXXX-WXX" : "XXXX-XX-XX");
  timecal::Ymd day = day_in(year);
  std::string v = week ? timecal::fmt_week(day) : fmt_day(day);
  if (absolute) return Hit{i, e, TimexType::Date, v};
  return dct_hit(i, e, TimexType::Date, v);
}

Opt Recognizer::holiday(size_t i) {
  // Lexicon value "MM-DD" (fixed day) or "MM/n/w" (n-th weekday w of the month).
  const Entry* h = lex(i, timelex::kHoliday);
  // US Election Day: the Tuesday after the first Monday of November
  static const std::string kElection = "11/1/1";
  bool election = is(i, "election") && t_.toks[i].cap && is(i + 1, "day") && has(i + 1) && t_.toks[i + 1].cap;
  if (!election && (!h || !t_.toks[i].cap)) return std::nullopt;
  const std::string& code = election ? kElection : h->holiday;
  bool nth = code.size() == 6 && code[2] == '/';
  if (!nth && code.size() != 5) return std::nullopt;
  int m = std::stoi(code.substr(0, 2));
  auto day_in = [&](int yr) {
    return nth ? timecal::nth_weekday(yr, m, code[5] - '0', code[3] - '0').d : std::stoi(code.substr(3));
  };
  size_t e = i + 1;
  if (is(e, "day")) ++e;
  int eve = election ? 1 : 0;
  if (is(e, "eve")) eve -= 1, ++e;
  size_t y = punct(e, ',') ? e + 1 : e;
  int year = year_at(y);
  bool absolute = year != 0;
  if (absolute) e = y + 1;
  if (!year && a_.known()) year = timeres::year_for(a_, m, day_in(a_.dct.year), tense(i, e));
  if (!year) return dct_hit(i, e, TimexType::Date, nth ? fmt_month(0, m) : "XXXX-" + code);
  timecal::Ymd d = timecal::add_days({year, m, day_in(year)}, eve);
  if (absolute) return Hit{i, e, TimexType::Date, fmt_day(d)};
  return dct_hit(i, e, TimexType::Date, fmt_day(d));
}

Opt Recognizer::second_day(size_t i) {
  // "April 24 and 25": the bare day after a dated day, in the same month
  int v = num(i);
  if (v < 1 || v > 31 || digits(i) > 2 || i < 2 || hits_.empty()) return std::nullopt;
  if (!(is(i - 1, "and") || is(i - 1, "or") || is(i - 1, "through"))) return std::nullopt;
  const Hit& p = hits_.back();
  if (p.e != i - 1 || p.type != TimexType::Date || p.value.size() != 10 || num(p.e - 1) < 0) return std::nullopt;
  if (lex(i + 1, timelex::kMonth) || lex(i + 1, timelex::kUnit) || punct(i + 1, '%') || is(i + 1, "percent"))
    return std::nullopt;
  size_t e = skip_ordinal_suffix(i + 1);
  return Hit{i, e, TimexType::Date, p.value.substr(0, 8) + timecal::two(v), {}, p.anchor};
}

Opt Recognizer::century(size_t i) {
  int c = 0;
  size_t e = i;
  if (int v = num(i); v > 0 && v < 30) {
    e = skip_ordinal_suffix(i + 1);
    if (e == i + 1) return std::nullopt;
    c = v;
  } else if (const Entry* o = lex(i, timelex::kOrdinal)) {
    c = o->ordinal, e = i + 1;
  }
  if (!c || !is(e, "century")) return std::nullopt;
  return Hit{i, e + 1, TimexType::Date, timecal::two(c - 1)};
}

Opt Recognizer::spoken_year(size_t i) {
  const Entry* first = lex(i, timelex::kNumber);
  if (!first) return std::nullopt;
  // nineteen eighties: a decade
  if ((first->number == 19 || first->number == 18) && lex(i + 1, timelex::kDecade) && !lex(i + 1, timelex::kNumber))
    return Hit{i, i + 2, TimexType::Date, std::to_string(first->number) + std::to_string(t_.toks[i + 1].lex->decade)};
  if ((first->number == 19 || first->number == 18) && lex(i + 1, timelex::kNumber)) {
    int tens = t_.toks[i + 1].lex->number;
    if (tens < 20 || tens % 10 != 0 || tens > 90) return std::nullopt;
    size_t e = i + 2;
    size_t k = punct(e, '-') && tight(e) ? e + 1 : e;
    int ones = 0;
    if (const Entry* o = lex(k, timelex::kNumber); o && o->number >= 1 && o->number <= 9 && !is(k, "a") && !is(k, "an"))
      ones = o->number, e = k + 1;
    return Hit{i, e, TimexType::Date, fmt_year(first->number * 100 + tens + ones)};
  }
  if (first->number == 2 && is(i + 1, "thousand") && !lex(i + 2, timelex::kUnit)) {
    size_t e = i + 2;
    int add = 0;
    if (const Entry* o = lex(e, timelex::kNumber); o && o->number >= 1 && o->number <= 9 && !is(e, "a") && !is(e, "an"))
      add = o->number, ++e;
    if (!add && !(i > 0 && (is(i - 1, "year") || is(i - 1, "in") || is(i - 1, "by") || is(i - 1, "until"))))
      return std::nullopt;
    return Hit{i, e, TimexType::Date, fmt_year(2000 + add)};
  }
  return std::nullopt;
}

}  // namespace sitrep::timerec
