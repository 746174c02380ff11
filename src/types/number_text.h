#pragma once

// Scanning numbers in text the way MySQL's string-to-number conversions do. A number is
// "[-+]digits[.digits][e[-+]digits]" (either digit run may be empty but not both; the exponent
// counts only when it has digits), preceded by optional whitespace. Strict conversions (storing
// into a column) accept the text only if nothing but trailing whitespace follows the number;
// lenient ones (expressions, CAST) use the longest numeric prefix and treat "no number" as 0.

#include <cstdint>
#include <string_view>

namespace vexdb {

bool IsSqlSpace(char c);
std::string_view TrimSpace(std::string_view text);
std::string_view TrimTrailingSpace(std::string_view text);

// The longest numeric prefix of text after leading whitespace; empty if there is none.
std::string_view NumericPrefix(std::string_view text);
// The longest "[-+]digits" prefix after leading whitespace; empty if there is none.
std::string_view IntegerPrefix(std::string_view text);
// True if text is a number surrounded only by whitespace.
bool IsWholeNumber(std::string_view text);

// Parses a numeric prefix (as returned above) as a double; saturates to +-DBL_MAX on overflow
// (out_of_range set if given) and gives 0 for an empty view.
double ParseDoublePrefix(std::string_view number, bool* out_of_range = nullptr);

}  // namespace vexdb
