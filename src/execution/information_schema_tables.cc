// information_schema SCHEMATA, TABLES, COLUMNS and VIEWS, built from the catalog with MySQL
// 8.0's values: TABLE_TYPE 'BASE TABLE' / 'VIEW' / 'SYSTEM VIEW', COLUMNS' lengths, precisions
// and character sets as MySQL derives them from the column type, COLUMN_COMMENT '' (never
// NULL: tidb-vector-python runs a regex over it) and COLUMN_TYPE as SHOW CREATE TABLE spells it
// (`vector(3)` for vector columns, tidb-vector-spec.md §1.11). The information_schema database
// lists itself, as MySQL's does.

#include "execution/information_schema_internal.h"

namespace vexdb::information_schema_internal {

namespace si = show_internal;

namespace {

constexpr std::string_view kCatalogName = "def";

int64_t CharCount(std::string_view text) {
  int64_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// CHARACTER_MAXIMUM_LENGTH; -1 for NULL.
int64_t CharacterMaximumLength(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kBinary:
    case TypeId::kVarbinary:
    case TypeId::kBlob:
      return type.MaxLength();
    case TypeId::kEnum: {
      int64_t longest = 0;
      for (const std::string& e : type.elements) longest = std::max(longest, CharCount(e));
      return longest;
    }
    case TypeId::kSet: {
      int64_t total = type.elements.empty() ? 0 : static_cast<int64_t>(type.elements.size()) - 1;
      for (const std::string& e : type.elements) total += CharCount(e);
      return total;
    }
    default:
      return -1;
  }
}

// CHARACTER_OCTET_LENGTH; -1 for NULL. TEXT lengths are already bytes.
int64_t CharacterOctetLength(const LogicalType& type) {
  int64_t chars = CharacterMaximumLength(type);
  if (chars < 0) return -1;
  switch (type.id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kEnum:
    case TypeId::kSet:
      return chars * si::CharsetMaxLength(si::ColumnCharset(type));
    default:
      return chars;
  }
}

int64_t IntegerPrecision(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kTinyInt: return 3;
    case TypeId::kSmallInt: return 5;
    case TypeId::kMediumInt: return 7;
    case TypeId::kInt: return 10;
    default: return type.is_unsigned ? 20 : 19;
  }
}

bool HasExplicitScale(const LogicalType& type) { return type.precision > 0 && type.scale >= 0; }

// NUMERIC_PRECISION; -1 for NULL.
int64_t NumericPrecision(const LogicalType& type) {
  if (type.IsInteger()) return IntegerPrecision(type);
  switch (type.id) {
    case TypeId::kDecimal: return type.precision == 0 ? 10 : type.precision;
    case TypeId::kFloat: return HasExplicitScale(type) ? type.precision : 12;
    case TypeId::kDouble: return HasExplicitScale(type) ? type.precision : 22;
    case TypeId::kBit: return type.length < 0 ? 1 : type.length;
    default: return -1;
  }
}

// NUMERIC_SCALE; -1 for NULL.
int64_t NumericScale(const LogicalType& type) {
  if (type.IsInteger()) return 0;
  switch (type.id) {
    case TypeId::kDecimal: return type.scale < 0 ? 0 : type.scale;
    case TypeId::kFloat:
    case TypeId::kDouble:
      return HasExplicitScale(type) ? type.scale : -1;
    default:
      return -1;
  }
}

int64_t DatetimePrecision(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
    case TypeId::kTime:
      return type.fsp;
    default:
      return -1;
  }
}

Value IntOrNull(int64_t v) { return v < 0 ? Value::Null() : Value::Int(v); }

Row ColumnRow(const TableInfo& table, int i) {
  const ColumnInfo& column = table.columns[i];
  const LogicalType& type = column.type;
  return {si::Str(kCatalogName),
          si::Str(table.database),
          si::Str(table.name),
          si::Str(column.name),
          Value::Int(i + 1),
          si::ColumnDefault(column),
          si::Str(column.nullable ? "YES" : "NO"),
          Value::String(type.DataTypeName()),
          IntOrNull(CharacterMaximumLength(type)),
          IntOrNull(CharacterOctetLength(type)),
          IntOrNull(NumericPrecision(type)),
          IntOrNull(NumericScale(type)),
          IntOrNull(DatetimePrecision(type)),
          si::StrOrNull(si::ColumnCharset(type)),
          si::StrOrNull(si::ColumnCollation(type)),
          Value::String(type.ToSql()),
          Value::String(si::ColumnKey(table, i)),
          Value::String(si::ColumnExtra(column)),
          si::Str(si::kPrivileges),
          si::Str(column.comment),
          si::Str(""),
          Value::Null()};
}

// COLUMNS rows of an information_schema table.
void AddSystemColumnRows(const TableDef& def, std::vector<Row>* rows) {
  std::vector<ResultColumn> columns = ResultColumns(def);
  for (size_t i = 0; i < columns.size(); ++i) {
    const LogicalType& type = columns[i].type;
    rows->push_back({si::Str(kCatalogName), si::Str(si::kInformationSchema), si::Str(def.name),
                     si::Str(columns[i].name), Value::Int(static_cast<int64_t>(i) + 1),
                     Value::Null(), si::Str("YES"), Value::String(type.DataTypeName()),
                     IntOrNull(CharacterMaximumLength(type)),
                     IntOrNull(CharacterOctetLength(type)), IntOrNull(NumericPrecision(type)),
                     IntOrNull(NumericScale(type)), IntOrNull(DatetimePrecision(type)),
                     si::StrOrNull(si::ColumnCharset(type)),
                     si::StrOrNull(si::ColumnCollation(type)), Value::String(type.ToSql()),
                     si::Str(""), si::Str(""), si::Str("select"), si::Str(""), si::Str(""),
                     Value::Null()});
  }
}

Row TableRow(const TableInfo& table, StorageEngine& storage) {
  Row row = {si::Str(kCatalogName), si::Str(table.database), si::Str(table.name),
             si::Str(table.is_view ? "VIEW" : "BASE TABLE")};
  for (Value& v : si::TableStatusValues(table, storage)) row.push_back(std::move(v));
  return row;
}

Row SystemTableRow(std::string_view name) {
  Row row = {si::Str(kCatalogName), si::Str(si::kInformationSchema), si::Str(name),
             si::Str("SYSTEM VIEW")};
  row.resize(row.size() + 16);
  row.push_back(si::Str(""));
  return row;
}

}  // namespace

std::vector<TableRef> AllTables(const Catalog& catalog) {
  std::vector<TableRef> out;
  for (const DatabaseInfo& db : catalog.ListDatabases()) {
    for (TableRef& table : catalog.ListTables(db.name)) out.push_back(std::move(table));
  }
  return out;
}

std::vector<Row> SchemataRows(const Source& source) {
  std::vector<Row> rows;
  rows.push_back({si::Str(kCatalogName), si::Str(si::kInformationSchema), si::Str("utf8mb4"),
                  si::Str("utf8mb4_bin"), Value::Null(), si::Str("NO")});
  for (const DatabaseInfo& db : source.catalog.ListDatabases()) {
    rows.push_back({si::Str(kCatalogName), si::Str(db.name), si::Str(db.charset),
                    si::Str(db.collation), Value::Null(), si::Str("NO")});
  }
  return rows;
}

std::vector<Row> TablesRows(const Source& source) {
  std::vector<Row> rows;
  for (std::string_view name : si::SystemTableNames()) rows.push_back(SystemTableRow(name));
  for (const TableRef& table : AllTables(source.catalog)) {
    rows.push_back(TableRow(*table, source.storage));
  }
  return rows;
}

std::vector<Row> ColumnsRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableDef* def : AllTableDefs()) AddSystemColumnRows(*def, &rows);
  for (const TableRef& table : AllTables(source.catalog)) {
    for (size_t i = 0; i < table->columns.size(); ++i) {
      rows.push_back(ColumnRow(*table, static_cast<int>(i)));
    }
  }
  return rows;
}

std::vector<Row> ViewsRows(const Source& source) {
  std::vector<Row> rows;
  for (const TableRef& table : AllTables(source.catalog)) {
    if (!table->is_view) continue;
    rows.push_back({si::Str(kCatalogName), si::Str(table->database), si::Str(table->name),
                    si::Str(table->view_sql), si::Str("NONE"), si::Str("NO"),
                    si::Str("root@%"), si::Str("DEFINER"), si::Str("utf8mb4"),
                    si::Str("utf8mb4_bin")});
  }
  return rows;
}

}  // namespace vexdb::information_schema_internal
