#pragma once

// StorageEngine: the one RocksDB TransactionDB of a vexdb instance, behind a narrow interface
// (nobody outside src/storage/ includes RocksDB). Column families:
//   default  table rows and index entries (keys from key_codec.h)
//   meta     catalog and allocator state: small, non-transactional, written with WriteMeta()
// Durability: with sync_commit, Transaction::Commit returns only after the WAL is fsynced.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace vexdb {

class Transaction;

// The order a scan returns keys in: ascending (kForward) or descending (kBackward).
enum class ScanDirection { kForward, kBackward };

// An iterator over [lower, upper) in a ScanDirection; Next() moves in that direction. Keys and
// values stay valid until Next().
class KvIterator {
 public:
  virtual ~KvIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual std::string_view key() const = 0;
  virtual std::string_view value() const = 0;
  virtual Status status() const = 0;  // an I/O error ends iteration with !Valid()
};

struct MetaWrite {
  std::string key;
  std::optional<std::string> value;  // nullopt deletes the key
};

struct StorageOptions {
  // Commit returns only after the WAL is fsynced (an acknowledged commit survives power loss).
  // Off: it survives a process crash (kill -9) but not an OS crash.
  bool sync_commit = true;
  // Default wait for a row lock before kLockWaitTimeout (innodb_lock_wait_timeout: 50 s).
  int64_t lock_wait_timeout_ms = 50000;
  // Shared block cache of the default column family.
  size_t block_cache_bytes = size_t{128} << 20;
};

struct TransactionOptions {
  int64_t lock_wait_timeout_ms = -1;  // -1: StorageOptions::lock_wait_timeout_ms
};

class StorageEngine {
 public:
  // Opens (creating if missing) the database in `dir`. Errors: kUnknown with RocksDB's message
  // (e.g. the directory is locked by another process).
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& dir,
                                                     const StorageOptions& options);
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& dir, bool sync_commit);
  // Closes the database. REQUIRES: every Transaction and iterator has been destroyed.
  virtual ~StorageEngine() = default;

  // Starts a snapshot-isolation transaction: reads see the snapshot taken now plus the
  // transaction's own writes. Thread safety: the engine is thread safe; a Transaction is not.
  // A Transaction destroyed without Commit rolls back.
  virtual std::unique_ptr<Transaction> BeginTransaction(const TransactionOptions& options = {}) = 0;
  // A read-only view of the snapshot taken now: reads as a transaction begun now would, without
  // its locks and write batch; locking reads and writes fail with kUnknown (1105). For
  // statements that only read and are their own transaction (autocommit SELECT, no locking).
  virtual std::unique_ptr<Transaction> BeginSnapshotRead() = 0;

  // Meta column family: point reads, prefix scans and atomic, synced batch writes.
  virtual Result<std::optional<std::string>> GetMeta(std::string_view key) = 0;
  virtual Result<std::vector<std::pair<std::string, std::string>>> ScanMeta(
      std::string_view prefix) = 0;
  virtual Status WriteMeta(const std::vector<MetaWrite>& writes) = 0;

  // Removes every key in [begin, end) of the default column family (DROP/TRUNCATE TABLE,
  // DROP INDEX). Not transactional; the caller has already removed the table from the catalog.
  virtual Status DeleteRange(std::string_view begin, std::string_view end) = 0;

  // Allocates `count` consecutive ids from the named persistent counter (AUTO_INCREMENT values,
  // hidden row ids). Ids are never reused after a crash (allocation is persisted in batches
  // ahead of use) and never rolled back with a transaction, as in MySQL. Returns the first id;
  // the first id ever handed out is 1.
  virtual Result<int64_t> AllocateIds(std::string_view counter, int64_t count) = 0;
  // Makes sure the counter's next id is > value (after an explicit AUTO_INCREMENT value).
  virtual Status RebaseIds(std::string_view counter, int64_t value) = 0;
  // The next id AllocateIds would return (for SHOW CREATE TABLE's AUTO_INCREMENT=). A counter
  // never used returns 1. After a restart, ids reserved but not handed out are skipped.
  virtual Result<int64_t> PeekNextId(std::string_view counter) = 0;
  // Forgets a counter (its table was dropped); a later AllocateIds starts again at 1.
  virtual Status DropIds(std::string_view counter) = 0;

  // Whether no transaction that wrote the table's vector log (Transaction::NoteVectorLogWrite)
  // committed after snapshot sequence `sequence`, nor is committing now (VectorLogClock).
  virtual bool VectorLogQuietSince(int64_t table_id, uint64_t sequence) const = 0;
  // No live transaction's snapshot is older than this sequence (the oldest snapshot's, or the
  // latest sequence when there is none), nor will any later one be.
  virtual uint64_t OldestSnapshotSequence() const = 0;
};

// One transaction. Write conflicts (a key written by another transaction after this one's
// snapshot) fail with kLockDeadlock (1213, SQLSTATE 40001); waiting longer than the lock timeout
// for another transaction's lock fails with kLockWaitTimeout (1205). After any error the caller
// decides whether to roll back the statement (savepoint) or the transaction.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // Snapshot read (plus own writes).
  virtual Result<std::optional<std::string>> Get(std::string_view key) = 0;
  // Snapshot reads of several keys at once (cheaper than one Get each); values in key order.
  virtual Result<std::vector<std::optional<std::string>>> MultiGet(
      std::span<const std::string> keys) = 0;
  // Locking read: takes the key's lock (also when absent) and fails with kLockDeadlock if the
  // key changed after the snapshot.
  virtual Result<std::optional<std::string>> GetForUpdate(std::string_view key) = 0;
  // Locking read of the latest committed value (or own write), ignoring the snapshot: for
  // constraint checks, which must see rows committed after the snapshot (InnoDB reads the latest
  // version for unique checks). A later Put/Delete of the key still fails with kLockDeadlock if
  // the key changed after the snapshot.
  virtual Result<std::optional<std::string>> GetLatestForUpdate(std::string_view key) = 0;
  virtual Status Put(std::string_view key, std::string_view value) = 0;
  // A write that is never a write conflict: it locks the key like Put but skips the check that
  // the key is unchanged since the snapshot. For keys several transactions may write with the
  // same meaning, such as the vector-index log.
  virtual Status PutUntracked(std::string_view key, std::string_view value) = 0;
  virtual Status Delete(std::string_view key) = 0;
  // Snapshot scan of [lower, upper) including own writes, first key first or (kBackward) last
  // first; "" is unbounded. The iterator must be destroyed before the transaction; writes made
  // while it is open may not be seen.
  std::unique_ptr<KvIterator> Scan(std::string_view lower, std::string_view upper,
                                   ScanDirection direction = ScanDirection::kForward) {
    return NewScan(lower, upper, direction);
  }

  // Statement-level atomicity and SAVEPOINT: a stack of savepoints.
  virtual void SetSavepoint() = 0;
  virtual Status RollbackToSavepoint() = 0;  // pops the savepoint too
  virtual void PopSavepoint() = 0;           // keeps the writes

  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool has_writes() const = 0;

  // The sequence number of the snapshot: reads see exactly the commits up to it.
  virtual uint64_t snapshot_sequence() const = 0;
  // Records that this transaction wrote the table's vector log; its commit is then announced to
  // StorageEngine::VectorLogQuietSince. Called by TableStore.
  virtual void NoteVectorLogWrite(int64_t table_id) = 0;
  // Whether NoteVectorLogWrite was called for the table (own writes a search must read).
  virtual bool WroteVectorLog(int64_t table_id) const = 0;

 protected:
  // Scan's iterator.
  virtual std::unique_ptr<KvIterator> NewScan(std::string_view lower, std::string_view upper,
                                              ScanDirection direction) = 0;
};

}  // namespace vexdb
