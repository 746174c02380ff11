#pragma once

// Helpers shared by the SHOW statements (show*.cc) and the information_schema tables
// (information_schema*.cc): identifier and string quoting as SHOW CREATE TABLE prints them,
// the per-column facts DESCRIBE and information_schema.COLUMNS both report, MySQL's key order,
// the character-set and collation registry, and result-set column builders. Internal to
// execution/; nothing here touches storage except NextAutoIncrement.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "execution/show.h"
#include "parser/ast.h"
#include "types/query_result.h"

namespace vexdb::show_internal {

inline constexpr std::string_view kInformationSchema = "information_schema";
inline constexpr std::string_view kPrivileges = "select,insert,update,references";

// `name` with embedded backquotes doubled.
std::string QuoteIdentifier(std::string_view name);
// 'text' escaped as MySQL's append_unescaped does (\0 \n \r \\ and '' for a quote).
std::string QuoteString(std::string_view text);

// MySQL LIKE over names and variable names: case-insensitive, '\\' escapes.
bool MatchesLike(std::string_view text, std::string_view pattern);

// ---- columns ----------------------------------------------------------------------------

// True for types that carry a character set (CHAR, VARCHAR, TEXT, ENUM, SET).
bool HasCharset(const LogicalType& type);
// The column's effective collation ("utf8mb4_bin" when the type leaves it empty) and charset;
// "" for types without a character set.
std::string ColumnCollation(const LogicalType& type);
std::string ColumnCharset(const LogicalType& type);

// DESCRIBE's Key / COLUMNS.COLUMN_KEY: "PRI", "UNI", "MUL" or "".
std::string ColumnKey(const TableInfo& table, int column_index);
// DESCRIBE's Extra / COLUMNS.EXTRA: "auto_increment", "DEFAULT_GENERATED",
// "on update CURRENT_TIMESTAMP[(n)]", combined with a space.
std::string ColumnExtra(const ColumnInfo& column);
// DESCRIBE's Default / COLUMNS.COLUMN_DEFAULT: NULL, the literal text, "CURRENT_TIMESTAMP[(n)]"
// or the expression text.
Value ColumnDefault(const ColumnInfo& column);
// "CURRENT_TIMESTAMP" or "CURRENT_TIMESTAMP(n)" for the column's fractional precision.
std::string CurrentTimestampText(const LogicalType& type);

// ---- indexes ----------------------------------------------------------------------------

// The table's indexes in the order MySQL keeps them (sql_table.cc sort_keys): unique keys
// first (NOT NULL ones before nullable ones, PRIMARY first, prefix-free before prefixed), then
// the rest, each group in declaration order.
std::vector<const IndexInfo*> OrderedIndexes(const TableInfo& table);
// The index InnoDB treats as the primary key: PRIMARY, or else the first unique index over
// NOT NULL whole columns; nullptr if none.
const IndexInfo* EffectivePrimaryKey(const TableInfo& table);
bool IndexColumnNullable(const TableInfo& table, const IndexColumn& column);

// "RESTRICT", "CASCADE", "SET NULL", "NO ACTION", "SET DEFAULT".
std::string_view ForeignKeyActionName(ForeignKeyAction action);

// The next AUTO_INCREMENT value when the table has an auto-increment column.
std::optional<int64_t> NextAutoIncrement(const TableInfo& table, StorageEngine& storage);

// ---- character sets and collations ------------------------------------------------------

struct CollationDef {
  std::string_view name;
  std::string_view charset;
  int64_t id;
  bool is_default;
  int64_t sortlen;
  std::string_view pad_attribute;
};

struct CharsetDef {
  std::string_view name;
  std::string_view description;
  std::string_view default_collation;
  int64_t maxlen;
};

std::span<const CollationDef> Collations();  // sorted by name
std::span<const CharsetDef> Charsets();      // sorted by name
// The character set a collation belongs to ("utf8mb4" for "utf8mb4_bin"); the prefix before the
// first '_' for unknown names.
std::string CharsetOfCollation(std::string_view collation);
// Bytes per character of a character set (4 for utf8mb4, 1 when unknown).
int64_t CharsetMaxLength(std::string_view charset);

// ---- result sets ------------------------------------------------------------------------

ResultColumn VarcharColumn(std::string name, int64_t length = 64);
ResultColumn TextColumn(std::string name);
ResultColumn BigIntColumn(std::string name, bool is_unsigned = false);
ResultColumn DatetimeColumn(std::string name);
ResultColumn DoubleColumn(std::string name);

QueryResult MakeResultSet(std::vector<ResultColumn> columns);

Value Str(std::string_view text);
Value StrOrNull(const std::string& text);  // NULL when empty

// Keeps the rows of `result` for which `where` (an expression over its column names: =, <>,
// <, >, <=, >=, <=>, AND, OR, NOT, XOR, LIKE, IN, BETWEEN, IS [NOT] NULL, literals) is true.
// Unsupported constructs fail with kNotSupportedYet; unknown columns with kBadField.
Status FilterRows(const ast::Expr& where, QueryResult* result);

// ---- tables -------------------------------------------------------------------------------

// SHOW TABLE STATUS's columns after Name (= information_schema.TABLES' ENGINE .. TABLE_COMMENT):
// Engine, Version, Row_format, Rows, Avg_row_length, Data_length, Max_data_length,
// Index_length, Data_free, Auto_increment, Create_time, Update_time, Check_time, Collation,
// Checksum, Create_options, Comment. Views report NULLs and the comment 'VIEW'.
Row TableStatusValues(const TableInfo& table, StorageEngine& storage);
// The information_schema tables, upper-case, sorted.
std::vector<std::string_view> SystemTableNames();
// SHOW INDEX's row for key part `seq` of `index` (information_schema.STATISTICS reuses it).
Row IndexRow(const TableInfo& table, const IndexInfo& index, size_t seq);

// ---- statement handlers (ExecuteShow dispatches to these) ---------------------------------

// The table a SHOW names: `database` or else the current database (kNoDbSelected if none);
// kNoSuchTable if absent.
Result<TableRef> FindTable(const ShowContext& context, std::string_view database,
                           std::string_view table);
// The database a SHOW names (current if empty); kNoDbSelected / kBadDb.
Result<std::string> FindDatabase(const ShowContext& context, std::string_view database);
bool IsInformationSchema(std::string_view database);

Result<QueryResult> ShowCreateTable(const ast::ShowStatement& statement, ShowContext& context);
Result<QueryResult> ShowCreateDatabase(const ast::ShowStatement& statement,
                                       ShowContext& context);
Result<QueryResult> ShowColumns(const ast::ShowStatement& statement, ShowContext& context);
Result<QueryResult> ShowIndex(const ast::ShowStatement& statement, ShowContext& context);
Result<QueryResult> ShowTableStatus(const ast::ShowStatement& statement, ShowContext& context);
Result<QueryResult> ShowCollation(const ast::ShowStatement& statement);
Result<QueryResult> ShowCharset(const ast::ShowStatement& statement);

}  // namespace vexdb::show_internal
