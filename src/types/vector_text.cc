#include "types/vector_text.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace vexdb {

namespace {

// ' ', '\t', '\n', '\r': one compare for the common non-space character.
bool IsJsonSpace(char c) {
  constexpr uint64_t kSpaces = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r');
  return static_cast<unsigned char>(c) <= ' ' && ((kSpaces >> static_cast<unsigned char>(c)) & 1);
}
bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// The powers of ten a double holds exactly: 10^22 = 2^22 * 5^22, and 5^22 < 2^53.
constexpr int kMaxExactPower = 22;
constexpr double kPowers[kMaxExactPower + 1] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Scans the text with a pointer, for the general path (ParseGeneral).
class VectorScanner {
 public:
  explicit VectorScanner(std::string_view text)
      : p_(text.data()), end_(text.data() + text.size()) {}

  void SkipSpace() {
    while (p_ != end_ && IsJsonSpace(*p_)) ++p_;
  }
  bool Consume(char c) {
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  // A JSON number ('+' tolerated as TiDB does); returns its text or an empty view.
  std::string_view Number() {
    SkipSpace();
    const char* start = p_;
    if (p_ != end_ && (*p_ == '-' || *p_ == '+')) ++p_;
    const char* integer = p_;
    if (!Digits()) return {};
    if (*integer == '0' && p_ - integer > 1) return {};  // JSON: no leading zeros
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!Digits()) return {};
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '-' || *p_ == '+')) ++p_;
      if (!Digits()) return {};
    }
    return {start, static_cast<size_t>(p_ - start)};
  }

 private:
  // One or more digits.
  bool Digits() {
    const char* start = p_;
    while (p_ != end_ && IsDigit(*p_)) ++p_;
    return p_ != start;
  }

  const char* p_;
  const char* end_;
};

// Plain elements: "-?digits[.digits][e[+-]digits]" with no leading zero. With at most
// kMaxPlainDigits mantissa digits and a decimal scale (the exponent less the fraction digits) of
// at most kMaxExactPower either way, Clinger's fast path applies: the exact mantissa (< 2^53)
// times or divided by an exact power of ten is the correctly rounded double, the value
// from_chars gives. Other plain elements (Python's 17-digit repr, or an embedding's 9.1e-34)
// go to ParseElement (from_chars) one at a time.
constexpr ptrdiff_t kMaxPlainDigits = 15;

// The digits at *p, accumulated into *mantissa; returns how many. Stops at the first non-digit,
// which ParseFast guarantees exists before the end of the text (its closing ']').
ptrdiff_t AccumulateDigits(const char** p, uint64_t* mantissa) {
  const char* start = *p;
  unsigned d;
  while ((d = static_cast<unsigned char>(**p - '0')) < 10) {
    *mantissa = *mantissa * 10 + d;
    ++*p;
  }
  return *p - start;
}

void SkipSpaces(const char** p) {
  while (IsJsonSpace(**p)) ++*p;
}

// Go's %v of a float64 beyond float32 range: shortest digits, exponent form "1e+39".
std::string GoFloatText(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  size_t e = text.find('e');
  int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  char sign = exponent < 0 ? '-' : '+';
  return fmt::format("{}e{}{:02d}", text.substr(0, e), sign, std::abs(exponent));
}

// One element, any JSON number ('+' tolerated as TiDB does): every element of the general path,
// and the fast path's elements beyond its exact range.
Result<float> ParseElement(std::string_view number) {
  if (number.front() == '+') number.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (ec == std::errc::result_out_of_range) v = std::strtod(std::string(number).c_str(), nullptr);
  if (std::isnan(v)) return Status::Internal("NaN not allowed in vector");
  if (std::isinf(v)) return Status::Internal("infinite value not allowed in vector");
  if (std::fabs(v) > FLT_MAX) {
    return Status::Internal(fmt::format("value {} out of range for float32", GoFloatText(v)));
  }
  return static_cast<float>(v);
}

// The fast path for the text a client sends with a query: every element plain. Because the text
// (spaces trimmed) ends in ']', which no loop below steps over, the loops need no end checks.
// Fills out[0, capacity) and returns the count, or nullopt for anything else (syntax errors
// included), which ParseGeneral then takes: the character after a number must be a space, ','
// or ']'. Embedding texts need the exponent ("1.23e-05"): most of them have one somewhere.
std::optional<size_t> ParseFast(std::string_view text, float* out, size_t capacity) {
  while (!text.empty() && IsJsonSpace(text.back())) text.remove_suffix(1);
  if (text.empty() || text.back() != ']') return std::nullopt;
  const char* p = text.data();
  SkipSpaces(&p);
  if (*p++ != '[') return std::nullopt;
  SkipSpaces(&p);
  float* dst = out;
  float* const limit = out + capacity;
  while (dst != limit) {
    const char* start = p;
    const bool negative = *p == '-';
    p += negative ? 1 : 0;
    const char* integer = p;
    uint64_t mantissa = 0;  // wraps beyond 19 digits, when from_chars takes over anyway
    const ptrdiff_t integer_digits = AccumulateDigits(&p, &mantissa);
    if (integer_digits == 0 || (integer_digits > 1 && *integer == '0')) return std::nullopt;
    ptrdiff_t fraction_digits = 0;
    if (*p == '.') {
      ++p;
      fraction_digits = AccumulateDigits(&p, &mantissa);
      if (fraction_digits == 0) return std::nullopt;
    }
    int64_t exponent = 0;
    if ((*p | 0x20) == 'e') {
      ++p;
      const bool negative_exponent = *p == '-';
      p += (*p == '-' || *p == '+') ? 1 : 0;
      uint64_t magnitude = 0;
      const ptrdiff_t exponent_digits = AccumulateDigits(&p, &magnitude);
      if (exponent_digits == 0 || exponent_digits > 4) return std::nullopt;
      exponent = negative_exponent ? -static_cast<int64_t>(magnitude) : magnitude;
    }
    const int64_t scale = exponent - fraction_digits;
    if (integer_digits + fraction_digits <= kMaxPlainDigits && scale >= -kMaxExactPower &&
        scale <= kMaxExactPower) {
      double v = static_cast<double>(mantissa);
      if (scale < 0) v /= kPowers[-scale];
      if (scale > 0) v *= kPowers[scale];
      *dst++ = static_cast<float>(negative ? -v : v);
    } else {
      // ParseGeneral reports an element out of float32's range.
      const Result<float> v = ParseElement({start, static_cast<size_t>(p - start)});
      if (!v.ok()) return std::nullopt;
      *dst++ = *v;
    }
    SkipSpaces(&p);
    if (*p == ',') {
      ++p;
      SkipSpaces(&p);
      continue;
    }
    // The closing bracket must be the trimmed text's last character.
    if (*p == ']' && p + 1 == text.data() + text.size()) return static_cast<size_t>(dst - out);
    return std::nullopt;
  }
  return std::nullopt;
}

// Any text: every syntax error and every element form that ParseFast leaves.
Result<std::vector<float>> ParseGeneral(std::string_view text) {
  auto invalid = [text] { return Status::Internal(fmt::format("Invalid vector text: {}", text)); };
  VectorScanner s(text);
  std::vector<float> out;
  if (!s.Consume('[')) return invalid();
  if (!s.Consume(']')) {
    do {
      std::string_view number = s.Number();
      if (number.empty()) return invalid();
      VEXDB_ASSIGN_OR_RETURN(float element, ParseElement(number));
      out.push_back(element);
    } while (s.Consume(','));
    if (!s.Consume(']')) return invalid();
  }
  if (!s.AtEnd()) return invalid();
  return out;
}

}  // namespace

Result<std::vector<float>> ParseVectorText(std::string_view text) {
  // Each element takes at least a digit and a separator: the text holds at most this many, and
  // one past the limit is enough to report "more than 16383". Left uninitialized: zeroing it
  // cost 8% of the parse.
  const size_t capacity = std::min<size_t>(text.size() / 2 + 1, kMaxVectorDimensions + 1);
  std::unique_ptr<float[]> buffer(new float[capacity]);
  std::vector<float> out;
  if (std::optional<size_t> count = ParseFast(text, buffer.get(), capacity)) {
    out.assign(buffer.get(), buffer.get() + *count);
  } else {
    VEXDB_ASSIGN_OR_RETURN(out, ParseGeneral(text));
  }
  if (static_cast<int64_t>(out.size()) > kMaxVectorDimensions) {
    return Status::Internal(
        fmt::format("vector cannot have more than {} dimensions", kMaxVectorDimensions));
  }
  return out;
}

Status CheckVectorDimensions(const std::vector<float>& v, int64_t dimensions) {
  if (dimensions < 0 || static_cast<int64_t>(v.size()) == dimensions) return Status::OK();
  return Status::Internal(fmt::format("vector has {} dimensions, does not fit VECTOR({})",
                                      v.size(), dimensions));
}

}  // namespace vexdb
