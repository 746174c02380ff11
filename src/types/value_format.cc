// Text forms of values (text protocol, CAST(... AS CHAR)).
//
// Floating-point text is TiDB's: std::to_chars gives the shortest digit string that round-trips
// (for float32 or float64), which is then laid out in plain positional notation, or in exponent
// form ("1e-16", "1.5e15": no '+', no leading zeros in the exponent) outside [1e-15, 1e15).

#include "types/value_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "types/temporal.h"

namespace vexdb {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

// A shortest round-trip decimal: value = 0.d1d2...dn * 10^(exponent + 1), i.e. d1.d2...dn * 10^e.
struct ShortestDigits {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

template <typename T>
ShortestDigits Shortest(T v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  ShortestDigits out;
  if (text.front() == '-') {
    out.negative = true;
    text.remove_prefix(1);
  }
  size_t e = text.find('e');
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits += c;
  }
  out.exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  return out;
}

std::string PlainLayout(const ShortestDigits& d) {
  std::string out = d.negative ? "-" : "";
  auto n = static_cast<int>(d.digits.size());
  if (d.exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-d.exponent - 1), '0');
    return out + d.digits;
  }
  if (n <= d.exponent + 1) {
    out += d.digits;
    out.append(static_cast<size_t>(d.exponent + 1 - n), '0');
    return out;
  }
  out += d.digits.substr(0, static_cast<size_t>(d.exponent + 1));
  return out + "." + d.digits.substr(static_cast<size_t>(d.exponent + 1));
}

std::string ExponentLayout(const ShortestDigits& d) {
  std::string out = d.negative ? "-" : "";
  out += d.digits[0];
  if (d.digits.size() > 1) out += "." + d.digits.substr(1);
  return out + "e" + std::to_string(d.exponent);
}

template <typename T>
std::string FormatReal(T v, T big, T small) {
  if (!std::isfinite(v)) return "0";
  T magnitude = std::fabs(v);
  ShortestDigits d = Shortest(v);
  if (magnitude >= big || (magnitude != 0 && magnitude < small)) return ExponentLayout(d);
  return PlainLayout(d);
}

int32_t DatetimeDays(int64_t micros) {
  int64_t days = micros / kMicrosPerDay;
  if (micros % kMicrosPerDay < 0) --days;
  return static_cast<int32_t>(days);
}

// BIT(n) values go out as ceil(n/8) big-endian bytes.
std::string BitBytes(uint64_t v, int64_t bits) {
  int64_t bytes = bits <= 0 ? 1 : (bits + 7) / 8;
  std::string out(static_cast<size_t>(bytes), '\0');
  for (int64_t i = bytes - 1; i >= 0 && v != 0; --i) {
    out[static_cast<size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

// The fsp to print a DATETIME/TIME value with: the type's, or (for untyped expressions) 6 when
// the value has a fractional part and 0 otherwise.
int DisplayFsp(int64_t micros, const LogicalType& type) {
  switch (type.id) {
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
      return type.fsp;
    default:
      return micros % kMicrosPerSecond != 0 ? 6 : 0;
  }
}

std::string FormatInt(int64_t v, const LogicalType& type) {
  if (type.id == TypeId::kYear) return fmt::format("{:04d}", v);
  if (type.id == TypeId::kBit) return BitBytes(static_cast<uint64_t>(v), type.length);
  return std::to_string(v);
}

std::string FormatUInt(uint64_t v, const LogicalType& type) {
  if (type.id == TypeId::kBit) return BitBytes(v, type.length);
  return std::to_string(v);
}

std::string FormatDecimal(const Decimal& v, const LogicalType& type) {
  if (type.id == TypeId::kDecimal && type.scale >= 0 && type.scale != v.scale()) {
    auto rescaled = v.Rescale(type.scale);
    if (rescaled.ok()) return rescaled->ToString();
  }
  return v.ToString();
}

std::string FormatString(const std::string& v, const LogicalType& type) {
  if (type.id != TypeId::kChar) return v;
  size_t end = v.find_last_not_of(' ');
  return end == std::string::npos ? std::string() : v.substr(0, end + 1);
}

std::string FormatDateValue(int32_t days, const LogicalType& type) {
  if (type.id == TypeId::kDatetime || type.id == TypeId::kTimestamp) {
    return FormatDatetime(static_cast<int64_t>(days) * kMicrosPerDay, type.fsp);
  }
  return FormatDate(days);
}

std::string FormatDatetimeValue(int64_t micros, const LogicalType& type) {
  if (type.id == TypeId::kDate) {
    return FormatDate(DatetimeDays(micros));
  }
  return FormatDatetime(micros, DisplayFsp(micros, type));
}

}  // namespace

std::string FormatDouble(double v) { return FormatReal<double>(v, 1e15, 1e-15); }

std::string FormatFloat(float v) { return FormatReal<float>(v, 1e15f, 1e-15f); }

std::string FormatVectorElement(float v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return PlainLayout(Shortest(v));
}

std::string FormatVector(const std::vector<float>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    out += FormatVectorElement(v[i]);
  }
  return out + "]";
}

std::string FormatValue(const Value& value, const LogicalType& type) {
  switch (value.kind()) {
    case ValueKind::kNull: return "";
    case ValueKind::kInt: return FormatInt(value.int_value(), type);
    case ValueKind::kUInt: return FormatUInt(value.uint_value(), type);
    case ValueKind::kDouble:
      if (type.id == TypeId::kFloat) return FormatFloat(static_cast<float>(value.double_value()));
      return FormatDouble(value.double_value());
    case ValueKind::kDecimal: return FormatDecimal(value.decimal_value(), type);
    case ValueKind::kString: return FormatString(value.string_value(), type);
    case ValueKind::kDate: return FormatDateValue(value.date_value(), type);
    case ValueKind::kDatetime: return FormatDatetimeValue(value.datetime_value(), type);
    case ValueKind::kTime:
      return FormatTime(value.time_value(), DisplayFsp(value.time_value(), type));
    case ValueKind::kVector: return FormatVector(value.vector_value());
  }
  return "";
}

}  // namespace vexdb
