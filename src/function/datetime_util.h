#pragma once

// Calendar helpers for the date and time functions (internal to function/): reading arguments
// as DATE / DATETIME / TIME the way MySQL's temporal functions do, MySQL's day numbers and week
// numbering, and interval units. Every conversion returns nullopt for a value that is not a
// valid temporal; the functions turn that into NULL, as MySQL does (with a warning there).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "function/function.h"
#include "types/temporal.h"

namespace vexdb {

inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;
inline constexpr int64_t kMaxTimeMicros = (838LL * 3600 + 59 * 60 + 59) * kMicrosPerSecond;
// MySQL's day number (TO_DAYS) of 1970-01-01.
inline constexpr int64_t kDayNumberOfEpoch = 719528;

int64_t FloorDiv(int64_t a, int64_t b);

// Argument i as a DATETIME (micros since the epoch). DATE is midnight; TIME is today's date plus
// the time (MySQL's rule); strings and numbers (20240102, 20240102030405) are parsed.
std::optional<int64_t> ArgDatetime(const FunctionArgs& args, size_t i);
// Argument i as a DATE (days since the epoch); a DATETIME's date part.
std::optional<int32_t> ArgDate(const FunctionArgs& args, size_t i);
// Argument i as a TIME (signed micros); a DATETIME's time of day; strings as TIME, else as a
// DATETIME's time of day.
std::optional<int64_t> ArgTime(const FunctionArgs& args, size_t i);

// True if a DATETIME lies within 0001-01-01 .. 9999-12-31 23:59:59.999999.
bool InDatetimeRange(int64_t micros);
// The date part of a DATETIME (days since the epoch) and its time of day (micros).
int32_t DatePart(int64_t micros);
int64_t TimeOfDay(int64_t micros);

// MySQL's day number (days since year 0, TO_DAYS) and weekday (0 = Monday).
int64_t DayNumber(int year, int month, int day);
int Weekday(int64_t day_number);
int DaysInMonth(int year, int month);
int DayOfYear(int year, int month, int day);

// MySQL's week numbering: the mode bits of WEEK(date, mode) after week_mode(), and calc_week.
inline constexpr unsigned kWeekMondayFirst = 1;
inline constexpr unsigned kWeekYear = 2;
inline constexpr unsigned kWeekFirstWeekday = 4;
unsigned WeekBehaviour(int64_t mode);
int CalcWeek(int year, int month, int day, unsigned behaviour, int* week_year);

// Number of fractional-second digits in the text of a temporal literal ("10:00:00.50" -> 2).
int FractionDigits(std::string_view text);

// ---- Interval units -------------------------------------------------------------------------

enum class TimeUnit : uint8_t {
  kMicrosecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kSecondMicrosecond,
  kMinuteMicrosecond,
  kMinuteSecond,
  kHourMicrosecond,
  kHourSecond,
  kHourMinute,
  kDayMicrosecond,
  kDaySecond,
  kDayMinute,
  kDayHour,
  kYearMonth,
};

// Case-insensitive unit name ("DAY", "minute_second"; also MySQL's SQL_TSI_ forms).
std::optional<TimeUnit> ParseTimeUnit(std::string_view name);
// True for units that move only the date (DAY, WEEK, MONTH, QUARTER, YEAR, YEAR_MONTH).
bool IsDateUnit(TimeUnit unit);
// True for units with a microsecond part.
bool HasMicroseconds(TimeUnit unit);

// A signed amount of calendar months plus exact microseconds.
struct Interval {
  int64_t months = 0;
  int64_t micros = 0;
};

// The interval `INTERVAL amount unit`: simple units take a number (SECOND may be fractional);
// compound units take text such as '1 02:03:04.5' whose fields fill the unit from the right.
std::optional<Interval> MakeInterval(const Value& amount, const LogicalType& type, TimeUnit unit);

// datetime + sign * interval, clamping the day to the month's last (Jan 31 + 1 month = Feb 29
// in a leap year); nullopt outside the DATETIME range.
std::optional<int64_t> AddInterval(int64_t datetime, const Interval& interval, int sign);

}  // namespace vexdb
