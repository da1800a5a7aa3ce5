// time: anchoring underspecified and relative expressions on the DCT and the tense.
// Each function returns a TimeML value; without a DCT the unknown parts stay X's.
#pragma once
#include <string>

#include "time/calendar.h"
#include "time/lexicon.h"
#include "time/timex.h"

namespace sitrep::timeres {

using timecal::Ymd;
using timelex::Tense;

struct Anchor {
  DocTime dct;
  bool known() const { return dct.known(); }
  Ymd day() const { return {dct.year, dct.month, dct.day}; }
  int quarter() const { return (dct.month - 1) / 3 + 1; }
};

// "on Monday": past (or no cue) = the latest such day on or before the DCT, future = the next on
// or after it.
std::string weekday(const Anchor& a, int wd, Tense t);
// last / next / this Monday: strictly before, strictly after, the same ISO week.
std::string weekday_rel(const Anchor& a, int wd, timelex::Rel r);
// A month (with day, if d > 0) without a year: the DCT's year, rolled back when the tense is past
// and the date lies after the DCT, forward when future and it lies before. A firm tense (the verb
// governs the date) never lets it lie more than a month on the other side of the DCT.
int year_for(const Anchor& a, int m, int d, Tense t, bool firm = false);
// The year of the latest month m (day d, 0 = the whole month) not after the DCT: "since April"
// in a February article began last April, whatever the verb's tense.
int year_not_after(const Anchor& a, int m, int d);
// "last/next/this <unit>" and "N <units> ago / from now": the period at the unit's granularity.
std::string shift(const Anchor& a, const std::string& unit, int n);
// The quarter most recently reported on: the one before the DCT's quarter.
void reported_quarter(const Anchor& a, int& year, int& q);
// A season ("SU") reference resolved like a month; returns "2020-SU".
std::string season(const Anchor& a, const std::string& s, timelex::Rel r, Tense t);

}  // namespace sitrep::timeres
