#pragma once

// SocketStream: a ByteStream over a connected TCP socket, with optional read and write timeouts
// (poll(2) on a non-blocking descriptor), TCP_NODELAY and SO_KEEPALIVE set.
//
// Thread safety: ReadSome, WriteAll, the timeouts and Close belong to the connection thread.
// Shutdown() may be called from any thread: it wakes a blocked read or write, which then fails,
// and is how KILL and server shutdown get a connection thread out of a read on an idle or
// half-open socket.

#include <chrono>
#include <mutex>

#include "server/byte_stream.h"

namespace vexdb {

class SocketStream : public ByteStream {
 public:
  // Takes ownership of the connected socket `fd`.
  explicit SocketStream(int fd);
  ~SocketStream() override { Close(); }

  SocketStream(const SocketStream&) = delete;
  SocketStream& operator=(const SocketStream&) = delete;

  // Zero means no timeout.
  void set_read_timeout(std::chrono::milliseconds timeout) { read_timeout_ = timeout; }
  void set_write_timeout(std::chrono::milliseconds timeout) { write_timeout_ = timeout; }

  Result<size_t> ReadSome(char* buffer, size_t size) override;
  Status WriteAll(std::string_view data) override;

  // Any thread: shuts the socket down in both directions (idempotent).
  void Shutdown();
  // Connection thread: closes the descriptor (idempotent).
  void Close();

 private:
  // Waits until the socket is ready for `events`; errors on timeout or poll failure.
  Status Wait(short events, std::chrono::milliseconds timeout);

  std::mutex mu_;  // guards fd_ against Close racing Shutdown
  int fd_;
  std::chrono::milliseconds read_timeout_{0};
  std::chrono::milliseconds write_timeout_{0};
};

}  // namespace vexdb
