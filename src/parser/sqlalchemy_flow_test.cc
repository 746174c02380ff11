// The statements of the SQLAlchemy quickstart flow (connect probes, has_table, create_all, ORM
// CRUD, drop_all), verbatim from reference/mysql-sqlalchemy-needs.md §2.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

TEST(SqlalchemyFlowTest, ConnectProbes) {
  auto names = MustParseAs<ast::SetStatement>("SET NAMES utf8mb4", ast::StatementType::kSet);
  ASSERT_NE(names, nullptr);
  ASSERT_EQ(names->items.size(), 1u);
  EXPECT_EQ(names->items[0].kind, ast::SetKind::kNames);
  EXPECT_EQ(names->items[0].charset, "utf8mb4");

  auto autocommit = MustParseAs<ast::SetStatement>("SET AUTOCOMMIT = 0", ast::StatementType::kSet);
  ASSERT_NE(autocommit, nullptr);
  EXPECT_EQ(autocommit->items[0].kind, ast::SetKind::kVariable);
  EXPECT_EQ(autocommit->items[0].name, "AUTOCOMMIT");
  EXPECT_FALSE(autocommit->items[0].explicit_scope);
  EXPECT_EQ(Dump(autocommit->items[0].value), "0");

  auto version = MustParseSelect("SELECT VERSION()");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(Dump(*version), "SELECT VERSION()");
  EXPECT_EQ(version->items[0].text, "VERSION()");

  EXPECT_EQ(Dump(*MustParseSelect("SELECT DATABASE()")), "SELECT DATABASE()");
  EXPECT_EQ(Dump(*MustParseSelect("SELECT @@transaction_isolation")),
            "SELECT @@transaction_isolation");
  EXPECT_EQ(Dump(*MustParseSelect("SELECT @@sql_mode")), "SELECT @@sql_mode");
  EXPECT_EQ(Dump(*MustParseSelect("SELECT @@lower_case_table_names")),
            "SELECT @@lower_case_table_names");
  auto comment = MustParseSelect("select @@version_comment limit 1");
  EXPECT_EQ(Dump(*comment), "SELECT @@version_comment LIMIT 1");

  auto rollback =
      MustParseAs<ast::TransactionStatement>("ROLLBACK", ast::StatementType::kTransaction);
  ASSERT_NE(rollback, nullptr);
  EXPECT_EQ(rollback->kind, ast::TransactionKind::kRollback);
  auto commit = MustParseAs<ast::TransactionStatement>("COMMIT", ast::StatementType::kTransaction);
  ASSERT_NE(commit, nullptr);
  EXPECT_EQ(commit->kind, ast::TransactionKind::kCommit);
}

TEST(SqlalchemyFlowTest, HasTableDescribe) {
  auto show = MustParseAs<ast::ShowStatement>("DESCRIBE `test`.`users`", ast::StatementType::kShow);
  ASSERT_NE(show, nullptr);
  EXPECT_EQ(show->kind, ast::ShowKind::kColumns);
  EXPECT_TRUE(show->is_describe);
  EXPECT_EQ(show->database, "test");
  EXPECT_EQ(show->table, "users");
  auto count = MustParseSelect(
      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'test' AND "
      "table_name = 'users'");
  EXPECT_EQ(Dump(*count),
            "SELECT COUNT(*) FROM information_schema.tables WHERE (AND (= table_schema 'test') "
            "(= table_name 'users'))");
}

TEST(SqlalchemyFlowTest, CreateAllUsers) {
  auto create = MustParseAs<ast::CreateTableStatement>(
      "CREATE TABLE users (\n"
      "\tid INTEGER NOT NULL AUTO_INCREMENT,\n"
      "\tname VARCHAR(50) NOT NULL,\n"
      "\tfullname TEXT,\n"
      "\tactive BOOL NOT NULL,\n"
      "\tcreated DATETIME NOT NULL DEFAULT (now()),\n"
      "\tbalance NUMERIC(10, 2) NOT NULL,\n"
      "\tscore FLOAT,\n"
      "\tdata JSON,\n"
      "\tstatus ENUM('active','inactive') NOT NULL,\n"
      "\tavatar BLOB,\n"
      "\tbirthday DATE,\n"
      "\tPRIMARY KEY (id),\n"
      "\tUNIQUE (name)\n"
      ")",
      ast::StatementType::kCreateTable);
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->table, "users");
  ASSERT_EQ(create->columns.size(), 11u);
  const auto& id = create->columns[0];
  EXPECT_EQ(id.name, "id");
  EXPECT_EQ(DumpType(id.type), "int");
  EXPECT_EQ(id.nullable, false);
  EXPECT_TRUE(id.auto_increment);
  EXPECT_EQ(DumpType(create->columns[1].type), "varchar(50)");
  EXPECT_EQ(DumpType(create->columns[2].type), "text(65535)");
  EXPECT_FALSE(create->columns[2].nullable.has_value());
  EXPECT_EQ(DumpType(create->columns[3].type), "tinyint(1) bool");
  const auto& created = create->columns[4];
  EXPECT_TRUE(created.default_parenthesized);
  EXPECT_EQ(Dump(created.default_value), "now()");
  EXPECT_EQ(DumpType(create->columns[5].type), "decimal(10,2)");
  EXPECT_EQ(DumpType(create->columns[6].type), "float");
  EXPECT_EQ(DumpType(create->columns[7].type), "json");
  EXPECT_EQ(DumpType(create->columns[8].type), "enum['active','inactive']");
  EXPECT_EQ(DumpType(create->columns[9].type), "blob(65535)");
  EXPECT_EQ(DumpType(create->columns[10].type), "date");
  ASSERT_EQ(create->constraints.size(), 2u);
  EXPECT_EQ(create->constraints[0].kind, ast::ConstraintKind::kPrimaryKey);
  EXPECT_EQ(create->constraints[0].parts[0].column, "id");
  EXPECT_EQ(create->constraints[1].kind, ast::ConstraintKind::kUnique);
  EXPECT_EQ(create->constraints[1].parts[0].column, "name");
  EXPECT_EQ(create->constraints[1].name, "");
}

TEST(SqlalchemyFlowTest, CreateAllAddressesAndIndexes) {
  auto create = MustParseAs<ast::CreateTableStatement>(
      "CREATE TABLE addresses (id INTEGER NOT NULL AUTO_INCREMENT, email VARCHAR(100), "
      "user_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE "
      "CASCADE)",
      ast::StatementType::kCreateTable);
  ASSERT_NE(create, nullptr);
  ASSERT_EQ(create->constraints.size(), 2u);
  const auto& fk = create->constraints[1];
  EXPECT_EQ(fk.kind, ast::ConstraintKind::kForeignKey);
  EXPECT_EQ(fk.parts[0].column, "user_id");
  EXPECT_EQ(fk.ref_table, "users");
  EXPECT_EQ(fk.ref_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(fk.on_delete, ast::RefAction::kCascade);
  EXPECT_TRUE(fk.on_delete_given);
  EXPECT_FALSE(fk.on_update_given);

  auto index = MustParseAs<ast::CreateIndexStatement>(
      "CREATE INDEX ix_users_status ON users (status)", ast::StatementType::kCreateIndex);
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->index.kind, ast::ConstraintKind::kIndex);
  EXPECT_EQ(index->index.name, "ix_users_status");
  EXPECT_EQ(index->table, "users");
  EXPECT_EQ(index->index.parts[0].column, "status");
}

TEST(SqlalchemyFlowTest, OrmInsert) {
  auto insert = MustParseAs<ast::InsertStatement>(
      "INSERT INTO users (name, fullname, active, balance, score, data, status, avatar, birthday) "
      "VALUES ('alice', 'Alice A', 1, 0, 1.5e0, '{\\\"a\\\": [1, 2]}', 'active', "
      "'\\0\x01\xff', '1990-01-02')",
      ast::StatementType::kInsert);
  ASSERT_NE(insert, nullptr);
  EXPECT_EQ(insert->table, "users");
  EXPECT_EQ(insert->columns.size(), 9u);
  ASSERT_EQ(insert->values.size(), 1u);
  const ast::ExprList& row = insert->values[0];
  ASSERT_EQ(row.size(), 9u);
  EXPECT_EQ(Dump(row[4]), "float:1.5e0");
  EXPECT_EQ(row[5]->As<ast::LiteralExpr>().text, "{\"a\": [1, 2]}");
  EXPECT_EQ(row[7]->As<ast::LiteralExpr>().text, std::string("\0\x01\xff", 3));

  auto multi = MustParseAs<ast::InsertStatement>(
      "INSERT INTO addresses (email, user_id) VALUES ('b0@x', 2),('b1@x', 2),('b2@x', 2)",
      ast::StatementType::kInsert);
  ASSERT_NE(multi, nullptr);
  EXPECT_EQ(multi->values.size(), 3u);
  EXPECT_EQ(Dump(multi->values[2][0]), "'b2@x'");
}

TEST(SqlalchemyFlowTest, OrmSelects) {
  auto paged = MustParseSelect(
      "SELECT users.id, users.name FROM users WHERE lower(users.name) LIKE lower('%a%') ORDER BY "
      "users.id \n LIMIT 1, 2");
  EXPECT_EQ(Dump(*paged),
            "SELECT users.id, users.name FROM users WHERE (LIKE lower(users.name) lower('%a%')) "
            "ORDER users.id LIMIT 2 OFFSET 1");
  auto count = MustParseSelect(
      "SELECT count(*) AS count_1 FROM (SELECT users.id AS users_id FROM users) AS anon_1");
  EXPECT_EQ(Dump(*count),
            "SELECT count(*) AS count_1 FROM (SELECT users.id AS users_id FROM users) AS anon_1");
  auto in = MustParseSelect(
      "SELECT addresses.user_id AS addresses_user_id FROM addresses WHERE addresses.user_id IN "
      "(1, 2, 3, 4)");
  EXPECT_EQ(Dump(in->where), "(IN addresses.user_id [1 2 3 4])");
  auto join = MustParseSelect(
      "SELECT users.id, addresses_1.id AS id_1 FROM users LEFT OUTER JOIN addresses AS "
      "addresses_1 ON users.id = addresses_1.user_id WHERE users.id IN (1, 2)");
  EXPECT_EQ(Dump(*join->from),
            "[users LEFT JOIN addresses AS addresses_1 ON (= users.id addresses_1.user_id)]");
  auto grouped = MustParseSelect(
      "SELECT users.name, coalesce(users.fullname, 'n/a') AS coalesce_1, CAST(users.score AS "
      "CHAR(10)) AS score, now() AS now_1 FROM users INNER JOIN addresses ON users.id = "
      "addresses.user_id WHERE (addresses.email LIKE concat('%', '@', '%')) GROUP BY users.id, "
      "users.name HAVING count(addresses.id) > 0");
  EXPECT_EQ(Dump(*grouped),
            "SELECT users.name, coalesce(users.fullname 'n/a') AS coalesce_1, (CAST users.score "
            "varchar(10)) AS score, now() AS now_1 FROM [users JOIN addresses ON (= users.id "
            "addresses.user_id)] WHERE (LIKE addresses.email concat('%' '@' '%')) GROUP users.id "
            "users.name HAVING (> count(addresses.id) 0)");
  auto locked = MustParseSelect("SELECT users.id FROM users WHERE users.id = 1 FOR UPDATE");
  EXPECT_EQ(locked->lock, ast::LockMode::kForUpdate);
  auto cascade = MustParseSelect(
      "SELECT addresses.id AS addresses_id FROM addresses WHERE 1 = addresses.user_id");
  EXPECT_EQ(Dump(cascade->where), "(= 1 addresses.user_id)");
}

TEST(SqlalchemyFlowTest, OrmUpdateDelete) {
  auto update = MustParseAs<ast::UpdateStatement>(
      "UPDATE users SET fullname='Alice B' WHERE users.id = 1", ast::StatementType::kUpdate);
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(Dump(*update->table), "users");
  ASSERT_EQ(update->set.size(), 1u);
  EXPECT_EQ(JoinNames(update->set[0].column), "fullname");
  EXPECT_EQ(Dump(update->set[0].value), "'Alice B'");
  EXPECT_EQ(Dump(update->where), "(= users.id 1)");

  auto del = MustParseAs<ast::DeleteStatement>("DELETE FROM addresses WHERE addresses.id = 1",
                                               ast::StatementType::kDelete);
  ASSERT_NE(del, nullptr);
  EXPECT_EQ(del->table, "addresses");
  EXPECT_TRUE(del->targets.empty());
  EXPECT_EQ(Dump(del->where), "(= addresses.id 1)");
}

TEST(SqlalchemyFlowTest, DropAll) {
  auto drop = MustParseAs<ast::DropTableStatement>("DROP TABLE addresses",
                                                   ast::StatementType::kDropTable);
  ASSERT_NE(drop, nullptr);
  ASSERT_EQ(drop->tables.size(), 1u);
  EXPECT_EQ(drop->tables[0].name, "addresses");
  EXPECT_FALSE(drop->if_exists);
}

}  // namespace
}  // namespace vexdb::parser_test
