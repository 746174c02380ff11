#include "storage/key_codec.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace vexdb {
namespace {

std::string Encode(const Value& v, const LogicalType& type) {
  std::string out;
  EncodeKeyValue(v, type, &out);
  return out;
}

int Sign(int c) { return (c > 0) - (c < 0); }

// SQL order of two values of one kind, NULL first (the reference the encoding must match).
int ReferenceCompare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Sign(int{!a.is_null()} - int{!b.is_null()});
  switch (a.kind()) {
    case ValueKind::kInt:
      return Sign((a.int_value() > b.int_value()) - (a.int_value() < b.int_value()));
    case ValueKind::kUInt:
      return Sign((a.uint_value() > b.uint_value()) - (a.uint_value() < b.uint_value()));
    case ValueKind::kDouble:
      return Sign((a.double_value() > b.double_value()) - (a.double_value() < b.double_value()));
    case ValueKind::kDecimal:
      return Sign(a.decimal_value().Compare(b.decimal_value()));
    case ValueKind::kString:
      return Sign(a.string_value().compare(b.string_value()));
    case ValueKind::kDate:
      return Sign((a.date_value() > b.date_value()) - (a.date_value() < b.date_value()));
    case ValueKind::kDatetime:
      return Sign((a.datetime_value() > b.datetime_value()) -
                  (a.datetime_value() < b.datetime_value()));
    case ValueKind::kTime:
      return Sign((a.time_value() > b.time_value()) - (a.time_value() < b.time_value()));
    default:
      ADD_FAILURE() << "unexpected kind";
      return 0;
  }
}

// Every pair: memcmp order of encodings == reference order; and decode(encode(v)) == v.
void CheckOrderAndRoundTrip(const std::vector<Value>& values, const LogicalType& type) {
  std::vector<std::string> encoded;
  for (const Value& v : values) {
    encoded.push_back(Encode(v, type));
    std::string_view in = encoded.back();
    Result<Value> back = DecodeKeyValue(&in, type);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(in.empty());
    if (v.kind() == ValueKind::kDecimal) {
      EXPECT_EQ(back->decimal_value().Compare(v.decimal_value()), 0);
    } else if (v.kind() == ValueKind::kDouble && v.double_value() == 0) {
      EXPECT_EQ(back->double_value(), 0.0);  // -0 decodes as +0
    } else {
      EXPECT_EQ(*back, v);
    }
  }
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); ++j) {
      ASSERT_EQ(Sign(encoded[i].compare(encoded[j])), ReferenceCompare(values[i], values[j]))
          << "i=" << i << " j=" << j;
    }
  }
}

TEST(KeyCodecTest, SignedIntegersOrder) {
  std::mt19937_64 rng(1);
  std::vector<Value> values = {Value::Null(), Value::Int(0), Value::Int(-1), Value::Int(1),
                               Value::Int(INT64_MIN), Value::Int(INT64_MAX)};
  for (int i = 0; i < 200; ++i) values.push_back(Value::Int(static_cast<int64_t>(rng())));
  for (int i = 0; i < 50; ++i) {
    values.push_back(Value::Int(static_cast<int64_t>(rng() % 200) - 100));
  }
  CheckOrderAndRoundTrip(values, LogicalType::BigInt());
}

TEST(KeyCodecTest, UnsignedIntegersOrder) {
  std::mt19937_64 rng(2);
  std::vector<Value> values = {Value::Null(), Value::UInt(0), Value::UInt(1),
                               Value::UInt(UINT64_MAX), Value::UInt(uint64_t{1} << 63)};
  for (int i = 0; i < 200; ++i) values.push_back(Value::UInt(rng()));
  CheckOrderAndRoundTrip(values, LogicalType::BigInt(/*is_unsigned=*/true));
}

TEST(KeyCodecTest, DoublesOrderIncludingNegativesZeroAndInfinity) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> dist(-1e6, 1e6);
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<Value> values = {Value::Null(),
                               Value::Double(0.0),
                               Value::Double(-0.0),
                               Value::Double(inf),
                               Value::Double(-inf),
                               Value::Double(std::numeric_limits<double>::max()),
                               Value::Double(std::numeric_limits<double>::lowest()),
                               Value::Double(std::numeric_limits<double>::denorm_min()),
                               Value::Double(-std::numeric_limits<double>::denorm_min()),
                               Value::Double(1e-300),
                               Value::Double(-1e-300)};
  for (int i = 0; i < 200; ++i) values.push_back(Value::Double(dist(rng)));
  CheckOrderAndRoundTrip(values, LogicalType::Double());
  EXPECT_EQ(Encode(Value::Double(-0.0), LogicalType::Double()),
            Encode(Value::Double(0.0), LogicalType::Double()));
}

TEST(KeyCodecTest, DecimalsOfDifferentScalesOrder) {
  std::mt19937_64 rng(4);
  std::vector<Value> values = {Value::Null(), Value::Dec(Decimal(0, 0)), Value::Dec(Decimal(0, 5)),
                               Value::Dec(Decimal(15, 1)), Value::Dec(Decimal(150, 2)),
                               Value::Dec(Decimal(-15, 1)), Value::Dec(Decimal(-1, 30)),
                               Value::Dec(Decimal(1, 30)), Value::Dec(Decimal(123, 0)),
                               Value::Dec(Decimal(1230, 1)), Value::Dec(Decimal(1231, 1)),
                               Value::Dec(Decimal(-1231, 1)), Value::Dec(Decimal(-12301, 2))};
  __int128 big = 1;
  for (int i = 0; i < 37; ++i) big *= 10;
  values.push_back(Value::Dec(Decimal(big * 9, 0)));   // 38 digits
  values.push_back(Value::Dec(Decimal(-big * 9, 0)));
  values.push_back(Value::Dec(Decimal(big * 9, 30)));
  for (int i = 0; i < 200; ++i) {
    int64_t m = static_cast<int64_t>(rng() % 2000001) - 1000000;
    values.push_back(Value::Dec(Decimal(m, static_cast<int>(rng() % 6))));
  }
  CheckOrderAndRoundTrip(values, LogicalType::Decimal(38, -1));
  // Equal values encode identically whatever their scale.
  EXPECT_EQ(Encode(Value::Dec(Decimal(15, 1)), LogicalType::Decimal(10, 2)),
            Encode(Value::Dec(Decimal(1500, 3)), LogicalType::Decimal(10, 2)));
}

TEST(KeyCodecTest, DecimalDecodesToColumnScale) {
  std::string enc = Encode(Value::Dec(Decimal(15, 1)), LogicalType::Decimal(10, 3));
  std::string_view in = enc;
  Result<Value> v = DecodeKeyValue(&in, LogicalType::Decimal(10, 3));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->decimal_value().scale(), 3);
  EXPECT_EQ(static_cast<int64_t>(v->decimal_value().mantissa()), 1500);
}

TEST(KeyCodecTest, StringsWithZeroBytesAndPrefixesOrder) {
  std::mt19937_64 rng(5);
  std::vector<Value> values = {Value::Null(), Value::String(""), Value::String("a"),
                               Value::String("ab"), Value::String(std::string("a\0", 2)),
                               Value::String(std::string("a\0\0", 3)),
                               Value::String(std::string("\0", 1)), Value::String("abcdefgh"),
                               Value::String("abcdefghi"), Value::String("abcdefg"),
                               Value::String(std::string(8, '\xff')),
                               Value::String(std::string(9, '\xff')),
                               Value::String(std::string("abcdefgh\0", 9))};
  for (int i = 0; i < 200; ++i) {
    std::string s(rng() % 20, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4);  // small alphabet: many shared prefixes
    values.push_back(Value::String(s));
  }
  CheckOrderAndRoundTrip(values, LogicalType::Varchar(100));
}

TEST(KeyCodecTest, TemporalsOrderAndDecodeToTheirKinds) {
  std::mt19937_64 rng(6);
  std::vector<Value> dates = {Value::Null(), Value::Date(0), Value::Date(-719162),
                              Value::Date(2932896)};
  std::vector<Value> datetimes = {Value::Null(), Value::Datetime(0), Value::Datetime(-1)};
  std::vector<Value> times = {Value::Null(), Value::Time(0), Value::Time(-3020399000000)};
  for (int i = 0; i < 100; ++i) {
    dates.push_back(Value::Date(static_cast<int32_t>(rng() % 3000000) - 1000000));
    datetimes.push_back(Value::Datetime(static_cast<int64_t>(rng() >> 2) - (int64_t{1} << 61)));
    times.push_back(Value::Time(static_cast<int64_t>(rng() % 6040798000000) - 3020399000000));
  }
  CheckOrderAndRoundTrip(dates, LogicalType::Of(TypeId::kDate));
  CheckOrderAndRoundTrip(datetimes, LogicalType::Datetime(6));
  CheckOrderAndRoundTrip(datetimes, LogicalType::Of(TypeId::kTimestamp));
  CheckOrderAndRoundTrip(times, LogicalType::Of(TypeId::kTime));
}

TEST(KeyCodecTest, EnumSortsByMemberPosition) {
  LogicalType type = LogicalType::Of(TypeId::kEnum);
  type.elements = {"zebra", "apple", "mango"};
  std::string z = Encode(Value::String("zebra"), type);
  std::string a = Encode(Value::String("apple"), type);
  EXPECT_LT(z, a);
  std::string_view in = a;
  Result<Value> v = DecodeKeyValue(&in, type);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_value(), "apple");
}

TEST(KeyCodecTest, SetRoundTripsInDeclarationOrder) {
  LogicalType type = LogicalType::Of(TypeId::kSet);
  type.elements = {"a", "b", "c"};
  std::string enc = Encode(Value::String("a,c"), type);
  std::string_view in = enc;
  Result<Value> v = DecodeKeyValue(&in, type);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->string_value(), "a,c");
  EXPECT_LT(Encode(Value::String("b"), type), Encode(Value::String("a,b"), type));
}

TEST(KeyCodecTest, VectorsOrderElementwiseWithPrefixFirst) {
  LogicalType type = LogicalType::Of(TypeId::kVector);
  std::vector<Value> values = {Value::Null(), Value::Vector({}), Value::Vector({1.0f}),
                               Value::Vector({1.0f, -2.0f}), Value::Vector({1.0f, 2.0f}),
                               Value::Vector({-1.0f, 5.0f}), Value::Vector({2.0f})};
  std::vector<std::string> enc;
  for (const Value& v : values) {
    enc.push_back(Encode(v, type));
    std::string_view in = enc.back();
    Result<Value> back = DecodeKeyValue(&in, type);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, v);
  }
  std::vector<std::string> sorted = enc;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> expected = {enc[0], enc[1], enc[5], enc[2], enc[3], enc[4], enc[6]};
  EXPECT_EQ(sorted, expected);
}

TEST(KeyCodecTest, CompositeKeysOrderColumnByColumn) {
  // (a INT, b VARCHAR): a shorter string in the first column must not bleed into the second.
  auto key = [](int64_t a, const std::string& b) {
    std::string k;
    EncodeKeyValue(Value::String(b), LogicalType::Varchar(10), &k);
    EncodeKeyValue(Value::Int(a), LogicalType::BigInt(), &k);
    return k;
  };
  EXPECT_LT(key(9, "a"), key(1, "ab"));
  EXPECT_LT(key(1, "a"), key(2, "a"));
}

TEST(KeyCodecTest, RowKeysSortByTableThenHandle) {
  EXPECT_LT(EncodeRowKey(1, INT64_MAX), EncodeRowKey(2, INT64_MIN));
  EXPECT_LT(EncodeRowKey(1, -1), EncodeRowKey(1, 0));
  EXPECT_LT(EncodeRowKey(-5, 0), EncodeRowKey(1, 0));
  Result<int64_t> h = DecodeRowKeyHandle(EncodeRowKey(7, -42));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(*h, -42);
  EXPECT_TRUE(EncodeRowKey(7, 3).starts_with(RowKeyPrefix(7)));
  EXPECT_TRUE(EncodeRowKey(7, 3).starts_with(TablePrefix(7)));
  EXPECT_TRUE(IndexPrefix(7, 1).starts_with(TablePrefix(7)));
  EXPECT_LT(EncodeRowKey(7, INT64_MAX), PrefixEnd(TablePrefix(7)));
  EXPECT_LT(IndexPrefix(7, INT64_MAX) + "zzz", PrefixEnd(TablePrefix(7)));
  EXPECT_EQ(PrefixEnd(TablePrefix(7)), TablePrefix(8));
  EXPECT_FALSE(DecodeRowKeyHandle(IndexPrefix(7, 1)).ok());
}

TEST(KeyCodecTest, PrefixEnd) {
  EXPECT_EQ(PrefixEnd("ab"), "ac");
  EXPECT_EQ(PrefixEnd(std::string("a\xff\xff")), "b");
  EXPECT_EQ(PrefixEnd(std::string("\xff\xff")), "");
}

TEST(KeyCodecTest, HandleRoundTrip) {
  for (int64_t h : {INT64_MIN, int64_t{-1}, int64_t{0}, int64_t{1}, INT64_MAX}) {
    std::string enc;
    EncodeHandle(h, &enc);
    std::string_view in = enc;
    Result<int64_t> back = DecodeHandle(&in);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, h);
  }
}

TEST(KeyCodecTest, CorruptInputIsAnErrorNotACrash) {
  std::mt19937_64 rng(7);
  std::vector<LogicalType> types = {
      LogicalType::BigInt(),      LogicalType::Double(),           LogicalType::Decimal(20, 4),
      LogicalType::Varchar(10),   LogicalType::Of(TypeId::kVector), LogicalType::Of(TypeId::kDate)};
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 24, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (!bytes.empty() && i % 2 == 0) bytes[0] = static_cast<char>(rng() % 8);  // plausible flag
    std::string_view in = bytes;
    Result<Value> v = DecodeKeyValue(&in, types[i % types.size()]);
    (void)v;
  }
  // Truncations of valid encodings fail cleanly.
  std::string enc = Encode(Value::String("hello world"), LogicalType::Varchar(20));
  for (size_t n = 0; n < enc.size(); ++n) {
    std::string_view in(enc.data(), n);
    EXPECT_FALSE(DecodeKeyValue(&in, LogicalType::Varchar(20)).ok()) << n;
  }
}

}  // namespace
}  // namespace vexdb
