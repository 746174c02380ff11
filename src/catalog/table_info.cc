// TableInfo's derived views (handle column, storage layout, counter names) and identifier
// folding. Everything here is a pure function of one immutable TableInfo.

#include <algorithm>

#include "catalog/catalog.h"
#include "types/cast.h"

namespace vexdb {

namespace {

// Integer types whose every value fits an int64 handle (BIGINT UNSIGNED does not).
bool FitsHandle(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
      return true;
    case TypeId::kBigInt:
      return !type.is_unsigned;
    default:
      return false;
  }
}

// The value rows written before the column existed decode to.
Value StoredDefault(const ColumnInfo& column) {
  if (column.default_value.kind != DefaultKind::kValue) return Value::Null();
  Result<Value> cast = CastValue(Value::String(column.default_value.text), column.type,
                                 CastContext{CastMode::kExpression, column.name, 1});
  return cast.ok() ? std::move(cast).value() : Value::Null();
}

IndexLayout MakeIndexLayout(const TableInfo& table, const IndexInfo& index) {
  IndexLayout layout;
  layout.index_id = index.id;
  layout.name = index.name;
  layout.unique = index.unique || index.primary;
  layout.primary = index.primary;
  for (const IndexColumn& column : index.columns) {
    layout.key_columns.push_back(table.ColumnIndex(column.column));
    layout.prefix_lengths.push_back(column.prefix_length);
  }
  return layout;
}

char FoldChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string FoldName(std::string_view name) {
  std::string folded(name);
  for (char& c : folded) c = FoldChar(c);
  return folded;
}

bool NameEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldChar(a[i]) != FoldChar(b[i])) return false;
  }
  return true;
}

int TableInfo::ColumnIndex(std::string_view column_name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (NameEquals(columns[i].name, column_name)) return static_cast<int>(i);
  }
  return -1;
}

const IndexInfo* TableInfo::FindIndex(std::string_view index_name) const {
  for (const IndexInfo& index : indexes) {
    if (NameEquals(index.name, index_name)) return &index;
  }
  return nullptr;
}

const IndexInfo* TableInfo::PrimaryKey() const {
  for (const IndexInfo& index : indexes) {
    if (index.primary) return &index;
  }
  return nullptr;
}

int TableInfo::HandleColumn() const {
  const IndexInfo* pk = PrimaryKey();
  if (pk == nullptr || pk->columns.size() != 1 || pk->columns[0].prefix_length != 0) return -1;
  int position = ColumnIndex(pk->columns[0].column);
  if (position < 0 || !FitsHandle(columns[position].type)) return -1;
  return position;
}

int TableInfo::AutoIncrementColumn() const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].auto_increment) return static_cast<int>(i);
  }
  return -1;
}

TableLayout TableInfo::Layout() const {
  TableLayout layout;
  layout.table_id = id;
  layout.name = name;
  layout.handle_column = HandleColumn();
  for (const ColumnInfo& column : columns) {
    layout.columns.push_back({column.id, column.name, column.type, StoredDefault(column)});
  }
  for (const IndexInfo& index : indexes) {
    if (index.kind == IndexKind::kHnsw) {  // the graph lives in memory; storage logs changes
      int position = ColumnIndex(index.columns[0].column);
      auto& logged = layout.vector_columns;
      if (std::find(logged.begin(), logged.end(), position) == logged.end()) {
        logged.push_back(position);
      }
      continue;
    }
    if (index.primary && layout.handle_column >= 0) continue;  // the row key is the index
    layout.indexes.push_back(MakeIndexLayout(*this, index));
  }
  return layout;
}

std::string TableInfo::AutoIncrementCounter() const { return "auto_inc/" + std::to_string(id); }

std::string TableInfo::RowIdCounter() const { return "row_id/" + std::to_string(id); }

}  // namespace vexdb
