// Statements captured from real clients (reference/mysql-sqlalchemy-needs.md §1.10, §2, §3;
// tidb-vector-spec.md §3-§5; sysbench), each asserted by the statement type and key fields.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

TEST(CapturedTest, AlembicUpgrade) {
  auto select = MustParseSelect("SELECT alembic_version.version_num FROM alembic_version");
  EXPECT_EQ(Dump(*select), "SELECT alembic_version.version_num FROM alembic_version");
  auto drop = MustParseAs<ast::DropTableStatement>("DROP TABLE legacy",
                                                   ast::StatementType::kDropTable);
  ASSERT_NE(drop, nullptr);
  auto balance = MustParseAs<ast::AlterTableStatement>(
      "ALTER TABLE users ADD COLUMN balance NUMERIC(10, 2)", ast::StatementType::kAlterTable);
  ASSERT_NE(balance, nullptr);
  EXPECT_EQ(DumpType(balance->actions[0].column.type), "decimal(10,2)");
  auto insert = MustParseAs<ast::InsertStatement>(
      "INSERT INTO alembic_version (version_num) VALUES ('6a6c18b54243')",
      ast::StatementType::kInsert);
  ASSERT_NE(insert, nullptr);
  EXPECT_EQ(Dump(insert->values[0][0]), "'6a6c18b54243'");
  auto describe = MustParseAs<ast::ShowStatement>("DESCRIBE `test`.`alembic_version`",
                                                  ast::StatementType::kShow);
  ASSERT_NE(describe, nullptr);
  EXPECT_EQ(describe->table, "alembic_version");
}

TEST(CapturedTest, ReflectionQueries) {
  auto fk_case = MustParseSelect(
      "SELECT information_schema.columns.table_schema, information_schema.columns.table_name, "
      "information_schema.columns.column_name FROM information_schema.columns WHERE "
      "information_schema.columns.table_schema = 'test' AND information_schema.columns.table_name "
      "= 'users' AND lower(information_schema.columns.column_name) IN ('id')");
  ASSERT_NE(fk_case, nullptr);
  EXPECT_EQ(Dump(fk_case->items[0].expr), "information_schema.columns.table_schema");
  auto old = MustParseSelect(
      "select table_schema, table_name, column_name from information_schema.columns where "
      "(table_schema, table_name, lower(column_name)) in (('test', 'users', 'id'))");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->where->type, ast::ExprType::kInList);
  auto tables = MustParseAs<ast::ShowStatement>("SHOW FULL TABLES FROM `test`",
                                                ast::StatementType::kShow);
  ASSERT_NE(tables, nullptr);
  EXPECT_TRUE(tables->full);
  auto tiflash = MustParseSelect(
      "SELECT TABLE_SCHEMA, TABLE_NAME, REPLICA_COUNT, LOCATION_LABELS, AVAILABLE, PROGRESS FROM "
      "INFORMATION_SCHEMA.tiflash_replica WHERE TABLE_SCHEMA = 'test' AND TABLE_NAME = 't'");
  ASSERT_NE(tiflash, nullptr);
  EXPECT_EQ(tiflash->from->database, "INFORMATION_SCHEMA");
  auto exists = MustParseSelect(
      "SELECT EXISTS(SELECT 1 FROM INFORMATION_SCHEMA.TIFLASH_INDEXES WHERE TIDB_DATABASE = "
      "DATABASE() AND TIDB_TABLE = 't' AND COLUMN_NAME = 'c' AND INDEX_KIND = 'Vector')");
  ASSERT_NE(exists, nullptr);
  EXPECT_EQ(exists->items[0].expr->type, ast::ExprType::kExists);
  auto pytidb = MustParseSelect(
      "SELECT COLUMN_NAME as column_name, COLUMN_TYPE as column_type FROM "
      "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't';");
  ASSERT_NE(pytidb, nullptr);
  EXPECT_EQ(pytidb->items[0].alias, "column_name");
}

TEST(CapturedTest, TidbVectorClient) {
  auto create = MustParseAs<ast::CreateTableStatement>(
      "CREATE TABLE vectors (\n  id VARCHAR(36) NOT NULL,\n  embedding VECTOR(3) NOT NULL "
      "COMMENT 'hnsw(distance=cosine)',\n  document TEXT, meta JSON,\n  create_time DATETIME "
      "DEFAULT CURRENT_TIMESTAMP,\n  update_time DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE "
      "CURRENT_TIMESTAMP,\n  PRIMARY KEY (id))",
      ast::StatementType::kCreateTable);
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->columns[1].comment, "hnsw(distance=cosine)");
  EXPECT_TRUE(create->columns[5].on_update_current_timestamp);
  auto filter = MustParseSelect(
      "SELECT id, meta, document, VEC_COSINE_DISTANCE(embedding, '[1, 2, 3]') AS distance FROM "
      "vectors WHERE json_extract(meta, '$.category') = 'P1' AND NOT (json_extract(meta, '$.n') "
      "IN (2, 3)) ORDER BY distance ASC LIMIT 5");
  ASSERT_NE(filter, nullptr);
  EXPECT_EQ(Dump(filter->where),
            "(AND (= json_extract(meta '$.category') 'P1') (NOT (IN json_extract(meta '$.n') [2 "
            "3])))");
  auto del = MustParseAs<ast::DeleteStatement>(
      "DELETE FROM vectors WHERE vectors.id IN ('a', 'b') AND json_extract(meta, '$.x') >= 1",
      ast::StatementType::kDelete);
  ASSERT_NE(del, nullptr);
  auto replica = MustParseAs<ast::AlterTableStatement>(
      "ALTER TABLE `t1` SET TIFLASH REPLICA 1", ast::StatementType::kAlterTable);
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->actions[0].kind, ast::AlterKind::kSetTiflashReplica);
  auto generated = MustParseAs<ast::CreateTableStatement>(
      "CREATE TABLE c (text TEXT, text_vec VECTOR(1024) GENERATED ALWAYS AS (EMBED_TEXT("
      "'tidbcloud_free/amazon/titan-embed-text-v2', text, '{\"dimensions\": 1024}')) STORED)",
      ast::StatementType::kCreateTable);
  ASSERT_NE(generated, nullptr);
  EXPECT_TRUE(generated->columns[1].generated_stored);
}

TEST(CapturedTest, Sysbench) {
  auto create = MustParseAs<ast::CreateTableStatement>(
      "CREATE TABLE sbtest1(\n  id INTEGER NOT NULL AUTO_INCREMENT,\n  k INTEGER DEFAULT '0' "
      "NOT NULL,\n  c CHAR(120) DEFAULT '' NOT NULL,\n  pad CHAR(60) DEFAULT '' NOT NULL,\n  "
      "PRIMARY KEY (id)\n) /*! ENGINE = innodb */ ",
      ast::StatementType::kCreateTable);
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(DumpType(create->columns[2].type), "char(120)");
  EXPECT_EQ(create->options.engine, "innodb");
  EXPECT_NE(MustParse("CREATE INDEX k_1 ON sbtest1(k)"), nullptr);
  EXPECT_NE(MustParse("DROP TABLE IF EXISTS sbtest1"), nullptr);
  auto range =
      MustParseSelect("SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c");
  ASSERT_NE(range, nullptr);
  EXPECT_TRUE(range->distinct);
  EXPECT_EQ(Dump(range->where), "(BETWEEN id ?0 ?1)");
  EXPECT_EQ(Dump(*MustParseSelect("SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN 1 AND 100")),
            "SELECT SUM(k) FROM sbtest1 WHERE (BETWEEN id 1 100)");
  auto update = MustParseAs<ast::UpdateStatement>("UPDATE sbtest1 SET k=k+1 WHERE id=5",
                                                  ast::StatementType::kUpdate);
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(Dump(update->set[0].value), "(+ k 1)");
  EXPECT_NE(MustParse("INSERT INTO sbtest1 (id, k, c, pad) VALUES (1, 2, '3', '4')"), nullptr);
  EXPECT_NE(MustParse("DELETE FROM sbtest1 WHERE id=5"), nullptr);
}

TEST(CapturedTest, ClientSessionSetup) {
  for (std::string_view sql :
       {"SET NAMES utf8mb4", "SET AUTOCOMMIT = 0", "SET autocommit=0",
        "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'", "SET @@session.autocommit = OFF",
        "SET character_set_results = NULL", "SET autocommit=1", "SET sql_mode='STRICT_ALL_TABLES'",
        "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", "SET foreign_key_checks = 1",
        "SET AUTOCOMMIT = 1"}) {
    EXPECT_NE(MustParseAs<ast::SetStatement>(sql, ast::StatementType::kSet), nullptr) << sql;
  }
  for (std::string_view sql :
       {"SELECT @@max_allowed_packet", "SELECT @@tx_isolation", "select @@version_comment limit 1",
        "SELECT @@session.transaction_read_only", "SELECT CURRENT_USER()", "SHOW DATABASES",
        "SHOW TABLES", "SHOW COLLATION", "SHOW VARIABLES LIKE 'sql_mode'"}) {
    EXPECT_NE(MustParse(sql), nullptr) << sql;
  }
}

}  // namespace
}  // namespace vexdb::parser_test
