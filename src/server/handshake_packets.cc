#include "server/handshake_packets.h"

#include <optional>

#include "common/version.h"
#include "main/session.h"
#include "server/mysql_protocol.h"
#include "server/wire_codec.h"

namespace vexdb {

namespace {

constexpr size_t kScramblePart1 = 8;
constexpr size_t kResponseFillerLength = 23;

Status Malformed() { return Status::Error(ErrorCode::kHandshakeError); }

// A NUL-terminated string, or the rest of the packet if its final NUL is missing (some clients
// omit it on the last field); "" at the end of the packet.
std::string_view NulStringOrRest(WireReader& r) {
  std::optional<std::string_view> s = r.NulString();
  return s ? *s : r.Rest();
}

// The CLIENT_CONNECT_ATTRS block: a lenenc length, then lenenc key/value pairs.
Status ReadConnectAttributes(WireReader& r, ConnectAttributes* attributes) {
  if (r.empty()) return Status::OK();
  std::optional<std::string_view> block = r.LenencString();
  if (!block) return Malformed();
  WireReader pairs(*block);
  while (!pairs.empty()) {
    std::optional<std::string_view> key = pairs.LenencString();
    std::optional<std::string_view> value = pairs.LenencString();
    if (!key || !value) return Malformed();
    attributes->emplace_back(*key, *value);
  }
  return Status::OK();
}

std::optional<std::string_view> ReadAuthResponse(WireReader& r, uint32_t capabilities) {
  if (capabilities & kClientPluginAuthLenencClientData) return r.LenencString();
  if (capabilities & kClientSecureConnection) {
    std::optional<uint8_t> length = r.Int1();
    if (!length) return std::nullopt;
    return r.Bytes(*length);
  }
  return r.NulString();
}

}  // namespace

std::string EncodeHandshakeV10(uint32_t connection_id, std::string_view scramble) {
  std::string out;
  WireWriter w(out);
  w.Int1(10);
  w.NulString(kServerVersion);
  w.Int4(connection_id);
  w.Bytes(scramble.substr(0, kScramblePart1));
  w.Int1(0);
  w.Int2(kServerCapabilities & 0xFFFF);
  w.Int1(kServerCollation);
  w.Int2(kServerStatusAutocommit);
  w.Int2(kServerCapabilities >> 16);
  w.Int1(kScrambleLength + 1);
  w.Zeros(10);
  w.NulString(scramble.substr(kScramblePart1));
  w.NulString(kNativePasswordPlugin);
  return out;
}

Result<HandshakeResponse> ParseHandshakeResponse(std::string_view payload) {
  WireReader r(payload);
  HandshakeResponse response;
  std::optional<uint32_t> capabilities = r.Int4();
  std::optional<uint32_t> max_packet = r.Int4();
  std::optional<uint8_t> charset = r.Int1();
  if (!capabilities || !max_packet || !charset || !r.Skip(kResponseFillerLength)) {
    return Malformed();
  }
  if (!(*capabilities & kClientProtocol41)) return Malformed();
  if (r.empty() && (*capabilities & kClientSsl)) return Malformed();  // SSLRequest
  response.capabilities = *capabilities;
  response.max_packet_size = *max_packet;
  response.charset = *charset;

  uint32_t effective = *capabilities & kServerCapabilities;
  std::optional<std::string_view> user = r.NulString();
  if (!user) return Malformed();
  response.user = *user;
  std::optional<std::string_view> auth = ReadAuthResponse(r, effective);
  if (!auth) return Malformed();
  response.auth_response = *auth;
  if (effective & kClientConnectWithDb) response.database = NulStringOrRest(r);
  if (effective & kClientPluginAuth) response.auth_plugin = NulStringOrRest(r);
  if (effective & kClientConnectAttrs) {
    VEXDB_RETURN_IF_ERROR(ReadConnectAttributes(r, &response.attributes));
  }
  return response;
}

std::string EncodeAuthSwitchRequest(std::string_view plugin, std::string_view scramble) {
  std::string out;
  WireWriter w(out);
  w.Int1(kEofHeader);
  w.NulString(plugin);
  w.NulString(scramble);
  return out;
}

Result<ChangeUserRequest> ParseChangeUser(std::string_view body, uint32_t capabilities) {
  WireReader r(body);
  ChangeUserRequest request;
  std::optional<std::string_view> user = r.NulString();
  if (!user) return Malformed();
  request.user = *user;
  // COM_CHANGE_USER uses a 1-byte auth length even when lenenc client data was negotiated.
  std::optional<std::string_view> auth =
      ReadAuthResponse(r, capabilities & ~kClientPluginAuthLenencClientData);
  if (!auth) return Malformed();
  request.auth_response = *auth;
  request.database = NulStringOrRest(r);
  if (r.empty()) return request;
  if (!r.Int2()) return Malformed();  // character set; the session keeps utf8mb4
  if (capabilities & kClientPluginAuth) request.auth_plugin = NulStringOrRest(r);
  ConnectAttributes ignored;
  if (capabilities & kClientConnectAttrs) {
    VEXDB_RETURN_IF_ERROR(ReadConnectAttributes(r, &ignored));
  }
  return request;
}

}  // namespace vexdb
