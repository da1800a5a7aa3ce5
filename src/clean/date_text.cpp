#include "clean/date_text.h"

#include <array>
#include <cctype>
#include <string>

namespace sitrep {
namespace {

struct Tok {
  std::string_view s;
  size_t begin, end;
  bool digit;
};

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)); }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// Words and numbers with their offsets; a trailing '.' stays with abbreviations ("Feb.").
std::vector<Tok> tokens(std::string_view t) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < t.size()) {
    if (is_alpha(t[i])) {
      size_t b = i;
      while (i < t.size() && is_alpha(t[i])) ++i;
      out.push_back({t.substr(b, i - b), b, i, false});
    } else if (is_digit(t[i])) {
      size_t b = i;
      while (i < t.size() && is_digit(t[i])) ++i;
      out.push_back({t.substr(b, i - b), b, i, true});
    } else {
      ++i;
    }
  }
  return out;
}

int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> names = {"january", "february", "march", "april", "may", "june",
                                                              "july", "august", "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  std::string l(w);
  for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t m = 0; m < 12; ++m) {
    if (l == names[m]) return static_cast<int>(m) + 1;
    // Abbreviations: Jan, Feb, Sept, ...; "May" and "March" only in full (they are words too).
    if (l.size() <= 4 && names[m].substr(0, l.size()) == l && m != 4 && l != "mar") return static_cast<int>(m) + 1;
  }
  return 0;
}

int number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ordinal_suffix(std::string_view w) { return w == "st" || w == "nd" || w == "rd" || w == "th"; }

// Only spaces, commas, periods and "of" may sit between the parts of one date.
bool joined(std::string_view text, const Tok& a, const Tok& b) {
  if (b.begin - a.end > 3) return false;
  for (size_t i = a.end; i < b.begin; ++i)
    if (text[i] != ' ' && text[i] != ',' && text[i] != '.') return false;
  return true;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text) {
  std::vector<DateMention> out;
  // ISO dates first: 2020-07-14.
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1])) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
        is_digit(text[i + 3]) && text[i + 4] == '-' && is_digit(text[i + 5]) && is_digit(text[i + 6]) &&
        text[i + 7] == '-' && is_digit(text[i + 8]) && is_digit(text[i + 9])) {
      int y = number(text.substr(i, 4)), m = number(text.substr(i + 5, 2)), d = number(text.substr(i + 8, 2));
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) out.push_back({y, m, d, i, i + 10});
      i += 9;
    }
  }
  auto toks = tokens(text);
  auto year_at = [&](size_t k) {
    if (k >= toks.size() || !toks[k].digit || toks[k].s.size() != 4) return 0;
    int y = number(toks[k].s);
    return y >= 1900 && y <= 2100 ? y : 0;
  };
  auto day_at = [&](size_t k, size_t& used) {
    used = 0;
    if (k >= toks.size() || !toks[k].digit || toks[k].s.size() > 2) return 0;
    int d = number(toks[k].s);
    if (d < 1 || d > 31) return 0;
    used = 1;
    if (k + 1 < toks.size() && !toks[k + 1].digit && toks[k + 1].begin == toks[k].end && ordinal_suffix(toks[k + 1].s))
      used = 2;
    return d;
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].digit) {
      // 14 July, 2020
      size_t used = 0;
      int d = day_at(k, used);
      if (!d || k + used >= toks.size()) continue;
      const Tok& mt = toks[k + used];
      int m = month_of(mt.s);
      if (!m || !joined(text, toks[k + used - 1], mt)) continue;
      int y = (k + used + 1 < toks.size() && joined(text, mt, toks[k + used + 1])) ? year_at(k + used + 1) : 0;
      size_t end = y ? toks[k + used + 1].end : mt.end;
      out.push_back({y, m, d, toks[k].begin, end});
      k += used + (y ? 1 : 0);
      continue;
    }
    int m = month_of(toks[k].s);
    if (!m || k + 1 >= toks.size() || !joined(text, toks[k], toks[k + 1])) continue;
    // Capitalised month names only: "march" and "may" are verbs too.
    if (!std::isupper(static_cast<unsigned char>(toks[k].s[0]))) continue;
    size_t used = 0;
    int d = day_at(k + 1, used);
    if (d) {
      size_t last = k + used;
      int y = (last + 1 < toks.size() && joined(text, toks[last], toks[last + 1])) ? year_at(last + 1) : 0;
      size_t end = y ? toks[last + 1].end : toks[last].end;
      out.push_back({y, m, d, toks[k].begin, end});
      k = last + (y ? 1 : 0);
    } else if (int y = year_at(k + 1)) {
      out.push_back({y, m, 0, toks[k].begin, toks[k + 1].end});
      k += 1;
    }
  }
  return out;
}

std::optional<PubDate> parse_date_value(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  if (v.empty()) return std::nullopt;
  PubDate d;
  // ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm...]
  if (v.size() >= 4 && is_digit(v[0]) && is_digit(v[1]) && is_digit(v[2]) && is_digit(v[3]) && (v.size() == 4 || !is_digit(v[4]))) {
    d.year = number(v.substr(0, 4));
    d.precision = DatePrecision::Year;
    if (v.size() >= 7 && (v[4] == '-' || v[4] == '/') && is_digit(v[5]) && is_digit(v[6])) {
      d.month = number(v.substr(5, 2));
      d.precision = DatePrecision::Month;
      if (v.size() >= 10 && v[7] == v[4] && is_digit(v[8]) && is_digit(v[9])) {
        d.day = number(v.substr(8, 2));
        d.precision = DatePrecision::Day;
      }
    }
    if (d.year < 1800 || d.year > 2100 || d.month > 12 || d.day > 31) return std::nullopt;
    if (d.precision != DatePrecision::Year && d.month == 0) return std::nullopt;
    return d;
  }
  // RFC 1123 and prose: "Tue, 14 Jul 2020 08:45:00 GMT", "July 14, 2020".
  auto found = find_dates(v);
  for (const auto& f : found) {
    if (!f.year) continue;
    d.year = f.year;
    d.month = f.month;
    d.day = f.day;
    d.precision = f.day ? DatePrecision::Day : DatePrecision::Month;
    return d;
  }
  return std::nullopt;
}

}  // namespace sitrep
