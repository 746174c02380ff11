#pragma once

// Helpers shared by the ddl_*.cc files (internal to src/execution/): name resolution, column
// and key definitions, foreign keys and the data work DDL implies. Every function validates as
// MySQL 8.0 / TiDB does and returns their error codes; none of them writes the catalog unless
// its comment says so.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "common/result.h"
#include "execution/ddl.h"
#include "parser/ast.h"
#include "types/query_result.h"

namespace vexdb::ddl_internal {

// ---- results and names (ddl_names.cc)

QueryResult OkResult(uint64_t affected_rows = 0);
// An OK result carrying `notes` as Note-level diagnostics (IF [NOT] EXISTS that did nothing).
QueryResult NoteResult(const std::vector<Status>& notes);

// The database a statement names, or the current one: kNoDbSelected if neither, kBadDb if it
// does not exist. Returns the name as created (its stored case).
Result<std::string> ResolveDatabase(std::string_view given, const DdlContext& context);

// Identifier rules: empty or ending in a space -> wrong_name (1102/1103/1166/1280);
// longer than 64 characters -> kTooLongIdent.
Status CheckIdentifier(std::string_view name, ErrorCode wrong_name);

// A base table (not a view): kNoSuchTable if absent or a view.
Result<TableRef> GetBaseTable(const DdlContext& context, std::string_view database,
                              std::string_view table);

// "db.t" as MySQL's messages print it.
std::string QualifiedName(std::string_view database, std::string_view table);

// ---- character sets (ddl_charset.cc)

struct Charset {
  std::string charset;
  std::string collation;
};

// The charset and collation of `CHARSET cs COLLATE c` (either may be empty: then the other
// decides, or `inherited` when both are). kUnknownCharacterSet / kUnknownCollation for names
// vexdb does not know; kUnknownCollation also when the collation does not belong to the charset.
Result<Charset> ResolveCharset(std::string_view charset, std::string_view collation,
                               const Charset& inherited);
// The charset a collation belongs to ("utf8mb4_general_ci" -> "utf8mb4"); "" if unknown.
std::string CharsetOfCollation(std::string_view collation);

// ---- columns (ddl_column.cc, ddl_default.cc)

// Validates and normalizes a column type (lengths, precisions, ENUM members); errors name the
// column. table_collation applies to character columns declared without one.
Status ValidateColumnType(std::string_view column, std::string_view table_collation,
                          LogicalType* type);

// A column definition as the catalog stores it (id 0). statement_text is the text the
// ColumnDef was parsed from (for DEFAULT (expr) texts). Does not know about keys: see
// FinishColumns.
Result<ColumnInfo> BuildColumn(const ast::ColumnDef& def, std::string_view statement_text,
                               std::string_view table_collation);

// DEFAULT clause of `column` (whose type is final). kInvalidDefault / kBlobCantHaveDefault.
Result<ColumnDefault> BuildDefault(const ast::Expr& expr, bool parenthesized,
                                   std::string_view statement_text, const ColumnInfo& column);

// True if `DEFAULT expr` was written with parentheses, `DEFAULT (expr)` (for ALTER COLUMN ...
// SET DEFAULT, whose AST does not record it).
bool IsDefaultParenthesized(std::string_view statement_text, const ast::Expr& expr);

// The value a NOT NULL column without a default takes in rows that predate it (MySQL's
// implicit default: 0, '', the first ENUM member, ...); nullopt for DATE/DATETIME/TIMESTAMP,
// whose implicit default is the zero date that strict mode rejects.
std::optional<Value> ImplicitDefaultOf(const LogicalType& type);
// The value rows that predate `column` get when it is added: its constant default, the time of
// the ALTER for CURRENT_TIMESTAMP, NULL, or the implicit default of a NOT NULL column
// (kWrongValueForColumn for the zero date; kNotSupportedYet for expression defaults).
Result<Value> BackfillValue(const ColumnInfo& column, int64_t now_micros);

// Constraints between columns and keys, checked once a table's columns and indexes are final:
// PRIMARY KEY columns become NOT NULL (kPrimaryCantHaveNull if declared NULL), a NOT NULL column
// cannot default to NULL (kInvalidDefault), one AUTO_INCREMENT column that starts a key
// (kWrongAutoKey). explicit_null: folded names of columns declared NULL.
Status FinishColumns(const std::set<std::string>& explicit_null, TableInfo* table);

// ---- keys (ddl_key.cc)

// Adds an index-like constraint (PRIMARY KEY, UNIQUE, KEY/INDEX, FULLTEXT, VECTOR INDEX) to
// table: names it as MySQL does, validates key parts against table's columns. kMultiplePriKey,
// kDupKeyName, kKeyColumnDoesNotExist, kBlobKeyWithoutLength, kWrongSubKey, ...
// The PRIMARY KEY goes first in table->indexes.
Status AddKeyConstraint(const ast::ConstraintDef& def, TableInfo* table);

// The key constraint of a column's inline PRIMARY KEY / UNIQUE.
ast::ConstraintDef InlineKey(ast::ConstraintKind kind, const std::string& column);

// Re-checks the B-tree key parts on the `changed` columns (folded names) against their new
// types: kBlobKeyWithoutLength, kJsonUsedAsKey, kWrongSubKey.
Status ValidateIndexColumns(const TableInfo& table, const std::set<std::string>& changed);

// MySQL's generated index name: base if free, else base_2, base_3, ...
std::string UniqueIndexName(const TableInfo& table, std::string_view base);

// True if the first columns of index are exactly `columns`, in order (and whole, not prefixes).
bool IndexStartsWith(const IndexInfo& index, const std::vector<std::string>& columns);
// An index of table other than `except` starting with columns, or nullptr.
const IndexInfo* FindIndexStartingWith(const TableInfo& table,
                                       const std::vector<std::string>& columns,
                                       const IndexInfo* except = nullptr);

// ---- foreign keys (ddl_foreign_key.cc)

// Adds FOREIGN KEY def to table (whose columns and indexes are final): names it
// (`<table>_ibfk_<n>`), checks the referenced table (unless foreign_key_checks is off and it is
// missing), and adds the child index MySQL creates when no index starts with the columns.
Status AddForeignKey(const ast::ConstraintDef& def, const DdlContext& context, TableInfo* table);

// Error if dropping or replacing index `index` of table would leave a foreign key (of table
// itself, or of a table referencing it) without an index: kDropIndexFk.
Status CheckIndexNotNeededByForeignKey(const DdlContext& context, const TableInfo& table,
                                       const IndexInfo& index);

ForeignKeyAction ToForeignKeyAction(ast::RefAction action);

// InnoDB's rule for the column types on both sides of a foreign key: integers of the same
// size and sign, character strings of the same charset, equal DECIMALs, same types otherwise.
bool ForeignKeyTypesCompatible(const LogicalType& child, const LogicalType& parent);

// Removes index `name` (PRIMARY for the primary key) from table: kCantDropFieldOrKey if absent,
// kDropIndexFk if a foreign key needs it.
Status DropIndexFromTable(const DdlContext& context, std::string_view name, TableInfo* table);

// ---- renames (ddl_rename.cc)

// Renames (and possibly moves) table to database.name, repointing the foreign keys that
// reference it. The caller has checked that the target is free and valid.
Result<TableRef> RenameTableTo(DdlContext& context, const TableRef& table,
                               const std::string& database, const std::string& name);

// ---- data (ddl_data.cc)

// Replaces table's definition by `next` (same id), doing the row work the change implies: a
// full rewrite (ReplaceAndRewriteRows) when rows must change, else filling the new indexes
// (ReplaceAndBuildIndexes).
Result<TableRef> ApplyDefinition(DdlContext& context, const TableRef& table, TableInfo next);

// Replaces table's definition by `next` (same id); fills every B-tree index that `next` adds
// from the existing rows in one transaction. If the build fails (kDupEntry), restores the old
// definition and returns the error, leaving no trace of the new indexes.
Result<TableRef> ReplaceAndBuildIndexes(DdlContext& context, const TableRef& table,
                                        TableInfo next);

// Replaces table's definition by `next` and rewrites every row into its layout in one
// transaction: values converted to the new column types in strict store mode (kOutOfRangeValue,
// kDataTooLong, ... name the row), new columns filled by BackfillValue, NOT NULL checked
// (kInvalidUseOfNull), handles recomputed when the clustered key changes, every index rebuilt.
// On error restores the old definition.
Result<TableRef> ReplaceAndRewriteRows(DdlContext& context, const TableRef& table,
                                       TableInfo next);

// True if `table` holds no rows.
Result<bool> TableIsEmpty(DdlContext& context, const TableInfo& table);

// ---- statements (one file each)

Result<QueryResult> CreateTable(const ast::CreateTableStatement& create, DdlContext& context);
Result<QueryResult> DropTables(const ast::DropTableStatement& drop, DdlContext& context);
Result<QueryResult> TruncateTable(const ast::TruncateStatement& truncate, DdlContext& context);
Result<QueryResult> CreateIndex(const ast::CreateIndexStatement& create, DdlContext& context);
Result<QueryResult> DropIndex(const ast::DropIndexStatement& drop, DdlContext& context);
Result<QueryResult> AlterTable(const ast::AlterTableStatement& alter, DdlContext& context);
Result<QueryResult> RenameTables(const ast::RenameTableStatement& rename, DdlContext& context);
Result<QueryResult> CreateDatabase(const ast::CreateDatabaseStatement& create,
                                   DdlContext& context);
Result<QueryResult> DropDatabase(const ast::DropDatabaseStatement& drop, DdlContext& context);
Result<QueryResult> CreateView(const ast::CreateViewStatement& create, DdlContext& context);

}  // namespace vexdb::ddl_internal
