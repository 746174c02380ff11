// SHOW output for tables created through the real parser and DDL executor, from the DDL
// SQLAlchemy 2.x and Alembic send (mysql-sqlalchemy-needs.md §2.3, §3), compared with what
// MySQL 8.0 prints for the same statements.

#include <gtest/gtest.h>

#include "execution/ddl.h"
#include "execution/show.h"
#include "execution/show_test_util.h"
#include "parser/parser.h"
#include "types/value_format.h"

namespace vexdb::show_test {
namespace {

class ShowDdlTest : public ShowFixture {
 protected:
  void Run(std::string_view sql) {
    Result<ast::StatementPtr> parsed = ParseStatement(sql);
    ASSERT_TRUE(parsed.ok()) << sql << ": " << parsed.status().ToString();
    DdlContext context{*catalog_, *storage_, "test", true, 0};
    Result<QueryResult> result = ExecuteDdl(**parsed, context);
    ASSERT_TRUE(result.ok()) << sql << ": " << result.status().ToString();
  }

  std::string CreateText(std::string_view table) {
    TableRef t = catalog_->GetTable("test", table);
    EXPECT_NE(t, nullptr) << table;
    return t == nullptr ? "" : ShowCreateTableText(*t, *storage_);
  }
};

TEST_F(ShowDdlTest, SqlalchemyQuickstart) {
  Run("CREATE TABLE users (\n"
      "\tid INTEGER NOT NULL AUTO_INCREMENT,\n"
      "\tname VARCHAR(50) NOT NULL,\n"
      "\tfullname TEXT,\n"
      "\tactive BOOL NOT NULL,\n"
      "\tcreated DATETIME NOT NULL DEFAULT now(),\n"
      "\tbalance NUMERIC(10, 2) NOT NULL,\n"
      "\tscore FLOAT,\n"
      "\tdata JSON,\n"
      "\tstatus ENUM('active','inactive') NOT NULL,\n"
      "\tavatar BLOB,\n"
      "\tbirthday DATE,\n"
      "\tPRIMARY KEY (id),\n"
      "\tUNIQUE (name)\n"
      ")");
  Run("CREATE INDEX ix_users_status ON users (status)");
  Run("CREATE TABLE addresses (id INTEGER NOT NULL AUTO_INCREMENT, user_id INTEGER NOT NULL, "
      "email VARCHAR(100), PRIMARY KEY (id), "
      "FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE)");
  Run("CREATE INDEX ix_addresses_email ON addresses (email)");
  EXPECT_EQ(CreateText("users"), kUsersCreateTable);
  EXPECT_EQ(CreateText("addresses"),
            "CREATE TABLE `addresses` (\n"
            "  `id` int NOT NULL AUTO_INCREMENT,\n"
            "  `user_id` int NOT NULL,\n"
            "  `email` varchar(100) DEFAULT NULL,\n"
            "  PRIMARY KEY (`id`),\n"
            "  KEY `user_id` (`user_id`),\n"
            "  KEY `ix_addresses_email` (`email`),\n"
            "  CONSTRAINT `addresses_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) "
            "ON DELETE CASCADE\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

TEST_F(ShowDdlTest, DefaultsCommentsAndOptions) {
  Run("CREATE TABLE sbtest1(id INTEGER NOT NULL AUTO_INCREMENT, k INTEGER DEFAULT '0' NOT NULL, "
      "c CHAR(120) DEFAULT '' NOT NULL, pad CHAR(60) DEFAULT '' NOT NULL, PRIMARY KEY (id)) "
      "/*! ENGINE = innodb */");
  EXPECT_EQ(CreateText("sbtest1"),
            "CREATE TABLE `sbtest1` (\n"
            "  `id` int NOT NULL AUTO_INCREMENT,\n"
            "  `k` int NOT NULL DEFAULT '0',\n"
            "  `c` char(120) NOT NULL DEFAULT '',\n"
            "  `pad` char(60) NOT NULL DEFAULT '',\n"
            "  PRIMARY KEY (`id`)\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  Run("CREATE TABLE t2 (a DECIMAL(10,2) DEFAULT 1.5 COMMENT 'it''s', "
      "b TIMESTAMP NULL, c TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
      "ON UPDATE CURRENT_TIMESTAMP(3), d VARCHAR(10) COLLATE utf8mb4_general_ci) "
      "COMMENT 'tbl'");
  EXPECT_EQ(CreateText("t2"),
            "CREATE TABLE `t2` (\n"
            "  `a` decimal(10,2) DEFAULT '1.50' COMMENT 'it''s',\n"
            "  `b` timestamp NULL DEFAULT NULL,\n"
            "  `c` timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
            "ON UPDATE CURRENT_TIMESTAMP(3),\n"
            "  `d` varchar(10) COLLATE utf8mb4_general_ci DEFAULT NULL\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='tbl'");
}

TEST_F(ShowDdlTest, AlembicVersionTable) {
  Run("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
      "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
  EXPECT_EQ(CreateText("alembic_version"),
            "CREATE TABLE `alembic_version` (\n"
            "  `version_num` varchar(32) NOT NULL,\n"
            "  PRIMARY KEY (`version_num`)\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

TEST_F(ShowDdlTest, VectorTable) {
  Run("CREATE TABLE sqlalchemy_item2 (id INTEGER NOT NULL AUTO_INCREMENT, embedding VECTOR(3), "
      "PRIMARY KEY (id))");
  EXPECT_EQ(CreateText("sqlalchemy_item2"),
            "CREATE TABLE `sqlalchemy_item2` (\n"
            "  `id` int NOT NULL AUTO_INCREMENT,\n"
            "  `embedding` vector(3) DEFAULT NULL,\n"
            "  PRIMARY KEY (`id`)\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

// vexdb's HNSW parameters print after the key, only when the DDL set them, and read back.
TEST_F(ShowDdlTest, VectorIndexParameters) {
  Run("CREATE TABLE tuned (id INT PRIMARY KEY, v VECTOR(3), "
      "VECTOR INDEX idx_l2 ((VEC_L2_DISTANCE(v))) M=32 EF_CONSTRUCTION 100 QUANTIZATION int8 "
      "USING HNSW, "
      "VECTOR INDEX idx_cos ((VEC_COSINE_DISTANCE(v))) EF_SEARCH = 200 QUANTIZATION bf16 "
      "COMMENT 'small')");
  const std::string text = CreateText("tuned");
  EXPECT_EQ(text,
            "CREATE TABLE `tuned` (\n"
            "  `id` int NOT NULL,\n"
            "  `v` vector(3) DEFAULT NULL,\n"
            "  PRIMARY KEY (`id`),\n"
            "  VECTOR INDEX `idx_l2`((VEC_L2_DISTANCE(`v`))) M=32 EF_CONSTRUCTION=100 "
            "QUANTIZATION=INT8,\n"
            "  VECTOR INDEX `idx_cos`((VEC_COSINE_DISTANCE(`v`))) EF_SEARCH=200 QUANTIZATION=BF16 "
            "COMMENT 'small'\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
  Run("DROP TABLE tuned");
  Run(text);
  EXPECT_EQ(CreateText("tuned"), text);
}

}  // namespace
}  // namespace vexdb::show_test
