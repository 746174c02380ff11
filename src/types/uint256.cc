#include "types/uint256.h"

namespace vexdb {

namespace {

using u128 = unsigned __int128;

constexpr uint64_t kPow10U64[] = {1ULL,
                                  10ULL,
                                  100ULL,
                                  1000ULL,
                                  10000ULL,
                                  100000ULL,
                                  1000000ULL,
                                  10000000ULL,
                                  100000000ULL,
                                  1000000000ULL,
                                  10000000000ULL,
                                  100000000000ULL,
                                  1000000000000ULL,
                                  10000000000000ULL,
                                  100000000000000ULL,
                                  1000000000000000ULL,
                                  10000000000000000ULL,
                                  100000000000000000ULL,
                                  1000000000000000000ULL,
                                  10000000000000000000ULL};
constexpr int kMaxPow10U64 = 19;

}  // namespace

Uint256 Uint256::Product(u128 a, u128 b) {
  uint64_t a_limbs[2] = {static_cast<uint64_t>(a), static_cast<uint64_t>(a >> 64)};
  uint64_t b_limbs[2] = {static_cast<uint64_t>(b), static_cast<uint64_t>(b >> 64)};
  Uint256 out;
  for (int i = 0; i < 2; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 2; ++j) {
      u128 cur = static_cast<u128>(a_limbs[i]) * b_limbs[j] + out.limbs_[i + j] + carry;
      out.limbs_[i + j] = static_cast<uint64_t>(cur);
      carry = static_cast<uint64_t>(cur >> 64);
    }
    out.limbs_[i + 2] = carry;
  }
  return out;
}

bool Uint256::MulU64(uint64_t factor) {
  uint64_t carry = 0;
  for (auto& limb : limbs_) {
    u128 cur = static_cast<u128>(limb) * factor + carry;
    limb = static_cast<uint64_t>(cur);
    carry = static_cast<uint64_t>(cur >> 64);
  }
  return carry == 0;
}

bool Uint256::MulPow10(int n) {
  while (n > 0) {
    int step = n < kMaxPow10U64 ? n : kMaxPow10U64;
    if (!MulU64(kPow10U64[step])) return false;
    n -= step;
  }
  return true;
}

bool Uint256::AddU64(uint64_t v) {
  uint64_t carry = v;
  for (auto& limb : limbs_) {
    u128 cur = static_cast<u128>(limb) + carry;
    limb = static_cast<uint64_t>(cur);
    carry = static_cast<uint64_t>(cur >> 64);
    if (carry == 0) break;
  }
  return carry == 0;
}

bool Uint256::Add(const Uint256& other) {
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    u128 cur = static_cast<u128>(limbs_[i]) + other.limbs_[i] + carry;
    limbs_[i] = static_cast<uint64_t>(cur);
    carry = static_cast<uint64_t>(cur >> 64);
  }
  return carry == 0;
}

void Uint256::Sub(const Uint256& other) {
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    u128 sub = static_cast<u128>(other.limbs_[i]) + borrow;
    borrow = static_cast<u128>(limbs_[i]) < sub ? 1 : 0;
    limbs_[i] = static_cast<uint64_t>(static_cast<u128>(limbs_[i]) - sub);
  }
}

int Uint256::Compare(const Uint256& other) const {
  for (int i = 3; i >= 0; --i) {
    if (limbs_[i] != other.limbs_[i]) return limbs_[i] < other.limbs_[i] ? -1 : 1;
  }
  return 0;
}

void Uint256::ShiftLeft1() {
  for (int i = 3; i > 0; --i) limbs_[i] = (limbs_[i] << 1) | (limbs_[i - 1] >> 63);
  limbs_[0] <<= 1;
}

int Uint256::BitLength() const {
  for (int i = 3; i >= 0; --i) {
    if (limbs_[i] != 0) return i * 64 + 64 - __builtin_clzll(limbs_[i]);
  }
  return 0;
}

void Uint256::DivMod(const Uint256& divisor, Uint256* quotient, Uint256* remainder) const {
  if (FitsU128() && divisor.FitsU128()) {
    *quotient = Uint256(ToU128() / divisor.ToU128());
    *remainder = Uint256(ToU128() % divisor.ToU128());
    return;
  }
  Uint256 q;
  Uint256 r;
  for (int i = BitLength() - 1; i >= 0; --i) {
    r.ShiftLeft1();
    r.limbs_[0] |= Bit(i) ? 1 : 0;
    if (r >= divisor) {
      r.Sub(divisor);
      q.limbs_[i / 64] |= 1ULL << (i % 64);
    }
  }
  *quotient = q;
  *remainder = r;
}

Uint256 Uint256::DivRoundHalfUp(const Uint256& divisor) const {
  Uint256 q;
  Uint256 r;
  DivMod(divisor, &q, &r);
  // Round up when 2 * r >= divisor; r < divisor < 2^256, so compare r >= divisor - r.
  Uint256 rest = divisor;
  rest.Sub(r);
  if (r >= rest) q.AddU64(1);
  return q;
}

}  // namespace vexdb
