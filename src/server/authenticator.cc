#include "server/authenticator.h"

#include "server/mysql_protocol.h"
#include "server/password_crypto.h"

namespace vexdb {

std::optional<AuthPlugin> AuthPluginFromName(std::string_view name) {
  if (name == kNativePasswordPlugin) return AuthPlugin::kNativePassword;
  if (name == kCachingSha2PasswordPlugin) return AuthPlugin::kCachingSha2Password;
  return std::nullopt;
}

const char* AuthPluginName(AuthPlugin plugin) {
  switch (plugin) {
    case AuthPlugin::kNativePassword: return kNativePasswordPlugin;
    case AuthPlugin::kCachingSha2Password: return kCachingSha2PasswordPlugin;
  }
  return kNativePasswordPlugin;
}

UserAccount UserAccount::Create(std::string user, std::string_view password,
                                bool loopback_only) {
  return UserAccount{std::move(user), NativePasswordHash(password),
                     CachingSha2PasswordHash(password), loopback_only};
}

Authenticator Authenticator::Default() {
  return Authenticator({UserAccount::Create("root", "", /*loopback_only=*/true)});
}

bool IsEmptyAuthResponse(std::string_view response) {
  return response.empty() || response == std::string_view("\0", 1);
}

const UserAccount* Authenticator::Find(std::string_view user) const {
  for (const UserAccount& account : accounts_) {
    if (account.user == user) return &account;
  }
  return nullptr;
}

Status Authenticator::Authenticate(const LoginAttempt& attempt) const {
  bool empty_response = IsEmptyAuthResponse(attempt.response);
  const UserAccount* account = Find(attempt.user);
  bool ok = account != nullptr && (attempt.from_loopback || !account->loopback_only);
  if (ok) {
    const std::string& stored = attempt.plugin == AuthPlugin::kNativePassword
                                    ? account->native_hash
                                    : account->sha2_hash;
    if (stored.empty()) {
      ok = empty_response;
    } else if (attempt.plugin == AuthPlugin::kNativePassword) {
      ok = VerifyNativePassword(attempt.response, attempt.scramble, stored);
    } else {
      ok = VerifyCachingSha2Password(attempt.response, attempt.scramble, stored);
    }
  }
  if (ok) return Status::OK();
  return Status::Error(ErrorCode::kAccessDenied, attempt.user, attempt.host,
                       empty_response ? "NO" : "YES");
}

}  // namespace vexdb
