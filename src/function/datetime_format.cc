#include "function/datetime_format.h"

#include <fmt/format.h>

#include <cctype>

#include "function/datetime_util.h"

namespace vexdb {

namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
constexpr const char* kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

std::string DaySuffix(int day) {
  if (day / 10 == 1) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

int Hour12(int hour) { return hour % 12 == 0 ? 12 : hour % 12; }

bool IsDateSpecifier(char c) {
  return std::string_view("abcDdejMmUuVvWwXxYy").find(c) != std::string_view::npos;
}

int WeekOf(const CivilTime& c, unsigned behaviour, int* year) {
  return CalcWeek(c.year, c.month, c.day, behaviour, year);
}

// Appends one specifier's text.
void AppendSpecifier(const CivilTime& c, char spec, std::string* out) {
  int64_t daynr = DayNumber(c.year, c.month, c.day);
  int week_year = 0;
  switch (spec) {
    case 'a':
      *out += std::string_view(kDayNames[Weekday(daynr)]).substr(0, 3);
      break;
    case 'b':
      *out += std::string_view(kMonthNames[c.month - 1]).substr(0, 3);
      break;
    case 'c':
      *out += std::to_string(c.month);
      break;
    case 'D':
      *out += std::to_string(c.day) + DaySuffix(c.day);
      break;
    case 'd':
      *out += fmt::format("{:02}", c.day);
      break;
    case 'e':
      *out += std::to_string(c.day);
      break;
    case 'f':
      *out += fmt::format("{:06}", c.microsecond);
      break;
    case 'H':
      *out += fmt::format("{:02}", c.hour);
      break;
    case 'h':
    case 'I':
      *out += fmt::format("{:02}", Hour12(c.hour));
      break;
    case 'i':
      *out += fmt::format("{:02}", c.minute);
      break;
    case 'j':
      *out += fmt::format("{:03}", DayOfYear(c.year, c.month, c.day));
      break;
    case 'k':
      *out += std::to_string(c.hour);
      break;
    case 'l':
      *out += std::to_string(Hour12(c.hour));
      break;
    case 'M':
      *out += kMonthNames[c.month - 1];
      break;
    case 'm':
      *out += fmt::format("{:02}", c.month);
      break;
    case 'p':
      *out += c.hour % 24 < 12 ? "AM" : "PM";
      break;
    case 'r':
      *out += fmt::format("{:02}:{:02}:{:02} {}", Hour12(c.hour), c.minute, c.second,
                          c.hour % 24 < 12 ? "AM" : "PM");
      break;
    case 'S':
    case 's':
      *out += fmt::format("{:02}", c.second);
      break;
    case 'T':
      *out += fmt::format("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
      break;
    case 'U':
      *out += fmt::format("{:02}", WeekOf(c, kWeekFirstWeekday, &week_year));
      break;
    case 'u':
      *out += fmt::format("{:02}", WeekOf(c, kWeekMondayFirst, &week_year));
      break;
    case 'V':
      *out += fmt::format("{:02}", WeekOf(c, kWeekYear | kWeekFirstWeekday, &week_year));
      break;
    case 'v':
      *out += fmt::format("{:02}", WeekOf(c, kWeekYear | kWeekMondayFirst, &week_year));
      break;
    case 'W':
      *out += kDayNames[Weekday(daynr)];
      break;
    case 'w':
      *out += std::to_string((Weekday(daynr) + 1) % 7);
      break;
    case 'X':
      WeekOf(c, kWeekYear | kWeekFirstWeekday, &week_year);
      *out += fmt::format("{:04}", week_year);
      break;
    case 'x':
      WeekOf(c, kWeekYear | kWeekMondayFirst, &week_year);
      *out += fmt::format("{:04}", week_year);
      break;
    case 'Y':
      *out += fmt::format("{:04}", c.year);
      break;
    case 'y':
      *out += fmt::format("{:02}", c.year % 100);
      break;
    default:
      out->push_back(spec);
      break;
  }
}

// ---- Parsing --------------------------------------------------------------------------------

class PatternParser {
 public:
  PatternParser(std::string_view text, std::string_view format) : text_(text), format_(format) {}

  std::optional<CivilTime> Parse() {
    for (size_t f = 0; f < format_.size(); ++f) {
      char c = format_[f];
      if (c == '%' && f + 1 < format_.size()) {
        if (!ParseSpecifier(format_[++f])) return std::nullopt;
      } else if (!std::isspace(static_cast<unsigned char>(c))) {
        SkipSpaces();
        if (pos_ >= text_.size() || text_[pos_] != c) return std::nullopt;
        ++pos_;
      }
    }
    return Finish();
  }

 private:
  void SkipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool Number(int max_digits, int* out) {
    SkipSpaces();
    int v = 0, digits = 0;
    while (pos_ < text_.size() && digits < max_digits &&
           std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      v = v * 10 + (text_[pos_++] - '0');
      ++digits;
    }
    *out = v;
    return digits > 0;
  }

  bool Fraction() {
    int v = 0, digits = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      if (digits < 6) {
        v = v * 10 + (text_[pos_] - '0');
        ++digits;
      }
      ++pos_;
    }
    for (int d = digits; d < 6; ++d) v *= 10;
    c_.microsecond = v;
    return true;
  }

  // Matches one of names (full, or its first three letters when abbreviated); index or -1.
  int Name(const char* const* names, int count, bool abbreviated) {
    SkipSpaces();
    for (int i = 0; i < count; ++i) {
      std::string_view name = names[i];
      if (abbreviated) name = name.substr(0, 3);
      if (text_.size() - pos_ < name.size()) continue;
      bool match = true;
      for (size_t k = 0; k < name.size() && match; ++k) {
        match = std::tolower(static_cast<unsigned char>(text_[pos_ + k])) ==
                std::tolower(static_cast<unsigned char>(name[k]));
      }
      if (match) {
        pos_ += name.size();
        return i;
      }
    }
    return -1;
  }

  bool AmPm() {
    SkipSpaces();
    if (text_.size() - pos_ < 2) return false;
    char a = static_cast<char>(std::toupper(static_cast<unsigned char>(text_[pos_])));
    char m = static_cast<char>(std::toupper(static_cast<unsigned char>(text_[pos_ + 1])));
    if ((a != 'A' && a != 'P') || m != 'M') return false;
    pm_ = a == 'P';
    has_ampm_ = true;
    pos_ += 2;
    return true;
  }

  bool Literal(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  bool Clock(bool twelve_hour) {
    if (!Number(2, &c_.hour) || !Literal(':') || !Number(2, &c_.minute) || !Literal(':') ||
        !Number(2, &c_.second)) {
      return false;
    }
    return !twelve_hour || AmPm();
  }

  bool ParseSpecifier(char spec) {
    switch (spec) {
      case 'Y':
        return Number(4, &c_.year);
      case 'y':
        if (!Number(2, &c_.year)) return false;
        c_.year += c_.year < 70 ? 2000 : 1900;
        return true;
      case 'm':
      case 'c':
        return Number(2, &c_.month);
      case 'd':
      case 'e':
        return Number(2, &c_.day);
      case 'D':
        if (!Number(2, &c_.day)) return false;
        pos_ = std::min(pos_ + 2, text_.size());
        return true;
      case 'H':
      case 'k':
        return Number(2, &c_.hour);
      case 'h':
      case 'I':
      case 'l':
        return Number(2, &c_.hour);
      case 'i':
        return Number(2, &c_.minute);
      case 's':
      case 'S':
        return Number(2, &c_.second);
      case 'f':
        return Fraction();
      case 'j':
        return Number(3, &day_of_year_);
      case 'p':
        return AmPm();
      case 'T':
        return Clock(false);
      case 'r':
        return Clock(true);
      case 'M':
        return (c_.month = Name(kMonthNames, 12, false) + 1) > 0;
      case 'b':
        return (c_.month = Name(kMonthNames, 12, true) + 1) > 0;
      case 'W':
        return Name(kDayNames, 7, false) >= 0;
      case 'a':
        return Name(kDayNames, 7, true) >= 0;
      case '%':
        return Literal('%');
      default:
        return false;  // week-based specifiers are not supported for input
    }
  }

  std::optional<CivilTime> Finish() {
    if (has_ampm_) {
      if (c_.hour < 1 || c_.hour > 12) return std::nullopt;
      c_.hour = c_.hour % 12 + (pm_ ? 12 : 0);
    }
    if (day_of_year_ > 0) {
      if (c_.year < 1 || day_of_year_ > DayOfYear(c_.year, 12, 31)) return std::nullopt;
      CivilFromDays(DaysFromCivil(c_.year, 1, 1) + day_of_year_ - 1, &c_.year, &c_.month, &c_.day);
    }
    if (c_.hour > 23 || c_.minute > 59 || c_.second > 59) return std::nullopt;
    bool any_date = c_.year != 0 || c_.month != 0 || c_.day != 0;
    if (any_date && (c_.month < 1 || c_.month > 12 || c_.day < 1 || c_.year > 9999 ||
                     c_.day > DaysInMonth(c_.year, c_.month))) {
      return std::nullopt;
    }
    return c_;
  }

  std::string_view text_, format_;
  size_t pos_ = 0;
  CivilTime c_;
  int day_of_year_ = 0;
  bool has_ampm_ = false, pm_ = false;
};

}  // namespace

std::optional<std::string> FormatTemporal(const CivilTime& c, std::string_view format,
                                          bool time_only, bool negative) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out.push_back(format[i]);
      continue;
    }
    char spec = format[++i];
    if (time_only && IsDateSpecifier(spec)) return std::nullopt;
    if (negative && std::string_view("HkT").find(spec) != std::string_view::npos) out += '-';
    AppendSpecifier(c, spec, &out);
  }
  return out;
}

PatternParts PatternPartsOf(std::string_view format) {
  PatternParts parts;
  for (size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] != '%') continue;
    char spec = format[++i];
    if (std::string_view("YymcdeDjMbWa").find(spec) != std::string_view::npos) parts.date = true;
    if (std::string_view("HkhIlisSfpTr").find(spec) != std::string_view::npos) parts.time = true;
    if (spec == 'f') parts.fraction = true;
  }
  return parts;
}

std::optional<CivilTime> ParseTemporal(std::string_view text, std::string_view format) {
  return PatternParser(text, format).Parse();
}

}  // namespace vexdb
