#include "time/resolve.h"

namespace sitrep::timeres {

using namespace timecal;

std::string weekday(const Anchor& a, int wd, Tense t) {
  if (!a.known()) return "XXXX-WXX-" + std::to_string(wd);
  Ymd d = a.day();
  int cur = timecal::weekday(d);
  if (t == Tense::Future) return fmt_day(add_days(d, (wd - cur + 7) % 7));
  return fmt_day(add_days(d, -((cur - wd + 7) % 7)));
}

std::string weekday_rel(const Anchor& a, int wd, timelex::Rel r) {
  if (!a.known()) return "XXXX-WXX-" + std::to_string(wd);
  Ymd d = a.day();
  int cur = timecal::weekday(d);
  if (r == timelex::Rel::Next) {
    int k = (wd - cur + 7) % 7;
    return fmt_day(add_days(d, k == 0 ? 7 : k));
  }
  if (r == timelex::Rel::This) return fmt_day(add_days(d, wd - cur));
  int k = (cur - wd + 7) % 7;
  return fmt_day(add_days(d, k == 0 ? -7 : -k));
}

int year_for(const Anchor& a, int m, int d, Tense t, bool firm) {
  if (!a.known()) return 0;
  // The occurrence nearest the DCT, pulled five months toward the side the tense points to; a firm
  // tense (a past-tense verb governing the date: "the siege began in April" in February) never puts
  // it more than a month on the other side. Within a month of the DCT the tense is ignored, because
  // a reporting verb ("said") often carries the past tense of a date a few days ahead.
  long dct = days_from_civil(a.dct.year, a.dct.month, a.dct.day);
  int best = a.dct.year;
  long best_cost = 1L << 40;
  for (int y = a.dct.year - 1; y <= a.dct.year + 1; ++y) {
    long dist = days_from_civil(y, m, d ? d : 15) - dct;
    if (!d && y == a.dct.year && m == a.dct.month) dist = 0;
    long cost = dist < 0 ? -dist : dist;
    if (t == Tense::Past && dist > 31) cost += 250;
    if (t == Tense::Future && dist < -31) cost += 250;
    // a firm past: not a day after the DCT, nor a month not yet begun
    long first = days_from_civil(y, m, d ? d : 1) - dct;
    if (firm && t == Tense::Past && first > (d ? 1 : 0)) cost += 1000;
    if (cost < best_cost) best_cost = cost, best = y;
  }
  return best;
}

int year_not_after(const Anchor& a, int m, int d) {
  if (!a.known()) return 0;
  bool later = m > a.dct.month || (m == a.dct.month && d > a.dct.day);
  return later ? a.dct.year - 1 : a.dct.year;
}

void reported_quarter(const Anchor& a, int& year, int& q) {
  year = a.dct.year;
  q = a.quarter() - 1;
  if (q == 0) q = 4, --year;
}

std::string shift(const Anchor& a, const std::string& unit, int n) {
  if (!a.known()) {
    if (unit == "Y") return "XXXX";
    if (unit == "M") return "XXXX-XX";
    if (unit == "W") return "XXXX-WXX";
    if (unit == "Q") return "XXXX-QX";
    if (unit == "WE") return "XXXX-WXX-WE";
    if (unit == "DE" || unit == "CE") return "XXXX";
    return "XXXX-XX-XX";
  }
  Ymd d = a.day();
  if (unit == "D") return fmt_day(add_days(d, n));
  if (unit == "W") return fmt_week(add_days(d, 7L * n));
  if (unit == "WE") return fmt_week(add_days(d, 7L * n)) + "-WE";
  if (unit == "M") {
    Ymd m = add_months({d.y, d.m, 1}, n);
    return fmt_month(m.y, m.m);
  }
  if (unit == "Q") {
    int idx = d.y * 4 + (a.quarter() - 1) + n;
    return fmt_year(idx / 4) + "-Q" + std::to_string(idx % 4 + 1);
  }
  if (unit == "Y") return fmt_year(d.y + n);
  if (unit == "DE") return std::to_string((d.y + 10 * n) / 10);
  if (unit == "CE") return std::to_string((d.y + 100 * n) / 100);
  if (unit == "H" || unit == "MIN" || unit == "S") return fmt_day(d);
  return fmt_day(d);
}

std::string season(const Anchor& a, const std::string& s, timelex::Rel r, Tense t) {
  if (!a.known()) return "XXXX-" + s;
  static constexpr const char* kByMonth[] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                             "SU", "SU", "FA", "FA", "FA", "WI"};
  auto order = [](const std::string& x) { return x == "SP" ? 0 : x == "SU" ? 1 : x == "FA" ? 2 : 3; };
  int y = a.dct.year;
  int cur = order(kByMonth[a.dct.month - 1]);
  if (a.dct.month <= 2) cur = -1;  // January/February belong to the winter that began last year
  int want = order(s);
  if (r == timelex::Rel::Last) {
    if (want >= cur) --y;
  } else if (r == timelex::Rel::None && t == Tense::Past) {
    if (want > cur) --y;
  } else if (r == timelex::Rel::Next || (r == timelex::Rel::None && t == Tense::Future)) {
    if (want <= cur) ++y;
  }
  return fmt_year(y) + "-" + s;
}

}  // namespace sitrep::timeres
