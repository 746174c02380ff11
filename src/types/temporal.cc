// Date and time arithmetic, parsing and formatting.
//
// Days are counted in the proleptic Gregorian calendar with Howard Hinnant's days_from_civil /
// civil_from_days algorithms (exact for every year, no tables). Parsing accepts the literal forms
// MySQL accepts in strict mode: delimited dates with any punctuation between fields ('2024-1-2',
// '2024/01/02', two-digit years meaning 1970..2069), the digit-only forms YYYYMMDD, YYMMDD,
// YYYYMMDDHHMMSS and YYMMDDHHMMSS, 'T' or spaces between date and time, and up to any number of
// fractional digits (rounded half up to microseconds). Zero dates and out-of-range fields are
// rejected with kTruncatedWrongValue naming the type ("date", "datetime", "time").

#include "types/temporal.h"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "types/number_text.h"

namespace vexdb {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;
constexpr int64_t kMaxTimeMicros = ((838 * 60 + 59) * 60 + 59) * kMicrosPerSecond;
constexpr int kMaxYear = 9999;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t Pow10(int n) {
  int64_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

// A cursor over the text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void Advance() { ++pos_; }
  size_t pos() const { return pos_; }
  std::string_view Rest() const { return text_.substr(pos_); }

  // Reads 1..max_digits digits into *out; returns the number read (0 = none).
  int ReadNumber(int max_digits, int64_t* out) {
    int n = 0;
    *out = 0;
    while (n < max_digits && !AtEnd() && IsDigit(Peek())) {
      *out = *out * 10 + (Peek() - '0');
      Advance();
      ++n;
    }
    return n;
  }

  // Reads ".digits" and returns microseconds rounded half up (may be 1000000 after a carry).
  bool ReadFraction(int64_t* micros) {
    *micros = 0;
    if (Peek() != '.') return true;
    Advance();
    int n = 0;
    bool round_up = false;
    while (!AtEnd() && IsDigit(Peek())) {
      if (n < 6) *micros = *micros * 10 + (Peek() - '0');
      if (n == 6) round_up = Peek() >= '5';
      ++n;
      Advance();
    }
    if (n < 6) *micros *= Pow10(6 - n);
    if (round_up) ++*micros;
    return true;
  }

  bool Consume(char c) {
    if (Peek() != c) return false;
    Advance();
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

int ExpandTwoDigitYear(int64_t yy) { return static_cast<int>(yy < 70 ? 2000 + yy : 1900 + yy); }

bool IsDelimiter(char c) { return c != '\0' && !IsDigit(c) && !IsSqlSpace(c) && c != 'T'; }

bool ValidDate(int year, int month, int day) {
  return year >= 0 && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

bool ValidTimeOfDay(const CivilTime& c) {
  return c.hour >= 0 && c.hour < 24 && c.minute >= 0 && c.minute < 60 && c.second >= 0 &&
         c.second < 60;
}

// Digit-only forms: YYYYMMDD, YYMMDD, YYYYMMDDHHMMSS, YYMMDDHHMMSS (+ fraction for the latter).
bool ParseDigitsOnly(std::string_view text, CivilTime* c, bool* has_time, int64_t* frac) {
  size_t digits = 0;
  while (digits < text.size() && IsDigit(text[digits])) ++digits;
  if (digits != 6 && digits != 8 && digits != 12 && digits != 14) return false;
  auto field = [&](size_t pos, size_t len) {
    return static_cast<int>(std::strtol(std::string(text.substr(pos, len)).c_str(), nullptr, 10));
  };
  size_t year_len = (digits == 8 || digits == 14) ? 4 : 2;
  c->year = field(0, year_len);
  if (year_len == 2) c->year = ExpandTwoDigitYear(c->year);
  c->month = field(year_len, 2);
  c->day = field(year_len + 2, 2);
  *has_time = digits >= 12;
  if (*has_time) {
    c->hour = field(year_len + 4, 2);
    c->minute = field(year_len + 6, 2);
    c->second = field(year_len + 8, 2);
  }
  Scanner rest(text.substr(digits));
  if (*has_time && !rest.ReadFraction(frac)) return false;
  return rest.AtEnd();
}

// "H[:M[:S]][.frac]" for the time part of a datetime.
bool ParseClock(Scanner* s, CivilTime* c, int64_t* frac) {
  int64_t v = 0;
  if (s->ReadNumber(2, &v) == 0) return false;
  c->hour = static_cast<int>(v);
  if (s->Consume(':')) {
    if (s->ReadNumber(2, &v) == 0) return false;
    c->minute = static_cast<int>(v);
    if (s->Consume(':')) {
      if (s->ReadNumber(2, &v) == 0) return false;
      c->second = static_cast<int>(v);
    }
  }
  return s->ReadFraction(frac);
}

// Delimited form: Y-M-D[( |T)H:M:S[.frac]].
bool ParseDelimited(std::string_view text, CivilTime* c, bool* has_time, int64_t* frac) {
  Scanner s(text);
  int64_t year = 0;
  int64_t month = 0;
  int64_t day = 0;
  int year_digits = s.ReadNumber(4, &year);
  if (year_digits == 0 || !IsDelimiter(s.Peek())) return false;
  s.Advance();
  if (s.ReadNumber(2, &month) == 0 || !IsDelimiter(s.Peek())) return false;
  s.Advance();
  if (s.ReadNumber(2, &day) == 0) return false;
  c->year = year_digits <= 2 ? ExpandTwoDigitYear(year) : static_cast<int>(year);
  c->month = static_cast<int>(month);
  c->day = static_cast<int>(day);
  *has_time = false;
  if (s.AtEnd()) return true;
  if (s.Peek() != 'T' && !IsSqlSpace(s.Peek())) return false;
  while (s.Peek() == 'T' || IsSqlSpace(s.Peek())) s.Advance();
  if (s.AtEnd()) return true;
  *has_time = true;
  return ParseClock(&s, c, frac) && s.AtEnd();
}

// Parses a date or datetime literal into civil fields; *extra_micros is the rounded fraction.
bool ParseCivil(std::string_view text, CivilTime* c, bool* has_time, int64_t* extra_micros) {
  text = TrimSpace(text);
  *c = CivilTime{};
  *extra_micros = 0;
  *has_time = false;
  bool parsed = ParseDigitsOnly(text, c, has_time, extra_micros) ||
                ParseDelimited(text, c, has_time, extra_micros);
  return parsed && ValidDate(c->year, c->month, c->day) && ValidTimeOfDay(*c);
}

Status BadValue(std::string_view type, std::string_view text) {
  return Status::Error(ErrorCode::kTruncatedWrongValue, type, text);
}

int64_t TimeFromFields(int64_t hours, int64_t minutes, int64_t seconds, int64_t frac) {
  return ((hours * 60 + minutes) * 60 + seconds) * kMicrosPerSecond + frac;
}

// "[D ]H:M[:S][.frac]", or digits "[[H]HMM]SS[.frac]". Magnitude only; sign handled by caller.
bool ParseTimeMagnitude(std::string_view text, int64_t* micros) {
  Scanner s(text);
  int64_t first = 0;
  int first_digits = s.ReadNumber(9, &first);
  if (first_digits == 0) return false;
  int64_t days = 0;
  if (IsSqlSpace(s.Peek())) {
    days = first;
    while (IsSqlSpace(s.Peek())) s.Advance();
    if (s.ReadNumber(3, &first) == 0) return false;
  } else if (s.Peek() != ':') {
    int64_t frac = 0;
    if (!s.ReadFraction(&frac) || !s.AtEnd()) return false;
    int64_t ss = first % 100;
    int64_t mm = (first / 100) % 100;
    if (ss >= 60 || mm >= 60) return false;
    *micros = TimeFromFields(first / 10000, mm, ss, frac);
    return true;
  }
  int64_t minutes = 0;
  int64_t seconds = 0;
  int64_t frac = 0;
  if (s.Consume(':')) {
    if (s.ReadNumber(2, &minutes) == 0) return false;
    if (s.Consume(':') && s.ReadNumber(2, &seconds) == 0) return false;
  }
  if (!s.ReadFraction(&frac) || !s.AtEnd() || minutes >= 60 || seconds >= 60) return false;
  *micros = TimeFromFields(days * 24 + first, minutes, seconds, frac);
  return true;
}

// True if text (after any sign) looks like a date or datetime rather than a time.
bool LooksLikeDatetime(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == text.size() || text[i] == '.') return i >= 12;
  return i > 0 && text[i] != ':' && IsDelimiter(text[i]);
}

std::string FractionText(int64_t micros, int fsp) {
  if (fsp <= 0) return "";
  std::string digits = fmt::format("{:06d}", micros);
  return "." + digits.substr(0, static_cast<size_t>(fsp));
}

}  // namespace

int32_t DaysFromCivil(int year, int month, int day) {
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + doe - 719468);
}

void CivilFromDays(int32_t days, int* year, int* month, int* day) {
  int64_t z = static_cast<int64_t>(days) + 719468;
  int64_t era = FloorDiv(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

CivilTime DatetimeToCivil(int64_t micros) {
  CivilTime c;
  int64_t days = FloorDiv(micros, kMicrosPerDay);
  int64_t rest = micros - days * kMicrosPerDay;
  CivilFromDays(static_cast<int32_t>(days), &c.year, &c.month, &c.day);
  c.microsecond = static_cast<int>(rest % kMicrosPerSecond);
  int64_t seconds = rest / kMicrosPerSecond;
  c.second = static_cast<int>(seconds % 60);
  c.minute = static_cast<int>((seconds / 60) % 60);
  c.hour = static_cast<int>(seconds / 3600);
  return c;
}

int64_t CivilToDatetime(const CivilTime& c) {
  int64_t days = DaysFromCivil(c.year, c.month, c.day);
  return days * kMicrosPerDay + TimeFromFields(c.hour, c.minute, c.second, c.microsecond);
}

Result<int32_t> ParseDate(std::string_view text) {
  CivilTime c;
  bool has_time = false;
  int64_t frac = 0;
  if (!ParseCivil(text, &c, &has_time, &frac)) return BadValue("date", text);
  return DaysFromCivil(c.year, c.month, c.day);
}

Result<int64_t> ParseDatetime(std::string_view text) {
  CivilTime c;
  bool has_time = false;
  int64_t frac = 0;
  if (!ParseCivil(text, &c, &has_time, &frac)) return BadValue("datetime", text);
  int64_t micros = CivilToDatetime(c) + frac;
  if (micros >= CivilToDatetime(CivilTime{kMaxYear + 1, 1, 1})) return BadValue("datetime", text);
  return micros;
}

Result<int64_t> ParseTime(std::string_view text) {
  std::string_view body = TrimSpace(text);
  bool negative = !body.empty() && body.front() == '-';
  if (negative) body.remove_prefix(1);
  if (LooksLikeDatetime(body) && !negative) {
    auto datetime = ParseDatetime(body);
    if (!datetime.ok()) return BadValue("time", text);
    return *datetime - FloorDiv(*datetime, kMicrosPerDay) * kMicrosPerDay;
  }
  int64_t micros = 0;
  if (!ParseTimeMagnitude(body, &micros) || micros > kMaxTimeMicros) {
    return BadValue("time", text);
  }
  return negative ? -micros : micros;
}

std::string FormatDate(int32_t days) {
  int y = 0;
  int m = 0;
  int d = 0;
  CivilFromDays(days, &y, &m, &d);
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

std::string FormatDatetime(int64_t micros, int fsp) {
  CivilTime c = DatetimeToCivil(micros);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second) +
         FractionText(c.microsecond, fsp);
}

std::string FormatTime(int64_t micros, int fsp) {
  bool negative = micros < 0;
  int64_t magnitude = negative ? -micros : micros;
  int64_t seconds = magnitude / kMicrosPerSecond;
  return fmt::format("{}{:02d}:{:02d}:{:02d}", negative ? "-" : "", seconds / 3600,
                     (seconds / 60) % 60, seconds % 60) +
         FractionText(magnitude % kMicrosPerSecond, fsp);
}

int64_t RoundMicros(int64_t micros, int fsp) {
  if (fsp >= 6) return micros;
  int64_t unit = Pow10(6 - std::max(fsp, 0));
  int64_t magnitude = micros < 0 ? -micros : micros;
  int64_t rounded = (magnitude + unit / 2) / unit * unit;
  return micros < 0 ? -rounded : rounded;
}

int64_t RoundDatetimeMicros(int64_t micros, int fsp) {
  if (fsp >= 6) return micros;
  int64_t unit = Pow10(6 - std::max(fsp, 0));
  return FloorDiv(micros + unit / 2, unit) * unit;
}

int64_t NowMicros() {
  using std::chrono::microseconds;
  using std::chrono::system_clock;
  return std::chrono::duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace vexdb
