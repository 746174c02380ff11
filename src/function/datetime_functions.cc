// Date and time functions. Times are in the session time zone, which is UTC for now; NOW() and
// friends read the statement's start time from the FunctionContext, SYSDATE() the clock.
//
// Arguments are read as MySQL's temporal functions read them (datetime_util.h): strings and
// numbers are parsed, and a value that is not a valid date/time gives NULL. Interval arithmetic
// arrives from the binder as [date, amount, unit-name] (DATE_ADD(d, INTERVAL n DAY) is
// date_add(d, n, 'DAY')); EXTRACT(unit FROM x) as extract('UNIT', x); TIMESTAMPDIFF(unit, a, b)
// as timestampdiff('UNIT', a, b). Result types that depend on constant arguments (the unit,
// NOW(fsp), STR_TO_DATE's pattern) are refined by each entry's RefineTypeFn.

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "function/datetime_format.h"
#include "function/datetime_util.h"
#include "function/function_tables.h"
#include "function/function_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

// ---- Result types ---------------------------------------------------------------------------

LogicalType TimeType(int fsp) {
  LogicalType t = LogicalType::Of(TypeId::kTime);
  t.fsp = static_cast<uint8_t>(fsp);
  return t;
}

int ConstantFsp(std::span<const Value* const> constants, size_t i) {
  const Value* v = ConstantArg(constants, i);
  if (v == nullptr || v->is_null()) return 0;
  return static_cast<int>(std::clamp<int64_t>(ValueToInt64(*v), 0, 6));
}

// Fractional digits a temporal argument carries: its fsp; for a constant string, the digits it
// shows; for other strings and numbers, 6.
int ArgFsp(const LogicalType& type, const Value* constant) {
  if (type.IsTemporal()) return type.fsp;
  if (type.IsInteger() || type.id == TypeId::kNull) return 0;
  if (type.id == TypeId::kDecimal) return std::clamp<int>(type.scale, 0, 6);
  if (constant != nullptr && constant->kind() == ValueKind::kString) {
    return FractionDigits(constant->string_value());
  }
  return 6;
}

Result<LogicalType> ReturnDatetime0(std::span<const LogicalType>) {
  return LogicalType::Datetime(0);
}
Result<LogicalType> RefineDatetimeFsp(std::span<const LogicalType>,
                                      std::span<const Value* const> constants) {
  return LogicalType::Datetime(ConstantFsp(constants, 0));
}
Result<LogicalType> ReturnTime0(std::span<const LogicalType>) { return TimeType(0); }
Result<LogicalType> RefineTimeFsp(std::span<const LogicalType>,
                                  std::span<const Value* const> constants) {
  return TimeType(ConstantFsp(constants, 0));
}

// TIME(x), TIMESTAMP(x): the argument's fractional digits.
Result<LogicalType> RefineTimeOfArg(std::span<const LogicalType> types,
                                    std::span<const Value* const> constants) {
  return TimeType(ArgFsp(types[0], ConstantArg(constants, 0)));
}
Result<LogicalType> ReturnTimeOfArg(std::span<const LogicalType> types) {
  return RefineTimeOfArg(types, {});
}
Result<LogicalType> RefineDatetimeOfArgs(std::span<const LogicalType> types,
                                         std::span<const Value* const> constants) {
  int fsp = 0;
  for (size_t i = 0; i < types.size(); ++i) {
    fsp = std::max(fsp, ArgFsp(types[i], ConstantArg(constants, i)));
  }
  return LogicalType::Datetime(fsp);
}
Result<LogicalType> ReturnDatetimeOfArgs(std::span<const LogicalType> types) {
  return RefineDatetimeOfArgs(types, {});
}
Result<LogicalType> RefineTimeOfArgs(std::span<const LogicalType> types,
                                     std::span<const Value* const> constants) {
  VEXDB_ASSIGN_OR_RETURN(LogicalType t, RefineDatetimeOfArgs(types, constants));
  return TimeType(t.fsp);
}
Result<LogicalType> ReturnTimeOfArgs(std::span<const LogicalType> types) {
  return RefineTimeOfArgs(types, {});
}

// ADDTIME/SUBTIME: a DATETIME for temporal-with-date first arguments, TIME for TIME, else text.
Result<LogicalType> RefineAddTime(std::span<const LogicalType> types,
                                  std::span<const Value* const> constants) {
  VEXDB_ASSIGN_OR_RETURN(LogicalType t, RefineDatetimeOfArgs(types, constants));
  switch (types[0].id) {
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kDate:
      return t;
    case TypeId::kTime:
      return TimeType(t.fsp);
    default:
      return LogicalType::Varchar(26);
  }
}
Result<LogicalType> ReturnAddTime(std::span<const LogicalType> types) {
  return RefineAddTime(types, {});
}

// UNIX_TIMESTAMP(x): BIGINT, or DECIMAL(…, fsp) when x has fractional seconds.
Result<LogicalType> RefineUnixTimestamp(std::span<const LogicalType> types,
                                        std::span<const Value* const> constants) {
  if (types.empty()) return LogicalType::BigInt();
  int fsp = types[0].id == TypeId::kDate ? 0 : ArgFsp(types[0], ConstantArg(constants, 0));
  if (fsp == 0) return LogicalType::BigInt();
  return LogicalType::Decimal(12 + fsp, fsp);
}
Result<LogicalType> ReturnUnixTimestamp(std::span<const LogicalType> types) {
  return RefineUnixTimestamp(types, {});
}

Result<LogicalType> RefineFromUnixtime(std::span<const LogicalType> types,
                                       std::span<const Value* const> constants) {
  if (types.size() > 1) return LogicalType::Varchar(255);
  return LogicalType::Datetime(ArgFsp(types[0], ConstantArg(constants, 0)));
}
Result<LogicalType> ReturnFromUnixtime(std::span<const LogicalType> types) {
  return RefineFromUnixtime(types, {});
}

// DATE_ADD family: [date, amount, unit]. DATE with a date unit stays DATE; DATE with a time
// unit and DATETIME give DATETIME (fsp 6 for microsecond units and fractional seconds); TIME
// stays TIME; strings give strings, as in MySQL.
struct DateArithArgs {
  size_t date, amount, unit;
};

LogicalType DateArithType(std::span<const LogicalType> types,
                          std::span<const Value* const> constants, DateArithArgs at) {
  const LogicalType& base = types[at.date];
  const Value* unit_value = ConstantArg(constants, at.unit);
  std::optional<TimeUnit> unit;
  if (unit_value != nullptr && unit_value->kind() == ValueKind::kString) {
    unit = ParseTimeUnit(unit_value->string_value());
  }
  int fsp = 0;
  if (unit && HasMicroseconds(*unit)) fsp = 6;
  if (unit == TimeUnit::kSecond) {
    fsp = ArgFsp(types[at.amount], ConstantArg(constants, at.amount));
  }
  switch (base.id) {
    case TypeId::kDate:
      if (!unit || IsDateUnit(*unit)) return LogicalType::Of(TypeId::kDate);
      return LogicalType::Datetime(fsp);
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return LogicalType::Datetime(std::max<int>(base.fsp, fsp));
    case TypeId::kTime:
      return TimeType(std::max<int>(base.fsp, fsp));
    default:
      return LogicalType::Varchar(26);
  }
}

template <size_t kDate, size_t kAmount, size_t kUnit>
Result<LogicalType> RefineDateArith(std::span<const LogicalType> types,
                                    std::span<const Value* const> constants) {
  return DateArithType(types, constants, {kDate, kAmount, kUnit});
}
template <size_t kDate, size_t kAmount, size_t kUnit>
Result<LogicalType> ReturnDateArith(std::span<const LogicalType> types) {
  return DateArithType(types, {}, {kDate, kAmount, kUnit});
}

// ADDDATE/SUBDATE: [date, days] or [date, amount, unit].
Result<LogicalType> RefineAddDate(std::span<const LogicalType> types,
                                  std::span<const Value* const> constants) {
  if (types.size() == 3) return DateArithType(types, constants, {0, 1, 2});
  return DateArithType(types, {}, {0, 1, 1});
}
Result<LogicalType> ReturnAddDate(std::span<const LogicalType> types) {
  return RefineAddDate(types, {});
}

// STR_TO_DATE: DATETIME, DATE or TIME according to the parts the constant pattern sets.
Result<LogicalType> RefineStrToDate(std::span<const LogicalType>,
                                    std::span<const Value* const> constants) {
  const Value* format = ConstantArg(constants, 1);
  if (format == nullptr || format->kind() != ValueKind::kString) return LogicalType::Datetime(6);
  PatternParts parts = PatternPartsOf(format->string_value());
  int fsp = parts.fraction ? 6 : 0;
  if (parts.date && !parts.time) return LogicalType::Of(TypeId::kDate);
  if (parts.time && !parts.date) return TimeType(fsp);
  return LogicalType::Datetime(fsp);
}
Result<LogicalType> ReturnStrToDate(std::span<const LogicalType> types) {
  return RefineStrToDate(types, {});
}

// ---- Current time ---------------------------------------------------------------------------

int64_t TruncateMicros(int64_t micros, int fsp) {
  int64_t unit = 1;
  for (int i = fsp; i < 6; ++i) unit *= 10;
  return FloorDiv(micros, unit) * unit;
}

Result<Value> Now(const FunctionArgs& args) {
  return Value::Datetime(TruncateMicros(args.context.statement_time_micros, args.result_type.fsp));
}
Result<Value> Sysdate(const FunctionArgs& args) {
  return Value::Datetime(TruncateMicros(NowMicros(), args.result_type.fsp));
}
Result<Value> Curdate(const FunctionArgs& args) {
  return Value::Date(DatePart(args.context.statement_time_micros));
}
Result<Value> Curtime(const FunctionArgs& args) {
  return Value::Time(
      TruncateMicros(TimeOfDay(args.context.statement_time_micros), args.result_type.fsp));
}

// ---- Conversions ----------------------------------------------------------------------------

Result<Value> DateFn(const FunctionArgs& args) {
  auto d = ArgDate(args, 0);
  return d ? Value::Date(*d) : Value::Null();
}

Result<Value> TimeFn(const FunctionArgs& args) {
  auto t = ArgTime(args, 0);
  return t ? Value::Time(*t) : Value::Null();
}

// TIMESTAMP(x[, t]): x as DATETIME, plus the time t.
Result<Value> TimestampFn(const FunctionArgs& args) {
  auto dt = ArgDatetime(args, 0);
  if (!dt) return Value::Null();
  if (args.values.size() > 1) {
    auto t = ArgTime(args, 1);
    if (!t) return Value::Null();
    *dt += *t;
  }
  return InDatetimeRange(*dt) ? Value::Datetime(*dt) : Value::Null();
}

Result<Value> UnixTimestamp(const FunctionArgs& args) {
  if (args.values.empty()) {
    return Value::Int(FloorDiv(args.context.statement_time_micros, kMicrosPerSecond));
  }
  auto dt = ArgDatetime(args, 0);
  if (!dt) return Value::Null();
  if (*dt < 0) return Value::Int(0);
  if (args.result_type.id != TypeId::kDecimal) return Value::Int(*dt / kMicrosPerSecond);
  VEXDB_ASSIGN_OR_RETURN(Decimal d, Decimal(*dt, 6).Rescale(args.result_type.scale));
  return Value::Dec(d);
}

Result<Value> FromUnixtime(const FunctionArgs& args) {
  auto seconds = ValueToDecimal(args.values[0]);
  if (!seconds.ok() || seconds->IsNegative()) return Value::Null();
  auto micros = seconds->Rescale(6);
  if (!micros.ok() || micros->mantissa() > INT64_MAX ||
      !InDatetimeRange(static_cast<int64_t>(micros->mantissa()))) {
    return Value::Null();
  }
  auto dt = static_cast<int64_t>(micros->mantissa());
  if (args.values.size() == 1) return Value::Datetime(dt);
  auto text = FormatTemporal(DatetimeToCivil(dt), ArgText(args, 1));
  return text ? Value::String(*text) : Value::Null();
}

Result<Value> ConvertTz(const FunctionArgs& args) {
  auto offset = [](std::string text) -> std::optional<int64_t> {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (text == "UTC" || text == "SYSTEM" || text == "GMT") return 0;
    int h = 0, m = 0;
    char sign = 0;
    if (std::sscanf(text.c_str(), "%c%d:%d", &sign, &h, &m) != 3 || (sign != '+' && sign != '-') ||
        h > 14 || m > 59) {
      return std::nullopt;
    }
    int64_t micros = (h * 3600LL + m * 60) * kMicrosPerSecond;
    return sign == '-' ? -micros : micros;
  };
  auto dt = ArgDatetime(args, 0);
  auto from = offset(ArgText(args, 1)), to = offset(ArgText(args, 2));
  if (!dt || !from || !to) return Value::Null();
  int64_t converted = *dt - *from + *to;
  return InDatetimeRange(converted) ? Value::Datetime(converted) : Value::Null();
}

// ---- Parts ----------------------------------------------------------------------------------

std::optional<CivilTime> ArgCivilDate(const FunctionArgs& args, size_t i) {
  auto d = ArgDate(args, i);
  if (!d) return std::nullopt;
  CivilTime c;
  CivilFromDays(*d, &c.year, &c.month, &c.day);
  return c;
}

template <int (*kPart)(const CivilTime&)>
Result<Value> DatePartFn(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  return c ? Value::Int(kPart(*c)) : Value::Null();
}

int YearOf(const CivilTime& c) { return c.year; }
int MonthOf(const CivilTime& c) { return c.month; }
int DayOf(const CivilTime& c) { return c.day; }
int QuarterOf(const CivilTime& c) { return (c.month + 2) / 3; }
int DayOfYearOf(const CivilTime& c) { return DayOfYear(c.year, c.month, c.day); }
int WeekdayOf(const CivilTime& c) { return Weekday(DayNumber(c.year, c.month, c.day)); }
int DayOfWeekOf(const CivilTime& c) { return (WeekdayOf(c) + 1) % 7 + 1; }
int WeekOfYearOf(const CivilTime& c) {
  int year = 0;
  return CalcWeek(c.year, c.month, c.day, WeekBehaviour(3), &year);
}

// Hours, minutes, ... of a TIME (hours may exceed 23; a negative TIME reads its magnitude).
template <int64_t kDivisor, int64_t kModulus>
Result<Value> TimePartFn(const FunctionArgs& args) {
  auto t = ArgTime(args, 0);
  if (!t) return Value::Null();
  int64_t magnitude = *t < 0 ? -*t : *t;
  int64_t part = magnitude / kDivisor;
  return Value::Int(kModulus > 0 ? part % kModulus : part);
}

Result<Value> Week(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  if (!c) return Value::Null();
  int64_t mode = args.values.size() > 1 ? ArgInt(args, 1) : 0;
  int year = 0;
  return Value::Int(CalcWeek(c->year, c->month, c->day, WeekBehaviour(mode), &year));
}

Result<Value> YearWeek(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  if (!c) return Value::Null();
  int64_t mode = args.values.size() > 1 ? ArgInt(args, 1) : 0;
  int year = 0;
  int week = CalcWeek(c->year, c->month, c->day, WeekBehaviour(mode) | kWeekYear, &year);
  return Value::Int(static_cast<int64_t>(year) * 100 + week);
}

Result<Value> MonthName(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  if (!c) return Value::Null();
  return Value::String(*FormatTemporal(*c, "%M"));
}

Result<Value> DayName(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  if (!c) return Value::Null();
  return Value::String(*FormatTemporal(*c, "%W"));
}

Result<Value> LastDay(const FunctionArgs& args) {
  auto c = ArgCivilDate(args, 0);
  if (!c) return Value::Null();
  return Value::Date(DaysFromCivil(c->year, c->month, DaysInMonth(c->year, c->month)));
}

Result<Value> ToDays(const FunctionArgs& args) {
  auto d = ArgDate(args, 0);
  return d ? Value::Int(*d + kDayNumberOfEpoch) : Value::Null();
}

Result<Value> ToSeconds(const FunctionArgs& args) {
  auto dt = ArgDatetime(args, 0);
  if (!dt) return Value::Null();
  return Value::Int(FloorDiv(*dt, kMicrosPerSecond) + kDayNumberOfEpoch * 86400);
}

Result<Value> FromDays(const FunctionArgs& args) {
  constexpr int64_t kMaxDayNumber = 3652424;  // TO_DAYS('9999-12-31')
  int64_t n = ArgInt(args, 0);
  if (n < 366 || n > kMaxDayNumber) return Value::Null();
  int64_t days = n - kDayNumberOfEpoch;
  return Value::Date(static_cast<int32_t>(days));
}

Result<Value> MakeDate(const FunctionArgs& args) {
  int64_t year = ArgInt(args, 0), day_of_year = ArgInt(args, 1);
  if (year < 0 || year > 9999 || day_of_year <= 0 || day_of_year > 366 * 10000) {
    return Value::Null();
  }
  if (year < 70)
    year += 2000;
  else if (year < 100)
    year += 1900;
  int64_t days = DaysFromCivil(static_cast<int>(year), 1, 1) + day_of_year - 1;
  if (!InDatetimeRange(days * kMicrosPerDay)) return Value::Null();
  return Value::Date(static_cast<int32_t>(days));
}

Result<Value> MakeTime(const FunctionArgs& args) {
  int64_t hour = std::clamp<int64_t>(ArgInt(args, 0), -839, 839), minute = ArgInt(args, 1);
  auto second = ValueToDecimal(args.values[2]);
  if (!second.ok() || minute < 0 || minute > 59 || second->IsNegative()) return Value::Null();
  auto micros = second->Rescale(6);
  if (!micros.ok() || micros->mantissa() >= 60 * kMicrosPerSecond) return Value::Null();
  int64_t magnitude = ((hour < 0 ? -hour : hour) * 3600 + minute * 60) * kMicrosPerSecond +
                      static_cast<int64_t>(micros->mantissa());
  magnitude = std::min(magnitude, kMaxTimeMicros);
  return Value::Time(hour < 0 ? -magnitude : magnitude);
}

Result<Value> SecToTime(const FunctionArgs& args) {
  auto seconds = ValueToDecimal(args.values[0]);
  if (!seconds.ok()) return Value::Null();
  auto micros = seconds->Rescale(6);
  if (!micros.ok()) return Value::Null();
  __int128 m = micros->mantissa();
  m = std::clamp<__int128>(m, -kMaxTimeMicros, kMaxTimeMicros);
  return Value::Time(static_cast<int64_t>(m));
}

Result<Value> TimeToSec(const FunctionArgs& args) {
  auto t = ArgTime(args, 0);
  return t ? Value::Int(*t / kMicrosPerSecond) : Value::Null();
}

// ---- Differences ----------------------------------------------------------------------------

Result<Value> DateDiff(const FunctionArgs& args) {
  auto a = ArgDate(args, 0), b = ArgDate(args, 1);
  if (!a || !b) return Value::Null();
  return Value::Int(static_cast<int64_t>(*a) - *b);
}

bool IsTimeArg(const FunctionArgs& args, size_t i) {
  const Value& v = args.values[i];
  if (v.kind() == ValueKind::kTime) return true;
  if (v.kind() != ValueKind::kString) return false;
  return !ParseDate(v.string_value()).ok() && ParseTime(v.string_value()).ok();
}

// TIMEDIFF(a, b): both TIMEs or both DATETIMEs (mixed gives NULL); clamped to the TIME range.
Result<Value> TimeDiff(const FunctionArgs& args) {
  bool time_a = IsTimeArg(args, 0), time_b = IsTimeArg(args, 1);
  if (time_a != time_b) return Value::Null();
  std::optional<int64_t> a = time_a ? ArgTime(args, 0) : ArgDatetime(args, 0);
  std::optional<int64_t> b = time_b ? ArgTime(args, 1) : ArgDatetime(args, 1);
  if (!a || !b) return Value::Null();
  return Value::Time(std::clamp(*a - *b, -kMaxTimeMicros, kMaxTimeMicros));
}

// Whole months from a to b, MySQL style: a partial month (by day and time of day) not counted.
int64_t MonthsBetween(int64_t a, int64_t b) {
  CivilTime ca = DatetimeToCivil(a), cb = DatetimeToCivil(b);
  int64_t months = (static_cast<int64_t>(cb.year) - ca.year) * 12 + (cb.month - ca.month);
  int64_t rest_a = static_cast<int64_t>(ca.day) * kMicrosPerDay + TimeOfDay(a);
  int64_t rest_b = static_cast<int64_t>(cb.day) * kMicrosPerDay + TimeOfDay(b);
  if (b >= a && rest_b < rest_a) --months;
  if (b < a && rest_b > rest_a) ++months;
  return months;
}

Result<Value> TimestampDiff(const FunctionArgs& args) {
  auto unit = ParseTimeUnit(ArgText(args, 0));
  auto a = ArgDatetime(args, 1), b = ArgDatetime(args, 2);
  if (!unit || !a || !b) return Value::Null();
  int64_t diff = *b - *a;
  constexpr int64_t kMinute = 60 * kMicrosPerSecond;
  switch (*unit) {
    case TimeUnit::kMicrosecond:
      return Value::Int(diff);
    case TimeUnit::kSecond:
      return Value::Int(diff / kMicrosPerSecond);
    case TimeUnit::kMinute:
      return Value::Int(diff / kMinute);
    case TimeUnit::kHour:
      return Value::Int(diff / (60 * kMinute));
    case TimeUnit::kDay:
      return Value::Int(diff / kMicrosPerDay);
    case TimeUnit::kWeek:
      return Value::Int(diff / (7 * kMicrosPerDay));
    case TimeUnit::kMonth:
      return Value::Int(MonthsBetween(*a, *b));
    case TimeUnit::kQuarter:
      return Value::Int(MonthsBetween(*a, *b) / 3);
    case TimeUnit::kYear:
      return Value::Int(MonthsBetween(*a, *b) / 12);
    default:
      return Value::Null();
  }
}

// ---- Interval arithmetic --------------------------------------------------------------------

bool IsDateOnlyText(const Value& v) {
  return v.kind() == ValueKind::kString && v.string_value().find(':') == std::string::npos &&
         ParseDate(v.string_value()).ok();
}

Result<Value> ApplyInterval(const FunctionArgs& args, size_t date, const Interval& interval,
                            bool date_unit, int sign) {
  const LogicalType& result = args.result_type;
  if (result.id == TypeId::kTime) {
    auto t = ArgTime(args, date);
    if (!t || interval.months != 0) return Value::Null();
    int64_t moved = *t + sign * interval.micros;
    if (moved < -kMaxTimeMicros || moved > kMaxTimeMicros) return Value::Null();
    return Value::Time(moved);
  }
  auto dt = ArgDatetime(args, date);
  if (!dt) return Value::Null();
  auto moved = AddInterval(*dt, interval, sign);
  if (!moved) return Value::Null();
  switch (result.id) {
    case TypeId::kDate:
      return Value::Date(DatePart(*moved));
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return Value::Datetime(*moved);
    default:
      if (date_unit && IsDateOnlyText(args.values[date])) {
        return Value::String(FormatDate(DatePart(*moved)));
      }
      return Value::String(FormatDatetime(*moved, *moved % kMicrosPerSecond != 0 ? 6 : 0));
  }
}

Result<Value> DateArith(const FunctionArgs& args, DateArithArgs at, int sign) {
  if (args.values[at.date].is_null() || args.values[at.amount].is_null()) return Value::Null();
  auto unit =
      at.unit == at.amount ? std::optional(TimeUnit::kDay) : ParseTimeUnit(ArgText(args, at.unit));
  if (!unit) return Value::Null();
  auto interval = MakeInterval(args.values[at.amount], args.types[at.amount], *unit);
  if (!interval) return Value::Null();
  return ApplyInterval(args, at.date, *interval, IsDateUnit(*unit), sign);
}

Result<Value> DateAdd(const FunctionArgs& args) { return DateArith(args, {0, 1, 2}, 1); }
Result<Value> DateSub(const FunctionArgs& args) { return DateArith(args, {0, 1, 2}, -1); }
Result<Value> AddDate(const FunctionArgs& args) {
  return DateArith(args, {0, 1, args.values.size() == 3 ? 2u : 1u}, 1);
}
Result<Value> SubDate(const FunctionArgs& args) {
  return DateArith(args, {0, 1, args.values.size() == 3 ? 2u : 1u}, -1);
}
Result<Value> TimestampAdd(const FunctionArgs& args) { return DateArith(args, {2, 1, 0}, 1); }

// ADDTIME/SUBTIME: a time-like string first argument computes and prints a TIME.
Result<Value> AddTimeFn(const FunctionArgs& args, int sign) {
  auto delta = ArgTime(args, 1);
  if (!delta) return Value::Null();
  if (args.result_type.IsString() && IsTimeArg(args, 0)) {
    auto t = ArgTime(args, 0);
    if (!t) return Value::Null();
    int64_t moved = std::clamp(*t + sign * *delta, -kMaxTimeMicros, kMaxTimeMicros);
    return Value::String(FormatTime(moved, moved % kMicrosPerSecond != 0 ? 6 : 0));
  }
  return ApplyInterval(args, 0, Interval{0, *delta}, false, sign);
}
Result<Value> AddTime(const FunctionArgs& args) { return AddTimeFn(args, 1); }
Result<Value> SubTime(const FunctionArgs& args) { return AddTimeFn(args, -1); }

// True for units made only of time-of-day fields (HOUR .. MICROSECOND and their compounds).
bool IsClockUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMicrosecond:
    case TimeUnit::kSecond:
    case TimeUnit::kMinute:
    case TimeUnit::kHour:
    case TimeUnit::kSecondMicrosecond:
    case TimeUnit::kMinuteMicrosecond:
    case TimeUnit::kMinuteSecond:
    case TimeUnit::kHourMicrosecond:
    case TimeUnit::kHourSecond:
    case TimeUnit::kHourMinute:
      return true;
    default:
      return false;
  }
}

// EXTRACT(unit FROM x): compound units concatenate their fields (DAY_HOUR of 2nd 03h is 203).
// Clock units read x as a TIME (hours may exceed 23, a negative TIME gives negative fields).
Result<Value> Extract(const FunctionArgs& args) {
  auto unit = ParseTimeUnit(ArgText(args, 0));
  if (!unit) return Value::Null();
  CivilTime c;
  int sign = 1;
  if (IsClockUnit(*unit)) {
    auto t = ArgTime(args, 1);
    if (!t) return Value::Null();
    sign = *t < 0 ? -1 : 1;
    int64_t m = *t < 0 ? -*t : *t;
    c.hour = static_cast<int>(m / (3600 * kMicrosPerSecond));
    c.minute = static_cast<int>(m / (60 * kMicrosPerSecond) % 60);
    c.second = static_cast<int>(m / kMicrosPerSecond % 60);
    c.microsecond = static_cast<int>(m % kMicrosPerSecond);
  } else {
    auto dt = ArgDatetime(args, 1);
    if (!dt) return Value::Null();
    c = DatetimeToCivil(*dt);
  }
  int week_year = 0;
  int64_t hms = c.hour * 10000LL + c.minute * 100 + c.second;
  int64_t v = 0;
  switch (*unit) {
    case TimeUnit::kMicrosecond:
      v = c.microsecond;
      break;
    case TimeUnit::kSecond:
      v = c.second;
      break;
    case TimeUnit::kMinute:
      v = c.minute;
      break;
    case TimeUnit::kHour:
      v = c.hour;
      break;
    case TimeUnit::kDay:
      v = c.day;
      break;
    case TimeUnit::kWeek:
      v = CalcWeek(c.year, c.month, c.day, WeekBehaviour(0), &week_year);
      break;
    case TimeUnit::kMonth:
      v = c.month;
      break;
    case TimeUnit::kQuarter:
      v = (c.month + 2) / 3;
      break;
    case TimeUnit::kYear:
      v = c.year;
      break;
    case TimeUnit::kSecondMicrosecond:
      v = c.second * 1000000LL + c.microsecond;
      break;
    case TimeUnit::kMinuteMicrosecond:
      v = (c.minute * 100LL + c.second) * 1000000 + c.microsecond;
      break;
    case TimeUnit::kMinuteSecond:
      v = c.minute * 100LL + c.second;
      break;
    case TimeUnit::kHourMicrosecond:
      v = hms * 1000000 + c.microsecond;
      break;
    case TimeUnit::kHourSecond:
      v = hms;
      break;
    case TimeUnit::kHourMinute:
      v = c.hour * 100LL + c.minute;
      break;
    case TimeUnit::kDayMicrosecond:
      v = (c.day * 1000000LL + hms) * 1000000 + c.microsecond;
      break;
    case TimeUnit::kDaySecond:
      v = c.day * 1000000LL + hms;
      break;
    case TimeUnit::kDayMinute:
      v = c.day * 10000LL + c.hour * 100 + c.minute;
      break;
    case TimeUnit::kDayHour:
      v = c.day * 100LL + c.hour;
      break;
    case TimeUnit::kYearMonth:
      v = c.year * 100LL + c.month;
      break;
  }
  return Value::Int(sign * v);
}

// ---- Formatting -----------------------------------------------------------------------------

Result<Value> DateFormat(const FunctionArgs& args) {
  auto dt = ArgDatetime(args, 0);
  if (!dt) return Value::Null();
  auto text = FormatTemporal(DatetimeToCivil(*dt), ArgText(args, 1));
  return text ? Value::String(*text) : Value::Null();
}

Result<Value> TimeFormat(const FunctionArgs& args) {
  auto t = ArgTime(args, 0);
  if (!t) return Value::Null();
  int64_t m = *t < 0 ? -*t : *t;
  CivilTime c;
  c.hour = static_cast<int>(m / (3600 * kMicrosPerSecond));
  c.minute = static_cast<int>(m / (60 * kMicrosPerSecond) % 60);
  c.second = static_cast<int>(m / kMicrosPerSecond % 60);
  c.microsecond = static_cast<int>(m % kMicrosPerSecond);
  auto text = FormatTemporal(c, ArgText(args, 1), /*time_only=*/true, *t < 0);
  return text ? Value::String(*text) : Value::Null();
}

Result<Value> StrToDate(const FunctionArgs& args) {
  auto c = ParseTemporal(ArgText(args, 0), ArgText(args, 1));
  if (!c) return Value::Null();
  int64_t time =
      ((c->hour * 60LL + c->minute) * 60 + c->second) * kMicrosPerSecond + c->microsecond;
  switch (args.result_type.id) {
    case TypeId::kTime:
      return Value::Time(time);
    case TypeId::kDate:
      if (c->year == 0) return Value::Null();
      return Value::Date(DaysFromCivil(c->year, c->month, c->day));
    default:
      if (c->year == 0) return Value::Null();
      return Value::Datetime(CivilToDatetime(*c));
  }
}

constexpr ScalarFunction kDatetimeFunctions[] = {
    {"now", 0, 1, ReturnDatetime0, Now, false, false, RefineDatetimeFsp},
    {"current_timestamp", 0, 1, ReturnDatetime0, Now, false, false, RefineDatetimeFsp},
    {"localtime", 0, 1, ReturnDatetime0, Now, false, false, RefineDatetimeFsp},
    {"localtimestamp", 0, 1, ReturnDatetime0, Now, false, false, RefineDatetimeFsp},
    {"utc_timestamp", 0, 1, ReturnDatetime0, Now, false, false, RefineDatetimeFsp},
    {"sysdate", 0, 1, ReturnDatetime0, Sysdate, false, false, RefineDatetimeFsp},
    {"curdate", 0, 0, ReturnDate, Curdate, false, false, nullptr},
    {"current_date", 0, 0, ReturnDate, Curdate, false, false, nullptr},
    {"utc_date", 0, 0, ReturnDate, Curdate, false, false, nullptr},
    {"curtime", 0, 1, ReturnTime0, Curtime, false, false, RefineTimeFsp},
    {"current_time", 0, 1, ReturnTime0, Curtime, false, false, RefineTimeFsp},
    {"utc_time", 0, 1, ReturnTime0, Curtime, false, false, RefineTimeFsp},
    {"unix_timestamp", 0, 1, ReturnUnixTimestamp, UnixTimestamp, true, false, RefineUnixTimestamp},
    {"from_unixtime", 1, 2, ReturnFromUnixtime, FromUnixtime, true, true, RefineFromUnixtime},
    {"convert_tz", 3, 3, ReturnDatetimeOfArgs, ConvertTz, true, true, RefineDatetimeOfArgs},
    {"date", 1, 1, ReturnDate, DateFn, true, true, nullptr},
    {"time", 1, 1, ReturnTimeOfArg, TimeFn, true, true, RefineTimeOfArg},
    {"timestamp", 1, 2, ReturnDatetimeOfArgs, TimestampFn, true, true, RefineDatetimeOfArgs},
    {"year", 1, 1, ReturnInt, DatePartFn<YearOf>, true, true, nullptr},
    {"month", 1, 1, ReturnInt, DatePartFn<MonthOf>, true, true, nullptr},
    {"day", 1, 1, ReturnInt, DatePartFn<DayOf>, true, true, nullptr},
    {"dayofmonth", 1, 1, ReturnInt, DatePartFn<DayOf>, true, true, nullptr},
    {"quarter", 1, 1, ReturnInt, DatePartFn<QuarterOf>, true, true, nullptr},
    {"dayofyear", 1, 1, ReturnInt, DatePartFn<DayOfYearOf>, true, true, nullptr},
    {"dayofweek", 1, 1, ReturnInt, DatePartFn<DayOfWeekOf>, true, true, nullptr},
    {"weekday", 1, 1, ReturnInt, DatePartFn<WeekdayOf>, true, true, nullptr},
    {"weekofyear", 1, 1, ReturnInt, DatePartFn<WeekOfYearOf>, true, true, nullptr},
    {"week", 1, 2, ReturnInt, Week, true, true, nullptr},
    {"yearweek", 1, 2, ReturnInt, YearWeek, true, true, nullptr},
    {"hour", 1, 1, ReturnInt, TimePartFn<3600 * kMicrosPerSecond, 0>, true, true, nullptr},
    {"minute", 1, 1, ReturnInt, TimePartFn<60 * kMicrosPerSecond, 60>, true, true, nullptr},
    {"second", 1, 1, ReturnInt, TimePartFn<kMicrosPerSecond, 60>, true, true, nullptr},
    {"microsecond", 1, 1, ReturnInt, TimePartFn<1, kMicrosPerSecond>, true, true, nullptr},
    {"monthname", 1, 1, ReturnVarchar<9>, MonthName, true, true, nullptr},
    {"dayname", 1, 1, ReturnVarchar<9>, DayName, true, true, nullptr},
    {"last_day", 1, 1, ReturnDate, LastDay, true, true, nullptr},
    {"to_days", 1, 1, ReturnBigInt, ToDays, true, true, nullptr},
    {"to_seconds", 1, 1, ReturnBigInt, ToSeconds, true, true, nullptr},
    {"from_days", 1, 1, ReturnDate, FromDays, true, true, nullptr},
    {"makedate", 2, 2, ReturnDate, MakeDate, true, true, nullptr},
    {"maketime", 3, 3, ReturnTimeOfArgs, MakeTime, true, true, RefineTimeOfArgs},
    {"sec_to_time", 1, 1, ReturnTimeOfArgs, SecToTime, true, true, RefineTimeOfArgs},
    {"time_to_sec", 1, 1, ReturnBigInt, TimeToSec, true, true, nullptr},
    {"datediff", 2, 2, ReturnBigInt, DateDiff, true, true, nullptr},
    {"timediff", 2, 2, ReturnTimeOfArgs, TimeDiff, true, true, RefineTimeOfArgs},
    {"timestampdiff", 3, 3, ReturnBigInt, TimestampDiff, true, true, nullptr},
    {"date_add", 3, 3, ReturnDateArith<0, 1, 2>, DateAdd, true, true, RefineDateArith<0, 1, 2>},
    {"date_sub", 3, 3, ReturnDateArith<0, 1, 2>, DateSub, true, true, RefineDateArith<0, 1, 2>},
    {"adddate", 2, 3, ReturnAddDate, AddDate, true, true, RefineAddDate},
    {"subdate", 2, 3, ReturnAddDate, SubDate, true, true, RefineAddDate},
    {"timestampadd", 3, 3, ReturnDateArith<2, 1, 0>, TimestampAdd, true, true,
     RefineDateArith<2, 1, 0>},
    {"addtime", 2, 2, ReturnAddTime, AddTime, true, true, RefineAddTime},
    {"subtime", 2, 2, ReturnAddTime, SubTime, true, true, RefineAddTime},
    {"extract", 2, 2, ReturnBigInt, Extract, true, true, nullptr},
    {"date_format", 2, 2, ReturnVarchar<255>, DateFormat, true, true, nullptr},
    {"time_format", 2, 2, ReturnVarchar<255>, TimeFormat, true, true, nullptr},
    {"str_to_date", 2, 2, ReturnStrToDate, StrToDate, true, true, RefineStrToDate},
};

}  // namespace

std::span<const ScalarFunction> DatetimeFunctions() { return kDatetimeFunctions; }

}  // namespace vexdb
