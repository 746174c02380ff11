#include "types/vector_text.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace vexdb {

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// The powers of ten a double holds exactly.
constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,
                              1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
// At most this many digits make a mantissa a double holds exactly (10^15 < 2^53).
constexpr ptrdiff_t kMaxPlainDigits = 15;

// Scans the text with a pointer: a vector constant of a query is thousands of characters, and
// this loop is most of what a query's fixed cost spends on it.
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

  // The common element, "-?digits[.digits]" with at most kMaxPlainDigits digits, no leading
  // zero and no exponent. Clinger's fast path: the exact mantissa divided by an exact power of
  // ten is the correctly rounded double, the value from_chars gives. False, with nothing
  // consumed but spaces, for anything else, which Number then takes.
  bool PlainElement(float* out) {
    SkipSpace();
    const char* p = p_;
    const bool negative = p != end_ && *p == '-';
    p += negative ? 1 : 0;
    const char* integer = p;
    uint64_t mantissa = 0;
    while (p != end_ && IsDigit(*p)) mantissa = mantissa * 10 + static_cast<uint64_t>(*p++ - '0');
    const auto integer_digits = p - integer;
    if (integer_digits == 0 || (*integer == '0' && integer_digits > 1)) return false;
    ptrdiff_t fraction_digits = 0;
    if (p != end_ && *p == '.') {
      const char* fraction = ++p;
      while (p != end_ && IsDigit(*p)) mantissa = mantissa * 10 + static_cast<uint64_t>(*p++ - '0');
      fraction_digits = p - fraction;
      if (fraction_digits == 0) return false;
    }
    if (integer_digits + fraction_digits > kMaxPlainDigits) return false;
    if (p != end_ && (*p == 'e' || *p == 'E')) return false;
    double v = static_cast<double>(mantissa);
    if (fraction_digits != 0) v /= kPowers[fraction_digits];
    *out = static_cast<float>(negative ? -v : v);
    p_ = p;
    return true;
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

// An element PlainElement does not take ('+', an exponent, many digits).
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

}  // namespace

Result<std::vector<float>> ParseVectorText(std::string_view text) {
  auto invalid = [text] { return Status::Internal(fmt::format("Invalid vector text: {}", text)); };
  VectorScanner s(text);
  std::vector<float> out;
  // Each element takes at least a digit and a separator; more than the limit is an error.
  out.reserve(std::min<size_t>(text.size() / 2 + 1, kMaxVectorDimensions + 1));
  if (!s.Consume('[')) return invalid();
  if (!s.Consume(']')) {
    do {
      float plain = 0;
      if (s.PlainElement(&plain)) {
        out.push_back(plain);
        continue;
      }
      std::string_view number = s.Number();
      if (number.empty()) return invalid();
      VEXDB_ASSIGN_OR_RETURN(float element, ParseElement(number));
      out.push_back(element);
    } while (s.Consume(','));
    if (!s.Consume(']')) return invalid();
  }
  if (!s.AtEnd()) return invalid();
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
