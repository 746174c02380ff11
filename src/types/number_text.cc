#include "types/number_text.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace vexdb {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

size_t SkipLeadingSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSqlSpace(s[i])) ++i;
  return i;
}

// End of an exponent "e[-+]digits" starting at i, or i if there is none.
size_t ScanExponent(std::string_view s, size_t i) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return i;
  size_t j = i + 1;
  if (j < s.size() && (s[j] == '-' || s[j] == '+')) ++j;
  size_t end = SkipDigits(s, j);
  return end > j ? end : i;
}

}  // namespace

bool IsSqlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view TrimTrailingSpace(std::string_view text) {
  while (!text.empty() && IsSqlSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view TrimSpace(std::string_view text) {
  text.remove_prefix(SkipLeadingSpace(text));
  return TrimTrailingSpace(text);
}

std::string_view NumericPrefix(std::string_view text) {
  size_t start = SkipLeadingSpace(text);
  size_t i = start;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  size_t int_end = SkipDigits(text, i);
  size_t end = int_end;
  bool has_digits = int_end > i;
  if (end < text.size() && text[end] == '.') {
    size_t frac_end = SkipDigits(text, end + 1);
    if (frac_end > end + 1 || has_digits) end = frac_end;
    has_digits = has_digits || frac_end > int_end + 1;
  }
  if (!has_digits) return {};
  end = ScanExponent(text, end);
  return text.substr(start, end - start);
}

std::string_view IntegerPrefix(std::string_view text) {
  size_t start = SkipLeadingSpace(text);
  size_t i = start;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  size_t end = SkipDigits(text, i);
  if (end == i) return {};
  return text.substr(start, end - start);
}

bool IsWholeNumber(std::string_view text) {
  std::string_view trimmed = TrimSpace(text);
  return !trimmed.empty() && NumericPrefix(trimmed).size() == trimmed.size();
}

double ParseDoublePrefix(std::string_view number, bool* out_of_range) {
  if (out_of_range != nullptr) *out_of_range = false;
  if (number.empty()) return 0;
  bool negative = number.front() == '-';
  if (number.front() == '-' || number.front() == '+') number.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (ec == std::errc::result_out_of_range) {
    // Overflow or underflow; strtod tells which (HUGE_VAL, or a value rounded towards 0).
    std::string copy(number);
    v = std::strtod(copy.c_str(), nullptr);
    if (std::isinf(v)) {
      v = DBL_MAX;
      if (out_of_range != nullptr) *out_of_range = true;
    }
  }
  return negative ? -v : v;
}

}  // namespace vexdb
