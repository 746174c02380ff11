#pragma once

// The cryptography of MySQL password authentication: the per-connection nonce ("scramble") and
// the challenge-response schemes of the two plugins vexdb accepts.
//
// mysql_native_password: the server stores SHA1(SHA1(pw)); the client answers
//   SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))).
// caching_sha2_password, fast path: the server stores SHA256(SHA256(pw)); the client answers
//   SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + scramble).
// In both, the server recovers the first hash by XOR and checks that hashing it gives the stored
// value, so it never needs the password itself. Because vexdb stores SHA256(SHA256(pw)) it can
// always verify the caching_sha2 fast path and never needs its RSA or TLS "full" path.
//
// All functions are thread-safe.

#include <string>
#include <string_view>

#include "common/result.h"

namespace vexdb {

// A 20-byte nonce from OpenSSL's CSPRNG, mapped to 7-bit ASCII without NUL and '$' as MySQL does
// (older clients treat it as a C string). Errors: kUnknown if the CSPRNG fails.
Result<std::string> GenerateScramble();

// The stored forms of a password ("" stays "": no password).
std::string NativePasswordHash(std::string_view password);
std::string CachingSha2PasswordHash(std::string_view password);

// What a client sends for `password` given `scramble` ("" for an empty password).
std::string NativePasswordResponse(std::string_view password, std::string_view scramble);
std::string CachingSha2PasswordResponse(std::string_view password, std::string_view scramble);

// True if `response` proves knowledge of the password behind `stored_hash`. Constant-time in the
// compared bytes. REQUIRES: stored_hash is non-empty (empty passwords are checked by the caller).
bool VerifyNativePassword(std::string_view response, std::string_view scramble,
                          std::string_view stored_hash);
bool VerifyCachingSha2Password(std::string_view response, std::string_view scramble,
                               std::string_view stored_hash);

}  // namespace vexdb
