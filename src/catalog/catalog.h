#pragma once

// Catalog: databases and table definitions (columns, indexes, foreign keys), persisted as JSON
// documents in the storage engine's meta column family and cached in memory. Definitions are
// immutable snapshots (shared_ptr<const TableInfo>): DDL replaces a table's snapshot, so a running
// statement keeps a consistent view. Names of databases, tables, columns and indexes compare
// case-insensitively (TiDB's behaviour; @@lower_case_table_names reports 2) and keep the case
// they were created with.
//
// DDL is not transactional (as in MySQL): each catalog change is one synced meta write.
// Thread safety: all methods are thread safe.

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "storage/storage_engine.h"
#include "storage/table_store.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace vexdb {

enum class DefaultKind : uint8_t {
  kNone,              // no DEFAULT clause (NULL if nullable; required value otherwise)
  kNull,              // DEFAULT NULL
  kValue,             // a constant; `text` is its canonical text (FormatValue of the cast value)
  kCurrentTimestamp,  // DEFAULT CURRENT_TIMESTAMP[(fsp)] / now()
  kExpression,        // DEFAULT (expr); `text` is the SQL of expr
};

struct ColumnDefault {
  DefaultKind kind = DefaultKind::kNone;
  std::string text;
};

struct ColumnInfo {
  int32_t id = 0;  // stable id used by the row codec; assigned by the catalog
  std::string name;
  LogicalType type;
  bool nullable = true;
  bool auto_increment = false;
  bool on_update_current_timestamp = false;
  ColumnDefault default_value;
  std::string comment;
};

enum class IndexKind : uint8_t { kBTree, kHnsw };

// The distance function an HNSW index orders by: VEC_COSINE_DISTANCE or VEC_L2_DISTANCE.
enum class VectorDistance : uint8_t { kCosine, kL2 };

// How an HNSW graph stores its vectors (QUANTIZATION = NONE | BF16 | INT8 in the DDL).
enum class VectorQuantization : uint8_t {
  kNone,  // float32
  kBF16,  // bfloat16: half the memory, approximate distances re-ranked by execution
  kInt8,  // 8-bit codes for the traversal plus float32 copies: faster search, exact results
};

// vexdb's parameters of an HNSW index (M = n EF_CONSTRUCTION = n EF_SEARCH = n QUANTIZATION = q
// in its DDL); 0 and kNone mean the defaults, which execution picks.
struct HnswParams {
  uint32_t m = 0;
  uint32_t ef_construction = 0;
  uint32_t ef_search = 0;
  VectorQuantization quantization = VectorQuantization::kNone;
  bool operator==(const HnswParams&) const = default;
};

struct IndexColumn {
  std::string column;
  int prefix_length = 0;  // KEY (c(10)); 0 = whole value
  bool descending = false;
};

struct IndexInfo {
  int64_t id = 0;  // assigned by the catalog; unique within the table
  std::string name;  // "PRIMARY" for the primary key
  bool primary = false;
  bool unique = false;
  IndexKind kind = IndexKind::kBTree;
  VectorDistance distance = VectorDistance::kCosine;  // kHnsw only
  HnswParams hnsw;                                     // kHnsw only
  std::vector<IndexColumn> columns;
  std::string comment;
};

enum class ForeignKeyAction : uint8_t { kRestrict, kCascade, kSetNull, kNoAction, kSetDefault };

struct ForeignKeyInfo {
  std::string name;  // `<table>_ibfk_<n>` when not given
  std::vector<std::string> columns;
  std::string ref_database;
  std::string ref_table;
  std::vector<std::string> ref_columns;
  ForeignKeyAction on_delete = ForeignKeyAction::kRestrict;
  ForeignKeyAction on_update = ForeignKeyAction::kRestrict;
};

struct TableInfo {
  int64_t id = 0;  // assigned by the catalog
  std::string database;
  std::string name;
  std::vector<ColumnInfo> columns;
  std::vector<IndexInfo> indexes;  // includes PRIMARY when declared
  std::vector<ForeignKeyInfo> foreign_keys;
  std::string comment;
  std::string charset = "utf8mb4";
  std::string collation = "utf8mb4_bin";
  int64_t create_time = 0;  // microseconds since the epoch
  bool is_view = false;
  std::string view_sql;  // the SELECT of a view
  // TiDB's ALTER TABLE ... SET TIFLASH REPLICA n, recorded for information_schema.TIFLASH_REPLICA
  // (vexdb has no columnar replica; vector indexes are served from the row store).
  int64_t tiflash_replica = 0;

  int ColumnIndex(std::string_view column_name) const;  // -1 if absent (case-insensitive)
  const IndexInfo* FindIndex(std::string_view index_name) const;
  const IndexInfo* PrimaryKey() const;
  // Position of the column serving as the clustered handle (single-column integer primary key),
  // or -1 when rows get a hidden row id.
  int HandleColumn() const;
  int AutoIncrementColumn() const;  // -1 if none
  // The storage view of this table (ids, types, B-tree indexes other than a clustered PRIMARY,
  // in declaration order; the columns of HNSW indexes as vector_columns, whose writes storage
  // logs for the in-memory graphs). Column defaults: a kValue
  // default cast to the column type, NULL otherwise (rows written before ADD COLUMN).
  TableLayout Layout() const;
  // Persistent counter names for StorageEngine::AllocateIds.
  std::string AutoIncrementCounter() const;
  std::string RowIdCounter() const;
};

struct DatabaseInfo {
  int64_t id = 0;
  std::string name;
  std::string charset = "utf8mb4";
  std::string collation = "utf8mb4_bin";
};

using TableRef = std::shared_ptr<const TableInfo>;

// A foreign key of `child` that references some table.
struct ReferencingKey {
  TableRef child;
  const ForeignKeyInfo* key;  // points into *child
};

class Catalog {
 public:
  // Loads every definition from storage; creates databases `test` and `mysql` on first start.
  static Result<std::unique_ptr<Catalog>> Open(StorageEngine& storage);

  Status CreateDatabase(const DatabaseInfo& info);  // kDbCreateExists if present
  // Drops the database, its tables and their data. kDbDropExists if absent.
  Status DropDatabase(std::string_view name);
  std::optional<DatabaseInfo> GetDatabase(std::string_view name) const;
  std::vector<DatabaseInfo> ListDatabases() const;  // sorted by name

  // Assigns the table id, column ids (1..n) and index ids (1..n) and stores the definition.
  // kTableExists if a table or view of that name exists; kBadDb if the database is missing;
  // kDupFieldName, kDupKeyName, kKeyColumnDoesNotExist, kTableMustHaveColumns for a definition
  // that cannot be stored. create_time 0 is set to now.
  Result<TableRef> CreateTable(TableInfo info);
  // nullptr if absent.
  TableRef GetTable(std::string_view database, std::string_view table) const;
  std::vector<TableRef> ListTables(std::string_view database) const;  // sorted by name
  // Removes the definition, the table's data and its id counters. kBadTable ("Unknown table
  // 'db.t'") if absent.
  Status DropTable(std::string_view database, std::string_view table);
  // Replaces a table's definition (ALTER TABLE, RENAME, also into another database when
  // info.database differs; "" keeps the database). Keeps the table id; new columns and indexes
  // with id 0 get fresh ids (never reused). Deletes the entries of indexes whose id is no longer
  // present. kNoSuchTable if absent, kTableExists if the new name is taken, kBadDb.
  Result<TableRef> ReplaceTable(std::string_view database, std::string_view old_name,
                                TableInfo info);
  // Foreign keys of any table that reference (database, table).
  std::vector<ReferencingKey> ReferencingKeys(std::string_view database,
                                              std::string_view table) const;

  // Incremented by every DDL; lets callers cache plans.
  uint64_t version() const;

 private:
  explicit Catalog(StorageEngine& storage);
  Status Load();          // reads every definition from the meta column family
  Status FinishDrops();   // completes data drops a crash interrupted ("gc/" records)
  Status Initialize();    // first start: databases mysql and test
  Status DropTableData(const TableInfo& table);
  static std::vector<int64_t> DroppedIndexes(const TableInfo& before, const TableInfo& after);

  struct Impl;  // mutex and maps keyed by folded names (catalog.cc)
  std::unique_ptr<Impl> impl_;
  StorageEngine& storage_;

 public:
  ~Catalog();
};

// Lower-cases ASCII letters (identifier comparison).
std::string FoldName(std::string_view name);
bool NameEquals(std::string_view a, std::string_view b);

}  // namespace vexdb
