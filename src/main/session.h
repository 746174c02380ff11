#pragma once

// Session: the state of one client connection (current database, transaction, variables) and
// the entry point for SQL. Execute() runs parse -> bind -> plan -> optimize -> execute for each
// statement of a (possibly multi-statement) query text. A vector search whose text differs from
// an earlier one only in its query vectors skips parse, bind and plan: it runs the statement
// kept in the session's statement cache (statement_cache.h).
//
// Thread safety: a Session is used by one connection thread at a time; Interrupt() alone may be
// called from another thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "main/database.h"
#include "types/query_result.h"

namespace vexdb {

class SessionState;
struct BoundQuery;
struct LogicalOperator;

// MySQL server status flags that depend on the session (OK/EOF packets).
inline constexpr uint16_t kServerStatusInTrans = 0x0001;
inline constexpr uint16_t kServerStatusAutocommit = 0x0002;
inline constexpr uint16_t kServerStatusMoreResultsExist = 0x0008;

class Session {
 public:
  Session(Database& db, const ConnectionInfo& info);
  ~Session();  // rolls back an open transaction

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs every statement in `sql` (';'-separated when multi_statements, else exactly one).
  // Calls on_result once per statement that succeeded, with `more` true if another statement
  // follows; stops at the first error and returns it (statements before it stay executed).
  // An empty query returns kEmptyQuery. The time taken, on_result included, is added to the
  // Vexdb_statement_time_us status counter.
  using ResultCallback = std::function<Status(QueryResult&& result, bool more)>;
  Status Execute(std::string_view sql, bool multi_statements, const ResultCallback& on_result);

  // Convenience for tests and tools: runs exactly one statement.
  Result<QueryResult> ExecuteOne(std::string_view sql);

  // COM_INIT_DB / the handshake's database: kBadDb (1049) if it does not exist.
  Status UseDatabase(std::string_view name);
  const std::string& current_database() const;

  // Server status flags for OK/EOF packets: IN_TRANS, AUTOCOMMIT.
  uint16_t status_flags() const;

  // COM_RESET_CONNECTION: rolls back, clears variables, keeps the current database.
  void Reset();

  // Called from another thread (KILL QUERY): the running statement fails with kQueryInterrupted.
  // KILL CONNECTION additionally marks the session closed; the server drops the connection when
  // closed() turns true.
  void Interrupt();
  void Close();
  bool closed() const;

  const ConnectionInfo& connection() const { return info_; }

 private:
  Status ExecuteAll(std::string_view sql, bool multi_statements, const ResultCallback& on_result);
  Status ExecuteCached(const BoundQuery& query, const LogicalOperator& plan,
                       const ResultCallback& on_result);
  Database& db_;
  ConnectionInfo info_;
  std::unique_ptr<SessionState> state_;
};

}  // namespace vexdb
