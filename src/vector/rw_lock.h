#pragma once

// RwLock: a reader/writer lock that lets a waiting writer in before new readers.
//
// std::shared_mutex on glibc prefers readers, so a steady stream of overlapping searches can
// keep an index from ever growing. This wraps a pthread rwlock of kind
// PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP instead. It meets the SharedMutex requirements
// std::shared_lock and std::unique_lock need. Read locks are not recursive: a thread holding
// one must not take another, or it can deadlock behind a waiting writer.

#include <pthread.h>

namespace vexdb {

class RwLock {
 public:
  RwLock();
  ~RwLock();
  RwLock(const RwLock&) = delete;
  RwLock& operator=(const RwLock&) = delete;

  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  bool try_lock_shared();
  void unlock_shared();

 private:
  pthread_rwlock_t lock_;
};

}  // namespace vexdb
