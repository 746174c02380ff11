// ALTER TABLE against a real storage engine and catalog: definitions, the row work each change
// implies, and MySQL's errors.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "execution/ddl_test_util.h"

namespace vexdb {
namespace {

using ::testing::ElementsAre;

class AlterTableTest : public DdlTest {
 protected:
  // users(id INT PK AUTO_INCREMENT, name VARCHAR(20), email VARCHAR(50)) with two rows.
  void MakeUsers() {
    Ok("CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(20) NOT NULL, "
       "email VARCHAR(50), PRIMARY KEY (id), KEY ix_name_email (name, email))");
    ASSERT_TRUE(Insert("users", {Value::Int(1), Value::String("ann"), Value::String("a@x")}).ok());
    ASSERT_TRUE(Insert("users", {Value::Int(2), Value::String("bob"), Value::Null()}).ok());
  }

  Value Cell(std::string_view table, size_t row, std::string_view column) {
    std::vector<Row> rows = Rows(table);
    int position = Table(table)->ColumnIndex(column);
    if (row >= rows.size() || position < 0) return Value::String("<missing>");
    return rows[row][position];
  }
};

TEST_F(AlterTableTest, AlembicAddColumnsDecodeDefaultsInOldRows) {
  MakeUsers();
  Ok("ALTER TABLE users ADD COLUMN active BOOL NOT NULL DEFAULT '1'");
  Ok("ALTER TABLE users ADD COLUMN balance NUMERIC(10, 2)");
  TableRef users = Table("users");
  EXPECT_THAT(ColumnNames(*users), ElementsAre("id", "name", "email", "active", "balance"));
  EXPECT_EQ(users->columns[3].default_value.text, "1");
  EXPECT_EQ(Cell("users", 0, "active"), Value::Int(1));
  EXPECT_TRUE(Cell("users", 1, "balance").is_null());
}

TEST_F(AlterTableTest, AddNotNullColumnWithoutDefaultBackfillsImplicitDefault) {
  MakeUsers();
  Ok("ALTER TABLE users ADD COLUMN n INT NOT NULL, ADD COLUMN s VARCHAR(5) NOT NULL");
  EXPECT_EQ(Cell("users", 1, "n"), Value::Int(0));
  EXPECT_EQ(Cell("users", 1, "s"), Value::String(""));
  EXPECT_EQ(Error("ALTER TABLE users ADD COLUMN d DATE NOT NULL"),
            "ERROR 1292 (22007): Incorrect date value: '0000-00-00' for column 'd' at row 1");
  EXPECT_EQ(Table("users")->ColumnIndex("d"), -1);
  Ok("CREATE TABLE nothing (a INT)");
  Ok("ALTER TABLE nothing ADD COLUMN d DATE NOT NULL");
}

TEST_F(AlterTableTest, AddColumnWithCurrentTimestampFillsExistingRows) {
  MakeUsers();
  Ok("ALTER TABLE users ADD COLUMN created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP");
  Value created = Cell("users", 0, "created");
  EXPECT_EQ(created.kind(), ValueKind::kDatetime);
}

TEST_F(AlterTableTest, AddColumnPositionsAndErrors) {
  MakeUsers();
  Ok("ALTER TABLE users ADD COLUMN a INT FIRST, ADD COLUMN b INT AFTER name");
  EXPECT_THAT(ColumnNames(*Table("users")), ElementsAre("a", "id", "name", "b", "email"));
  EXPECT_EQ(Error("ALTER TABLE users ADD COLUMN c INT AFTER nope"),
            "ERROR 1054 (42S22): Unknown column 'nope' in 'users'");
  EXPECT_EQ(Error("ALTER TABLE users ADD COLUMN name INT"),
            "ERROR 1060 (42S21): Duplicate column name 'name'");
  EXPECT_EQ(Ok("ALTER TABLE users ADD COLUMN IF NOT EXISTS name INT").warnings, 1);
  EXPECT_EQ(Error("ALTER TABLE nope ADD COLUMN x INT"),
            "ERROR 1146 (42S02): Table 'test.nope' doesn't exist");
}

TEST_F(AlterTableTest, ModifyWideningKeepsRows) {
  MakeUsers();
  Ok("ALTER TABLE users MODIFY email VARCHAR(200) NULL");
  EXPECT_EQ(Table("users")->columns[2].type.ToSql(), "varchar(200)");
  EXPECT_EQ(Cell("users", 0, "email"), Value::String("a@x"));
}

TEST_F(AlterTableTest, ModifyConvertsEveryRow) {
  MakeUsers();
  Ok("ALTER TABLE users MODIFY id BIGINT NOT NULL AUTO_INCREMENT");
  Ok("CREATE TABLE t (a INT, b VARCHAR(10))");
  ASSERT_TRUE(Insert("t", {Value::Int(12), Value::String("34")}).ok());
  Ok("ALTER TABLE t MODIFY a VARCHAR(10), MODIFY b INT");
  EXPECT_EQ(Cell("t", 0, "a"), Value::String("12"));
  EXPECT_EQ(Cell("t", 0, "b"), Value::Int(34));
}

TEST_F(AlterTableTest, FailedConversionChangesNothing) {
  MakeUsers();
  EXPECT_EQ(Error("ALTER TABLE users ADD COLUMN x INT, MODIFY name VARCHAR(2) NOT NULL"),
            "ERROR 1406 (22001): Data too long for column 'name' at row 1");
  TableRef users = Table("users");
  EXPECT_EQ(users->columns[1].type.ToSql(), "varchar(20)");
  EXPECT_EQ(users->ColumnIndex("x"), -1);
  EXPECT_EQ(Cell("users", 0, "name"), Value::String("ann"));
  EXPECT_EQ(Error("ALTER TABLE users MODIFY name TINYINT"),
            "ERROR 1366 (HY000): Incorrect integer value: 'ann' for column 'name' at row 1");
}

TEST_F(AlterTableTest, FailedAlterRestoresDroppedIndexesWithTheirEntries) {
  MakeUsers();
  EXPECT_EQ(Errno("ALTER TABLE users DROP INDEX ix_name_email, MODIFY name VARCHAR(2) NOT NULL"),
            1406);
  ASSERT_NE(Table("users")->FindIndex("ix_name_email"), nullptr);
  Result<std::vector<Row>> rows = IndexRows("users", "ix_name_email");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows->size(), 2u);
  EXPECT_EQ(Errno("ALTER TABLE users DROP PRIMARY KEY, MODIFY id INT NOT NULL, "
                  "MODIFY name VARCHAR(1)"),
            1406);
  EXPECT_EQ(Table("users")->HandleColumn(), 0);
  EXPECT_EQ(Rows("users").size(), 2u);
}

TEST_F(AlterTableTest, ModifyToNotNullChecksForNulls) {
  MakeUsers();
  EXPECT_EQ(Error("ALTER TABLE users MODIFY email VARCHAR(50) NOT NULL"),
            "ERROR 1138 (22004): Invalid use of NULL value");
  EXPECT_TRUE(Table("users")->columns[2].nullable);
}

TEST_F(AlterTableTest, ChangeAndRenameColumnFollowKeys) {
  MakeUsers();
  Ok("ALTER TABLE users CHANGE name full_name VARCHAR(30) NOT NULL");
  TableRef users = Table("users");
  EXPECT_EQ(users->columns[1].name, "full_name");
  EXPECT_THAT(KeyColumns(*users->FindIndex("ix_name_email")), ElementsAre("full_name", "email"));
  Ok("ALTER TABLE users RENAME COLUMN email TO mail");
  EXPECT_THAT(KeyColumns(*Table("users")->FindIndex("ix_name_email")),
              ElementsAre("full_name", "mail"));
  EXPECT_EQ(Cell("users", 0, "mail"), Value::String("a@x"));
  EXPECT_EQ(Error("ALTER TABLE users CHANGE mail full_name INT"),
            "ERROR 1060 (42S21): Duplicate column name 'full_name'");
  EXPECT_EQ(Error("ALTER TABLE users RENAME COLUMN nope TO x"),
            "ERROR 1054 (42S22): Unknown column 'nope' in 'users'");
  EXPECT_EQ(Error("ALTER TABLE users MODIFY nope INT"),
            "ERROR 1054 (42S22): Unknown column 'nope' in 'users'");
}

TEST_F(AlterTableTest, RenamedParentColumnIsRepointedInChildren) {
  Ok("CREATE TABLE p (id INT PRIMARY KEY)");
  Ok("CREATE TABLE c (pid INT, FOREIGN KEY (pid) REFERENCES p (id))");
  Ok("ALTER TABLE p RENAME COLUMN id TO pk");
  EXPECT_THAT(Table("c")->foreign_keys[0].ref_columns, ElementsAre("pk"));
  EXPECT_EQ(Error("ALTER TABLE p MODIFY pk BIGINT"),
            "ERROR 1832 (HY000): Cannot change column 'pk': used in a foreign key constraint "
            "'c_ibfk_1'");
  EXPECT_EQ(Error("ALTER TABLE c MODIFY pid VARCHAR(5)"),
            "ERROR 1832 (HY000): Cannot change column 'pid': used in a foreign key constraint "
            "'c_ibfk_1'");
}

TEST_F(AlterTableTest, DropColumn) {
  MakeUsers();
  Ok("ALTER TABLE users ADD KEY ix_email (email)");
  Ok("ALTER TABLE users DROP COLUMN email");
  TableRef users = Table("users");
  EXPECT_THAT(ColumnNames(*users), ElementsAre("id", "name"));
  EXPECT_THAT(IndexNames(*users), ElementsAre("PRIMARY", "ix_name_email"));
  EXPECT_THAT(KeyColumns(*users->FindIndex("ix_name_email")), ElementsAre("name"));
  EXPECT_EQ(Rows("users").size(), 2u);
  EXPECT_EQ(Error("ALTER TABLE users DROP COLUMN nope"),
            "ERROR 1091 (42000): Can't DROP 'nope'; check that column/key exists");
  EXPECT_EQ(Ok("ALTER TABLE users DROP COLUMN IF EXISTS nope").warnings, 1);
  Ok("CREATE TABLE one (a INT)");
  EXPECT_EQ(Error("ALTER TABLE one DROP COLUMN a"),
            "ERROR 1090 (42000): You can't delete all columns with ALTER TABLE; use DROP TABLE "
            "instead");
}

TEST_F(AlterTableTest, DropColumnUsedByForeignKeys) {
  Ok("CREATE TABLE p (id INT PRIMARY KEY, x INT)");
  Ok("CREATE TABLE c (id INT, pid INT, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id))");
  EXPECT_EQ(Error("ALTER TABLE c DROP COLUMN pid"),
            "ERROR 1828 (HY000): Cannot drop column 'pid': needed in a foreign key constraint "
            "'fk'");
  EXPECT_EQ(Error("ALTER TABLE p DROP COLUMN id"),
            "ERROR 1829 (HY000): Cannot drop column 'id': needed in a foreign key constraint "
            "'fk' of table 'c'");
  Ok("ALTER TABLE p DROP COLUMN x");
}

TEST_F(AlterTableTest, DefaultsSetAndDrop) {
  MakeUsers();
  Ok("ALTER TABLE users ALTER COLUMN email SET DEFAULT 'none'");
  EXPECT_EQ(Table("users")->columns[2].default_value.text, "none");
  Ok("ALTER TABLE users ALTER email SET DEFAULT (concat('a', 'b'))");
  EXPECT_EQ(Table("users")->columns[2].default_value.kind, DefaultKind::kExpression);
  EXPECT_EQ(Table("users")->columns[2].default_value.text, "concat('a', 'b')");
  Ok("ALTER TABLE users ALTER COLUMN email DROP DEFAULT");
  EXPECT_EQ(Table("users")->columns[2].default_value.kind, DefaultKind::kNone);
  EXPECT_EQ(Error("ALTER TABLE users ALTER COLUMN name SET DEFAULT NULL"),
            "ERROR 1067 (42000): Invalid default value for 'name'");
  EXPECT_EQ(Error("ALTER TABLE users ALTER COLUMN id SET DEFAULT 3"),
            "ERROR 1067 (42000): Invalid default value for 'id'");
  EXPECT_EQ(Errno("ALTER TABLE users ALTER COLUMN nope SET DEFAULT 3"), 1054);
}

TEST_F(AlterTableTest, AddAndDropForeignKey) {
  Ok("CREATE TABLE p (id INT PRIMARY KEY)");
  Ok("CREATE TABLE c (id INT PRIMARY KEY, pid INT)");
  Ok("ALTER TABLE c ADD CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE");
  TableRef c = Table("c");
  ASSERT_EQ(c->foreign_keys.size(), 1u);
  EXPECT_EQ(c->foreign_keys[0].name, "fk_p");
  EXPECT_THAT(IndexNames(*c), ElementsAre("PRIMARY", "fk_p"));
  EXPECT_EQ(Error("ALTER TABLE c ADD CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id)"),
            "ERROR 1826 (HY000): Duplicate foreign key constraint name 'fk_p'");
  EXPECT_EQ(Errno("ALTER TABLE c DROP INDEX fk_p"), 1553);
  Ok("ALTER TABLE c DROP FOREIGN KEY fk_p");
  EXPECT_TRUE(Table("c")->foreign_keys.empty());
  EXPECT_THAT(IndexNames(*Table("c")), ElementsAre("PRIMARY", "fk_p"));
  EXPECT_EQ(Error("ALTER TABLE c DROP FOREIGN KEY fk_p"),
            "ERROR 1091 (42000): Can't DROP 'fk_p'; check that column/key exists");
  Ok("ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p (id)");
  EXPECT_EQ(Table("c")->foreign_keys[0].name, "c_ibfk_1");
  Ok("ALTER TABLE c DROP CONSTRAINT c_ibfk_1");
  EXPECT_TRUE(Table("c")->foreign_keys.empty());
  Ok("ALTER TABLE c ADD CONSTRAINT ck CHECK (id > 0)");
  Ok("ALTER TABLE c DROP CHECK ck");
}

TEST_F(AlterTableTest, AddUniqueOverDuplicatesChangesNothing) {
  MakeUsers();
  ASSERT_TRUE(Insert("users", {Value::Int(3), Value::String("ann"), Value::Null()}).ok());
  EXPECT_EQ(Error("ALTER TABLE users ADD COLUMN x INT, ADD UNIQUE KEY uq_name (name)"),
            "ERROR 1062 (23000): Duplicate entry 'ann' for key 'users.uq_name'");
  EXPECT_EQ(Table("users")->FindIndex("uq_name"), nullptr);
  EXPECT_EQ(Table("users")->ColumnIndex("x"), -1);
  Ok("ALTER TABLE users ADD COLUMN x INT, ADD INDEX (x)");
  EXPECT_NE(Table("users")->FindIndex("x"), nullptr);
  EXPECT_EQ(IndexRows("users", "x")->size(), 3u);
}

TEST_F(AlterTableTest, PrimaryKeyChangesRewriteHandles) {
  Ok("CREATE TABLE t (id INT NOT NULL, v VARCHAR(5))");
  ASSERT_TRUE(Insert("t", {Value::Int(20), Value::String("b")}).ok());
  ASSERT_TRUE(Insert("t", {Value::Int(10), Value::String("a")}).ok());
  Ok("ALTER TABLE t ADD PRIMARY KEY (id)");
  TableRef t = Table("t");
  EXPECT_EQ(t->HandleColumn(), 0);
  std::vector<Row> rows = Rows("t");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], Value::Int(10));  // handle order is now id order
  EXPECT_EQ(Error("ALTER TABLE t ADD PRIMARY KEY (v)"),
            "ERROR 1068 (42000): Multiple primary key defined");
  Ok("ALTER TABLE t DROP PRIMARY KEY");
  EXPECT_EQ(Table("t")->PrimaryKey(), nullptr);
  EXPECT_EQ(Rows("t").size(), 2u);
  EXPECT_EQ(Error("ALTER TABLE t DROP PRIMARY KEY"),
            "ERROR 1091 (42000): Can't DROP 'PRIMARY'; check that column/key exists");
}

TEST_F(AlterTableTest, AddPrimaryKeyOverNullsFails) {
  Ok("CREATE TABLE t (id INT)");
  ASSERT_TRUE(Insert("t", {Value::Null()}).ok());
  EXPECT_EQ(Errno("ALTER TABLE t ADD PRIMARY KEY (id)"), 1138);
  EXPECT_EQ(Table("t")->PrimaryKey(), nullptr);
}

TEST_F(AlterTableTest, DropPrimaryKeyOfAutoIncrementColumn) {
  MakeUsers();
  EXPECT_EQ(Errno("ALTER TABLE users DROP PRIMARY KEY"), 1075);
}

TEST_F(AlterTableTest, RenameIndex) {
  MakeUsers();
  Ok("ALTER TABLE users RENAME INDEX ix_name_email TO ix_ne");
  EXPECT_NE(Table("users")->FindIndex("ix_ne"), nullptr);
  EXPECT_EQ(Error("ALTER TABLE users RENAME INDEX nope TO x"),
            "ERROR 1176 (42000): Key 'nope' doesn't exist in table 'users'");
  EXPECT_EQ(Errno("ALTER TABLE users RENAME KEY ix_ne TO `PRIMARY`"), 1280);
}

TEST_F(AlterTableTest, RenameTableAndOptions) {
  MakeUsers();
  Ok("ALTER TABLE users COMMENT 'people', AUTO_INCREMENT = 50");
  EXPECT_EQ(Table("users")->comment, "people");
  EXPECT_EQ(*storage_->PeekNextId(Table("users")->AutoIncrementCounter()), 50);
  Ok("ALTER TABLE users RENAME TO people");
  EXPECT_EQ(Table("users"), nullptr);
  EXPECT_EQ(Rows("people").size(), 2u);
  Ok("CREATE DATABASE other");
  Ok("ALTER TABLE people RENAME other.people");
  EXPECT_NE(Table("people", "other"), nullptr);
  Ok("CREATE TABLE x (a INT)");
  Ok("CREATE TABLE y (a INT)");
  EXPECT_EQ(Error("ALTER TABLE x RENAME TO y"), "ERROR 1050 (42S01): Table 'y' already exists");
}

TEST_F(AlterTableTest, TidbVectorStatementsAreAccepted) {
  Ok("CREATE TABLE t (id INT PRIMARY KEY, v VECTOR(3))");
  Ok("ALTER TABLE t SET TIFLASH REPLICA 1");
  Ok("ALTER TABLE t ADD VECTOR INDEX idx_v ((VEC_COSINE_DISTANCE(v))) USING HNSW");
  EXPECT_EQ(Table("t")->FindIndex("idx_v")->kind, IndexKind::kHnsw);
  EXPECT_EQ(Ok("ALTER TABLE t ADD VECTOR INDEX IF NOT EXISTS idx_v ((VEC_L2_DISTANCE(v)))")
                .warnings,
            1);
  Ok("ALTER TABLE t COMPACT TIFLASH REPLICA");
  Ok("ALTER TABLE t ALGORITHM=INPLACE, LOCK=NONE");
  EXPECT_EQ(Errno("ALTER TABLE t ADD KEY k (id) USING HNSW"), 8200);
}

}  // namespace
}  // namespace vexdb
