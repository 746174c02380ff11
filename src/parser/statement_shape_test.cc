// Statement shapes: equal exactly when two statements differ only inside string literals.

#include "parser/statement_shape.h"

#include <gtest/gtest.h>

#include "parser/ast.h"
#include "parser/parser.h"

namespace vexdb {
namespace {

// The pieces around the literals, joined by '|' (no test text holds one).
std::string KeyOf(std::string_view sql) {
  auto shape = ShapeOf(sql);
  if (!shape) return "<none>";
  std::string key;
  for (std::string_view piece : shape->pieces) key += std::string(piece) + "|";
  return key;
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

TEST(StatementShapeTest, StringLiteralAtMatchesTheLexer) {
  std::string sql = "SELECT 'it''s', N'x\\'y', x'41', \"q\", 'open";
  auto shape = ShapeOf("SELECT 'it''s', N'x\\'y', \"q\"");
  ASSERT_TRUE(shape);
  auto at = [&](size_t offset) { return StringLiteralAt(sql, offset); };
  ASSERT_TRUE(at(7));
  EXPECT_EQ(at(7)->raw, shape->literals[0].raw);
  EXPECT_EQ(at(7)->value, "it's");
  ASSERT_TRUE(at(16));
  EXPECT_EQ(at(16)->raw, shape->literals[1].raw);
  EXPECT_EQ(at(16)->value, "x'y");
  EXPECT_FALSE(at(6));   // a space: the literal starts later
  EXPECT_FALSE(at(25));  // x'41' is a hex literal, not a string
  ASSERT_TRUE(at(32));
  EXPECT_EQ(at(32)->value, "q");
  EXPECT_FALSE(at(37));  // unterminated
  EXPECT_FALSE(at(sql.size()));
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
