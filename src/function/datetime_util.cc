#include "function/datetime_util.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "function/function_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<Value> CastTo(const Value& v, const LogicalType& target) {
  auto cast = CastValue(v, target, CastContext{});
  if (!cast.ok() || cast->is_null()) return std::nullopt;
  return std::move(cast).value();
}

bool LooksLikeDate(std::string_view text) {
  size_t i = text.find_first_not_of(' ');
  if (i == std::string_view::npos) return false;
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  return i < text.size() && digits > 0 && (text[i] == '-' || text[i] == '/');
}

struct UnitInfo {
  const char* name;
  TimeUnit unit;
  int fields;  // for compound units: how many numbers the amount text holds
};

constexpr UnitInfo kUnits[] = {
    {"MICROSECOND", TimeUnit::kMicrosecond, 1},
    {"SECOND", TimeUnit::kSecond, 1},
    {"MINUTE", TimeUnit::kMinute, 1},
    {"HOUR", TimeUnit::kHour, 1},
    {"DAY", TimeUnit::kDay, 1},
    {"WEEK", TimeUnit::kWeek, 1},
    {"MONTH", TimeUnit::kMonth, 1},
    {"QUARTER", TimeUnit::kQuarter, 1},
    {"YEAR", TimeUnit::kYear, 1},
    {"SECOND_MICROSECOND", TimeUnit::kSecondMicrosecond, 2},
    {"MINUTE_MICROSECOND", TimeUnit::kMinuteMicrosecond, 3},
    {"MINUTE_SECOND", TimeUnit::kMinuteSecond, 2},
    {"HOUR_MICROSECOND", TimeUnit::kHourMicrosecond, 4},
    {"HOUR_SECOND", TimeUnit::kHourSecond, 3},
    {"HOUR_MINUTE", TimeUnit::kHourMinute, 2},
    {"DAY_MICROSECOND", TimeUnit::kDayMicrosecond, 5},
    {"DAY_SECOND", TimeUnit::kDaySecond, 4},
    {"DAY_MINUTE", TimeUnit::kDayMinute, 3},
    {"DAY_HOUR", TimeUnit::kDayHour, 2},
    {"YEAR_MONTH", TimeUnit::kYearMonth, 2},
};

const UnitInfo& InfoOf(TimeUnit unit) {
  for (const UnitInfo& info : kUnits) {
    if (info.unit == unit) return info;
  }
  return kUnits[0];
}

// Microseconds per field of a compound unit, most significant first (months for YEAR_MONTH).
std::vector<int64_t> FieldScales(TimeUnit unit) {
  constexpr int64_t kSecond = kMicrosPerSecond, kMinute = 60 * kSecond, kHour = 60 * kMinute;
  constexpr int64_t kDay = 24 * kHour;
  switch (unit) {
    case TimeUnit::kSecondMicrosecond:
      return {kSecond, 1};
    case TimeUnit::kMinuteMicrosecond:
      return {kMinute, kSecond, 1};
    case TimeUnit::kMinuteSecond:
      return {kMinute, kSecond};
    case TimeUnit::kHourMicrosecond:
      return {kHour, kMinute, kSecond, 1};
    case TimeUnit::kHourSecond:
      return {kHour, kMinute, kSecond};
    case TimeUnit::kHourMinute:
      return {kHour, kMinute};
    case TimeUnit::kDayMicrosecond:
      return {kDay, kHour, kMinute, kSecond, 1};
    case TimeUnit::kDaySecond:
      return {kDay, kHour, kMinute, kSecond};
    case TimeUnit::kDayMinute:
      return {kDay, kHour, kMinute};
    case TimeUnit::kDayHour:
      return {kDay, kHour};
    case TimeUnit::kYearMonth:
      return {12, 1};
    default:
      return {};
  }
}

// The digit groups of a compound interval text and whether it starts with '-'; the last group's
// digit count is kept so a microsecond field can be scaled ('1.5' SECOND_MICROSECOND = 1.5 s).
struct IntervalText {
  bool negative = false;
  std::vector<int64_t> groups;
  int last_digits = 0;
};

IntervalText SplitIntervalText(std::string_view text) {
  IntervalText out;
  size_t i = text.find_first_not_of(' ');
  if (i != std::string_view::npos && text[i] == '-') {
    out.negative = true;
    ++i;
  }
  while (i < text.size() && i != std::string_view::npos) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    int64_t v = 0;
    int digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
      v = std::min<int64_t>(v * 10 + (text[i] - '0'), INT64_MAX / 100);
    }
    out.groups.push_back(v);
    out.last_digits = digits;
  }
  return out;
}

std::optional<Interval> CompoundInterval(const Value& amount, const LogicalType& type,
                                         TimeUnit unit) {
  std::vector<int64_t> scales = FieldScales(unit);
  IntervalText parsed = SplitIntervalText(ValueText(amount, type));
  if (parsed.groups.size() > scales.size()) return std::nullopt;
  if (HasMicroseconds(unit) && parsed.groups.size() == scales.size() && parsed.last_digits < 6) {
    for (int d = parsed.last_digits; d < 6; ++d) parsed.groups.back() *= 10;
  }
  size_t offset = scales.size() - parsed.groups.size();
  __int128 total = 0;
  for (size_t g = 0; g < parsed.groups.size(); ++g) {
    total += static_cast<__int128>(parsed.groups[g]) * scales[offset + g];
  }
  if (total > INT64_MAX) return std::nullopt;
  auto signed_total = static_cast<int64_t>(parsed.negative ? -total : total);
  if (unit == TimeUnit::kYearMonth) return Interval{signed_total, 0};
  return Interval{0, signed_total};
}

}  // namespace

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::optional<int64_t> ArgDatetime(const FunctionArgs& args, size_t i) {
  const Value& v = args.values[i];
  switch (v.kind()) {
    case ValueKind::kDatetime:
      return v.datetime_value();
    case ValueKind::kDate:
      return static_cast<int64_t>(v.date_value()) * kMicrosPerDay;
    case ValueKind::kTime: {
      int64_t today = FloorDiv(args.context.statement_time_micros, kMicrosPerDay);
      return today * kMicrosPerDay + v.time_value();
    }
    case ValueKind::kString: {
      auto parsed = ParseDatetime(v.string_value());
      if (!parsed.ok()) return std::nullopt;
      return *parsed;
    }
    case ValueKind::kNull:
    case ValueKind::kVector:
      return std::nullopt;
    default: {
      auto cast = CastTo(v, LogicalType::Datetime(6));
      if (!cast || cast->kind() != ValueKind::kDatetime) return std::nullopt;
      return cast->datetime_value();
    }
  }
}

std::optional<int32_t> ArgDate(const FunctionArgs& args, size_t i) {
  if (args.values[i].kind() == ValueKind::kDate) return args.values[i].date_value();
  auto dt = ArgDatetime(args, i);
  if (!dt) return std::nullopt;
  return DatePart(*dt);
}

std::optional<int64_t> ArgTime(const FunctionArgs& args, size_t i) {
  const Value& v = args.values[i];
  switch (v.kind()) {
    case ValueKind::kTime:
      return v.time_value();
    case ValueKind::kDatetime:
      return TimeOfDay(v.datetime_value());
    case ValueKind::kDate:
      return 0;
    case ValueKind::kString: {
      const std::string& text = v.string_value();
      if (LooksLikeDate(text)) {
        auto dt = ParseDatetime(text);
        if (!dt.ok()) return std::nullopt;
        return TimeOfDay(*dt);
      }
      auto parsed = ParseTime(text);
      if (!parsed.ok()) return std::nullopt;
      return *parsed;
    }
    case ValueKind::kNull:
    case ValueKind::kVector:
      return std::nullopt;
    default: {
      LogicalType time = LogicalType::Of(TypeId::kTime);
      time.fsp = 6;
      auto cast = CastTo(v, time);
      if (!cast || cast->kind() != ValueKind::kTime) return std::nullopt;
      return cast->time_value();
    }
  }
}

bool InDatetimeRange(int64_t micros) {
  static const int64_t kMin = static_cast<int64_t>(DaysFromCivil(1, 1, 1)) * kMicrosPerDay;
  static const int64_t kMax = static_cast<int64_t>(DaysFromCivil(10000, 1, 1)) * kMicrosPerDay;
  return micros >= kMin && micros < kMax;
}

int32_t DatePart(int64_t micros) { return static_cast<int32_t>(FloorDiv(micros, kMicrosPerDay)); }

int64_t TimeOfDay(int64_t micros) {
  return micros - FloorDiv(micros, kMicrosPerDay) * kMicrosPerDay;
}

int64_t DayNumber(int year, int month, int day) {
  return DaysFromCivil(year, month, day) + kDayNumberOfEpoch;
}

int Weekday(int64_t day_number) { return static_cast<int>((day_number + 5) % 7); }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int DayOfYear(int year, int month, int day) {
  return static_cast<int>(DayNumber(year, month, day) - DayNumber(year, 1, 1)) + 1;
}

unsigned WeekBehaviour(int64_t mode) {
  unsigned format = static_cast<unsigned>(mode & 7);
  if (!(format & kWeekMondayFirst)) format ^= kWeekFirstWeekday;
  return format;
}

// MySQL's calc_week (sql/sql_time.cc), statement for statement.
int CalcWeek(int year, int month, int day, unsigned behaviour, int* week_year) {
  int64_t daynr = DayNumber(year, month, day);
  int64_t first_daynr = DayNumber(year, 1, 1);
  bool monday_first = behaviour & kWeekMondayFirst;
  bool use_week_year = behaviour & kWeekYear;
  bool first_weekday = behaviour & kWeekFirstWeekday;
  int weekday = static_cast<int>((first_daynr + 5 + (monday_first ? 0 : 1)) % 7);
  *week_year = year;
  auto days_in_year = [](int y) { return IsLeapYear(y) ? 366 : 365; };
  if (month == 1 && day <= 7 - weekday) {
    if (!use_week_year && ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4))) {
      return 0;
    }
    use_week_year = true;
    --*week_year;
    int days = days_in_year(*week_year);
    first_daynr -= days;
    weekday = (weekday + 53 * 7 - days) % 7;
  }
  int64_t days;
  if ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4)) {
    days = daynr - (first_daynr + (7 - weekday));
  } else {
    days = daynr - (first_daynr - weekday);
  }
  if (use_week_year && days >= 52 * 7) {
    weekday = (weekday + days_in_year(*week_year)) % 7;
    if ((!first_weekday && weekday < 4) || (first_weekday && weekday == 0)) {
      ++*week_year;
      return 1;
    }
  }
  return static_cast<int>(days / 7 + 1);
}

int FractionDigits(std::string_view text) {
  size_t dot = text.rfind('.');
  if (dot == std::string_view::npos) return 0;
  int digits = 0;
  for (size_t i = dot + 1; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
       ++i) {
    ++digits;
  }
  return std::min(digits, 6);
}

std::optional<TimeUnit> ParseTimeUnit(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.rfind("SQL_TSI_", 0) == 0) upper = upper.substr(8);
  for (const UnitInfo& info : kUnits) {
    if (upper == info.name) return info.unit;
  }
  return std::nullopt;
}

bool IsDateUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
    case TimeUnit::kWeek:
    case TimeUnit::kMonth:
    case TimeUnit::kQuarter:
    case TimeUnit::kYear:
    case TimeUnit::kYearMonth:
      return true;
    default:
      return false;
  }
}

bool HasMicroseconds(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMicrosecond:
    case TimeUnit::kSecondMicrosecond:
    case TimeUnit::kMinuteMicrosecond:
    case TimeUnit::kHourMicrosecond:
    case TimeUnit::kDayMicrosecond:
      return true;
    default:
      return false;
  }
}

std::optional<Interval> MakeInterval(const Value& amount, const LogicalType& type, TimeUnit unit) {
  if (amount.is_null()) return std::nullopt;
  if (InfoOf(unit).fields > 1) return CompoundInterval(amount, type, unit);
  constexpr int64_t kMinute = 60 * kMicrosPerSecond;
  auto scaled = [&](int64_t factor, bool months) -> std::optional<Interval> {
    int64_t v;
    if (__builtin_mul_overflow(ValueToInt64(amount), factor, &v)) return std::nullopt;
    return months ? Interval{v, 0} : Interval{0, v};
  };
  switch (unit) {
    case TimeUnit::kMicrosecond:
      return Interval{0, ValueToInt64(amount)};
    case TimeUnit::kSecond: {
      auto d = ValueToDecimal(amount);
      if (!d.ok()) return std::nullopt;
      auto micros = d->Rescale(6);
      if (!micros.ok() || micros->mantissa() > INT64_MAX || micros->mantissa() < -INT64_MAX) {
        return std::nullopt;
      }
      return Interval{0, static_cast<int64_t>(micros->mantissa())};
    }
    case TimeUnit::kMinute:
      return scaled(kMinute, false);
    case TimeUnit::kHour:
      return scaled(60 * kMinute, false);
    case TimeUnit::kDay:
      return scaled(kMicrosPerDay, false);
    case TimeUnit::kWeek:
      return scaled(7 * kMicrosPerDay, false);
    case TimeUnit::kMonth:
      return scaled(1, true);
    case TimeUnit::kQuarter:
      return scaled(3, true);
    case TimeUnit::kYear:
      return scaled(12, true);
    default:
      return std::nullopt;
  }
}

std::optional<int64_t> AddInterval(int64_t datetime, const Interval& interval, int sign) {
  constexpr int64_t kMaxMonths = 10000 * 12;
  constexpr int64_t kMaxMicros = 10000LL * 366 * kMicrosPerDay;
  if (interval.months < -kMaxMonths || interval.months > kMaxMonths ||
      interval.micros < -kMaxMicros || interval.micros > kMaxMicros) {
    return std::nullopt;
  }
  if (interval.months != 0) {
    CivilTime c = DatetimeToCivil(datetime);
    int64_t total = static_cast<int64_t>(c.year) * 12 + (c.month - 1) + sign * interval.months;
    c.year = static_cast<int>(FloorDiv(total, 12));
    c.month = static_cast<int>(total - FloorDiv(total, 12) * 12) + 1;
    if (c.year < 1 || c.year > 9999) return std::nullopt;
    c.day = std::min(c.day, DaysInMonth(c.year, c.month));
    datetime = CivilToDatetime(c);
  }
  datetime += sign * interval.micros;
  if (!InDatetimeRange(datetime)) return std::nullopt;
  return datetime;
}

}  // namespace vexdb
