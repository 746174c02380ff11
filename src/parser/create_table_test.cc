// CREATE TABLE: types, column options, constraints, table options, LIKE / AS SELECT.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

std::unique_ptr<ast::CreateTableStatement> Create(std::string_view sql) {
  return MustParseAs<ast::CreateTableStatement>(sql, ast::StatementType::kCreateTable);
}

// The type of the single column in CREATE TABLE t (c <type_sql>).
std::string ColumnType(const std::string& type_sql) {
  auto create = Create("CREATE TABLE t (c " + type_sql + ")");
  if (create == nullptr || create->columns.size() != 1) return "<error>";
  return DumpType(create->columns[0].type);
}

TEST(CreateTableTest, EveryType) {
  EXPECT_EQ(ColumnType("INTEGER(11)"), "int(11)");
  EXPECT_EQ(ColumnType("INT"), "int");
  EXPECT_EQ(ColumnType("BIGINT UNSIGNED"), "bigint unsigned");
  EXPECT_EQ(ColumnType("int unsigned zerofill"), "int unsigned");
  EXPECT_EQ(ColumnType("SMALLINT"), "smallint");
  EXPECT_EQ(ColumnType("TINYINT(1)"), "tinyint(1)");
  EXPECT_EQ(ColumnType("MEDIUMINT"), "mediumint");
  EXPECT_EQ(ColumnType("BOOL"), "tinyint(1) bool");
  EXPECT_EQ(ColumnType("BOOLEAN"), "tinyint(1) bool");
  EXPECT_EQ(ColumnType("NUMERIC(10, 2)"), "decimal(10,2)");
  EXPECT_EQ(ColumnType("DECIMAL"), "decimal(10,0)");
  EXPECT_EQ(ColumnType("DECIMAL(5)"), "decimal(5,0)");
  EXPECT_EQ(ColumnType("FLOAT"), "float");
  EXPECT_EQ(ColumnType("FLOAT(30)"), "double");
  EXPECT_EQ(ColumnType("FLOAT(7, 3)"), "float(7,3)");
  EXPECT_EQ(ColumnType("FLOAT(10, 0)"), "float(10,0)");
  EXPECT_EQ(ColumnType("DOUBLE"), "double");
  EXPECT_EQ(ColumnType("REAL"), "double");
  EXPECT_EQ(ColumnType("DOUBLE PRECISION"), "double");
  EXPECT_EQ(ColumnType("DOUBLE(10,2) UNSIGNED"), "double(10,2) unsigned");
  EXPECT_EQ(ColumnType("VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"),
            "varchar(50) collate utf8mb4_bin");
  EXPECT_EQ(ColumnType("VARCHAR(50) CHARSET latin1"), "varchar(50) collate latin1_bin");
  EXPECT_EQ(ColumnType("VARCHAR(50) COLLATE utf8mb4_general_ci"),
            "varchar(50) collate utf8mb4_general_ci");
  EXPECT_EQ(ColumnType("VARCHAR(50) BINARY"), "varchar(50) collate utf8mb4_bin");
  EXPECT_EQ(ColumnType("VARCHAR(50) CHARACTER SET binary"), "varbinary(50)");
  EXPECT_EQ(ColumnType("NVARCHAR(20)"), "varchar(20)");
  EXPECT_EQ(ColumnType("NATIONAL VARCHAR(20)"), "varchar(20)");
  EXPECT_EQ(ColumnType("NATIONAL CHAR(3)"), "char(3)");
  EXPECT_EQ(ColumnType("NCHAR(3)"), "char(3)");
  EXPECT_EQ(ColumnType("CHARACTER VARYING(9)"), "varchar(9)");
  EXPECT_EQ(ColumnType("CHAR"), "char(1)");
  EXPECT_EQ(ColumnType("CHAR(32)"), "char(32)");
  EXPECT_EQ(ColumnType("TEXT"), "text(65535)");
  EXPECT_EQ(ColumnType("TEXT(100)"), "text(255)");
  EXPECT_EQ(ColumnType("TINYTEXT"), "text(255)");
  EXPECT_EQ(ColumnType("MEDIUMTEXT"), "text(16777215)");
  EXPECT_EQ(ColumnType("LONGTEXT"), "text(4294967295)");
  EXPECT_EQ(ColumnType("LONG"), "text(16777215)");
  EXPECT_EQ(ColumnType("TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"),
            "text(65535) collate utf8mb4_bin");
  EXPECT_EQ(ColumnType("BLOB"), "blob(65535)");
  EXPECT_EQ(ColumnType("TINYBLOB"), "blob(255)");
  EXPECT_EQ(ColumnType("MEDIUMBLOB"), "blob(16777215)");
  EXPECT_EQ(ColumnType("LONGBLOB"), "blob(4294967295)");
  EXPECT_EQ(ColumnType("VARBINARY(16)"), "varbinary(16)");
  EXPECT_EQ(ColumnType("BINARY(16)"), "binary(16)");
  EXPECT_EQ(ColumnType("BINARY"), "binary(1)");
  EXPECT_EQ(ColumnType("DATE"), "date");
  EXPECT_EQ(ColumnType("TIME(6)"), "time(6)");
  EXPECT_EQ(ColumnType("TIME"), "time");
  EXPECT_EQ(ColumnType("DATETIME(6)"), "datetime(6)");
  EXPECT_EQ(ColumnType("DATETIME"), "datetime");
  EXPECT_EQ(ColumnType("TIMESTAMP"), "timestamp");
  EXPECT_EQ(ColumnType("TIMESTAMP(3)"), "timestamp(3)");
  EXPECT_EQ(ColumnType("YEAR"), "year");
  EXPECT_EQ(ColumnType("YEAR(4)"), "year");
  EXPECT_EQ(ColumnType("JSON"), "json");
  EXPECT_EQ(ColumnType("ENUM('a','b')"), "enum['a','b']");
  EXPECT_EQ(ColumnType("SET('x', 'y''z')"), "set['x','y'z']");
  EXPECT_EQ(ColumnType("BIT(8)"), "bit(8)");
  EXPECT_EQ(ColumnType("BIT"), "bit(1)");
  EXPECT_EQ(ColumnType("VECTOR"), "vector");
  EXPECT_EQ(ColumnType("VECTOR(3)"), "vector(3)");
  EXPECT_EQ(ColumnType("VECTOR<FLOAT>(3)"), "vector(3)");
  EXPECT_EQ(ColumnType("vector<float>"), "vector");
}

TEST(CreateTableTest, TypeErrors) {
  EXPECT_EQ(ErrnoOf("CREATE TABLE t (c VARCHAR)"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE t (c DATETIME(7))"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE t (c GEOMETRY)"), 1064);
  Result<ast::StatementPtr> dbl = ParseStatement("CREATE TABLE t (c VECTOR<DOUBLE>(3))");
  ASSERT_FALSE(dbl.ok());
  EXPECT_EQ(dbl.status().mysql_errno(), 1064);
  EXPECT_NE(dbl.status().message().find("Only VECTOR is supported for now"), std::string::npos);
}

TEST(CreateTableTest, ColumnOptionsInAnyOrder) {
  auto create = Create(
      "CREATE TABLE t ("
      "a INT AUTO_INCREMENT NOT NULL PRIMARY KEY COMMENT 'pk',"
      "b VARCHAR(10) DEFAULT 'x' NULL UNIQUE KEY COLLATE utf8mb4_general_ci,"
      "c DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),"
      "d INT DEFAULT -1,"
      "e INT DEFAULT NULL,"
      "f BIT(1) DEFAULT b'0',"
      "g BOOL DEFAULT TRUE,"
      "h DATETIME NOT NULL DEFAULT now(),"
      "i INT GENERATED ALWAYS AS (a + d) STORED,"
      "j INT AS (a * 2) VIRTUAL,"
      "k INT CHECK (k > 0),"
      "l INT UNIQUE,"
      "m INT KEY,"
      "n INT REFERENCES u (id) ON DELETE CASCADE,"
      "o VARCHAR(10) DEFAULT 'a' COLLATE utf8mb4_bin,"
      "p TIMESTAMP NULL DEFAULT NULL ON UPDATE now(),"
      "q INT CONSTRAINT ck CHECK (q < 5) NOT ENFORCED,"
      "r INT DEFAULT '1',"
      "s DECIMAL(10,2) DEFAULT 0.00"
      ")");
  ASSERT_NE(create, nullptr);
  ASSERT_EQ(create->columns.size(), 19u);
  const auto& a = create->columns[0];
  EXPECT_TRUE(a.auto_increment);
  EXPECT_EQ(a.nullable, false);
  EXPECT_TRUE(a.primary_key);
  EXPECT_EQ(a.comment, "pk");
  const auto& b = create->columns[1];
  EXPECT_EQ(Dump(b.default_value), "'x'");
  EXPECT_EQ(b.nullable, true);
  EXPECT_TRUE(b.unique);
  EXPECT_EQ(b.type.collation, "utf8mb4_general_ci");
  const auto& c = create->columns[2];
  EXPECT_EQ(Dump(c.default_value), "CURRENT_TIMESTAMP(6)");
  EXPECT_FALSE(c.default_parenthesized);
  EXPECT_TRUE(c.on_update_current_timestamp);
  EXPECT_EQ(Dump(create->columns[3].default_value), "(- 1)");
  EXPECT_EQ(Dump(create->columns[4].default_value), "NULL");
  EXPECT_EQ(Dump(create->columns[5].default_value), "B'00'");
  EXPECT_EQ(Dump(create->columns[6].default_value), "TRUE");
  EXPECT_EQ(Dump(create->columns[7].default_value), "now()");
  EXPECT_EQ(Dump(create->columns[8].generated), "(+ a d)");
  EXPECT_TRUE(create->columns[8].generated_stored);
  EXPECT_EQ(Dump(create->columns[9].generated), "(* a 2)");
  EXPECT_FALSE(create->columns[9].generated_stored);
  EXPECT_EQ(Dump(create->columns[10].check), "(> k 0)");
  EXPECT_TRUE(create->columns[11].unique);
  EXPECT_TRUE(create->columns[12].primary_key);
  EXPECT_EQ(create->columns[13].references_table, "u");
  EXPECT_EQ(Dump(create->columns[14].default_value), "'a'");
  EXPECT_EQ(create->columns[14].type.collation, "utf8mb4_bin");
  EXPECT_TRUE(create->columns[15].on_update_current_timestamp);
  EXPECT_EQ(create->columns[15].nullable, true);
  EXPECT_EQ(Dump(create->columns[16].check), "(< q 5)");
  EXPECT_EQ(Dump(create->columns[17].default_value), "'1'");
  EXPECT_EQ(Dump(create->columns[18].default_value), "dec:0.00");
}

TEST(CreateTableTest, TableConstraints) {
  auto create = Create(
      "CREATE TABLE t (a INT, b INT, c VARCHAR(100), v VECTOR(3),"
      "CONSTRAINT pk PRIMARY KEY (a),"
      "UNIQUE (b),"
      "UNIQUE KEY uq_ab (a, b),"
      "CONSTRAINT uq_c UNIQUE INDEX idx_c (c),"
      "KEY ix (a, c(10) DESC),"
      "INDEX ix2 USING BTREE (b) COMMENT 'hi',"
      "FULLTEXT KEY ft (c) WITH PARSER ngram,"
      "FOREIGN KEY(b) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL,"
      "CONSTRAINT fk FOREIGN KEY (a) REFERENCES db.u (x, y) ON UPDATE NO ACTION,"
      "CONSTRAINT ck CHECK (a > 0),"
      "CHECK (b < 10) NOT ENFORCED,"
      "VECTOR INDEX idx_v ((VEC_COSINE_DISTANCE(v))) USING HNSW COMMENT 'vi' "
      "ADD_COLUMNAR_REPLICA_ON_DEMAND,"
      "VECTOR INDEX ((VEC_L2_DISTANCE(`v`)))"
      ")");
  ASSERT_NE(create, nullptr);
  ASSERT_EQ(create->constraints.size(), 13u);
  const auto& c = create->constraints;
  EXPECT_EQ(c[0].kind, ast::ConstraintKind::kPrimaryKey);
  EXPECT_EQ(c[0].name, "pk");
  EXPECT_EQ(c[1].kind, ast::ConstraintKind::kUnique);
  EXPECT_EQ(c[1].name, "");
  EXPECT_EQ(c[2].name, "uq_ab");
  EXPECT_EQ(c[2].parts.size(), 2u);
  EXPECT_EQ(c[3].name, "uq_c");
  EXPECT_EQ(c[3].index_name, "idx_c");
  EXPECT_EQ(c[4].kind, ast::ConstraintKind::kIndex);
  EXPECT_EQ(c[4].parts[1].column, "c");
  EXPECT_EQ(c[4].parts[1].prefix_length, 10);
  EXPECT_TRUE(c[4].parts[1].descending);
  EXPECT_EQ(c[5].using_method, "BTREE");
  EXPECT_EQ(c[5].comment, "hi");
  EXPECT_EQ(c[6].kind, ast::ConstraintKind::kFulltext);
  EXPECT_EQ(c[6].options, std::vector<std::string>{"WITH PARSER NGRAM"});
  EXPECT_EQ(c[7].kind, ast::ConstraintKind::kForeignKey);
  EXPECT_EQ(c[7].on_delete, ast::RefAction::kCascade);
  EXPECT_EQ(c[7].on_update, ast::RefAction::kSetNull);
  EXPECT_EQ(c[8].name, "fk");
  EXPECT_EQ(c[8].ref_database, "db");
  EXPECT_EQ(c[8].ref_columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(c[8].on_update, ast::RefAction::kNoAction);
  EXPECT_EQ(c[9].kind, ast::ConstraintKind::kCheck);
  EXPECT_EQ(c[9].name, "ck");
  EXPECT_EQ(c[9].check_text, "a > 0");
  EXPECT_FALSE(c[10].enforced);
  EXPECT_EQ(c[11].kind, ast::ConstraintKind::kVectorIndex);
  EXPECT_EQ(c[11].name, "idx_v");
  EXPECT_EQ(Dump(c[11].parts[0].expr), "VEC_COSINE_DISTANCE(v)");
  EXPECT_EQ(c[11].using_method, "HNSW");
  EXPECT_EQ(c[11].comment, "vi");
  EXPECT_EQ(c[11].options, std::vector<std::string>{"ADD_COLUMNAR_REPLICA_ON_DEMAND"});
  EXPECT_EQ(c[12].name, "");
  EXPECT_EQ(Dump(c[12].parts[0].expr), "VEC_L2_DISTANCE(v)");
}

TEST(CreateTableTest, VectorColumnNamedVector) {
  auto create = Create(
      "CREATE TABLE IF NOT EXISTS dify (id VARCHAR(36) PRIMARY KEY, text TEXT NOT NULL, meta "
      "JSON NOT NULL, vector VECTOR<FLOAT>(3) NOT NULL, create_time DATETIME DEFAULT "
      "CURRENT_TIMESTAMP, update_time DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE "
      "CURRENT_TIMESTAMP, VECTOR INDEX idx_vector ((VEC_COSINE_DISTANCE(vector))) USING HNSW)");
  ASSERT_NE(create, nullptr);
  EXPECT_TRUE(create->if_not_exists);
  EXPECT_EQ(create->columns[3].name, "vector");
  EXPECT_EQ(DumpType(create->columns[3].type), "vector(3)");
  ASSERT_EQ(create->constraints.size(), 1u);
  EXPECT_EQ(create->constraints[0].kind, ast::ConstraintKind::kVectorIndex);
}

TEST(CreateTableTest, TableOptions) {
  auto create = Create(
      "CREATE TABLE legacy (id INTEGER(11) NOT NULL AUTO_INCREMENT, PRIMARY KEY (id))DEFAULT "
      "CHARSET=utf8mb4 ENGINE=InnoDB COLLATE utf8mb4_general_ci");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->options.engine, "InnoDB");
  EXPECT_EQ(create->options.charset, "utf8mb4");
  EXPECT_EQ(create->options.collation, "utf8mb4_general_ci");

  auto more = Create(
      "CREATE TABLE t (a INT) ENGINE = InnoDB, AUTO_INCREMENT=5 COMMENT='x' DEFAULT COLLATE = "
      "utf8mb4_bin ROW_FORMAT=DYNAMIC CHARACTER SET latin1 STATS_PERSISTENT 0");
  ASSERT_NE(more, nullptr);
  EXPECT_EQ(more->options.auto_increment, 5);
  EXPECT_TRUE(more->options.has_comment);
  EXPECT_EQ(more->options.comment, "x");
  EXPECT_EQ(more->options.collation, "utf8mb4_bin");
  EXPECT_EQ(more->options.charset, "latin1");

  auto shown = Create(
      "CREATE TABLE `a` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`),\n  "
      "KEY `ix_a_email` (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 "
      "COLLATE=utf8mb4_0900_ai_ci COMMENT='t'");
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->options.collation, "utf8mb4_0900_ai_ci");

  auto sysbench = Create("CREATE TABLE sbtest1(id INTEGER NOT NULL, k INTEGER DEFAULT '0' NOT "
                         "NULL, PRIMARY KEY (id)) /*! ENGINE = innodb */");
  ASSERT_NE(sysbench, nullptr);
  EXPECT_EQ(sysbench->options.engine, "innodb");
}

TEST(CreateTableTest, TemporaryLikeAndAsSelect) {
  auto temp = Create("CREATE TEMPORARY TABLE tt (a INT)");
  ASSERT_NE(temp, nullptr);
  EXPECT_TRUE(temp->temporary);

  auto like = Create("CREATE TABLE t2 LIKE db.t1");
  ASSERT_NE(like, nullptr);
  EXPECT_EQ(like->like_database, "db");
  EXPECT_EQ(like->like_table, "t1");
  auto paren_like = Create("CREATE TABLE t2 (LIKE t1)");
  ASSERT_NE(paren_like, nullptr);
  EXPECT_EQ(paren_like->like_table, "t1");

  auto as = Create("CREATE TABLE t2 AS SELECT a FROM t1");
  ASSERT_NE(as, nullptr);
  ASSERT_NE(as->as_select, nullptr);
  EXPECT_EQ(Dump(*as->as_select), "SELECT a FROM t1");
  auto bare = Create("CREATE TABLE t2 (x INT) ENGINE=InnoDB SELECT a FROM t1");
  ASSERT_NE(bare, nullptr);
  ASSERT_NE(bare->as_select, nullptr);
  EXPECT_EQ(bare->columns.size(), 1u);

  auto alembic = Create(
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
      "alembic_version_pkc PRIMARY KEY (version_num))");
  ASSERT_NE(alembic, nullptr);
  EXPECT_EQ(alembic->constraints[0].name, "alembic_version_pkc");
}

TEST(CreateTableTest, QuotedAndUnicodeNames) {
  auto create = Create("CREATE TABLE `per % cent` (`(2)` INT, `a``b` INT, `名前` TEXT, ñame INT)");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->table, "per % cent");
  EXPECT_EQ(create->columns[0].name, "(2)");
  EXPECT_EQ(create->columns[1].name, "a`b");
  EXPECT_EQ(create->columns[2].name, "名前");
  EXPECT_EQ(create->columns[3].name, "ñame");
}

TEST(CreateTableTest, Errors) {
  EXPECT_EQ(ErrnoOf("CREATE TABLE t"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE t ()"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE t (a INT,)"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE t (a INT) PARTITION BY HASH(a)"), 1064);
  EXPECT_EQ(ErrnoOf("CREATE TABLE select (a INT)"), 1064);
}

}  // namespace
}  // namespace vexdb::parser_test
