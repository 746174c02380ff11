#include <gtest/gtest.h>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::Call;
using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;

TEST(InfoFunctionsTest, ReadsTheContext) {
  RunCases({
      {"database", {}, "test"},
      {"schema", {}, "test"},
      {"user", {}, "root@127.0.0.1"},
      {"session_user", {}, "root@127.0.0.1"},
      {"current_user", {}, "root@%"},
      {"connection_id", {}, "7"},
      {"version", {}, "8.0.11-TiDB-v8.5.0-vexdb"},
      {"found_rows", {}, "0"},
      {"row_count", {}, "0"},
      {"charset", {S("a")}, "utf8mb4"},
      {"charset", {I(1)}, "binary"},
      {"collation", {S("a")}, "utf8mb4_bin"},
      {"collation", {N()}, "binary"},
  });
  EXPECT_NE(Call("tidb_version", {}).find("Release Version: v8.5.0"), std::string::npos);
}

TEST(InfoFunctionsTest, DatabaseIsNullWithoutOne) {
  FunctionContext context;
  auto r = testing::CallFunction("database", {}, context);
  EXPECT_TRUE(r.value->is_null());
}

TEST(InfoFunctionsTest, LastInsertIdWithArgumentSetsIt) {
  FunctionContext context;
  context.last_insert_id = 3;
  EXPECT_EQ(testing::CallFunction("last_insert_id", {}, context).value.value(), Value::UInt(3));
  EXPECT_EQ(testing::CallFunction("last_insert_id", {I(10)}, context).value.value(),
            Value::UInt(10));
  EXPECT_EQ(context.last_insert_id, 10u);
  EXPECT_EQ(testing::CallFunction("last_insert_id", {}, context).type.ToSql(), "bigint unsigned");
}

TEST(InfoFunctionsTest, NotDeterministic) {
  for (const char* name : {"database", "user", "connection_id", "last_insert_id", "version"}) {
    EXPECT_FALSE(FindScalarFunction(name)->deterministic) << name;
  }
}

}  // namespace
}  // namespace vexdb
