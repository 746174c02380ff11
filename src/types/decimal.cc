// Decimal arithmetic on a signed 128-bit mantissa and a scale of 0..30.
//
// Every operation works on magnitudes widened to 256 bits (uint256.h), so no intermediate can
// overflow silently: a result is rounded half away from zero to its scale and then checked
// against 38 digits. Like MySQL, when a product or sum has more digits than fit, fractional
// digits are given up first (rounding); only an integer part wider than 38 digits is an error
// (kDataOutOfRange, "DECIMAL value is out of range in '...'").

#include "types/decimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "types/number_text.h"
#include "types/uint256.h"

namespace vexdb {

namespace {

using u128 = unsigned __int128;

constexpr int kExponentClamp = 100000;

u128 Pow10(int n) {
  u128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

const Uint256& MaxMagnitudeExclusive() {  // 10^38
  static const Uint256 kLimit(Pow10(Decimal::kMaxPrecision));
  return kLimit;
}

Uint256 Pow10Wide(int n) {
  Uint256 v(static_cast<u128>(1));
  v.MulPow10(n);
  return v;
}

u128 Magnitude(__int128 m) { return m < 0 ? static_cast<u128>(-m) : static_cast<u128>(m); }

Status OutOfRange(std::string_view what) {
  return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", what);
}

// Drops `digits` low decimal digits of magnitude, rounding half up.
Uint256 DropDigits(const Uint256& magnitude, int digits) {
  if (digits <= 0) return magnitude;
  return magnitude.DivRoundHalfUp(Pow10Wide(digits));
}

// Builds a Decimal from a sign, a magnitude and a scale, giving up fractional digits while the
// magnitude has more than 38 digits. Returns false if the integer part alone is too wide.
bool Normalize(bool negative, Uint256 magnitude, int scale, Decimal* out) {
  if (scale > Decimal::kMaxScale) {
    magnitude = DropDigits(magnitude, scale - Decimal::kMaxScale);
    scale = Decimal::kMaxScale;
  }
  while (magnitude >= MaxMagnitudeExclusive() && scale > 0) {
    magnitude = DropDigits(magnitude, 1);
    --scale;
  }
  if (magnitude >= MaxMagnitudeExclusive()) return false;
  auto m = static_cast<__int128>(magnitude.ToU128());
  *out = Decimal(negative ? -m : m, scale);
  return true;
}

std::string Expression(const Decimal& a, std::string_view op, const Decimal& b) {
  return "(" + a.ToString() + " " + std::string(op) + " " + b.ToString() + ")";
}

// Magnitudes of a and b brought to the same scale (the larger of the two).
int Align(const Decimal& a, const Decimal& b, Uint256* ma, Uint256* mb) {
  int scale = std::max(a.scale(), b.scale());
  *ma = Uint256(Magnitude(a.mantissa()));
  *mb = Uint256(Magnitude(b.mantissa()));
  ma->MulPow10(scale - a.scale());  // < 10^68: cannot overflow
  mb->MulPow10(scale - b.scale());
  return scale;
}

// a + b, or a - b when negate_b.
Result<Decimal> AddSigned(const Decimal& a, const Decimal& b, bool negate_b) {
  Uint256 ma;
  Uint256 mb;
  int scale = Align(a, b, &ma, &mb);
  bool neg_a = a.IsNegative();
  bool neg_b = b.IsNegative() != negate_b && !b.IsZero();
  bool neg_result = neg_a;
  if (neg_a == neg_b) {
    ma.Add(mb);  // both below 10^68: cannot overflow
  } else if (ma >= mb) {
    ma.Sub(mb);
  } else {
    mb.Sub(ma);
    ma = mb;
    neg_result = neg_b;
  }
  Decimal out;
  if (!Normalize(neg_result && !ma.IsZero(), ma, scale, &out)) {
    return OutOfRange(Expression(a, negate_b ? "-" : "+", b));
  }
  return out;
}

// Rounds a digit string (no sign, no point) to keep `keep` leading digits, half up. Returns the
// kept digits as a magnitude (possibly one digit longer after a carry).
Uint256 RoundDigits(std::string_view digits, int keep) {
  Uint256 v;
  for (int i = 0; i < keep; ++i) {
    v.MulU64(10);
    v.AddU64(static_cast<uint64_t>(digits[i] - '0'));
  }
  if (keep >= 0 && keep < static_cast<int>(digits.size()) && digits[keep] >= '5') v.AddU64(1);
  return v;
}

struct ParsedNumber {
  bool negative = false;
  std::string digits;  // significant digits, leading zeros removed
  int64_t scale = 0;   // value = digits * 10^-scale
};

bool ParseNumber(std::string_view text, ParsedNumber* out) {
  text = TrimSpace(text);
  if (text.empty() || NumericPrefix(text).size() != text.size()) return false;
  size_t i = 0;
  if (text[i] == '-' || text[i] == '+') out->negative = text[i++] == '-';
  int64_t frac_digits = 0;
  bool in_fraction = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      in_fraction = true;
      continue;
    }
    if (in_fraction) ++frac_digits;
    if (out->digits.empty() && text[i] == '0') continue;
    out->digits += text[i];
  }
  int64_t exponent = 0;
  if (i < text.size()) {
    std::string_view exp_text = text.substr(i + 1);
    bool exp_negative = exp_text.front() == '-';
    if (exp_text.front() == '-' || exp_text.front() == '+') exp_text.remove_prefix(1);
    for (char c : exp_text) exponent = std::min<int64_t>(exponent * 10 + (c - '0'), kExponentClamp);
    if (exp_negative) exponent = -exponent;
  }
  out->scale = frac_digits - exponent;
  return true;
}

}  // namespace

Result<Decimal> Decimal::Parse(std::string_view text) {
  ParsedNumber n;
  if (!ParseNumber(text, &n)) {
    return Status::Error(ErrorCode::kTruncatedWrongValue, "DECIMAL", text);
  }
  if (n.digits.empty()) {
    return Decimal(0, static_cast<int>(std::clamp<int64_t>(n.scale, 0, kMaxScale)));
  }
  auto count = static_cast<int64_t>(n.digits.size());
  if (count - n.scale > kMaxPrecision) return OutOfRange(text);
  if (n.scale < 0) {
    n.digits.append(static_cast<size_t>(-n.scale), '0');
    n.scale = 0;
    count = static_cast<int64_t>(n.digits.size());
  }
  int64_t drop = std::max<int64_t>(n.scale - kMaxScale, count - kMaxPrecision);
  drop = std::max<int64_t>(drop, 0);
  int64_t keep = count - drop;
  Uint256 magnitude = keep < 0 ? Uint256() : RoundDigits(n.digits, static_cast<int>(keep));
  Decimal out;
  if (!Normalize(n.negative && !magnitude.IsZero(), magnitude, static_cast<int>(n.scale - drop),
                 &out)) {
    return OutOfRange(text);
  }
  return out;
}

Result<Decimal> Decimal::FromDouble(double v) {
  if (!std::isfinite(v)) return OutOfRange(std::isnan(v) ? "NaN" : "Inf");
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  return Parse(std::string_view(buf, static_cast<size_t>(end - buf)));
}

std::string Decimal::ToString() const {
  u128 m = Magnitude(mantissa_);
  std::string digits;
  do {
    digits += static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  } while (m != 0);
  while (static_cast<int>(digits.size()) <= scale_) digits += '0';
  std::reverse(digits.begin(), digits.end());
  if (scale_ > 0) digits.insert(digits.size() - static_cast<size_t>(scale_), ".");
  if (mantissa_ < 0) digits.insert(digits.begin(), '-');
  return digits;
}

double Decimal::ToDouble() const {
  constexpr __int128 kExactDoubleInt = static_cast<__int128>(1) << 53;
  constexpr int kExactPow10 = 22;
  if (mantissa_ > -kExactDoubleInt && mantissa_ < kExactDoubleInt && scale_ <= kExactPow10) {
    return static_cast<double>(mantissa_) / static_cast<double>(Pow10(scale_));
  }
  std::string text = ToString();
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

Result<int64_t> Decimal::ToInt64() const {
  VEXDB_ASSIGN_OR_RETURN(Decimal rounded, Rescale(0));
  __int128 m = rounded.mantissa();
  if (m < INT64_MIN || m > INT64_MAX) {
    return Status::Error(ErrorCode::kDataOutOfRange, "BIGINT", ToString());
  }
  return static_cast<int64_t>(m);
}

Result<Decimal> Decimal::Rescale(int new_scale) const {
  new_scale = std::clamp(new_scale, 0, kMaxScale);
  if (new_scale == scale_) return *this;
  Uint256 magnitude(Magnitude(mantissa_));
  if (new_scale < scale_) {
    magnitude = DropDigits(magnitude, scale_ - new_scale);
  } else {
    magnitude.MulPow10(new_scale - scale_);
  }
  if (magnitude >= MaxMagnitudeExclusive()) return OutOfRange(ToString());
  auto m = static_cast<__int128>(magnitude.ToU128());
  return Decimal(mantissa_ < 0 ? -m : m, new_scale);
}

bool Decimal::FitsPrecision(int precision, int scale) const {
  auto rescaled = Rescale(scale);
  if (!rescaled.ok()) return false;
  int digits = std::clamp(precision, 0, kMaxPrecision);
  return Magnitude(rescaled->mantissa()) < Pow10(digits);
}

Result<Decimal> Decimal::Add(const Decimal& other) const { return AddSigned(*this, other, false); }

Result<Decimal> Decimal::Sub(const Decimal& other) const { return AddSigned(*this, other, true); }

Result<Decimal> Decimal::Mul(const Decimal& other) const {
  Uint256 product = Uint256::Product(Magnitude(mantissa_), Magnitude(other.mantissa_));
  bool negative = IsNegative() != other.IsNegative() && !product.IsZero();
  Decimal out;
  if (!Normalize(negative, product, scale_ + other.scale_, &out)) {
    return OutOfRange(Expression(*this, "*", other));
  }
  return out;
}

Result<Decimal> Decimal::Div(const Decimal& other, int result_scale) const {
  result_scale = std::clamp(result_scale, 0, kMaxScale);
  int shift = result_scale + other.scale_ - scale_;
  Uint256 numerator(Magnitude(mantissa_));
  Uint256 denominator(Magnitude(other.mantissa_));
  if (!numerator.MulPow10(std::max(shift, 0))) return OutOfRange(Expression(*this, "/", other));
  denominator.MulPow10(std::max(-shift, 0));  // < 10^68: cannot overflow
  Uint256 quotient = numerator.DivRoundHalfUp(denominator);
  if (quotient >= MaxMagnitudeExclusive()) return OutOfRange(Expression(*this, "/", other));
  bool negative = IsNegative() != other.IsNegative() && !quotient.IsZero();
  auto m = static_cast<__int128>(quotient.ToU128());
  return Decimal(negative ? -m : m, result_scale);
}

int Decimal::Compare(const Decimal& other) const {
  int sign_a = mantissa_ < 0 ? -1 : (mantissa_ > 0 ? 1 : 0);
  int sign_b = other.mantissa_ < 0 ? -1 : (other.mantissa_ > 0 ? 1 : 0);
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  Uint256 ma;
  Uint256 mb;
  Align(*this, other, &ma, &mb);
  int magnitude_order = ma.Compare(mb);
  return sign_a < 0 ? -magnitude_order : magnitude_order;
}

}  // namespace vexdb
