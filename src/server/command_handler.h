#pragma once

// CommandHandler: answers the commands of an authenticated connection (the command phase).
// Each client command is one packet starting with the command byte; the handler writes the whole
// response into the channel (the caller flushes it) and says whether the connection goes on.
//
//   COM_QUERY            Session::Execute; one OK or result set per statement, each with
//                        SERVER_MORE_RESULTS_EXISTS while more follow; ERR for the failing one
//   COM_INIT_DB          Session::UseDatabase
//   COM_PING             OK
//   COM_QUIT             closes, no reply
//   COM_FIELD_LIST       an empty field list (EOF); the command is deprecated
//   COM_STATISTICS       the `mysqladmin status` line
//   COM_PROCESS_KILL     kills the connection with that id
//   COM_SET_OPTION       multi-statements on/off; EOF
//   COM_RESET_CONNECTION Session::Reset
//   COM_CHANGE_USER      re-authenticates against the connection's scramble, new Session
//   anything else        ERR 1047 "Unknown command" (COM_STMT_* included), connection stays
//
// Thread safety: connection thread only.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "main/database.h"
#include "server/authenticator.h"
#include "server/login.h"
#include "server/packet_channel.h"
#include "server/server_stats.h"
#include "server/session_slot.h"

namespace vexdb {

// What a connection needs from the server it belongs to. Everything referenced outlives it.
struct ConnectionEnv {
  Database* database = nullptr;
  const Authenticator* authenticator = nullptr;
  ServerStats* stats = nullptr;
  size_t max_allowed_packet = 64 << 20;
  // Kills connection `id` (only its running statement if query_only); false if there is none.
  std::function<bool(uint32_t id, bool query_only)> kill;
};

class CommandHandler {
 public:
  enum class Next { kContinue, kClose };

  // `login` is the outcome of the connection phase; all references must outlive the handler.
  CommandHandler(uint32_t connection_id, PeerInfo peer, LoginResult login,
                 const ConnectionEnv& env, PacketChannel& channel, SessionSlot& session);

  // Replaces the session with a new one for the logged-in user, in `database` if non-empty.
  // Errors: kBadDb (1049) if the database does not exist.
  Status OpenSession(std::string_view database);

  // Answers one command packet. kClose when the client quit, the transport failed or the
  // connection cannot go on (failed COM_CHANGE_USER).
  Next Handle(std::string_view packet);

 private:
  Status Query(std::string_view sql);
  Status InitDb(std::string_view name);
  Status ProcessKill(std::string_view body);
  Status SetOption(std::string_view body);
  Status ResetConnection();
  Next ChangeUser(std::string_view body);

  Status SendOk();
  Status SendEof();
  Status SendError(const Status& error);
  std::string StatisticsText() const;

  uint32_t connection_id_;
  PeerInfo peer_;
  LoginResult login_;
  bool multi_statements_;
  const ConnectionEnv& env_;
  PacketChannel& channel_;
  SessionSlot& session_;
};

}  // namespace vexdb
