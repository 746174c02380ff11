#pragma once

// Listener: accepts TCP connections on one address, using Asio on a thread of its own, and hands
// each accepted socket to a callback as a raw descriptor plus the peer's address. Asio stays
// behind this interface; connection threads work on plain descriptors (socket_stream.h).
//
// Thread safety: Start() and Stop() from one controlling thread; the callback runs on the
// listener's thread, one socket at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "server/login.h"

namespace vexdb {

class Listener {
 public:
  // Receives ownership of `fd`. An exception it throws is logged and the connection dropped.
  using AcceptCallback = std::function<void(int fd, PeerInfo peer)>;

  Listener();
  ~Listener();  // Stop()

  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds host:port (an IP address or a resolvable name; port 0 picks a free port), listens,
  // and starts accepting. Errors: kUnknown naming the address and the OS reason ("Address
  // already in use").
  Status Start(const std::string& host, uint16_t port, AcceptCallback on_accept);

  // Stops accepting and closes the listening socket; returns once the accept thread has
  // exited. Idempotent.
  void Stop();

  // The bound port. REQUIRES: Start() succeeded.
  uint16_t port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vexdb
