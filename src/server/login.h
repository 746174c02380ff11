#pragma once

// The connection phase: greeting, handshake response and authentication, up to the point where
// the connection either gets its final OK or is closed.
//
//   server: HandshakeV10 (seq 0) ─▶ client: HandshakeResponse41 (seq 1)
//   [server: AuthSwitchRequest ─▶ client: auth data]   if the client used a plugin we don't take
//   [server: AuthMoreData 0x01 0x03]                    caching_sha2_password fast path, password
//   server: OK or ERR
//
// vexdb announces mysql_native_password. A client that answers for another plugin gets an
// AuthSwitchRequest, as MySQL sends one: to caching_sha2_password (MySQL 8's default, verified by
// its fast path) if that is what it named, else to mysql_native_password. The same
// authentication step serves COM_CHANGE_USER, which reuses the connection's scramble.
// These functions send the ERR themselves when a login fails and the channel still works; the
// caller sends the final OK (after it has opened the session and selected the database).

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "server/authenticator.h"
#include "server/packet_channel.h"

namespace vexdb {

// Longest packet accepted before authentication succeeds, so unauthenticated peers cannot make
// the server allocate much (real clients send a few hundred bytes).
inline constexpr size_t kMaxLoginPacket = 64 * 1024;

struct PeerInfo {
  std::string host;  // the peer's address as text ("127.0.0.1", "::1")
  bool loopback = false;
};

struct LoginResult {
  std::string user;
  std::string database;       // "" if the client named none
  uint32_t capabilities = 0;  // negotiated: client flags & kServerCapabilities
  std::string scramble;       // this connection's nonce, reused by COM_CHANGE_USER
};

// Runs the connection phase up to the final OK. Errors: kHandshakeError (1043) for a malformed
// response, kAccessDenied (1045), kNetPacketsOutOfOrder, kNetPacketTooLarge, kUnknown for
// transport failures. On error the ERR has already been sent if the channel could carry it.
Result<LoginResult> RunLogin(PacketChannel& channel, const Authenticator& authenticator,
                             const PeerInfo& peer, uint32_t connection_id);

// Verifies `user`'s auth data sent for `plugin_name` against `scramble`. If the client named a
// plugin other than mysql_native_password (and supports switching, per `capabilities`), first
// sends an AuthSwitchRequest and verifies the answer instead. Sends AuthMoreData "fast auth ok"
// after a caching_sha2_password success with a password. Does not send the ERR. Errors as
// RunLogin.
Status AuthenticateClient(PacketChannel& channel, const Authenticator& authenticator,
                          const PeerInfo& peer, uint32_t capabilities, std::string_view user,
                          std::string_view plugin_name, std::string response,
                          std::string_view scramble);

}  // namespace vexdb
