#include <gtest/gtest.h>

#include "execution/show.h"
#include "execution/show_internal.h"
#include "execution/show_test_util.h"
#include "types/value_format.h"

namespace vexdb::show_test {
namespace {

using Strings = std::vector<std::string>;

class InformationSchemaTest : public ShowFixture {
 protected:
  void SetUp() override {
    ShowFixture::SetUp();
    schema_ = std::make_unique<InformationSchema>(*catalog_, *storage_);
  }

  std::vector<ResultColumn> Columns(std::string_view table) {
    std::vector<ResultColumn> columns;
    EXPECT_TRUE(schema_->Resolve("information_schema", table, &columns)) << table;
    return columns;
  }

  // Rows of `table` as text (NULL as "NULL"), keeping those whose column `key` equals `value`.
  std::vector<Strings> Select(std::string_view table, std::string_view key = "",
                              std::string_view value = "") {
    std::vector<ResultColumn> columns = Columns(table);
    Result<std::vector<Row>> rows = schema_->Rows("information_schema", table);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::vector<Strings> out;
    if (!rows.ok()) return out;
    for (const Row& row : *rows) {
      Strings text;
      bool keep = key.empty();
      for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        text.push_back(row[i].is_null() ? "NULL" : FormatValue(row[i], columns[i].type));
        if (columns[i].name == key && text.back() == value) keep = true;
      }
      if (keep) out.push_back(std::move(text));
    }
    return out;
  }

  // The value of `column` in `row` of `table`.
  static std::string Field(const std::vector<ResultColumn>& columns, const Strings& row,
                           std::string_view column) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == column) return row[i];
    }
    ADD_FAILURE() << "no column " << column;
    return "";
  }

  void CreateSchema() {
    Create(Users());
    Create(Addresses());
    TableInfo v;
    v.database = "test";
    v.name = "v";
    v.is_view = true;
    v.view_sql = "select 1 AS `1`";
    Create(v);
  }

  std::unique_ptr<InformationSchema> schema_;
};

TEST_F(InformationSchemaTest, EveryTableResolvesAndRowsMatchItsColumns) {
  CreateSchema();
  TableInfo docs;
  docs.database = "test";
  docs.name = "docs";
  docs.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
                  Col("v", Type(TypeId::kVector, 3))};
  IndexInfo hnsw = Key("vi", {"v"});
  hnsw.kind = IndexKind::kHnsw;
  docs.indexes = {Key("PRIMARY", {"id"}, true), hnsw};
  Create(docs);
  for (std::string_view name : show_internal::SystemTableNames()) {
    std::vector<ResultColumn> columns = Columns(name);
    ASSERT_FALSE(columns.empty()) << name;
    EXPECT_EQ(columns[0].schema, "information_schema");
    EXPECT_EQ(columns[0].table, name);
    Result<std::vector<Row>> rows = schema_->Rows("information_schema", name);
    ASSERT_TRUE(rows.ok()) << name;
    for (const Row& row : *rows) {
      ASSERT_EQ(row.size(), columns.size()) << name;
      for (size_t i = 0; i < row.size(); ++i) {
        if (row[i].is_null()) continue;
        bool is_int = columns[i].type.IsInteger();
        EXPECT_EQ(row[i].kind() == ValueKind::kInt, is_int) << name << "." << columns[i].name;
      }
    }
  }
}

TEST_F(InformationSchemaTest, NamesResolveCaseInsensitively) {
  std::vector<ResultColumn> columns;
  EXPECT_TRUE(schema_->Resolve("INFORMATION_SCHEMA", "tiflash_replica", &columns));
  ASSERT_EQ(columns.size(), 7u);
  EXPECT_EQ(columns[3].name, "REPLICA_COUNT");
  EXPECT_FALSE(schema_->Resolve("test", "TABLES", &columns));
  EXPECT_FALSE(schema_->Resolve("information_schema", "nope", &columns));
  EXPECT_EQ(schema_->Rows("information_schema", "nope").status().mysql_errno(), 1146);
}

TEST_F(InformationSchemaTest, SchemataListsInformationSchema) {
  std::vector<Strings> rows = Select("SCHEMATA");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0],
            (Strings{"def", "information_schema", "utf8mb4", "utf8mb4_bin", "NULL", "NO"}));
  EXPECT_EQ(rows[2][1], "test");
}

TEST_F(InformationSchemaTest, TablesRows) {
  CreateSchema();
  TableRef users = catalog_->GetTable("test", "users");
  ASSERT_TRUE(storage_->AllocateIds(users->AutoIncrementCounter(), 7).ok());
  std::vector<ResultColumn> columns = Columns("TABLES");
  std::vector<Strings> rows = Select("tables", "TABLE_SCHEMA", "test");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Field(columns, rows[0], "TABLE_NAME"), "addresses");
  EXPECT_EQ(Field(columns, rows[0], "AUTO_INCREMENT"), "1");
  EXPECT_EQ(Field(columns, rows[1], "TABLE_TYPE"), "BASE TABLE");
  EXPECT_EQ(Field(columns, rows[1], "ENGINE"), "InnoDB");
  EXPECT_EQ(Field(columns, rows[1], "AUTO_INCREMENT"), "8");
  EXPECT_EQ(Field(columns, rows[1], "TABLE_COLLATION"), "utf8mb4_bin");
  EXPECT_NE(Field(columns, rows[1], "CREATE_TIME"), "NULL");
  EXPECT_EQ(Field(columns, rows[1], "TABLE_COMMENT"), "");
  EXPECT_EQ(Field(columns, rows[2], "TABLE_TYPE"), "VIEW");
  EXPECT_EQ(Field(columns, rows[2], "ENGINE"), "NULL");
  EXPECT_EQ(Field(columns, rows[2], "TABLE_COMMENT"), "VIEW");

  rows = Select("TABLES", "TABLE_NAME", "COLUMNS");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Field(columns, rows[0], "TABLE_TYPE"), "SYSTEM VIEW");
}

TEST_F(InformationSchemaTest, ColumnsRows) {
  TableInfo users = Users();
  users.columns.push_back(Col("embedding", Type(TypeId::kVector, 3)));
  users.columns.back().comment = "hnsw(distance=cosine)";
  Create(users);
  std::vector<ResultColumn> columns = Columns("COLUMNS");
  ASSERT_EQ(columns.size(), 22u);
  std::vector<Strings> rows = Select("COLUMNS", "TABLE_NAME", "users");
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[0], (Strings{"def", "test", "users", "id", "1", "NULL", "NO", "int", "NULL",
                              "NULL", "10", "0", "NULL", "NULL", "NULL", "int", "PRI",
                              "auto_increment", "select,insert,update,references", "", "",
                              "NULL"}));
  EXPECT_EQ(rows[1], (Strings{"def", "test", "users", "name", "2", "NULL", "NO", "varchar", "50",
                              "200", "NULL", "NULL", "NULL", "utf8mb4", "utf8mb4_bin",
                              "varchar(50)", "UNI", "", "select,insert,update,references", "",
                              "", "NULL"}));
  EXPECT_EQ(Field(columns, rows[2], "DATA_TYPE"), "text");
  EXPECT_EQ(Field(columns, rows[2], "CHARACTER_MAXIMUM_LENGTH"), "65535");
  EXPECT_EQ(Field(columns, rows[2], "CHARACTER_OCTET_LENGTH"), "65535");
  EXPECT_EQ(Field(columns, rows[3], "COLUMN_TYPE"), "tinyint(1)");
  EXPECT_EQ(Field(columns, rows[3], "NUMERIC_PRECISION"), "3");
  EXPECT_EQ(Field(columns, rows[4], "COLUMN_DEFAULT"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(Field(columns, rows[4], "EXTRA"), "DEFAULT_GENERATED");
  EXPECT_EQ(Field(columns, rows[4], "DATETIME_PRECISION"), "0");
  EXPECT_EQ(Field(columns, rows[5], "NUMERIC_PRECISION"), "10");
  EXPECT_EQ(Field(columns, rows[5], "NUMERIC_SCALE"), "2");
  EXPECT_EQ(Field(columns, rows[6], "NUMERIC_PRECISION"), "12");
  EXPECT_EQ(Field(columns, rows[6], "NUMERIC_SCALE"), "NULL");
  EXPECT_EQ(Field(columns, rows[7], "CHARACTER_SET_NAME"), "NULL");
  EXPECT_EQ(Field(columns, rows[8], "CHARACTER_MAXIMUM_LENGTH"), "8");
  EXPECT_EQ(Field(columns, rows[8], "CHARACTER_OCTET_LENGTH"), "32");
  EXPECT_EQ(Field(columns, rows[8], "COLUMN_KEY"), "MUL");
  EXPECT_EQ(Field(columns, rows[11], "DATA_TYPE"), "vector");
  EXPECT_EQ(Field(columns, rows[11], "COLUMN_TYPE"), "vector(3)");
  EXPECT_EQ(Field(columns, rows[11], "COLUMN_COMMENT"), "hnsw(distance=cosine)");
}

TEST_F(InformationSchemaTest, StatisticsRows) {
  CreateSchema();
  std::vector<ResultColumn> columns = Columns("STATISTICS");
  std::vector<Strings> rows = Select("STATISTICS", "TABLE_NAME", "users");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Strings{"def", "test", "users", "0", "test", "PRIMARY", "1", "id", "A", "0",
                              "NULL", "NULL", "", "BTREE", "", "", "YES", "NULL"}));
  EXPECT_EQ(Field(columns, rows[2], "INDEX_NAME"), "ix_users_status");
  EXPECT_EQ(Field(columns, rows[2], "NON_UNIQUE"), "1");
}

TEST_F(InformationSchemaTest, KeyColumnUsageAndConstraints) {
  CreateSchema();
  std::vector<Strings> rows = Select("KEY_COLUMN_USAGE", "TABLE_NAME", "addresses");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (Strings{"def", "test", "PRIMARY", "def", "test", "addresses", "id", "1",
                              "NULL", "NULL", "NULL", "NULL"}));
  EXPECT_EQ(rows[1], (Strings{"def", "test", "addresses_ibfk_1", "def", "test", "addresses",
                              "user_id", "1", "1", "test", "users", "id"}));

  rows = Select("TABLE_CONSTRAINTS", "TABLE_SCHEMA", "test");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (Strings{"def", "test", "PRIMARY", "test", "addresses", "PRIMARY KEY",
                              "YES"}));
  std::vector<std::string> types;
  for (const Strings& row : rows) types.push_back(row[2] + ":" + row[5]);
  EXPECT_EQ(types, (Strings{"PRIMARY:PRIMARY KEY", "addresses_ibfk_1:FOREIGN KEY",
                            "PRIMARY:PRIMARY KEY", "name:UNIQUE"}));

  rows = Select("REFERENTIAL_CONSTRAINTS");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (Strings{"def", "test", "addresses_ibfk_1", "def", "test", "PRIMARY", "NONE",
                              "RESTRICT", "CASCADE", "addresses", "users"}));
}

TEST_F(InformationSchemaTest, ViewsAndServerTables) {
  CreateSchema();
  std::vector<Strings> rows = Select("VIEWS");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "v");
  EXPECT_EQ(rows[0][3], "select 1 AS `1`");
  rows = Select("COLLATIONS", "COLLATION_NAME", "utf8mb4_general_ci");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (Strings{"utf8mb4_general_ci", "utf8mb4", "45", "", "Yes", "1", "PAD SPACE"}));
  rows = Select("CHARACTER_SETS", "CHARACTER_SET_NAME", "utf8mb4");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (Strings{"utf8mb4", "utf8mb4_bin", "UTF-8 Unicode", "4"}));
  EXPECT_EQ(Select("ENGINES").size(), 1u);
  EXPECT_EQ(Select("TIFLASH_REPLICA").size(), 0u);
  EXPECT_EQ(Select("PROCESSLIST").size(), 0u);
}

TEST_F(InformationSchemaTest, TiflashIndexesListVectorIndexes) {
  TableInfo docs;
  docs.database = "test";
  docs.name = "docs";
  docs.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
                  Col("v", Type(TypeId::kVector, 3))};
  IndexInfo hnsw = Key("vi", {"v"});
  hnsw.kind = IndexKind::kHnsw;
  docs.indexes = {Key("PRIMARY", {"id"}, true), hnsw};
  Create(docs);
  std::vector<ResultColumn> columns = Columns("TIFLASH_INDEXES");
  std::vector<Strings> rows = Select("TIFLASH_INDEXES");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Field(columns, rows[0], "TIDB_TABLE"), "docs");
  EXPECT_EQ(Field(columns, rows[0], "COLUMN_NAME"), "v");
  EXPECT_EQ(Field(columns, rows[0], "INDEX_KIND"), "HNSW");
  // No graph has been built (this InformationSchema has no registry): not indexed yet.
  EXPECT_EQ(Field(columns, rows[0], "ROWS_STABLE_NOT_INDEXED"), "1");
  EXPECT_EQ(Field(columns, rows[0], "ROWS_DELTA_NOT_INDEXED"), "0");
}

}  // namespace
}  // namespace vexdb::show_test
