#pragma once

// Private to src/execution/: the row-level write path shared by INSERT, UPDATE and DELETE —
// column defaults, strict-mode casting, NOT NULL, and foreign key enforcement.

#include <optional>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "storage/table_store.h"

namespace vexdb {

// The value a column takes when an INSERT gives none (NULL for AUTO_INCREMENT columns, which
// the caller then allocates); kNoDefaultForField (1364) if NOT NULL without a default.
Result<Value> ColumnDefaultValue(const ColumnInfo& column, ExecContext& ctx);

// Casts a value into a column in strict mode and checks NOT NULL (1048).
Result<Value> StoreValue(const ColumnInfo& column, const Value& value, int64_t row_number);

// Rows of `table` whose `columns` equal `values` (locked), with their handles; uses the
// clustered key or an index when one covers the columns.
Result<std::vector<std::pair<int64_t, Row>>> FindRows(ExecContext& ctx, const TableInfo& table,
                                                      const std::vector<int>& columns,
                                                      const Row& values);

// Child side: every foreign key of `table` whose columns are all non-NULL in `row` must find
// its parent row (1452).
Status CheckParentsExist(ExecContext& ctx, const TableInfo& table, const Row& row);

// Parent side, before `row` of `table` is deleted: applies ON DELETE of every referencing key.
Status ApplyOnDelete(ExecContext& ctx, const TableInfo& table, const Row& row, int depth);
// Parent side, before `old_row` becomes `new_row`: children referencing changed key values
// fail the update (1451) unless the constraint cascades.
Status ApplyOnUpdate(ExecContext& ctx, const TableInfo& table, const Row& old_row,
                     const Row& new_row, int depth);

// Deletes one row after applying ON DELETE actions.
Status DeleteRow(ExecContext& ctx, const TableInfo& table, int64_t handle, const Row& row,
                 int depth);

// "`test`.`child`, CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `parent` (`id`) ..." as in
// MySQL's 1451/1452 messages.
std::string ForeignKeyDescription(const TableInfo& child, const ForeignKeyInfo& key);

}  // namespace vexdb
