// INSERT / REPLACE / UPDATE / DELETE.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

std::unique_ptr<ast::InsertStatement> Insert(std::string_view sql) {
  return MustParseAs<ast::InsertStatement>(sql, ast::StatementType::kInsert);
}

std::string DumpAssignments(const std::vector<ast::Assignment>& list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) {
    out += (i ? ", " : "") + JoinNames(list[i].column) + "=" + Dump(list[i].value);
  }
  return out;
}

TEST(InsertTest, ValuesForms) {
  auto insert = Insert("INSERT t VALUE (1, DEFAULT), (2, 'x')");
  ASSERT_NE(insert, nullptr);
  EXPECT_FALSE(insert->replace);
  EXPECT_TRUE(insert->columns.empty());
  ASSERT_EQ(insert->values.size(), 2u);
  EXPECT_EQ(Join(insert->values[0]), "1 DEFAULT");

  auto empty = Insert("INSERT INTO t () VALUES ()");
  ASSERT_NE(empty, nullptr);
  ASSERT_EQ(empty->values.size(), 1u);
  EXPECT_TRUE(empty->values[0].empty());

  auto defaults = Insert("INSERT INTO t VALUES (DEFAULT)");
  ASSERT_NE(defaults, nullptr);
  EXPECT_EQ(Join(defaults->values[0]), "DEFAULT");

  auto qualified = Insert("INSERT INTO db.t (t.a, `b`) VALUES (1, 2)");
  ASSERT_NE(qualified, nullptr);
  EXPECT_EQ(qualified->database, "db");
  EXPECT_EQ(qualified->columns, (std::vector<std::string>{"a", "b"}));
}

TEST(InsertTest, IgnoreReplaceSelectSet) {
  auto ignore = Insert("INSERT IGNORE INTO t (a) VALUES (1)");
  ASSERT_NE(ignore, nullptr);
  EXPECT_TRUE(ignore->ignore);

  auto replace = Insert("REPLACE INTO t (a) VALUES (1)");
  ASSERT_NE(replace, nullptr);
  EXPECT_TRUE(replace->replace);

  auto select = Insert("INSERT INTO t (a, b) SELECT x, y FROM u WHERE x > 1");
  ASSERT_NE(select, nullptr);
  ASSERT_NE(select->select, nullptr);
  EXPECT_EQ(Dump(*select->select), "SELECT x, y FROM u WHERE (> x 1)");
  EXPECT_EQ(select->columns.size(), 2u);

  auto paren_select = Insert("INSERT INTO t (SELECT * FROM u)");
  ASSERT_NE(paren_select, nullptr);
  EXPECT_TRUE(paren_select->columns.empty());
  ASSERT_NE(paren_select->select, nullptr);

  auto set = Insert("INSERT INTO t SET a = 1, b = DEFAULT");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(DumpAssignments(set->set_list), "a=1, b=DEFAULT");
}

TEST(InsertTest, OnDuplicateKeyUpdate) {
  auto old_style = Insert(
      "INSERT INTO users (name, fullname, active, balance, status) VALUES ('bob', 'Bob', 1, 0, "
      "'active') ON DUPLICATE KEY UPDATE fullname = VALUES(fullname)");
  ASSERT_NE(old_style, nullptr);
  EXPECT_EQ(DumpAssignments(old_style->on_duplicate), "fullname=VALUES(fullname)");

  auto alias = Insert(
      "INSERT INTO users (name, fullname) VALUES ('bob', 'Bob') AS new ON DUPLICATE KEY UPDATE "
      "fullname = new.fullname");
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->row_alias, "new");
  EXPECT_EQ(DumpAssignments(alias->on_duplicate), "fullname=new.fullname");

  auto alias_cols =
      Insert("INSERT INTO t VALUES (1, 2) AS n(x, y) ON DUPLICATE KEY UPDATE b = n.y + 1");
  ASSERT_NE(alias_cols, nullptr);
  EXPECT_EQ(alias_cols->row_alias_columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(DumpAssignments(alias_cols->on_duplicate), "b=(+ n.y 1)");
}

TEST(UpdateTest, Forms) {
  auto update = MustParseAs<ast::UpdateStatement>(
      "UPDATE IGNORE t AS a SET a.x = 1, t.b = DEFAULT WHERE a.id > 3 ORDER BY a.id DESC LIMIT 2",
      ast::StatementType::kUpdate);
  ASSERT_NE(update, nullptr);
  EXPECT_TRUE(update->ignore);
  EXPECT_EQ(Dump(*update->table), "t AS a");
  EXPECT_EQ(DumpAssignments(update->set), "a.x=1, t.b=DEFAULT");
  EXPECT_EQ(Dump(update->where), "(> a.id 3)");
  EXPECT_EQ(DumpOrder(update->order_by), "a.id DESC");
  EXPECT_EQ(Dump(update->limit), "2");

  auto multi = MustParseAs<ast::UpdateStatement>(
      "UPDATE t JOIN u ON t.id = u.id SET t.a = u.a", ast::StatementType::kUpdate);
  ASSERT_NE(multi, nullptr);
  EXPECT_EQ(Dump(*multi->table), "[t JOIN u ON (= t.id u.id)]");

  auto alembic = MustParseAs<ast::UpdateStatement>(
      "UPDATE alembic_version SET version_num='e565a9708ca0' WHERE alembic_version.version_num = "
      "'6a6c18b54243'",
      ast::StatementType::kUpdate);
  ASSERT_NE(alembic, nullptr);
  EXPECT_EQ(DumpAssignments(alembic->set), "version_num='e565a9708ca0'");
}

TEST(DeleteTest, SingleTable) {
  auto del = MustParseAs<ast::DeleteStatement>(
      "DELETE FROM db.t AS a WHERE a.x = 1 ORDER BY a.id LIMIT 3", ast::StatementType::kDelete);
  ASSERT_NE(del, nullptr);
  EXPECT_EQ(del->database, "db");
  EXPECT_EQ(del->table, "t");
  EXPECT_EQ(del->alias, "a");
  EXPECT_EQ(Dump(del->where), "(= a.x 1)");
  EXPECT_EQ(DumpOrder(del->order_by), "a.id");
  EXPECT_EQ(Dump(del->limit), "3");
  EXPECT_EQ(del->from, nullptr);

  auto ignore = MustParseAs<ast::DeleteStatement>("DELETE IGNORE FROM t",
                                                  ast::StatementType::kDelete);
  ASSERT_NE(ignore, nullptr);
  EXPECT_TRUE(ignore->ignore);
  EXPECT_EQ(ignore->where, nullptr);
}

TEST(DeleteTest, MultiTable) {
  auto del = MustParseAs<ast::DeleteStatement>(
      "DELETE t1, t2.* FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.x = 1",
      ast::StatementType::kDelete);
  ASSERT_NE(del, nullptr);
  ASSERT_EQ(del->targets.size(), 2u);
  EXPECT_EQ(JoinNames(del->targets[0]), "t1");
  EXPECT_EQ(JoinNames(del->targets[1]), "t2");
  EXPECT_EQ(Dump(*del->from), "[t1 JOIN t2 ON (= t1.id t2.id)]");
  EXPECT_EQ(Dump(del->where), "(= t1.x 1)");

  auto using_form = MustParseAs<ast::DeleteStatement>(
      "DELETE FROM t1 USING t1 JOIN t2 ON t1.id = t2.id", ast::StatementType::kDelete);
  ASSERT_NE(using_form, nullptr);
  ASSERT_EQ(using_form->targets.size(), 1u);
  EXPECT_EQ(Dump(*using_form->from), "[t1 JOIN t2 ON (= t1.id t2.id)]");
  EXPECT_TRUE(using_form->table.empty());
}

TEST(DmlTest, ParamsResetPerStatement) {
  Parser parser("INSERT INTO t VALUES (?, ?); UPDATE t SET a = ? WHERE b = ?");
  auto first = parser.ParseNext();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Join(first.value()->As<ast::InsertStatement>().values[0]), "?0 ?1");
  auto second = parser.ParseNext();
  ASSERT_TRUE(second.ok());
  const auto& update = second.value()->As<ast::UpdateStatement>();
  EXPECT_EQ(Dump(update.set[0].value), "?0");
  EXPECT_EQ(Dump(update.where), "(= b ?1)");
}

}  // namespace
}  // namespace vexdb::parser_test
