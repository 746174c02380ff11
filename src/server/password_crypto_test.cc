#include "server/password_crypto.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

std::string Hex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out.push_back(kDigits[static_cast<uint8_t>(c) >> 4]);
    out.push_back(kDigits[static_cast<uint8_t>(c) & 0xF]);
  }
  return out;
}

// A fixed nonce; the expected responses below were computed independently with PyMySQL's
// pymysql._auth.scramble_native_password / scramble_caching_sha2.
const std::string kScramble =
    "\x3a\x2b\x6c\x11\x05\x7e\x22\x41\x60\x33\x0f\x59\x48\x2d\x71\x13\x0e\x6a\x5c\x27";

TEST(PasswordCryptoTest, NativeHashMatchesMysqlPasswordFunction) {
  // MySQL's manual: PASSWORD('mypass') = '*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4'.
  EXPECT_EQ(Hex(NativePasswordHash("mypass")), "6c8989366eaf75bb670ad8ea7a7fc1176a95cef4");
  EXPECT_EQ(NativePasswordHash(""), "");
}

TEST(PasswordCryptoTest, NativeResponseKnownVector) {
  std::string response = NativePasswordResponse("secret", kScramble);
  EXPECT_EQ(Hex(response), "c24f09be1f82a04f31a2c27300a0d27e17a7f321");
  EXPECT_TRUE(VerifyNativePassword(response, kScramble, NativePasswordHash("secret")));
}

TEST(PasswordCryptoTest, NativeRejectsWrongPasswordOrScramble) {
  std::string stored = NativePasswordHash("secret");
  EXPECT_FALSE(
      VerifyNativePassword(NativePasswordResponse("Secret", kScramble), kScramble, stored));
  std::string other = kScramble;
  other[0] ^= 1;
  EXPECT_FALSE(VerifyNativePassword(NativePasswordResponse("secret", other), kScramble, stored));
  EXPECT_FALSE(VerifyNativePassword("", kScramble, stored));
  EXPECT_FALSE(VerifyNativePassword("short", kScramble, stored));
}

TEST(PasswordCryptoTest, CachingSha2KnownVector) {
  std::string response = CachingSha2PasswordResponse("secret", kScramble);
  EXPECT_EQ(Hex(response), "0afa65b23f5e63d92afbaaa210c429a1b59f6960fb24f5788d3743a937650386");
  EXPECT_EQ(Hex(CachingSha2PasswordHash("secret")),
            "3881219d087dd9c634373fd33dfa33a2cb6bfc6c520b64b8bb60ef2ceb534ae7");
  EXPECT_TRUE(VerifyCachingSha2Password(response, kScramble, CachingSha2PasswordHash("secret")));
  EXPECT_FALSE(VerifyCachingSha2Password(response, kScramble, CachingSha2PasswordHash("other")));
}

TEST(PasswordCryptoTest, ScrambleIsTwentyPrintableBytesWithoutNulOrDollar) {
  for (int i = 0; i < 200; i++) {
    Result<std::string> scramble = GenerateScramble();
    ASSERT_TRUE(scramble.ok());
    ASSERT_EQ(scramble->size(), 20u);
    for (char c : *scramble) {
      EXPECT_NE(c, '\0');
      EXPECT_NE(c, '$');
      EXPECT_LT(static_cast<uint8_t>(c), 0x80);
    }
  }
  EXPECT_NE(*GenerateScramble(), *GenerateScramble());
}

}  // namespace
}  // namespace vexdb
