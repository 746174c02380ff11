#include "server/login.h"

#include "server/handshake_packets.h"
#include "server/mysql_protocol.h"
#include "server/password_crypto.h"
#include "server/response_packets.h"

namespace vexdb {

namespace {

// Sends `error` as an ERR packet if the channel can still carry it, and returns it.
Status Reject(PacketChannel& channel, Status error) {
  if (!channel.broken()) {
    Status sent = channel.WritePacket(EncodeErr(error));
    if (sent.ok()) sent = channel.Flush();
    sent.IgnoreError();  // the connection closes either way
  }
  return error;
}

// Sends AuthSwitchRequest for `plugin` and returns the client's answer.
Result<std::string> SwitchPlugin(PacketChannel& channel, AuthPlugin plugin,
                                 std::string_view scramble) {
  VEXDB_RETURN_IF_ERROR(
      channel.WritePacket(EncodeAuthSwitchRequest(AuthPluginName(plugin), scramble)));
  VEXDB_RETURN_IF_ERROR(channel.Flush());
  std::string answer;
  VEXDB_RETURN_IF_ERROR(channel.ReadPacket(kMaxLoginPacket, &answer));
  return answer;
}

}  // namespace

Status AuthenticateClient(PacketChannel& channel, const Authenticator& authenticator,
                          const PeerInfo& peer, uint32_t capabilities, std::string_view user,
                          std::string_view plugin_name, std::string response,
                          std::string_view scramble) {
  AuthPlugin plugin = AuthPlugin::kNativePassword;  // what the greeting announced
  if ((capabilities & kClientPluginAuth) && !plugin_name.empty() &&
      plugin_name != kNativePasswordPlugin) {
    // The client answered for another plugin, so its data may not come from our scramble
    // (libmysqlclient and libmariadb send an empty probe, indistinguishable from an empty
    // password). Like MySQL, restart with an AuthSwitchRequest: to the client's plugin if we
    // take it, else to mysql_native_password.
    plugin = AuthPluginFromName(plugin_name).value_or(AuthPlugin::kNativePassword);
    VEXDB_ASSIGN_OR_RETURN(response, SwitchPlugin(channel, plugin, scramble));
  }
  LoginAttempt attempt{user, peer.host, peer.loopback, plugin, scramble, response};
  VEXDB_RETURN_IF_ERROR(authenticator.Authenticate(attempt));
  if (plugin == AuthPlugin::kCachingSha2Password && !IsEmptyAuthResponse(response)) {
    std::string fast_auth_ok{static_cast<char>(kAuthMoreDataHeader),
                             static_cast<char>(kCachingSha2FastAuthOk)};
    VEXDB_RETURN_IF_ERROR(channel.WritePacket(fast_auth_ok));
  }
  return Status::OK();
}

Result<LoginResult> RunLogin(PacketChannel& channel, const Authenticator& authenticator,
                             const PeerInfo& peer, uint32_t connection_id) {
  LoginResult result;
  VEXDB_ASSIGN_OR_RETURN(result.scramble, GenerateScramble());
  VEXDB_RETURN_IF_ERROR(channel.WritePacket(EncodeHandshakeV10(connection_id, result.scramble)));
  VEXDB_RETURN_IF_ERROR(channel.Flush());

  std::string payload;
  Status status = channel.ReadPacket(kMaxLoginPacket, &payload);
  if (!status.ok()) return Reject(channel, std::move(status));
  Result<HandshakeResponse> response = ParseHandshakeResponse(payload);
  if (!response.ok()) return Reject(channel, response.TakeStatus());

  result.user = response->user;
  result.database = response->database;
  result.capabilities = response->capabilities & kServerCapabilities;
  status = AuthenticateClient(channel, authenticator, peer, result.capabilities, result.user,
                              response->auth_plugin, std::move(response->auth_response),
                              result.scramble);
  if (!status.ok()) return Reject(channel, std::move(status));
  return result;
}

}  // namespace vexdb
