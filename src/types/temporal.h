#pragma once

// Date and time values as MySQL defines them, held as plain integers:
//   DATE     days since 1970-01-01 (int32); range 1000-01-01 .. 9999-12-31, plus 0000-00-00 is
//            not supported (strict mode rejects zero dates)
//   DATETIME microseconds since 1970-01-01 00:00:00 (int64), no time zone
//   TIMESTAMP same representation as DATETIME, interpreted in the session time zone (UTC for now)
//   TIME     signed microseconds, range -838:59:59.000000 .. 838:59:59.000000
// Parsing accepts MySQL's literal forms ('2024-01-02', '2024-01-02 03:04:05.123456',
// '2024-01-02T03:04:05', '20240102', '-01:02:03', '1 02:03:04', '10:20'); formatting prints
// exactly fsp fractional digits.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace vexdb {

struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, microsecond = 0;
};

int32_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int32_t days, int* year, int* month, int* day);
CivilTime DatetimeToCivil(int64_t micros);
int64_t CivilToDatetime(const CivilTime& c);

// Parse errors come back as kTruncatedWrongValue ("Incorrect datetime value: '...'").
Result<int32_t> ParseDate(std::string_view text);
Result<int64_t> ParseDatetime(std::string_view text);  // a bare date means midnight
Result<int64_t> ParseTime(std::string_view text);

std::string FormatDate(int32_t days);
std::string FormatDatetime(int64_t micros, int fsp);
std::string FormatTime(int64_t micros, int fsp);

// Rounds microseconds to fsp digits (half up, as MySQL does on insert). RoundMicros rounds the
// magnitude (TIME semantics: -00:00:00.5 -> -00:00:01); RoundDatetimeMicros rounds towards the
// later instant on a tie, which differs only before 1970 (DATETIME/TIMESTAMP semantics).
int64_t RoundMicros(int64_t micros, int fsp);
int64_t RoundDatetimeMicros(int64_t micros, int fsp);

// Current time, microseconds since the epoch (UTC).
int64_t NowMicros();

}  // namespace vexdb
