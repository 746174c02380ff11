#include <gtest/gtest.h>

#include "function/function.h"
#include "function/function_test_util.h"

namespace vexdb {
namespace {

using testing::Arg;
using testing::D;
using testing::F;
using testing::I;
using testing::N;
using testing::S;

// Runs an aggregate over single-argument rows (or multi-argument rows) and renders the result.
std::string Aggregate(const char* name, const std::vector<std::vector<Arg>>& rows,
                      AggregateOptions options = {}, std::vector<LogicalType> types = {}) {
  const AggregateFunction* f = FindAggregateFunction(name);
  if (f == nullptr) return "no such aggregate";
  if (types.empty() && !rows.empty()) {
    for (const Arg& a : rows[0]) types.push_back(a.type);
  }
  auto type = f->return_type(types);
  if (!type.ok()) return type.status().message();
  auto state = CreateAggregateState(*f, types, *type, options);
  for (const auto& row : rows) {
    std::vector<Value> values;
    for (const Arg& a : row) values.push_back(a.value);
    Status s = state->Update(values);
    if (!s.ok()) return "ERROR " + s.message();
  }
  return testing::Render(state->Finalize(), *type);
}

std::string ResultType(const char* name, std::vector<LogicalType> types) {
  return FindAggregateFunction(name)->return_type(types).value().ToSql();
}

TEST(AggregatesTest, Count) {
  EXPECT_EQ(Aggregate("count", {{I(1)}, {N()}, {I(3)}}), "2");
  AggregateOptions star;
  star.star = true;
  EXPECT_EQ(Aggregate("count", {{}, {}, {}}, star, {LogicalType::BigInt()}), "3");
  EXPECT_EQ(Aggregate("count", {}, {}, {LogicalType::BigInt()}), "0");
  AggregateOptions distinct;
  distinct.distinct = true;
  EXPECT_EQ(Aggregate("count", {{I(1)}, {I(1)}, {I(2)}, {N()}}, distinct), "2");
  EXPECT_EQ(
      Aggregate("count", {{I(1), S("a")}, {I(1), S("b")}, {I(1), S("a")}, {I(1), N()}}, distinct),
      "2");
  EXPECT_EQ(ResultType("count", {LogicalType::BigInt()}), "bigint");
}

TEST(AggregatesTest, SumAndAvg) {
  EXPECT_EQ(Aggregate("sum", {{I(1)}, {I(2)}, {N()}, {I(3)}}), "6");
  EXPECT_EQ(Aggregate("sum", {{D("0.1")}, {D("0.2")}}), "0.3");
  EXPECT_EQ(Aggregate("sum", {{F(0.5)}, {F(0.25)}}), "0.75");
  EXPECT_EQ(Aggregate("sum", {}, {}, {LogicalType::BigInt()}), "NULL");
  EXPECT_EQ(Aggregate("sum", {{N()}}, {}, {LogicalType::BigInt()}), "NULL");
  EXPECT_EQ(Aggregate("sum", {{I(INT64_MAX)}, {I(INT64_MAX)}}), "18446744073709551614");
  EXPECT_EQ(Aggregate("avg", {{I(1)}, {I(2)}}), "1.5000");
  EXPECT_EQ(Aggregate("avg", {{I(1)}, {I(2)}, {I(2)}}), "1.6667");
  EXPECT_EQ(Aggregate("avg", {{D("1.50")}, {D("2.25")}}), "1.875000");
  EXPECT_EQ(Aggregate("avg", {{F(1)}, {F(2)}}), "1.5");
  EXPECT_EQ(Aggregate("avg", {}, {}, {LogicalType::BigInt()}), "NULL");
  AggregateOptions distinct;
  distinct.distinct = true;
  EXPECT_EQ(Aggregate("sum", {{I(1)}, {I(1)}, {I(2)}}, distinct), "3");
  EXPECT_EQ(Aggregate("avg", {{D("1.0")}, {D("1.0")}, {D("2.0")}}, distinct), "1.50000");
  EXPECT_EQ(ResultType("sum", {LogicalType::Of(TypeId::kInt)}), "decimal(32,0)");
  EXPECT_EQ(ResultType("sum", {LogicalType::BigInt()}), "decimal(41,0)");
  EXPECT_EQ(ResultType("sum", {LogicalType::Decimal(10, 2)}), "decimal(32,2)");
  EXPECT_EQ(ResultType("sum", {LogicalType::Double()}), "double");
  EXPECT_EQ(ResultType("avg", {LogicalType::Of(TypeId::kInt)}), "decimal(14,4)");
  EXPECT_EQ(ResultType("avg", {LogicalType::Decimal(10, 2)}), "decimal(14,6)");
  EXPECT_EQ(ResultType("avg", {LogicalType::Varchar(10)}), "double");
}

TEST(AggregatesTest, MinMaxAnyValue) {
  EXPECT_EQ(Aggregate("min", {{I(3)}, {N()}, {I(-1)}, {I(2)}}), "-1");
  EXPECT_EQ(Aggregate("max", {{I(3)}, {N()}, {I(-1)}, {I(2)}}), "3");
  EXPECT_EQ(Aggregate("max", {{S("apple")}, {S("pear")}, {S("Zebra")}}), "pear");
  EXPECT_EQ(Aggregate("min", {{testing::Date("2024-02-29")}, {testing::Date("2023-12-31")}}),
            "2023-12-31");
  EXPECT_EQ(Aggregate("max", {{D("1.50")}, {D("10.25")}}), "10.25");
  EXPECT_EQ(Aggregate("min", {}, {}, {LogicalType::BigInt()}), "NULL");
  EXPECT_EQ(Aggregate("any_value", {{I(7)}, {I(8)}}), "7");
  EXPECT_EQ(ResultType("max", {LogicalType::Varchar(20)}), "varchar(20)");
}

TEST(AggregatesTest, GroupConcat) {
  EXPECT_EQ(Aggregate("group_concat", {{S("a")}, {N()}, {S("b")}, {I(1)}}), "a,b,1");
  AggregateOptions options;
  options.separator = " | ";
  EXPECT_EQ(Aggregate("group_concat", {{S("a"), I(1)}, {S("b"), I(2)}}, options), "a1 | b2");
  options.distinct = true;
  EXPECT_EQ(Aggregate("group_concat", {{S("x")}, {S("y")}, {S("x")}}, options), "x | y");
  EXPECT_EQ(Aggregate("group_concat", {}, {}, {LogicalType::Varchar(1)}), "NULL");
  AggregateOptions short_max;
  short_max.group_concat_max_len = 5;
  EXPECT_EQ(Aggregate("group_concat", {{S("abc")}, {S("def")}}, short_max), "abc,d");
  EXPECT_EQ(Aggregate("group_concat", {{S("日本")}, {S("語")}}, short_max), "日");
}

TEST(AggregatesTest, Bits) {
  EXPECT_EQ(Aggregate("bit_and", {{I(7)}, {I(3)}, {N()}}), "3");
  EXPECT_EQ(Aggregate("bit_or", {{I(4)}, {I(1)}}), "5");
  EXPECT_EQ(Aggregate("bit_xor", {{I(5)}, {I(1)}}), "4");
  EXPECT_EQ(Aggregate("bit_and", {}, {}, {LogicalType::BigInt()}), "18446744073709551615");
  EXPECT_EQ(Aggregate("bit_or", {}, {}, {LogicalType::BigInt()}), "0");
  EXPECT_EQ(Aggregate("bit_xor", {}, {}, {LogicalType::BigInt()}), "0");
}

TEST(AggregatesTest, Statistics) {
  std::vector<std::vector<Arg>> rows = {{I(2)}, {I(4)}, {I(4)}, {I(4)}, {I(5)},
                                        {I(5)}, {I(7)}, {I(9)}, {N()}};
  EXPECT_EQ(Aggregate("std", rows), "2");
  EXPECT_EQ(Aggregate("stddev", rows), "2");
  EXPECT_EQ(Aggregate("stddev_pop", rows), "2");
  EXPECT_EQ(Aggregate("variance", rows), "4");
  EXPECT_EQ(Aggregate("var_pop", rows), "4");
  EXPECT_EQ(Aggregate("var_samp", rows), "4.571428571428571");
  EXPECT_EQ(Aggregate("stddev_samp", {{I(1)}, {I(3)}}), "1.4142135623730951");
  EXPECT_EQ(Aggregate("var_samp", {{I(1)}}), "NULL");
  EXPECT_EQ(Aggregate("var_pop", {{I(1)}}), "0");
  EXPECT_EQ(Aggregate("std", {}, {}, {LogicalType::BigInt()}), "NULL");
}

TEST(AggregatesTest, Json) {
  EXPECT_EQ(Aggregate("json_arrayagg", {{I(1)}, {S("a")}, {N()}}), "[1, \"a\", null]");
  EXPECT_EQ(Aggregate("json_objectagg", {{S("b"), I(1)}, {S("a"), I(2)}}), "{\"a\": 2, \"b\": 1}");
  EXPECT_EQ(Aggregate("json_objectagg", {{N(), I(1)}}),
            "ERROR JSON documents may not contain NULL member names.");
  EXPECT_EQ(Aggregate("json_arrayagg", {}, {}, {LogicalType::BigInt()}), "NULL");
}

}  // namespace
}  // namespace vexdb
