#include "common/status.h"

#include <gtest/gtest.h>

#include "common/result.h"

namespace vexdb {
namespace {

TEST(StatusTest, OkIsEmpty) {
  Status s = Status::OK();
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.mysql_errno(), 0);
  EXPECT_STREQ(s.sqlstate(), "00000");
}

TEST(StatusTest, ErrorFormatsFromTable) {
  Status s = Status::Error(ErrorCode::kNoSuchTable, "test", "t1");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.mysql_errno(), 1146);
  EXPECT_STREQ(s.sqlstate(), "42S02");
  EXPECT_EQ(s.message(), "Table 'test.t1' doesn't exist");
  EXPECT_EQ(s.ToString(), "ERROR 1146 (42S02): Table 'test.t1' doesn't exist");
}

TEST(StatusTest, CopyKeepsState) {
  Status s = Status::Error(ErrorCode::kDupEntry, "1", "PRIMARY");
  Status t = s;
  EXPECT_EQ(t.mysql_errno(), 1062);
  EXPECT_EQ(t.message(), s.message());
}

Result<int> Half(int x) {
  if (x % 2) return Status::Internal("odd");
  return x / 2;
}

Status Quarter(int x, int* out) {
  VEXDB_ASSIGN_OR_RETURN(int h, Half(x));
  VEXDB_ASSIGN_OR_RETURN(*out, Half(h));
  return Status::OK();
}

TEST(ResultTest, AssignOrReturnPropagates) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status s = Quarter(6, &out);
  EXPECT_EQ(s.mysql_errno(), 1105);
  EXPECT_EQ(s.message(), "odd");
}

}  // namespace
}  // namespace vexdb
