#pragma once

// The packets of the connection phase: the server's HandshakeV10 greeting, the client's
// HandshakeResponse41, AuthSwitchRequest, and COM_CHANGE_USER (which re-runs authentication).
// Encoders and parsers only; the exchange itself is in login.h.
//
// The parsers take untrusted bytes: truncated or malformed input is an error, never a read past
// the payload.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace vexdb {

// The collation the greeting announces (utf8mb4_bin, TiDB's default).
inline constexpr uint8_t kServerCollation = 46;

// HandshakeV10 (seq 0): protocol 10, kServerVersion, connection id, the 20-byte scramble split
// 8 + 12 (+NUL), kServerCapabilities, kServerCollation, status AUTOCOMMIT, and
// mysql_native_password as the default plugin. REQUIRES: scramble.size() == 20.
std::string EncodeHandshakeV10(uint32_t connection_id, std::string_view scramble);

using ConnectAttributes = std::vector<std::pair<std::string, std::string>>;

struct HandshakeResponse {
  uint32_t capabilities = 0;  // as the client sent them (intersect with kServerCapabilities)
  uint32_t max_packet_size = 0;
  uint8_t charset = 0;
  std::string user;
  std::string auth_response;
  std::string database;     // "" if none
  std::string auth_plugin;  // "" if the client named none
  ConnectAttributes attributes;
};

// Parses HandshakeResponse41. Errors: kHandshakeError (1043) for a truncated or malformed
// packet, a client without CLIENT_PROTOCOL_41, or an SSLRequest (vexdb does not offer TLS).
Result<HandshakeResponse> ParseHandshakeResponse(std::string_view payload);

// 0xFE, plugin name NUL, the scramble, NUL.
std::string EncodeAuthSwitchRequest(std::string_view plugin, std::string_view scramble);

struct ChangeUserRequest {
  std::string user;
  std::string auth_response;
  std::string database;
  std::string auth_plugin;  // "" if the client named none
};

// Parses the body of COM_CHANGE_USER (the bytes after the command byte) as a client with the
// negotiated `capabilities` sends it. Errors: kHandshakeError for a truncated or malformed body.
Result<ChangeUserRequest> ParseChangeUser(std::string_view body, uint32_t capabilities);

}  // namespace vexdb
