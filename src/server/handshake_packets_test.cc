#include "server/handshake_packets.h"

#include <random>

#include <gtest/gtest.h>

#include "common/version.h"
#include "server/mysql_protocol.h"
#include "server/wire_codec.h"

namespace vexdb {
namespace {

const std::string kScramble = "abcdefgh1234567890AB";

TEST(HandshakeV10Test, Layout) {
  std::string packet = EncodeHandshakeV10(0x01020304, kScramble);
  WireReader r(packet);
  EXPECT_EQ(r.Int1(), 10);
  EXPECT_EQ(r.NulString(), std::string_view(kServerVersion));
  EXPECT_EQ(r.Int4(), 0x01020304u);
  EXPECT_EQ(r.Bytes(8), "abcdefgh");
  EXPECT_EQ(r.Int1(), 0);
  std::optional<uint16_t> caps_low = r.Int2();
  EXPECT_EQ(r.Int1(), 46);          // utf8mb4_bin
  EXPECT_EQ(r.Int2(), 0x0002);      // SERVER_STATUS_AUTOCOMMIT
  std::optional<uint16_t> caps_high = r.Int2();
  ASSERT_TRUE(caps_low && caps_high);
  EXPECT_EQ(uint32_t{*caps_low} | uint32_t{*caps_high} << 16, kServerCapabilities);
  EXPECT_EQ(r.Int1(), 21);
  EXPECT_EQ(r.Bytes(10), std::string(10, '\0'));
  EXPECT_EQ(r.Bytes(13), std::string("1234567890AB\0", 13));
  EXPECT_EQ(r.NulString(), "mysql_native_password");
  EXPECT_TRUE(r.empty());
}

TEST(HandshakeV10Test, AdvertisesExactlyTheAgreedCapabilities) {
  const uint32_t expected = kClientLongPassword | kClientFoundRows | kClientLongFlag |
                            kClientConnectWithDb | kClientProtocol41 | kClientTransactions |
                            kClientSecureConnection | kClientMultiStatements |
                            kClientMultiResults | kClientPluginAuth |
                            kClientPluginAuthLenencClientData | kClientConnectAttrs;
  EXPECT_EQ(kServerCapabilities, expected);
  for (uint32_t absent : {kClientSsl, kClientDeprecateEof, kClientQueryAttributes,
                          kClientSessionTrack, kClientCompress, kClientLocalFiles}) {
    EXPECT_EQ(kServerCapabilities & absent, 0u) << absent;
  }
}

TEST(HandshakeV10Test, VersionParsesAsMysql8) {
  // mysql-connector-python: ^(\d{1,2})\.(\d{1,2})\.(\d{1,3})(.*)
  EXPECT_EQ(std::string_view(kServerVersion).substr(0, 7), "8.0.11-");
}

struct ClientSpec {
  uint32_t capabilities = kClientProtocol41 | kClientSecureConnection | kClientPluginAuth |
                          kClientPluginAuthLenencClientData | kClientConnectAttrs |
                          kClientConnectWithDb | kClientMultiResults | kClientFoundRows;
  std::string user = "root";
  std::string auth = std::string(20, 'x');
  std::string database = "test";
  std::string plugin = "mysql_native_password";
  std::vector<std::pair<std::string, std::string>> attributes = {{"_client_name", "pymysql"},
                                                                  {"_pid", "4242"}};
};

// Builds a HandshakeResponse41 the way PyMySQL / libmysqlclient do.
std::string BuildResponse(const ClientSpec& spec) {
  std::string out;
  WireWriter w(out);
  w.Int4(spec.capabilities);
  w.Int4(16 << 20);
  w.Int1(45);
  w.Zeros(23);
  w.NulString(spec.user);
  if (spec.capabilities & kClientPluginAuthLenencClientData) {
    w.LenencString(spec.auth);
  } else if (spec.capabilities & kClientSecureConnection) {
    w.Int1(static_cast<uint8_t>(spec.auth.size()));
    w.Bytes(spec.auth);
  } else {
    w.NulString(spec.auth);
  }
  if (spec.capabilities & kClientConnectWithDb) w.NulString(spec.database);
  if (spec.capabilities & kClientPluginAuth) w.NulString(spec.plugin);
  if (spec.capabilities & kClientConnectAttrs) {
    std::string attrs;
    WireWriter a(attrs);
    for (const auto& [key, value] : spec.attributes) {
      a.LenencString(key);
      a.LenencString(value);
    }
    w.LenencString(attrs);
  }
  return out;
}

TEST(HandshakeResponseTest, ParsesAllFields) {
  ClientSpec spec;
  Result<HandshakeResponse> parsed = ParseHandshakeResponse(BuildResponse(spec));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->capabilities, spec.capabilities);
  EXPECT_EQ(parsed->max_packet_size, 16u << 20);
  EXPECT_EQ(parsed->charset, 45);
  EXPECT_EQ(parsed->user, "root");
  EXPECT_EQ(parsed->auth_response, spec.auth);
  EXPECT_EQ(parsed->database, "test");
  EXPECT_EQ(parsed->auth_plugin, "mysql_native_password");
  ASSERT_EQ(parsed->attributes.size(), 2u);
  EXPECT_EQ(parsed->attributes[1].first, "_pid");
  EXPECT_EQ(parsed->attributes[1].second, "4242");
}

TEST(HandshakeResponseTest, OneByteAuthLengthWithoutLenencClientData) {
  ClientSpec spec;
  spec.capabilities &= ~(kClientPluginAuthLenencClientData | kClientConnectAttrs);
  spec.auth = "";
  Result<HandshakeResponse> parsed = ParseHandshakeResponse(BuildResponse(spec));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->auth_response, "");
  EXPECT_EQ(parsed->database, "test");
}

TEST(HandshakeResponseTest, NoDatabaseNoPlugin) {
  ClientSpec spec;
  spec.capabilities &= ~(kClientConnectWithDb | kClientPluginAuth | kClientConnectAttrs);
  Result<HandshakeResponse> parsed = ParseHandshakeResponse(BuildResponse(spec));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->database, "");
  EXPECT_EQ(parsed->auth_plugin, "");
}

TEST(HandshakeResponseTest, MissingFinalNulIsTolerated) {
  ClientSpec spec;
  spec.capabilities &= ~kClientConnectAttrs;
  std::string packet = BuildResponse(spec);
  packet.pop_back();
  Result<HandshakeResponse> parsed = ParseHandshakeResponse(packet);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->auth_plugin, "mysql_native_password");
}

TEST(HandshakeResponseTest, RejectsSslRequest) {
  ClientSpec spec;
  std::string packet = BuildResponse(spec).substr(0, 32);
  packet[1] |= static_cast<char>(kClientSsl >> 8);
  EXPECT_EQ(ParseHandshakeResponse(packet).status().mysql_errno(), 1043);
}

TEST(HandshakeResponseTest, RejectsPre41Client) {
  ClientSpec spec;
  spec.capabilities &= ~kClientProtocol41;
  EXPECT_EQ(ParseHandshakeResponse(BuildResponse(spec)).status().mysql_errno(), 1043);
}

TEST(HandshakeResponseTest, EveryTruncationFailsCleanly) {
  ClientSpec spec;
  std::string packet = BuildResponse(spec);
  // Up to the end of the auth response every prefix is missing a required field.
  size_t required = 32 + spec.user.size() + 1 + 1 + spec.auth.size();
  for (size_t n = 0; n < packet.size(); n++) {
    Result<HandshakeResponse> parsed = ParseHandshakeResponse(packet.substr(0, n));
    if (n < required) {
      EXPECT_FALSE(parsed.ok()) << n;
    }
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().mysql_errno(), 1043) << n;
    }
  }
}

TEST(HandshakeResponseTest, OverlongLengthsFail) {
  ClientSpec spec;
  spec.capabilities &= ~(kClientConnectWithDb | kClientPluginAuth | kClientConnectAttrs);
  std::string packet = BuildResponse(spec);
  packet[32 + 5] = '\xFE';  // auth length claims 2^64-ish bytes
  EXPECT_FALSE(ParseHandshakeResponse(packet).ok());

  ClientSpec with_attrs;
  with_attrs.attributes.clear();
  std::string attrs_packet = BuildResponse(with_attrs);
  attrs_packet.back() = '\x03';
  attrs_packet += "\x05" "ab";  // a 3-byte block holding a key that claims 5 bytes
  EXPECT_FALSE(ParseHandshakeResponse(attrs_packet).ok());
}

TEST(HandshakeResponseTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(42);
  std::string base = BuildResponse(ClientSpec());
  for (int i = 0; i < 20000; i++) {
    std::string packet = base;
    int mutations = 1 + rng() % 8;
    for (int m = 0; m < mutations; m++) packet[rng() % packet.size()] = static_cast<char>(rng());
    packet.resize(rng() % (packet.size() + 1));
    ParseHandshakeResponse(packet).status().IgnoreError();
    std::string noise(rng() % 200, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    ParseHandshakeResponse(noise).status().IgnoreError();
  }
}

TEST(AuthSwitchRequestTest, Layout) {
  EXPECT_EQ(EncodeAuthSwitchRequest("mysql_native_password", kScramble),
            std::string("\xFEmysql_native_password\0", 23) + kScramble + std::string(1, '\0'));
}

TEST(ChangeUserTest, ParsesLibmysqlclientLayout) {
  std::string body;
  WireWriter w(body);
  w.NulString("root");
  w.Int1(0);  // empty auth response
  w.NulString("test");
  w.Int2(45);
  w.NulString("mysql_native_password");
  w.LenencString(std::string("\x04_pid\x02" "42", 8));
  uint32_t caps = kServerCapabilities;
  Result<ChangeUserRequest> parsed = ParseChangeUser(body, caps);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->user, "root");
  EXPECT_EQ(parsed->auth_response, "");
  EXPECT_EQ(parsed->database, "test");
  EXPECT_EQ(parsed->auth_plugin, "mysql_native_password");
}

TEST(ChangeUserTest, MinimalAndTruncated) {
  std::string body("bob\0\0", 5);
  Result<ChangeUserRequest> parsed = ParseChangeUser(body, kServerCapabilities);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->user, "bob");
  EXPECT_EQ(parsed->database, "");
  EXPECT_FALSE(ParseChangeUser("bob", kServerCapabilities).ok());
  EXPECT_FALSE(ParseChangeUser(std::string("bob\0\x09xx", 7), kServerCapabilities).ok());
}

}  // namespace
}  // namespace vexdb
