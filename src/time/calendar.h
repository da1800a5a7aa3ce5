// time: proleptic Gregorian arithmetic for normalization (day counts, weekdays, ISO weeks) and
// the TimeML value formats. Pure functions, no tables.
#pragma once
#include <string>

namespace sitrep::timecal {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

long days_from_civil(int y, int m, int d);
Ymd civil_from_days(long z);
Ymd add_days(Ymd a, long n);
Ymd add_months(Ymd a, int n);  // day clamped to the month's length
int days_in_month(int y, int m);
int weekday(Ymd a);             // Monday = 1 .. Sunday = 7
void iso_week(Ymd a, int& iso_year, int& week);
Ymd nth_weekday(int y, int m, int weekday, int n);  // n-th (1-based) weekday of a month

// TimeML value strings; a zero field (or y == 0) prints as X's.
std::string fmt_year(int y);
std::string fmt_month(int y, int m);
std::string fmt_day(int y, int m, int d);
std::string fmt_day(Ymd a);
std::string fmt_week(Ymd a);  // ISO week containing a: "2020-W28"
std::string two(int n);
// A day of a known year, "YYYY-MM-DD", alone or with its time ("2020-07-13T08:45", "...TNI").
bool is_day_value(const std::string& v);

}  // namespace sitrep::timecal
