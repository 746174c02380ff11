#pragma once

// Value: one SQL value (or NULL) as it flows through execution. It carries a physical kind, not
// a full LogicalType: rows are interpreted against the column types of their schema. Integers
// are int64 (signed types) or uint64 (unsigned); FLOAT and DOUBLE are double; DECIMAL is Decimal;
// character and byte strings are std::string (bytes; utf8mb4 for character data); DATE is int32
// days, DATETIME/TIMESTAMP/TIME int64 microseconds (temporal.h); JSON is its normalised text
// (json_text.h); ENUM and SET hold their text; VECTOR holds float32 elements. YEAR is kInt
// (0 or 1901..2155), BOOL is kInt (0/1), BIT(n) is kUInt. CastValue (cast.h) produces exactly
// these kinds for each column type.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "types/decimal.h"
#include "types/logical_type.h"

namespace vexdb {

enum class ValueKind : uint8_t {
  kNull,
  kInt,       // int64_t
  kUInt,      // uint64_t
  kDouble,    // double
  kDecimal,   // Decimal
  kString,    // std::string (character or byte data)
  kDate,      // int32_t days
  kDatetime,  // int64_t micros (DATETIME and TIMESTAMP)
  kTime,      // int64_t micros
  kVector,    // std::vector<float>
};

class Value {
 public:
  Value() = default;  // NULL
  static Value Null() { return Value(); }
  static Value Int(int64_t v) { return Value(ValueKind::kInt, v); }
  static Value UInt(uint64_t v) { return Value(ValueKind::kUInt, v); }
  static Value Double(double v) { return Value(ValueKind::kDouble, v); }
  static Value Dec(Decimal v) { return Value(ValueKind::kDecimal, v); }
  static Value String(std::string v) { return Value(ValueKind::kString, std::move(v)); }
  static Value Date(int32_t days) { return Value(ValueKind::kDate, static_cast<int64_t>(days)); }
  static Value Datetime(int64_t micros) { return Value(ValueKind::kDatetime, micros); }
  static Value Time(int64_t micros) { return Value(ValueKind::kTime, micros); }
  static Value Vector(std::vector<float> v) { return Value(ValueKind::kVector, std::move(v)); }

  ValueKind kind() const { return kind_; }
  bool is_null() const { return kind_ == ValueKind::kNull; }

  // Accessors; REQUIRE the matching kind.
  int64_t int_value() const { return std::get<int64_t>(data_); }
  uint64_t uint_value() const { return std::get<uint64_t>(data_); }
  double double_value() const { return std::get<double>(data_); }
  const Decimal& decimal_value() const { return std::get<Decimal>(data_); }
  const std::string& string_value() const { return std::get<std::string>(data_); }
  std::string& mutable_string() { return std::get<std::string>(data_); }
  int32_t date_value() const { return static_cast<int32_t>(std::get<int64_t>(data_)); }
  int64_t datetime_value() const { return std::get<int64_t>(data_); }
  int64_t time_value() const { return std::get<int64_t>(data_); }
  const std::vector<float>& vector_value() const { return std::get<std::vector<float>>(data_); }

  bool operator==(const Value& other) const = default;

 private:
  using Data = std::variant<std::monostate, int64_t, uint64_t, double, Decimal, std::string,
                            std::vector<float>>;
  template <typename T>
  Value(ValueKind kind, T v) : kind_(kind), data_(std::move(v)) {}

  ValueKind kind_ = ValueKind::kNull;
  Data data_;
};

using Row = std::vector<Value>;

}  // namespace vexdb
