#include "vector/rw_lock.h"

#include <cstdlib>

namespace vexdb {
namespace {

// These calls fail only on misuse (a lock not held, a corrupted lock), which is a bug.
void CheckPthread(int result) {
  if (result != 0) std::abort();
}

}  // namespace

RwLock::RwLock() {
  pthread_rwlockattr_t attributes;
  CheckPthread(pthread_rwlockattr_init(&attributes));
  CheckPthread(
      pthread_rwlockattr_setkind_np(&attributes, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP));
  CheckPthread(pthread_rwlock_init(&lock_, &attributes));
  pthread_rwlockattr_destroy(&attributes);
}

RwLock::~RwLock() { pthread_rwlock_destroy(&lock_); }

void RwLock::lock() { CheckPthread(pthread_rwlock_wrlock(&lock_)); }
bool RwLock::try_lock() { return pthread_rwlock_trywrlock(&lock_) == 0; }
void RwLock::unlock() { CheckPthread(pthread_rwlock_unlock(&lock_)); }
void RwLock::lock_shared() { CheckPthread(pthread_rwlock_rdlock(&lock_)); }
bool RwLock::try_lock_shared() { return pthread_rwlock_tryrdlock(&lock_) == 0; }
void RwLock::unlock_shared() { CheckPthread(pthread_rwlock_unlock(&lock_)); }

}  // namespace vexdb
