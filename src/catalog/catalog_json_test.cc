#include "catalog/catalog_json.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace vexdb {
namespace {

StoredTable Sample() {
  StoredTable stored;
  TableInfo& t = stored.info;
  t.id = 42;
  t.database = "test";
  t.name = "items";
  ColumnInfo c;
  c.id = 1;
  c.name = "kind";
  c.type = LogicalType::Of(TypeId::kEnum);
  c.type.elements = {"a", "b'c"};
  c.type.collation = "utf8mb4_general_ci";
  c.default_value = {DefaultKind::kValue, "a"};
  c.comment = "the kind";
  t.columns.push_back(c);
  ColumnInfo bin;
  bin.id = 3;
  bin.name = "raw";
  bin.type = LogicalType::Of(TypeId::kVarbinary);
  bin.type.length = 4;
  bin.default_value = {DefaultKind::kValue, std::string("\xff\x00\x80", 3)};
  t.columns.push_back(bin);
  ColumnInfo ts;
  ts.id = 4;
  ts.name = "updated";
  ts.type = LogicalType::Datetime(3);
  ts.type.id = TypeId::kTimestamp;
  ts.on_update_current_timestamp = true;
  ts.default_value = {DefaultKind::kCurrentTimestamp, ""};
  t.columns.push_back(ts);
  IndexInfo index;
  index.id = 2;
  index.name = "k";
  index.unique = true;
  index.columns = {{"kind", 4, true}};
  t.indexes.push_back(index);
  IndexInfo hnsw;
  hnsw.id = 3;
  hnsw.name = "idx_v";
  hnsw.kind = IndexKind::kHnsw;
  hnsw.distance = VectorDistance::kL2;
  hnsw.columns = {{"kind", 0, false}};
  hnsw.hnsw.m = 24;
  hnsw.hnsw.quantization = VectorQuantization::kInt8;
  t.indexes.push_back(hnsw);
  ForeignKeyInfo fk;
  fk.name = "fk1";
  fk.columns = {"kind"};
  fk.ref_database = "other";
  fk.ref_table = "kinds";
  fk.ref_columns = {"name"};
  fk.on_update = ForeignKeyAction::kSetNull;
  t.foreign_keys.push_back(fk);
  t.comment = "c";
  t.create_time = 1700000000000000;
  stored.next_column_id = 5;
  stored.next_index_id = 3;
  return stored;
}

TEST(CatalogJsonTest, TableRoundTrip) {
  StoredTable stored = Sample();
  Result<StoredTable> back = TableFromJson(TableToJson(stored));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const TableInfo& a = stored.info;
  const TableInfo& b = back->info;
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.name, a.name);
  ASSERT_EQ(b.columns.size(), 3u);
  EXPECT_EQ(b.columns[0].type, a.columns[0].type);
  EXPECT_EQ(b.columns[0].comment, "the kind");
  EXPECT_EQ(b.columns[1].default_value.text, a.columns[1].default_value.text);  // raw bytes
  EXPECT_EQ(b.columns[1].type, a.columns[1].type);
  EXPECT_EQ(b.columns[2].type, a.columns[2].type);
  EXPECT_TRUE(b.columns[2].on_update_current_timestamp);
  EXPECT_EQ(b.columns[2].default_value.kind, DefaultKind::kCurrentTimestamp);
  EXPECT_EQ(b.indexes[0].columns[0].prefix_length, 4);
  EXPECT_TRUE(b.indexes[0].columns[0].descending);
  EXPECT_TRUE(b.indexes[0].unique);
  EXPECT_EQ(b.indexes[0].distance, VectorDistance::kCosine);
  EXPECT_EQ(b.indexes[1].kind, IndexKind::kHnsw);
  EXPECT_EQ(b.indexes[1].distance, VectorDistance::kL2);
  EXPECT_EQ(b.indexes[1].hnsw, a.indexes[1].hnsw);
  EXPECT_EQ(b.foreign_keys[0].ref_database, "other");
  EXPECT_EQ(b.foreign_keys[0].on_update, ForeignKeyAction::kSetNull);
  EXPECT_EQ(b.create_time, a.create_time);
  EXPECT_EQ(back->next_column_id, 5);
  EXPECT_EQ(back->next_index_id, 3);
}

TEST(CatalogJsonTest, DatabaseRoundTrip) {
  DatabaseInfo db;
  db.id = 7;
  db.name = "Shop";
  db.collation = "utf8mb4_general_ci";
  Result<DatabaseInfo> back = DatabaseFromJson(DatabaseToJson(db));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->id, 7);
  EXPECT_EQ(back->name, "Shop");
  EXPECT_EQ(back->collation, "utf8mb4_general_ci");
}

TEST(CatalogJsonTest, MissingOptionalFieldsTakeDefaults) {
  Result<StoredTable> t = TableFromJson(
      R"({"format":1,"id":3,"database":"test","name":"t",
          "columns":[{"id":1,"name":"a","type":{"id":"int"}}]})");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->info.columns[0].nullable);
  EXPECT_EQ(t->info.columns[0].type.length, -1);
  EXPECT_EQ(t->info.collation, "utf8mb4_bin");
  EXPECT_TRUE(t->info.indexes.empty());
}

// Catalogs written before INT8 existed say "bf16": true for a bfloat16 graph.
TEST(CatalogJsonTest, OlderBf16FlagReadsAsQuantization) {
  for (const auto& [flag, expected] :
       {std::pair("true", VectorQuantization::kBF16), std::pair("false", VectorQuantization::kNone)}) {
    Result<StoredTable> t = TableFromJson(fmt::format(
        R"({{"format":1,"id":3,"database":"test","name":"t",
            "columns":[{{"id":1,"name":"v","type":{{"id":"vector","length":3}}}}],
            "indexes":[{{"id":1,"name":"i","kind":"hnsw","distance":"l2",
                         "columns":[{{"column":"v"}}],"hnsw":{{"m":0,"bf16":{}}}}}]}})",
        flag));
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_EQ(t->info.indexes[0].hnsw.quantization, expected);
  }
}

TEST(CatalogJsonTest, NewerFormatAndCorruptDocumentsAreErrors) {
  EXPECT_FALSE(DatabaseFromJson(R"({"format":2,"id":1,"name":"x"})").ok());
  EXPECT_FALSE(DatabaseFromJson(R"({"id":1,"name":"x"})").ok());
  EXPECT_FALSE(DatabaseFromJson("not json").ok());
  EXPECT_FALSE(DatabaseFromJson("[1,2]").ok());
  EXPECT_FALSE(DatabaseFromJson(R"({"format":1,"id":"one","name":"x"})").ok());
  EXPECT_FALSE(TableFromJson(
                   R"({"format":1,"id":3,"database":"test","name":"t",
                       "columns":[{"id":1,"name":"a","type":{"id":"quaternion"}}]})")
                   .ok());
  std::string text = TableToJson(Sample());
  for (size_t n = 0; n < text.size(); n += 7) {
    EXPECT_FALSE(TableFromJson(text.substr(0, n)).ok());  // never throws
  }
}

}  // namespace
}  // namespace vexdb
