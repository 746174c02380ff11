#include "server/login.h"

#include <gtest/gtest.h>

#include "server/in_memory_stream.h"
#include "server/mysql_protocol.h"
#include "server/password_crypto.h"
#include "server/wire_codec.h"

namespace vexdb {
namespace {

const PeerInfo kLoopback{"127.0.0.1", true};

std::string ResponsePacket(std::string_view user, std::string_view auth, std::string_view plugin,
                           std::string_view database = "") {
  std::string out;
  WireWriter w(out);
  uint32_t caps = kClientProtocol41 | kClientSecureConnection | kClientPluginAuth |
                  kClientPluginAuthLenencClientData | kClientMultiResults | kClientFoundRows |
                  kClientDeprecateEof;
  if (!database.empty()) caps |= kClientConnectWithDb;
  w.Int4(caps);
  w.Int4(16 << 20);
  w.Int1(45);
  w.Zeros(23);
  w.NulString(user);
  w.LenencString(auth);
  if (!database.empty()) w.NulString(database);
  w.NulString(plugin);
  return out;
}

// The scramble from the greeting the server wrote (first packet of stream.output).
std::string GreetingScramble(const InMemoryStream& stream) {
  std::vector<RawPacket> packets = Unframe(stream.output);
  const std::string& greeting = packets.at(0).payload;
  size_t version_end = greeting.find('\0', 1);
  std::string part1 = greeting.substr(version_end + 5, 8);
  std::string part2 = greeting.substr(version_end + 5 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10, 12);
  return part1 + part2;
}

TEST(LoginTest, NativePasswordWithPasswordNeedsNoSwitch) {
  Authenticator auth({UserAccount::Create("app", "pw", false)});
  InMemoryStream stream;
  stream.on_input_exhausted = [](InMemoryStream& s) {
    s.input += Frame(ResponsePacket("app", NativePasswordResponse("pw", GreetingScramble(s)),
                                    "mysql_native_password"),
                     1);
    s.on_input_exhausted = nullptr;
  };
  PacketChannel channel(stream);
  ASSERT_TRUE(RunLogin(channel, auth, PeerInfo{"10.0.0.5", false}, 1).ok());
  EXPECT_EQ(channel.sequence(), 2);
}

TEST(LoginTest, NativePasswordEmptyRoot) {
  InMemoryStream stream;
  stream.input = Frame(ResponsePacket("root", "", "mysql_native_password", "test"), 1);
  PacketChannel channel(stream);
  Result<LoginResult> login = RunLogin(channel, Authenticator::Default(), kLoopback, 7);
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->user, "root");
  EXPECT_EQ(login->database, "test");
  EXPECT_EQ(login->scramble, GreetingScramble(stream));
  // DEPRECATE_EOF was requested but is not negotiated.
  EXPECT_EQ(login->capabilities & kClientDeprecateEof, 0u);
  EXPECT_NE(login->capabilities & kClientFoundRows, 0u);
  EXPECT_EQ(channel.sequence(), 2);  // the caller's OK goes out at seq 2
  std::vector<RawPacket> written = Unframe(stream.output);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].sequence, 0);
  EXPECT_EQ(written[0].payload[0], 10);
}

std::string AuthSwitchPayload(std::string_view plugin, std::string_view scramble) {
  std::string out = "\xFE";
  out += plugin;
  out += std::string(1, '\0') + std::string(scramble) + std::string(1, '\0');
  return out;
}

// libmariadb and libmysqlclient, when their plugin differs from the greeting's, first send an
// empty "probe" and expect an AuthSwitchRequest carrying the scramble.
TEST(LoginTest, CachingSha2ProbeIsSwitchedToCachingSha2) {
  InMemoryStream stream;
  int turn = 0;
  stream.on_input_exhausted = [&turn](InMemoryStream& s) {
    if (turn++ == 0) {
      s.input += Frame(ResponsePacket("root", "", "caching_sha2_password"), 1);
    } else {
      std::vector<RawPacket> written = Unframe(s.output);
      ASSERT_EQ(written.size(), 2u);
      EXPECT_EQ(written[1].sequence, 2);
      EXPECT_EQ(written[1].payload,
                AuthSwitchPayload("caching_sha2_password", GreetingScramble(s)));
      s.input += Frame(std::string(1, '\0'), 3);  // libmysqlclient's empty password
      s.on_input_exhausted = nullptr;
    }
  };
  PacketChannel channel(stream);
  ASSERT_TRUE(RunLogin(channel, Authenticator::Default(), kLoopback, 1).ok());
  ASSERT_TRUE(channel.Flush().ok());
  EXPECT_EQ(Unframe(stream.output).size(), 2u);  // no "fast auth ok" for an empty password
  EXPECT_EQ(channel.sequence(), 4);
}

TEST(LoginTest, CachingSha2FastPathWithPasswordSendsFastAuthOk) {
  Authenticator auth({UserAccount::Create("app", "pw", false)});
  InMemoryStream stream;
  int turn = 0;
  stream.on_input_exhausted = [&turn](InMemoryStream& s) {
    std::string answer = CachingSha2PasswordResponse("pw", GreetingScramble(s));
    if (turn++ == 0) {
      s.input += Frame(ResponsePacket("app", "", "caching_sha2_password"), 1);
    } else {
      s.input += Frame(answer, 3);
      s.on_input_exhausted = nullptr;
    }
  };
  PacketChannel channel(stream);
  ASSERT_TRUE(RunLogin(channel, auth, kLoopback, 1).ok());
  ASSERT_TRUE(channel.Flush().ok());
  std::vector<RawPacket> written = Unframe(stream.output);
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[2].sequence, 4);
  EXPECT_EQ(written[2].payload, "\x01\x03");
}

TEST(LoginTest, CachingSha2WrongPasswordIsDenied) {
  Authenticator auth({UserAccount::Create("app", "pw", false)});
  InMemoryStream stream;
  int turn = 0;
  stream.on_input_exhausted = [&turn](InMemoryStream& s) {
    if (turn++ == 0) {
      s.input += Frame(ResponsePacket("app", "", "caching_sha2_password"), 1);
    } else {
      s.input += Frame(CachingSha2PasswordResponse("nope", GreetingScramble(s)), 3);
      s.on_input_exhausted = nullptr;
    }
  };
  PacketChannel channel(stream);
  EXPECT_EQ(RunLogin(channel, auth, kLoopback, 1).status().message(),
            "Access denied for user 'app'@'127.0.0.1' (using password: YES)");
}

TEST(LoginTest, UnknownPluginIsSwitchedToNativePassword) {
  Authenticator auth({UserAccount::Create("app", "pw", false)});
  InMemoryStream stream;
  int turn = 0;
  stream.on_input_exhausted = [&turn](InMemoryStream& s) {
    std::string scramble = GreetingScramble(s);
    if (turn++ == 0) {
      s.input += Frame(ResponsePacket("app", "whatever", "sha256_password"), 1);
    } else {
      std::vector<RawPacket> written = Unframe(s.output);
      ASSERT_EQ(written.size(), 2u);
      EXPECT_EQ(written[1].sequence, 2);
      EXPECT_EQ(written[1].payload, AuthSwitchPayload("mysql_native_password", scramble));
      s.input += Frame(NativePasswordResponse("pw", scramble), 3);
      s.on_input_exhausted = nullptr;
    }
  };
  PacketChannel channel(stream);
  Result<LoginResult> login = RunLogin(channel, auth, kLoopback, 1);
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(channel.sequence(), 4);
}

TEST(LoginTest, WrongUserGetsAccessDenied) {
  InMemoryStream stream;
  stream.input = Frame(ResponsePacket("mallory", "", "mysql_native_password"), 1);
  PacketChannel channel(stream);
  Result<LoginResult> login = RunLogin(channel, Authenticator::Default(), kLoopback, 1);
  EXPECT_EQ(login.status().mysql_errno(), 1045);
  std::vector<RawPacket> written = Unframe(stream.output);
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[1].sequence, 2);
  EXPECT_EQ(written[1].payload,
            "\xFF\x15\x04#28000Access denied for user 'mallory'@'127.0.0.1' (using password: NO)");
}

TEST(LoginTest, RemoteRootIsDenied) {
  InMemoryStream stream;
  stream.input = Frame(ResponsePacket("root", "", "mysql_native_password"), 1);
  PacketChannel channel(stream);
  Result<LoginResult> login =
      RunLogin(channel, Authenticator::Default(), PeerInfo{"192.168.1.9", false}, 1);
  EXPECT_EQ(login.status().message(),
            "Access denied for user 'root'@'192.168.1.9' (using password: NO)");
}

TEST(LoginTest, GarbageResponseGetsBadHandshake) {
  InMemoryStream stream;
  stream.input = Frame("\x01\x02\x03", 1);
  PacketChannel channel(stream);
  EXPECT_EQ(RunLogin(channel, Authenticator::Default(), kLoopback, 1).status().mysql_errno(),
            1043);
  std::vector<RawPacket> written = Unframe(stream.output);
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[1].payload.substr(0, 3), "\xFF\x13\x04");
}

TEST(LoginTest, OversizedResponseIsRefused) {
  InMemoryStream stream;
  stream.input = Frame(std::string(kMaxLoginPacket + 1, 'a'), 1);
  PacketChannel channel(stream);
  EXPECT_EQ(RunLogin(channel, Authenticator::Default(), kLoopback, 1).status().mysql_errno(),
            1153);
}

TEST(LoginTest, PeerThatLeavesEarly) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  EXPECT_FALSE(RunLogin(channel, Authenticator::Default(), kLoopback, 1).ok());
  EXPECT_TRUE(channel.broken());
}

}  // namespace
}  // namespace vexdb
