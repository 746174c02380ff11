// CompareValues: MySQL's comparison rules for two non-NULL values (cast.h).
//
// Numbers compare exactly when no double is involved (int64, uint64 and Decimal meet as
// Decimal/__int128), and a double against an integer compares exactly too (no rounding of large
// integers to double). Decimal against double compares as doubles, as MySQL does. Strings compare
// bytewise with trailing spaces ignored (utf8mb4_bin is a PAD SPACE collation). A temporal
// against a string parses the string as that temporal; a number against a string compares both
// as doubles.

#include <cmath>
#include <cstring>
#include <optional>

#include "types/cast.h"
#include "types/cast_internal.h"
#include "types/temporal.h"
#include "types/value_format.h"
#include "types/vector_text.h"

namespace vexdb {

namespace {

using i128 = __int128;

constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

template <typename T>
int Sign(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

bool IsIntegral(ValueKind k) { return k == ValueKind::kInt || k == ValueKind::kUInt; }

bool IsNumber(ValueKind k) {
  return IsIntegral(k) || k == ValueKind::kDouble || k == ValueKind::kDecimal;
}

bool IsTemporal(ValueKind k) {
  return k == ValueKind::kDate || k == ValueKind::kDatetime || k == ValueKind::kTime;
}

i128 IntegralValue(const Value& v) {
  return v.kind() == ValueKind::kInt ? static_cast<i128>(v.int_value())
                                     : static_cast<i128>(v.uint_value());
}

// Exact comparison of a double with an integer of at most 65 bits.
int CompareDoubleInteger(double d, i128 i) {
  constexpr double kTwoTo100 = 1267650600228229401496703205376.0;
  if (std::isnan(d)) return -1;
  if (d >= kTwoTo100) return 1;
  if (d <= -kTwoTo100) return -1;
  double whole = std::trunc(d);
  int order = Sign(static_cast<i128>(whole), i);
  if (order != 0) return order;
  return Sign(d - whole, 0.0);
}

Decimal AsDecimal(const Value& v) {
  if (v.kind() == ValueKind::kDecimal) return v.decimal_value();
  return Decimal(IntegralValue(v), 0);
}

int CompareNumbers(const Value& a, const Value& b) {
  ValueKind ka = a.kind();
  ValueKind kb = b.kind();
  if (IsIntegral(ka) && IsIntegral(kb)) return Sign(IntegralValue(a), IntegralValue(b));
  if (ka == ValueKind::kDouble && IsIntegral(kb)) {
    return CompareDoubleInteger(a.double_value(), IntegralValue(b));
  }
  if (IsIntegral(ka) && kb == ValueKind::kDouble) {
    return -CompareDoubleInteger(b.double_value(), IntegralValue(a));
  }
  if (ka == ValueKind::kDouble || kb == ValueKind::kDouble) {
    return Sign(ValueToDouble(a), ValueToDouble(b));
  }
  return AsDecimal(a).Compare(AsDecimal(b));
}

int CompareBytes(std::string_view a, std::string_view b) {
  int order = a.compare(b);  // memcmp on an empty view's null data() would be UB
  return order == 0 ? 0 : (order < 0 ? -1 : 1);
}

std::string_view WithoutTrailingSpaces(std::string_view s) {
  size_t end = s.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string_view() : s.substr(0, end + 1);
}

int CompareStrings(const std::string& a, const std::string& b) {
  return CompareBytes(WithoutTrailingSpaces(a), WithoutTrailingSpaces(b));
}

// A DATE or DATETIME as microseconds; a TIME as a DATETIME on the current date.
int64_t InstantMicros(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kDate: return static_cast<int64_t>(v.date_value()) * kMicrosPerDay;
    case ValueKind::kDatetime: return v.datetime_value();
    default: {
      int64_t now = NowMicros();
      int64_t today = now / kMicrosPerDay * kMicrosPerDay;
      return today + v.time_value();
    }
  }
}

int CompareTemporals(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::kTime && b.kind() == ValueKind::kTime) {
    return Sign(a.time_value(), b.time_value());
  }
  return Sign(InstantMicros(a), InstantMicros(b));
}

// The string parsed as the temporal kind it is compared with, if it parses.
std::optional<Value> StringAsTemporal(const std::string& s, ValueKind kind) {
  if (kind == ValueKind::kTime) {
    auto t = ParseTime(s);
    if (t.ok()) return Value::Time(*t);
    return std::nullopt;
  }
  auto dt = ParseDatetime(s);
  if (dt.ok()) return Value::Datetime(*dt);
  return std::nullopt;
}

int CompareTemporalString(const Value& temporal, const Value& text) {
  std::optional<Value> parsed = StringAsTemporal(text.string_value(), temporal.kind());
  if (parsed.has_value()) return CompareTemporals(temporal, *parsed);
  return CompareStrings(cast_internal::ValueText(temporal), text.string_value());
}

int CompareVectors(const std::vector<float>& a, const std::vector<float>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return Sign(a.size(), b.size());
}

int CompareVectorWith(const Value& vector, const Value& other) {
  if (other.kind() == ValueKind::kString) {
    auto parsed = ParseVectorText(other.string_value());
    if (parsed.ok()) return CompareVectors(vector.vector_value(), *parsed);
  }
  return CompareStrings(cast_internal::ValueText(vector), cast_internal::ValueText(other));
}

}  // namespace

int CompareValues(const Value& a, const Value& b) {
  ValueKind ka = a.kind();
  ValueKind kb = b.kind();
  if (ka == ValueKind::kNull || kb == ValueKind::kNull) {
    return Sign(ka != ValueKind::kNull, kb != ValueKind::kNull);
  }
  if (IsNumber(ka) && IsNumber(kb)) return CompareNumbers(a, b);
  if (ka == ValueKind::kString && kb == ValueKind::kString) {
    return CompareStrings(a.string_value(), b.string_value());
  }
  if (IsTemporal(ka) && IsTemporal(kb)) return CompareTemporals(a, b);
  if (IsTemporal(ka) && kb == ValueKind::kString) return CompareTemporalString(a, b);
  if (ka == ValueKind::kString && IsTemporal(kb)) return -CompareTemporalString(b, a);
  if (ka == ValueKind::kVector && kb == ValueKind::kVector) {
    return CompareVectors(a.vector_value(), b.vector_value());
  }
  if (ka == ValueKind::kVector) return CompareVectorWith(a, b);
  if (kb == ValueKind::kVector) return -CompareVectorWith(b, a);
  return Sign(ValueToDouble(a), ValueToDouble(b));
}

}  // namespace vexdb
