#pragma once

// Authenticator: decides whether a login attempt names a known account and proves its password.
// For now the accounts are fixed at construction (Default(): root with an empty password,
// loopback only, as DESIGN.md specifies); a users table can replace the account list later
// without touching the protocol code, which only sees Authenticate().
//
// Thread safety: immutable after construction; Authenticate() may be called from any thread.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace vexdb {

// The authentication plugins vexdb accepts. Any other plugin a client names is answered with an
// AuthSwitchRequest to mysql_native_password.
enum class AuthPlugin { kNativePassword, kCachingSha2Password };

// nullopt for a plugin vexdb does not accept.
std::optional<AuthPlugin> AuthPluginFromName(std::string_view name);
const char* AuthPluginName(AuthPlugin plugin);

struct UserAccount {
  std::string user;
  std::string native_hash;  // NativePasswordHash(password); "" = no password
  std::string sha2_hash;    // CachingSha2PasswordHash(password); "" = no password
  bool loopback_only = true;

  static UserAccount Create(std::string user, std::string_view password, bool loopback_only);
};

struct LoginAttempt {
  std::string_view user;
  std::string_view host;  // the peer's address, as error messages show it
  bool from_loopback = false;
  AuthPlugin plugin = AuthPlugin::kNativePassword;
  std::string_view scramble;  // the nonce this connection sent
  std::string_view response;  // the auth data the client sent for `plugin`
};

class Authenticator {
 public:
  // root with an empty password, accepted from 127.0.0.0/8 and ::1 only.
  static Authenticator Default();

  explicit Authenticator(std::vector<UserAccount> accounts) : accounts_(std::move(accounts)) {}

  // OK, or kAccessDenied (1045, 28000): "Access denied for user 'u'@'h' (using password: YES|NO)"
  // for an unknown user, a wrong password, or a loopback-only account seen from elsewhere.
  Status Authenticate(const LoginAttempt& attempt) const;

 private:
  const UserAccount* Find(std::string_view user) const;

  std::vector<UserAccount> accounts_;
};

// True for an empty password's auth data: nothing, or the single NUL that libmysqlclient's
// caching_sha2_password client sends.
bool IsEmptyAuthResponse(std::string_view response);

}  // namespace vexdb
