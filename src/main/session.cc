// Session: runs SQL for one connection.
//
// Execute() reads statements one at a time from the parser and runs each through the pipeline
// (DESIGN.md, "The life of a query"):
//   parse -> bind -> plan -> optimize -> execute
// Queries and DML go through the binder and execution/; statements that need no planning (DDL,
// SHOW, SET, transaction control) are dispatched from their AST.
//
// A SELECT that differs from one run before only in its vector literals skips parse, bind and
// plan: the session's StatementCache (statement_cache.h) hands back the bound statement and its
// optimized plan.
//
// Transactions follow MySQL: with autocommit on, each statement runs in its own transaction
// unless BEGIN opened one (a SELECT that locks no rows reads a storage snapshot instead, which
// is the same view without the transaction's cost); with autocommit off, a transaction starts
// implicitly at the first statement and lasts until COMMIT or ROLLBACK. Every statement inside a
// transaction runs under a savepoint, so a failed statement leaves no partial effect; a write
// conflict (1213) rolls back the whole transaction, as InnoDB does for deadlocks. DDL commits
// the open transaction first.

#include "main/session.h"

#include <chrono>
#include <optional>
#include <random>
#include <thread>

#include "binder/binder.h"
#include "catalog/catalog.h"
#include "common/logging.h"
#include "common/version.h"
#include "execution/ddl.h"
#include "execution/dml.h"
#include "execution/expression_evaluator.h"
#include "execution/query_executor.h"
#include "execution/show.h"
#include "main/session_state.h"
#include "parser/parser.h"
#include "storage/storage_engine.h"
#include "types/temporal.h"

namespace vexdb {

namespace {

constexpr int kMaxStatementRetries = 64;

// The system variables the server reads on every statement, resolved by name once.
struct StatementVariables {
  const SystemVariableInfo& autocommit = KnownSystemVariable("autocommit");
  const SystemVariableInfo& foreign_key_checks = KnownSystemVariable("foreign_key_checks");
  const SystemVariableInfo& div_precision_increment =
      KnownSystemVariable("div_precision_increment");
  const SystemVariableInfo& lock_wait_timeout = KnownSystemVariable("innodb_lock_wait_timeout");
  const SystemVariableInfo& statement_cache =
      KnownSystemVariable("tidb_enable_non_prepared_plan_cache");
  const SystemVariableInfo& last_plan_from_cache = KnownSystemVariable("last_plan_from_cache");
};

const StatementVariables& Variables() {
  static const StatementVariables kVariables;
  return kVariables;
}

// Sleeps a random 0..min(2^attempt, 50) ms before a statement's next attempt.
void BackOff(int attempt) {
  thread_local std::mt19937 random(std::random_device{}());
  int ceiling_ms = std::min(1 << std::min(attempt, 6), 50);
  std::uniform_int_distribution<int> pause_us(0, ceiling_ms * 1000);
  std::this_thread::sleep_for(std::chrono::microseconds(pause_us(random)));
}

QueryResult Ok(uint64_t affected = 0) {
  QueryResult result;
  result.affected_rows = affected;
  return result;
}

bool IsDdl(ast::StatementType type) {
  switch (type) {
    case ast::StatementType::kCreateTable:
    case ast::StatementType::kDropTable:
    case ast::StatementType::kCreateIndex:
    case ast::StatementType::kDropIndex:
    case ast::StatementType::kAlterTable:
    case ast::StatementType::kTruncate:
    case ast::StatementType::kRenameTable:
    case ast::StatementType::kCreateDatabase:
    case ast::StatementType::kDropDatabase:
    case ast::StatementType::kCreateView:
      return true;
    default: return false;
  }
}

}  // namespace

// The per-statement work, with access to the session's state.
class StatementRunner {
 public:
  StatementRunner(Database& db, const ConnectionInfo& info, SessionState& state)
      : db_(db), info_(info), state_(state) {}

  // A SELECT this runner binds is offered to the session's statement cache under `sql`, the
  // whole text of the single statement it runs.
  void OfferSelectsToCache(std::string_view sql) { cached_sql_ = sql; }

  Result<QueryResult> Run(const ast::Statement& statement);
  // A SELECT bound and planned earlier (the statement cache's).
  Result<QueryResult> RunPlannedSelect(const BoundQuery& query, const LogicalOperator& plan);

 private:
  bool autocommit() const { return state_.BoolVariable(Variables().autocommit); }
  bool InTransaction() const { return state_.txn != nullptr; }

  ExecContext MakeContext();
  Binder MakeBinder(bool tag_literals = false);
  Transaction& EnsureTransaction();
  Status CommitTransaction();
  void RollbackTransaction();
  // Runs fn inside the transaction under a statement savepoint; commits if autocommit.
  Result<QueryResult> InTransactionScope(const std::function<Result<QueryResult>(ExecContext&)>& fn);
  Result<QueryResult> RunOnce(const std::function<Result<QueryResult>(ExecContext&)>& fn);
  // Runs fn on a read-only snapshot, outside any transaction.
  Result<QueryResult> RunOnSnapshot(const std::function<Result<QueryResult>(ExecContext&)>& fn);

  Result<QueryResult> RunSelect(const ast::SelectStatement& select);
  Result<QueryResult> RunInsert(const ast::InsertStatement& insert);
  Result<QueryResult> RunUpdate(const ast::UpdateStatement& update);
  Result<QueryResult> RunDelete(const ast::DeleteStatement& del);
  Result<QueryResult> RunExplain(const ast::ExplainStatement& explain);
  Result<QueryResult> RunDdl(const ast::Statement& statement);
  Result<QueryResult> RunShow(const ast::ShowStatement& show);
  Result<QueryResult> RunSet(const ast::SetStatement& set);
  Result<QueryResult> RunSetItem(const ast::SetItem& item);
  Result<QueryResult> RunTransaction(const ast::TransactionStatement& statement);
  Result<QueryResult> RunUse(const ast::UseStatement& use);

  Database& db_;
  const ConnectionInfo& info_;
  SessionState& state_;
  int64_t now_ = NowMicros();
  std::optional<std::string_view> cached_sql_;
};

ExecContext StatementRunner::MakeContext() {
  ExecContext ctx;
  ctx.txn = state_.txn.get();
  ctx.storage = &db_.storage();
  ctx.catalog = &db_.catalog();
  ctx.variables = &state_;
  ctx.system_tables = &db_.information_schema();
  ctx.interrupted = &state_.interrupted;
  ctx.foreign_key_checks = state_.BoolVariable(Variables().foreign_key_checks);
  ctx.client_found_rows = info_.client_found_rows;
  ctx.counters = &db_.counters();
  ctx.vector_indexes = &db_.vector_indexes();
  FunctionContext& f = ctx.function;
  f.statement_time_micros = now_;
  f.current_database = state_.current_database;
  f.current_user = info_.user + "@" + info_.host;
  f.connection_id = info_.connection_id;
  f.last_insert_id = state_.last_insert_id;
  f.found_rows = state_.found_rows;
  f.row_count = static_cast<uint64_t>(state_.row_count);
  f.version = kServerVersion;
  f.interrupted = &state_.interrupted;
  Value increment = state_.SessionValue(Variables().div_precision_increment);
  if (increment.kind() == ValueKind::kInt) {
    f.div_precision_increment = static_cast<int>(increment.int_value());
  }
  return ctx;
}

Binder StatementRunner::MakeBinder(bool tag_literals) {
  BinderOptions options;
  options.current_database = state_.current_database;
  options.system_tables = &db_.information_schema();
  options.variables = &state_;
  options.tag_literals = tag_literals;
  return Binder(db_.catalog(), std::move(options));
}

Transaction& StatementRunner::EnsureTransaction() {
  if (state_.txn) return *state_.txn;
  TransactionOptions options;  // a row lock is waited for innodb_lock_wait_timeout seconds
  Value timeout = state_.SessionValue(Variables().lock_wait_timeout);
  if (timeout.kind() == ValueKind::kInt && timeout.int_value() >= 0) {
    options.lock_wait_timeout_ms = timeout.int_value() * 1000;
  }
  state_.txn = db_.storage().BeginTransaction(options);
  return *state_.txn;
}

Status StatementRunner::CommitTransaction() {
  if (!state_.txn) return Status::OK();
  std::unique_ptr<Transaction> txn = std::move(state_.txn);
  state_.explicit_transaction = false;
  state_.savepoints.clear();
  if (!txn->has_writes()) {  // nothing to make durable: skip the synced WAL write
    txn->Rollback();
    return Status::OK();
  }
  Status status = txn->Commit();
  if (!status.ok()) txn->Rollback();
  return status;
}

void StatementRunner::RollbackTransaction() {
  if (state_.txn) state_.txn->Rollback();
  state_.txn.reset();
  state_.explicit_transaction = false;
  state_.savepoints.clear();
}

Result<QueryResult> StatementRunner::InTransactionScope(
    const std::function<Result<QueryResult>(ExecContext&)>& fn) {
  // A statement that is its own transaction is retried on a write conflict, in a new
  // transaction with a newer snapshot (as TiDB's pessimistic mode does), so autocommit
  // writers to a hot row wait for each other instead of failing.
  // A retry takes its snapshot before it waits for the row lock, so under contention it can
  // lose again; a jittered, growing pause spreads the contenders out.
  bool own_transaction = !state_.txn && autocommit();
  for (int attempt = 1;; ++attempt) {
    Result<QueryResult> result = RunOnce(fn);
    if (!own_transaction || attempt == kMaxStatementRetries ||
        !result.status().Is(ErrorCode::kLockDeadlock)) {
      return result;
    }
    BackOff(attempt);
  }
}

Result<QueryResult> StatementRunner::RunOnce(
    const std::function<Result<QueryResult>(ExecContext&)>& fn) {
  Transaction& txn = EnsureTransaction();
  txn.SetSavepoint();
  ExecContext ctx = MakeContext();
  Result<QueryResult> result = fn(ctx);
  if (!result.ok()) {
    if (result.status().Is(ErrorCode::kLockDeadlock)) {
      RollbackTransaction();
    } else {
      Status undo = txn.RollbackToSavepoint();
      if (!undo.ok()) RollbackTransaction();
      if (autocommit() && !state_.explicit_transaction) RollbackTransaction();
    }
    return result;
  }
  txn.PopSavepoint();
  if (autocommit() && !state_.explicit_transaction) VEXDB_RETURN_IF_ERROR(CommitTransaction());
  return result;
}

Result<QueryResult> StatementRunner::RunOnSnapshot(
    const std::function<Result<QueryResult>(ExecContext&)>& fn) {
  std::unique_ptr<Transaction> snapshot = db_.storage().BeginSnapshotRead();
  ExecContext ctx = MakeContext();
  ctx.txn = snapshot.get();
  return fn(ctx);
}

Result<QueryResult> StatementRunner::RunSelect(const ast::SelectStatement& select) {
  uint64_t catalog_version = db_.catalog().version();  // before binding: a DDL may follow
  Binder binder = MakeBinder(/*tag_literals=*/cached_sql_.has_value());
  VEXDB_ASSIGN_OR_RETURN(std::shared_ptr<BoundQuery> query, binder.BindQuery(*select.select));
  VEXDB_ASSIGN_OR_RETURN(LogicalOperatorPtr plan, OptimizedPlan(*query));
  Result<QueryResult> result = RunPlannedSelect(*query, *plan);
  if (cached_sql_ && result.ok()) {
    state_.statement_cache.Offer(*cached_sql_, state_.current_database, catalog_version,
                                 std::move(query), std::move(plan), binder.pinned_ranges());
  }
  return result;
}

Result<QueryResult> StatementRunner::RunPlannedSelect(const BoundQuery& query,
                                                      const LogicalOperator& plan) {
  auto run = [&](ExecContext& ctx) { return ExecuteSelect(query, plan, ctx); };
  // A SELECT that is its own transaction and locks nothing reads a snapshot: the transaction
  // it would begin and commit could hold no locks and no writes.
  bool snapshot_only = !state_.txn && autocommit() && !LocksRows(query);
  VEXDB_ASSIGN_OR_RETURN(QueryResult result, snapshot_only ? RunOnSnapshot(run)
                                                           : InTransactionScope(run));
  state_.found_rows = result.rows.size();
  state_.row_count = -1;
  return result;
}

Result<QueryResult> StatementRunner::RunInsert(const ast::InsertStatement& insert) {
  Binder binder = MakeBinder();
  VEXDB_ASSIGN_OR_RETURN(BoundInsert bound, binder.BindInsert(insert));
  VEXDB_ASSIGN_OR_RETURN(QueryResult result,
                         InTransactionScope([&](ExecContext& ctx) { return ExecuteInsert(bound, ctx); }));
  if (result.last_insert_id != 0) state_.last_insert_id = result.last_insert_id;
  state_.row_count = static_cast<int64_t>(result.affected_rows);
  return result;
}

Result<QueryResult> StatementRunner::RunUpdate(const ast::UpdateStatement& update) {
  Binder binder = MakeBinder();
  VEXDB_ASSIGN_OR_RETURN(BoundUpdate bound, binder.BindUpdate(update));
  VEXDB_ASSIGN_OR_RETURN(QueryResult result,
                         InTransactionScope([&](ExecContext& ctx) { return ExecuteUpdate(bound, ctx); }));
  state_.row_count = static_cast<int64_t>(result.affected_rows);
  return result;
}

Result<QueryResult> StatementRunner::RunDelete(const ast::DeleteStatement& del) {
  Binder binder = MakeBinder();
  VEXDB_ASSIGN_OR_RETURN(BoundDelete bound, binder.BindDelete(del));
  VEXDB_ASSIGN_OR_RETURN(QueryResult result,
                         InTransactionScope([&](ExecContext& ctx) { return ExecuteDelete(bound, ctx); }));
  state_.row_count = static_cast<int64_t>(result.affected_rows);
  return result;
}

Result<QueryResult> StatementRunner::RunExplain(const ast::ExplainStatement& explain) {
  const ast::Statement& inner = *explain.statement;
  if (inner.type != ast::StatementType::kSelect) {
    return Status::Error(ErrorCode::kNotSupportedYet, "EXPLAIN of this statement");
  }
  Binder binder = MakeBinder();
  VEXDB_ASSIGN_OR_RETURN(std::shared_ptr<BoundQuery> query,
                         binder.BindQuery(*inner.As<ast::SelectStatement>().select));
  return ExplainQuery(*query);
}

Result<QueryResult> StatementRunner::RunDdl(const ast::Statement& statement) {
  VEXDB_RETURN_IF_ERROR(CommitTransaction());
  std::lock_guard ddl_lock(db_.ddl_mutex());
  DdlContext ctx{db_.catalog(),
                 db_.storage(),
                 state_.current_database,
                 state_.BoolVariable(Variables().foreign_key_checks),
                 now_,
                 &db_.information_schema(),
                 &state_};
  VEXDB_ASSIGN_OR_RETURN(QueryResult result, ExecuteDdl(statement, ctx));
  db_.SyncVectorIndexes();
  if (statement.type == ast::StatementType::kDropDatabase &&
      NameEquals(statement.As<ast::DropDatabaseStatement>().name, state_.current_database)) {
    state_.current_database.clear();
  }
  return result;
}

Result<QueryResult> StatementRunner::RunShow(const ast::ShowStatement& show) {
  ShowContext ctx{db_.catalog(), db_.storage(), state_.current_database,
                  [this](bool global) {
                    std::vector<VariableRow> rows;
                    for (const auto& info : AllSystemVariables()) {
                      auto value = state_.GetSystemVariable(info.name, global);
                      if (!value.ok()) continue;
                      rows.push_back({info.name, VariableValueText(info, *value)});
                    }
                    return rows;
                  },
                  [this](bool global) {
                    std::vector<VariableRow> rows;
                    for (const auto& [name, value] : db_.counters().Snapshot()) {
                      rows.push_back({name, std::to_string(value)});
                    }
                    return rows;
                  },
                  &state_.diagnostics};
  return ExecuteShow(show, ctx);
}

Result<QueryResult> StatementRunner::RunSetItem(const ast::SetItem& item) {
  switch (item.kind) {
    case ast::SetKind::kNames:
    case ast::SetKind::kCharset: {
      std::string charset = item.charset.empty() ? "utf8mb4" : item.charset;
      for (const char* name : {"character_set_client", "character_set_results"}) {
        VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable(name, false, Value::String(charset)));
      }
      if (item.kind == ast::SetKind::kNames) {
        VEXDB_RETURN_IF_ERROR(
            state_.SetSystemVariable("character_set_connection", false, Value::String(charset)));
        if (!item.collation.empty()) {
          VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable("collation_connection", false,
                                                         Value::String(item.collation)));
        }
      }
      return Ok();
    }
    case ast::SetKind::kTransaction: {
      bool global = item.scope == ast::VarScope::kGlobal;
      if (!item.isolation_level.empty()) {
        VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable("transaction_isolation", global,
                                                       Value::String(item.isolation_level)));
      }
      if (item.read_only.has_value()) {
        VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable("transaction_read_only", global,
                                                       Value::Int(*item.read_only ? 1 : 0)));
      }
      return Ok();
    }
    case ast::SetKind::kVariable: break;
  }
  Value value;
  if (item.value->type == ast::ExprType::kDefault) {
    const SystemVariableInfo* info = FindSystemVariable(item.name);
    if (info == nullptr) return Status::Error(ErrorCode::kUnknownSystemVariable, item.name);
    value = db_.globals().Get(*info);
  } else {
    Binder binder = MakeBinder();
    VEXDB_ASSIGN_OR_RETURN(BoundExprPtr bound, binder.BindConstantExpr(*item.value));
    ExecContext ctx = MakeContext();
    VEXDB_ASSIGN_OR_RETURN(value, Evaluate(*bound, Row(), ctx));
  }
  if (item.scope == ast::VarScope::kUser) {
    state_.SetUserVariable(item.name, std::move(value));
    return Ok();
  }
  bool global = item.scope == ast::VarScope::kGlobal;
  std::string name = FoldName(item.name);
  bool was_autocommit = autocommit();
  VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable(name, global, value));
  if (name == "autocommit" && !global && autocommit() && !was_autocommit) {
    VEXDB_RETURN_IF_ERROR(CommitTransaction());  // turning autocommit on commits (MySQL)
  }
  if (name == "transaction_isolation" || name == "tx_isolation") {
    VEXDB_ASSIGN_OR_RETURN(Value stored, state_.GetSystemVariable(name, global));
    const char* other = name == "tx_isolation" ? "transaction_isolation" : "tx_isolation";
    VEXDB_RETURN_IF_ERROR(state_.SetSystemVariable(other, global, stored));
  }
  return Ok();
}

Result<QueryResult> StatementRunner::RunSet(const ast::SetStatement& set) {
  for (const auto& item : set.items) VEXDB_RETURN_IF_ERROR(RunSetItem(item).status());
  return Ok();
}

Result<QueryResult> StatementRunner::RunTransaction(const ast::TransactionStatement& statement) {
  switch (statement.kind) {
    case ast::TransactionKind::kBegin:
      VEXDB_RETURN_IF_ERROR(CommitTransaction());
      EnsureTransaction();
      state_.explicit_transaction = true;
      return Ok();
    case ast::TransactionKind::kCommit:
      VEXDB_RETURN_IF_ERROR(CommitTransaction());
      return Ok();
    case ast::TransactionKind::kRollback:
      RollbackTransaction();
      return Ok();
    case ast::TransactionKind::kSavepoint: {
      // A re-declared name shadows the older one (lookups search from the newest).
      EnsureTransaction().SetSavepoint();
      state_.savepoints.push_back(statement.savepoint);
      return Ok();
    }
    case ast::TransactionKind::kRelease:
    case ast::TransactionKind::kRollbackTo: {
      auto& names = state_.savepoints;
      int position = -1;
      for (int i = static_cast<int>(names.size()) - 1; i >= 0; --i) {
        if (NameEquals(names[i], statement.savepoint)) {
          position = i;
          break;
        }
      }
      if (position < 0 || !state_.txn) {
        return Status::Error(ErrorCode::kSavepointNotExist, statement.savepoint);
      }
      bool rollback = statement.kind == ast::TransactionKind::kRollbackTo;
      // Savepoints above the named one go away either way.
      while (static_cast<int>(names.size()) > position + 1) {
        if (rollback) {
          VEXDB_RETURN_IF_ERROR(state_.txn->RollbackToSavepoint());
        } else {
          state_.txn->PopSavepoint();
        }
        names.pop_back();
      }
      if (rollback) {  // ROLLBACK TO keeps the savepoint itself
        VEXDB_RETURN_IF_ERROR(state_.txn->RollbackToSavepoint());
        state_.txn->SetSavepoint();
      } else {
        state_.txn->PopSavepoint();
        names.pop_back();
      }
      return Ok();
    }
  }
  return Ok();
}

Result<QueryResult> StatementRunner::RunUse(const ast::UseStatement& use) {
  if (!db_.catalog().GetDatabase(use.database)) {
    return Status::Error(ErrorCode::kBadDb, use.database);
  }
  state_.current_database = db_.catalog().GetDatabase(use.database)->name;
  return Ok();
}

Result<QueryResult> StatementRunner::Run(const ast::Statement& statement) {
  state_.interrupted = false;
  if (IsDdl(statement.type)) return RunDdl(statement);
  switch (statement.type) {
    case ast::StatementType::kSelect: return RunSelect(statement.As<ast::SelectStatement>());
    case ast::StatementType::kInsert: return RunInsert(statement.As<ast::InsertStatement>());
    case ast::StatementType::kUpdate: return RunUpdate(statement.As<ast::UpdateStatement>());
    case ast::StatementType::kDelete: return RunDelete(statement.As<ast::DeleteStatement>());
    case ast::StatementType::kExplain: return RunExplain(statement.As<ast::ExplainStatement>());
    case ast::StatementType::kShow: return RunShow(statement.As<ast::ShowStatement>());
    case ast::StatementType::kSet: return RunSet(statement.As<ast::SetStatement>());
    case ast::StatementType::kTransaction:
      return RunTransaction(statement.As<ast::TransactionStatement>());
    case ast::StatementType::kUse: return RunUse(statement.As<ast::UseStatement>());
    case ast::StatementType::kKill: {
      const auto& kill = statement.As<ast::KillStatement>();
      if (!db_.Kill(static_cast<uint32_t>(kill.connection_id), kill.query_only)) {
        return Status::WithMessage(ErrorCode::kUnknown,
                                   "Unknown thread id: " + std::to_string(kill.connection_id));
      }
      return Ok();
    }
    case ast::StatementType::kNoOp: return Ok();
    default: break;
  }
  return Status::Error(ErrorCode::kNotSupportedYet, "this statement");
}

namespace {

// SHOW WARNINGS and SHOW ERRORS list the diagnostics of the statement before them; every other
// statement replaces them with its own (an error becomes one Error row).
void RememberDiagnostics(const Result<QueryResult>& result, SessionState* state) {
  if (result.ok()) {
    state->diagnostics = result->diagnostics;
  } else {
    const Status& error = result.status();
    state->diagnostics = {{"Error", error.mysql_errno(), error.message()}};
  }
}

bool ShowsDiagnostics(const ast::Statement& statement) {
  if (statement.type != ast::StatementType::kShow) return false;
  ast::ShowKind kind = statement.As<ast::ShowStatement>().kind;
  return kind == ast::ShowKind::kWarnings || kind == ast::ShowKind::kErrors;
}

}  // namespace

Session::Session(Database& db, const ConnectionInfo& info)
    : db_(db), info_(info), state_(std::make_unique<SessionState>(db.globals())) {
  state_->current_database = "";
  db_.Register(info_.connection_id, this);
}

Session::~Session() {
  db_.Unregister(info_.connection_id);
  if (state_->txn) state_->txn->Rollback();
}

Status Session::Execute(std::string_view sql, bool multi_statements,
                        const ResultCallback& on_result) {
  const auto start = std::chrono::steady_clock::now();
  Status status = ExecuteAll(sql, multi_statements, on_result);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  Count(&db_.counters().statement_time_ns,
        std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
  return status;
}

Status Session::ExecuteAll(std::string_view sql, bool multi_statements,
                           const ResultCallback& on_result) {
  bool use_cache = state_->BoolVariable(Variables().statement_cache);
  if (use_cache) {
    std::optional<StatementCache::Statement> cached =
        state_->statement_cache.Lookup(sql, state_->current_database, db_.catalog().version());
    if (cached) return ExecuteCached(*cached->query, *cached->plan, on_result);
  }
  Parser parser(sql);
  if (parser.AtEnd()) return Status::Error(ErrorCode::kEmptyQuery);
  while (true) {
    VEXDB_ASSIGN_OR_RETURN(ast::StatementPtr statement, parser.ParseNext());
    bool more = !parser.AtEnd();
    if (more && !multi_statements) {
      return Status::Error(ErrorCode::kParseError, 1, statement->text.size() + 1, ";");
    }
    Count(&db_.counters().questions);
    StatementRunner runner(db_, info_, *state_);
    if (use_cache && !more) runner.OfferSelectsToCache(sql);
    Result<QueryResult> result = runner.Run(*statement);
    if (!ShowsDiagnostics(*statement)) RememberDiagnostics(result, state_.get());
    state_->RecordSystemVariable(Variables().last_plan_from_cache, Value::Int(0));
    if (!result.ok()) return result.status();
    VEXDB_RETURN_IF_ERROR(on_result(std::move(*result), more));
    if (!more) return Status::OK();
  }
}

Status Session::ExecuteCached(const BoundQuery& query, const LogicalOperator& plan,
                              const ResultCallback& on_result) {
  Count(&db_.counters().questions);
  state_->interrupted = false;
  StatementRunner runner(db_, info_, *state_);
  Result<QueryResult> result = runner.RunPlannedSelect(query, plan);
  RememberDiagnostics(result, state_.get());
  state_->RecordSystemVariable(Variables().last_plan_from_cache, Value::Int(1));
  if (!result.ok()) return result.status();
  return on_result(std::move(*result), /*more=*/false);
}

Result<QueryResult> Session::ExecuteOne(std::string_view sql) {
  std::optional<QueryResult> out;
  VEXDB_RETURN_IF_ERROR(Execute(sql, false, [&out](QueryResult&& result, bool more) {
    out = std::move(result);
    return Status::OK();
  }));
  return std::move(*out);
}

Status Session::UseDatabase(std::string_view name) {
  auto info = db_.catalog().GetDatabase(name);
  if (!info) return Status::Error(ErrorCode::kBadDb, name);
  state_->current_database = info->name;
  return Status::OK();
}

const std::string& Session::current_database() const { return state_->current_database; }

uint16_t Session::status_flags() const {
  uint16_t flags = 0;
  if (state_->txn) flags |= kServerStatusInTrans;
  if (state_->BoolVariable(Variables().autocommit)) flags |= kServerStatusAutocommit;
  return flags;
}

void Session::Reset() {
  if (state_->txn) state_->txn->Rollback();
  std::string database = state_->current_database;
  state_ = std::make_unique<SessionState>(db_.globals());
  state_->current_database = database;
}

void Session::Interrupt() { state_->interrupted = true; }

void Session::Close() { state_->closed = true; }

bool Session::closed() const { return state_->closed; }

}  // namespace vexdb
