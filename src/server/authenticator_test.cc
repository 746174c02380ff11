#include "server/authenticator.h"

#include <gtest/gtest.h>

#include "server/password_crypto.h"

namespace vexdb {
namespace {

const std::string kScramble = "0123456789abcdefghij";

LoginAttempt Attempt(std::string_view user, std::string_view response, bool loopback = true,
                     AuthPlugin plugin = AuthPlugin::kNativePassword) {
  return LoginAttempt{user, loopback ? "127.0.0.1" : "10.1.2.3", loopback, plugin, kScramble,
                      response};
}

TEST(AuthenticatorTest, RootWithEmptyPasswordFromLoopback) {
  Authenticator auth = Authenticator::Default();
  EXPECT_TRUE(auth.Authenticate(Attempt("root", "")).ok());
  EXPECT_TRUE(auth.Authenticate(Attempt("root", "", true, AuthPlugin::kCachingSha2Password)).ok());
  // libmysqlclient's caching_sha2_password client sends one NUL for an empty password.
  EXPECT_TRUE(auth.Authenticate(Attempt("root", std::string_view("\0", 1), true,
                                        AuthPlugin::kCachingSha2Password))
                  .ok());
}

TEST(AuthenticatorTest, RootFromElsewhereIsDenied) {
  Status status = Authenticator::Default().Authenticate(Attempt("root", "", false));
  EXPECT_EQ(status.mysql_errno(), 1045);
  EXPECT_STREQ(status.sqlstate(), "28000");
  EXPECT_EQ(status.message(), "Access denied for user 'root'@'10.1.2.3' (using password: NO)");
}

TEST(AuthenticatorTest, PasswordForPasswordlessAccountIsDenied) {
  Status status = Authenticator::Default().Authenticate(
      Attempt("root", NativePasswordResponse("x", kScramble)));
  EXPECT_EQ(status.message(), "Access denied for user 'root'@'127.0.0.1' (using password: YES)");
  status = Authenticator::Default().Authenticate(Attempt(
      "root", CachingSha2PasswordResponse("x", kScramble), true, AuthPlugin::kCachingSha2Password));
  EXPECT_EQ(status.mysql_errno(), 1045);
}

TEST(AuthenticatorTest, UnknownUserIsDenied) {
  Status status = Authenticator::Default().Authenticate(Attempt("alice", ""));
  EXPECT_EQ(status.message(), "Access denied for user 'alice'@'127.0.0.1' (using password: NO)");
}

TEST(AuthenticatorTest, AccountWithPasswordBothPlugins) {
  Authenticator auth({UserAccount::Create("app", "s3cret", /*loopback_only=*/false)});
  EXPECT_TRUE(
      auth.Authenticate(Attempt("app", NativePasswordResponse("s3cret", kScramble), false)).ok());
  EXPECT_TRUE(auth.Authenticate(Attempt("app", CachingSha2PasswordResponse("s3cret", kScramble),
                                        false, AuthPlugin::kCachingSha2Password))
                  .ok());
  EXPECT_FALSE(
      auth.Authenticate(Attempt("app", NativePasswordResponse("wrong", kScramble), false)).ok());
  EXPECT_FALSE(auth.Authenticate(Attempt("app", "", false)).ok());
}

TEST(AuthenticatorTest, PluginNames) {
  EXPECT_EQ(AuthPluginFromName("mysql_native_password"), AuthPlugin::kNativePassword);
  EXPECT_EQ(AuthPluginFromName("caching_sha2_password"), AuthPlugin::kCachingSha2Password);
  EXPECT_FALSE(AuthPluginFromName("sha256_password"));
  EXPECT_FALSE(AuthPluginFromName(""));
}

}  // namespace
}  // namespace vexdb
