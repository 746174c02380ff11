#include "execution/show.h"

#include <gtest/gtest.h>

#include "execution/show_test_util.h"
#include "parser/parser.h"
#include "types/value_format.h"

namespace vexdb::show_test {
namespace {

using Strings = std::vector<std::string>;

// A row as text, "NULL" for NULL.
Strings Text(const QueryResult& result, size_t row) {
  Strings out;
  for (size_t i = 0; i < result.columns.size(); ++i) {
    const Value& v = result.rows[row][i];
    out.push_back(v.is_null() ? "NULL" : FormatValue(v, result.columns[i].type));
  }
  return out;
}

Strings ColumnNames(const QueryResult& result) {
  Strings out;
  for (const ResultColumn& c : result.columns) out.push_back(c.name);
  return out;
}

Strings FirstColumn(const QueryResult& result) {
  Strings out;
  for (size_t i = 0; i < result.rows.size(); ++i) out.push_back(Text(result, i)[0]);
  return out;
}

class ShowTest : public ShowFixture {
 protected:
  Result<QueryResult> Show(std::string_view sql, std::string database = "test") {
    Result<ast::StatementPtr> parsed = ParseStatement(sql);
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    if (!parsed.ok()) return parsed.TakeStatus();
    EXPECT_EQ((*parsed)->type, ast::StatementType::kShow) << sql;
    ShowContext context = Context(std::move(database));
    context.variables = [](bool global) {
      return std::vector<VariableRow>{{"autocommit", "ON"},
                                      {"character_set_client", "utf8mb4"},
                                      {"sql_mode", global ? "GLOBAL_MODE" : "STRICT_TRANS_TABLES"},
                                      {"version", "8.0.11-TiDB-v8.5.0"}};
    };
    return ExecuteShow(static_cast<const ast::ShowStatement&>(**parsed), context);
  }

  QueryResult MustShow(std::string_view sql, std::string database = "test") {
    Result<QueryResult> result = Show(sql, std::move(database));
    EXPECT_TRUE(result.ok()) << sql << ": " << result.status().ToString();
    return result.ok() ? std::move(result).value() : QueryResult{};
  }

  std::string CreateText(std::string_view table) {
    QueryResult result = MustShow("SHOW CREATE TABLE " + std::string(table));
    if (result.rows.size() != 1) return "";
    return Text(result, 0)[1];
  }
};

TEST_F(ShowTest, CreateTableOfSqlalchemyQuickstartMatchesMysql) {
  Create(Users());
  EXPECT_EQ(CreateText("users"), kUsersCreateTable);
}

TEST_F(ShowTest, CreateTableResultColumns) {
  Create(Users());
  QueryResult result = MustShow("SHOW CREATE TABLE `test`.`users`", "");
  EXPECT_EQ(ColumnNames(result), (Strings{"Table", "Create Table"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0)[0], "users");
}

TEST_F(ShowTest, CreateTableShowsForeignKeysAndNextAutoIncrement) {
  Create(Users());
  TableRef addresses = Create(Addresses());
  ASSERT_TRUE(storage_->AllocateIds(addresses->AutoIncrementCounter(), 4).ok());
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
            ") ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

TEST_F(ShowTest, CreateTableDefaultsCommentsAndCharsets) {
  TableInfo t;
  t.database = "test";
  t.name = "odd`name";
  t.comment = "it's a\ttable\\";
  t.columns = {Col("n", LogicalType::Of(TypeId::kInt), false),
               Col("s", LogicalType::Varchar(10)),
               Col("ts", Type(TypeId::kTimestamp)),
               Col("ts6", Type(TypeId::kTimestamp), false),
               Col("b", Type(TypeId::kBit, 3), false),
               Col("x", LogicalType::Double()),
               Col("u", LogicalType::BigInt(true), false),
               Col("c", Type(TypeId::kChar, 4))};
  t.columns[0].default_value = {DefaultKind::kValue, "0"};
  t.columns[0].comment = "count of 'things'";
  t.columns[1].default_value = {DefaultKind::kValue, "a'b\\c\n"};
  t.columns[1].type.collation = "utf8mb4_general_ci";
  t.columns[3].type.fsp = 6;
  t.columns[3].default_value = {DefaultKind::kCurrentTimestamp, ""};
  t.columns[3].on_update_current_timestamp = true;
  t.columns[4].default_value = {DefaultKind::kValue, std::string("\x05", 1)};
  t.columns[5].default_value = {DefaultKind::kExpression, "rand()"};
  t.columns[7].type.collation = "latin1_bin";
  IndexInfo prefix = Key("ix", {"s", "c"});
  prefix.columns[0].prefix_length = 5;
  prefix.columns[1].descending = true;
  prefix.comment = "prefix";
  t.indexes = {prefix, Key("PRIMARY", {"n"}, true), Key("uq", {"u"}, true)};
  Create(t);
  EXPECT_EQ(CreateText("`odd``name`"),
            "CREATE TABLE `odd``name` (\n"
            "  `n` int NOT NULL DEFAULT '0' COMMENT 'count of ''things''',\n"
            "  `s` varchar(10) COLLATE utf8mb4_general_ci DEFAULT 'a''b\\\\c\\n',\n"
            "  `ts` timestamp NULL DEFAULT NULL,\n"
            "  `ts6` timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) "
            "ON UPDATE CURRENT_TIMESTAMP(6),\n"
            "  `b` bit(3) NOT NULL DEFAULT b'101',\n"
            "  `x` double DEFAULT (rand()),\n"
            "  `u` bigint unsigned NOT NULL,\n"
            "  `c` char(4) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL,\n"
            "  PRIMARY KEY (`n`),\n"
            "  UNIQUE KEY `uq` (`u`),\n"
            "  KEY `ix` (`s`(5),`c` DESC) COMMENT 'prefix'\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin "
            "COMMENT='it''s a\ttable\\\\'");
}

TEST_F(ShowTest, CreateTableKeyOrderFollowsMysql) {
  TableInfo t;
  t.database = "test";
  t.name = "k";
  t.columns = {Col("a", LogicalType::Of(TypeId::kInt), false), Col("b", LogicalType::Varchar(9)),
               Col("c", LogicalType::Varchar(9), false)};
  IndexInfo prefixed = Key("u_prefix", {"c"}, true);
  prefixed.columns[0].prefix_length = 3;
  t.indexes = {Key("plain", {"a"}), Key("u_nullable", {"b"}, true), prefixed,
               Key("u_whole", {"c"}, true), Key("PRIMARY", {"a"}, true)};
  Create(t);
  std::string text = CreateText("k");
  size_t primary = text.find("PRIMARY KEY");
  size_t whole = text.find("`u_whole`");
  size_t prefix = text.find("`u_prefix`");
  size_t nullable = text.find("`u_nullable`");
  size_t plain = text.find("`plain`");
  EXPECT_LT(primary, whole);
  EXPECT_LT(whole, prefix);
  EXPECT_LT(prefix, nullable);
  EXPECT_LT(nullable, plain);
}

TEST_F(ShowTest, CreateTableReferencesOtherDatabaseQualified) {
  ASSERT_TRUE(catalog_->CreateDatabase({0, "other", "utf8mb4", "utf8mb4_bin"}).ok());
  Create(Users());
  TableInfo child = Addresses();
  child.database = "other";
  child.foreign_keys[0].on_delete = ForeignKeyAction::kSetNull;
  child.foreign_keys[0].on_update = ForeignKeyAction::kCascade;
  Create(child);
  QueryResult result = MustShow("SHOW CREATE TABLE other.addresses");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_NE(Text(result, 0)[1].find("REFERENCES `test`.`users` (`id`) ON DELETE SET NULL "
                                    "ON UPDATE CASCADE\n"),
            std::string::npos)
      << Text(result, 0)[1];
}

TEST_F(ShowTest, CreateTableOfVectorColumnAndIndex) {
  TableInfo t;
  t.database = "test";
  t.name = "docs";
  t.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
               Col("embedding", Type(TypeId::kVector, 3)), Col("any", Type(TypeId::kVector))};
  IndexInfo hnsw = Key("idx_embedding", {"embedding"});
  hnsw.kind = IndexKind::kHnsw;
  IndexInfo hnsw_l2 = Key("idx_l2", {"embedding"});
  hnsw_l2.kind = IndexKind::kHnsw;
  hnsw_l2.distance = VectorDistance::kL2;
  t.indexes = {Key("PRIMARY", {"id"}, true), hnsw, hnsw_l2};
  Create(t);
  EXPECT_EQ(CreateText("docs"),
            "CREATE TABLE `docs` (\n"
            "  `id` int NOT NULL,\n"
            "  `embedding` vector(3) DEFAULT NULL,\n"
            "  `any` vector DEFAULT NULL,\n"
            "  PRIMARY KEY (`id`),\n"
            "  VECTOR INDEX `idx_embedding`((VEC_COSINE_DISTANCE(`embedding`))),\n"
            "  VECTOR INDEX `idx_l2`((VEC_L2_DISTANCE(`embedding`)))\n"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
}

TEST_F(ShowTest, CreateTableOfViewUsesViewLayout) {
  TableInfo v;
  v.database = "test";
  v.name = "v";
  v.is_view = true;
  v.view_sql = "select `test`.`users`.`id` AS `id` from `test`.`users`";
  Create(v);
  QueryResult result = MustShow("SHOW CREATE TABLE v");
  EXPECT_EQ(ColumnNames(result),
            (Strings{"View", "Create View", "character_set_client", "collation_connection"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0)[1],
            "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS "
            "select `test`.`users`.`id` AS `id` from `test`.`users`");
}

TEST_F(ShowTest, MissingTableIs1146) {
  Result<QueryResult> result = Show("SHOW CREATE TABLE x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().mysql_errno(), 1146);
  EXPECT_EQ(result.status().message(), "Table 'test.x' doesn't exist");
  EXPECT_EQ(Show("DESCRIBE `test`.`nope`").status().mysql_errno(), 1146);
  EXPECT_EQ(Show("SHOW INDEX FROM nope").status().mysql_errno(), 1146);
  EXPECT_EQ(Show("DESCRIBE t", "").status().mysql_errno(), 1046);
}

TEST_F(ShowTest, CreateDatabase) {
  QueryResult result = MustShow("SHOW CREATE DATABASE test");
  EXPECT_EQ(ColumnNames(result), (Strings{"Database", "Create Database"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0),
            (Strings{"test", "CREATE DATABASE `test` /*!40100 DEFAULT CHARACTER SET utf8mb4 "
                             "COLLATE utf8mb4_bin */"}));
  EXPECT_EQ(Show("SHOW CREATE DATABASE nope").status().mysql_errno(), 1049);
}

TEST_F(ShowTest, Databases) {
  ASSERT_TRUE(catalog_->CreateDatabase({0, "App", "utf8mb4", "utf8mb4_bin"}).ok());
  QueryResult result = MustShow("SHOW DATABASES");
  EXPECT_EQ(ColumnNames(result), (Strings{"Database"}));
  EXPECT_EQ(FirstColumn(result), (Strings{"App", "information_schema", "mysql", "test"}));
  result = MustShow("SHOW SCHEMAS LIKE 'm%'");
  EXPECT_EQ(ColumnNames(result), (Strings{"Database (m%)"}));
  EXPECT_EQ(FirstColumn(result), (Strings{"mysql"}));
}

TEST_F(ShowTest, TablesAndFullTables) {
  Create(Users());
  Create(Addresses());
  TableInfo v;
  v.database = "test";
  v.name = "v_users";
  v.is_view = true;
  v.view_sql = "select 1";
  Create(v);
  QueryResult result = MustShow("SHOW TABLES");
  EXPECT_EQ(ColumnNames(result), (Strings{"Tables_in_test"}));
  EXPECT_EQ(FirstColumn(result), (Strings{"addresses", "users", "v_users"}));

  result = MustShow("SHOW FULL TABLES FROM `test`", "");
  EXPECT_EQ(ColumnNames(result), (Strings{"Tables_in_test", "Table_type"}));
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(Text(result, 0), (Strings{"addresses", "BASE TABLE"}));
  EXPECT_EQ(Text(result, 2), (Strings{"v_users", "VIEW"}));

  result = MustShow("SHOW TABLES LIKE 'U%'");
  EXPECT_EQ(ColumnNames(result), (Strings{"Tables_in_test (U%)"}));
  EXPECT_EQ(FirstColumn(result), (Strings{"users"}));

  result = MustShow("SHOW FULL TABLES WHERE Table_type = 'VIEW'");
  EXPECT_EQ(FirstColumn(result), (Strings{"v_users"}));

  EXPECT_EQ(Show("SHOW TABLES FROM nope").status().mysql_errno(), 1049);
  EXPECT_EQ(Show("SHOW TABLES", "").status().mysql_errno(), 1046);
}

TEST_F(ShowTest, TablesOfInformationSchema) {
  QueryResult result = MustShow("SHOW FULL TABLES FROM INFORMATION_SCHEMA LIKE 'tab%'");
  EXPECT_EQ(ColumnNames(result),
            (Strings{"Tables_in_information_schema (tab%)", "Table_type"}));
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(Text(result, 0), (Strings{"TABLES", "SYSTEM VIEW"}));
  EXPECT_EQ(Text(result, 1), (Strings{"TABLE_CONSTRAINTS", "SYSTEM VIEW"}));
}

TEST_F(ShowTest, DescribeRows) {
  Create(Users());
  QueryResult result = MustShow("DESCRIBE `test`.`users`", "");
  EXPECT_EQ(ColumnNames(result), (Strings{"Field", "Type", "Null", "Key", "Default", "Extra"}));
  ASSERT_EQ(result.rows.size(), 11u);
  EXPECT_EQ(Text(result, 0), (Strings{"id", "int", "NO", "PRI", "NULL", "auto_increment"}));
  EXPECT_EQ(Text(result, 1), (Strings{"name", "varchar(50)", "NO", "UNI", "NULL", ""}));
  EXPECT_EQ(Text(result, 2), (Strings{"fullname", "text", "YES", "", "NULL", ""}));
  EXPECT_EQ(Text(result, 3), (Strings{"active", "tinyint(1)", "NO", "", "NULL", ""}));
  EXPECT_EQ(Text(result, 4), (Strings{"created", "datetime", "NO", "", "CURRENT_TIMESTAMP",
                                      "DEFAULT_GENERATED"}));
  EXPECT_EQ(Text(result, 5), (Strings{"balance", "decimal(10,2)", "NO", "", "NULL", ""}));
  EXPECT_EQ(Text(result, 8),
            (Strings{"status", "enum('active','inactive')", "NO", "MUL", "NULL", ""}));

  result = MustShow("DESC users name");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0)[0], "name");
}

TEST_F(ShowTest, DescribeExtraAndKeys) {
  TableInfo t;
  t.database = "test";
  t.name = "t";
  t.columns = {Col("a", LogicalType::Of(TypeId::kInt), false),
               Col("b", LogicalType::Of(TypeId::kInt), false),
               Col("ts", Type(TypeId::kTimestamp), false),
               Col("d", LogicalType::Varchar(5))};
  t.columns[2].default_value = {DefaultKind::kCurrentTimestamp, ""};
  t.columns[2].on_update_current_timestamp = true;
  t.columns[3].default_value = {DefaultKind::kValue, "x"};
  t.indexes = {Key("ab", {"a", "b"}, true)};  // promoted to the primary key: both show PRI
  Create(t);
  QueryResult result = MustShow("SHOW COLUMNS FROM t");
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(Text(result, 0)[3], "PRI");
  EXPECT_EQ(Text(result, 1)[3], "PRI");
  EXPECT_EQ(Text(result, 2),
            (Strings{"ts", "timestamp", "NO", "", "CURRENT_TIMESTAMP",
                     "DEFAULT_GENERATED on update CURRENT_TIMESTAMP"}));
  EXPECT_EQ(Text(result, 3), (Strings{"d", "varchar(5)", "YES", "", "x", ""}));
}

TEST_F(ShowTest, FullColumns) {
  TableInfo users = Users();
  users.columns[1].comment = "login";
  Create(users);
  QueryResult result = MustShow("SHOW FULL COLUMNS FROM users LIKE 'n%'");
  EXPECT_EQ(ColumnNames(result), (Strings{"Field", "Type", "Collation", "Null", "Key", "Default",
                                          "Extra", "Privileges", "Comment"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0), (Strings{"name", "varchar(50)", "utf8mb4_bin", "NO", "UNI", "NULL",
                                      "", "select,insert,update,references", "login"}));
  result = MustShow("SHOW FULL FIELDS FROM users WHERE Field = 'id'");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0)[2], "NULL");
}

TEST_F(ShowTest, DescribeInformationSchemaTable) {
  QueryResult result = MustShow("DESCRIBE information_schema.tiflash_replica");
  ASSERT_EQ(result.rows.size(), 7u);
  EXPECT_EQ(Text(result, 0)[0], "TABLE_SCHEMA");
  EXPECT_EQ(Text(result, 0)[1], "varchar(64)");
}

TEST_F(ShowTest, IndexRows) {
  Create(Users());
  QueryResult result = MustShow("SHOW INDEX FROM users");
  EXPECT_EQ(ColumnNames(result),
            (Strings{"Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name",
                     "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type",
                     "Comment", "Index_comment", "Visible", "Expression"}));
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(Text(result, 0), (Strings{"users", "0", "PRIMARY", "1", "id", "A", "0", "NULL",
                                      "NULL", "", "BTREE", "", "", "YES", "NULL"}));
  EXPECT_EQ(Text(result, 1)[2], "name");
  EXPECT_EQ(Text(result, 2)[1], "1");
  EXPECT_EQ(Text(result, 2)[2], "ix_users_status");
}

TEST_F(ShowTest, IndexRowsOfVectorIndexForPytidb) {
  TableInfo t;
  t.database = "test";
  t.name = "chunks";
  t.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
               Col("text_vec", Type(TypeId::kVector, 3))};
  IndexInfo hnsw = Key("vec_idx", {"text_vec"});
  hnsw.kind = IndexKind::kHnsw;
  hnsw.comment = "hnsw";
  t.indexes = {Key("PRIMARY", {"id"}, true), hnsw};
  Create(t);
  QueryResult result =
      MustShow("SHOW INDEXES FROM chunks WHERE Column_name = 'text_vec' AND Index_type = 'HNSW'");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0), (Strings{"chunks", "1", "vec_idx", "1", "text_vec", "NULL", "0",
                                      "NULL", "NULL", "YES", "HNSW", "", "hnsw", "YES", "NULL"}));
}

TEST_F(ShowTest, IndexPrefixAndDescending) {
  TableInfo t;
  t.database = "test";
  t.name = "p";
  t.columns = {Col("a", Type(TypeId::kText, 65535)), Col("b", LogicalType::Of(TypeId::kInt))};
  IndexInfo index = Key("ab", {"a", "b"});
  index.columns[0].prefix_length = 10;
  index.columns[1].descending = true;
  t.indexes = {index};
  Create(t);
  QueryResult result = MustShow("SHOW KEYS FROM p FROM test");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(Text(result, 0)[7], "10");
  EXPECT_EQ(Text(result, 1)[5], "D");
  EXPECT_EQ(Text(result, 1)[3], "2");
}

TEST_F(ShowTest, Variables) {
  QueryResult result = MustShow("SHOW VARIABLES LIKE 'SQL\\_MODE'");
  EXPECT_EQ(ColumnNames(result), (Strings{"Variable_name", "Value"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0), (Strings{"sql_mode", "STRICT_TRANS_TABLES"}));
  result = MustShow("SHOW GLOBAL VARIABLES LIKE 'sql_mode'");
  EXPECT_EQ(Text(result, 0)[1], "GLOBAL_MODE");
  result = MustShow("SHOW VARIABLES");
  EXPECT_EQ(result.rows.size(), 4u);
  result = MustShow("SHOW SESSION VARIABLES WHERE Variable_name IN ('version', 'autocommit')");
  EXPECT_EQ(FirstColumn(result), (Strings{"autocommit", "version"}));
}

TEST_F(ShowTest, ServerFacts) {
  QueryResult result = MustShow("SHOW COLLATION LIKE 'utf8mb4_bin'");
  EXPECT_EQ(ColumnNames(result), (Strings{"Collation", "Charset", "Id", "Default", "Compiled",
                                          "Sortlen", "Pad_attribute"}));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0),
            (Strings{"utf8mb4_bin", "utf8mb4", "46", "Yes", "Yes", "1", "PAD SPACE"}));
  result = MustShow("SHOW CHARACTER SET WHERE Charset = 'utf8mb4'");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0), (Strings{"utf8mb4", "UTF-8 Unicode", "utf8mb4_bin", "4"}));
  result = MustShow("SHOW ENGINES");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(Text(result, 0)[1], "DEFAULT");
  result = MustShow("SHOW GRANTS");
  EXPECT_EQ(Text(result, 0)[0], "GRANT ALL PRIVILEGES ON *.* TO `root`@`%`");
  EXPECT_EQ(MustShow("SHOW WARNINGS").rows.size(), 0u);
  EXPECT_EQ(ColumnNames(MustShow("SHOW ERRORS")), (Strings{"Level", "Code", "Message"}));
  EXPECT_EQ(MustShow("SHOW FULL PROCESSLIST").columns.size(), 8u);
  EXPECT_EQ(MustShow("SHOW PLUGINS").rows.size(), 0u);
  EXPECT_EQ(MustShow("SHOW GLOBAL STATUS").columns.size(), 2u);
}

TEST_F(ShowTest, TableStatus) {
  TableRef users = Create(Users());
  ASSERT_TRUE(storage_->AllocateIds(users->AutoIncrementCounter(), 2).ok());
  users = catalog_->GetTable("test", "users");
  QueryResult result = MustShow("SHOW TABLE STATUS LIKE 'users'");
  ASSERT_EQ(result.columns.size(), 18u);
  ASSERT_EQ(result.rows.size(), 1u);
  Strings row = Text(result, 0);
  EXPECT_EQ(row[0], "users");
  EXPECT_EQ(row[1], "InnoDB");
  EXPECT_EQ(row[10], "3");
  EXPECT_EQ(row[14], "utf8mb4_bin");
}

TEST_F(ShowTest, UnsupportedWhereConstructIsAnError) {
  Create(Users());
  Result<QueryResult> result = Show("SHOW TABLES WHERE (SELECT 1) = 1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().mysql_errno(), 1235);
  EXPECT_EQ(Show("SHOW TABLES WHERE nope = 1").status().mysql_errno(), 1054);
}

}  // namespace
}  // namespace vexdb::show_test
