// SET, SHOW, DESCRIBE, EXPLAIN, transaction control, USE, KILL and no-op statements.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

std::unique_ptr<ast::SetStatement> Set(std::string_view sql) {
  return MustParseAs<ast::SetStatement>(sql, ast::StatementType::kSet);
}

std::unique_ptr<ast::ShowStatement> Show(std::string_view sql) {
  return MustParseAs<ast::ShowStatement>(sql, ast::StatementType::kShow);
}

std::unique_ptr<ast::TransactionStatement> Txn(std::string_view sql) {
  return MustParseAs<ast::TransactionStatement>(sql, ast::StatementType::kTransaction);
}

TEST(SetTest, Names) {
  auto names = Set("SET NAMES 'utf8mb4' COLLATE 'utf8mb4_0900_ai_ci'");
  ASSERT_NE(names, nullptr);
  EXPECT_EQ(names->items[0].kind, ast::SetKind::kNames);
  EXPECT_EQ(names->items[0].charset, "utf8mb4");
  EXPECT_EQ(names->items[0].collation, "utf8mb4_0900_ai_ci");
  auto def = Set("SET NAMES DEFAULT");
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->items[0].charset, "");
  auto cs = Set("SET CHARACTER SET utf8");
  ASSERT_NE(cs, nullptr);
  EXPECT_EQ(cs->items[0].kind, ast::SetKind::kCharset);
  EXPECT_EQ(cs->items[0].charset, "utf8");
  auto cs2 = Set("SET CHARSET 'latin1'");
  ASSERT_NE(cs2, nullptr);
  EXPECT_EQ(cs2->items[0].charset, "latin1");
}

TEST(SetTest, Variables) {
  auto session = Set("SET @@session.autocommit = OFF");
  ASSERT_NE(session, nullptr);
  const ast::SetItem& item = session->items[0];
  EXPECT_EQ(item.kind, ast::SetKind::kVariable);
  EXPECT_EQ(item.scope, ast::VarScope::kSession);
  EXPECT_TRUE(item.explicit_scope);
  EXPECT_EQ(item.name, "autocommit");
  EXPECT_EQ(Dump(item.value), "'OFF'");

  auto fk = Set("SET foreign_key_checks = 0");
  ASSERT_NE(fk, nullptr);
  EXPECT_EQ(fk->items[0].name, "foreign_key_checks");
  EXPECT_FALSE(fk->items[0].explicit_scope);
  EXPECT_EQ(Dump(fk->items[0].value), "0");

  auto tight = Set("SET autocommit=1");
  ASSERT_NE(tight, nullptr);
  EXPECT_EQ(Dump(tight->items[0].value), "1");

  auto global = Set("SET GLOBAL max_connections = 10, SESSION sql_mode = 'ANSI', LOCAL x = ON");
  ASSERT_NE(global, nullptr);
  ASSERT_EQ(global->items.size(), 3u);
  EXPECT_EQ(global->items[0].scope, ast::VarScope::kGlobal);
  EXPECT_TRUE(global->items[0].explicit_scope);
  EXPECT_EQ(global->items[1].scope, ast::VarScope::kSession);
  EXPECT_EQ(Dump(global->items[1].value), "'ANSI'");
  EXPECT_EQ(Dump(global->items[2].value), "'ON'");

  auto users = Set("SET @a = 1, @b := @a + 1");
  ASSERT_NE(users, nullptr);
  EXPECT_EQ(users->items[0].scope, ast::VarScope::kUser);
  EXPECT_EQ(users->items[1].name, "b");
  EXPECT_EQ(Dump(users->items[1].value), "(+ @a 1)");

  auto values = Set("SET character_set_results = NULL, sql_mode = DEFAULT, x = binary, y = TRUE");
  ASSERT_NE(values, nullptr);
  EXPECT_EQ(Dump(values->items[0].value), "NULL");
  EXPECT_EQ(Dump(values->items[1].value), "DEFAULT");
  EXPECT_EQ(Dump(values->items[2].value), "'binary'");
  EXPECT_EQ(Dump(values->items[3].value), "TRUE");

  auto quoted = Set("SET @@GLOBAL.`TIDB_EXP_EMBED_OPENAI_API_KEY` = 'k';");
  ASSERT_NE(quoted, nullptr);
  EXPECT_EQ(quoted->items[0].scope, ast::VarScope::kGlobal);
  EXPECT_EQ(quoted->items[0].name, "TIDB_EXP_EMBED_OPENAI_API_KEY");
}

TEST(SetTest, Transaction) {
  auto session = Set("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
  ASSERT_NE(session, nullptr);
  const ast::SetItem& item = session->items[0];
  EXPECT_EQ(item.kind, ast::SetKind::kTransaction);
  EXPECT_EQ(item.scope, ast::VarScope::kSession);
  EXPECT_TRUE(item.explicit_scope);
  EXPECT_EQ(item.isolation_level, "READ COMMITTED");

  auto next = Set("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
  ASSERT_NE(next, nullptr);
  ASSERT_EQ(next->items.size(), 1u);
  EXPECT_FALSE(next->items[0].explicit_scope);
  EXPECT_EQ(next->items[0].isolation_level, "SERIALIZABLE");
  EXPECT_EQ(next->items[0].read_only, true);

  auto global = Set("SET GLOBAL TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  ASSERT_NE(global, nullptr);
  EXPECT_EQ(global->items[0].scope, ast::VarScope::kGlobal);
  EXPECT_EQ(global->items[0].isolation_level, "REPEATABLE READ");
  EXPECT_EQ(Set("SET TRANSACTION READ WRITE")->items[0].read_only, false);
  EXPECT_EQ(Set("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")->items[0].isolation_level,
            "READ UNCOMMITTED");
  EXPECT_EQ(ErrnoOf("SET TRANSACTION ISOLATION LEVEL CHAOS"), 1064);
}

TEST(ShowTest, SchemaObjects) {
  auto dbs = Show("SHOW schemas");
  ASSERT_NE(dbs, nullptr);
  EXPECT_EQ(dbs->kind, ast::ShowKind::kDatabases);
  EXPECT_EQ(Show("SHOW DATABASES LIKE 'te%'")->like, "te%");

  auto tables = Show("SHOW FULL TABLES FROM `test`");
  ASSERT_NE(tables, nullptr);
  EXPECT_EQ(tables->kind, ast::ShowKind::kTables);
  EXPECT_TRUE(tables->full);
  EXPECT_EQ(tables->database, "test");
  auto where = Show("SHOW TABLES IN db WHERE Table_type = 'VIEW'");
  ASSERT_NE(where, nullptr);
  EXPECT_EQ(Dump(where->where), "(= Table_type 'VIEW')");
  EXPECT_FALSE(Show("SHOW TABLES")->full);

  auto columns = Show("SHOW FULL COLUMNS FROM t FROM db LIKE 'a%'");
  ASSERT_NE(columns, nullptr);
  EXPECT_EQ(columns->kind, ast::ShowKind::kColumns);
  EXPECT_TRUE(columns->full);
  EXPECT_EQ(columns->table, "t");
  EXPECT_EQ(columns->database, "db");
  EXPECT_EQ(columns->like, "a%");
  EXPECT_EQ(Show("SHOW FIELDS IN db.t")->database, "db");

  for (std::string_view sql : {"SHOW INDEX FROM t", "SHOW INDEXES IN t FROM db",
                               "SHOW KEYS FROM db.t"}) {
    auto index = Show(sql);
    ASSERT_NE(index, nullptr) << sql;
    EXPECT_EQ(index->kind, ast::ShowKind::kIndex);
    EXPECT_EQ(index->table, "t");
  }
  auto pytidb = Show("SHOW INDEXES FROM t WHERE Column_name = 'text_vec' AND Index_type = 'HNSW'");
  ASSERT_NE(pytidb, nullptr);
  EXPECT_EQ(Dump(pytidb->where), "(AND (= Column_name 'text_vec') (= Index_type 'HNSW'))");

  auto create = Show("SHOW CREATE TABLE `test`.`users`");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->kind, ast::ShowKind::kCreateTable);
  EXPECT_EQ(create->database, "test");
  EXPECT_EQ(create->table, "users");
  EXPECT_EQ(Show("SHOW CREATE VIEW v")->kind, ast::ShowKind::kCreateTable);
  auto create_db = Show("SHOW CREATE DATABASE IF NOT EXISTS d");
  ASSERT_NE(create_db, nullptr);
  EXPECT_EQ(create_db->kind, ast::ShowKind::kCreateDatabase);
  EXPECT_EQ(create_db->database, "d");

  auto status = Show("SHOW TABLE STATUS FROM db LIKE 't%'");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->kind, ast::ShowKind::kTableStatus);
  EXPECT_EQ(status->database, "db");
}

TEST(ShowTest, ServerState) {
  auto vars = Show("SHOW GLOBAL VARIABLES LIKE 'max%'");
  ASSERT_NE(vars, nullptr);
  EXPECT_EQ(vars->kind, ast::ShowKind::kVariables);
  EXPECT_TRUE(vars->global);
  EXPECT_FALSE(Show("SHOW SESSION VARIABLES")->global);
  EXPECT_EQ(Dump(Show("SHOW VARIABLES WHERE Variable_name = 'x'")->where),
            "(= Variable_name 'x')");
  EXPECT_EQ(Show("SHOW STATUS")->kind, ast::ShowKind::kStatus);
  EXPECT_TRUE(Show("SHOW GLOBAL STATUS LIKE 'Up%'")->global);
  EXPECT_EQ(Show("SHOW WARNINGS")->kind, ast::ShowKind::kWarnings);
  EXPECT_EQ(Show("SHOW WARNINGS LIMIT 10")->kind, ast::ShowKind::kWarnings);
  EXPECT_EQ(Show("SHOW ERRORS")->kind, ast::ShowKind::kErrors);
  EXPECT_EQ(Show("SHOW COLLATION")->kind, ast::ShowKind::kCollation);
  EXPECT_EQ(Show("SHOW COLLATION LIKE 'utf8%'")->like, "utf8%");
  EXPECT_EQ(Show("SHOW CHARACTER SET")->kind, ast::ShowKind::kCharset);
  EXPECT_EQ(Show("SHOW CHARSET")->kind, ast::ShowKind::kCharset);
  EXPECT_EQ(Show("SHOW ENGINES")->kind, ast::ShowKind::kEngines);
  EXPECT_EQ(Show("SHOW STORAGE ENGINES")->kind, ast::ShowKind::kEngines);
  EXPECT_EQ(Show("SHOW PROCESSLIST")->kind, ast::ShowKind::kProcessList);
  EXPECT_TRUE(Show("SHOW FULL PROCESSLIST")->full);
  EXPECT_EQ(Show("SHOW GRANTS")->kind, ast::ShowKind::kGrants);
  EXPECT_EQ(Show("SHOW GRANTS FOR 'root'@'localhost'")->kind, ast::ShowKind::kGrants);
  EXPECT_EQ(Show("SHOW GRANTS FOR CURRENT_USER()")->kind, ast::ShowKind::kGrants);
  EXPECT_EQ(Show("SHOW PLUGINS")->kind, ast::ShowKind::kPlugins);
  EXPECT_EQ(ErrnoOf("SHOW FULL DATABASES"), 1064);
  EXPECT_EQ(ErrnoOf("SHOW GLOBAL TABLES"), 1064);
  EXPECT_EQ(ErrnoOf("SHOW NONSENSE"), 1064);
}

TEST(DescribeTest, Forms) {
  auto describe = Show("DESCRIBE `test`.`players`");
  ASSERT_NE(describe, nullptr);
  EXPECT_EQ(describe->kind, ast::ShowKind::kColumns);
  EXPECT_TRUE(describe->is_describe);
  EXPECT_EQ(describe->database, "test");
  EXPECT_EQ(describe->table, "players");
  auto desc_col = Show("DESC t name");
  ASSERT_NE(desc_col, nullptr);
  EXPECT_EQ(desc_col->table, "t");
  EXPECT_EQ(desc_col->column, "name");
  EXPECT_EQ(Show("EXPLAIN t 'a%'")->column, "a%");
  EXPECT_TRUE(Show("EXPLAIN t")->is_describe);
}

TEST(ExplainTest, Forms) {
  auto explain = MustParseAs<ast::ExplainStatement>("EXPLAIN SELECT a FROM t WHERE b = 1",
                                                    ast::StatementType::kExplain);
  ASSERT_NE(explain, nullptr);
  EXPECT_FALSE(explain->analyze);
  ASSERT_EQ(explain->statement->type, ast::StatementType::kSelect);
  EXPECT_EQ(explain->statement->text, "SELECT a FROM t WHERE b = 1");

  auto analyze = MustParseAs<ast::ExplainStatement>(
      "EXPLAIN ANALYZE FORMAT='brief' SELECT 1", ast::StatementType::kExplain);
  ASSERT_NE(analyze, nullptr);
  EXPECT_TRUE(analyze->analyze);
  EXPECT_EQ(analyze->format, "brief");
  auto json = MustParseAs<ast::ExplainStatement>("EXPLAIN FORMAT=JSON UPDATE t SET a = 1",
                                                 ast::StatementType::kExplain);
  ASSERT_NE(json, nullptr);
  EXPECT_EQ(json->format, "JSON");
  EXPECT_EQ(json->statement->type, ast::StatementType::kUpdate);
  for (std::string_view sql : {"EXPLAIN INSERT INTO t VALUES (1)", "EXPLAIN DELETE FROM t",
                               "DESCRIBE SELECT 1", "EXPLAIN (SELECT 1) UNION (SELECT 2)",
                               "EXPLAIN WITH x AS (SELECT 1) SELECT * FROM x",
                               "EXPLAIN REPLACE INTO t VALUES (1)"}) {
    EXPECT_NE(MustParseAs<ast::ExplainStatement>(sql, ast::StatementType::kExplain), nullptr)
        << sql;
  }
}

TEST(TransactionTest, Forms) {
  EXPECT_EQ(Txn("BEGIN")->kind, ast::TransactionKind::kBegin);
  EXPECT_EQ(Txn("BEGIN WORK")->kind, ast::TransactionKind::kBegin);
  EXPECT_EQ(Txn("BEGIN PESSIMISTIC")->kind, ast::TransactionKind::kBegin);
  EXPECT_EQ(Txn("START TRANSACTION")->kind, ast::TransactionKind::kBegin);
  EXPECT_TRUE(Txn("START TRANSACTION READ ONLY")->read_only);
  EXPECT_FALSE(Txn("START TRANSACTION READ WRITE")->read_only);
  EXPECT_TRUE(Txn("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")->consistent_snapshot);
  EXPECT_EQ(Txn("COMMIT WORK")->kind, ast::TransactionKind::kCommit);
  EXPECT_EQ(Txn("ROLLBACK WORK")->kind, ast::TransactionKind::kRollback);

  auto savepoint = Txn("SAVEPOINT sa_savepoint_1");
  EXPECT_EQ(savepoint->kind, ast::TransactionKind::kSavepoint);
  EXPECT_EQ(savepoint->savepoint, "sa_savepoint_1");
  auto release = Txn("RELEASE SAVEPOINT sa_savepoint_1");
  EXPECT_EQ(release->kind, ast::TransactionKind::kRelease);
  EXPECT_EQ(release->savepoint, "sa_savepoint_1");
  auto back = Txn("ROLLBACK TO SAVEPOINT sa_savepoint_2");
  EXPECT_EQ(back->kind, ast::TransactionKind::kRollbackTo);
  EXPECT_EQ(back->savepoint, "sa_savepoint_2");
  EXPECT_EQ(Txn("ROLLBACK WORK TO s")->savepoint, "s");
  EXPECT_EQ(ErrnoOf("START TRANSACTION READ SOMETIMES"), 1064);
  EXPECT_EQ(ErrnoOf("RELEASE s"), 1064);
}

TEST(MiscTest, UseKillNoOps) {
  auto use = MustParseAs<ast::UseStatement>("USE `test`", ast::StatementType::kUse);
  ASSERT_NE(use, nullptr);
  EXPECT_EQ(use->database, "test");

  auto kill = MustParseAs<ast::KillStatement>("KILL 42", ast::StatementType::kKill);
  ASSERT_NE(kill, nullptr);
  EXPECT_EQ(kill->connection_id, 42);
  EXPECT_FALSE(kill->query_only);
  EXPECT_TRUE(
      MustParseAs<ast::KillStatement>("KILL QUERY 7", ast::StatementType::kKill)->query_only);
  EXPECT_EQ(MustParseAs<ast::KillStatement>("KILL CONNECTION 8", ast::StatementType::kKill)
                ->connection_id,
            8);

  for (std::string_view sql :
       {"LOCK TABLES t READ, u WRITE", "UNLOCK TABLES", "ANALYZE TABLE t", "FLUSH PRIVILEGES",
        "FLUSH TABLES", "DO 1", "DO SLEEP(0), @a := 1", "OPTIMIZE TABLE t"}) {
    EXPECT_NE(MustParseAs<ast::NoOpStatement>(sql, ast::StatementType::kNoOp), nullptr) << sql;
  }
  EXPECT_EQ(ErrnoOf("LOCK"), 1064);
  EXPECT_EQ(ErrnoOf("DO"), 1064);
  EXPECT_EQ(ErrnoOf("GRANT ALL ON *.* TO x"), 1064);
}

}  // namespace
}  // namespace vexdb::parser_test
