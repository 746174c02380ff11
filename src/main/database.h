#pragma once

// Database: one open vexdb instance. It owns the storage engine, the catalog and the background
// workers, and creates Sessions. Open() creates the data directory on first use with the
// databases `test` and `mysql`. Thread safety: all methods may be called from any thread.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/result.h"
#include "execution/status_counters.h"
#include "main/system_variables.h"

namespace vexdb {

class Catalog;
class InformationSchema;
class Session;
class StorageEngine;
class VectorIndexRegistry;

struct DatabaseOptions {
  std::string data_dir = "./data";
  bool sync_commit = true;  // fsync the WAL before acknowledging COMMIT
  // RocksDB block cache for table data. Vector scans read every row, so it pays to hold the
  // vectors; 1 GiB keeps about 330k 768-dim rows.
  size_t block_cache_mb = 1024;
};

// Who is on the other end of a connection.
struct ConnectionInfo {
  uint32_t connection_id = 0;
  std::string user = "root";
  std::string host = "127.0.0.1";
  bool client_found_rows = false;  // CLIENT_FOUND_ROWS negotiated: UPDATE reports matched rows
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  ~Database();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // A new session; the caller owns it and must destroy it before the Database.
  std::unique_ptr<Session> NewSession(const ConnectionInfo& info);

  // Asks the statement running on connection `id` to stop (KILL QUERY) or the connection to close
  // (KILL). Returns false if no such connection.
  bool Kill(uint32_t connection_id, bool query_only);

  StorageEngine& storage() { return *storage_; }
  Catalog& catalog() { return *catalog_; }
  InformationSchema& information_schema() { return *information_schema_; }
  VectorIndexRegistry& vector_indexes() { return *vector_indexes_; }
  GlobalVariables& globals() { return globals_; }
  StatusCounters& counters() { return counters_; }
  // Held by every DDL statement: catalog changes are read-modify-write of table definitions.
  std::mutex& ddl_mutex() { return ddl_mu_; }
  const DatabaseOptions& options() const { return options_; }
  // Brings the vector index graphs in line with the catalog: schedules building the graphs of
  // every table with a vector index (at start-up, after DDL) and drops those of dropped tables.
  void SyncVectorIndexes();

 private:
  friend class Session;
  explicit Database(DatabaseOptions options);
  void Register(uint32_t connection_id, Session* session);
  void Unregister(uint32_t connection_id);

  DatabaseOptions options_;
  std::unique_ptr<StorageEngine> storage_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<InformationSchema> information_schema_;
  // Declared after storage_ so that it stops its worker before the storage closes.
  std::unique_ptr<VectorIndexRegistry> vector_indexes_;
  GlobalVariables globals_;
  StatusCounters counters_;
  std::mutex ddl_mu_;
  std::mutex sessions_mu_;
  std::map<uint32_t, Session*> sessions_;  // live sessions by connection id, for KILL
};

}  // namespace vexdb
