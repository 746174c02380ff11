// StorageEngine: one RocksDB TransactionDB (pessimistic, write-committed) per vexdb instance.
//
// Every SQL statement runs inside a Transaction begun with set_snapshot, so all its reads come
// from one snapshot plus its own writes (snapshot isolation; reported as REPEATABLE-READ, as TiDB
// does). Writes take exclusive row locks in RocksDB's lock manager and are validated against the
// snapshot: a key changed by someone else after the snapshot fails the write with 1213, which
// clients retry. Deadlocks are detected (1213); waiting longer than the lock timeout fails with
// 1205. Commit writes the transaction's batch to the WAL in one write, synced when sync_commit is
// on (the default), so an acknowledged commit survives kill -9 and power loss.
//
// Catalog and allocator state live in the `meta` column family and are written outside user
// transactions, as synced WriteBatches. Tuning targets a small server: one shared LRU block
// cache, bloom filters on the data column family, LZ4 (ZSTD at the bottom level) when the
// linked librocksdb supports them, dynamic level sizes, two background jobs. WAL recovery uses
// kPointInTimeRecovery (RocksDB's default): replay stops at the first torn record, which only a
// crash during an unacknowledged write can leave.

#include "storage/storage_engine.h"

#include <algorithm>

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/transaction_db.h>

#include "storage/id_allocator.h"
#include "storage/rocks_status.h"
#include "storage/rocks_reads.h"
#include "storage/rocks_snapshot_read.h"
#include "storage/rocks_transaction.h"

namespace vexdb {

namespace {

constexpr char kMetaFamily[] = "meta";

bool Supported(rocksdb::CompressionType type) {
  std::vector<rocksdb::CompressionType> all = rocksdb::GetSupportedCompressions();
  return std::find(all.begin(), all.end(), type) != all.end();
}

rocksdb::CompressionType PickCompression(std::initializer_list<rocksdb::CompressionType> prefs) {
  for (rocksdb::CompressionType type : prefs) {
    if (Supported(type)) return type;
  }
  return rocksdb::kNoCompression;
}

rocksdb::ColumnFamilyOptions DataFamilyOptions(const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.level_compaction_dynamic_level_bytes = true;
  cf.compression = PickCompression({rocksdb::kLZ4Compression, rocksdb::kSnappyCompression});
  cf.bottommost_compression = PickCompression({rocksdb::kZSTD, rocksdb::kLZ4Compression});
  return cf;
}

rocksdb::ColumnFamilyOptions MetaFamilyOptions(const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf.write_buffer_size = size_t{4} << 20;
  return cf;
}

rocksdb::DBOptions MakeDbOptions() {
  rocksdb::DBOptions db;
  db.create_if_missing = true;
  db.create_missing_column_families = true;
  db.max_background_jobs = 2;
  db.bytes_per_sync = 1 << 20;
  db.keep_log_file_num = 3;
  db.max_log_file_size = size_t{8} << 20;
  db.max_total_wal_size = size_t{256} << 20;
  db.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  return db;
}

class RocksStorageEngine final : public StorageEngine {
 public:
  RocksStorageEngine(const StorageOptions& options, rocksdb::TransactionDB* db,
                     std::vector<rocksdb::ColumnFamilyHandle*> handles)
      : options_(options), db_(db), handles_(std::move(handles)), ids_(*this) {}

  ~RocksStorageEngine() override {
    for (rocksdb::ColumnFamilyHandle* h : handles_) db_->DestroyColumnFamilyHandle(h);
    db_->Close().PermitUncheckedError();
    delete db_;
  }

  std::unique_ptr<Transaction> BeginTransaction(const TransactionOptions& options) override;
  std::unique_ptr<Transaction> BeginSnapshotRead() override {
    return std::make_unique<SnapshotRead>(db_, data());
  }
  Result<std::optional<std::string>> GetMeta(std::string_view key) override;
  Result<std::vector<std::pair<std::string, std::string>>> ScanMeta(
      std::string_view prefix) override;
  Status WriteMeta(const std::vector<MetaWrite>& writes) override;
  Status DeleteRange(std::string_view begin, std::string_view end) override;

  Result<int64_t> AllocateIds(std::string_view counter, int64_t count) override {
    return ids_.Allocate(counter, count);
  }
  Status RebaseIds(std::string_view counter, int64_t value) override {
    return ids_.Rebase(counter, value);
  }
  Result<int64_t> PeekNextId(std::string_view counter) override { return ids_.PeekNext(counter); }
  Status DropIds(std::string_view counter) override { return ids_.Drop(counter); }
  bool VectorLogQuietSince(int64_t table_id, uint64_t sequence) const override {
    return vector_log_clock_.QuietSince(table_id, sequence);
  }
  uint64_t OldestSnapshotSequence() const override {
    const uint64_t latest = db_->GetLatestSequenceNumber();  // first: a snapshot taken later is newer
    uint64_t oldest = 0;
    if (!db_->GetIntProperty(rocksdb::DB::Properties::kOldestSnapshotSequence, &oldest) ||
        oldest == 0) {
      return latest;
    }
    return std::min(oldest, latest);
  }

 private:
  rocksdb::ColumnFamilyHandle* data() const { return handles_[0]; }
  rocksdb::ColumnFamilyHandle* meta() const { return handles_[1]; }

  StorageOptions options_;
  rocksdb::TransactionDB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // default, meta
  IdAllocator ids_;
  VectorLogClock vector_log_clock_;
};

std::unique_ptr<Transaction> RocksStorageEngine::BeginTransaction(
    const TransactionOptions& options) {
  rocksdb::WriteOptions write;
  write.sync = options_.sync_commit;
  rocksdb::TransactionOptions txn;
  txn.set_snapshot = true;
  txn.deadlock_detect = true;
  txn.lock_timeout = options.lock_wait_timeout_ms >= 0 ? options.lock_wait_timeout_ms
                                                        : options_.lock_wait_timeout_ms;
  std::unique_ptr<rocksdb::Transaction> t(db_->BeginTransaction(write, txn));
  return std::make_unique<RocksTransaction>(std::move(t), db_, data(), &vector_log_clock_);
}

Result<std::optional<std::string>> RocksStorageEngine::GetMeta(std::string_view key) {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), meta(), ToSlice(key), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "meta get");
  return std::optional<std::string>(std::move(value));
}

Result<std::vector<std::pair<std::string, std::string>>> RocksStorageEngine::ScanMeta(
    std::string_view prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), meta()));
  for (it->Seek(ToSlice(prefix)); it->Valid() && it->key().starts_with(ToSlice(prefix));
       it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  VEXDB_RETURN_IF_ERROR(FromRocks(it->status(), "meta scan"));
  return out;
}

Status RocksStorageEngine::WriteMeta(const std::vector<MetaWrite>& writes) {
  rocksdb::WriteBatch batch;
  for (const MetaWrite& w : writes) {
    rocksdb::Status s = w.value ? batch.Put(meta(), ToSlice(w.key), ToSlice(*w.value))
                                : batch.Delete(meta(), ToSlice(w.key));
    VEXDB_RETURN_IF_ERROR(FromRocks(s, "meta batch"));
  }
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocks(db_->Write(options, &batch), "meta write");
}

Status RocksStorageEngine::DeleteRange(std::string_view begin, std::string_view end) {
  rocksdb::WriteOptions options;
  options.sync = true;
  // Range deletions bypass the lock manager (TransactionDB rejects them); the caller has made
  // the range unreachable first.
  rocksdb::Status s =
      db_->GetRootDB()->DeleteRange(options, data(), ToSlice(begin), ToSlice(end));
  return FromRocks(s, "delete range");
}

}  // namespace

Result<std::unique_ptr<StorageEngine>> StorageEngine::Open(const std::string& dir,
                                                           bool sync_commit) {
  StorageOptions options;
  options.sync_commit = sync_commit;
  return Open(dir, options);
}

Result<std::unique_ptr<StorageEngine>> StorageEngine::Open(const std::string& dir,
                                                           const StorageOptions& options) {
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> families = {
      {rocksdb::kDefaultColumnFamilyName, DataFamilyOptions(cache)},
      {kMetaFamily, MetaFamilyOptions(cache)},
  };
  rocksdb::TransactionDBOptions txn_options;
  txn_options.transaction_lock_timeout = options.lock_wait_timeout_ms;
  txn_options.default_lock_timeout = options.lock_wait_timeout_ms;
  rocksdb::TransactionDB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s =
      rocksdb::TransactionDB::Open(MakeDbOptions(), txn_options, dir, families, &handles, &db);
  if (!s.ok()) return FromRocks(s, "open " + dir);
  return std::unique_ptr<StorageEngine>(
      std::make_unique<RocksStorageEngine>(options, db, std::move(handles)));
}

}  // namespace vexdb
