// Catalog: the databases and table definitions of a vexdb instance.
//
// Each database and each table is one JSON document (catalog_json.h) in the storage engine's
// meta column family, keyed by its id ("db/<id>", "tbl/<id>"), so a rename rewrites one value.
// Open() reads them all into memory; afterwards reads never touch storage. The in-memory maps
// are keyed by folded (lower-cased) names under one shared_mutex: lookups take it shared, DDL
// takes it exclusively for the whole change, so DDL is serialized. Each table is held as an
// immutable TableInfo behind a shared_ptr; DDL swaps the pointer, and statements that already
// hold the old snapshot keep using it.
//
// Ids: databases and tables draw from one persistent counter ("schema_id"), so a table id is
// never reused and keys of a dropped table can never be mistaken for a new table's. Column and
// index ids are per table, counted by next_column_id / next_index_id stored in the table's
// document, and are never reused either.
//
// Crash safety: every change is one synced meta write. Dropping data is not transactional, so a
// drop first writes, in the same batch that removes the definition, a "gc/" record naming the
// key range; the range is then deleted and the record removed. Open() finishes any drop a crash
// interrupted.

#include "catalog/catalog.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "catalog/catalog_json.h"
#include "common/logging.h"

namespace vexdb {

namespace {

constexpr char kSchemaIdCounter[] = "schema_id";
constexpr char kInitializedKey[] = "catalog/initialized";
constexpr char kDatabasePrefix[] = "db/";
constexpr char kTablePrefix[] = "tbl/";
constexpr char kGcPrefix[] = "gc/";

std::string IdKey(std::string_view prefix, int64_t id) {
  return fmt::format("{}{:020}", prefix, id);
}

// "gc/<table>" drops a table's keys; "gc/<table>/<index>" one index's.
std::string GcKey(int64_t table_id, std::optional<int64_t> index_id = std::nullopt) {
  std::string key = IdKey(kGcPrefix, table_id);
  if (index_id) key += fmt::format("/{:020}", *index_id);
  return key;
}

bool ParseId(std::string_view text, int64_t* id) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && end == text.data() + text.size();
}

Result<std::pair<int64_t, std::optional<int64_t>>> ParseGcKey(std::string_view key) {
  std::string_view rest = key.substr(std::string_view(kGcPrefix).size());
  int64_t table_id = 0, index_id = 0;
  if (rest.size() == 20 && ParseId(rest, &table_id)) {
    return std::make_pair(table_id, std::optional<int64_t>());
  }
  if (rest.size() == 41 && rest[20] == '/' && ParseId(rest.substr(0, 20), &table_id) &&
      ParseId(rest.substr(21), &index_id)) {
    return std::make_pair(table_id, std::optional<int64_t>(index_id));
  }
  return Status::Internal(fmt::format("corrupted catalog gc key '{}'", key));
}

Status DropRange(StorageEngine& storage, int64_t table_id, std::optional<int64_t> index_id) {
  if (index_id) return TableStore::DropIndexData(storage, table_id, *index_id);
  return TableStore::DropData(storage, table_id);
}

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Names unique (case-insensitively) and index columns present.
Status ValidateTable(const TableInfo& info) {
  if (info.columns.empty() && !info.is_view) {
    return Status::Error(ErrorCode::kTableMustHaveColumns);
  }
  std::set<std::string> names;
  for (const ColumnInfo& column : info.columns) {
    if (!names.insert(FoldName(column.name)).second) {
      return Status::Error(ErrorCode::kDupFieldName, column.name);
    }
  }
  names.clear();
  for (const IndexInfo& index : info.indexes) {
    if (!names.insert(FoldName(index.name)).second) {
      return Status::Error(ErrorCode::kDupKeyName, index.name);
    }
    for (const IndexColumn& column : index.columns) {
      if (info.ColumnIndex(column.column) < 0) {
        return Status::Error(ErrorCode::kKeyColumnDoesNotExist, column.column);
      }
    }
  }
  return Status::OK();
}

// Gives columns and indexes with id 0 fresh ids and moves the counters past every id in use.
void AssignIds(StoredTable* stored) {
  for (const ColumnInfo& c : stored->info.columns) {
    stored->next_column_id = std::max(stored->next_column_id, c.id + 1);
  }
  for (const IndexInfo& i : stored->info.indexes) {
    stored->next_index_id = std::max(stored->next_index_id, i.id + 1);
  }
  for (ColumnInfo& c : stored->info.columns) {
    if (c.id == 0) c.id = stored->next_column_id++;
  }
  for (IndexInfo& i : stored->info.indexes) {
    if (i.id == 0) i.id = stored->next_index_id++;
  }
}

}  // namespace

struct Catalog::Impl {
  struct TableEntry {
    TableRef info;
    int32_t next_column_id = 1;
    int64_t next_index_id = 1;
  };
  struct DatabaseEntry {
    DatabaseInfo info;
    std::map<std::string, TableEntry> tables;  // by folded name
  };

  mutable std::shared_mutex mu;
  std::map<std::string, DatabaseEntry> databases;  // by folded name
  std::atomic<uint64_t> version{1};

  DatabaseEntry* FindDatabase(std::string_view name) {
    auto it = databases.find(FoldName(name));
    return it == databases.end() ? nullptr : &it->second;
  }
  const DatabaseEntry* FindDatabase(std::string_view name) const {
    auto it = databases.find(FoldName(name));
    return it == databases.end() ? nullptr : &it->second;
  }
  TableEntry* FindTable(std::string_view database, std::string_view table) {
    DatabaseEntry* db = FindDatabase(database);
    if (db == nullptr) return nullptr;
    auto it = db->tables.find(FoldName(table));
    return it == db->tables.end() ? nullptr : &it->second;
  }
  void AddTable(StoredTable stored) {
    DatabaseEntry* db = FindDatabase(stored.info.database);
    std::string key = FoldName(stored.info.name);
    db->tables[key] = {std::make_shared<const TableInfo>(std::move(stored.info)),
                       stored.next_column_id, stored.next_index_id};
  }
};

Catalog::Catalog(StorageEngine& storage) : impl_(std::make_unique<Impl>()), storage_(storage) {}

Catalog::~Catalog() = default;

Result<std::unique_ptr<Catalog>> Catalog::Open(StorageEngine& storage) {
  std::unique_ptr<Catalog> catalog(new Catalog(storage));
  VEXDB_RETURN_IF_ERROR(catalog->Load());
  VEXDB_RETURN_IF_ERROR(catalog->FinishDrops());
  VEXDB_ASSIGN_OR_RETURN(std::optional<std::string> initialized, storage.GetMeta(kInitializedKey));
  if (!initialized) VEXDB_RETURN_IF_ERROR(catalog->Initialize());
  return catalog;
}

Status Catalog::Load() {
  VEXDB_ASSIGN_OR_RETURN(auto databases, storage_.ScanMeta(kDatabasePrefix));
  for (const auto& [key, text] : databases) {
    VEXDB_ASSIGN_OR_RETURN(DatabaseInfo db, DatabaseFromJson(text));
    impl_->databases[FoldName(db.name)].info = std::move(db);
  }
  VEXDB_ASSIGN_OR_RETURN(auto tables, storage_.ScanMeta(kTablePrefix));
  for (const auto& [key, text] : tables) {
    VEXDB_ASSIGN_OR_RETURN(StoredTable stored, TableFromJson(text));
    if (impl_->FindDatabase(stored.info.database) == nullptr) {
      return Status::Internal(fmt::format("catalog: table '{}' belongs to missing database '{}'",
                                          stored.info.name, stored.info.database));
    }
    impl_->AddTable(std::move(stored));
  }
  return Status::OK();
}

Status Catalog::FinishDrops() {
  VEXDB_ASSIGN_OR_RETURN(auto pending, storage_.ScanMeta(kGcPrefix));
  for (const auto& [key, unused] : pending) {
    VEXDB_ASSIGN_OR_RETURN(auto range, ParseGcKey(key));
    Log(LogLevel::kInfo, "catalog: finishing interrupted drop of {}", key);
    VEXDB_RETURN_IF_ERROR(DropRange(storage_, range.first, range.second));
    VEXDB_RETURN_IF_ERROR(storage_.WriteMeta({{key, std::nullopt}}));
  }
  return Status::OK();
}

Status Catalog::Initialize() {
  std::vector<MetaWrite> writes;
  std::vector<DatabaseInfo> created;
  for (const char* name : {"mysql", "test"}) {
    DatabaseInfo db;
    db.name = name;
    VEXDB_ASSIGN_OR_RETURN(db.id, storage_.AllocateIds(kSchemaIdCounter, 1));
    writes.push_back({IdKey(kDatabasePrefix, db.id), DatabaseToJson(db)});
    created.push_back(db);
  }
  writes.push_back({kInitializedKey, "1"});
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta(writes));
  for (DatabaseInfo& db : created) impl_->databases[FoldName(db.name)].info = std::move(db);
  return Status::OK();
}

Status Catalog::CreateDatabase(const DatabaseInfo& info) {
  std::unique_lock lock(impl_->mu);
  if (impl_->FindDatabase(info.name) != nullptr) {
    return Status::Error(ErrorCode::kDbCreateExists, info.name);
  }
  DatabaseInfo db = info;
  VEXDB_ASSIGN_OR_RETURN(db.id, storage_.AllocateIds(kSchemaIdCounter, 1));
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta({{IdKey(kDatabasePrefix, db.id), DatabaseToJson(db)}}));
  impl_->databases[FoldName(db.name)].info = std::move(db);
  ++impl_->version;
  return Status::OK();
}

Status Catalog::DropDatabase(std::string_view name) {
  std::unique_lock lock(impl_->mu);
  Impl::DatabaseEntry* db = impl_->FindDatabase(name);
  if (db == nullptr) return Status::Error(ErrorCode::kDbDropExists, name);
  std::vector<TableRef> tables;
  std::vector<MetaWrite> writes = {{IdKey(kDatabasePrefix, db->info.id), std::nullopt}};
  for (const auto& [key, entry] : db->tables) {
    tables.push_back(entry.info);
    writes.push_back({IdKey(kTablePrefix, entry.info->id), std::nullopt});
    writes.push_back({GcKey(entry.info->id), ""});
  }
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta(writes));
  impl_->databases.erase(FoldName(name));
  ++impl_->version;
  for (const TableRef& table : tables) VEXDB_RETURN_IF_ERROR(DropTableData(*table));
  return Status::OK();
}

Status Catalog::DropTableData(const TableInfo& table) {
  VEXDB_RETURN_IF_ERROR(TableStore::DropData(storage_, table.id));
  VEXDB_RETURN_IF_ERROR(storage_.DropIds(table.AutoIncrementCounter()));
  VEXDB_RETURN_IF_ERROR(storage_.DropIds(table.RowIdCounter()));
  return storage_.WriteMeta({{GcKey(table.id), std::nullopt}});
}

std::optional<DatabaseInfo> Catalog::GetDatabase(std::string_view name) const {
  std::shared_lock lock(impl_->mu);
  const Impl::DatabaseEntry* db = impl_->FindDatabase(name);
  if (db == nullptr) return std::nullopt;
  return db->info;
}

std::vector<DatabaseInfo> Catalog::ListDatabases() const {
  std::shared_lock lock(impl_->mu);
  std::vector<DatabaseInfo> out;
  for (const auto& [key, db] : impl_->databases) out.push_back(db.info);
  return out;
}

Result<TableRef> Catalog::CreateTable(TableInfo info) {
  std::unique_lock lock(impl_->mu);
  Impl::DatabaseEntry* db = impl_->FindDatabase(info.database);
  if (db == nullptr) return Status::Error(ErrorCode::kBadDb, info.database);
  if (db->tables.count(FoldName(info.name)) != 0) {
    return Status::Error(ErrorCode::kTableExists, info.name);
  }
  VEXDB_RETURN_IF_ERROR(ValidateTable(info));
  StoredTable stored;
  stored.info = std::move(info);
  TableInfo& t = stored.info;
  t.database = db->info.name;
  if (t.create_time == 0) t.create_time = NowMicros();
  VEXDB_ASSIGN_OR_RETURN(t.id, storage_.AllocateIds(kSchemaIdCounter, 1));
  for (ColumnInfo& c : t.columns) c.id = 0;
  for (IndexInfo& i : t.indexes) i.id = 0;
  AssignIds(&stored);
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta({{IdKey(kTablePrefix, t.id), TableToJson(stored)}}));
  std::string key = FoldName(t.name);
  impl_->AddTable(std::move(stored));
  ++impl_->version;
  return db->tables[key].info;
}

TableRef Catalog::GetTable(std::string_view database, std::string_view table) const {
  std::shared_lock lock(impl_->mu);
  const Impl::DatabaseEntry* db = impl_->FindDatabase(database);
  if (db == nullptr) return nullptr;
  auto it = db->tables.find(FoldName(table));
  return it == db->tables.end() ? nullptr : it->second.info;
}

std::vector<TableRef> Catalog::ListTables(std::string_view database) const {
  std::shared_lock lock(impl_->mu);
  std::vector<TableRef> out;
  const Impl::DatabaseEntry* db = impl_->FindDatabase(database);
  if (db == nullptr) return out;
  for (const auto& [key, entry] : db->tables) out.push_back(entry.info);
  return out;
}

Status Catalog::DropTable(std::string_view database, std::string_view table) {
  std::unique_lock lock(impl_->mu);
  Impl::TableEntry* entry = impl_->FindTable(database, table);
  if (entry == nullptr) {
    return Status::Error(ErrorCode::kBadTable, fmt::format("{}.{}", database, table));
  }
  TableRef dropped = entry->info;
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta(
      {{IdKey(kTablePrefix, dropped->id), std::nullopt}, {GcKey(dropped->id), ""}}));
  impl_->FindDatabase(database)->tables.erase(FoldName(table));
  ++impl_->version;
  return DropTableData(*dropped);
}

Result<TableRef> Catalog::ReplaceTable(std::string_view database, std::string_view old_name,
                                       TableInfo info) {
  std::unique_lock lock(impl_->mu);
  Impl::TableEntry* old_entry = impl_->FindTable(database, old_name);
  if (old_entry == nullptr) return Status::Error(ErrorCode::kNoSuchTable, database, old_name);
  if (info.database.empty()) info.database = std::string(database);
  Impl::DatabaseEntry* target_db = impl_->FindDatabase(info.database);
  if (target_db == nullptr) return Status::Error(ErrorCode::kBadDb, info.database);
  Impl::TableEntry* existing = impl_->FindTable(info.database, info.name);
  if (existing != nullptr && existing != old_entry) {
    return Status::Error(ErrorCode::kTableExists, info.name);
  }
  VEXDB_RETURN_IF_ERROR(ValidateTable(info));
  TableRef old_info = old_entry->info;
  StoredTable stored{std::move(info), old_entry->next_column_id, old_entry->next_index_id};
  stored.info.id = old_info->id;
  stored.info.database = target_db->info.name;
  AssignIds(&stored);

  std::vector<int64_t> dropped_indexes = DroppedIndexes(*old_info, stored.info);
  std::vector<MetaWrite> writes = {{IdKey(kTablePrefix, old_info->id), TableToJson(stored)}};
  for (int64_t index_id : dropped_indexes) writes.push_back({GcKey(old_info->id, index_id), ""});
  VEXDB_RETURN_IF_ERROR(storage_.WriteMeta(writes));

  impl_->FindDatabase(database)->tables.erase(FoldName(old_name));
  std::string db_key = FoldName(stored.info.database), key = FoldName(stored.info.name);
  impl_->AddTable(std::move(stored));
  ++impl_->version;
  for (int64_t index_id : dropped_indexes) {
    VEXDB_RETURN_IF_ERROR(TableStore::DropIndexData(storage_, old_info->id, index_id));
    VEXDB_RETURN_IF_ERROR(storage_.WriteMeta({{GcKey(old_info->id, index_id), std::nullopt}}));
  }
  return impl_->databases[db_key].tables[key].info;
}

std::vector<int64_t> Catalog::DroppedIndexes(const TableInfo& before, const TableInfo& after) {
  std::vector<int64_t> dropped;
  for (const IndexInfo& old_index : before.indexes) {
    bool kept = std::any_of(after.indexes.begin(), after.indexes.end(),
                            [&](const IndexInfo& i) { return i.id == old_index.id; });
    if (!kept) dropped.push_back(old_index.id);
  }
  return dropped;
}

std::vector<ReferencingKey> Catalog::ReferencingKeys(std::string_view database,
                                                     std::string_view table) const {
  std::shared_lock lock(impl_->mu);
  std::vector<ReferencingKey> out;
  for (const auto& [db_key, db] : impl_->databases) {
    for (const auto& [table_key, entry] : db.tables) {
      for (const ForeignKeyInfo& fk : entry.info->foreign_keys) {
        std::string_view ref_db = fk.ref_database.empty() ? entry.info->database : fk.ref_database;
        if (NameEquals(ref_db, database) && NameEquals(fk.ref_table, table)) {
          out.push_back({entry.info, &fk});
        }
      }
    }
  }
  return out;
}

uint64_t Catalog::version() const { return impl_->version.load(); }

}  // namespace vexdb
