// Encoding and hashing functions: HEX, UNHEX, TO_BASE64, FROM_BASE64, MD5, SHA1/SHA, SHA2,
// CRC32, UUID. Digests come from OpenSSL's EVP interface and are returned as lowercase hex text,
// as MySQL does; HEX is uppercase. Decoders return NULL on malformed input.

#include <openssl/evp.h>

#include <array>
#include <chrono>
#include <random>
#include <string>

#include "function/function_tables.h"
#include "function/function_util.h"
#include "types/cast.h"

namespace vexdb {

namespace {

std::string ToHex(std::string_view bytes, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 0xF]);
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// HEX(n) of a number is the hex of its 64-bit two's complement integer; HEX(s) of a string
// is the hex of its bytes.
Result<Value> Hex(const FunctionArgs& args) {
  const LogicalType& t = args.types[0];
  if (t.IsNumeric() || t.id == TypeId::kYear) {
    const Value& v = args.values[0];
    uint64_t n =
        v.kind() == ValueKind::kUInt ? v.uint_value() : static_cast<uint64_t>(ValueToInt64(v));
    std::string digits;
    do {
      digits.insert(digits.begin(), "0123456789ABCDEF"[n & 0xF]);
      n >>= 4;
    } while (n != 0);
    return Value::String(digits);
  }
  return Value::String(ToHex(ArgText(args, 0), /*upper=*/true));
}

Result<Value> Unhex(const FunctionArgs& args) {
  std::string s = ArgText(args, 0);
  if (s.size() % 2 == 1) s.insert(s.begin(), '0');
  std::string out;
  out.reserve(s.size() / 2);
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = HexDigit(s[i]), lo = HexDigit(s[i + 1]);
    if (hi < 0 || lo < 0) return Value::Null();
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return Value::String(std::move(out));
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr size_t kBase64LineLength = 76;  // MySQL breaks TO_BASE64 output into 76-char lines

Result<Value> ToBase64(const FunctionArgs& args) {
  std::string s = ArgText(args, 0), out;
  size_t line = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    uint32_t chunk = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) chunk |= static_cast<unsigned char>(s[i + 1]) << 8;
    if (i + 2 < s.size()) chunk |= static_cast<unsigned char>(s[i + 2]);
    if (line == kBase64LineLength) {
      out.push_back('\n');
      line = 0;
    }
    out.push_back(kBase64Alphabet[(chunk >> 18) & 63]);
    out.push_back(kBase64Alphabet[(chunk >> 12) & 63]);
    out.push_back(i + 1 < s.size() ? kBase64Alphabet[(chunk >> 6) & 63] : '=');
    out.push_back(i + 2 < s.size() ? kBase64Alphabet[chunk & 63] : '=');
    line += 4;
  }
  return Value::String(std::move(out));
}

int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// FROM_BASE64 ignores whitespace; anything else malformed (bad characters, bad padding) is NULL.
Result<Value> FromBase64(const FunctionArgs& args) {
  std::string s = ArgText(args, 0), out;
  uint32_t acc = 0;
  int bits = 0, padding = 0;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    int d = Base64Digit(c);
    if (d < 0 || padding > 0) return Value::Null();
    acc = (acc << 6) | static_cast<uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if (padding > 2 || bits >= 6) return Value::Null();
  return Value::String(std::move(out));
}

Result<Value> Digest(const FunctionArgs& args, const EVP_MD* md) {
  std::string s = ArgText(args, 0);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), digest, &len, md, nullptr) != 1) {
    return Status::Internal("digest failed");
  }
  return Value::String(ToHex(std::string_view(reinterpret_cast<char*>(digest), len), false));
}

Result<Value> Md5(const FunctionArgs& args) { return Digest(args, EVP_md5()); }
Result<Value> Sha1(const FunctionArgs& args) { return Digest(args, EVP_sha1()); }

// SHA2(s, bits): bits 224, 256 (or 0), 384, 512; anything else gives NULL.
Result<Value> Sha2(const FunctionArgs& args) {
  switch (ArgInt(args, 1)) {
    case 0:
    case 256:
      return Digest(args, EVP_sha256());
    case 224:
      return Digest(args, EVP_sha224());
    case 384:
      return Digest(args, EVP_sha384());
    case 512:
      return Digest(args, EVP_sha512());
    default:
      return Value::Null();
  }
}

uint32_t Crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

Result<Value> Crc32Fn(const FunctionArgs& args) { return Value::UInt(Crc32(ArgText(args, 0))); }

// UUID(): a version-1 UUID as MySQL generates (time-based), with a random clock sequence and a
// random multicast node id, since vexdb does not read the MAC address.
Result<Value> Uuid(const FunctionArgs&) {
  thread_local std::mt19937_64 rng(std::random_device{}());
  constexpr uint64_t kGregorianOffset = 0x01B21DD213814000ULL;  // 1582-10-15 in 100 ns units
  auto now = std::chrono::system_clock::now().time_since_epoch();
  uint64_t ticks = static_cast<uint64_t>(
                       std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() / 100) +
                   kGregorianOffset;
  uint64_t random = rng();
  uint32_t time_low = static_cast<uint32_t>(ticks);
  uint32_t time_mid = static_cast<uint32_t>(ticks >> 32) & 0xFFFF;
  uint32_t time_hi = (static_cast<uint32_t>(ticks >> 48) & 0x0FFF) | 0x1000;
  uint32_t clock_seq = (static_cast<uint32_t>(random >> 48) & 0x3FFF) | 0x8000;
  uint64_t node = (random & 0xFFFFFFFFFFFFULL) | 0x010000000000ULL;
  return Value::String(fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", time_low, time_mid,
                                   time_hi, clock_seq, node));
}

Result<LogicalType> ReturnHex(std::span<const LogicalType> types) {
  int64_t n = DisplayLength(types[0]);
  return StringType(n < 0 ? -1 : std::max<int64_t>(n * 2, 16));
}

Result<LogicalType> ReturnUnhex(std::span<const LogicalType> types) {
  int64_t n = DisplayLength(types[0]);
  return StringType(n < 0 ? -1 : (n + 1) / 2, /*binary=*/true);
}

Result<LogicalType> ReturnToBase64(std::span<const LogicalType> types) {
  int64_t n = DisplayLength(types[0]);
  return StringType(n < 0 ? -1 : (n + 2) / 3 * 4 + n / 57);
}

constexpr ScalarFunction kCodecFunctions[] = {
    {"hex", 1, 1, ReturnHex, Hex, true, true, nullptr},
    {"unhex", 1, 1, ReturnUnhex, Unhex, true, true, nullptr},
    {"to_base64", 1, 1, ReturnToBase64, ToBase64, true, true, nullptr},
    {"from_base64", 1, 1, ReturnLongBlob, FromBase64, true, true, nullptr},
    {"md5", 1, 1, ReturnVarchar<32>, Md5, true, true, nullptr},
    {"sha1", 1, 1, ReturnVarchar<40>, Sha1, true, true, nullptr},
    {"sha", 1, 1, ReturnVarchar<40>, Sha1, true, true, nullptr},
    {"sha2", 2, 2, ReturnVarchar<128>, Sha2, true, true, nullptr},
    {"crc32", 1, 1, ReturnUnsignedBigInt, Crc32Fn, true, true, nullptr},
    {"uuid", 0, 0, ReturnVarchar<36>, Uuid, false, false, nullptr},
};

}  // namespace

std::span<const ScalarFunction> CodecFunctions() { return kCodecFunctions; }

}  // namespace vexdb
