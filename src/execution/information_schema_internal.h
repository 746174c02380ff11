#pragma once

// The information_schema registry (information_schema.cc) and its row builders
// (information_schema_tables.cc, information_schema_keys.cc, information_schema_server.cc).
// Internal to execution/. Each builder returns rows whose values line up with the columns its
// registry entry declares: kName/kText columns hold strings or NULL, kInt columns Value::Int,
// kDatetime Value::Datetime, kDouble Value::Double.

#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "execution/show_internal.h"
#include "types/query_result.h"

namespace vexdb::information_schema_internal {

enum class ColumnType : uint8_t { kName, kText, kInt, kDatetime, kDouble };

struct ColumnDef {
  std::string_view name;
  ColumnType type;
};

// What row builders read.
struct Source {
  Catalog& catalog;
  StorageEngine& storage;
  const VectorIndexRegistry* vector_indexes = nullptr;
};

using RowsBuilder = std::vector<Row> (*)(const Source&);

struct TableDef {
  std::string_view name;  // upper-case, as MySQL spells it
  std::vector<ColumnDef> columns;
  RowsBuilder rows;
};

// nullptr unless database is information_schema and table one of its tables (any case).
const TableDef* FindTableDef(std::string_view database, std::string_view table);
std::vector<const TableDef*> AllTableDefs();
std::vector<ResultColumn> ResultColumns(const TableDef& def);

// Every table of every database, databases and tables in name order.
std::vector<TableRef> AllTables(const Catalog& catalog);

std::vector<Row> NoRows(const Source& source);
std::vector<Row> SchemataRows(const Source& source);
std::vector<Row> TablesRows(const Source& source);
std::vector<Row> ColumnsRows(const Source& source);
std::vector<Row> ViewsRows(const Source& source);
std::vector<Row> StatisticsRows(const Source& source);
std::vector<Row> KeyColumnUsageRows(const Source& source);
std::vector<Row> ReferentialConstraintsRows(const Source& source);
std::vector<Row> TableConstraintsRows(const Source& source);
std::vector<Row> TiflashIndexesRows(const Source& source);
std::vector<Row> TiflashReplicaRows(const Source& source);
std::vector<Row> VectorIndexesRows(const Source& source);
std::vector<Row> CharacterSetsRows(const Source& source);
std::vector<Row> CollationsRows(const Source& source);
std::vector<Row> EnginesRows(const Source& source);

}  // namespace vexdb::information_schema_internal
