#include <gtest/gtest.h>

#include <set>
#include <string>

#include "function/function.h"
#include "function/function_tables.h"
#include "function/function_test_util.h"

namespace vexdb {
namespace {

TEST(RegistryTest, LookupIsCaseInsensitive) {
  EXPECT_EQ(FindScalarFunction("CONCAT"), FindScalarFunction("concat"));
  EXPECT_NE(FindScalarFunction("Coalesce"), nullptr);
  EXPECT_EQ(FindScalarFunction("no_such_function"), nullptr);
  EXPECT_NE(FindAggregateFunction("COUNT"), nullptr);
  EXPECT_EQ(FindAggregateFunction("concat"), nullptr);
  EXPECT_EQ(FindScalarFunction("count"), nullptr);
}

TEST(RegistryTest, NamesAreUniqueAndLowerCase) {
  std::set<std::string> names;
  for (auto table : {StringFunctions(), CodecFunctions(), NumericFunctions(), DatetimeFunctions(),
                     ControlFunctions(), InfoFunctions(), JsonFunctions(), RegexpFunctions()}) {
    for (const ScalarFunction& f : table) {
      EXPECT_TRUE(names.insert(f.name).second) << "duplicate " << f.name;
      for (const char* c = f.name; *c; ++c) EXPECT_FALSE(*c >= 'A' && *c <= 'Z') << f.name;
      EXPECT_NE(f.return_type, nullptr) << f.name;
      EXPECT_NE(f.eval, nullptr) << f.name;
      EXPECT_TRUE(f.max_args < 0 || f.max_args >= f.min_args) << f.name;
    }
  }
  for (const AggregateFunction& f : AggregateFunctions()) {
    EXPECT_TRUE(names.insert(f.name).second) << "duplicate " << f.name;
    EXPECT_NE(f.create, nullptr) << f.name;
  }
}

// Every scalar function's return type accepts its minimum arity of NULL-typed arguments, so the
// binder can type `f(NULL, ...)`, and NULL-propagating functions return NULL for them.
TEST(RegistryTest, EveryFunctionTypesNullArguments) {
  for (auto table : {StringFunctions(), CodecFunctions(), NumericFunctions(), DatetimeFunctions(),
                     ControlFunctions(), InfoFunctions(), JsonFunctions(), RegexpFunctions()}) {
    for (const ScalarFunction& f : table) {
      int n = std::max(f.min_args, 1);
      if (f.max_args >= 0) n = std::min(n, f.max_args);
      std::vector<LogicalType> types(static_cast<size_t>(n), LogicalType::Null());
      EXPECT_TRUE(f.return_type(types).ok()) << f.name;
      std::vector<const Value*> constants(types.size(), nullptr);
      EXPECT_TRUE(ResolveReturnType(f, types, constants).ok()) << f.name;
    }
  }
}

TEST(RegistryTest, UnifyResultTypes) {
  auto unify = [](std::vector<LogicalType> types) { return UnifyResultTypes(types).ToSql(); };
  EXPECT_EQ(UnifyResultTypes({}).id, TypeId::kNull);
  EXPECT_EQ(unify({LogicalType::Of(TypeId::kInt), LogicalType::BigInt(true)}), "bigint");
  EXPECT_EQ(unify({LogicalType::BigInt(true), LogicalType::BigInt(true)}), "bigint unsigned");
  EXPECT_EQ(unify({LogicalType::Decimal(5, 2), LogicalType::Decimal(10, 0)}), "decimal(12,2)");
  EXPECT_EQ(unify({LogicalType::Decimal(5, 2), LogicalType::Double()}), "double");
  EXPECT_EQ(unify({LogicalType::Varchar(3), LogicalType::Of(TypeId::kInt)}), "varchar(11)");
  EXPECT_EQ(unify({LogicalType::Null(), LogicalType::Datetime(2)}), "datetime(2)");
  EXPECT_EQ(unify({LogicalType::Of(TypeId::kJson), LogicalType::Of(TypeId::kJson)}), "json");
}

// The Value kind the evaluator may expect for a result type.
bool KindMatches(const Value& v, const LogicalType& t) {
  if (v.is_null() || t.id == TypeId::kNull) return true;
  switch (t.id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
      return v.kind() == (t.is_unsigned ? ValueKind::kUInt : ValueKind::kInt);
    case TypeId::kFloat:
    case TypeId::kDouble:
      return v.kind() == ValueKind::kDouble;
    case TypeId::kDecimal:
      return v.kind() == ValueKind::kDecimal;
    case TypeId::kDate:
      return v.kind() == ValueKind::kDate;
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return v.kind() == ValueKind::kDatetime;
    case TypeId::kTime:
      return v.kind() == ValueKind::kTime;
    case TypeId::kVector:
      return v.kind() == ValueKind::kVector;
    default:
      return v.kind() == ValueKind::kString;
  }
}

// Every function, called with many argument shapes (garbage text, extremes, NULLs, temporals),
// returns a value of its declared result type's kind or an error, and never crashes.
TEST(RegistryTest, EveryFunctionSurvivesOddArguments) {
  using namespace testing;  // NOLINT: the argument builders
  const std::vector<Arg> samples = {
      I(0),
      I(-1),
      I(INT64_MAX),
      U(UINT64_MAX),
      S(""),
      S("abc"),
      S("2024-02-29 10:11:12.5"),
      S("10:00:00"),
      S("-5.5e3x"),
      S("日本😀"),
      S("{\"a\": [1, 2]}"),
      S("$.a"),
      S("DAY"),
      D("-123.456"),
      F(1e300),
      F(-0.5),
      N(),
      Date("2024-02-29"),
      Datetime("1970-01-01 00:00:00"),
      Time("-838:59:59"),
      J("[1, {\"b\": null}]"),
      B(std::string("\0\xff", 2)),
  };
  uint64_t seed = 12345;
  auto next = [&seed, &samples] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return samples[(seed >> 33) % samples.size()];
  };
  for (auto table : {StringFunctions(), CodecFunctions(), NumericFunctions(), DatetimeFunctions(),
                     ControlFunctions(), InfoFunctions(), JsonFunctions(), RegexpFunctions()}) {
    for (const ScalarFunction& f : table) {
      if (std::string(f.name) == "sleep") continue;
      int max = f.max_args < 0 ? f.min_args + 3 : std::min(f.max_args, f.min_args + 3);
      for (int n = f.min_args; n <= max; ++n) {
        for (int round = 0; round < 40; ++round) {
          std::vector<Arg> args;
          for (int i = 0; i < n; ++i) args.push_back(next());
          FunctionContext context = DefaultContext();
          CallResult r = CallFunction(f.name, args, context);
          if (r.value.ok()) {
            EXPECT_TRUE(KindMatches(*r.value, r.type))
                << f.name << " returned kind " << static_cast<int>(r.value->kind()) << " for "
                << r.type.ToSql();
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace vexdb
