#pragma once

// Test helpers for function/ unit tests: typed argument builders and Call(), which resolves and
// evaluates a scalar function the way the binder and evaluator do (NULL propagation, refined
// result types from constant arguments) and renders the result as the text protocol would.

#include <string>
#include <string_view>
#include <vector>

#include "function/function.h"
#include "types/decimal.h"
#include "types/temporal.h"
#include "types/value_format.h"

namespace vexdb::testing {

struct Arg {
  Value value;
  LogicalType type;
};

// An integer literal typed as the binder types it (BIGINT with the digit count as length).
inline Arg I(int64_t v) {
  LogicalType t = LogicalType::BigInt();
  t.length = static_cast<int64_t>(std::to_string(v).size());
  return {Value::Int(v), t};
}
inline Arg U(uint64_t v) { return {Value::UInt(v), LogicalType::BigInt(true)}; }
inline Arg F(double v) { return {Value::Double(v), LogicalType::Double()}; }
inline Arg S(std::string v) {
  auto n = static_cast<int64_t>(v.size());
  return {Value::String(std::move(v)), LogicalType::Varchar(n)};
}
inline Arg B(std::string v) {
  LogicalType t = LogicalType::Of(TypeId::kVarbinary);
  t.length = static_cast<int64_t>(v.size());
  return {Value::String(std::move(v)), t};
}
inline Arg J(std::string v) {
  return {Value::String(std::move(v)), LogicalType::Of(TypeId::kJson)};
}
inline Arg N() { return {Value::Null(), LogicalType::Null()}; }
// A DECIMAL literal typed as the binder types it ("1.50" -> DECIMAL(3,2)).
inline Arg D(std::string_view text) {
  Decimal d = *Decimal::Parse(text);
  int digits = 0;
  for (char c : text) digits += (c >= '0' && c <= '9');
  return {Value::Dec(d), LogicalType::Decimal(std::max(digits, d.scale() + 1), d.scale())};
}
inline Arg Date(std::string_view text) {
  return {Value::Date(*ParseDate(text)), LogicalType::Of(TypeId::kDate)};
}
inline Arg Datetime(std::string_view text, int fsp = 0) {
  return {Value::Datetime(*ParseDatetime(text)), LogicalType::Datetime(fsp)};
}
inline Arg Time(std::string_view text, int fsp = 0) {
  LogicalType t = LogicalType::Of(TypeId::kTime);
  t.fsp = static_cast<uint8_t>(fsp);
  return {Value::Time(*ParseTime(text)), t};
}

inline FunctionContext& DefaultContext() {
  static FunctionContext context = [] {
    FunctionContext c;
    c.statement_time_micros = *ParseDatetime("2024-02-29 13:14:15.123456");
    c.current_database = "test";
    c.current_user = "root@127.0.0.1";
    c.connection_id = 7;
    c.last_insert_id = 42;
    c.version = "8.0.11-TiDB-v8.5.0-vexdb";
    return c;
  }();
  return context;
}

struct CallResult {
  Result<Value> value = Value::Null();
  LogicalType type;
};

// Resolves (all arguments count as constants) and evaluates a scalar function.
inline CallResult CallFunction(std::string_view name, const std::vector<Arg>& args,
                               FunctionContext& context = DefaultContext()) {
  const ScalarFunction* f = FindScalarFunction(name);
  if (f == nullptr) return {Status::Internal("no function " + std::string(name)), {}};
  int n = static_cast<int>(args.size());
  if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
    return {Status::Error(ErrorCode::kWrongParamcountToNativeFct, name), {}};
  }
  std::vector<Value> values;
  std::vector<LogicalType> types;
  std::vector<const Value*> constants;
  for (const Arg& a : args) {
    values.push_back(a.value);
    types.push_back(a.type);
  }
  for (const Value& v : values) constants.push_back(&v);
  auto type = ResolveReturnType(*f, types, constants);
  if (!type.ok()) return {type.TakeStatus(), {}};
  CallResult out{Value::Null(), *type};
  if (f->null_propagating) {
    for (const Value& v : values) {
      if (v.is_null()) return out;
    }
  }
  out.value = f->eval(FunctionArgs{values, types, out.type, context});
  return out;
}

inline std::string Render(const Result<Value>& value, const LogicalType& type) {
  if (!value.ok())
    return "ERROR " + std::to_string(value.status().mysql_errno()) + ": " +
           value.status().message();
  if (value->is_null()) return "NULL";
  return FormatValue(*value, type);
}

// The text-protocol rendering of name(args): "NULL", the value's text, or "ERROR <errno>: msg".
inline std::string Call(std::string_view name, const std::vector<Arg>& args) {
  CallResult r = CallFunction(name, args);
  return Render(r.value, r.type);
}

}  // namespace vexdb::testing
