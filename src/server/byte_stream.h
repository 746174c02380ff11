#pragma once

// ByteStream: the transport under a PacketChannel. The server uses SocketStream (a TCP socket);
// tests use an in-memory stream. Implementations need not be thread-safe: one connection thread
// reads and writes.

#include <cstddef>
#include <string_view>

#include "common/result.h"

namespace vexdb {

class ByteStream {
 public:
  virtual ~ByteStream() = default;

  // Reads between 1 and `size` bytes into `buffer` and returns the count. Errors (kUnknown):
  // the peer closed the connection, the read timed out, or the transport failed.
  virtual Result<size_t> ReadSome(char* buffer, size_t size) = 0;

  // Writes all of `data`. Errors (kUnknown): timeout or transport failure.
  virtual Status WriteAll(std::string_view data) = 0;
};

}  // namespace vexdb
