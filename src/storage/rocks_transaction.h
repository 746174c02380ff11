#pragma once

// Transaction and KvIterator over a rocksdb::Transaction (internal to src/storage/).

#include <memory>
#include <vector>

#include <rocksdb/utilities/transaction.h>

#include "storage/storage_engine.h"
#include "storage/vector_log_clock.h"

namespace vexdb {

class RocksTransaction final : public Transaction {
 public:
  // txn was begun with set_snapshot on db; cf is the default column family. db, cf and clock
  // outlive *this.
  RocksTransaction(std::unique_ptr<rocksdb::Transaction> txn, rocksdb::DB* db,
                   rocksdb::ColumnFamilyHandle* cf, VectorLogClock* clock);
  ~RocksTransaction() override;

  Result<std::optional<std::string>> Get(std::string_view key) override;
  Result<std::vector<std::optional<std::string>>> MultiGet(
      std::span<const std::string> keys) override;
  Result<std::optional<std::string>> GetForUpdate(std::string_view key) override;
  Result<std::optional<std::string>> GetLatestForUpdate(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value) override;
  Status PutUntracked(std::string_view key, std::string_view value) override;
  Status Delete(std::string_view key) override;

  void SetSavepoint() override;
  Status RollbackToSavepoint() override;
  void PopSavepoint() override;

  Status Commit() override;
  void Rollback() override;
  bool has_writes() const override;
  uint64_t snapshot_sequence() const override;
  void NoteVectorLogWrite(int64_t table_id) override;
  bool WroteVectorLog(int64_t table_id) const override;

 protected:
  std::unique_ptr<KvIterator> NewScan(std::string_view lower, std::string_view upper,
                                      ScanDirection direction) override;

 private:
  rocksdb::ReadOptions SnapshotReadOptions() const;
  Result<std::optional<std::string>> LockingGet(const rocksdb::ReadOptions& options,
                                                std::string_view key, bool validate);

  std::unique_ptr<rocksdb::Transaction> txn_;
  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* cf_;
  VectorLogClock* clock_;
  std::vector<int64_t> logged_tables_;  // NoteVectorLogWrite, distinct
  bool finished_ = false;
};

}  // namespace vexdb
