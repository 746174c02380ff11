#pragma once

// Translation of RocksDB statuses into vexdb errors (internal to src/storage/).

#include <string_view>

#include <rocksdb/status.h>

#include "common/status.h"

namespace vexdb {

// Busy and TryAgain (write conflict, deadlock) -> kLockDeadlock (1213);
// TimedOut (lock wait) -> kLockWaitTimeout (1205); anything else -> kUnknown with `context`
// and RocksDB's message.
Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace vexdb
