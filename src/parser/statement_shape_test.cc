// Statement shapes: equal exactly when two statements differ only inside string literals.

#include "parser/statement_shape.h"

#include <gtest/gtest.h>

#include "parser/ast.h"
#include "parser/parser.h"

namespace vexdb {
namespace {

std::string KeyOf(std::string_view sql) {
  auto shape = ShapeOf(sql);
  return shape ? shape->key : "<none>";
}

TEST(StatementShapeTest, SameShapeWhenOnlyStringContentsDiffer) {
  EXPECT_EQ(KeyOf("SELECT id FROM t ORDER BY VEC_L2_DISTANCE(v, '[1,2]') LIMIT 3"),
            KeyOf("SELECT id FROM t ORDER BY VEC_L2_DISTANCE(v, '[3.5,-4,5e-3]') LIMIT 3"));
  EXPECT_EQ(KeyOf("SELECT 'a', \"b\""), KeyOf("SELECT 'it''s', \"x\\ny\""));
}

TEST(StatementShapeTest, EveryOtherByteCounts) {
  std::string base = KeyOf("SELECT id FROM t WHERE a = 'x' LIMIT 3");
  for (const char* other : {"SELECT id FROM t WHERE a = 'x' LIMIT 4",
                            "SELECT id  FROM t WHERE a = 'x' LIMIT 3",
                            "select id FROM t WHERE a = 'x' LIMIT 3",
                            "SELECT id FROM t WHERE a = 'x' /* c */ LIMIT 3",
                            "SELECT id FROM t WHERE a = _binary'x' LIMIT 3",
                            "SELECT id FROM t WHERE a = 'x' 'y' LIMIT 3",
                            "SELECT id FROM t WHERE a = x'78' LIMIT 3"}) {
    EXPECT_NE(KeyOf(other), base) << other;
  }
  // Cutting a literal out leaves a mark: the pieces around it are length-prefixed.
  EXPECT_NE(KeyOf("SELECT 'a', 'b'"), KeyOf("SELECT 'a', 'b', 'c'"));
  EXPECT_NE(KeyOf("SELECT 'a' , 1"), KeyOf("SELECT  , 1"));
}

TEST(StatementShapeTest, LiteralsCarryTheParsersLocationAndValue) {
  std::string sql = "  SELECT 'it''s', 'a\\tb' 'c', \"d\" ;";
  auto shape = ShapeOf(sql);
  ASSERT_TRUE(shape);
  ASSERT_EQ(shape->literals.size(), 4u);
  EXPECT_EQ(shape->literals[0].location, 7);
  EXPECT_EQ(shape->literals[0].raw, "'it''s'");
  EXPECT_EQ(shape->literals[0].value, "it's");
  EXPECT_TRUE(shape->literals[0].standalone);
  EXPECT_EQ(shape->literals[1].value, "a\tb");
  EXPECT_FALSE(shape->literals[1].standalone);
  EXPECT_FALSE(shape->literals[2].standalone);
  EXPECT_TRUE(shape->literals[3].standalone);
  // The parser's location of the first literal is the same offset.
  auto statement = ParseStatement(sql);
  ASSERT_TRUE(statement.ok());
  const auto& select = (*statement)->As<ast::SelectStatement>();
  EXPECT_EQ(select.select->items[0].expr->location, shape->literals[0].location);
}

TEST(StatementShapeTest, OnlySingleStatementsHaveShapes) {
  EXPECT_FALSE(ShapeOf(""));
  EXPECT_FALSE(ShapeOf(" ; "));
  EXPECT_FALSE(ShapeOf("SELECT 1; SELECT 2"));
  EXPECT_FALSE(ShapeOf("SELECT 'unterminated"));
  EXPECT_TRUE(ShapeOf("SELECT 1;"));
  EXPECT_TRUE(ShapeOf("SELECT 1 -- comment"));
}

}  // namespace
}  // namespace vexdb
