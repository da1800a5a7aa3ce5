#include "time/calendar.h"

namespace sitrep::timecal {

// Howard Hinnant's civil calendar algorithms: exact over the whole proleptic Gregorian range.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Ymd civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Ymd add_days(Ymd a, long n) { return civil_from_days(days_from_civil(a.y, a.m, a.d) + n); }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return kDays[(m - 1) % 12];
}

Ymd add_months(Ymd a, int n) {
  int total = a.y * 12 + (a.m - 1) + n;
  Ymd r{total / 12, total % 12 + 1, a.d};
  if (r.d > days_in_month(r.y, r.m)) r.d = days_in_month(r.y, r.m);
  return r;
}

int weekday(Ymd a) {
  long z = days_from_civil(a.y, a.m, a.d);  // 1970-01-01 was a Thursday
  long w = (z % 7 + 7 + 3) % 7;             // Monday = 0
  return static_cast<int>(w) + 1;
}

void iso_week(Ymd a, int& iso_year, int& week) {
  // The ISO week belongs to the year of its Thursday.
  Ymd thursday = add_days(a, 4 - weekday(a));
  iso_year = thursday.y;
  long jan1 = days_from_civil(thursday.y, 1, 1);
  week = static_cast<int>((days_from_civil(thursday.y, thursday.m, thursday.d) - jan1) / 7 + 1);
}

Ymd nth_weekday(int y, int m, int wd, int n) {
  int first = weekday({y, m, 1});
  int day = 1 + (wd - first + 7) % 7 + 7 * (n - 1);
  return {y, m, day};
}

std::string two(int n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? "0" + s : s;
}

std::string fmt_year(int y) {
  if (y <= 0) return "XXXX";
  std::string s = std::to_string(y);
  while (s.size() < 4) s.insert(s.begin(), '0');
  return s;
}

std::string fmt_month(int y, int m) { return fmt_year(y) + "-" + (m ? two(m) : "XX"); }

std::string fmt_day(int y, int m, int d) { return fmt_month(y, m) + "-" + (d ? two(d) : "XX"); }

std::string fmt_day(Ymd a) { return fmt_day(a.y, a.m, a.d); }

std::string fmt_week(Ymd a) {
  int y = 0, w = 0;
  iso_week(a, y, w);
  return fmt_year(y) + "-W" + two(w);
}

bool is_day_value(const std::string& v) {
  auto digits = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  return v.size() >= 10 && digits(0, 4) && v[4] == '-' && digits(5, 7) && v[7] == '-' && digits(8, 10) &&
         (v.size() == 10 || v[10] == 'T');
}

}  // namespace sitrep::timecal
