#pragma once

// Uint256: a minimal unsigned 256-bit integer for Decimal's intermediate results (the product of
// two 38-digit mantissas, a dividend scaled by up to 10^60). Only what Decimal needs: multiply by
// a 64-bit factor or a power of ten with overflow detection, compare, subtract, and long
// division. Internal to src/types; not a general-purpose big integer.

#include <array>
#include <cstdint>

namespace vexdb {

class Uint256 {
 public:
  Uint256() = default;
  explicit Uint256(unsigned __int128 v)
      : limbs_{static_cast<uint64_t>(v), static_cast<uint64_t>(v >> 64), 0, 0} {}

  // The full product of two 128-bit values.
  static Uint256 Product(unsigned __int128 a, unsigned __int128 b);

  bool IsZero() const { return (limbs_[0] | limbs_[1] | limbs_[2] | limbs_[3]) == 0; }
  bool FitsU128() const { return (limbs_[2] | limbs_[3]) == 0; }
  unsigned __int128 ToU128() const {  // REQUIRES: FitsU128()
    return (static_cast<unsigned __int128>(limbs_[1]) << 64) | limbs_[0];
  }

  // *this *= factor; returns false (leaving *this unspecified) on overflow.
  bool MulU64(uint64_t factor);
  // *this *= 10^n (n >= 0); returns false on overflow.
  bool MulPow10(int n);
  // *this += v; returns false on overflow.
  bool AddU64(uint64_t v);
  // *this += other; returns false on overflow.
  bool Add(const Uint256& other);
  // *this -= other. REQUIRES: *this >= other.
  void Sub(const Uint256& other);

  // Quotient of *this / divisor, rounded half up (away from zero for magnitudes).
  // REQUIRES: divisor is not zero.
  Uint256 DivRoundHalfUp(const Uint256& divisor) const;
  // Quotient and remainder of *this / divisor. REQUIRES: divisor is not zero.
  void DivMod(const Uint256& divisor, Uint256* quotient, Uint256* remainder) const;

  int Compare(const Uint256& other) const;
  bool operator<(const Uint256& other) const { return Compare(other) < 0; }
  bool operator>=(const Uint256& other) const { return Compare(other) >= 0; }
  bool operator==(const Uint256& other) const = default;

 private:
  bool Bit(int i) const { return (limbs_[i / 64] >> (i % 64)) & 1; }
  void ShiftLeft1();
  int BitLength() const;

  std::array<uint64_t, 4> limbs_{};  // little endian
};

}  // namespace vexdb
