// information_schema: virtual tables materialized from the catalog on every read.
//
// The registry below is data: each table's MySQL 8.0 (or TiDB) column names, in order, with a
// type per column, and the function that builds its rows (information_schema_*.cc). The binder
// asks Resolve() for the columns when a query names information_schema.<table> (names compare
// case-insensitively: pytidb writes INFORMATION_SCHEMA.tiflash_replica), and the executor asks
// Rows() for every row; filters run above, in the ordinary operators. Row builders must produce
// exactly the declared columns in order (information_schema_test.cc checks every table).

#include "execution/information_schema_internal.h"

#include <algorithm>

#include "common/status.h"
#include "execution/show.h"

namespace vexdb {

namespace is = information_schema_internal;

namespace information_schema_internal {

namespace {

constexpr ColumnType kName = ColumnType::kName;
constexpr ColumnType kText = ColumnType::kText;
constexpr ColumnType kInt = ColumnType::kInt;
constexpr ColumnType kTime = ColumnType::kDatetime;
constexpr ColumnType kReal = ColumnType::kDouble;

const std::vector<TableDef>& Registry() {
  static const std::vector<TableDef> tables = {
      {"CHARACTER_SETS",
       {{"CHARACTER_SET_NAME", kName}, {"DEFAULT_COLLATE_NAME", kName},
        {"DESCRIPTION", kName}, {"MAXLEN", kInt}},
       CharacterSetsRows},
      {"CHECK_CONSTRAINTS",
       {{"CONSTRAINT_CATALOG", kName}, {"CONSTRAINT_SCHEMA", kName},
        {"CONSTRAINT_NAME", kName}, {"CHECK_CLAUSE", kText}},
       NoRows},
      {"COLLATIONS",
       {{"COLLATION_NAME", kName}, {"CHARACTER_SET_NAME", kName}, {"ID", kInt},
        {"IS_DEFAULT", kName}, {"IS_COMPILED", kName}, {"SORTLEN", kInt},
        {"PAD_ATTRIBUTE", kName}},
       CollationsRows},
      {"COLUMNS",
       {{"TABLE_CATALOG", kName}, {"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName},
        {"COLUMN_NAME", kName}, {"ORDINAL_POSITION", kInt}, {"COLUMN_DEFAULT", kText},
        {"IS_NULLABLE", kName}, {"DATA_TYPE", kText}, {"CHARACTER_MAXIMUM_LENGTH", kInt},
        {"CHARACTER_OCTET_LENGTH", kInt}, {"NUMERIC_PRECISION", kInt},
        {"NUMERIC_SCALE", kInt}, {"DATETIME_PRECISION", kInt}, {"CHARACTER_SET_NAME", kName},
        {"COLLATION_NAME", kName}, {"COLUMN_TYPE", kText}, {"COLUMN_KEY", kName},
        {"EXTRA", kName}, {"PRIVILEGES", kName}, {"COLUMN_COMMENT", kText},
        {"GENERATION_EXPRESSION", kText}, {"SRS_ID", kInt}},
       ColumnsRows},
      {"ENGINES",
       {{"ENGINE", kName}, {"SUPPORT", kName}, {"COMMENT", kName}, {"TRANSACTIONS", kName},
        {"XA", kName}, {"SAVEPOINTS", kName}},
       EnginesRows},
      {"KEY_COLUMN_USAGE",
       {{"CONSTRAINT_CATALOG", kName}, {"CONSTRAINT_SCHEMA", kName},
        {"CONSTRAINT_NAME", kName}, {"TABLE_CATALOG", kName}, {"TABLE_SCHEMA", kName},
        {"TABLE_NAME", kName}, {"COLUMN_NAME", kName}, {"ORDINAL_POSITION", kInt},
        {"POSITION_IN_UNIQUE_CONSTRAINT", kInt}, {"REFERENCED_TABLE_SCHEMA", kName},
        {"REFERENCED_TABLE_NAME", kName}, {"REFERENCED_COLUMN_NAME", kName}},
       KeyColumnUsageRows},
      {"PROCESSLIST",
       {{"ID", kInt}, {"USER", kName}, {"HOST", kName}, {"DB", kName}, {"COMMAND", kName},
        {"TIME", kInt}, {"STATE", kName}, {"INFO", kText}},
       NoRows},
      {"REFERENTIAL_CONSTRAINTS",
       {{"CONSTRAINT_CATALOG", kName}, {"CONSTRAINT_SCHEMA", kName},
        {"CONSTRAINT_NAME", kName}, {"UNIQUE_CONSTRAINT_CATALOG", kName},
        {"UNIQUE_CONSTRAINT_SCHEMA", kName}, {"UNIQUE_CONSTRAINT_NAME", kName},
        {"MATCH_OPTION", kName}, {"UPDATE_RULE", kName}, {"DELETE_RULE", kName},
        {"TABLE_NAME", kName}, {"REFERENCED_TABLE_NAME", kName}},
       ReferentialConstraintsRows},
      {"SCHEMATA",
       {{"CATALOG_NAME", kName}, {"SCHEMA_NAME", kName}, {"DEFAULT_CHARACTER_SET_NAME", kName},
        {"DEFAULT_COLLATION_NAME", kName}, {"SQL_PATH", kName}, {"DEFAULT_ENCRYPTION", kName}},
       SchemataRows},
      {"STATISTICS",
       {{"TABLE_CATALOG", kName}, {"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName},
        {"NON_UNIQUE", kInt}, {"INDEX_SCHEMA", kName}, {"INDEX_NAME", kName},
        {"SEQ_IN_INDEX", kInt}, {"COLUMN_NAME", kName}, {"COLLATION", kName},
        {"CARDINALITY", kInt}, {"SUB_PART", kInt}, {"PACKED", kName}, {"NULLABLE", kName},
        {"INDEX_TYPE", kName}, {"COMMENT", kName}, {"INDEX_COMMENT", kText},
        {"IS_VISIBLE", kName}, {"EXPRESSION", kText}},
       StatisticsRows},
      {"TABLES",
       {{"TABLE_CATALOG", kName}, {"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName},
        {"TABLE_TYPE", kName}, {"ENGINE", kName}, {"VERSION", kInt}, {"ROW_FORMAT", kName},
        {"TABLE_ROWS", kInt}, {"AVG_ROW_LENGTH", kInt}, {"DATA_LENGTH", kInt},
        {"MAX_DATA_LENGTH", kInt}, {"INDEX_LENGTH", kInt}, {"DATA_FREE", kInt},
        {"AUTO_INCREMENT", kInt}, {"CREATE_TIME", kTime}, {"UPDATE_TIME", kTime},
        {"CHECK_TIME", kTime}, {"TABLE_COLLATION", kName}, {"CHECKSUM", kInt},
        {"CREATE_OPTIONS", kName}, {"TABLE_COMMENT", kText}},
       TablesRows},
      {"TABLE_CONSTRAINTS",
       {{"CONSTRAINT_CATALOG", kName}, {"CONSTRAINT_SCHEMA", kName},
        {"CONSTRAINT_NAME", kName}, {"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName},
        {"CONSTRAINT_TYPE", kName}, {"ENFORCED", kName}},
       TableConstraintsRows},
      {"TIFLASH_INDEXES",
       {{"TIDB_DATABASE", kName}, {"TIDB_TABLE", kName}, {"TABLE_ID", kInt},
        {"COLUMN_NAME", kName}, {"INDEX_NAME", kName}, {"COLUMN_ID", kInt},
        {"INDEX_ID", kInt}, {"INDEX_KIND", kName}, {"ROWS_STABLE_INDEXED", kInt},
        {"ROWS_STABLE_NOT_INDEXED", kInt}, {"ROWS_DELTA_INDEXED", kInt},
        {"ROWS_DELTA_NOT_INDEXED", kInt}, {"ERROR_MESSAGE", kText},
        {"TIFLASH_INSTANCE", kName}},
       TiflashIndexesRows},
      {"TIFLASH_REPLICA",
       {{"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName}, {"TABLE_ID", kInt},
        {"REPLICA_COUNT", kInt}, {"LOCATION_LABELS", kName}, {"AVAILABLE", kInt},
        {"PROGRESS", kReal}},
       TiflashReplicaRows},
      // vexdb's own (docs/sql-vector.md).
      {"VECTOR_INDEXES",
       {{"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName}, {"INDEX_NAME", kName},
        {"COLUMN_NAME", kName}, {"DISTANCE_METRIC", kName}, {"DIMENSION", kInt}, {"M", kInt},
        {"EF_CONSTRUCTION", kInt}, {"EF_SEARCH", kInt}, {"QUANTIZATION", kName},
        {"STATE", kName}, {"ROWS_INDEXED", kInt}, {"ROWS_DELETED", kInt}, {"NULL_ROWS", kInt},
        {"BYTES", kInt}, {"BYTES_PER_VECTOR", kReal}, {"SIMD", kName}, {"SOURCE", kName},
        {"ROWS_REPLAYED", kInt}, {"ROWS_SINCE_CHECKPOINT", kInt}, {"CHECKPOINTS", kInt},
        {"COMPACTIONS", kInt}},
       VectorIndexesRows},
      {"VIEWS",
       {{"TABLE_CATALOG", kName}, {"TABLE_SCHEMA", kName}, {"TABLE_NAME", kName},
        {"VIEW_DEFINITION", kText}, {"CHECK_OPTION", kName}, {"IS_UPDATABLE", kName},
        {"DEFINER", kName}, {"SECURITY_TYPE", kName}, {"CHARACTER_SET_CLIENT", kName},
        {"COLLATION_CONNECTION", kName}},
       ViewsRows},
  };
  return tables;
}

LogicalType TypeOf(ColumnType type) {
  switch (type) {
    case ColumnType::kName: return LogicalType::Varchar(64);
    case ColumnType::kText: return LogicalType::LongText();
    case ColumnType::kInt: return LogicalType::BigInt();
    case ColumnType::kDatetime: return LogicalType::Datetime(0);
    case ColumnType::kDouble: return LogicalType::Double();
  }
  return LogicalType::LongText();
}

}  // namespace

const TableDef* FindTableDef(std::string_view database, std::string_view table) {
  if (!NameEquals(database, show_internal::kInformationSchema)) return nullptr;
  for (const TableDef& def : Registry()) {
    if (NameEquals(def.name, table)) return &def;
  }
  return nullptr;
}

std::vector<ResultColumn> ResultColumns(const TableDef& def) {
  std::vector<ResultColumn> out;
  for (const ColumnDef& column : def.columns) {
    ResultColumn rc;
    rc.schema = std::string(show_internal::kInformationSchema);
    rc.table = rc.org_table = std::string(def.name);
    rc.name = rc.org_name = std::string(column.name);
    rc.type = TypeOf(column.type);
    out.push_back(std::move(rc));
  }
  return out;
}

std::vector<const TableDef*> AllTableDefs() {
  std::vector<const TableDef*> out;
  for (const TableDef& def : Registry()) out.push_back(&def);
  return out;
}

std::vector<Row> NoRows(const Source&) { return {}; }

}  // namespace information_schema_internal

std::vector<std::string_view> show_internal::SystemTableNames() {
  std::vector<std::string_view> names;
  for (const is::TableDef* def : is::AllTableDefs()) names.push_back(def->name);
  std::sort(names.begin(), names.end());
  return names;
}

InformationSchema::InformationSchema(Catalog& catalog, StorageEngine& storage,
                                     const VectorIndexRegistry* vector_indexes)
    : catalog_(catalog), storage_(storage), vector_indexes_(vector_indexes) {}

bool InformationSchema::Resolve(std::string_view database, std::string_view table,
                                std::vector<ResultColumn>* columns) const {
  const is::TableDef* def = is::FindTableDef(database, table);
  if (def == nullptr) return false;
  *columns = is::ResultColumns(*def);
  return true;
}

Result<std::vector<Row>> InformationSchema::Rows(std::string_view database,
                                                 std::string_view table) {
  const is::TableDef* def = is::FindTableDef(database, table);
  if (def == nullptr) return Status::Error(ErrorCode::kNoSuchTable, database, table);
  return def->rows(is::Source{catalog_, storage_, vector_indexes_});
}

}  // namespace vexdb
