// CREATE/DROP INDEX, views, databases, DROP TABLE, TRUNCATE, RENAME, ALTER TABLE.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

std::unique_ptr<ast::AlterTableStatement> Alter(std::string_view sql) {
  return MustParseAs<ast::AlterTableStatement>(sql, ast::StatementType::kAlterTable);
}

// The single action of `sql`.
ast::AlterAction OneAction(std::string_view sql) {
  auto alter = Alter(sql);
  if (alter == nullptr || alter->actions.size() != 1) {
    ADD_FAILURE() << "expected one action: " << sql;
    return {};
  }
  return std::move(alter->actions[0]);
}

TEST(CreateIndexTest, Forms) {
  auto plain = MustParseAs<ast::CreateIndexStatement>(
      "CREATE INDEX IF NOT EXISTS ix ON db.t (a, b(10) DESC) USING BTREE",
      ast::StatementType::kCreateIndex);
  ASSERT_NE(plain, nullptr);
  EXPECT_TRUE(plain->if_not_exists);
  EXPECT_EQ(plain->index.kind, ast::ConstraintKind::kIndex);
  EXPECT_EQ(plain->database, "db");
  EXPECT_EQ(plain->index.parts.size(), 2u);
  EXPECT_EQ(plain->index.using_method, "BTREE");

  auto unique = MustParseAs<ast::CreateIndexStatement>("CREATE UNIQUE INDEX uq ON t (q DESC)",
                                                       ast::StatementType::kCreateIndex);
  ASSERT_NE(unique, nullptr);
  EXPECT_EQ(unique->index.kind, ast::ConstraintKind::kUnique);
  EXPECT_TRUE(unique->index.parts[0].descending);

  auto vector = MustParseAs<ast::CreateIndexStatement>(
      "CREATE VECTOR INDEX vec_idx_text_vec_cosine ON chunks ((VEC_COSINE_DISTANCE(text_vec))) "
      "USING HNSW ADD_COLUMNAR_REPLICA_ON_DEMAND",
      ast::StatementType::kCreateIndex);
  ASSERT_NE(vector, nullptr);
  EXPECT_EQ(vector->index.kind, ast::ConstraintKind::kVectorIndex);
  EXPECT_EQ(Dump(vector->index.parts[0].expr), "VEC_COSINE_DISTANCE(text_vec)");
  EXPECT_EQ(vector->index.using_method, "HNSW");
  EXPECT_EQ(vector->index.options, std::vector<std::string>{"ADD_COLUMNAR_REPLICA_ON_DEMAND"});

  auto fulltext = MustParseAs<ast::CreateIndexStatement>(
      "CREATE FULLTEXT INDEX fts_idx_text ON t (text) WITH PARSER MULTILINGUAL",
      ast::StatementType::kCreateIndex);
  ASSERT_NE(fulltext, nullptr);
  EXPECT_EQ(fulltext->index.kind, ast::ConstraintKind::kFulltext);
  EXPECT_EQ(fulltext->index.parts[0].column, "text");

  auto hnsw_before = MustParseAs<ast::CreateIndexStatement>(
      "CREATE VECTOR INDEX i USING HNSW ON t ((VEC_L2_DISTANCE(v))) COMMENT 'c'",
      ast::StatementType::kCreateIndex);
  ASSERT_NE(hnsw_before, nullptr);
  EXPECT_EQ(hnsw_before->index.comment, "c");
}

TEST(DropTest, IndexTableViewDatabase) {
  auto index = MustParseAs<ast::DropIndexStatement>("DROP INDEX ix ON db.t",
                                                    ast::StatementType::kDropIndex);
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->name, "ix");
  EXPECT_EQ(index->database, "db");
  EXPECT_EQ(index->table, "t");

  auto tables = MustParseAs<ast::DropTableStatement>("DROP TABLE IF EXISTS a, db.b CASCADE",
                                                     ast::StatementType::kDropTable);
  ASSERT_NE(tables, nullptr);
  EXPECT_TRUE(tables->if_exists);
  ASSERT_EQ(tables->tables.size(), 2u);
  EXPECT_EQ(tables->tables[1].database, "db");
  EXPECT_FALSE(tables->is_view);

  auto temp = MustParseAs<ast::DropTableStatement>("DROP TEMPORARY TABLE t",
                                                   ast::StatementType::kDropTable);
  ASSERT_NE(temp, nullptr);
  EXPECT_TRUE(temp->temporary);

  auto view = MustParseAs<ast::DropTableStatement>("DROP VIEW IF EXISTS v",
                                                   ast::StatementType::kDropTable);
  ASSERT_NE(view, nullptr);
  EXPECT_TRUE(view->is_view);

  auto db = MustParseAs<ast::DropDatabaseStatement>("DROP SCHEMA IF EXISTS `db`",
                                                    ast::StatementType::kDropDatabase);
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->if_exists);
  EXPECT_EQ(db->name, "db");
}

TEST(CreateViewTest, Forms) {
  auto view = MustParseAs<ast::CreateViewStatement>(
      "CREATE OR REPLACE VIEW db.v (x, y) AS SELECT a, b FROM t WITH CHECK OPTION",
      ast::StatementType::kCreateView);
  ASSERT_NE(view, nullptr);
  EXPECT_TRUE(view->or_replace);
  EXPECT_EQ(view->database, "db");
  EXPECT_EQ(view->columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(view->select_text, "SELECT a, b FROM t");

  auto plain = MustParseAs<ast::CreateViewStatement>(
      "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT 1",
      ast::StatementType::kCreateView);
  ASSERT_NE(plain, nullptr);
  EXPECT_FALSE(plain->or_replace);
  EXPECT_EQ(Dump(*plain->select), "SELECT 1");
}

TEST(CreateDatabaseTest, Forms) {
  auto db = MustParseAs<ast::CreateDatabaseStatement>(
      "CREATE DATABASE IF NOT EXISTS `db` DEFAULT CHARACTER SET = utf8mb4 COLLATE utf8mb4_bin",
      ast::StatementType::kCreateDatabase);
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->if_not_exists);
  EXPECT_EQ(db->name, "db");
  EXPECT_EQ(db->charset, "utf8mb4");
  EXPECT_EQ(db->collation, "utf8mb4_bin");
  auto schema = MustParseAs<ast::CreateDatabaseStatement>("CREATE SCHEMA s CHARSET latin1",
                                                          ast::StatementType::kCreateDatabase);
  ASSERT_NE(schema, nullptr);
  EXPECT_EQ(schema->charset, "latin1");
}

TEST(TruncateRenameTest, Forms) {
  auto truncate = MustParseAs<ast::TruncateStatement>("TRUNCATE TABLE `t`",
                                                      ast::StatementType::kTruncate);
  ASSERT_NE(truncate, nullptr);
  EXPECT_EQ(truncate->table, "t");
  auto bare = MustParseAs<ast::TruncateStatement>("TRUNCATE db.t", ast::StatementType::kTruncate);
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->database, "db");

  auto rename = MustParseAs<ast::RenameTableStatement>("RENAME TABLE a TO b, db.c TO db.d",
                                                       ast::StatementType::kRenameTable);
  ASSERT_NE(rename, nullptr);
  ASSERT_EQ(rename->renames.size(), 2u);
  EXPECT_EQ(rename->renames[1].first.database, "db");
  EXPECT_EQ(rename->renames[1].second.name, "d");
}

TEST(AlterTableTest, Columns) {
  ast::AlterAction add = OneAction(
      "ALTER TABLE users ADD COLUMN active BOOL NOT NULL DEFAULT '1'");
  EXPECT_EQ(add.kind, ast::AlterKind::kAddColumn);
  EXPECT_EQ(add.column.name, "active");
  EXPECT_EQ(Dump(add.column.default_value), "'1'");

  ast::AlterAction first = OneAction("ALTER TABLE t ADD c INT FIRST");
  EXPECT_TRUE(first.first);
  ast::AlterAction after = OneAction("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT AFTER b");
  EXPECT_EQ(after.after, "b");
  EXPECT_TRUE(after.if_not_exists);

  auto pair = Alter("ALTER TABLE t ADD COLUMN (a INT, b INT)");
  ASSERT_NE(pair, nullptr);
  ASSERT_EQ(pair->actions.size(), 2u);
  EXPECT_EQ(pair->actions[1].column.name, "b");

  ast::AlterAction drop = OneAction("ALTER TABLE t DROP COLUMN c");
  EXPECT_EQ(drop.kind, ast::AlterKind::kDropColumn);
  EXPECT_EQ(drop.name, "c");
  EXPECT_EQ(OneAction("ALTER TABLE t DROP c").kind, ast::AlterKind::kDropColumn);

  ast::AlterAction modify = OneAction("ALTER TABLE users MODIFY email VARCHAR(200) NULL");
  EXPECT_EQ(modify.kind, ast::AlterKind::kModifyColumn);
  EXPECT_EQ(DumpType(modify.column.type), "varchar(200)");
  EXPECT_EQ(modify.column.nullable, true);
  EXPECT_EQ(OneAction("ALTER TABLE t MODIFY COLUMN v VECTOR(4) AFTER a").after, "a");

  ast::AlterAction change = OneAction("ALTER TABLE t CHANGE COLUMN old new INT NOT NULL");
  EXPECT_EQ(change.kind, ast::AlterKind::kChangeColumn);
  EXPECT_EQ(change.name, "old");
  EXPECT_EQ(change.column.name, "new");
  EXPECT_EQ(OneAction("ALTER TABLE t CHANGE old new INT").kind, ast::AlterKind::kChangeColumn);

  ast::AlterAction rename = OneAction("ALTER TABLE t RENAME COLUMN a TO b");
  EXPECT_EQ(rename.kind, ast::AlterKind::kRenameColumn);
  EXPECT_EQ(rename.name, "a");
  EXPECT_EQ(rename.new_name, "b");

  ast::AlterAction set_default = OneAction("ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'");
  EXPECT_EQ(set_default.kind, ast::AlterKind::kSetDefault);
  EXPECT_EQ(Dump(set_default.default_value), "'x'");
  EXPECT_EQ(Dump(OneAction("ALTER TABLE t ALTER c SET DEFAULT (now())").default_value), "now()");
  ast::AlterAction drop_default = OneAction("ALTER TABLE t ALTER c DROP DEFAULT");
  EXPECT_EQ(drop_default.kind, ast::AlterKind::kDropDefault);
  EXPECT_EQ(drop_default.name, "c");
}

TEST(AlterTableTest, Constraints) {
  ast::AlterAction fk = OneAction(
      "ALTER TABLE t ADD CONSTRAINT fk_u FOREIGN KEY(user_id) REFERENCES users (id)");
  EXPECT_EQ(fk.kind, ast::AlterKind::kAddConstraint);
  EXPECT_EQ(fk.constraint.kind, ast::ConstraintKind::kForeignKey);
  EXPECT_EQ(fk.constraint.name, "fk_u");
  EXPECT_EQ(OneAction("ALTER TABLE t ADD PRIMARY KEY (id)").constraint.kind,
            ast::ConstraintKind::kPrimaryKey);
  EXPECT_EQ(OneAction("ALTER TABLE t ADD UNIQUE uq (a)").constraint.name, "uq");
  EXPECT_EQ(OneAction("ALTER TABLE t ADD INDEX ix (a)").constraint.kind,
            ast::ConstraintKind::kIndex);
  EXPECT_EQ(OneAction("ALTER TABLE t ADD CHECK (a > 1)").constraint.kind,
            ast::ConstraintKind::kCheck);
  ast::AlterAction key_if = OneAction("ALTER TABLE t ADD KEY IF NOT EXISTS k (a)");
  EXPECT_TRUE(key_if.if_not_exists);
  EXPECT_EQ(key_if.constraint.name, "k");

  ast::AlterAction vec = OneAction(
      "ALTER TABLE t ADD VECTOR INDEX IF NOT EXISTS idx ((vec_l2_distance(c))) USING HNSW");
  EXPECT_EQ(vec.constraint.kind, ast::ConstraintKind::kVectorIndex);
  EXPECT_TRUE(vec.if_not_exists);
  EXPECT_EQ(vec.constraint.name, "idx");
  EXPECT_EQ(Dump(vec.constraint.parts[0].expr), "vec_l2_distance(c)");
  ast::AlterAction anon =
      OneAction("ALTER TABLE t ADD VECTOR INDEX ((vec_l2_distance(b))) USING HNSW");
  EXPECT_EQ(anon.constraint.name, "");
  ast::AlterAction commented = OneAction(
      "ALTER TABLE foo ADD VECTOR INDEX idx_embedding ((VEC_L2_DISTANCE(embedding))) USING HNSW "
      "COMMENT 'x'");
  EXPECT_EQ(commented.constraint.comment, "x");
  EXPECT_EQ(OneAction("ALTER TABLE t ADD VECTOR INDEX i ((VEC_COSINE_DISTANCE(v))) "
                      "ADD_COLUMNAR_REPLICA_ON_DEMAND")
                .constraint.options,
            std::vector<std::string>{"ADD_COLUMNAR_REPLICA_ON_DEMAND"});
  EXPECT_EQ(
      OneAction("\nALTER TABLE `t` ADD VECTOR INDEX `vec_idx_e` ((VEC_COSINE_DISTANCE(`e`)))\n")
          .constraint.name,
            "vec_idx_e");

  EXPECT_EQ(OneAction("ALTER TABLE t DROP INDEX uq").kind, ast::AlterKind::kDropIndex);
  EXPECT_EQ(OneAction("ALTER TABLE t DROP KEY uq").name, "uq");
  EXPECT_TRUE(OneAction("ALTER TABLE t DROP INDEX IF EXISTS uq").if_exists);
  EXPECT_EQ(OneAction("ALTER TABLE t DROP PRIMARY KEY").kind, ast::AlterKind::kDropPrimaryKey);
  EXPECT_EQ(OneAction("ALTER TABLE t DROP FOREIGN KEY fk").kind, ast::AlterKind::kDropForeignKey);
  EXPECT_EQ(OneAction("ALTER TABLE t DROP CHECK ck").kind, ast::AlterKind::kDropCheck);
  EXPECT_EQ(OneAction("ALTER TABLE t DROP CONSTRAINT ck").name, "ck");
  ast::AlterAction rename_index = OneAction("ALTER TABLE t RENAME INDEX a TO b");
  EXPECT_EQ(rename_index.kind, ast::AlterKind::kRenameIndex);
  EXPECT_EQ(rename_index.new_name, "b");
}

TEST(AlterTableTest, TableLevel) {
  ast::AlterAction rename = OneAction("ALTER TABLE t RENAME TO db2.t2");
  EXPECT_EQ(rename.kind, ast::AlterKind::kRenameTable);
  EXPECT_EQ(rename.new_database, "db2");
  EXPECT_EQ(rename.new_name, "t2");
  EXPECT_EQ(OneAction("ALTER TABLE t RENAME AS t3").new_name, "t3");
  EXPECT_EQ(OneAction("ALTER TABLE t RENAME t4").new_name, "t4");

  ast::AlterAction comment = OneAction("ALTER TABLE t COMMENT 'x'");
  EXPECT_EQ(comment.kind, ast::AlterKind::kOptions);
  EXPECT_EQ(comment.options.comment, "x");
  EXPECT_TRUE(comment.options.has_comment);
  ast::AlterAction options = OneAction("ALTER TABLE t ENGINE=InnoDB AUTO_INCREMENT=100");
  EXPECT_EQ(options.options.engine, "InnoDB");
  EXPECT_EQ(options.options.auto_increment, 100);

  ast::AlterAction replica = OneAction("ALTER TABLE t SET TIFLASH REPLICA 1");
  EXPECT_EQ(replica.kind, ast::AlterKind::kSetTiflashReplica);
  EXPECT_EQ(replica.replica_count, 1);
  EXPECT_EQ(OneAction("ALTER TABLE t SET TIFLASH REPLICA 0 LOCATION LABELS 'a', 'b'").replica_count,
            0);
  EXPECT_EQ(OneAction("ALTER TABLE t COMPACT").kind, ast::AlterKind::kCompact);
  EXPECT_EQ(OneAction("ALTER TABLE t COMPACT TIFLASH REPLICA").kind, ast::AlterKind::kCompact);
  EXPECT_EQ(OneAction("ALTER TABLE t ALTER INDEX idx VISIBLE").kind,
            ast::AlterKind::kIndexVisibility);
  EXPECT_FALSE(OneAction("ALTER TABLE t ALTER INDEX idx VISIBLE").invisible);
  EXPECT_TRUE(OneAction("ALTER TABLE t ALTER INDEX idx INVISIBLE").invisible);

  auto multi = Alter("ALTER TABLE t ADD COLUMN a INT, DROP COLUMN b, ALGORITHM=INPLACE, LOCK=NONE");
  ASSERT_NE(multi, nullptr);
  ASSERT_EQ(multi->actions.size(), 4u);
  EXPECT_EQ(multi->actions[0].kind, ast::AlterKind::kAddColumn);
  EXPECT_EQ(multi->actions[1].kind, ast::AlterKind::kDropColumn);
  EXPECT_EQ(multi->actions[2].kind, ast::AlterKind::kIgnored);
  EXPECT_EQ(multi->actions[3].kind, ast::AlterKind::kIgnored);
  EXPECT_EQ(ErrnoOf("ALTER TABLE t"), 1064);
  EXPECT_EQ(ErrnoOf("ALTER TABLE t FROBNICATE"), 1064);
}

}  // namespace
}  // namespace vexdb::parser_test
