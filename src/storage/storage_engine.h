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
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace vexdb {

class Transaction;

// A forward iterator over [lower, upper) in key order. Keys and values stay valid until Next().
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

class StorageEngine {
 public:
  // Opens (creating if missing) the database in `dir`.
  static Result<std::unique_ptr<StorageEngine>> Open(const std::string& dir, bool sync_commit);
  virtual ~StorageEngine() = default;

  // Starts a snapshot-isolation transaction: reads see the snapshot taken now plus the
  // transaction's own writes. Thread safety: the engine is thread safe; a Transaction is not.
  virtual std::unique_ptr<Transaction> BeginTransaction() = 0;

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
  // The next id AllocateIds would return (for SHOW CREATE TABLE's AUTO_INCREMENT=).
  virtual Result<int64_t> PeekNextId(std::string_view counter) = 0;
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
  // Locking read: takes the key's lock (also when absent) and fails with kLockDeadlock if the
  // key changed after the snapshot.
  virtual Result<std::optional<std::string>> GetForUpdate(std::string_view key) = 0;
  virtual Status Put(std::string_view key, std::string_view value) = 0;
  virtual Status Delete(std::string_view key) = 0;
  // Snapshot scan of [lower, upper) including own writes.
  virtual std::unique_ptr<KvIterator> Scan(std::string_view lower, std::string_view upper) = 0;

  // Statement-level atomicity and SAVEPOINT: a stack of savepoints.
  virtual void SetSavepoint() = 0;
  virtual Status RollbackToSavepoint() = 0;  // pops the savepoint too
  virtual void PopSavepoint() = 0;           // keeps the writes

  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool has_writes() const = 0;
};

}  // namespace vexdb
