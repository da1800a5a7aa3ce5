#include <gtest/gtest.h>

#include "clean/date_text.h"

using namespace sitrep;

TEST(DateText, FindsDayMonthYearWithWeekday) {
  auto d = find_dates("Tuesday, 14 July, 2020 - 08:45");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2020);
  EXPECT_EQ(d[0].month, 7);
  EXPECT_EQ(d[0].day, 14);
}

TEST(DateText, FindsMonthDayYearAndOrdinals) {
  auto d = find_dates("Source:TASS, February 28, 2020");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2020);
  EXPECT_EQ(d[0].month, 2);
  EXPECT_EQ(d[0].day, 28);
  auto o = find_dates("arrived in Moscow today, March 5th, are set");
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].year, 0);
  EXPECT_EQ(o[0].month, 3);
  EXPECT_EQ(o[0].day, 5);
  auto a = find_dates("Russian foreign minister on Feb. 24 also said");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].month, 2);
  EXPECT_EQ(a[0].day, 24);
}

TEST(DateText, IgnoresLowercaseModalMay) {
  EXPECT_TRUE(find_dates("they may 5 times").empty());
}

TEST(DateText, ParsesIsoAndRfcValues) {
  auto iso = parse_date_value("2020-02-28T10:15:00+03:00");
  ASSERT_TRUE(iso);
  EXPECT_EQ(iso->iso(), "2020-02-28");
  EXPECT_EQ(iso->precision, DatePrecision::Day);
  auto rfc = parse_date_value("Tue, 14 Jul 2020 08:45:00 GMT");
  ASSERT_TRUE(rfc);
  EXPECT_EQ(rfc->iso(), "2020-07-14");
  auto month = parse_date_value("2020-03");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->precision, DatePrecision::Month);
  EXPECT_FALSE(parse_date_value("yesterday"));
}
