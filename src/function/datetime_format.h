#pragma once

// DATE_FORMAT / TIME_FORMAT output and STR_TO_DATE input patterns (internal to function/), with
// MySQL's % specifiers: %Y %y %m %c %M %b %d %e %D %j %H %k %h %I %l %i %s %S %f %p %r %T %a %W
// %w %U %u %V %v %X %x %%; any other %c prints c.

#include <optional>
#include <string>
#include <string_view>

#include "types/temporal.h"

namespace vexdb {

// The text of `c` under `format`. With time_only (TIME_FORMAT), hours may exceed 23 and date
// specifiers make the whole result NULL (nullopt), as in MySQL.
std::optional<std::string> FormatTemporal(const CivilTime& c, std::string_view format,
                                          bool time_only = false, bool negative = false);

// Which parts a STR_TO_DATE pattern sets.
struct PatternParts {
  bool date = false;
  bool time = false;
  bool fraction = false;
};
PatternParts PatternPartsOf(std::string_view format);

// Parses `text` under `format`; nullopt if it does not match or names an invalid date. Fields
// the pattern does not set are zero (a time-only pattern gives year/month/day 0). Text after the
// matched part is ignored, as MySQL does (with a warning there).
std::optional<CivilTime> ParseTemporal(std::string_view text, std::string_view format);

}  // namespace vexdb
