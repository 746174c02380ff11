#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::Call;
using testing::D;
using testing::Date;
using testing::Datetime;
using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;
using testing::Time;

// The test context's statement time is 2024-02-29 13:14:15.123456 (UTC).
TEST(DatetimeFunctionsTest, CurrentTime) {
  RunCases({
      {"now", {}, "2024-02-29 13:14:15"},
      {"now", {I(3)}, "2024-02-29 13:14:15.123"},
      {"current_timestamp", {I(6)}, "2024-02-29 13:14:15.123456"},
      {"localtimestamp", {}, "2024-02-29 13:14:15"},
      {"utc_timestamp", {}, "2024-02-29 13:14:15"},
      {"curdate", {}, "2024-02-29"},
      {"current_date", {}, "2024-02-29"},
      {"curtime", {}, "13:14:15"},
      {"curtime", {I(6)}, "13:14:15.123456"},
      {"unix_timestamp", {}, "1709212455"},
  });
  EXPECT_EQ(testing::CallFunction("now", {I(3)}).type.ToSql(), "datetime(3)");
  EXPECT_FALSE(FindScalarFunction("now")->deterministic);
  EXPECT_EQ(Call("sysdate", {}).size(), 19u);
}

TEST(DatetimeFunctionsTest, UnixTime) {
  RunCases({
      {"unix_timestamp", {Datetime("2024-01-01 00:00:00")}, "1704067200"},
      {"unix_timestamp", {S("2015-11-13 10:20:19.012")}, "1447410019.012"},
      {"unix_timestamp", {S("1960-01-01")}, "0"},
      {"unix_timestamp", {S("garbage")}, "NULL"},
      {"from_unixtime", {I(1447430881)}, "2015-11-13 16:08:01"},
      {"from_unixtime", {D("1447430881.5")}, "2015-11-13 16:08:01.5"},
      {"from_unixtime",
       {I(1447430881), S("%Y %D %M %h:%i:%s %x")},
       "2015 13th November 04:08:01 2015"},
      {"from_unixtime", {I(-1)}, "NULL"},
  });
}

TEST(DatetimeFunctionsTest, Parts) {
  RunCases({
      {"date", {S("2003-12-31 01:02:03")}, "2003-12-31"},
      {"time", {S("2003-12-31 01:02:03")}, "01:02:03"},
      {"time", {S("2003-12-31 01:02:03.000123")}, "01:02:03.000123"},
      {"year", {S("1987-01-01")}, "1987"},
      {"month", {Date("2008-02-03")}, "2"},
      {"day", {S("2007-02-03")}, "3"},
      {"dayofmonth", {Datetime("2007-02-03 10:00:00")}, "3"},
      {"hour", {S("10:05:03")}, "10"},
      {"hour", {S("272:59:59")}, "272"},
      {"hour", {Datetime("2024-01-01 23:00:00")}, "23"},
      {"minute", {S("2008-02-03 10:05:03")}, "5"},
      {"second", {S("10:05:03")}, "3"},
      {"microsecond", {S("12:00:00.123456")}, "123456"},
      {"microsecond", {S("2019-12-31 23:59:59.000010")}, "10"},
      {"dayofweek", {S("2007-02-03")}, "7"},
      {"weekday", {S("2008-02-03 22:23:00")}, "6"},
      {"dayofyear", {S("2007-02-03")}, "34"},
      {"dayofyear", {S("2024-12-31")}, "366"},
      {"quarter", {S("2008-04-01")}, "2"},
      {"monthname", {S("2008-02-03")}, "February"},
      {"dayname", {S("2007-02-03")}, "Saturday"},
      {"year", {S("not a date")}, "NULL"},
      {"year", {N()}, "NULL"},
  });
}

TEST(DatetimeFunctionsTest, Weeks) {
  RunCases({
      {"week", {S("2008-02-20")}, "7"},
      {"week", {S("2008-02-20"), I(0)}, "7"},
      {"week", {S("2008-02-20"), I(1)}, "8"},
      {"week", {S("2008-12-31"), I(1)}, "53"},
      {"week", {S("2000-01-01")}, "0"},
      {"week", {S("2000-01-01"), I(2)}, "52"},
      {"yearweek", {S("1987-01-01")}, "198652"},
      {"weekofyear", {S("2008-02-20")}, "8"},
  });
}

TEST(DatetimeFunctionsTest, CalendarArithmetic) {
  RunCases({
      {"last_day", {S("2003-02-05")}, "2003-02-28"},
      {"last_day", {S("2004-02-05")}, "2004-02-29"},
      {"last_day", {S("2004-01-01 01:01:01")}, "2004-01-31"},
      {"last_day", {S("2003-03-32")}, "NULL"},
      {"datediff", {S("2007-12-31 23:59:59"), S("2007-12-30")}, "1"},
      {"datediff", {S("2010-11-30 23:59:59"), S("2010-12-31")}, "-31"},
      {"datediff", {S("2024-03-01"), S("2024-02-28")}, "2"},
      {"timediff", {S("2000-01-01 00:00:00"), S("2000-01-01 00:00:00.000001")}, "-00:00:00.000001"},
      {"timediff",
       {S("2008-12-31 23:59:59.000001"), S("2008-12-30 01:01:01.000002")},
       "46:58:57.999999"},
      {"timediff", {S("10:00:00"), S("2008-12-30 01:01:01")}, "NULL"},
      {"timestampdiff", {S("MONTH"), S("2003-02-01"), S("2003-05-01")}, "3"},
      {"timestampdiff", {S("YEAR"), S("2002-05-01"), S("2001-01-01")}, "-1"},
      {"timestampdiff", {S("MINUTE"), S("2003-02-01"), S("2003-05-01 12:05:55")}, "128885"},
      {"timestampdiff", {S("MONTH"), S("2024-01-31"), S("2024-02-29")}, "0"},
      {"timestampdiff", {S("MONTH"), S("2024-01-29"), S("2024-02-29")}, "1"},
      {"timestampdiff", {S("DAY"), S("2024-02-28"), S("2024-03-01")}, "2"},
      {"timestampdiff", {S("DAY"), S("2023-02-28"), S("2023-03-01")}, "1"},
      {"makedate", {I(2011), I(31)}, "2011-01-31"},
      {"makedate", {I(2011), I(32)}, "2011-02-01"},
      {"makedate", {I(2024), I(366)}, "2024-12-31"},
      {"makedate", {I(2011), I(0)}, "NULL"},
      {"maketime", {I(12), I(15), I(30)}, "12:15:30"},
      {"to_days", {I(950501)}, "728779"},
      {"to_days", {S("2007-10-07")}, "733321"},
      {"from_days", {I(730669)}, "2000-07-03"},
      {"to_seconds", {S("2009-11-29")}, "63426672000"},
      {"sec_to_time", {I(2378)}, "00:39:38"},
      {"time_to_sec", {S("22:23:00")}, "80580"},
      {"addtime",
       {S("2007-12-31 23:59:59.999999"), S("1 1:1:1.000002")},
       "2008-01-02 01:01:01.000001"},
      {"addtime", {S("01:00:00.999999"), S("02:00:00.999998")}, "03:00:01.999997"},
      {"subtime",
       {S("2007-12-31 23:59:59.999999"), S("1 1:1:1.000002")},
       "2007-12-30 22:58:58.999997"},
      {"addtime", {Time("10:00:00"), S("01:30:00")}, "11:30:00"},
      {"convert_tz", {S("2004-01-01 12:00:00"), S("+00:00"), S("+10:00")}, "2004-01-01 22:00:00"},
      {"convert_tz", {S("2004-01-01 12:00:00"), S("GMT"), S("MET")}, "NULL"},
      {"timestamp", {S("2003-12-31")}, "2003-12-31 00:00:00"},
      {"timestamp", {S("2003-12-31 12:00:00"), S("12:00:00")}, "2004-01-01 00:00:00"},
  });
}

TEST(DatetimeFunctionsTest, IntervalArithmetic) {
  RunCases({
      {"date_add", {Datetime("2018-05-01 00:00:00"), I(1), S("DAY")}, "2018-05-02 00:00:00"},
      {"date_add", {Date("2018-05-01"), I(1), S("DAY")}, "2018-05-02"},
      {"date_add", {S("2018-05-01"), I(1), S("DAY")}, "2018-05-02"},
      {"date_sub", {S("2018-05-01"), I(1), S("YEAR")}, "2017-05-01"},
      {"date_add", {S("2020-12-31 23:59:59"), I(1), S("SECOND")}, "2021-01-01 00:00:00"},
      {"date_add", {S("2018-12-31 23:59:59"), I(1), S("DAY")}, "2019-01-01 23:59:59"},
      {"date_add", {S("2100-12-31 23:59:59"), S("1:1"), S("MINUTE_SECOND")}, "2101-01-01 00:01:00"},
      {"date_sub",
       {S("2025-01-01 00:00:00"), S("1 1:1:1"), S("DAY_SECOND")},
       "2024-12-30 22:58:59"},
      {"date_add", {S("1900-01-01 00:00:00"), S("-1 10"), S("DAY_HOUR")}, "1899-12-30 14:00:00"},
      {"date_sub", {S("1998-01-02"), I(31), S("DAY")}, "1997-12-02"},
      {"date_add",
       {S("1992-12-31 23:59:59.000002"), S("1.999999"), S("SECOND_MICROSECOND")},
       "1993-01-01 00:00:01.000001"},
      {"date_add", {S("2024-01-01"), S("1-2"), S("YEAR_MONTH")}, "2025-03-01"},
      {"date_add", {Date("2024-01-31"), I(1), S("MONTH")}, "2024-02-29"},
      {"date_add", {Date("2023-01-31"), I(1), S("MONTH")}, "2023-02-28"},
      {"date_add", {Date("2024-02-29"), I(1), S("YEAR")}, "2025-02-28"},
      {"date_add", {Date("2024-02-29"), I(4), S("YEAR")}, "2028-02-29"},
      {"date_sub", {Date("2024-03-31"), I(1), S("MONTH")}, "2024-02-29"},
      {"date_add", {Date("2024-12-31"), I(1), S("QUARTER")}, "2025-03-31"},
      {"date_add", {Date("2024-02-28"), I(1), S("DAY")}, "2024-02-29"},
      {"date_add", {Date("2023-02-28"), I(1), S("DAY")}, "2023-03-01"},
      {"date_add", {Date("2024-02-22"), I(1), S("WEEK")}, "2024-02-29"},
      {"date_add", {Date("2024-01-01"), I(1), S("HOUR")}, "2024-01-01 01:00:00"},
      {"date_add", {Date("9999-12-31"), I(1), S("DAY")}, "NULL"},
      {"date_add",
       {Datetime("2024-01-01 00:00:00"), D("1.5"), S("SECOND")},
       "2024-01-01 00:00:01.5"},
      {"date_add", {Time("10:00:00"), I(90), S("MINUTE")}, "11:30:00"},
      {"date_add", {S("2024-01-01"), N(), S("DAY")}, "NULL"},
      {"adddate", {Date("2008-01-02"), I(31)}, "2008-02-02"},
      {"adddate", {Date("2008-01-02"), I(1), S("MONTH")}, "2008-02-02"},
      {"subdate", {S("2008-01-02"), I(31)}, "2007-12-02"},
      {"timestampadd", {S("MINUTE"), I(1), S("2003-01-02")}, "2003-01-02 00:01:00"},
      {"timestampadd", {S("WEEK"), I(1), S("2003-01-02")}, "2003-01-09"},
  });
  EXPECT_EQ(testing::CallFunction("date_add", {Date("2024-01-01"), I(1), S("HOUR")}).type.ToSql(),
            "datetime");
  EXPECT_EQ(testing::CallFunction("date_add", {Date("2024-01-01"), I(1), S("DAY")}).type.ToSql(),
            "date");
}

TEST(DatetimeFunctionsTest, Extract) {
  RunCases({
      {"extract", {S("YEAR"), S("2019-07-02")}, "2019"},
      {"extract", {S("YEAR_MONTH"), S("2019-07-02 01:02:03")}, "201907"},
      {"extract", {S("DAY_MINUTE"), S("2019-07-02 01:02:03")}, "20102"},
      {"extract", {S("MICROSECOND"), S("2003-01-02 10:30:00.000123")}, "123"},
      {"extract", {S("QUARTER"), Date("2024-08-01")}, "3"},
      {"extract", {S("WEEK"), S("2008-02-20")}, "7"},
      {"extract", {S("HOUR"), Time("-838:00:00")}, "-838"},
      {"extract", {S("SECOND_MICROSECOND"), S("10:00:05.5")}, "5500000"},
  });
}

TEST(DatetimeFunctionsTest, FormatAndParse) {
  RunCases({
      {"date_format", {S("2009-10-04 22:23:00"), S("%W %M %Y")}, "Sunday October 2009"},
      {"date_format", {S("2007-10-04 22:23:00"), S("%H:%i:%s")}, "22:23:00"},
      {"date_format",
       {S("1900-10-04 22:23:00"), S("%D %y %a %d %m %b %j")},
       "4th 00 Thu 04 10 Oct 277"},
      {"date_format",
       {S("1997-10-04 22:23:00"), S("%H %k %I %r %T %S %w")},
       "22 22 10 10:23:00 PM 22:23:00 00 6"},
      {"date_format", {S("1999-01-01"), S("%X %V")}, "1998 52"},
      {"date_format", {Datetime("2024-02-29 13:14:15.5", 1), S("%f %% %Q")}, "500000 % Q"},
      {"time_format", {S("100:00:00"), S("%H %k %h %I %l")}, "100 100 04 04 4"},
      {"time_format", {S("10:00:00"), S("%Y")}, "NULL"},
      {"str_to_date", {S("01,5,2013"), S("%d,%m,%Y")}, "2013-05-01"},
      {"str_to_date", {S("May 1, 2013"), S("%M %d,%Y")}, "2013-05-01"},
      {"str_to_date", {S("a09:30:17"), S("a%h:%i:%s")}, "09:30:17"},
      {"str_to_date", {S("09:30:17a"), S("%h:%i:%s")}, "09:30:17"},
      {"str_to_date",
       {S("2013-05-01 10:11:12.5"), S("%Y-%m-%d %H:%i:%s.%f")},
       "2013-05-01 10:11:12.500000"},
      {"str_to_date", {S("2013-02-30"), S("%Y-%m-%d")}, "NULL"},
      {"str_to_date", {S("12:00:00 AM"), S("%r")}, "00:00:00"},
      {"str_to_date",
       {S("2024-03-05 01:02:03 PM"), S("%Y-%m-%d %h:%i:%s %p")},
       "2024-03-05 13:02:03"},
      {"str_to_date", {S("032 2024"), S("%j %Y")}, "2024-02-01"},
      {"str_to_date", {S("x"), S("%Y")}, "NULL"},
  });
}

}  // namespace
}  // namespace vexdb
