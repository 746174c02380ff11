#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include "storage/key_codec.h"
#include "storage/test_util.h"

namespace vexdb {
namespace {

ColumnInfo Column(const std::string& name, LogicalType type, bool nullable = true) {
  ColumnInfo c;
  c.name = name;
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

IndexInfo Index(const std::string& name, std::vector<std::string> columns, bool unique = false,
                bool primary = false) {
  IndexInfo index;
  index.name = name;
  index.unique = unique;
  index.primary = primary;
  for (std::string& c : columns) index.columns.push_back({std::move(c)});
  return index;
}

// Players(id BIGINT AUTO_INCREMENT PRIMARY KEY, Name VARCHAR(32) UNIQUE, score INT DEFAULT 5)
TableInfo Players(const std::string& database = "test", const std::string& name = "Players") {
  TableInfo t;
  t.database = database;
  t.name = name;
  t.columns = {Column("id", LogicalType::BigInt(), false), Column("Name", LogicalType::Varchar(32)),
               Column("score", LogicalType::Of(TypeId::kInt))};
  t.columns[0].auto_increment = true;
  t.columns[2].default_value = {DefaultKind::kValue, "5"};
  t.indexes = {Index("PRIMARY", {"id"}, true, true), Index("name", {"Name"}, true)};
  return t;
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    catalog_.reset();
    engine_.reset();
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), false);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
    Result<std::unique_ptr<Catalog>> catalog = Catalog::Open(*engine_);
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    catalog_ = std::move(catalog).value();
  }

  void InsertRow(const TableRef& table, int64_t id, const std::string& name) {
    TableLayout layout = table->Layout();
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    Row row = {Value::Int(id), Value::String(name), Value::Int(1)};
    ASSERT_TRUE(TableStore::Insert(*txn, layout, id, row).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }

  size_t CountKeys(const std::string& prefix) {
    std::unique_ptr<Transaction> txn = engine_->BeginTransaction();
    size_t n = 0;
    for (auto it = txn->Scan(prefix, PrefixEnd(prefix)); it->Valid(); it->Next()) ++n;
    return n;
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> engine_;
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(CatalogTest, FirstOpenCreatesTestAndMysql) {
  std::vector<DatabaseInfo> dbs = catalog_->ListDatabases();
  ASSERT_EQ(dbs.size(), 2u);
  EXPECT_EQ(dbs[0].name, "mysql");
  EXPECT_EQ(dbs[1].name, "test");
  EXPECT_EQ(dbs[1].collation, "utf8mb4_bin");
  // Dropping test is remembered: it is not recreated on the next start.
  ASSERT_TRUE(catalog_->DropDatabase("TEST").ok());
  Reopen();
  EXPECT_FALSE(catalog_->GetDatabase("test").has_value());
  EXPECT_TRUE(catalog_->GetDatabase("mysql").has_value());
}

TEST_F(CatalogTest, CreateDatabaseErrors) {
  DatabaseInfo db;
  db.name = "Shop";
  ASSERT_TRUE(catalog_->CreateDatabase(db).ok());
  db.name = "SHOP";
  Status s = catalog_->CreateDatabase(db);
  EXPECT_EQ(s.message(), "Can't create database 'SHOP'; database exists");
  EXPECT_EQ(catalog_->DropDatabase("nope").message(),
            "Can't drop database 'nope'; database doesn't exist");
  Reopen();
  ASSERT_TRUE(catalog_->GetDatabase("shop").has_value());
  EXPECT_EQ(catalog_->GetDatabase("shop")->name, "Shop");
}

TEST_F(CatalogTest, CreateTableAssignsIdsAndPersists) {
  uint64_t v0 = catalog_->version();
  Result<TableRef> created = catalog_->CreateTable(Players());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(catalog_->version(), v0);
  const TableInfo& t = **created;
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(t.columns[0].id, 1);
  EXPECT_EQ(t.columns[2].id, 3);
  EXPECT_EQ(t.indexes[0].id, 1);
  EXPECT_EQ(t.indexes[1].id, 2);
  EXPECT_GT(t.create_time, 0);

  Reopen();
  TableRef loaded = catalog_->GetTable("TEST", "players");
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(loaded->id, t.id);
  EXPECT_EQ(loaded->name, "Players");
  EXPECT_EQ(loaded->columns.size(), 3u);
  EXPECT_EQ(loaded->columns[0].type, LogicalType::BigInt());
  EXPECT_TRUE(loaded->columns[0].auto_increment);
  EXPECT_FALSE(loaded->columns[0].nullable);
  EXPECT_EQ(loaded->columns[2].default_value.kind, DefaultKind::kValue);
  EXPECT_EQ(loaded->columns[2].default_value.text, "5");
  EXPECT_EQ(loaded->indexes[1].columns[0].column, "Name");
  EXPECT_EQ(loaded->create_time, t.create_time);
}

TEST_F(CatalogTest, TableIdsAreNeverReused) {
  int64_t first = (*catalog_->CreateTable(Players()))->id;
  ASSERT_TRUE(catalog_->DropTable("test", "players").ok());
  Reopen();
  int64_t second = (*catalog_->CreateTable(Players()))->id;
  EXPECT_GT(second, first);
}

TEST_F(CatalogTest, CreateTableErrors) {
  ASSERT_TRUE(catalog_->CreateTable(Players()).ok());
  EXPECT_EQ(catalog_->CreateTable(Players("test", "PLAYERS")).status().message(),
            "Table 'PLAYERS' already exists");
  EXPECT_EQ(catalog_->CreateTable(Players("nodb")).status().message(), "Unknown database 'nodb'");
  TableInfo dup_column = Players("test", "t2");
  dup_column.columns.push_back(Column("NAME", LogicalType::Of(TypeId::kInt)));
  EXPECT_EQ(catalog_->CreateTable(dup_column).status().message(), "Duplicate column name 'NAME'");
  TableInfo bad_key = Players("test", "t3");
  bad_key.indexes.push_back(Index("k", {"nope"}));
  EXPECT_EQ(catalog_->CreateTable(bad_key).status().message(),
            "Key column 'nope' doesn't exist in table");
  TableInfo dup_key = Players("test", "t4");
  dup_key.indexes.push_back(Index("NAME", {"score"}));
  EXPECT_EQ(catalog_->CreateTable(dup_key).status().message(), "Duplicate key name 'NAME'");
}

TEST_F(CatalogTest, TableInfoHelpers) {
  TableRef t = *catalog_->CreateTable(Players());
  EXPECT_EQ(t->ColumnIndex("NAME"), 1);
  EXPECT_EQ(t->ColumnIndex("missing"), -1);
  ASSERT_NE(t->FindIndex("Name"), nullptr);
  EXPECT_EQ(t->FindIndex("Name")->id, 2);
  ASSERT_NE(t->PrimaryKey(), nullptr);
  EXPECT_EQ(t->HandleColumn(), 0);
  EXPECT_EQ(t->AutoIncrementColumn(), 0);
  EXPECT_NE(t->AutoIncrementCounter(), t->RowIdCounter());

  TableLayout layout = t->Layout();
  EXPECT_EQ(layout.table_id, t->id);
  EXPECT_EQ(layout.name, "Players");
  EXPECT_EQ(layout.handle_column, 0);
  ASSERT_EQ(layout.indexes.size(), 1u);  // the clustered PRIMARY is the row key
  EXPECT_EQ(layout.indexes[0].name, "name");
  EXPECT_TRUE(layout.indexes[0].unique);
  EXPECT_EQ(layout.indexes[0].key_columns, std::vector<int>{1});
  EXPECT_EQ(layout.columns[2].column_id, 3);
  EXPECT_EQ(layout.columns[2].default_value, Value::Int(5));
  EXPECT_TRUE(layout.columns[1].default_value.is_null());
}

TEST_F(CatalogTest, NonIntegerOrCompositePrimaryKeyIsNotClustered) {
  TableInfo t = Players("test", "a");
  t.indexes[0] = Index("PRIMARY", {"Name"}, true, true);
  TableRef a = *catalog_->CreateTable(t);
  EXPECT_EQ(a->HandleColumn(), -1);
  EXPECT_EQ(a->Layout().indexes.size(), 2u);
  EXPECT_TRUE(a->Layout().indexes[0].primary);

  t = Players("test", "b");
  t.indexes[0] = Index("PRIMARY", {"id", "score"}, true, true);
  EXPECT_EQ((*catalog_->CreateTable(t))->HandleColumn(), -1);

  t = Players("test", "c");
  t.columns[0].type = LogicalType::BigInt(/*is_unsigned=*/true);
  EXPECT_EQ((*catalog_->CreateTable(t))->HandleColumn(), -1);

  t = Players("test", "d");
  t.columns[0].type = LogicalType::Of(TypeId::kInt);
  t.columns[0].type.is_unsigned = true;
  EXPECT_EQ((*catalog_->CreateTable(t))->HandleColumn(), 0);

  t = Players("test", "e");
  t.indexes.erase(t.indexes.begin());
  EXPECT_EQ((*catalog_->CreateTable(t))->HandleColumn(), -1);
}

TEST_F(CatalogTest, HnswIndexesStayOutOfTheLayout) {
  TableInfo t = Players();
  t.columns.push_back(Column("embedding", [] {
    LogicalType v = LogicalType::Of(TypeId::kVector);
    v.length = 3;
    return v;
  }()));
  IndexInfo vec = Index("vec_idx", {"embedding"});
  vec.kind = IndexKind::kHnsw;
  t.indexes.push_back(vec);
  TableRef created = *catalog_->CreateTable(t);
  EXPECT_EQ(created->Layout().indexes.size(), 1u);
  Reopen();
  EXPECT_EQ(catalog_->GetTable("test", "players")->FindIndex("vec_idx")->kind, IndexKind::kHnsw);
  EXPECT_EQ(catalog_->GetTable("test", "players")->columns[3].type.length, 3);
}

TEST_F(CatalogTest, DropTableDeletesDefinitionAndData) {
  TableRef t = *catalog_->CreateTable(Players());
  InsertRow(t, 1, "alice");
  ASSERT_TRUE(engine_->AllocateIds(t->AutoIncrementCounter(), 5).ok());
  EXPECT_GT(CountKeys(TablePrefix(t->id)), 0u);
  ASSERT_TRUE(catalog_->DropTable("Test", "PLAYERS").ok());
  EXPECT_EQ(catalog_->GetTable("test", "players"), nullptr);
  EXPECT_EQ(CountKeys(TablePrefix(t->id)), 0u);
  EXPECT_EQ(*engine_->PeekNextId(t->AutoIncrementCounter()), 1);
  EXPECT_EQ(catalog_->DropTable("test", "players").message(), "Unknown table 'test.players'");
  // The old snapshot stays usable by whoever holds it.
  EXPECT_EQ(t->name, "Players");
  Reopen();
  EXPECT_EQ(catalog_->GetTable("test", "players"), nullptr);
}

TEST_F(CatalogTest, DropDatabaseDropsItsTables) {
  DatabaseInfo db;
  db.name = "shop";
  ASSERT_TRUE(catalog_->CreateDatabase(db).ok());
  TableRef a = *catalog_->CreateTable(Players("shop", "a"));
  TableRef b = *catalog_->CreateTable(Players("shop", "b"));
  InsertRow(a, 1, "x");
  InsertRow(b, 1, "y");
  ASSERT_TRUE(catalog_->DropDatabase("SHOP").ok());
  EXPECT_EQ(CountKeys(TablePrefix(a->id)), 0u);
  EXPECT_EQ(CountKeys(TablePrefix(b->id)), 0u);
  EXPECT_TRUE(catalog_->ListTables("shop").empty());
  ASSERT_TRUE(catalog_->CreateDatabase(db).ok());
  EXPECT_TRUE(catalog_->ListTables("shop").empty());
  Reopen();
  EXPECT_TRUE(catalog_->ListTables("shop").empty());
}

TEST_F(CatalogTest, InterruptedDropIsFinishedOnOpen) {
  TableRef t = *catalog_->CreateTable(Players());
  InsertRow(t, 1, "alice");
  // Simulate a crash after the definition was removed but before the data was: the same meta
  // batch DropTable writes, and no range deletion.
  char gc_key[64];
  snprintf(gc_key, sizeof(gc_key), "gc/%020ld", static_cast<long>(t->id));
  char tbl_key[64];
  snprintf(tbl_key, sizeof(tbl_key), "tbl/%020ld", static_cast<long>(t->id));
  ASSERT_TRUE(engine_->WriteMeta({{tbl_key, std::nullopt}, {gc_key, ""}}).ok());
  EXPECT_GT(CountKeys(TablePrefix(t->id)), 0u);
  Reopen();
  EXPECT_EQ(catalog_->GetTable("test", "players"), nullptr);
  EXPECT_EQ(CountKeys(TablePrefix(t->id)), 0u);
  EXPECT_TRUE(engine_->ScanMeta("gc/")->empty());
}

TEST_F(CatalogTest, ListTablesSortedByName) {
  for (const char* name : {"b", "C", "a"}) {
    ASSERT_TRUE(catalog_->CreateTable(Players("test", name)).ok());
  }
  std::vector<TableRef> tables = catalog_->ListTables("TEST");
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0]->name, "a");
  EXPECT_EQ(tables[1]->name, "b");
  EXPECT_EQ(tables[2]->name, "C");
  EXPECT_TRUE(catalog_->ListTables("nodb").empty());
}

TEST_F(CatalogTest, ReplaceTableKeepsIdsAndAssignsFreshOnes) {
  TableRef before = *catalog_->CreateTable(Players());
  InsertRow(before, 1, "alice");
  // ALTER TABLE: drop column score, drop index name, add column level, add index lvl.
  TableInfo info = *before;
  info.columns.erase(info.columns.begin() + 2);
  info.indexes.erase(info.indexes.begin() + 1);
  info.columns.push_back(Column("level", LogicalType::Of(TypeId::kInt)));
  info.indexes.push_back(Index("lvl", {"level"}));
  Result<TableRef> after = catalog_->ReplaceTable("test", "players", info);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ((*after)->id, before->id);
  EXPECT_EQ((*after)->columns[2].id, 4);  // 3 was score's: never reused
  EXPECT_EQ((*after)->indexes[1].id, 3);  // 2 was name's
  EXPECT_EQ(CountKeys(IndexPrefix(before->id, 2)), 0u);  // dropped index data removed
  EXPECT_EQ(CountKeys(RowKeyPrefix(before->id)), 1u);
  EXPECT_EQ(catalog_->GetTable("test", "players"), *after);
  EXPECT_EQ(before->columns.size(), 3u);  // old snapshot unchanged

  Reopen();
  TableRef loaded = catalog_->GetTable("test", "players");
  info = *loaded;
  info.columns.push_back(Column("extra", LogicalType::Of(TypeId::kInt)));
  EXPECT_EQ((*catalog_->ReplaceTable("test", "players", info))->columns[3].id, 5);
}

TEST_F(CatalogTest, ReplaceTableRenames) {
  TableRef t = *catalog_->CreateTable(Players());
  ASSERT_TRUE(catalog_->CreateTable(Players("test", "other")).ok());
  TableInfo info = *t;
  info.name = "OTHER";
  EXPECT_EQ(catalog_->ReplaceTable("test", "players", info).status().message(),
            "Table 'OTHER' already exists");
  info.name = "renamed";
  ASSERT_TRUE(catalog_->ReplaceTable("test", "players", info).ok());
  EXPECT_EQ(catalog_->GetTable("test", "players"), nullptr);
  info.name = "PLAYERS2";  // rename into another database
  DatabaseInfo db;
  db.name = "shop";
  ASSERT_TRUE(catalog_->CreateDatabase(db).ok());
  info.database = "SHOP";
  ASSERT_TRUE(catalog_->ReplaceTable("test", "RENAMED", info).ok());
  Reopen();
  TableRef moved = catalog_->GetTable("shop", "players2");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->id, t->id);
  EXPECT_EQ(moved->database, "shop");
  EXPECT_EQ(catalog_->GetTable("test", "renamed"), nullptr);
  EXPECT_EQ(catalog_->ReplaceTable("test", "gone", info).status().mysql_errno(), 1146);
}

TEST_F(CatalogTest, ReferencingKeys) {
  ASSERT_TRUE(catalog_->CreateTable(Players()).ok());
  TableInfo child = Players("test", "scores");
  ForeignKeyInfo fk;
  fk.name = "scores_ibfk_1";
  fk.columns = {"score"};
  fk.ref_table = "PLAYERS";
  fk.ref_columns = {"id"};
  fk.on_delete = ForeignKeyAction::kCascade;
  child.foreign_keys.push_back(fk);
  ASSERT_TRUE(catalog_->CreateTable(child).ok());
  Reopen();
  std::vector<ReferencingKey> refs = catalog_->ReferencingKeys("Test", "players");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].child->name, "scores");
  EXPECT_EQ(refs[0].key->name, "scores_ibfk_1");
  EXPECT_EQ(refs[0].key->on_delete, ForeignKeyAction::kCascade);
  EXPECT_EQ(refs[0].key->on_update, ForeignKeyAction::kRestrict);
  EXPECT_TRUE(catalog_->ReferencingKeys("test", "scores").empty());
}

TEST_F(CatalogTest, ViewsAreStored) {
  TableInfo view;
  view.database = "test";
  view.name = "v";
  view.is_view = true;
  view.view_sql = "SELECT 1 AS x";
  view.columns = {Column("x", LogicalType::BigInt())};
  ASSERT_TRUE(catalog_->CreateTable(view).ok());
  Reopen();
  TableRef v = catalog_->GetTable("test", "V");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_view);
  EXPECT_EQ(v->view_sql, "SELECT 1 AS x");
}

TEST(CatalogNamesTest, FoldAndCompare) {
  EXPECT_EQ(FoldName("MiXeD_1"), "mixed_1");
  EXPECT_TRUE(NameEquals("Players", "pLAYERS"));
  EXPECT_FALSE(NameEquals("Players", "Player"));
  EXPECT_EQ(FoldName("Ärger"), "Ärger");  // ASCII only
}

}  // namespace
}  // namespace vexdb
