#include "types/vector_text.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace vexdb {

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class VectorScanner {
 public:
  explicit VectorScanner(std::string_view text) : text_(text) {}

  void SkipSpace() {
    while (pos_ < text_.size() && IsJsonSpace(text_[pos_])) ++pos_;
  }
  bool Consume(char c) {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool AtEnd() {
    SkipSpace();
    return pos_ >= text_.size();
  }

  // A JSON number ('+' tolerated as TiDB does); returns its text or an empty view.
  std::string_view Number() {
    SkipSpace();
    size_t start = pos_;
    if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
    if (!Digits(/*allow_leading_zero=*/false)) return {};
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!Digits(true)) return {};
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
      if (!Digits(true)) return {};
    }
    return text_.substr(start, pos_ - start);
  }

 private:
  bool Digits(bool allow_leading_zero) {
    size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    if (pos_ == start) return false;
    return allow_leading_zero || text_[start] != '0' || pos_ - start == 1;
  }

  std::string_view text_;
  size_t pos_ = 0;
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
