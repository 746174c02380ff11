// Facts about columns and indexes that SHOW and information_schema report alike, computed from a
// TableInfo the way MySQL 8.0 derives them from its table share: the Key flag (PRI/UNI/MUL), the
// Extra text, the Default shown, and the key order of sql_table.cc's sort_keys.

#include <algorithm>

#include "execution/show_internal.h"
#include "function/function.h"

namespace vexdb::show_internal {

namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsPrefixIndex(const IndexInfo& index) {
  return std::any_of(index.columns.begin(), index.columns.end(),
                     [](const IndexColumn& c) { return c.prefix_length > 0; });
}

bool HasNullablePart(const TableInfo& table, const IndexInfo& index) {
  return std::any_of(index.columns.begin(), index.columns.end(),
                     [&](const IndexColumn& c) { return IndexColumnNullable(table, c); });
}

// sort_keys' rank: lower ranks sort first; equal ranks keep declaration order.
int KeyRank(const TableInfo& table, const IndexInfo& index) {
  if (!index.primary && !index.unique) return 4;
  if (HasNullablePart(table, index)) return 3;
  if (index.primary) return 0;
  return IsPrefixIndex(index) ? 2 : 1;
}

bool IndexStartsWith(const IndexInfo& index, std::string_view column) {
  return !index.columns.empty() && NameEquals(index.columns.front().column, column);
}

bool IndexCovers(const IndexInfo& index, std::string_view column) {
  return std::any_of(index.columns.begin(), index.columns.end(),
                     [&](const IndexColumn& c) { return NameEquals(c.column, column); });
}

}  // namespace

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  out += '`';
  return out;
}

std::string QuoteString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    switch (c) {
      case '\0': out += "\\0"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "''"; break;
      default: out += c;
    }
  }
  out += '\'';
  return out;
}

bool MatchesLike(std::string_view text, std::string_view pattern) {
  return LikeMatch(LowerAscii(text), LowerAscii(pattern), U'\\');
}

bool HasCharset(const LogicalType& type) {
  switch (type.id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kEnum:
    case TypeId::kSet:
      return true;
    default:
      return false;
  }
}

std::string ColumnCollation(const LogicalType& type) {
  if (!HasCharset(type)) return "";
  return type.collation.empty() ? "utf8mb4_bin" : type.collation;
}

std::string ColumnCharset(const LogicalType& type) {
  if (!HasCharset(type)) return "";
  return CharsetOfCollation(ColumnCollation(type));
}

std::string ColumnKey(const TableInfo& table, int column_index) {
  const std::string& name = table.columns[column_index].name;
  const IndexInfo* primary = EffectivePrimaryKey(table);
  if (primary != nullptr && IndexCovers(*primary, name)) return "PRI";
  bool multiple = false;
  for (const IndexInfo* index : OrderedIndexes(table)) {
    if (index == primary || !IndexStartsWith(*index, name)) continue;
    if (index->unique && index->columns.size() == 1) return "UNI";
    multiple = true;
  }
  return multiple ? "MUL" : "";
}

std::string CurrentTimestampText(const LogicalType& type) {
  if (type.fsp == 0) return "CURRENT_TIMESTAMP";
  return "CURRENT_TIMESTAMP(" + std::to_string(type.fsp) + ")";
}

std::string ColumnExtra(const ColumnInfo& column) {
  std::vector<std::string> parts;
  if (column.auto_increment) parts.push_back("auto_increment");
  DefaultKind kind = column.default_value.kind;
  if (kind == DefaultKind::kCurrentTimestamp || kind == DefaultKind::kExpression) {
    parts.push_back("DEFAULT_GENERATED");
  }
  if (column.on_update_current_timestamp) {
    parts.push_back("on update " + CurrentTimestampText(column.type));
  }
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

Value ColumnDefault(const ColumnInfo& column) {
  switch (column.default_value.kind) {
    case DefaultKind::kNone:
    case DefaultKind::kNull:
      return Value::Null();
    case DefaultKind::kCurrentTimestamp:
      return Value::String(CurrentTimestampText(column.type));
    case DefaultKind::kValue:
    case DefaultKind::kExpression:
      return Value::String(column.default_value.text);
  }
  return Value::Null();
}

bool IndexColumnNullable(const TableInfo& table, const IndexColumn& column) {
  int i = table.ColumnIndex(column.column);
  return i >= 0 && table.columns[i].nullable;
}

std::vector<const IndexInfo*> OrderedIndexes(const TableInfo& table) {
  std::vector<const IndexInfo*> out;
  for (const IndexInfo& index : table.indexes) out.push_back(&index);
  std::stable_sort(out.begin(), out.end(), [&](const IndexInfo* a, const IndexInfo* b) {
    return KeyRank(table, *a) < KeyRank(table, *b);
  });
  return out;
}

const IndexInfo* EffectivePrimaryKey(const TableInfo& table) {
  for (const IndexInfo* index : OrderedIndexes(table)) {
    if (index->primary) return index;
    if (index->unique && index->kind == IndexKind::kBTree && !IsPrefixIndex(*index) &&
        !HasNullablePart(table, *index)) {
      return index;
    }
  }
  return nullptr;
}

std::string_view ForeignKeyActionName(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::kRestrict: return "RESTRICT";
    case ForeignKeyAction::kCascade: return "CASCADE";
    case ForeignKeyAction::kSetNull: return "SET NULL";
    case ForeignKeyAction::kNoAction: return "NO ACTION";
    case ForeignKeyAction::kSetDefault: return "SET DEFAULT";
  }
  return "RESTRICT";
}

std::optional<int64_t> NextAutoIncrement(const TableInfo& table, StorageEngine& storage) {
  if (table.is_view || table.AutoIncrementColumn() < 0) return std::nullopt;
  Result<int64_t> next = storage.PeekNextId(table.AutoIncrementCounter());
  if (!next.ok()) return std::nullopt;
  return *next;
}

ResultColumn VarcharColumn(std::string name, int64_t length) {
  ResultColumn column;
  column.name = column.org_name = std::move(name);
  column.type = LogicalType::Varchar(length);
  return column;
}

ResultColumn TextColumn(std::string name) {
  ResultColumn column;
  column.name = column.org_name = std::move(name);
  column.type = LogicalType::LongText();
  return column;
}

ResultColumn BigIntColumn(std::string name, bool is_unsigned) {
  ResultColumn column;
  column.name = column.org_name = std::move(name);
  column.type = LogicalType::BigInt(is_unsigned);
  return column;
}

ResultColumn DatetimeColumn(std::string name) {
  ResultColumn column;
  column.name = column.org_name = std::move(name);
  column.type = LogicalType::Datetime(0);
  return column;
}

ResultColumn DoubleColumn(std::string name) {
  ResultColumn column;
  column.name = column.org_name = std::move(name);
  column.type = LogicalType::Double();
  return column;
}

QueryResult MakeResultSet(std::vector<ResultColumn> columns) {
  QueryResult result;
  result.has_result_set = true;
  result.columns = std::move(columns);
  return result;
}

Value Str(std::string_view text) { return Value::String(std::string(text)); }

Value StrOrNull(const std::string& text) {
  return text.empty() ? Value::Null() : Value::String(text);
}

}  // namespace vexdb::show_internal
