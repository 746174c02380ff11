#pragma once

// Decimal: an exact fixed-point number, value = mantissa * 10^-scale, with up to 38 significant
// digits (a 128-bit mantissa). MySQL allows DECIMAL(65,30); precisions above 38 are rejected at
// DDL time with ER_TOO_BIG_PRECISION until a wider mantissa is needed.
//
// Arithmetic follows MySQL: + and - keep max(scale); * adds scales (capped at 30); division is
// done by the expression layer with div_precision_increment. Operations that overflow 38 digits
// return an error rather than a wrong value.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace vexdb {

class Decimal {
 public:
  static constexpr int kMaxPrecision = 38;
  static constexpr int kMaxScale = 30;

  Decimal() = default;
  Decimal(__int128 mantissa, int scale) : mantissa_(mantissa), scale_(static_cast<int8_t>(scale)) {}
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }

  // Parses "[-+]digits[.digits][e[-+]digits]"; leading/trailing spaces allowed. Rounds half
  // away from zero when more than kMaxScale fractional digits are given.
  static Result<Decimal> Parse(std::string_view text);
  // Nearest decimal to a double, at most 17 significant digits (used by CAST(double AS DECIMAL)).
  static Result<Decimal> FromDouble(double v);

  __int128 mantissa() const { return mantissa_; }
  int scale() const { return scale_; }

  // Canonical text with exactly scale() fractional digits: "3.50", "-0.10", "12".
  std::string ToString() const;
  double ToDouble() const;
  // Rounds half away from zero to an integer; error if out of int64 range.
  Result<int64_t> ToInt64() const;

  // Same value at a new scale (rounding half away from zero when reducing).
  Result<Decimal> Rescale(int new_scale) const;
  // True if the value fits DECIMAL(precision, scale) after Rescale(scale).
  bool FitsPrecision(int precision, int scale) const;

  Result<Decimal> Add(const Decimal& other) const;
  Result<Decimal> Sub(const Decimal& other) const;
  Result<Decimal> Mul(const Decimal& other) const;
  // this / other rounded to result_scale; error kDivisionByZero never: returns NULL handling to
  // the caller, so REQUIRES: !other.IsZero().
  Result<Decimal> Div(const Decimal& other, int result_scale) const;
  Decimal Negate() const { return Decimal(-mantissa_, scale_); }
  bool IsZero() const { return mantissa_ == 0; }
  bool IsNegative() const { return mantissa_ < 0; }

  // Numeric comparison regardless of scale: <0, 0, >0.
  int Compare(const Decimal& other) const;
  // Representation equality (same mantissa and scale); use Compare for numeric equality.
  bool operator==(const Decimal& other) const = default;

 private:
  __int128 mantissa_ = 0;
  int8_t scale_ = 0;
};

}  // namespace vexdb
