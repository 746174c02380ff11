// Information functions: the session and server facts a client asks for (DATABASE(), USER(),
// CONNECTION_ID(), LAST_INSERT_ID(), VERSION(), ...), read from the FunctionContext the session
// fills for each statement. None is deterministic: they are never constant-folded at bind time.

#include <chrono>
#include <thread>

#include "function/function_tables.h"
#include "function/function_util.h"

namespace vexdb {

namespace {

constexpr const char* kDefaultVersion = "8.0.11-TiDB-v8.5.0-vexdb";
constexpr const char* kTidbVersion =
    "Release Version: v8.5.0\n"
    "Edition: Community\n"
    "Git Commit Hash: None\n"
    "Git Branch: None\n"
    "UTC Build Time: None\n"
    "GoVersion: None\n"
    "Race Enabled: false\n"
    "Check Table Before Drop: false\n"
    "Store: vexdb";

Result<Value> Database(const FunctionArgs& args) {
  if (args.context.current_database.empty()) return Value::Null();
  return Value::String(args.context.current_database);
}

Result<Value> User(const FunctionArgs& args) { return Value::String(args.context.current_user); }

// CURRENT_USER() names the account ('root@%'), USER() the client ('root@127.0.0.1').
Result<Value> CurrentUser(const FunctionArgs& args) {
  const std::string& user = args.context.current_user;
  return Value::String(user.substr(0, user.find('@')) + "@%");
}

Result<Value> ConnectionId(const FunctionArgs& args) {
  return Value::UInt(args.context.connection_id);
}

// LAST_INSERT_ID(expr) also sets the value later calls (and the OK packet) report.
Result<Value> LastInsertId(const FunctionArgs& args) {
  if (!args.values.empty()) {
    args.context.last_insert_id =
        args.values[0].is_null() ? 0 : static_cast<uint64_t>(ArgInt(args, 0));
  }
  return Value::UInt(args.context.last_insert_id);
}

Result<Value> FoundRows(const FunctionArgs& args) {
  return Value::Int(static_cast<int64_t>(args.context.found_rows));
}

Result<Value> RowCount(const FunctionArgs& args) {
  return Value::Int(static_cast<int64_t>(args.context.row_count));
}

Result<Value> Version(const FunctionArgs& args) {
  return Value::String(args.context.version.empty() ? kDefaultVersion : args.context.version);
}

Result<Value> TidbVersion(const FunctionArgs&) { return Value::String(kTidbVersion); }

bool IsCharacterType(const LogicalType& t) { return t.IsString() && t.id != TypeId::kJson; }

Result<Value> Charset(const FunctionArgs& args) {
  return Value::String(IsCharacterType(args.types[0]) ? "utf8mb4" : "binary");
}

Result<Value> Collation(const FunctionArgs& args) {
  const LogicalType& t = args.types[0];
  if (!IsCharacterType(t)) return Value::String("binary");
  return Value::String(t.collation.empty() ? "utf8mb4_bin" : t.collation);
}

// SLEEP(seconds) returns 0 after sleeping, or 1 as soon as KILL QUERY interrupts it (MySQL).
Result<Value> Sleep(const FunctionArgs& args) {
  double seconds = args.values[0].is_null() ? 0 : ArgDouble(args, 0);
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                         std::min(seconds, 365.0 * 24 * 3600)));
  const std::atomic<bool>* interrupted = args.context.interrupted;
  while (Clock::now() < deadline) {
    if (interrupted != nullptr && interrupted->load(std::memory_order_relaxed)) {
      return Value::Int(1);
    }
    std::this_thread::sleep_until(std::min(deadline, Clock::now() + std::chrono::milliseconds(10)));
  }
  return Value::Int(0);
}

Result<LogicalType> ReturnVersion(std::span<const LogicalType>) { return LogicalType::Varchar(64); }

constexpr ScalarFunction kInfoFunctions[] = {
    {"database", 0, 0, ReturnVarchar<64>, Database, false, false, nullptr},
    {"schema", 0, 0, ReturnVarchar<64>, Database, false, false, nullptr},
    {"user", 0, 0, ReturnVarchar<288>, User, false, false, nullptr},
    {"session_user", 0, 0, ReturnVarchar<288>, User, false, false, nullptr},
    {"system_user", 0, 0, ReturnVarchar<288>, User, false, false, nullptr},
    {"current_user", 0, 0, ReturnVarchar<288>, CurrentUser, false, false, nullptr},
    {"connection_id", 0, 0, ReturnUnsignedBigInt, ConnectionId, false, false, nullptr},
    {"last_insert_id", 0, 1, ReturnUnsignedBigInt, LastInsertId, false, false, nullptr},
    {"found_rows", 0, 0, ReturnBigInt, FoundRows, false, false, nullptr},
    {"row_count", 0, 0, ReturnBigInt, RowCount, false, false, nullptr},
    {"version", 0, 0, ReturnVersion, Version, false, false, nullptr},
    {"tidb_version", 0, 0, ReturnLongText, TidbVersion, false, false, nullptr},
    {"charset", 1, 1, ReturnVarchar<64>, Charset, false, false, nullptr},
    {"collation", 1, 1, ReturnVarchar<64>, Collation, false, false, nullptr},
    {"sleep", 1, 1, ReturnBigInt, Sleep, false, false, nullptr},
};

}  // namespace

std::span<const ScalarFunction> InfoFunctions() { return kInfoFunctions; }

}  // namespace vexdb
