#include "main/database.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "catalog/catalog.h"
#include "execution/show.h"
#include "execution/vector_index_registry.h"
#include "main/session.h"
#include "storage/storage_engine.h"

namespace vexdb {

Database::Database(DatabaseOptions options) : options_(std::move(options)) {}

Database::~Database() = default;

void Database::SyncVectorIndexes() {
  std::set<int64_t> indexed_tables;
  for (const DatabaseInfo& database : catalog_->ListDatabases()) {
    for (const TableRef& table : catalog_->ListTables(database.name)) {
      bool indexed = std::any_of(table->indexes.begin(), table->indexes.end(),
                                 [](const IndexInfo& i) { return i.kind == IndexKind::kHnsw; });
      if (!indexed) continue;
      indexed_tables.insert(table->id);
      vector_indexes_->Schedule(*table);
    }
  }
  vector_indexes_->RetainOnly(indexed_tables);
}

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    return Status::Internal("cannot create data directory '" + options.data_dir + "': " +
                            ec.message());
  }
  std::unique_ptr<Database> db(new Database(options));
  StorageOptions storage;
  storage.sync_commit = options.sync_commit;
  storage.block_cache_bytes = options.block_cache_mb << 20;
  VEXDB_ASSIGN_OR_RETURN(db->storage_, StorageEngine::Open(options.data_dir, storage));
  VEXDB_ASSIGN_OR_RETURN(db->catalog_, Catalog::Open(*db->storage_));
  db->vector_indexes_ = std::make_unique<VectorIndexRegistry>(
      *db->storage_, std::filesystem::path(options.data_dir) / "vector_index");
  db->information_schema_ =
      std::make_unique<InformationSchema>(*db->catalog_, *db->storage_, db->vector_indexes_.get());
  db->SyncVectorIndexes();
  return db;
}

std::unique_ptr<Session> Database::NewSession(const ConnectionInfo& info) {
  return std::make_unique<Session>(*this, info);
}

void Database::Register(uint32_t connection_id, Session* session) {
  std::lock_guard lock(sessions_mu_);
  sessions_[connection_id] = session;
}

void Database::Unregister(uint32_t connection_id) {
  std::lock_guard lock(sessions_mu_);
  sessions_.erase(connection_id);
}

bool Database::Kill(uint32_t connection_id, bool query_only) {
  std::lock_guard lock(sessions_mu_);
  auto it = sessions_.find(connection_id);
  if (it == sessions_.end()) return false;
  it->second->Interrupt();
  if (!query_only) it->second->Close();
  return true;
}

}  // namespace vexdb
