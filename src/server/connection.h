#pragma once

// Connection: one client connection, served start to finish on its own thread by Run(): the
// login exchange (with a connect timeout, so a silent peer cannot hold a connection slot), then
// the command loop until the client quits, the transport fails or the connection is killed
// (Kill(), or KILL CONNECTION through the session, which the loop sees as Session::closed()).
//
// Failure isolation: a malformed packet gets an ERR, an oversized one ERR 1153 and a close, a
// peer that vanishes mid-result a quiet close. Run() is the one top-level catch: an exception
// escaping a command is logged and answered with ERR 1105 when the transport still works, and
// nothing ever propagates to other connections or the server.
//
// Thread safety: Run() on the connection's thread; Kill() from any thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "server/command_handler.h"
#include "server/login.h"
#include "server/packet_channel.h"
#include "server/session_slot.h"
#include "server/socket_stream.h"

namespace vexdb {

struct ConnectionTimeouts {
  std::chrono::milliseconds connect{10000};  // login phase, as MySQL's connect_timeout
  std::chrono::milliseconds write{60000};    // each write, as MySQL's net_write_timeout
  // How long a logged-in connection's thread polls for the next command before it sleeps
  // (SocketStream, "Spin before sleeping"); zero never spins.
  std::chrono::microseconds read_spin{200};
};

class Connection {
 public:
  // Takes ownership of the connected socket `fd`. `env` must outlive the connection.
  Connection(int fd, uint32_t id, PeerInfo peer, const ConnectionEnv& env,
             ConnectionTimeouts timeouts);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Serves the connection until it ends, then closes the session and the socket. Never throws.
  void Run();

  // Any thread: interrupts the running statement; unless query_only, also closes the
  // connection (its thread leaves Run() soon after).
  void Kill(bool query_only);

  uint32_t id() const { return id_; }

 private:
  // Login and the first session. Returns the handler for the command phase, or nullptr if the
  // connection ended during login.
  std::unique_ptr<CommandHandler> Login();
  void ServeCommands(CommandHandler& handler);
  CommandHandler::Next HandleSafely(CommandHandler& handler, std::string_view packet);
  // False once the session is gone (a failed COM_CHANGE_USER) or was killed (Session::closed()).
  bool SessionUsable() const;

  const uint32_t id_;
  const PeerInfo peer_;
  const ConnectionEnv& env_;
  const ConnectionTimeouts timeouts_;
  SocketStream stream_;
  PacketChannel channel_;
  SessionSlot session_;
  std::atomic<bool> killed_{false};
};

}  // namespace vexdb
