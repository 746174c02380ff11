#include "types/temporal.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

std::string DateText(std::string_view in) {
  auto d = ParseDate(in);
  return d.ok() ? FormatDate(*d) : "error";
}

std::string DatetimeText(std::string_view in, int fsp = 6) {
  auto d = ParseDatetime(in);
  return d.ok() ? FormatDatetime(*d, fsp) : "error";
}

std::string TimeText(std::string_view in, int fsp = 0) {
  auto t = ParseTime(in);
  return t.ok() ? FormatTime(*t, fsp) : "error";
}

TEST(TemporalTest, CivilDayArithmetic) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2024, 2, 29) + 1, DaysFromCivil(2024, 3, 1));
  EXPECT_EQ(DaysFromCivil(2023, 2, 28) + 1, DaysFromCivil(2023, 3, 1));
  for (int32_t days : {-719528, -1, 0, 1, 11016, 19782, 2932896}) {
    int y = 0, m = 0, d = 0;
    CivilFromDays(days, &y, &m, &d);
    EXPECT_EQ(DaysFromCivil(y, m, d), days);
  }
  int y = 0, m = 0, d = 0;
  CivilFromDays(DaysFromCivil(9999, 12, 31), &y, &m, &d);
  EXPECT_EQ(y, 9999);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(d, 31);
  CivilFromDays(DaysFromCivil(0, 1, 1), &y, &m, &d);
  EXPECT_EQ(y, 0);
}

TEST(TemporalTest, DatetimeCivilRoundTrip) {
  CivilTime c{2024, 1, 2, 3, 4, 5, 123456};
  int64_t micros = CivilToDatetime(c);
  CivilTime back = DatetimeToCivil(micros);
  EXPECT_EQ(back.year, 2024);
  EXPECT_EQ(back.second, 5);
  EXPECT_EQ(back.microsecond, 123456);
  CivilTime before_epoch = DatetimeToCivil(-1);
  EXPECT_EQ(before_epoch.year, 1969);
  EXPECT_EQ(before_epoch.hour, 23);
  EXPECT_EQ(before_epoch.microsecond, 999999);
}

TEST(TemporalTest, ParseDateForms) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case kCases[] = {
      {"2024-01-02", "2024-01-02"},
      {" 2024-01-02 ", "2024-01-02"},
      {"2024-1-2", "2024-01-02"},
      {"2024/01/02", "2024-01-02"},
      {"2024.01.02", "2024-01-02"},
      {"20240102", "2024-01-02"},
      {"240102", "2024-01-02"},
      {"991231", "1999-12-31"},
      {"24-01-02", "2024-01-02"},
      {"70-01-01", "1970-01-01"},
      {"2024-02-29", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"2024-01-02 03:04:05", "2024-01-02"},
      {"1000-01-01", "1000-01-01"},
      {"9999-12-31", "9999-12-31"},
      {"2023-02-29", "error"},
      {"1900-02-29", "error"},
      {"2024-13-01", "error"},
      {"2024-00-10", "error"},
      {"2024-04-31", "error"},
      {"0000-00-00", "error"},
      {"2024-01-02 25:00:00", "error"},
      {"2024-01", "error"},
      {"abc", "error"},
      {"", "error"},
      {"2024-01-02x", "error"},
      {"2024010", "error"},
  };
  for (const auto& c : kCases) EXPECT_EQ(DateText(c.in), c.out) << c.in;
}

TEST(TemporalTest, ParseDateErrorMessage) {
  auto d = ParseDate("2023-02-29");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().mysql_errno(), 1292);
  EXPECT_EQ(d.status().message(), "Incorrect date value: '2023-02-29'");
  auto t = ParseTime("x");
  EXPECT_EQ(t.status().message(), "Incorrect time value: 'x'");
  auto dt = ParseDatetime("2024-13-01");
  EXPECT_EQ(dt.status().message(), "Incorrect datetime value: '2024-13-01'");
}

TEST(TemporalTest, ParseDatetimeForms) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case kCases[] = {
      {"2024-01-02", "2024-01-02 00:00:00.000000"},
      {"2024-01-02 03:04:05", "2024-01-02 03:04:05.000000"},
      {"2024-01-02T03:04:05", "2024-01-02 03:04:05.000000"},
      {"2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.123456"},
      {"2024-01-02 03:04:05.1", "2024-01-02 03:04:05.100000"},
      {"2024-01-02 03:04:05.1234567", "2024-01-02 03:04:05.123457"},
      {"2024-01-02 03:04:05.1234564", "2024-01-02 03:04:05.123456"},
      {"2024-01-02 23:59:59.9999995", "2024-01-03 00:00:00.000000"},
      {"2024-01-02 3:4:5", "2024-01-02 03:04:05.000000"},
      {"2024-01-02 03:04", "2024-01-02 03:04:00.000000"},
      {"20240102030405", "2024-01-02 03:04:05.000000"},
      {"20240102030405.25", "2024-01-02 03:04:05.250000"},
      {"240102030405", "2024-01-02 03:04:05.000000"},
      {"1969-12-31 23:59:59.5", "1969-12-31 23:59:59.500000"},
      {"9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999"},
      {"9999-12-31 23:59:59.9999999", "error"},
      {"2024-01-02 24:00:00", "error"},
      {"2024-01-02 03:60:00", "error"},
      {"2024-01-02 03:04:60", "error"},
      {"2024-01-02 03:04:05 x", "error"},
      {"2024-01-02T", "2024-01-02 00:00:00.000000"},
  };
  for (const auto& c : kCases) EXPECT_EQ(DatetimeText(c.in), c.out) << c.in;
}

TEST(TemporalTest, ParseTimeForms) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case kCases[] = {
      {"01:02:03", "01:02:03"},
      {"-01:02:03", "-01:02:03"},
      {"1:2:3", "01:02:03"},
      {"838:59:59", "838:59:59"},
      {"-838:59:59", "-838:59:59"},
      {"839:00:00", "error"},
      {"-839:00:00", "error"},
      {"10:20", "10:20:00"},
      {"1 02:03:04", "26:03:04"},
      {"2 02:03", "50:03:00"},
      {"-1 02:03:04", "-26:03:04"},
      {"10203", "01:02:03"},
      {"123456", "12:34:56"},
      {"56", "00:00:56"},
      {"8385959", "838:59:59"},
      {"01:60:00", "error"},
      {"01:02:60", "error"},
      {"abc", "error"},
      {"", "error"},
      {"2024-01-02 03:04:05", "03:04:05"},
  };
  for (const auto& c : kCases) EXPECT_EQ(TimeText(c.in), c.out) << c.in;
  EXPECT_EQ(TimeText("01:02:03.5", 1), "01:02:03.5");
  EXPECT_EQ(TimeText("-00:00:00.25", 6), "-00:00:00.250000");
}

TEST(TemporalTest, Formatting) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(DaysFromCivil(999, 1, 1)), "0999-01-01");
  int64_t micros = CivilToDatetime({2024, 1, 2, 3, 4, 5, 120000});
  EXPECT_EQ(FormatDatetime(micros, 0), "2024-01-02 03:04:05");
  EXPECT_EQ(FormatDatetime(micros, 2), "2024-01-02 03:04:05.12");
  EXPECT_EQ(FormatDatetime(micros, 6), "2024-01-02 03:04:05.120000");
  EXPECT_EQ(FormatTime(0, 0), "00:00:00");
  EXPECT_EQ(FormatTime(-3723000000, 0), "-01:02:03");
  EXPECT_EQ(FormatTime(-3723500000, 3), "-01:02:03.500");
  EXPECT_EQ(FormatTime(((838LL * 60 + 59) * 60 + 59) * 1000000, 0), "838:59:59");
}

TEST(TemporalTest, Rounding) {
  EXPECT_EQ(RoundMicros(1234567, 0), 1000000);
  EXPECT_EQ(RoundMicros(1500000, 0), 2000000);
  EXPECT_EQ(RoundMicros(1499999, 0), 1000000);
  EXPECT_EQ(RoundMicros(-1500000, 0), -2000000);
  EXPECT_EQ(RoundMicros(123456, 3), 123000);
  EXPECT_EQ(RoundMicros(123500, 3), 124000);
  EXPECT_EQ(RoundMicros(123456, 6), 123456);
  EXPECT_EQ(RoundDatetimeMicros(-500000, 0), 0);
  EXPECT_EQ(RoundDatetimeMicros(-500001, 0), -1000000);
  EXPECT_EQ(RoundDatetimeMicros(1500000, 0), 2000000);
}

TEST(TemporalTest, NowIsRecent) {
  int64_t now = NowMicros();
  EXPECT_GT(now, CivilToDatetime({2024, 1, 1}));
  EXPECT_LT(now, CivilToDatetime({2100, 1, 1}));
}

}  // namespace
}  // namespace vexdb
