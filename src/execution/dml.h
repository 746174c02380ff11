#pragma once

// INSERT, UPDATE and DELETE. Each runs inside the caller's transaction (the Session wraps the
// statement in a savepoint, so a failing statement leaves no partial effect). Rows are cast to
// their column types in strict mode, defaults and AUTO_INCREMENT values are filled in, unique
// keys are enforced by TableStore, and foreign keys are checked in both directions (child rows
// need a parent; deleting a parent cascades, sets NULL or fails as the constraint says).
// Affected rows follow MySQL: INSERT 1 per row (ON DUPLICATE KEY UPDATE: 2 per updated row),
// REPLACE 1 per deleted plus 1 per inserted row, UPDATE changed rows (matched rows with
// CLIENT_FOUND_ROWS), DELETE deleted rows.

#include "binder/bound_statement.h"
#include "common/result.h"
#include "execution/exec_context.h"
#include "types/query_result.h"

namespace vexdb {

Result<QueryResult> ExecuteInsert(const BoundInsert& insert, ExecContext& ctx);
Result<QueryResult> ExecuteUpdate(const BoundUpdate& update, ExecContext& ctx);
Result<QueryResult> ExecuteDelete(const BoundDelete& del, ExecContext& ctx);

}  // namespace vexdb
