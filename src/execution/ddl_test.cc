// CREATE/DROP TABLE, TRUNCATE, CREATE/DROP INDEX, CREATE/DROP DATABASE, RENAME TABLE and
// CREATE VIEW against a real storage engine and catalog.

#include "execution/ddl.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "execution/ddl_test_util.h"

namespace vexdb {
namespace {

using ::testing::ElementsAre;

constexpr char kUsers[] = R"(CREATE TABLE users (
	id INTEGER NOT NULL AUTO_INCREMENT,
	name VARCHAR(50) NOT NULL,
	fullname TEXT,
	active BOOL NOT NULL,
	created DATETIME NOT NULL DEFAULT (now()),
	balance NUMERIC(10, 2) NOT NULL,
	score FLOAT,
	data JSON,
	status ENUM('active','inactive') NOT NULL,
	avatar BLOB,
	birthday DATE,
	PRIMARY KEY (id),
	UNIQUE (name)
))";

constexpr char kAddresses[] = R"(CREATE TABLE addresses (
	id INTEGER NOT NULL AUTO_INCREMENT,
	user_id INTEGER NOT NULL,
	email VARCHAR(100),
	PRIMARY KEY (id),
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
))";

// ---- CREATE TABLE

TEST_F(DdlTest, SqlalchemyUsersTableRoundTrips) {
  Ok(kUsers);
  TableRef users = Table("users");
  ASSERT_NE(users, nullptr);
  EXPECT_THAT(ColumnNames(*users),
              ElementsAre("id", "name", "fullname", "active", "created", "balance", "score",
                          "data", "status", "avatar", "birthday"));
  const ColumnInfo& id = users->columns[0];
  EXPECT_EQ(id.type.id, TypeId::kInt);
  EXPECT_FALSE(id.nullable);
  EXPECT_TRUE(id.auto_increment);
  EXPECT_EQ(users->columns[1].type.ToSql(), "varchar(50)");
  EXPECT_TRUE(users->columns[2].nullable);
  EXPECT_EQ(users->columns[3].type.ToSql(), "tinyint(1)");
  EXPECT_EQ(users->columns[4].default_value.kind, DefaultKind::kCurrentTimestamp);
  EXPECT_EQ(users->columns[4].default_value.text, "CURRENT_TIMESTAMP");
  EXPECT_EQ(users->columns[5].type.ToSql(), "decimal(10,2)");
  EXPECT_EQ(users->columns[8].type.ToSql(), "enum('active','inactive')");
  EXPECT_THAT(IndexNames(*users), ElementsAre("PRIMARY", "name"));
  EXPECT_TRUE(users->indexes[0].primary);
  EXPECT_TRUE(users->indexes[1].unique);
  EXPECT_EQ(users->HandleColumn(), 0);
  EXPECT_EQ(users->charset, "utf8mb4");
  EXPECT_EQ(users->collation, "utf8mb4_bin");
}

TEST_F(DdlTest, ForeignKeyGetsGeneratedNameAndChildIndex) {
  Ok(kUsers);
  Ok(kAddresses);
  Ok("CREATE INDEX ix_addresses_email ON addresses (email)");
  TableRef addresses = Table("addresses");
  ASSERT_EQ(addresses->foreign_keys.size(), 1u);
  const ForeignKeyInfo& fk = addresses->foreign_keys[0];
  EXPECT_EQ(fk.name, "addresses_ibfk_1");
  EXPECT_THAT(fk.columns, ElementsAre("user_id"));
  EXPECT_EQ(fk.ref_database, "test");
  EXPECT_EQ(fk.ref_table, "users");
  EXPECT_THAT(fk.ref_columns, ElementsAre("id"));
  EXPECT_EQ(fk.on_delete, ForeignKeyAction::kCascade);
  EXPECT_EQ(fk.on_update, ForeignKeyAction::kRestrict);
  EXPECT_THAT(IndexNames(*addresses), ElementsAre("PRIMARY", "user_id", "ix_addresses_email"));
}

TEST_F(DdlTest, NamedForeignKeyIndexTakesTheConstraintName) {
  Ok("CREATE TABLE p (id INT PRIMARY KEY)");
  Ok("CREATE TABLE c (a INT, b INT, CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES p (id), "
     "FOREIGN KEY (b) REFERENCES p (id), KEY kb (b))");
  TableRef c = Table("c");
  EXPECT_THAT(IndexNames(*c), ElementsAre("kb", "fk_a"));
  EXPECT_EQ(c->foreign_keys[0].name, "fk_a");
  EXPECT_EQ(c->foreign_keys[1].name, "c_ibfk_1");
}

TEST_F(DdlTest, SelfReferencingForeignKey) {
  Ok("CREATE TABLE node (id INT PRIMARY KEY, parent_id INT, "
     "FOREIGN KEY (parent_id) REFERENCES node (id) ON DELETE SET NULL)");
  EXPECT_EQ(Table("node")->foreign_keys[0].ref_table, "node");
}

TEST_F(DdlTest, ForeignKeyToMissingTableNeedsChecksOff) {
  EXPECT_EQ(Error("CREATE TABLE c (a INT, FOREIGN KEY (a) REFERENCES nowhere (id))"),
            "ERROR 1824 (HY000): Failed to open the referenced table 'nowhere'");
  foreign_key_checks_ = false;
  Ok("CREATE TABLE c (a INT, FOREIGN KEY (a) REFERENCES nowhere (id))");
  EXPECT_EQ(Table("c")->foreign_keys[0].ref_table, "nowhere");
}

TEST_F(DdlTest, UnnamedKeysTakeTheirFirstColumnsName) {
  Ok("CREATE TABLE t (a INT, b INT, UNIQUE (a), KEY (a, b), INDEX (a), KEY (b))");
  EXPECT_THAT(IndexNames(*Table("t")), ElementsAre("a", "a_2", "a_3", "b"));
  Ok("CREATE TABLE u (a INT UNIQUE, b INT, CONSTRAINT uq_b UNIQUE (b))");
  EXPECT_THAT(IndexNames(*Table("u")), ElementsAre("a", "uq_b"));
}

TEST_F(DdlTest, PrimaryKeyColumnsBecomeNotNullAndGoFirst) {
  Ok("CREATE TABLE t (a VARCHAR(10), b INT, KEY (b), CONSTRAINT pk PRIMARY KEY (a))");
  TableRef t = Table("t");
  EXPECT_FALSE(t->columns[0].nullable);
  EXPECT_THAT(IndexNames(*t), ElementsAre("PRIMARY", "b"));
  EXPECT_EQ(t->HandleColumn(), -1);
}

TEST_F(DdlTest, IfNotExistsOnExistingTableWarns) {
  Ok("CREATE TABLE t (a INT)");
  QueryResult result = Ok("CREATE TABLE IF NOT EXISTS t (b INT)");
  EXPECT_EQ(result.warnings, 1);
  EXPECT_THAT(ColumnNames(*Table("t")), ElementsAre("a"));
  EXPECT_EQ(Error("CREATE TABLE t (b INT)"), "ERROR 1050 (42S01): Table 't' already exists");
}

TEST_F(DdlTest, DefaultsAreCastAndStoredAsCanonicalText) {
  Ok("CREATE TABLE t (a BOOL NOT NULL DEFAULT '1', b DECIMAL(10,2) DEFAULT 5, c INT DEFAULT -5, "
     "d VARCHAR(5) DEFAULT 'x', e DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE "
     "CURRENT_TIMESTAMP(3), f TEXT DEFAULT ('a b'), g VARCHAR(36) DEFAULT (uuid()), "
     "h INT DEFAULT NULL, i DOUBLE DEFAULT 1.5e0, j ENUM('x','y') DEFAULT 'y', k INT)");
  TableRef t = Table("t");
  auto def = [&](int i) { return t->columns[i].default_value; };
  EXPECT_EQ(def(0).kind, DefaultKind::kValue);
  EXPECT_EQ(def(0).text, "1");
  EXPECT_EQ(def(1).text, "5.00");
  EXPECT_EQ(def(2).text, "-5");
  EXPECT_EQ(def(3).text, "x");
  EXPECT_EQ(def(4).kind, DefaultKind::kCurrentTimestamp);
  EXPECT_EQ(def(4).text, "CURRENT_TIMESTAMP(3)");
  EXPECT_TRUE(t->columns[4].on_update_current_timestamp);
  EXPECT_EQ(def(5).kind, DefaultKind::kExpression);
  EXPECT_EQ(def(5).text, "'a b'");
  EXPECT_EQ(def(6).kind, DefaultKind::kExpression);
  EXPECT_EQ(def(6).text, "uuid()");
  EXPECT_EQ(def(7).kind, DefaultKind::kNull);
  EXPECT_EQ(def(8).text, "1.5");
  EXPECT_EQ(def(9).text, "y");
  EXPECT_EQ(def(10).kind, DefaultKind::kNone);
}

TEST_F(DdlTest, TableCollationAppliesToCharacterColumns) {
  Ok("CREATE TABLE t (a VARCHAR(10), b INT, c TEXT COLLATE utf8mb4_bin) "
     "DEFAULT CHARSET=utf8mb4 ENGINE=InnoDB COLLATE utf8mb4_general_ci");
  TableRef t = Table("t");
  EXPECT_EQ(t->charset, "utf8mb4");
  EXPECT_EQ(t->collation, "utf8mb4_general_ci");
  EXPECT_EQ(t->columns[0].type.collation, "utf8mb4_general_ci");
  EXPECT_EQ(t->columns[1].type.collation, "");
  EXPECT_EQ(t->columns[2].type.collation, "");  // "" is utf8mb4_bin
}

TEST_F(DdlTest, AlembicStatementsAreAccepted) {
  Ok("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
     "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
  EXPECT_THAT(IndexNames(*Table("alembic_version")), ElementsAre("PRIMARY"));
  Ok("CREATE TABLE legacy (id INTEGER(11) NOT NULL AUTO_INCREMENT, PRIMARY KEY (id))"
     "DEFAULT CHARSET=utf8mb4 ENGINE=InnoDB COLLATE utf8mb4_general_ci");
  EXPECT_EQ(Table("legacy")->collation, "utf8mb4_general_ci");
  EXPECT_EQ(Table("legacy")->columns[0].type.length, 11);
}

TEST_F(DdlTest, TableOptions) {
  Ok("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) COMMENT 'hello' AUTO_INCREMENT=100");
  TableRef t = Table("t");
  EXPECT_EQ(t->comment, "hello");
  EXPECT_EQ(*storage_->PeekNextId(t->AutoIncrementCounter()), 100);
}

TEST_F(DdlTest, VectorIndexIsStoredAsHnswOnItsColumn) {
  Ok("CREATE TABLE foo (id INT PRIMARY KEY, embedding VECTOR(5), "
     "VECTOR INDEX idx_embedding ((VEC_COSINE_DISTANCE(embedding))) USING HNSW)");
  Ok("CREATE VECTOR INDEX idx_l2 ON foo ((VEC_L2_DISTANCE(embedding)))");
  TableRef foo = Table("foo");
  ASSERT_EQ(foo->indexes.size(), 3u);
  EXPECT_EQ(foo->indexes[1].kind, IndexKind::kHnsw);
  EXPECT_EQ(foo->indexes[1].distance, VectorDistance::kCosine);
  EXPECT_THAT(KeyColumns(foo->indexes[1]), ElementsAre("embedding"));
  EXPECT_EQ(foo->indexes[2].name, "idx_l2");
  EXPECT_EQ(foo->indexes[2].distance, VectorDistance::kL2);
}

TEST_F(DdlTest, CreateTableLikeCopiesAllButForeignKeys) {
  Ok(kUsers);
  Ok(kAddresses);
  Ok("CREATE TABLE addresses2 LIKE addresses");
  TableRef copy = Table("addresses2");
  ASSERT_NE(copy, nullptr);
  EXPECT_NE(copy->id, Table("addresses")->id);
  EXPECT_THAT(ColumnNames(*copy), ElementsAre("id", "user_id", "email"));
  EXPECT_THAT(IndexNames(*copy), ElementsAre("PRIMARY", "user_id"));
  EXPECT_TRUE(copy->foreign_keys.empty());
  EXPECT_EQ(Errno("CREATE TABLE x LIKE nowhere"), 1146);
}

struct ErrorCase {
  const char* sql;
  const char* error;
};

class CreateTableErrorTest : public DdlTest, public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(CreateTableErrorTest, FailsAsMysqlDoes) {
  Ok("CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(10), u BIGINT UNSIGNED, KEY (u))");
  EXPECT_EQ(Error(GetParam().sql), GetParam().error) << GetParam().sql;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CreateTableErrorTest,
    ::testing::Values(
        ErrorCase{"CREATE TABLE t (a INT, a INT)",
                  "ERROR 1060 (42S21): Duplicate column name 'a'"},
        ErrorCase{"CREATE TABLE t (a VARCHAR(16384))",
                  "ERROR 1074 (42000): Column length too big for column 'a' (max = 16383); use "
                  "BLOB or TEXT instead"},
        ErrorCase{"CREATE TABLE t (a CHAR(256))",
                  "ERROR 1074 (42000): Column length too big for column 'a' (max = 255); use "
                  "BLOB or TEXT instead"},
        ErrorCase{"CREATE TABLE t (a DECIMAL(39,2))",
                  "ERROR 1426 (42000): Too big precision 39 specified for column 'a'. Maximum "
                  "is 38."},
        ErrorCase{"CREATE TABLE t (a DECIMAL(38,31))",
                  "ERROR 1425 (42000): Too big scale 31 specified for column 'a'. Maximum is "
                  "30."},
        ErrorCase{"CREATE TABLE t (a DECIMAL(5,6))",
                  "ERROR 1427 (42000): For float(M,D), double(M,D) or decimal(M,D), M must be "
                  ">= D (column 'a')."},
        ErrorCase{"CREATE TABLE t (a FLOAT(5,6))",
                  "ERROR 1427 (42000): For float(M,D), double(M,D) or decimal(M,D), M must be "
                  ">= D (column 'a')."},
        ErrorCase{"CREATE TABLE t (a ENUM('x','y','x'))",
                  "ERROR 1291 (HY000): Column 'a' has duplicated value 'x' in ENUM"},
        ErrorCase{"CREATE TABLE t (a BIT(65))",
                  "ERROR 1439 (42000): Display width out of range for column 'a' (max = 64)"},
        ErrorCase{"CREATE TABLE t (a INT NULL PRIMARY KEY)",
                  "ERROR 1171 (42000): All parts of a PRIMARY KEY must be NOT NULL; if you need "
                  "NULL in a key, use UNIQUE instead"},
        ErrorCase{"CREATE TABLE t (a INT NULL, PRIMARY KEY (a))",
                  "ERROR 1171 (42000): All parts of a PRIMARY KEY must be NOT NULL; if you need "
                  "NULL in a key, use UNIQUE instead"},
        ErrorCase{"CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))",
                  "ERROR 1068 (42000): Multiple primary key defined"},
        ErrorCase{"CREATE TABLE t (a INT AUTO_INCREMENT)",
                  "ERROR 1075 (42000): Incorrect table definition; there can be only one auto "
                  "column and it must be defined as a key"},
        ErrorCase{"CREATE TABLE t (a INT AUTO_INCREMENT, b INT AUTO_INCREMENT, KEY (a), KEY (b))",
                  "ERROR 1075 (42000): Incorrect table definition; there can be only one auto "
                  "column and it must be defined as a key"},
        ErrorCase{"CREATE TABLE t (a INT, b INT AUTO_INCREMENT, KEY (a, b))",
                  "ERROR 1075 (42000): Incorrect table definition; there can be only one auto "
                  "column and it must be defined as a key"},
        ErrorCase{"CREATE TABLE t (a VARCHAR(5) AUTO_INCREMENT PRIMARY KEY)",
                  "ERROR 1063 (42000): Incorrect column specifier for column 'a'"},
        ErrorCase{"CREATE TABLE t (a INT DEFAULT 'abc')",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a INT UNSIGNED DEFAULT -1)",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a VARCHAR(2) DEFAULT 'abc')",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a INT NOT NULL DEFAULT NULL)",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a INT DEFAULT NULL, PRIMARY KEY (a))",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a INT DEFAULT CURRENT_TIMESTAMP)",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a DATETIME(3) DEFAULT CURRENT_TIMESTAMP)",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a INT AUTO_INCREMENT DEFAULT 1 PRIMARY KEY)",
                  "ERROR 1067 (42000): Invalid default value for 'a'"},
        ErrorCase{"CREATE TABLE t (a TEXT DEFAULT 'x')",
                  "ERROR 1101 (42000): BLOB/TEXT/JSON column 'a' can't have a default value"},
        ErrorCase{"CREATE TABLE t (a JSON DEFAULT '{}')",
                  "ERROR 1101 (42000): BLOB/TEXT/JSON column 'a' can't have a default value"},
        ErrorCase{"CREATE TABLE t (a INT ON UPDATE CURRENT_TIMESTAMP)",
                  "ERROR 1294 (HY000): Invalid ON UPDATE clause for 'a' column"},
        ErrorCase{"CREATE TABLE t (a INT, KEY (b))",
                  "ERROR 1072 (42000): Key column 'b' doesn't exist in table"},
        ErrorCase{"CREATE TABLE t (a TEXT, KEY (a))",
                  "ERROR 1170 (42000): BLOB/TEXT column 'a' used in key specification without "
                  "a key length"},
        ErrorCase{"CREATE TABLE t (a INT, KEY (a(5)))",
                  "ERROR 1089 (HY000): Incorrect prefix key; the used key part isn't a string, "
                  "the used length is longer than the key part, or the storage engine doesn't "
                  "support unique prefix keys"},
        ErrorCase{"CREATE TABLE t (a JSON, KEY (a))",
                  "ERROR 3152 (42000): JSON column 'a' cannot be used in key specification."},
        ErrorCase{"CREATE TABLE t (a INT, KEY k (a), UNIQUE k (a))",
                  "ERROR 1061 (42000): Duplicate key name 'k'"},
        ErrorCase{"CREATE TABLE t (a INT, KEY `PRIMARY` (a))",
                  "ERROR 1280 (42000): Incorrect index name 'PRIMARY'"},
        ErrorCase{"CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES parent (code))",
                  "ERROR 3780 (HY000): Referencing column 'a' and referenced column 'code' in "
                  "foreign key constraint 't_ibfk_1' are incompatible."},
        ErrorCase{"CREATE TABLE t (a BIGINT, FOREIGN KEY (a) REFERENCES parent (u))",
                  "ERROR 3780 (HY000): Referencing column 'a' and referenced column 'u' in "
                  "foreign key constraint 't_ibfk_1' are incompatible."},
        ErrorCase{"CREATE TABLE t (a VARCHAR(10), FOREIGN KEY (a) REFERENCES parent (code))",
                  "ERROR 1822 (HY000): Failed to add the foreign key constraint. Missing index "
                  "for constraint 't_ibfk_1' in the referenced table 'parent'"},
        ErrorCase{"CREATE TABLE t (a INT, CONSTRAINT fk FOREIGN KEY (a) REFERENCES parent (x))",
                  "ERROR 3734 (HY000): Failed to add the foreign key constraint. Missing column "
                  "'x' for constraint 'fk' in the referenced table 'parent'"},
        ErrorCase{"CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES parent (id, code))",
                  "ERROR 1239 (42000): Incorrect foreign key definition for 't_ibfk_1': Key "
                  "reference and table reference don't match"},
        ErrorCase{"CREATE TABLE t (a INT NOT NULL, FOREIGN KEY (a) REFERENCES parent (id) ON "
                  "DELETE SET NULL)",
                  "ERROR 1830 (HY000): Column 'a' cannot be NOT NULL: needed in a foreign key "
                  "constraint 't_ibfk_1' SET NULL"},
        ErrorCase{"CREATE TABLE t (a INT, FOREIGN KEY (b) REFERENCES parent (id))",
                  "ERROR 1072 (42000): Key column 'b' doesn't exist in table"},
        ErrorCase{"CREATE TABLE t (v VECTOR, VECTOR INDEX ((VEC_COSINE_DISTANCE(v))))",
                  "ERROR 1105 (HY000): add vector index can only be defined on fixed-dimension "
                  "vector columns"},
        ErrorCase{"CREATE TABLE t (v VECTOR(3), VECTOR INDEX ((VEC_L1_DISTANCE(v))))",
                  "ERROR 8200 (HY000): Unsupported add vector index: unsupported function "
                  "vec_l1_distance"},
        ErrorCase{"CREATE TABLE t (a INT, VECTOR INDEX ((VEC_L2_DISTANCE(a))))",
                  "ERROR 8200 (HY000): Unsupported add vector index: only support vector type, "
                  "but this is type: int"},
        ErrorCase{"CREATE TABLE t (a INT) CHARSET=klingon",
                  "ERROR 1115 (42000): Unknown character set: 'klingon'"},
        ErrorCase{"CREATE TABLE t (a INT) COLLATE=klingon_ci",
                  "ERROR 1273 (HY000): Unknown collation: 'klingon_ci'"},
        ErrorCase{"CREATE TABLE nodb.t (a INT)", "ERROR 1049 (42000): Unknown database 'nodb'"},
        ErrorCase{"CREATE TABLE parent (a INT)",
                  "ERROR 1050 (42S01): Table 'parent' already exists"},
        ErrorCase{"CREATE TABLE t (a INT) AS SELECT 1",
                  "ERROR 1235 (42000): This version of TiDB doesn't yet support 'CREATE TABLE "
                  "... SELECT'"},
        ErrorCase{"CREATE TABLE `t ` (a INT)", "ERROR 1103 (42000): Incorrect table name 't '"}));

TEST_F(DdlTest, NoCurrentDatabase) {
  current_database_ = "";
  EXPECT_EQ(Error("CREATE TABLE t (a INT)"), "ERROR 1046 (3D000): No database selected");
  Ok("CREATE TABLE test.t (a INT)");
}

// ---- DROP TABLE / TRUNCATE

TEST_F(DdlTest, DropTableChecksEveryNameFirst) {
  Ok("CREATE TABLE a (x INT)");
  EXPECT_EQ(Error("DROP TABLE a, b, c"), "ERROR 1051 (42S02): Unknown table 'test.b,test.c'");
  EXPECT_NE(Table("a"), nullptr);
  QueryResult result = Ok("DROP TABLE IF EXISTS a, b");
  EXPECT_EQ(result.warnings, 1);
  EXPECT_EQ(Table("a"), nullptr);
}

TEST_F(DdlTest, DropReferencedTableNeedsItsChildren) {
  Ok(kUsers);
  Ok(kAddresses);
  EXPECT_EQ(Error("DROP TABLE users"),
            "ERROR 3730 (HY000): Cannot drop table 'users' referenced by a foreign key "
            "constraint 'addresses_ibfk_1' on table 'addresses'.");
  Ok("DROP TABLE users, addresses");
  EXPECT_EQ(Table("users"), nullptr);
  EXPECT_EQ(Table("addresses"), nullptr);
}

TEST_F(DdlTest, DropReferencedTableWithChecksOff) {
  Ok(kUsers);
  Ok(kAddresses);
  foreign_key_checks_ = false;
  Ok("DROP TABLE users");
  EXPECT_NE(Table("addresses"), nullptr);
}

TEST_F(DdlTest, DropSelfReferencingTable) {
  Ok("CREATE TABLE node (id INT PRIMARY KEY, parent_id INT REFERENCES node (id), "
     "FOREIGN KEY (parent_id) REFERENCES node (id))");
  Ok("DROP TABLE node");
}

TEST_F(DdlTest, DropViewAndTableKinds) {
  Ok("CREATE TABLE t (a INT)");
  Ok("CREATE VIEW v AS SELECT a FROM t");
  EXPECT_EQ(Error("DROP VIEW t"), "ERROR 1347 (HY000): 'test.t' is not VIEW");
  EXPECT_EQ(Error("DROP TABLE v"), "ERROR 1051 (42S02): Unknown table 'test.v'");
  Ok("DROP VIEW v");
  EXPECT_EQ(Table("v"), nullptr);
  EXPECT_EQ(Ok("DROP VIEW IF EXISTS v").warnings, 1);
}

TEST_F(DdlTest, TruncateEmptiesTheTableAndResetsAutoIncrement) {
  Ok("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(10), UNIQUE (name))");
  TableRef before = Table("t");
  ASSERT_TRUE(storage_->AllocateIds(before->AutoIncrementCounter(), 5).ok());
  ASSERT_TRUE(Insert("t", {Value::Int(1), Value::String("a")}).ok());
  Ok("TRUNCATE TABLE t");
  TableRef after = Table("t");
  EXPECT_NE(after->id, before->id);
  EXPECT_THAT(IndexNames(*after), ElementsAre("PRIMARY", "name"));
  EXPECT_TRUE(Rows("t").empty());
  EXPECT_EQ(*storage_->PeekNextId(after->AutoIncrementCounter()), 1);
  ASSERT_TRUE(Insert("t", {Value::Int(1), Value::String("a")}).ok());
}

TEST_F(DdlTest, TruncateReferencedTableFails) {
  Ok(kUsers);
  Ok(kAddresses);
  EXPECT_EQ(Error("TRUNCATE TABLE users"),
            "ERROR 1701 (42000): Cannot truncate a table referenced in a foreign key constraint "
            "(`test`.`addresses`, CONSTRAINT `addresses_ibfk_1`)");
  Ok("TRUNCATE TABLE addresses");
  EXPECT_EQ(Errno("TRUNCATE TABLE nowhere"), 1146);
}

// ---- CREATE / DROP INDEX

TEST_F(DdlTest, CreateIndexFillsFromExistingRows) {
  Ok("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
  ASSERT_TRUE(Insert("t", {Value::Int(1), Value::String("b")}).ok());
  ASSERT_TRUE(Insert("t", {Value::Int(2), Value::String("a")}).ok());
  Ok("CREATE UNIQUE INDEX ix_name ON t (name)");
  Result<std::vector<Row>> rows = IndexRows("t", "ix_name");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0][1], Value::String("a"));
  EXPECT_TRUE(Table("t")->FindIndex("ix_name")->unique);
}

TEST_F(DdlTest, CreateUniqueIndexOverDuplicatesLeavesNoIndex) {
  Ok("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
  ASSERT_TRUE(Insert("t", {Value::Int(1), Value::String("a")}).ok());
  ASSERT_TRUE(Insert("t", {Value::Int(2), Value::String("a")}).ok());
  EXPECT_EQ(Error("CREATE UNIQUE INDEX ix_name ON t (name)"),
            "ERROR 1062 (23000): Duplicate entry 'a' for key 't.ix_name'");
  EXPECT_EQ(Table("t")->FindIndex("ix_name"), nullptr);
  Ok("CREATE INDEX ix_name ON t (name)");
  EXPECT_EQ(IndexRows("t", "ix_name")->size(), 2u);
}

TEST_F(DdlTest, CreateIndexErrors) {
  Ok("CREATE TABLE t (a INT, b TEXT, KEY ix (a))");
  EXPECT_EQ(Error("CREATE INDEX ix ON t (a)"), "ERROR 1061 (42000): Duplicate key name 'ix'");
  EXPECT_EQ(Ok("CREATE INDEX IF NOT EXISTS ix ON t (a)").warnings, 1);
  EXPECT_EQ(Errno("CREATE INDEX iy ON t (nope)"), 1072);
  EXPECT_EQ(Errno("CREATE INDEX iy ON t (b)"), 1170);
  Ok("CREATE INDEX iy ON t (b(10) DESC)");
  const IndexInfo* iy = Table("t")->FindIndex("iy");
  EXPECT_EQ(iy->columns[0].prefix_length, 10);
  EXPECT_TRUE(iy->columns[0].descending);
  EXPECT_EQ(Error("CREATE INDEX iz ON nowhere (a)"),
            "ERROR 1146 (42S02): Table 'test.nowhere' doesn't exist");
}

TEST_F(DdlTest, FulltextIsAnOrdinaryIndex) {
  Ok("CREATE TABLE t (a TEXT, FULLTEXT KEY ft (a))");
  EXPECT_EQ(Table("t")->FindIndex("ft")->kind, IndexKind::kBTree);
}

TEST_F(DdlTest, DropIndex) {
  Ok("CREATE TABLE t (id INT PRIMARY KEY, a INT, KEY ix (a))");
  ASSERT_TRUE(Insert("t", {Value::Int(1), Value::Int(7)}).ok());
  EXPECT_EQ(Error("DROP INDEX nope ON t"),
            "ERROR 1091 (42000): Can't DROP 'nope'; check that column/key exists");
  EXPECT_EQ(Ok("DROP INDEX IF EXISTS nope ON t").warnings, 1);
  Ok("DROP INDEX ix ON t");
  EXPECT_EQ(Table("t")->FindIndex("ix"), nullptr);
  EXPECT_EQ(Rows("t").size(), 1u);
}

TEST_F(DdlTest, DropIndexNeededByForeignKey) {
  Ok(kUsers);
  Ok(kAddresses);
  EXPECT_EQ(Error("DROP INDEX user_id ON addresses"),
            "ERROR 1553 (HY000): Cannot drop index 'user_id': needed in a foreign key "
            "constraint");
  Ok("CREATE INDEX ix_user_email ON addresses (user_id, email)");
  Ok("DROP INDEX user_id ON addresses");
  EXPECT_EQ(Errno("DROP INDEX `PRIMARY` ON users"), 1553);
}

TEST_F(DdlTest, DropPrimaryKeyRewritesClusteredRows) {
  Ok("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(5))");
  ASSERT_TRUE(Insert("t", {Value::Int(5), Value::String("x")}).ok());
  ASSERT_TRUE(Insert("t", {Value::Int(9), Value::String("y")}).ok());
  Ok("DROP INDEX `PRIMARY` ON t");
  TableRef t = Table("t");
  EXPECT_EQ(t->PrimaryKey(), nullptr);
  EXPECT_EQ(t->HandleColumn(), -1);
  std::vector<Row> rows = Rows("t");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], Value::Int(5));
  EXPECT_EQ(rows[1][1], Value::String("y"));
}

// ---- databases

TEST_F(DdlTest, CreateAndDropDatabase) {
  EXPECT_EQ(Ok("CREATE DATABASE shop").affected_rows, 1u);
  EXPECT_EQ(Error("CREATE DATABASE SHOP"), "ERROR 1007 (HY000): Can't create database 'SHOP'; "
                                           "database exists");
  EXPECT_EQ(Ok("CREATE SCHEMA IF NOT EXISTS shop").warnings, 1);
  Ok("CREATE TABLE shop.a (x INT)");
  Ok("CREATE TABLE shop.b (x INT)");
  EXPECT_EQ(Ok("DROP DATABASE shop").affected_rows, 2u);
  EXPECT_FALSE(catalog_->GetDatabase("shop"));
  EXPECT_EQ(Error("DROP DATABASE shop"),
            "ERROR 1008 (HY000): Can't drop database 'shop'; database doesn't exist");
  EXPECT_EQ(Ok("DROP DATABASE IF EXISTS shop").warnings, 1);
}

TEST_F(DdlTest, DatabaseNamesAndCharsets) {
  EXPECT_EQ(Error("CREATE DATABASE `bad `"), "ERROR 1102 (42000): Incorrect database name 'bad '");
  EXPECT_EQ(Errno("CREATE DATABASE information_schema"), 1007);
  Ok("CREATE DATABASE l1 CHARACTER SET latin1");
  EXPECT_EQ(catalog_->GetDatabase("l1")->collation, "latin1_bin");
  Ok("CREATE TABLE l1.t (a VARCHAR(20000))");
  EXPECT_EQ(Table("t", "l1")->charset, "latin1");
}

// ---- RENAME TABLE

TEST_F(DdlTest, RenameTablesInOrder) {
  Ok("CREATE TABLE a (x INT)");
  Ok("CREATE TABLE b (y INT)");
  Ok("RENAME TABLE a TO tmp, b TO a, tmp TO b");
  EXPECT_THAT(ColumnNames(*Table("a")), ElementsAre("y"));
  EXPECT_THAT(ColumnNames(*Table("b")), ElementsAre("x"));
  EXPECT_EQ(Table("tmp"), nullptr);
  EXPECT_EQ(Error("RENAME TABLE nope TO c"), "ERROR 1146 (42S02): Table 'test.nope' doesn't exist");
  EXPECT_EQ(Error("RENAME TABLE a TO c, b TO c"), "ERROR 1050 (42S01): Table 'c' already exists");
  EXPECT_EQ(Table("c"), nullptr);
}

TEST_F(DdlTest, RenameMovesAcrossDatabasesAndRepointsForeignKeys) {
  Ok(kUsers);
  Ok(kAddresses);
  Ok("CREATE DATABASE other");
  Ok("RENAME TABLE users TO other.people");
  EXPECT_EQ(Table("users"), nullptr);
  ASSERT_NE(Table("people", "other"), nullptr);
  const ForeignKeyInfo& fk = Table("addresses")->foreign_keys[0];
  EXPECT_EQ(fk.ref_database, "other");
  EXPECT_EQ(fk.ref_table, "people");
}

// ---- views

TEST_F(DdlTest, CreateView) {
  Ok("CREATE TABLE t (a INT)");
  Ok("CREATE VIEW v (x) AS SELECT a FROM t");
  TableRef v = Table("v");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_view);
  EXPECT_EQ(v->view_sql, "SELECT a FROM t");
  EXPECT_THAT(ColumnNames(*v), ElementsAre("x"));
  EXPECT_EQ(Error("CREATE VIEW v AS SELECT 1"), "ERROR 1050 (42S01): Table 'v' already exists");
  EXPECT_EQ(Error("CREATE VIEW t AS SELECT 1"), "ERROR 1050 (42S01): Table 't' already exists");
  Ok("CREATE OR REPLACE VIEW v AS SELECT a + 1 FROM t");
  EXPECT_EQ(Table("v")->view_sql, "SELECT a + 1 FROM t");
  EXPECT_EQ(Table("v")->id, v->id);
}

}  // namespace
}  // namespace vexdb
