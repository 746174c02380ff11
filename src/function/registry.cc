// The function registry: one case-insensitive index over every family's table, built on first
// use. Names are unique across families (a duplicate is a programming error caught by the
// registry test). Lookups after construction are read-only, so they are thread-safe.

#include <string>
#include <unordered_map>

#include "function/function_tables.h"

namespace vexdb {

namespace {

std::string Lower(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <typename Function>
using Index = std::unordered_map<std::string, const Function*>;

const Index<ScalarFunction>& ScalarIndex() {
  static const Index<ScalarFunction> index = [] {
    Index<ScalarFunction> built;
    for (auto table : {StringFunctions(), CodecFunctions(), NumericFunctions(), DatetimeFunctions(),
                       ControlFunctions(), InfoFunctions(), JsonFunctions(), RegexpFunctions(),
                       VectorFunctions()}) {
      for (const ScalarFunction& f : table) built.emplace(f.name, &f);
    }
    return built;
  }();
  return index;
}

const Index<AggregateFunction>& AggregateIndex() {
  static const Index<AggregateFunction> index = [] {
    Index<AggregateFunction> built;
    for (const AggregateFunction& f : AggregateFunctions()) built.emplace(f.name, &f);
    return built;
  }();
  return index;
}

}  // namespace

const ScalarFunction* FindScalarFunction(std::string_view name) {
  const auto& index = ScalarIndex();
  auto it = index.find(Lower(name));
  return it == index.end() ? nullptr : it->second;
}

const AggregateFunction* FindAggregateFunction(std::string_view name) {
  const auto& index = AggregateIndex();
  auto it = index.find(Lower(name));
  return it == index.end() ? nullptr : it->second;
}

Result<LogicalType> ResolveReturnType(const ScalarFunction& function,
                                      std::span<const LogicalType> arg_types,
                                      std::span<const Value* const> constants) {
  if (function.refine_type == nullptr) return function.return_type(arg_types);
  return function.refine_type(arg_types, constants);
}

}  // namespace vexdb
