// Memcomparable keys: every encoder here produces bytes whose lexicographic (memcmp) order equals
// the SQL order of the values they encode, so RocksDB's default bytewise comparator sorts rows by
// handle and index entries by value. Each encoded value starts with a flag byte (TiDB's codec
// flags); NULL's flag is the smallest, so NULL sorts first, as in MySQL. The byte layouts are
// specified in docs/storage-format.md; changing any of them changes the on-disk format.

#include "storage/key_codec.h"

#include <bit>
#include <cstring>

namespace vexdb {

namespace {

// Flag bytes, as TiDB numbers them (util/codec/codec.go). Only their relative order matters for
// sorting, and within one column all non-NULL values share a flag.
constexpr uint8_t kNullFlag = 0;
constexpr uint8_t kBytesFlag = 1;
constexpr uint8_t kIntFlag = 3;
constexpr uint8_t kUintFlag = 4;
constexpr uint8_t kFloatFlag = 5;
constexpr uint8_t kDecimalFlag = 6;
constexpr uint8_t kVectorFlag = 20;

constexpr uint64_t kSignMask = 0x8000000000000000ULL;

// EncodeBytes groups: 8 data bytes then a marker 0xFF - (number of pad bytes).
constexpr size_t kGroupSize = 8;
constexpr uint8_t kGroupMarker = 0xFF;

// Decimal: sign byte, then (non-zero only) exponent byte and base-100 digit pairs.
constexpr uint8_t kDecimalNegative = 0;
constexpr uint8_t kDecimalZero = 1;
constexpr uint8_t kDecimalPositive = 2;
constexpr int kExponentBias = 128;

// Vector: each element is preceded by kVectorElement; the list ends with kVectorEnd, so a
// vector that is a prefix of another sorts first.
constexpr uint8_t kVectorEnd = 0;
constexpr uint8_t kVectorElement = 1;

Status Corrupt(std::string_view what) {
  return Status::Internal(fmt::format("corrupted key: {}", what));
}

void AppendUint64(uint64_t v, std::string* out) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 8);
}

Result<uint64_t> ReadUint64(std::string_view* in) {
  if (in->size() < 8) return Corrupt("truncated 8-byte integer");
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>((*in)[i]);
  in->remove_prefix(8);
  return v;
}

void AppendComparableInt(int64_t v, std::string* out) {
  AppendUint64(static_cast<uint64_t>(v) ^ kSignMask, out);
}

Result<int64_t> ReadComparableInt(std::string_view* in) {
  VEXDB_ASSIGN_OR_RETURN(uint64_t u, ReadUint64(in));
  return static_cast<int64_t>(u ^ kSignMask);
}

// IEEE bits reordered so that unsigned order equals numeric order; -0.0 encodes as +0.0.
uint64_t ComparableDoubleBits(double d) {
  if (d == 0) d = 0;  // folds -0.0 into +0.0
  uint64_t u = std::bit_cast<uint64_t>(d);
  return (u & kSignMask) ? ~u : (u | kSignMask);
}

double DoubleFromComparableBits(uint64_t u) {
  u = (u & kSignMask) ? (u & ~kSignMask) : ~u;
  return std::bit_cast<double>(u);
}

uint32_t ComparableFloatBits(float f) {
  if (f == 0) f = 0;
  uint32_t u = std::bit_cast<uint32_t>(f);
  return (u & 0x80000000U) ? ~u : (u | 0x80000000U);
}

float FloatFromComparableBits(uint32_t u) {
  u = (u & 0x80000000U) ? (u & ~0x80000000U) : ~u;
  return std::bit_cast<float>(u);
}

// TiDB's EncodeBytes: groups of 8 bytes padded with zeros, each followed by 0xFF minus the pad
// count. A string that is a prefix of another sorts first; embedded zero bytes are kept.
void AppendBytes(std::string_view data, std::string* out) {
  for (size_t pos = 0;; pos += kGroupSize) {
    size_t remain = data.size() - pos;
    if (remain >= kGroupSize) {
      out->append(data.substr(pos, kGroupSize));
      out->push_back(static_cast<char>(kGroupMarker));
      continue;
    }
    size_t pad = kGroupSize - remain;
    out->append(data.substr(pos, remain));
    out->append(pad, '\0');
    out->push_back(static_cast<char>(kGroupMarker - pad));
    return;
  }
}

Result<std::string> ReadBytes(std::string_view* in) {
  std::string data;
  while (true) {
    if (in->size() < kGroupSize + 1) return Corrupt("truncated byte group");
    uint8_t marker = static_cast<uint8_t>((*in)[kGroupSize]);
    size_t pad = kGroupMarker - marker;
    if (pad > kGroupSize) return Corrupt("bad byte group marker");
    size_t real = kGroupSize - pad;
    for (size_t i = real; i < kGroupSize; ++i) {
      if ((*in)[i] != '\0') return Corrupt("non-zero group padding");
    }
    data.append(in->substr(0, real));
    in->remove_prefix(kGroupSize + 1);
    if (pad != 0) return data;
  }
}

unsigned __int128 AbsMantissa(__int128 m) {
  return m < 0 ? static_cast<unsigned __int128>(-(m + 1)) + 1 : static_cast<unsigned __int128>(m);
}

// Digits of |mantissa| without trailing zeros, and the exponent e with value = 0.digits * 10^e.
void NormalizeDecimal(const Decimal& d, std::string* digits, int* exponent) {
  unsigned __int128 m = AbsMantissa(d.mantissa());
  std::string reversed;
  while (m != 0) {
    reversed.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  }
  digits->assign(reversed.rbegin(), reversed.rend());
  *exponent = static_cast<int>(digits->size()) - d.scale();
  while (!digits->empty() && digits->back() == '0') digits->pop_back();
}

// Sign byte; for non-zero values an exponent byte and digit pairs (each pair p as p+1, an odd
// last digit padded with 0), ended by 0. Negative values complement everything after the sign.
void AppendDecimal(const Decimal& d, std::string* out) {
  if (d.IsZero()) {
    out->push_back(static_cast<char>(kDecimalZero));
    return;
  }
  bool negative = d.IsNegative();
  uint8_t mask = negative ? 0xFF : 0x00;
  out->push_back(static_cast<char>(negative ? kDecimalNegative : kDecimalPositive));
  std::string digits;
  int exponent = 0;
  NormalizeDecimal(d, &digits, &exponent);
  out->push_back(static_cast<char>(static_cast<uint8_t>(exponent + kExponentBias) ^ mask));
  for (size_t i = 0; i < digits.size(); i += 2) {
    int pair = (digits[i] - '0') * 10 + (i + 1 < digits.size() ? digits[i + 1] - '0' : 0);
    out->push_back(static_cast<char>(static_cast<uint8_t>(pair + 1) ^ mask));
  }
  out->push_back(static_cast<char>(mask));
}

Result<Decimal> DecimalFromDigits(bool negative, const std::string& digits, int exponent,
                                  int target_scale) {
  int natural_scale = static_cast<int>(digits.size()) - exponent;
  int scale = target_scale >= 0 ? target_scale : std::max(natural_scale, 0);
  if (scale < natural_scale || scale > Decimal::kMaxScale) return Corrupt("decimal scale");
  int total_digits = exponent + scale;  // digits of the mantissa at that scale
  if (total_digits > Decimal::kMaxPrecision) return Corrupt("decimal too large");
  __int128 m = 0;
  for (int i = 0; i < total_digits; ++i) {
    int digit = i < static_cast<int>(digits.size()) ? digits[i] - '0' : 0;
    m = m * 10 + digit;
  }
  return Decimal(negative ? -m : m, scale);
}

Result<Value> ReadDecimal(std::string_view* in, const LogicalType& type) {
  if (in->empty()) return Corrupt("truncated decimal");
  uint8_t sign = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  int target_scale = type.id == TypeId::kDecimal ? type.scale : -1;
  if (sign == kDecimalZero) return Value::Dec(Decimal(0, std::max(target_scale, 0)));
  if (sign != kDecimalNegative && sign != kDecimalPositive) return Corrupt("decimal sign");
  uint8_t mask = sign == kDecimalNegative ? 0xFF : 0x00;
  if (in->empty()) return Corrupt("truncated decimal");
  int exponent = static_cast<int>(static_cast<uint8_t>((*in)[0]) ^ mask) - kExponentBias;
  in->remove_prefix(1);
  std::string digits;
  while (true) {
    if (in->empty()) return Corrupt("unterminated decimal");
    uint8_t b = static_cast<uint8_t>((*in)[0]) ^ mask;
    in->remove_prefix(1);
    if (b == 0) break;
    if (b > 100) return Corrupt("decimal digit pair");
    digits.push_back(static_cast<char>('0' + (b - 1) / 10));
    digits.push_back(static_cast<char>('0' + (b - 1) % 10));
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) return Corrupt("empty decimal digits");
  VEXDB_ASSIGN_OR_RETURN(Decimal d,
                         DecimalFromDigits(mask != 0, digits, exponent, target_scale));
  return Value::Dec(d);
}

void AppendVector(const std::vector<float>& v, std::string* out) {
  for (float f : v) {
    out->push_back(static_cast<char>(kVectorElement));
    uint32_t bits = ComparableFloatBits(f);
    for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(bits >> shift));
  }
  out->push_back(static_cast<char>(kVectorEnd));
}

Result<Value> ReadVector(std::string_view* in) {
  std::vector<float> v;
  while (true) {
    if (in->empty()) return Corrupt("unterminated vector");
    uint8_t marker = static_cast<uint8_t>((*in)[0]);
    in->remove_prefix(1);
    if (marker == kVectorEnd) return Value::Vector(std::move(v));
    if (marker != kVectorElement || in->size() < 4) return Corrupt("vector element");
    uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits = (bits << 8) | static_cast<uint8_t>((*in)[i]);
    in->remove_prefix(4);
    v.push_back(FloatFromComparableBits(bits));
  }
}

// ENUM sorts by member position and SET by its bit mask, as MySQL sorts them; both are held
// as text in Value. Text that names no member (the '' error value) maps to 0.
uint64_t EnumOrdinal(const std::string& text, const LogicalType& type) {
  for (size_t i = 0; i < type.elements.size(); ++i) {
    if (type.elements[i] == text) return i + 1;
  }
  return 0;
}

uint64_t SetMask(const std::string& text, const LogicalType& type) {
  uint64_t mask = 0;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t comma = text.find(',', start);
    std::string_view member =
        std::string_view(text).substr(start, comma == std::string::npos ? comma : comma - start);
    for (size_t i = 0; i < type.elements.size() && i < 64; ++i) {
      if (type.elements[i] == member) mask |= uint64_t{1} << i;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return mask;
}

std::string EnumText(uint64_t ordinal, const LogicalType& type) {
  if (ordinal == 0 || ordinal > type.elements.size()) return "";
  return type.elements[ordinal - 1];
}

std::string SetText(uint64_t mask, const LogicalType& type) {
  std::string text;
  for (size_t i = 0; i < type.elements.size() && i < 64; ++i) {
    if ((mask & (uint64_t{1} << i)) == 0) continue;
    if (!text.empty()) text.push_back(',');
    text += type.elements[i];
  }
  return text;
}

bool IsEnumOrSet(const LogicalType& type) {
  return type.id == TypeId::kEnum || type.id == TypeId::kSet;
}

void AppendString(const std::string& s, const LogicalType& type, std::string* out) {
  if (type.id == TypeId::kEnum) {
    out->push_back(static_cast<char>(kUintFlag));
    AppendUint64(EnumOrdinal(s, type), out);
  } else if (type.id == TypeId::kSet) {
    out->push_back(static_cast<char>(kUintFlag));
    AppendUint64(SetMask(s, type), out);
  } else {
    out->push_back(static_cast<char>(kBytesFlag));
    AppendBytes(s, out);
  }
}

Value IntForType(int64_t v, const LogicalType& type) {
  switch (type.id) {
    case TypeId::kDate:
      return Value::Date(static_cast<int32_t>(v));
    case TypeId::kDatetime:
    case TypeId::kTimestamp:
      return Value::Datetime(v);
    case TypeId::kTime:
      return Value::Time(v);
    default:
      return Value::Int(v);
  }
}

Value UintForType(uint64_t v, const LogicalType& type) {
  if (type.id == TypeId::kEnum) return Value::String(EnumText(v, type));
  if (type.id == TypeId::kSet) return Value::String(SetText(v, type));
  return Value::UInt(v);
}

}  // namespace

std::string TablePrefix(int64_t table_id) {
  std::string key = "t";
  AppendComparableInt(table_id, &key);
  return key;
}

std::string RowKeyPrefix(int64_t table_id) { return TablePrefix(table_id) + "_r"; }

std::string EncodeRowKey(int64_t table_id, int64_t handle) {
  std::string key = RowKeyPrefix(table_id);
  EncodeHandle(handle, &key);
  return key;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty() && static_cast<uint8_t>(end.back()) == 0xFF) end.pop_back();
  if (end.empty()) return end;  // all 0xFF: no finite successor
  end.back() = static_cast<char>(static_cast<uint8_t>(end.back()) + 1);
  return end;
}

Result<int64_t> DecodeRowKeyHandle(std::string_view key) {
  constexpr size_t kPrefixSize = 1 + 8 + 2;
  if (key.size() != kPrefixSize + 8 || key[0] != 't' || key.substr(9, 2) != "_r") {
    return Corrupt("not a row key");
  }
  key.remove_prefix(kPrefixSize);
  return DecodeHandle(&key);
}

std::string VectorLogPrefix(int64_t table_id, VectorLog log) {
  return TablePrefix(table_id) + '_' + static_cast<char>(log);
}

std::string EncodeVectorLogKey(int64_t table_id, int64_t handle, VectorLog log) {
  std::string key = VectorLogPrefix(table_id, log);
  EncodeHandle(handle, &key);
  return key;
}

std::string IndexPrefix(int64_t table_id, int64_t index_id) {
  std::string key = TablePrefix(table_id) + "_i";
  AppendComparableInt(index_id, &key);
  return key;
}

void EncodeKeyValue(const Value& value, const LogicalType& type, std::string* out) {
  switch (value.kind()) {
    case ValueKind::kNull:
      out->push_back(static_cast<char>(kNullFlag));
      return;
    case ValueKind::kInt:
      out->push_back(static_cast<char>(kIntFlag));
      AppendComparableInt(value.int_value(), out);
      return;
    case ValueKind::kUInt:
      out->push_back(static_cast<char>(kUintFlag));
      AppendUint64(value.uint_value(), out);
      return;
    case ValueKind::kDouble:
      out->push_back(static_cast<char>(kFloatFlag));
      AppendUint64(ComparableDoubleBits(value.double_value()), out);
      return;
    case ValueKind::kDecimal:
      out->push_back(static_cast<char>(kDecimalFlag));
      AppendDecimal(value.decimal_value(), out);
      return;
    case ValueKind::kString:
      AppendString(value.string_value(), type, out);
      return;
    case ValueKind::kDate:
      out->push_back(static_cast<char>(kIntFlag));
      AppendComparableInt(value.date_value(), out);
      return;
    case ValueKind::kDatetime:
    case ValueKind::kTime:
      out->push_back(static_cast<char>(kIntFlag));
      AppendComparableInt(value.kind() == ValueKind::kTime ? value.time_value()
                                                           : value.datetime_value(),
                          out);
      return;
    case ValueKind::kVector:
      out->push_back(static_cast<char>(kVectorFlag));
      AppendVector(value.vector_value(), out);
      return;
  }
}

Result<Value> DecodeKeyValue(std::string_view* in, const LogicalType& type) {
  if (in->empty()) return Corrupt("missing value flag");
  uint8_t flag = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  switch (flag) {
    case kNullFlag:
      return Value::Null();
    case kIntFlag: {
      VEXDB_ASSIGN_OR_RETURN(int64_t v, ReadComparableInt(in));
      return IntForType(v, type);
    }
    case kUintFlag: {
      VEXDB_ASSIGN_OR_RETURN(uint64_t v, ReadUint64(in));
      return UintForType(v, type);
    }
    case kFloatFlag: {
      VEXDB_ASSIGN_OR_RETURN(uint64_t bits, ReadUint64(in));
      return Value::Double(DoubleFromComparableBits(bits));
    }
    case kDecimalFlag:
      return ReadDecimal(in, type);
    case kBytesFlag: {
      if (IsEnumOrSet(type)) return Corrupt("bytes for ENUM/SET");
      VEXDB_ASSIGN_OR_RETURN(std::string s, ReadBytes(in));
      return Value::String(std::move(s));
    }
    case kVectorFlag:
      return ReadVector(in);
    default:
      return Corrupt(fmt::format("unknown value flag {}", flag));
  }
}

void EncodeHandle(int64_t handle, std::string* out) { AppendComparableInt(handle, out); }

Result<int64_t> DecodeHandle(std::string_view* in) { return ReadComparableInt(in); }

}  // namespace vexdb
