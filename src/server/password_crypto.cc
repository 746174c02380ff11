#include "server/password_crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "server/mysql_protocol.h"

namespace vexdb {

namespace {

std::string Digest(const EVP_MD* md, std::string_view a, std::string_view b = {}) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
            EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 &&
            EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 &&
            EVP_DigestFinal_ex(ctx, out, &length) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return std::string();  // never matches a stored hash
  return std::string(reinterpret_cast<char*>(out), length);
}

std::string Sha1(std::string_view a, std::string_view b = {}) { return Digest(EVP_sha1(), a, b); }
std::string Sha256(std::string_view a, std::string_view b = {}) {
  return Digest(EVP_sha256(), a, b);
}

std::string Xor(std::string_view a, std::string_view b) {
  std::string out(a);
  for (size_t i = 0; i < out.size() && i < b.size(); i++) out[i] ^= b[i];
  return out;
}

bool SecureEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

Result<std::string> GenerateScramble() {
  unsigned char bytes[kScrambleLength];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) return Status::Internal("RAND_bytes failed");
  std::string scramble(kScrambleLength, '\0');
  for (size_t i = 0; i < kScrambleLength; i++) {
    char c = static_cast<char>(bytes[i] & 0x7F);
    if (c == '\0' || c == '$') c++;
    scramble[i] = c;
  }
  return scramble;
}

std::string NativePasswordHash(std::string_view password) {
  if (password.empty()) return std::string();
  return Sha1(Sha1(password));
}

std::string CachingSha2PasswordHash(std::string_view password) {
  if (password.empty()) return std::string();
  return Sha256(Sha256(password));
}

std::string NativePasswordResponse(std::string_view password, std::string_view scramble) {
  if (password.empty()) return std::string();
  std::string stage1 = Sha1(password);
  return Xor(stage1, Sha1(scramble, Sha1(stage1)));
}

std::string CachingSha2PasswordResponse(std::string_view password, std::string_view scramble) {
  if (password.empty()) return std::string();
  std::string stage1 = Sha256(password);
  return Xor(stage1, Sha256(Sha256(stage1), scramble));
}

bool VerifyNativePassword(std::string_view response, std::string_view scramble,
                          std::string_view stored_hash) {
  if (response.size() != stored_hash.size()) return false;
  std::string stage1 = Xor(response, Sha1(scramble, stored_hash));
  return SecureEqual(Sha1(stage1), stored_hash);
}

bool VerifyCachingSha2Password(std::string_view response, std::string_view scramble,
                               std::string_view stored_hash) {
  if (response.size() != stored_hash.size()) return false;
  std::string stage1 = Xor(response, Sha256(stored_hash, scramble));
  return SecureEqual(Sha256(stage1), stored_hash);
}

}  // namespace vexdb
