#include "time/timex.h"

#include <algorithm>

#include "time/recognizer.h"

namespace sitrep {

const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::Date: return "DATE";
    case TimexType::Time: return "TIME";
    case TimexType::Duration: return "DURATION";
    case TimexType::Set: return "SET";
  }
  return "DATE";
}

const char* to_string(TimexAnchor a) {
  switch (a) {
    case TimexAnchor::Absolute: return "absolute";
    case TimexAnchor::Dct: return "dct";
    case TimexAnchor::None: return "none";
  }
  return "none";
}

DocTime anchor_from(const PubDate& date) {
  if (date.precision != DatePrecision::Day) return {};
  return {date.year, date.month, date.day};
}

std::vector<Timex> tag_timexes(std::string_view text, const DocTime& dct) {
  return timerec::Recognizer(text, dct).run();
}

namespace timerec {

std::string duration_value(int n, const std::string& unit) {
  std::string count = n < 0 ? "X" : std::to_string(n);
  if (unit == "H") return "PT" + count + "H";
  if (unit == "MIN") return "PT" + count + "M";
  if (unit == "S") return "PT" + count + "S";
  // TimeBank writes decades and centuries in years.
  if (unit == "DE") return n < 0 ? "PXDE" : "P" + std::to_string(10 * n) + "Y";
  if (unit == "CE") return n < 0 ? "PXCE" : "P" + std::to_string(100 * n) + "Y";
  if (unit == "WE") return "P" + (n < 0 ? count : std::to_string(2 * n)) + "D";
  return "P" + count + unit;
}

Recognizer::Recognizer(std::string_view text, const DocTime& dct)
    : text_(text), t_(timescan::tokenize(text)), a_{dct} {}

bool Recognizer::lost_apostrophe(size_t i) const {
  // "the site of Saturdays blast", "Tuesdays casualties come ...": a day's possessive whose
  // apostrophe the text lost, when the word opens its sentence or follows a preposition and a
  // lower-case word other than a verb or function word follows ("on Saturdays", "Tuesdays are")
  const timescan::Tok& k = t_.toks[i];
  bool opens = i == 0 || t_.toks[i - 1].sentence != k.sentence;
  static constexpr std::string_view kPrepositions[] = {"of", "after", "since", "before", "following", "despite", "over", "in", "during"};
  if (!opens && !(i > 0 && is_any(i - 1, kPrepositions))) return false;
  if (!has(i + 1) || t_.toks[i + 1].kind != TokKind::Word || t_.toks[i + 1].cap || t_.toks[i + 1].lex) return false;
  static constexpr std::string_view kNot[] = {"and", "or", "are", "were", "is", "was", "be", "have", "had", "through",
                                              "thru", "to", "at", "in", "on", "from", "until", "till", "only", "the",
                                              "a", "an", "of", "for", "with", "when", "as", "off", "too", "also",
                                              "will", "would", "can", "could", "may", "might", "tend", "remain", "saw"};
  return !is_any(i + 1, kNot) && !t_.word(i + 1).ends_with("ly");
}

int Recognizer::year_at(size_t i) const {
  int v = num(i);
  if (v < 1000 || v > 2199 || digits(i) != 4) return 0;
  return v;
}

size_t Recognizer::skip_ordinal_suffix(size_t i) const {
  if (tight(i) && (is(i, "th") || is(i, "st") || is(i, "nd") || is(i, "rd"))) return i + 1;
  return i;
}

bool Recognizer::quarterly(size_t i) const {
  // "For the nine months, net was ... a year earlier": a year-to-date figure, not a quarter's
  const uint32_t s = t_.toks[i].sentence;
  for (size_t k = i; k-- > 0 && t_.toks[k].sentence == s;)
    if (is(k, "months") || (is(k, "half") && k > 0 && lex(k - 1, timelex::kOrdinal))) return false;
  return context_mentions(i, "quarter");
}

bool Recognizer::context_mentions(size_t i, std::string_view w) const {
  // The last few sentences: earnings reports name the quarter once, near the top.
  size_t b = i > 150 ? i - 150 : 0, e = std::min(size(), i + 20);
  for (size_t k = b; k < e; ++k)
    if (t_.word(k) == w) return true;
  return false;
}

bool Recognizer::count_at(size_t i, int& value, size_t& end) const {
  if (int v = num(i); v >= 0 && digits(i) <= 4) {
    value = v, end = i + 1;
    return true;
  }
  if (is(i, "a") && is(i + 1, "few")) return value = -2, end = i + 2, true;
  if (is(i, "a") && is(i + 1, "couple") && is(i + 2, "of")) return value = 2, end = i + 3, true;
  if (is(i, "a") && is(i + 1, "dozen")) return value = 12, end = i + 2, true;
  if (lex(i, timelex::kQuant)) return value = -2, end = i + 1, true;
  const Entry* e = lex(i, timelex::kNumber);
  if (!e || is(i, "half") || is(i, "couple") || is(i, "dozen")) return false;
  value = e->number, end = i + 1;
  // "twenty four", "twenty-four", "two hundred"
  if (value >= 20 && value % 10 == 0 && value < 100) {
    size_t k = punct(end, '-') && tight(end) ? end + 1 : end;
    if (const Entry* o = lex(k, timelex::kNumber); o && o->number >= 1 && o->number <= 9 && !is(k, "a") && !is(k, "an"))
      value += o->number, end = k + 1;
  }
  if (is(end, "hundred") && value < 100) value *= 100, ++end;
  return true;
}

Hit Recognizer::dct_hit(size_t b, size_t e, TimexType type, std::string value, std::string mod) const {
  return Hit{b, e, type, std::move(value), std::move(mod), a_.known() ? TimexAnchor::Dct : TimexAnchor::None};
}

bool Recognizer::title(const Hit& h) const {
  // A unit or "today" capitalized inside running text names a programme or a paper: CBS's "60 Minutes",
  // ABC's "This Week", USA Today. In a title-case headline the word before is capitalized too.
  bool sentence_start = h.b == 0 || t_.toks[h.b - 1].sentence != t_.toks[h.b].sentence || t_.toks[h.b].newline;
  if (sentence_start) return false;
  const size_t p = h.b - 1;
  bool after_quote = t_.toks[p].kind == TokKind::Punct && (text_[t_.toks[p].b] == '"' || text_[t_.toks[p].b] == '\'' ||
                                                           static_cast<unsigned char>(text_[t_.toks[p].b]) == 0xE2);
  bool after_name = t_.toks[p].kind == TokKind::Word && t_.toks[p].cap;
  for (size_t k = h.b; k < h.e; ++k) {
    if (!t_.toks[k].cap || !(lex(k, timelex::kUnit) || lex(k, timelex::kDayrel))) continue;
    // "the Week's Damon Linker": a lower-case article before a capitalized unit names a title
    if (k == h.b + 1 && is(h.b, "the") && !t_.toks[h.b].cap) return true;
    if (k > h.b && after_quote) return true;
    if (k == h.b && h.e == h.b + 1 && lex(k, timelex::kDayrel) && after_name) return true;
  }
  return false;
}

Opt Recognizer::match(size_t i) {
  if (Opt h = edge(i)) return h;
  // Modifiers of quantities stay inside the extent ("about three years", "more than a decade ago").
  std::string mod;
  size_t j = i;
  if (const Entry* e = lex(i, timelex::kApprox)) mod = e->approx, j = i + 1;
  else if (is(i, "no") && (is(i + 1, "more") || is(i + 1, "less") || is(i + 1, "fewer")) && is(i + 2, "than"))
    mod = is(i + 1, "more") ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE", j = i + 3;
  else if ((is(i, "more") || is(i, "less") || is(i, "fewer")) && is(i + 1, "than"))
    mod = is(i, "more") ? "MORE_THAN" : "LESS_THAN", j = i + 2;
  else if (is(i, "at") && is(i + 1, "least")) mod = "EQUAL_OR_MORE", j = i + 2;
  else if (is(i, "up") && is(i + 1, "to")) mod = "EQUAL_OR_LESS", j = i + 2;
  if (j > i) {
    Opt h = match_core(j);
    if (h && (h->type == TimexType::Duration || t_.word(h->e - 1) == "ago")) {
      h->b = i;
      if (h->mod.empty()) h->mod = mod;
      return h;
    }
    return std::nullopt;
  }
  Opt h = match_core(i);
  // "the next year or so": the approximation stays inside
  if (h && h->e > i && is(h->e, "or") && is(h->e + 1, "so") && (h->type == TimexType::Duration || h->type == TimexType::Date)) {
    h->e += 2;
    if (h->mod.empty()) h->mod = "APPROX";
  }
  return h;
}

Opt Recognizer::match_core(size_t i) {
  if (!has(i)) return std::nullopt;  // "about" or "up to" was the text's last word
  const timescan::Tok& k = t_.toks[i];
  if (k.kind == TokKind::Punct) {
    if (punct(i, '\'') && num(i + 1) >= 0 && digits(i + 1) == 2 && tight(i + 1)) return number_first(i);
    return std::nullopt;
  }
  if (k.kind == TokKind::Number) {
    if (Opt h = clock(i)) return h;
    if (Opt h = century(i)) return h;
    if (Opt h = quarter(i)) return h;
    if (Opt h = quarter_code(i)) return h;
    if (Opt h = number_first(i)) return h;
    if (Opt h = second_day(i)) return h;
    return quantity(i);
  }
  // yearlong, weeklong, daylong: one unit
  if (!k.lex && t_.word(i).ends_with("long") && t_.word(i).size() > 6) {
    std::string_view w = t_.word(i);
    if (const timelex::Entry* u = timelex::lookup(w.substr(0, w.size() - 4)); u && (u->kinds & timelex::kUnit))
      return Hit{i, i + 1, TimexType::Duration, duration_value(1, u->unit)};
  }
  // on Sundays, Mondays: every such day
  if (!k.lex && k.cap && k.e - k.b >= 7 && t_.word(i).back() == 's') {
    std::string_view w = t_.word(i);
    if (const timelex::Entry* d = timelex::lookup(w.substr(0, w.size() - 1)); d && (d->kinds & timelex::kWeekday)) {
      if (lost_apostrophe(i)) return dct_hit(i, i + 1, TimexType::Date, timeres::weekday(a_, d->weekday, cue_or_tense(i, i + 1)));
      return Hit{i, i + 1, TimexType::Set, "XXXX-WXX-" + std::to_string(d->weekday)};
    }
  }
  if (k.cap && (is(i, "q") || is(i, "h") || is(i, "fy")))
    if (Opt h = quarter_code(i)) return h;
  if (is(i, "soon")) return soon(i);
  // more recently, most recently: the comparison belongs to the vague reference ("right now" is
  // annotated both ways, mostly without "right": left to the "now" rule)
  if ((is(i, "more") || is(i, "most")) && is(i + 1, "recently"))
    return Hit{i, i + 2, TimexType::Date, "PAST_REF", {}, TimexAnchor::Dct};
  if (!k.lex && !is(i, "fiscal") && !is(i, "every") && !is(i, "each") && !is(i, "per") && !is(i, "the") &&
      !is(i, "noon") && !is(i, "midnight") && !is(i, "midday") && !is(i, "year") && !is(i, "prior") && !is(i, "future") &&
      !is(i, "these") && !is(i, "that") && !is(i, "election") && !is(i, "present") && !is(i, "then") && !(k.cap && (is(i, "easter") || is(i, "good") ||
      is(i, "independence") || is(i, "veterans") || is(i, "labor") || is(i, "memorial") || is(i, "new"))))
    return std::nullopt;
  if (k.cap)
    if (Opt h = named_day(i)) return h;
  if (is(i, "the")) return the_first(i);
  if (is(i, "that")) return that_unit(i);
  if (lex(i, timelex::kOrdinal))
    if (Opt h = century(i)) return h;
  if (lex(i, timelex::kMonth)) {
    if (Opt h = month_first(i)) return h;
  }
  if (lex(i, timelex::kWeekday)) {
    if (Opt h = weekday_first(i)) return h;
  }
  if (lex(i, timelex::kDayrel)) return dayrel(i);
  if (lex(i, timelex::kRel)) {
    if (Opt h = rel_first(i)) return h;
  }
  if (Opt h = quarter(i)) return h;
  if (Opt h = holiday(i)) return h;
  if (Opt h = year_earlier(i)) return h;
  if (Opt h = year_end(i)) return h;
  if (lex(i, timelex::kNumber))
    if (Opt h = spoken_year(i)) return h;
  if (Opt h = vague_or_set(i)) return h;
  if (is(i, "fiscal") && year_at(i + 1)) return Hit{i, split_year_end(i + 1), TimexType::Date, std::to_string(year_at(i + 1))};
  return quantity(i);
}

std::vector<Timex> Recognizer::run() {
  hits_.clear();
  for (size_t i = 0; i < size();) {
    if (Opt h = match(i); h && h->e > i) {
      i = h->e;
      if (!title(*h)) hits_.push_back(std::move(*h));
    } else {
      ++i;
    }
  }
  std::vector<Hit>& hits = hits_;
  // A date followed by its clock time ("14 July, 2020 - 08:45") is one TIME.
  std::vector<Timex> out;
  out.reserve(hits.size());
  for (size_t k = 0; k < hits.size(); ++k) {
    Hit& h = hits[k];
    if (k + 1 < hits.size() && h.type == TimexType::Date && h.value.size() == 10 && h.value[0] != 'X') {
      Hit& n = hits[k + 1];
      size_t gap = n.b - h.e;
      bool joined = gap == 0 || (gap == 1 && (punct(h.e, '-') || punct(h.e, ',') || is(h.e, "at")));
      if (joined && n.type == TimexType::Time && n.value.size() > 10 && n.value[10] == 'T' && n.anchor != TimexAnchor::Absolute) {
        h.type = TimexType::Time;
        h.value += n.value.substr(10);
        h.e = n.e;
        ++k;
      }
    }
    Timex x;
    x.span = {t_.toks[h.b].b, t_.toks[h.e - 1].e};
    x.type = h.type;
    x.value = std::move(h.value);
    x.mod = std::move(h.mod);
    x.anchor = h.anchor;
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace timerec
}  // namespace sitrep
