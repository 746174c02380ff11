#pragma once

// SnapshotRead: a read-only Transaction over a RocksDB snapshot (internal to src/storage/).
// It takes no locks and keeps no write batch, so it costs a snapshot and nothing more; an
// autocommit SELECT that locks no rows needs no other transaction. Locking reads and writes fail
// with kUnknown (1105): callers that may lock or write begin a real transaction instead.

#include <rocksdb/db.h>

#include "storage/storage_engine.h"

namespace vexdb {

class SnapshotRead final : public Transaction {
 public:
  // db and cf outlive *this.
  SnapshotRead(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf);
  ~SnapshotRead() override;

  Result<std::optional<std::string>> Get(std::string_view key) override;
  Result<std::vector<std::optional<std::string>>> MultiGet(
      std::span<const std::string> keys) override;
  Result<std::optional<std::string>> GetForUpdate(std::string_view key) override;
  Result<std::optional<std::string>> GetLatestForUpdate(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value) override;
  Status PutUntracked(std::string_view key, std::string_view value) override;
  Status Delete(std::string_view key) override;

  // Nothing to undo: savepoints are no-ops, Commit and Rollback release nothing but succeed.
  void SetSavepoint() override {}
  Status RollbackToSavepoint() override { return Status::OK(); }
  void PopSavepoint() override {}
  Status Commit() override { return Status::OK(); }
  void Rollback() override {}
  bool has_writes() const override { return false; }

  uint64_t snapshot_sequence() const override { return snapshot_->GetSequenceNumber(); }
  void NoteVectorLogWrite(int64_t) override {}
  bool WroteVectorLog(int64_t) const override { return false; }

 protected:
  std::unique_ptr<KvIterator> NewScan(std::string_view lower, std::string_view upper,
                                      ScanDirection direction) override;

 private:
  rocksdb::ReadOptions Options() const;

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* cf_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace vexdb
