#pragma once

// Server: the MySQL-protocol front end of a Database.
//
// A Listener accepts TCP connections; each accepted connection is served by a Connection on a
// thread of its own, which runs the login exchange and then the command loop against a Session.
// A thread per connection keeps every connection's code straight-line and blocking (the engine
// below is synchronous anyway: a statement runs to completion on the caller's thread), at the
// price of one stack per client. With max_connections capping the count (1000 by default, as
// MySQL's max_connections) that is a few hundred MiB of mostly untouched virtual memory at worst.
// An event-driven front end can replace this without touching Connection's protocol code, whose
// only I/O is a ByteStream.
//
// Connection ids come from one atomic counter and double as Session connection ids (KILL, the
// handshake's thread id). A connection past max_connections is sent ERR 1040 and closed.
//
// Stop() closes the listener, interrupts every running statement, shuts every socket down (which
// wakes threads blocked reading idle or half-open connections) and joins all threads, so it
// returns in bounded time whatever the clients do. Finished connection threads are joined as
// new connections arrive, so threads do not pile up on a long-running server.
//
// Thread safety: Start() and Stop() from one controlling thread; KillConnection() and
// connection_count() from any thread.

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "main/database.h"
#include "server/authenticator.h"
#include "server/command_handler.h"
#include "server/connection.h"
#include "server/listener.h"
#include "server/server_stats.h"

namespace vexdb {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 4000;
  uint32_t max_connections = 1000;
  size_t max_allowed_packet = size_t{64} << 20;  // longest statement accepted (ERR 1153 beyond)
  ConnectionTimeouts timeouts;
};

class Server {
 public:
  // `database` must outlive the server.
  Server(Database& database, ServerOptions options,
         Authenticator authenticator = Authenticator::Default());
  ~Server();  // Stop()

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting connections. Errors: kUnknown with a message naming the address
  // and reason ("Can't listen on 127.0.0.1:4000: Address already in use").
  Status Start();

  // Stops accepting, closes every connection and joins every thread. Idempotent.
  void Stop();

  // The port listened on (the chosen one when options.port is 0). REQUIRES: Start() succeeded.
  uint16_t port() const { return listener_.port(); }

  // Interrupts connection `id`'s running statement and, unless query_only, closes it. Returns
  // false if there is no such connection.
  bool KillConnection(uint32_t id, bool query_only);

  size_t connection_count() const;

 private:
  struct Worker {
    std::shared_ptr<Connection> connection;
    std::thread thread;
  };

  void OnAccept(int fd, PeerInfo peer);
  void Serve(std::shared_ptr<Connection> connection);
  void JoinFinished();

  Database& database_;
  const ServerOptions options_;
  const Authenticator authenticator_;
  ServerStats stats_;
  ConnectionEnv env_;
  Listener listener_;
  std::atomic<uint32_t> next_connection_id_{1};

  mutable std::mutex mu_;
  std::condition_variable all_done_;
  bool stopping_ = false;                // guarded by mu_
  std::map<uint32_t, Worker> workers_;   // guarded by mu_; running connections
  std::vector<std::thread> finished_;    // guarded by mu_; exited, not joined yet
};

}  // namespace vexdb
