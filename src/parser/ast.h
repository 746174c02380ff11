#pragma once

// The abstract syntax tree produced by the parser: a faithful, catalog-free picture of the SQL
// text in the MySQL 8.0 / TiDB dialect. Names are kept as written (case and qualification);
// the binder resolves them. Every node owns its children (unique_ptr). Expressions carry the
// byte offset where they start, for error messages.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "types/logical_type.h"

namespace vexdb::ast {

struct Expr;
struct SelectStmt;
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprType : uint8_t {
  kLiteral,
  kColumnRef,
  kStar,
  kUnary,
  kBinary,
  kFunction,
  kCase,
  kCast,
  kInList,
  kInSubquery,
  kExists,
  kSubquery,
  kBetween,
  kLike,
  kIsNull,
  kIsBool,
  kVariable,
  kDefault,
  kRow,
  kInterval,
  kParam,
  kMatch,  // MATCH (cols) AGAINST (expr [mode]); parsed so the binder can reject it clearly
  kCollate,  // expr COLLATE name
};

struct Expr {
  explicit Expr(ExprType t) : type(t) {}
  virtual ~Expr() = default;
  ExprType type;
  int location = 0;  // byte offset in the statement text

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};

enum class LiteralKind : uint8_t {
  kNull,
  kInteger,    // text holds the digits (may exceed int64: the binder decides the type)
  kDecimal,    // 1.5, .5, 1.
  kFloat,      // 1e3, 1.5e0 (has an exponent)
  kString,     // text holds the unescaped bytes; adjacent strings are concatenated
  kHex,        // x'4142' / 0x4142: text holds the decoded bytes
  kBit,        // b'101' / 0b101: text holds the decoded bytes (big-endian)
  kBool,       // TRUE / FALSE: text is "1" or "0"
  kDate,       // DATE '2024-01-02'
  kTime,       // TIME '03:04:05'
  kTimestamp,  // TIMESTAMP '2024-01-02 03:04:05'
};

struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprType::kLiteral) {}
  LiteralKind kind = LiteralKind::kNull;
  std::string text;
  std::string introducer;  // "_binary", "_utf8mb4", ... or ""
};

// a, t.a, db.t.a
struct ColumnRefExpr : Expr {
  ColumnRefExpr() : Expr(ExprType::kColumnRef) {}
  std::vector<std::string> parts;
};

// * or t.* or db.t.*
struct StarExpr : Expr {
  StarExpr() : Expr(ExprType::kStar) {}
  std::vector<std::string> qualifier;  // empty for a bare *
};

enum class UnaryOp : uint8_t { kMinus, kPlus, kNot, kBitNot, kBinary /* BINARY expr */ };

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprType::kUnary) {}
  UnaryOp op = UnaryOp::kMinus;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  kAdd, kSub, kMul, kDiv, kIntDiv /* DIV */, kMod,
  kEq, kNullSafeEq /* <=> */, kNe, kLt, kLe, kGt, kGe,
  kAnd, kOr, kXor,
  kBitAnd, kBitOr, kBitXor, kShiftLeft, kShiftRight,
  kRegexp,          // a REGEXP b / a RLIKE b (NOT REGEXP is Unary kNot over it)
  kJsonExtract,     // a -> '$.x'
  kJsonUnquote,     // a ->> '$.x'
  kAssign,          // @v := expr
};

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprType::kBinary) {}
  BinaryOp op = BinaryOp::kAdd;
  ExprPtr left;
  ExprPtr right;
};

struct OrderItem {
  ExprPtr expr;
  bool descending = false;
};

// Window specification of `f(...) OVER (...)` (parsed; execution comes later).
struct WindowSpec {
  std::string name;  // OVER w
  ExprList partition_by;
  std::vector<OrderItem> order_by;
  std::string frame_text;  // the ROWS/RANGE clause as written, "" if none
};

// name(args): scalar functions, aggregates and special syntax forms, normalized:
//   COUNT(*)                       -> name "count", star = true
//   COUNT(DISTINCT a)              -> distinct = true
//   GROUP_CONCAT(a ORDER BY b SEPARATOR ',') -> order_by, separator
//   CURRENT_TIMESTAMP / NOW / CURRENT_DATE without parens -> name as written, no args
//   EXTRACT(unit FROM x)           -> name "extract", args [LiteralExpr(kString unit), x]
//   TRIM([LEADING|TRAILING|BOTH] [r] FROM s) -> name "trim", args [s, r?], trim_mode
//   SUBSTRING(s FROM a FOR b)      -> name "substring", args [s, a, b]
//   POSITION(a IN b)               -> name "position", args [a, b]
//   DATE_ADD(x, INTERVAL n unit)   -> args [x, IntervalExpr]
//   CONVERT(x USING cs)            -> name "convert_using", args [x, LiteralExpr(kString cs)]
//   CHAR(65, 66 USING utf8mb4)     -> name "char"
struct FunctionExpr : Expr {
  FunctionExpr() : Expr(ExprType::kFunction) {}
  std::string name;  // as written, unqualified
  ExprList args;
  bool star = false;
  bool distinct = false;
  std::vector<OrderItem> order_by;  // GROUP_CONCAT
  std::optional<std::string> separator;
  std::string trim_mode;  // "LEADING" / "TRAILING" / "BOTH" / ""
  std::unique_ptr<WindowSpec> over;
};

struct CaseExpr : Expr {
  CaseExpr() : Expr(ExprType::kCase) {}
  ExprPtr operand;  // CASE x WHEN ... (null for searched CASE)
  std::vector<std::pair<ExprPtr, ExprPtr>> when_then;
  ExprPtr else_expr;
};

// CAST(x AS type) and CONVERT(x, type). Targets map to LogicalType:
//   SIGNED [INTEGER] -> BIGINT, UNSIGNED [INTEGER] -> BIGINT UNSIGNED, CHAR[(n)] -> VARCHAR(n)
//   (length -1 when absent), BINARY[(n)] -> VARBINARY(n), DECIMAL[(p[,s])] (default (10,0)),
//   DATE, DATETIME[(fsp)], TIME[(fsp)], JSON, DOUBLE, FLOAT, REAL, YEAR, VECTOR[(d)].
struct CastExpr : Expr {
  CastExpr() : Expr(ExprType::kCast) {}
  ExprPtr operand;
  LogicalType target;
};

struct InListExpr : Expr {
  InListExpr() : Expr(ExprType::kInList) {}
  ExprPtr operand;  // may be a RowExpr
  ExprList list;
  bool negated = false;
};

struct InSubqueryExpr : Expr {
  InSubqueryExpr() : Expr(ExprType::kInSubquery) {}
  ExprPtr operand;
  std::unique_ptr<SelectStmt> subquery;
  bool negated = false;
  // `x = ANY (subquery)`, `x > ALL (...)`: comparison != kEq or all == true; plain IN is
  // (kEq, any).
  BinaryOp comparison = BinaryOp::kEq;
  bool all = false;
};

struct ExistsExpr : Expr {
  ExistsExpr() : Expr(ExprType::kExists) {}
  std::unique_ptr<SelectStmt> subquery;
};

// A scalar subquery (SELECT ...) used as a value.
struct SubqueryExpr : Expr {
  SubqueryExpr() : Expr(ExprType::kSubquery) {}
  std::unique_ptr<SelectStmt> subquery;
};

struct BetweenExpr : Expr {
  BetweenExpr() : Expr(ExprType::kBetween) {}
  ExprPtr operand, low, high;
  bool negated = false;
};

struct LikeExpr : Expr {
  LikeExpr() : Expr(ExprType::kLike) {}
  ExprPtr operand, pattern;
  ExprPtr escape;  // null = '\\'
  bool negated = false;
};

struct IsNullExpr : Expr {
  IsNullExpr() : Expr(ExprType::kIsNull) {}
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};

// x IS [NOT] TRUE | FALSE | UNKNOWN
struct IsBoolExpr : Expr {
  IsBoolExpr() : Expr(ExprType::kIsBool) {}
  ExprPtr operand;
  std::optional<bool> value;  // nullopt = UNKNOWN
  bool negated = false;
};

enum class VarScope : uint8_t { kUser /* @x */, kSession /* @@x, @@session.x */, kGlobal };

struct VariableExpr : Expr {
  VariableExpr() : Expr(ExprType::kVariable) {}
  VarScope scope = VarScope::kSession;
  bool explicit_scope = false;  // @@session.x / @@global.x / SESSION x written out
  std::string name;             // without @/@@ and scope prefix, as written
};

// DEFAULT in VALUES / SET, or DEFAULT(col)
struct DefaultExpr : Expr {
  DefaultExpr() : Expr(ExprType::kDefault) {}
  std::vector<std::string> column;  // DEFAULT(col); empty for bare DEFAULT
};

struct RowExpr : Expr {
  RowExpr() : Expr(ExprType::kRow) {}
  ExprList items;
};

// INTERVAL expr unit (unit upper-cased: DAY, HOUR, MINUTE_SECOND, ...)
struct IntervalExpr : Expr {
  IntervalExpr() : Expr(ExprType::kInterval) {}
  ExprPtr value;
  std::string unit;
};

// `?` placeholder (prepared statements), numbered from 0 in text order.
struct ParamExpr : Expr {
  ParamExpr() : Expr(ExprType::kParam) {}
  int index = 0;
};

struct MatchExpr : Expr {
  MatchExpr() : Expr(ExprType::kMatch) {}
  ExprList columns;
  ExprPtr against;
  std::string mode;
};

// expr COLLATE name (name as written)
struct CollateExpr : Expr {
  CollateExpr() : Expr(ExprType::kCollate) {}
  ExprPtr operand;
  std::string collation;
};

// ---------------------------------------------------------------------------------------------
// Queries

struct SelectItem {
  ExprPtr expr;       // StarExpr for * / t.*
  std::string alias;  // "" if none
  std::string text;   // the item's source text, trimmed (MySQL names unaliased columns by it)
  int text_location = 0;  // where `text` starts, as Expr::location counts
};

enum class JoinType : uint8_t { kInner, kLeft, kRight, kCross };

struct TableRef {
  enum class Kind : uint8_t { kBase, kSubquery, kJoin };
  Kind kind = Kind::kBase;
  // kBase
  std::string database;  // "" = current
  std::string name;
  // kBase and kSubquery
  std::string alias;
  std::vector<std::string> column_aliases;  // (SELECT ...) AS t(a, b)
  std::unique_ptr<SelectStmt> subquery;
  // kJoin
  JoinType join_type = JoinType::kInner;
  bool natural = false;
  std::unique_ptr<TableRef> left, right;
  ExprPtr on;
  std::vector<std::string> using_columns;
};

enum class SetOp : uint8_t { kNone, kUnion, kUnionAll, kExcept, kIntersect };
enum class LockMode : uint8_t { kNone, kForUpdate, kForShare };

// WINDOW name AS (spec) in a SELECT.
struct NamedWindow {
  std::string name;
  WindowSpec spec;  // spec.name: the window it refines (WINDOW w2 AS (w1 ORDER BY x)), or ""
};

struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;
};

// A query expression: either a simple SELECT (set_op == kNone) or left <set_op> right.
// ORDER BY / LIMIT / locking apply to the whole expression.
struct SelectStmt {
  std::vector<CommonTableExpr> with;
  bool with_recursive = false;

  SetOp set_op = SetOp::kNone;
  std::unique_ptr<SelectStmt> left, right;  // when set_op != kNone

  bool distinct = false;
  bool calc_found_rows = false;
  std::vector<SelectItem> items;
  std::unique_ptr<TableRef> from;  // null: no FROM (or FROM DUAL)
  ExprPtr where;
  ExprList group_by;
  bool with_rollup = false;
  ExprPtr having;
  std::vector<NamedWindow> windows;  // WINDOW clause

  std::vector<OrderItem> order_by;
  ExprPtr limit;   // LIMIT n / LIMIT offset, n / LIMIT n OFFSET m
  ExprPtr offset;
  LockMode lock = LockMode::kNone;
  bool nowait = false;
  bool skip_locked = false;
};

// ---------------------------------------------------------------------------------------------
// Statements

enum class StatementType : uint8_t {
  kSelect, kInsert, kUpdate, kDelete,
  kCreateTable, kDropTable, kCreateIndex, kDropIndex, kAlterTable, kTruncate, kRenameTable,
  kCreateDatabase, kDropDatabase, kCreateView, kUse,
  kShow, kExplain, kSet, kTransaction, kKill,
  kNoOp,  // accepted and ignored: LOCK/UNLOCK TABLES, ANALYZE TABLE, FLUSH, DO, ...
};

struct Statement {
  explicit Statement(StatementType t) : type(t) {}
  virtual ~Statement() = default;
  StatementType type;
  std::string text;  // this statement's source text (without the trailing ';')

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using StatementPtr = std::unique_ptr<Statement>;

struct SelectStatement : Statement {
  SelectStatement() : Statement(StatementType::kSelect) {}
  std::unique_ptr<SelectStmt> select;
};

struct Assignment {
  std::vector<std::string> column;  // [db.][t.]col
  ExprPtr value;                    // DefaultExpr for DEFAULT
};

struct InsertStatement : Statement {
  InsertStatement() : Statement(StatementType::kInsert) {}
  bool replace = false;  // REPLACE INTO
  bool ignore = false;
  std::string database, table;
  std::vector<std::string> columns;     // empty = all, in table order
  std::vector<ExprList> values;         // VALUES (...), (...); an empty list is VALUES ()
  std::unique_ptr<SelectStmt> select;   // INSERT ... SELECT
  std::vector<Assignment> set_list;     // INSERT ... SET a = 1
  std::string row_alias;                // VALUES (...) AS new
  std::vector<std::string> row_alias_columns;
  std::vector<Assignment> on_duplicate;  // ON DUPLICATE KEY UPDATE
};

struct UpdateStatement : Statement {
  UpdateStatement() : Statement(StatementType::kUpdate) {}
  bool ignore = false;
  std::unique_ptr<TableRef> table;  // a base table, or joins for multi-table UPDATE
  std::vector<Assignment> set;
  ExprPtr where;
  std::vector<OrderItem> order_by;
  ExprPtr limit;
};

struct DeleteStatement : Statement {
  DeleteStatement() : Statement(StatementType::kDelete) {}
  bool ignore = false;
  std::string database, table, alias;  // single-table DELETE FROM t [AS a]
  // Multi-table: DELETE t1, t2 FROM <joins> / DELETE FROM t1 USING <joins>
  std::vector<std::vector<std::string>> targets;
  std::unique_ptr<TableRef> from;
  ExprPtr where;
  std::vector<OrderItem> order_by;
  ExprPtr limit;
};

enum class RefAction : uint8_t { kRestrict, kCascade, kSetNull, kNoAction, kSetDefault };

struct IndexPart {
  std::string column;
  int prefix_length = 0;
  bool descending = false;
  ExprPtr expr;  // functional key part ((expr)), e.g. ((VEC_COSINE_DISTANCE(v)))
};

struct ColumnDef {
  std::string name;
  LogicalType type;  // with collation when CHARACTER SET / COLLATE was given
  std::optional<bool> nullable;  // nullopt: not specified
  bool auto_increment = false;
  bool primary_key = false;  // inline PRIMARY KEY
  bool unique = false;       // inline UNIQUE [KEY]
  ExprPtr default_value;     // DEFAULT literal / (expr) / CURRENT_TIMESTAMP
  bool default_parenthesized = false;
  bool on_update_current_timestamp = false;
  std::string comment;
  ExprPtr generated;         // GENERATED ALWAYS AS (expr)
  bool generated_stored = false;
  ExprPtr check;             // inline CHECK (expr)
  // Inline REFERENCES t(c) [ON DELETE ...] (parsed; MySQL ignores it, so do we)
  std::string references_table;
};

enum class ConstraintKind : uint8_t {
  kPrimaryKey, kUnique, kIndex, kFulltext, kVectorIndex, kForeignKey, kCheck,
};

// vexdb's HNSW parameters of a vector index (M = 32 EF_CONSTRUCTION = 100 ...); unset when not
// written.
struct VectorIndexParams {
  std::optional<int64_t> m, ef_construction, ef_search;
  std::string quantization;  // NONE, BF16, ... as written; "" when not written
  bool empty() const { return !m && !ef_construction && !ef_search && quantization.empty(); }
};

struct ConstraintDef {
  ConstraintKind kind = ConstraintKind::kIndex;
  std::string name;        // CONSTRAINT name, or the index name
  std::string index_name;  // UNIQUE KEY / FOREIGN KEY [name] when both are given
  std::vector<IndexPart> parts;
  std::string using_method;  // BTREE, HASH, HNSW, ""
  std::string comment;
  std::vector<std::string> options;  // other index options as written (ADD_COLUMNAR_REPLICA_ON_DEMAND...)
  VectorIndexParams vector_params;
  // kForeignKey
  std::string ref_database, ref_table;
  std::vector<std::string> ref_columns;
  RefAction on_delete = RefAction::kRestrict;
  RefAction on_update = RefAction::kRestrict;
  bool on_delete_given = false, on_update_given = false;
  // kCheck
  ExprPtr check;
  std::string check_text;
  bool enforced = true;
};

struct TableOptions {
  std::string engine;
  std::string charset;
  std::string collation;
  std::string comment;
  std::optional<int64_t> auto_increment;
  bool has_comment = false;
};

struct CreateTableStatement : Statement {
  CreateTableStatement() : Statement(StatementType::kCreateTable) {}
  bool if_not_exists = false;
  bool temporary = false;
  std::string database, table;
  std::vector<ColumnDef> columns;
  std::vector<ConstraintDef> constraints;
  TableOptions options;
  std::unique_ptr<SelectStmt> as_select;  // CREATE TABLE ... AS SELECT
  std::string like_database, like_table;  // CREATE TABLE t LIKE s
};

struct QualifiedName {
  std::string database;  // "" = current
  std::string name;
};

struct DropTableStatement : Statement {
  DropTableStatement() : Statement(StatementType::kDropTable) {}
  bool if_exists = false;
  bool is_view = false;  // DROP VIEW
  bool temporary = false;
  std::vector<QualifiedName> tables;
};

struct CreateIndexStatement : Statement {
  CreateIndexStatement() : Statement(StatementType::kCreateIndex) {}
  bool if_not_exists = false;
  std::string database, table;
  ConstraintDef index;  // kind kIndex / kUnique / kFulltext / kVectorIndex; name is the index name
};

struct DropIndexStatement : Statement {
  DropIndexStatement() : Statement(StatementType::kDropIndex) {}
  bool if_exists = false;
  std::string name;
  std::string database, table;
};

enum class AlterKind : uint8_t {
  kAddColumn,        // column (+ first / after)
  kDropColumn,       // name
  kModifyColumn,     // column (+ first / after)
  kChangeColumn,     // name -> column (+ first / after)
  kRenameColumn,     // name -> new_name
  kSetDefault,       // name, default_value
  kDropDefault,      // name
  kAddConstraint,    // constraint
  kDropIndex,        // name (DROP INDEX / DROP KEY)
  kDropPrimaryKey,
  kDropForeignKey,   // name
  kDropCheck,        // name (DROP CHECK / DROP CONSTRAINT)
  kRenameIndex,      // name -> new_name
  kRenameTable,      // new_database, new_name
  kOptions,          // options (COMMENT, ENGINE, CHARSET, AUTO_INCREMENT)
  kSetTiflashReplica,  // replica_count
  kCompact,          // ALTER TABLE t COMPACT [TIFLASH REPLICA]
  kIndexVisibility,  // name, invisible (ALTER INDEX i {VISIBLE|INVISIBLE})
  kIgnored,          // accepted and ignored (ALGORITHM=, LOCK=, FORCE, ...)
};

struct AlterAction {
  AlterKind kind = AlterKind::kIgnored;
  std::string name, new_name, new_database;
  ColumnDef column;
  bool first = false;
  std::string after;
  ExprPtr default_value;
  ConstraintDef constraint;
  TableOptions options;
  int64_t replica_count = 0;
  bool invisible = false;      // ALTER INDEX i INVISIBLE
  bool if_not_exists = false;  // ADD COLUMN / ADD INDEX ... IF NOT EXISTS
  bool if_exists = false;      // DROP COLUMN / DROP INDEX ... IF EXISTS
};

struct AlterTableStatement : Statement {
  AlterTableStatement() : Statement(StatementType::kAlterTable) {}
  std::string database, table;
  std::vector<AlterAction> actions;
};

struct TruncateStatement : Statement {
  TruncateStatement() : Statement(StatementType::kTruncate) {}
  std::string database, table;
};

struct RenameTableStatement : Statement {
  RenameTableStatement() : Statement(StatementType::kRenameTable) {}
  std::vector<std::pair<QualifiedName, QualifiedName>> renames;
};

struct CreateDatabaseStatement : Statement {
  CreateDatabaseStatement() : Statement(StatementType::kCreateDatabase) {}
  bool if_not_exists = false;
  std::string name, charset, collation;
};

struct DropDatabaseStatement : Statement {
  DropDatabaseStatement() : Statement(StatementType::kDropDatabase) {}
  bool if_exists = false;
  std::string name;
};

struct CreateViewStatement : Statement {
  CreateViewStatement() : Statement(StatementType::kCreateView) {}
  bool or_replace = false;
  std::string database, name;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> select;
  std::string select_text;  // source text of the SELECT
};

struct UseStatement : Statement {
  UseStatement() : Statement(StatementType::kUse) {}
  std::string database;
};

enum class ShowKind : uint8_t {
  kDatabases,     // SHOW DATABASES / SCHEMAS
  kTables,        // SHOW [FULL] TABLES [FROM db]
  kColumns,       // SHOW [FULL] COLUMNS FROM t [FROM db], DESCRIBE t [col], DESC t
  kIndex,         // SHOW INDEX|INDEXES|KEYS FROM t
  kVariables,     // SHOW [GLOBAL|SESSION] VARIABLES
  kStatus,        // SHOW [GLOBAL|SESSION] STATUS
  kCreateTable,   // SHOW CREATE TABLE t (also SHOW CREATE VIEW)
  kCreateDatabase,
  kWarnings,
  kErrors,
  kCollation,
  kCharset,
  kEngines,
  kProcessList,
  kTableStatus,
  kGrants,
  kPlugins,
};

struct ShowStatement : Statement {
  ShowStatement() : Statement(StatementType::kShow) {}
  ShowKind kind = ShowKind::kDatabases;
  bool full = false;
  bool global = false;
  bool is_describe = false;  // written as DESCRIBE/DESC/EXPLAIN t
  std::string database, table;
  std::string column;  // DESCRIBE t col
  std::optional<std::string> like;
  ExprPtr where;
};

struct ExplainStatement : Statement {
  ExplainStatement() : Statement(StatementType::kExplain) {}
  bool analyze = false;
  std::string format;
  StatementPtr statement;
};

enum class SetKind : uint8_t {
  kVariable,     // SET [GLOBAL|SESSION] x = v, SET @@x = v, SET @u = v
  kNames,        // SET NAMES cs [COLLATE c] / SET NAMES DEFAULT
  kCharset,      // SET CHARACTER SET cs
  kTransaction,  // SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL ... | READ ONLY/WRITE
};

struct SetItem {
  SetKind kind = SetKind::kVariable;
  VarScope scope = VarScope::kSession;
  bool explicit_scope = false;
  std::string name;  // variable name without @/@@/scope
  ExprPtr value;     // bare words (ON, OFF, utf8mb4) arrive as kString literals; DEFAULT as
                     // DefaultExpr
  std::string charset, collation;
  std::string isolation_level;  // "REPEATABLE READ", "READ COMMITTED", ...
  std::optional<bool> read_only;
};

struct SetStatement : Statement {
  SetStatement() : Statement(StatementType::kSet) {}
  std::vector<SetItem> items;
};

enum class TransactionKind : uint8_t {
  kBegin, kCommit, kRollback, kSavepoint, kRelease, kRollbackTo,
};

struct TransactionStatement : Statement {
  TransactionStatement() : Statement(StatementType::kTransaction) {}
  TransactionKind kind = TransactionKind::kBegin;
  std::string savepoint;
  bool read_only = false;
  bool consistent_snapshot = false;
};

struct KillStatement : Statement {
  KillStatement() : Statement(StatementType::kKill) {}
  bool query_only = false;
  int64_t connection_id = 0;
};

struct NoOpStatement : Statement {
  NoOpStatement() : Statement(StatementType::kNoOp) {}
};

}  // namespace vexdb::ast
