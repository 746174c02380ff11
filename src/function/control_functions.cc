// Control-flow functions: IF, IFNULL, NULLIF, COALESCE, GREATEST, LEAST, ISNULL. The binder calls
// them as ordinary functions with eagerly evaluated arguments (none has side effects). Results
// are one of the arguments converted to the unified result type (UnifyResultTypes), so a
// column of IFNULL(int_col, 'x') is a string everywhere, as in MySQL.

#include "function/function_tables.h"
#include "function/function_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

Result<Value> Pick(const FunctionArgs& args, size_t i) {
  return ConformValue(args.values[i], args.types[i], args.result_type);
}

Result<LogicalType> ReturnUnified(std::span<const LogicalType> types) {
  return UnifyResultTypes(types);
}

Result<LogicalType> ReturnIfBranches(std::span<const LogicalType> types) {
  return UnifyResultTypes(types.subspan(1));
}

Result<LogicalType> ReturnFirst(std::span<const LogicalType> types) { return types[0]; }

Result<Value> If(const FunctionArgs& args) {
  const Value& condition = args.values[0];
  bool take_first = !condition.is_null() && ValueToBool(condition);
  return Pick(args, take_first ? 1 : 2);
}

Result<Value> IfNull(const FunctionArgs& args) {
  return Pick(args, args.values[0].is_null() ? 1 : 0);
}

Result<Value> NullIf(const FunctionArgs& args) {
  const Value& a = args.values[0];
  const Value& b = args.values[1];
  if (!a.is_null() && !b.is_null() && CompareValues(a, b) == 0) return Value::Null();
  return a;
}

Result<Value> Coalesce(const FunctionArgs& args) {
  for (size_t i = 0; i < args.values.size(); ++i) {
    if (!args.values[i].is_null()) return Pick(args, i);
  }
  return Value::Null();
}

// GREATEST / LEAST: every argument converted to the result type, then compared in it (numbers
// numerically, strings byte-wise as utf8mb4_bin).
Result<Value> Extreme(const FunctionArgs& args, int sign) {
  VEXDB_ASSIGN_OR_RETURN(Value best, Pick(args, 0));
  for (size_t i = 1; i < args.values.size(); ++i) {
    VEXDB_ASSIGN_OR_RETURN(Value v, Pick(args, i));
    if (CompareValues(v, best) * sign > 0) best = std::move(v);
  }
  return best;
}

Result<Value> Greatest(const FunctionArgs& args) { return Extreme(args, 1); }
Result<Value> Least(const FunctionArgs& args) { return Extreme(args, -1); }

Result<Value> IsNull(const FunctionArgs& args) {
  return Value::Int(args.values[0].is_null() ? 1 : 0);
}

constexpr ScalarFunction kControlFunctions[] = {
    {"if", 3, 3, ReturnIfBranches, If, false, true, nullptr},
    {"ifnull", 2, 2, ReturnUnified, IfNull, false, true, nullptr},
    {"nvl", 2, 2, ReturnUnified, IfNull, false, true, nullptr},
    {"nullif", 2, 2, ReturnFirst, NullIf, false, true, nullptr},
    {"coalesce", 1, -1, ReturnUnified, Coalesce, false, true, nullptr},
    {"greatest", 2, -1, ReturnUnified, Greatest, true, true, nullptr},
    {"least", 2, -1, ReturnUnified, Least, true, true, nullptr},
    {"isnull", 1, 1, ReturnBoolean, IsNull, false, true, nullptr},
};

}  // namespace

std::span<const ScalarFunction> ControlFunctions() { return kControlFunctions; }

}  // namespace vexdb
