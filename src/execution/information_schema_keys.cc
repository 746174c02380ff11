// information_schema STATISTICS, KEY_COLUMN_USAGE, TABLE_CONSTRAINTS, REFERENTIAL_CONSTRAINTS
// and TiDB's TIFLASH_INDEXES: indexes and constraints, from the catalog.
//
// As in MySQL, PRIMARY KEY and UNIQUE indexes are constraints (they appear in KEY_COLUMN_USAGE
// and TABLE_CONSTRAINTS), plain and vector indexes only in STATISTICS; foreign keys carry their
// referenced schema, table and columns. Vector indexes are listed in TIFLASH_INDEXES with the
// progress of their in-memory graphs (vector_index_registry.h) and of the vector log.

#include <algorithm>

#include "execution/information_schema_internal.h"
#include "execution/vector_index_registry.h"
#include "storage/table_store.h"

namespace vexdb::information_schema_internal {

namespace si = show_internal;

namespace {

constexpr std::string_view kCatalogName = "def";

bool IsConstraint(const IndexInfo& index) {
  return index.kind == IndexKind::kBTree && (index.primary || index.unique);
}

std::string ReferencedSchema(const TableInfo& table, const ForeignKeyInfo& fk) {
  return fk.ref_database.empty() ? table.database : fk.ref_database;
}

// The PRIMARY or UNIQUE index of the referenced table whose columns are exactly the foreign
// key's referenced columns (REFERENTIAL_CONSTRAINTS.UNIQUE_CONSTRAINT_NAME), or NULL.
Value UniqueConstraintName(const Catalog& catalog, const TableInfo& table,
                           const ForeignKeyInfo& fk) {
  TableRef parent = catalog.GetTable(ReferencedSchema(table, fk), fk.ref_table);
  if (parent == nullptr) return Value::Null();
  for (const IndexInfo* index : si::OrderedIndexes(*parent)) {
    if (!IsConstraint(*index) || index->columns.size() != fk.ref_columns.size()) continue;
    bool same = true;
    for (size_t i = 0; i < fk.ref_columns.size(); ++i) {
      same = same && NameEquals(index->columns[i].column, fk.ref_columns[i]);
    }
    if (same) return si::Str(index->name);
  }
  return Value::Null();
}

void AddIndexKeyUsage(const TableInfo& table, const IndexInfo& index, std::vector<Row>* rows) {
  for (size_t i = 0; i < index.columns.size(); ++i) {
    rows->push_back({si::Str(kCatalogName), si::Str(table.database), si::Str(index.name),
                     si::Str(kCatalogName), si::Str(table.database), si::Str(table.name),
                     si::Str(index.columns[i].column), Value::Int(static_cast<int64_t>(i) + 1),
                     Value::Null(), Value::Null(), Value::Null(), Value::Null()});
  }
}

void AddForeignKeyUsage(const TableInfo& table, const ForeignKeyInfo& fk,
                        std::vector<Row>* rows) {
  for (size_t i = 0; i < fk.columns.size(); ++i) {
    Value ref_column = i < fk.ref_columns.size() ? si::Str(fk.ref_columns[i]) : Value::Null();
    rows->push_back({si::Str(kCatalogName), si::Str(table.database), si::Str(fk.name),
                     si::Str(kCatalogName), si::Str(table.database), si::Str(table.name),
                     si::Str(fk.columns[i]), Value::Int(static_cast<int64_t>(i) + 1),
                     Value::Int(static_cast<int64_t>(i) + 1),
                     si::Str(ReferencedSchema(table, fk)), si::Str(fk.ref_table),
                     std::move(ref_column)});
  }
}

Row ConstraintRow(const TableInfo& table, std::string_view name, std::string_view type) {
  return {si::Str(kCatalogName), si::Str(table.database), si::Str(name),
          si::Str(table.database), si::Str(table.name), si::Str(type), si::Str("YES")};
}

}  // namespace

std::vector<Row> StatisticsRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    for (const IndexInfo* index : si::OrderedIndexes(*table)) {
      for (size_t seq = 0; seq < index->columns.size(); ++seq) {
        Row shown = si::IndexRow(*table, *index, seq);
        Row row = {si::Str(kCatalogName), si::Str(table->database), std::move(shown[0]),
                   std::move(shown[1]), si::Str(table->database)};
        for (size_t i = 2; i < shown.size(); ++i) row.push_back(std::move(shown[i]));
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

std::vector<Row> KeyColumnUsageRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    for (const IndexInfo* index : si::OrderedIndexes(*table)) {
      if (IsConstraint(*index)) AddIndexKeyUsage(*table, *index, &rows);
    }
    for (const ForeignKeyInfo& fk : table->foreign_keys) AddForeignKeyUsage(*table, fk, &rows);
  }
  return rows;
}

std::vector<Row> TableConstraintsRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    for (const IndexInfo* index : si::OrderedIndexes(*table)) {
      if (!IsConstraint(*index)) continue;
      rows.push_back(ConstraintRow(*table, index->name, index->primary ? "PRIMARY KEY" : "UNIQUE"));
    }
    for (const ForeignKeyInfo& fk : table->foreign_keys) {
      rows.push_back(ConstraintRow(*table, fk.name, "FOREIGN KEY"));
    }
  }
  return rows;
}

std::vector<Row> ReferentialConstraintsRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    for (const ForeignKeyInfo& fk : table->foreign_keys) {
      rows.push_back({si::Str(kCatalogName), si::Str(table->database), si::Str(fk.name),
                      si::Str(kCatalogName), si::Str(ReferencedSchema(*table, fk)),
                      UniqueConstraintName(source.catalog, *table, fk), si::Str("NONE"),
                      si::Str(si::ForeignKeyActionName(fk.on_update)),
                      si::Str(si::ForeignKeyActionName(fk.on_delete)), si::Str(table->name),
                      si::Str(fk.ref_table)});
    }
  }
  return rows;
}

// QUANTIZATION as the DDL spells it.
const char* QuantizationName(VectorEncoding encoding) {
  switch (encoding) {
    case VectorEncoding::kBFloat16:
      return "BF16";
    case VectorEncoding::kInt8:
      return "INT8";
    case VectorEncoding::kFloat32:
    case VectorEncoding::kFloat32WithInverseNorm:  // how a cosine graph stores float32
      break;
  }
  return "NONE";
}

std::vector<Row> TiflashIndexesRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    bool indexed_table = std::any_of(table->indexes.begin(), table->indexes.end(),
                                     [](const IndexInfo& i) { return i.kind == IndexKind::kHnsw; });
    if (!indexed_table) continue;
    VectorIndexProgress progress;
    if (source.vector_indexes) progress = source.vector_indexes->Progress(table->id);
    // Until the graph is ready the rows are "not indexed" (at least one); TiDB's clients treat
    // ROWS_STABLE_NOT_INDEXED = 0 as built. Rows changed since the graph last caught up are the
    // table's committed vector-log entries.
    int64_t indexed = static_cast<int64_t>(progress.rows_indexed);
    int64_t not_indexed = progress.ready ? 0 : 1;
    std::unique_ptr<Transaction> txn = source.storage.BeginTransaction();
    Result<std::vector<int64_t>> changed = TableStore::ScanVectorLog(*txn, table->id);
    int64_t pending = changed.ok() ? static_cast<int64_t>(changed->size()) : 0;
    for (const IndexInfo& index : table->indexes) {
      if (index.kind != IndexKind::kHnsw || index.columns.empty()) continue;
      int column = table->ColumnIndex(index.columns.front().column);
      int64_t column_id = column < 0 ? 0 : table->columns[column].id;
      rows.push_back({si::Str(table->database), si::Str(table->name), Value::Int(table->id),
                      si::Str(index.columns.front().column), si::Str(index.name),
                      Value::Int(column_id), Value::Int(index.id), si::Str("HNSW"),
                      Value::Int(indexed), Value::Int(not_indexed), Value::Int(0),
                      Value::Int(pending), Value::Null(), si::Str("")});
    }
  }
  return rows;
}

// vexdb's own view of its vector indexes: parameters, state, memory and checkpoints.
std::vector<Row> VectorIndexesRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    VectorIndexProgress progress;
    if (source.vector_indexes) progress = source.vector_indexes->Progress(table->id);
    for (const IndexInfo& index : table->indexes) {
      if (index.kind != IndexKind::kHnsw || index.columns.empty()) continue;
      std::optional<VectorIndexStats> stats;
      if (source.vector_indexes) stats = source.vector_indexes->Stats(table->id, index.id);
      const int column = table->ColumnIndex(index.columns.front().column);
      const HnswOptions options = stats ? stats->options : VectorIndexOptions(index, *table);
      auto stat = [&](auto field) {
        return stats ? Value::Int(int64_t(field(*stats))) : Value::Null();
      };
      rows.push_back({si::Str(table->database),
                      si::Str(table->name),
                      si::Str(index.name),
                      si::Str(index.columns.front().column),
                      si::Str(index.distance == VectorDistance::kCosine ? "COSINE" : "L2"),
                      Value::Int(column < 0 ? 0 : table->columns[column].type.length),
                      Value::Int(options.m),
                      Value::Int(options.ef_construction),
                      Value::Int(options.ef_search),
                      si::Str(QuantizationName(options.encoding)),
                      si::Str(stats ? "READY" : "BUILDING"),
                      Value::Int(int64_t(progress.rows_indexed)),
                      stat([](const VectorIndexStats& s) { return s.graph.deleted; }),
                      stat([](const VectorIndexStats& s) { return s.null_rows; }),
                      stat([](const VectorIndexStats& s) { return s.graph.bytes; }),
                      stats ? Value::Double(stats->graph.bytes_per_vector) : Value::Null(),
                      stats ? si::Str(stats->simd_target) : Value::Null(),
                      si::Str(progress.from_checkpoint ? "CHECKPOINT" : "BUILD"),
                      Value::Int(int64_t(progress.rows_replayed)),
                      Value::Int(int64_t(progress.rows_since_checkpoint)),
                      Value::Int(int64_t(progress.checkpoints_written)),
                      Value::Int(int64_t(progress.compactions))});
    }
  }
  return rows;
}

// One row per table with SET TIFLASH REPLICA n > 0; the "replica" is always available.
std::vector<Row> TiflashReplicaRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    if (table->tiflash_replica <= 0) continue;
    rows.push_back({si::Str(table->database), si::Str(table->name), Value::Int(table->id),
                    Value::Int(table->tiflash_replica), si::Str(""), Value::Int(1),
                    Value::Double(1)});
  }
  return rows;
}

}  // namespace vexdb::information_schema_internal
