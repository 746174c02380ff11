#include "types/cast.h"

#include <gtest/gtest.h>

#include "types/temporal.h"
#include "types/value_format.h"

namespace vexdb {
namespace {

LogicalType Type(TypeId id, int64_t length = -1, bool is_unsigned = false) {
  LogicalType t = LogicalType::Of(id);
  t.length = length;
  t.is_unsigned = is_unsigned;
  return t;
}

LogicalType Members(TypeId id, std::vector<std::string> elements) {
  LogicalType t = LogicalType::Of(id);
  t.elements = std::move(elements);
  return t;
}

const CastContext kStore{CastMode::kStore, "c", 1};
const CastContext kExpr{CastMode::kExpression, "", 1};

// The stored text (FormatValue of the cast result), or "ERROR <errno>: <message>".
std::string Store(const Value& v, const LogicalType& t, const CastContext& ctx = kStore) {
  auto r = CastValue(v, t, ctx);
  if (!r.ok()) return "ERROR " + std::to_string(r.status().mysql_errno()) + ": " +
                      r.status().message();
  if (r->is_null()) return "NULL";
  return FormatValue(*r, t);
}

std::string Expr(const Value& v, const LogicalType& t) { return Store(v, t, kExpr); }

Value S(std::string s) { return Value::String(std::move(s)); }
Value I(int64_t v) { return Value::Int(v); }
Value U(uint64_t v) { return Value::UInt(v); }
Value Dbl(double v) { return Value::Double(v); }
Value Dec(std::string_view text) { return Value::Dec(*Decimal::Parse(text)); }

const char* kOutOfRange = "ERROR 1264: Out of range value for column 'c' at row 1";
const char* kTooLong = "ERROR 1406: Data too long for column 'c' at row 1";
const char* kTruncated = "ERROR 1265: Data truncated for column 'c' at row 1";

struct IntegerBound {
  TypeId id;
  bool is_unsigned;
  const char* min;
  const char* max;
  const char* below;
  const char* above;
};

TEST(CastStoreTest, IntegerBounds) {
  const IntegerBound kBounds[] = {
      {TypeId::kTinyInt, false, "-128", "127", "-129", "128"},
      {TypeId::kTinyInt, true, "0", "255", "-1", "256"},
      {TypeId::kSmallInt, false, "-32768", "32767", "-32769", "32768"},
      {TypeId::kSmallInt, true, "0", "65535", "-1", "65536"},
      {TypeId::kMediumInt, false, "-8388608", "8388607", "-8388609", "8388608"},
      {TypeId::kMediumInt, true, "0", "16777215", "-1", "16777216"},
      {TypeId::kInt, false, "-2147483648", "2147483647", "-2147483649", "2147483648"},
      {TypeId::kInt, true, "0", "4294967295", "-1", "4294967296"},
      {TypeId::kBigInt, false, "-9223372036854775808", "9223372036854775807",
       "-9223372036854775809", "9223372036854775808"},
      {TypeId::kBigInt, true, "0", "18446744073709551615", "-1", "18446744073709551616"},
  };
  for (const auto& b : kBounds) {
    LogicalType t = Type(b.id, -1, b.is_unsigned);
    SCOPED_TRACE(t.ToSql());
    EXPECT_EQ(Store(S(b.min), t), b.min);
    EXPECT_EQ(Store(S(b.max), t), b.max);
    EXPECT_EQ(Store(S(b.below), t), kOutOfRange);
    EXPECT_EQ(Store(S(b.above), t), kOutOfRange);
    EXPECT_EQ(Store(Dec(b.max), t), b.max);
    EXPECT_EQ(Store(Dec(b.above), t), kOutOfRange);
  }
  EXPECT_EQ(Store(I(INT64_MIN), LogicalType::BigInt()), "-9223372036854775808");
  EXPECT_EQ(Store(U(UINT64_MAX), LogicalType::BigInt(true)), "18446744073709551615");
  EXPECT_EQ(Store(U(UINT64_MAX), LogicalType::BigInt()), kOutOfRange);
  EXPECT_EQ(Store(I(-1), LogicalType::BigInt(true)), kOutOfRange);
  EXPECT_EQ(Store(Dbl(1e19), LogicalType::BigInt(true)), "10000000000000000000");
  EXPECT_EQ(Store(Dbl(1e20), LogicalType::BigInt(true)), kOutOfRange);
  EXPECT_EQ(Store(Dbl(-1e300), LogicalType::BigInt()), kOutOfRange);
}

TEST(CastStoreTest, IntegerRounding) {
  LogicalType t = Type(TypeId::kInt);
  EXPECT_EQ(Store(S("12.5"), t), "13");
  EXPECT_EQ(Store(S("-12.5"), t), "-13");
  EXPECT_EQ(Store(S(" 42 "), t), "42");
  EXPECT_EQ(Store(S("1e3"), t), "1000");
  EXPECT_EQ(Store(Dec("2.5"), t), "3");
  EXPECT_EQ(Store(Dec("-2.5"), t), "-3");
  EXPECT_EQ(Store(Dbl(2.5), t), "2");  // doubles round half to even (rint)
  EXPECT_EQ(Store(Dbl(3.5), t), "4");
  EXPECT_EQ(Store(Dbl(127.4), Type(TypeId::kTinyInt)), "127");
  EXPECT_EQ(Store(Dbl(127.5), Type(TypeId::kTinyInt)), kOutOfRange);
}

TEST(CastStoreTest, BadNumericText) {
  EXPECT_EQ(Store(S("abc"), Type(TypeId::kInt)),
            "ERROR 1366: Incorrect integer value: 'abc' for column 'c' at row 1");
  EXPECT_EQ(Store(S("12abc"), Type(TypeId::kInt)),
            "ERROR 1366: Incorrect integer value: '12abc' for column 'c' at row 1");
  EXPECT_EQ(Store(S(""), Type(TypeId::kInt)),
            "ERROR 1366: Incorrect integer value: '' for column 'c' at row 1");
  EXPECT_EQ(Store(S("x"), LogicalType::Decimal(5, 2)),
            "ERROR 1366: Incorrect decimal value: 'x' for column 'c' at row 1");
  EXPECT_EQ(Store(S("1.5.5"), LogicalType::Double()),
            "ERROR 1366: Incorrect double value: '1.5.5' for column 'c' at row 1");
  CastContext row7{CastMode::kStore, "qty", 7};
  EXPECT_EQ(Store(S("9999999999"), Type(TypeId::kInt), row7),
            "ERROR 1264: Out of range value for column 'qty' at row 7");
}

TEST(CastStoreTest, Decimal) {
  LogicalType t = LogicalType::Decimal(5, 2);
  EXPECT_EQ(Store(S("2.345"), t), "2.35");
  EXPECT_EQ(Store(S("-2.345"), t), "-2.35");
  EXPECT_EQ(Store(S("999.99"), t), "999.99");
  EXPECT_EQ(Store(S("999.995"), t), kOutOfRange);
  EXPECT_EQ(Store(S("1000"), t), kOutOfRange);
  EXPECT_EQ(Store(I(12), t), "12.00");
  EXPECT_EQ(Store(Dbl(0.1), t), "0.10");
  EXPECT_EQ(Store(S("1.5e1"), t), "15.00");
  EXPECT_EQ(Store(S("-0.000"), t), "0.00");
  EXPECT_EQ(Store(Dbl(1e300), t), kOutOfRange);
  LogicalType unsigned_t = t;
  unsigned_t.is_unsigned = true;
  EXPECT_EQ(Store(S("-1"), unsigned_t), kOutOfRange);
  EXPECT_EQ(Store(S("123456789012345678901234567890123456789"), LogicalType::Decimal(38, 0)),
            kOutOfRange);
  EXPECT_EQ(Store(S("12345678901234567890123456789012345678"), LogicalType::Decimal(38, 0)),
            "12345678901234567890123456789012345678");
  EXPECT_EQ(Store(S("0.1"), LogicalType::Of(TypeId::kDecimal)), "0");  // DECIMAL = (10,0)
  // Precision is capped at 38 digits (DDL rejects DECIMAL(39+) with 1426 before this).
  LogicalType wide = LogicalType::Decimal(65, 0);
  EXPECT_EQ(Store(S(std::string(39, '9')), wide), kOutOfRange);
  EXPECT_EQ(Store(S(std::string(38, '9')), wide), std::string(38, '9'));
  EXPECT_EQ(Store(Dec("0.1"), LogicalType::Decimal(38, 30)), "0.100000000000000000000000000000");
  EXPECT_EQ(Store(Dec("10"), LogicalType::Decimal(38, 30)), "10.000000000000000000000000000000");
  EXPECT_EQ(Store(Dec("100000000"), LogicalType::Decimal(38, 30)), kOutOfRange);
}

TEST(CastStoreTest, Real) {
  LogicalType f = LogicalType::Of(TypeId::kFloat);
  EXPECT_EQ(Store(S("1.1"), f), "1.1");
  EXPECT_EQ(Store(Dbl(0.12345678901), f), "0.12345679");
  EXPECT_EQ(Store(S("1e-7"), f), "0.0000001");
  EXPECT_EQ(Store(S("-0"), LogicalType::Double()), "-0");
  EXPECT_EQ(Store(S("3.5e38"), f), kOutOfRange);
  EXPECT_EQ(Store(Dbl(-3.5e38), f), kOutOfRange);
  EXPECT_EQ(Store(S("1e400"), LogicalType::Double()), kOutOfRange);
  EXPECT_EQ(Store(S("1.5e0"), LogicalType::Double()), "1.5");
  EXPECT_EQ(Store(Dec("0.1"), LogicalType::Double()), "0.1");
  EXPECT_EQ(Store(I(5), LogicalType::Double()), "5");
  LogicalType fixed = LogicalType::Of(TypeId::kDouble);
  fixed.precision = 5;
  fixed.scale = 2;
  EXPECT_EQ(Store(Dbl(3.14159), fixed), "3.14");
  EXPECT_EQ(Store(Dbl(1000), fixed), kOutOfRange);
  LogicalType unsigned_double = LogicalType::Double();
  unsigned_double.is_unsigned = true;
  EXPECT_EQ(Store(Dbl(-1), unsigned_double), kOutOfRange);
}

TEST(CastStoreTest, Strings) {
  LogicalType v3 = LogicalType::Varchar(3);
  EXPECT_EQ(Store(S("abc"), v3), "abc");
  EXPECT_EQ(Store(S("abcd"), v3), kTooLong);
  EXPECT_EQ(Store(S("abc   "), v3), "abc");  // only spaces cut: allowed
  EXPECT_EQ(Store(S("日本語"), v3), "日本語");  // CJK: 3 characters, 9 bytes
  EXPECT_EQ(Store(S("日本語x"), v3), kTooLong);
  EXPECT_EQ(Store(S("😀😀😀"), v3), "😀😀😀");  // emoji: 4 bytes each
  EXPECT_EQ(Store(S("😀😀😀😀"), v3), kTooLong);
  EXPECT_EQ(Store(I(123), v3), "123");
  EXPECT_EQ(Store(I(1234), v3), kTooLong);
  EXPECT_EQ(Store(Dbl(1.5), LogicalType::Varchar(10)), "1.5");
  EXPECT_EQ(Store(Dec("3.50"), LogicalType::Varchar(10)), "3.50");
  EXPECT_EQ(Store(Value::Date(DaysFromCivil(2024, 1, 2)), LogicalType::Varchar(10)),
            "2024-01-02");
  EXPECT_EQ(Store(S("\xff\xfe"), v3),
            "ERROR 1366: Incorrect string value: '\\xFF\\xFE' for column 'c' at row 1");
  LogicalType char5 = Type(TypeId::kChar, 5);
  EXPECT_EQ(Store(S("ab  "), char5), "ab");
  auto stored = CastValue(S("ab  "), char5, kStore);
  EXPECT_EQ(stored->string_value(), "ab");
  LogicalType tiny = Type(TypeId::kText, 255);
  EXPECT_EQ(Store(S(std::string(255, 'x')), tiny), std::string(255, 'x'));
  EXPECT_EQ(Store(S(std::string(256, 'x')), tiny), kTooLong);
  EXPECT_EQ(Store(S(std::string(64, "😀"[0]) + std::string(200, 'x')), tiny),
            "ERROR 1366: Incorrect string value: '\\xF0\\xF0\\xF0\\xF0\\xF0\\xF0' for column 'c' "
            "at row 1");
  std::string emoji64;
  for (int i = 0; i < 64; ++i) emoji64 += "😀";  // 64 characters but 256 bytes
  EXPECT_EQ(Store(S(emoji64), tiny), kTooLong);
  EXPECT_EQ(Store(S(emoji64), LogicalType::Varchar(64)), emoji64);
}

TEST(CastStoreTest, Binary) {
  LogicalType vb = Type(TypeId::kVarbinary, 4);
  EXPECT_EQ(Store(S("abcd"), vb), "abcd");
  EXPECT_EQ(Store(S("abcde"), vb), kTooLong);
  EXPECT_EQ(Store(S("日本"), vb), kTooLong);  // 6 bytes
  EXPECT_EQ(Store(S(std::string("\xff\x00", 2)), vb), std::string("\xff\x00", 2));
  EXPECT_EQ(Store(S("ab"), Type(TypeId::kBinary, 4)), std::string("ab\0\0", 4));
  EXPECT_EQ(Store(S("\xff\xfe"), Type(TypeId::kBlob, 65535)), "\xff\xfe");
}

TEST(CastStoreTest, Temporals) {
  LogicalType date = LogicalType::Of(TypeId::kDate);
  EXPECT_EQ(Store(S("2024-01-02"), date), "2024-01-02");
  EXPECT_EQ(Store(S("2024-02-29"), date), "2024-02-29");
  EXPECT_EQ(Store(S("2023-02-29"), date),
            "ERROR 1292: Incorrect date value: '2023-02-29' for column 'c' at row 1");
  EXPECT_EQ(Store(I(20240102), date), "2024-01-02");
  EXPECT_EQ(Store(S("2024-01-02 03:04:05"), date), "2024-01-02");
  LogicalType dt = LogicalType::Datetime(0);
  EXPECT_EQ(Store(S("2024-13-01"), dt),
            "ERROR 1292: Incorrect datetime value: '2024-13-01' for column 'c' at row 1");
  EXPECT_EQ(Store(S("2024-01-02 03:04:05.5"), dt), "2024-01-02 03:04:06");
  EXPECT_EQ(Store(S("2024-01-02 03:04:05.1234567"), LogicalType::Datetime(6)),
            "2024-01-02 03:04:05.123457");
  EXPECT_EQ(Store(S("2024-01-02 03:04:05.1234567"), LogicalType::Datetime(3)),
            "2024-01-02 03:04:05.123");
  EXPECT_EQ(Store(S("2024-01-02"), LogicalType::Datetime(6)), "2024-01-02 00:00:00.000000");
  EXPECT_EQ(Store(Value::Date(DaysFromCivil(2024, 1, 2)), dt), "2024-01-02 00:00:00");
  EXPECT_EQ(Store(I(20240102030405), dt), "2024-01-02 03:04:05");
  EXPECT_EQ(Store(Dec("20240102030405.5"), LogicalType::Datetime(1)), "2024-01-02 03:04:05.5");
  EXPECT_EQ(Store(S("9999-12-31 23:59:59.5"), dt),
            "ERROR 1292: Incorrect datetime value: '9999-12-31 23:59:59.5' for column 'c' at "
            "row 1");
  LogicalType ts = LogicalType::Of(TypeId::kTimestamp);
  EXPECT_EQ(Store(S("2024-01-02 03:04:05"), ts), "2024-01-02 03:04:05");
  EXPECT_EQ(Store(S("1960-01-01"), ts),
            "ERROR 1292: Incorrect datetime value: '1960-01-01' for column 'c' at row 1");
  EXPECT_EQ(Store(S("2038-01-19 03:14:07"), ts), "2038-01-19 03:14:07");
  EXPECT_NE(Store(S("2038-01-19 03:14:08"), ts).find("ERROR 1292"), std::string::npos);
  LogicalType time = LogicalType::Of(TypeId::kTime);
  EXPECT_EQ(Store(S("-838:59:59"), time), "-838:59:59");
  EXPECT_EQ(Store(S("838:59:59"), time), "838:59:59");
  EXPECT_EQ(Store(S("839:00:00"), time),
            "ERROR 1292: Incorrect time value: '839:00:00' for column 'c' at row 1");
  EXPECT_EQ(Store(I(10203), time), "01:02:03");
  EXPECT_EQ(Store(I(-10203), time), "-01:02:03");
  EXPECT_EQ(Store(S("01:02:03.6"), time), "01:02:04");
  EXPECT_EQ(Store(S("838:59:59.5"), time).substr(0, 10), "ERROR 1292");
  EXPECT_EQ(Store(Value::Datetime(CivilToDatetime({2024, 1, 2, 3, 4, 5})), time), "03:04:05");
}

TEST(CastStoreTest, Year) {
  LogicalType y = LogicalType::Of(TypeId::kYear);
  EXPECT_EQ(Store(I(2024), y), "2024");
  EXPECT_EQ(Store(I(0), y), "0000");
  EXPECT_EQ(Store(I(5), y), "2005");
  EXPECT_EQ(Store(I(70), y), "1970");
  EXPECT_EQ(Store(S("0"), y), "2000");
  EXPECT_EQ(Store(S("00"), y), "2000");
  EXPECT_EQ(Store(S("0000"), y), "0000");
  EXPECT_EQ(Store(S("99"), y), "1999");
  EXPECT_EQ(Store(I(1901), y), "1901");
  EXPECT_EQ(Store(I(2155), y), "2155");
  EXPECT_EQ(Store(I(1900), y), kOutOfRange);
  EXPECT_EQ(Store(I(2156), y), kOutOfRange);
  EXPECT_EQ(Store(S("abc"), y),
            "ERROR 1366: Incorrect integer value: 'abc' for column 'c' at row 1");
}

TEST(CastStoreTest, EnumAndSet) {
  LogicalType e = Members(TypeId::kEnum, {"small", "medium", "large"});
  EXPECT_EQ(Store(S("medium"), e), "medium");
  EXPECT_EQ(Store(S("medium  "), e), "medium");
  EXPECT_EQ(Store(S("MEDIUM"), e), kTruncated);
  EXPECT_EQ(Store(S("huge"), e), kTruncated);
  EXPECT_EQ(Store(S(""), e), kTruncated);
  EXPECT_EQ(Store(I(3), e), "large");
  EXPECT_EQ(Store(S("1"), e), "small");
  EXPECT_EQ(Store(I(0), e), kTruncated);
  EXPECT_EQ(Store(I(4), e), kTruncated);
  LogicalType ci = e;
  ci.collation = "utf8mb4_general_ci";
  EXPECT_EQ(Store(S("MEDIUM"), ci), "medium");
  LogicalType numeric_names = Members(TypeId::kEnum, {"2", "1"});
  EXPECT_EQ(Store(S("1"), numeric_names), "1");  // a member name wins over an index
  EXPECT_EQ(Store(I(1), numeric_names), "2");     // a number is an index
  LogicalType s = Members(TypeId::kSet, {"a", "b", "c"});
  EXPECT_EQ(Store(S("c,a"), s), "a,c");
  EXPECT_EQ(Store(S("a,a"), s), "a");
  EXPECT_EQ(Store(S(""), s), "");
  EXPECT_EQ(Store(S("a,d"), s), kTruncated);
  EXPECT_EQ(Store(I(5), s), "a,c");
  EXPECT_EQ(Store(I(8), s), kTruncated);
}

TEST(MemberOrdinalTest, EnumIndexAndSetMask) {
  LogicalType e = Members(TypeId::kEnum, {"small", "medium", "large"});
  EXPECT_EQ(MemberOrdinal(S("small"), e), 1u);
  EXPECT_EQ(MemberOrdinal(S("large"), e), 3u);
  EXPECT_EQ(MemberOrdinal(S(""), e), 0u);
  LogicalType s = Members(TypeId::kSet, {"a", "b", "c"});
  EXPECT_EQ(MemberOrdinal(S("a,c"), s), 5u);
  EXPECT_EQ(MemberOrdinal(S(""), s), 0u);
}

TEST(CastStoreTest, Json) {
  LogicalType j = LogicalType::Of(TypeId::kJson);
  EXPECT_EQ(Store(S(R"({"k":1})"), j), R"({"k": 1})");
  EXPECT_EQ(Store(S(R"({"b":[1,2.50,true,null],"a":"x"})"), j),
            R"({"a": "x", "b": [1, 2.5, true, null]})");
  EXPECT_EQ(Store(S("[1e2, -0.5, 18446744073709551615]"), j),
            "[100.0, -0.5, 18446744073709551615]");
  EXPECT_EQ(Store(S(R"("caf\u00e9 \"q\"")"), j), R"("café \"q\"")");
  EXPECT_EQ(Store(S("  3  "), j), "3");
  EXPECT_EQ(Store(S("abc"), j),
            "ERROR 3140: Invalid JSON text: \"Invalid value.\" at position 0 in value for "
            "column 'c'.");
  EXPECT_EQ(Store(S(""), j),
            "ERROR 3140: Invalid JSON text: \"The document is empty.\" at position 0 in value "
            "for column 'c'.");
  EXPECT_NE(Store(S("{\"a\":1"), j).find("ERROR 3140"), std::string::npos);
  EXPECT_EQ(Store(I(7), j), "7");
  EXPECT_EQ(Store(Dbl(1.5), j), "1.5");
  EXPECT_EQ(Store(Value::Date(DaysFromCivil(2024, 1, 2)), j), "\"2024-01-02\"");
  EXPECT_EQ(Expr(S("abc"), j),
            "ERROR 3141: Invalid JSON text in argument 1 to function cast_as_json: "
            "\"Invalid value.\" at position 0.");
}

TEST(CastStoreTest, Bit) {
  LogicalType b3 = Type(TypeId::kBit, 3);
  auto seven = CastValue(I(7), b3, kStore);
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(seven->uint_value(), 7u);
  EXPECT_EQ(Store(I(8), b3), kTooLong);
  auto from_bytes = CastValue(S("\x01\x02"), Type(TypeId::kBit, 16), kStore);
  EXPECT_EQ(from_bytes->uint_value(), 0x102u);
  EXPECT_EQ(Store(S("\x01\x02"), Type(TypeId::kBit, 8)), kTooLong);
}

TEST(CastStoreTest, Vector) {
  LogicalType v3 = Type(TypeId::kVector, 3);
  EXPECT_EQ(Store(S("[1, 2, 3.1]"), v3), "[1,2,3.1]");
  EXPECT_EQ(Store(S("[]"), v3), "ERROR 1105: vector has 0 dimensions, does not fit VECTOR(3)");
  EXPECT_EQ(Store(S("[5, ]"), v3), "ERROR 1105: Invalid vector text: [5, ]");
  EXPECT_EQ(Store(S("[1,2]"), Type(TypeId::kVector)), "[1,2]");
  EXPECT_EQ(Store(I(1), Type(TypeId::kVector)), "ERROR 1105: cannot cast from bigint to vector");
  EXPECT_EQ(Store(Value::Vector({1, 2}), LogicalType::BigInt()),
            "ERROR 1105: cannot cast from vector to bigint");
  EXPECT_EQ(Store(Value::Vector({1, 2}), LogicalType::Varchar(20)), "[1,2]");
}

TEST(CastStoreTest, NullStaysNull) {
  EXPECT_EQ(Store(Value::Null(), Type(TypeId::kInt)), "NULL");
  EXPECT_EQ(Store(Value::Null(), LogicalType::Varchar(1)), "NULL");
}

TEST(CastExpressionTest, LenientNumbers) {
  LogicalType signed_t = LogicalType::BigInt();
  LogicalType unsigned_t = LogicalType::BigInt(true);
  EXPECT_EQ(Expr(S("12abc"), signed_t), "12");
  EXPECT_EQ(Expr(S("abc"), signed_t), "0");
  EXPECT_EQ(Expr(S("  -7 apples"), signed_t), "-7");
  EXPECT_EQ(Expr(S("1.9"), signed_t), "1");  // CAST reads the integer prefix
  EXPECT_EQ(Expr(I(-1), unsigned_t), "18446744073709551615");
  EXPECT_EQ(Expr(S("-1"), unsigned_t), "18446744073709551615");
  EXPECT_EQ(Expr(U(18446744073709551615ULL), signed_t), "-1");
  EXPECT_EQ(Expr(Dbl(1e20), signed_t), "9223372036854775807");
  EXPECT_EQ(Expr(Dbl(-1e20), signed_t), "-9223372036854775808");
  EXPECT_EQ(Expr(Dec("-1.5"), unsigned_t), "0");
  EXPECT_EQ(Expr(Dbl(2.5), signed_t), "2");
  EXPECT_EQ(Expr(Dec("2.5"), signed_t), "3");
  EXPECT_EQ(Expr(S(" 3.5x"), LogicalType::Double()), "3.5");
  EXPECT_EQ(Expr(S("abc"), LogicalType::Double()), "0");
  EXPECT_EQ(Expr(S("1e400"), LogicalType::Double()), "1.7976931348623157e308");
  EXPECT_EQ(Expr(S(".5e1x"), LogicalType::Double()), "5");
  EXPECT_EQ(Expr(S("12.345abc"), LogicalType::Decimal(10, 2)), "12.35");
  EXPECT_EQ(Expr(I(1000), LogicalType::Decimal(5, 2)), "999.99");
  EXPECT_EQ(Expr(I(-1000), LogicalType::Decimal(5, 2)), "-999.99");
  EXPECT_EQ(Expr(Value::Date(DaysFromCivil(2024, 1, 2)), signed_t), "20240102");
  EXPECT_EQ(Expr(Value::Time(-3723000000), signed_t), "-10203");
  EXPECT_EQ(Expr(Value::Datetime(CivilToDatetime({2024, 1, 2, 3, 4, 5, 500000})),
                 LogicalType::Decimal(20, 1)),
            "20240102030405.5");
  EXPECT_EQ(Expr(I(300), Type(TypeId::kTinyInt)), "127");
}

TEST(CastExpressionTest, Strings) {
  LogicalType char3 = Type(TypeId::kChar, 3);
  EXPECT_EQ(Expr(S("abcdef"), char3), "abc");
  EXPECT_EQ(Expr(S("日本語です"), char3), "日本語");
  EXPECT_EQ(Expr(I(12345), Type(TypeId::kChar)), "12345");
  EXPECT_EQ(Expr(Dbl(0.1), Type(TypeId::kChar)), "0.1");
  EXPECT_EQ(Expr(S("abcdef"), Type(TypeId::kBinary, 2)), "ab");
  EXPECT_EQ(Expr(S("ab"), Type(TypeId::kBinary)), "ab");
}

TEST(CastExpressionTest, TemporalsBecomeNullWhenInvalid) {
  EXPECT_EQ(Expr(S("2024-02-30"), LogicalType::Of(TypeId::kDate)), "NULL");
  EXPECT_EQ(Expr(S("garbage"), LogicalType::Datetime(0)), "NULL");
  EXPECT_EQ(Expr(S("99:99:99"), LogicalType::Of(TypeId::kTime)), "NULL");
  EXPECT_EQ(Expr(S("2024-01-02 03:04:05"), LogicalType::Of(TypeId::kDate)), "2024-01-02");
  EXPECT_EQ(Expr(S("2024-01-02"), LogicalType::Datetime(0)), "2024-01-02 00:00:00");
  EXPECT_EQ(Expr(S("12:00:00"), LogicalType::Of(TypeId::kTime)), "12:00:00");
  EXPECT_EQ(Expr(S("abc"), LogicalType::Of(TypeId::kYear)), "NULL");
}

TEST(ValueConversionTest, NumericViews) {
  EXPECT_DOUBLE_EQ(ValueToDouble(S(" 3.5x")), 3.5);
  EXPECT_DOUBLE_EQ(ValueToDouble(S("abc")), 0);
  EXPECT_DOUBLE_EQ(ValueToDouble(S("-1e3")), -1000);
  EXPECT_DOUBLE_EQ(ValueToDouble(Dec("2.25")), 2.25);
  EXPECT_DOUBLE_EQ(ValueToDouble(U(UINT64_MAX)), 18446744073709551615.0);
  EXPECT_DOUBLE_EQ(ValueToDouble(Value::Date(DaysFromCivil(2024, 1, 2))), 20240102);
  EXPECT_EQ(ValueToDecimal(S("12abc"))->ToString(), "12");
  EXPECT_EQ(ValueToDecimal(S("abc"))->ToString(), "0");
  EXPECT_EQ(ValueToDecimal(Dbl(0.1))->ToString(), "0.1");
  EXPECT_EQ(ValueToDecimal(U(UINT64_MAX))->ToString(), "18446744073709551615");
  EXPECT_EQ(ValueToInt64(S("12.5abc")), 13);
  EXPECT_EQ(ValueToInt64(S("abc")), 0);
  EXPECT_EQ(ValueToInt64(Dec("-2.5")), -3);
  EXPECT_EQ(ValueToInt64(Dbl(1e30)), INT64_MAX);
  EXPECT_EQ(ValueToInt64(U(UINT64_MAX)), INT64_MAX);
  EXPECT_EQ(ValueToInt64(S("99999999999999999999999")), INT64_MAX);
  EXPECT_TRUE(ValueToBool(I(-1)));
  EXPECT_FALSE(ValueToBool(I(0)));
  EXPECT_TRUE(ValueToBool(Dbl(0.1)));
  EXPECT_FALSE(ValueToBool(Dec("0.000")));
  EXPECT_TRUE(ValueToBool(S("1abc")));
  EXPECT_FALSE(ValueToBool(S("abc")));
  EXPECT_TRUE(ValueToBool(S("0.5")));
  EXPECT_FALSE(ValueToBool(Value::Null()));
  EXPECT_FALSE(ValueToBool(Value::Vector({})));
  EXPECT_TRUE(ValueToBool(Value::Vector({0})));
}

TEST(CompareValuesTest, Numbers) {
  EXPECT_GT(CompareValues(U(UINT64_MAX), I(-1)), 0);
  EXPECT_LT(CompareValues(I(-1), U(0)), 0);
  EXPECT_EQ(CompareValues(I(5), U(5)), 0);
  EXPECT_EQ(CompareValues(I(5), Dec("5.00")), 0);
  EXPECT_LT(CompareValues(I(5), Dec("5.01")), 0);
  EXPECT_GT(CompareValues(U(UINT64_MAX), Dec("18446744073709551614.9")), 0);
  EXPECT_EQ(CompareValues(Dbl(0.5), Dec("0.5")), 0);
  // 2^63 as a double vs INT64_MAX: exact compare sees the difference of 1.
  EXPECT_GT(CompareValues(Dbl(9223372036854775808.0), I(INT64_MAX)), 0);
  EXPECT_LT(CompareValues(I(INT64_MAX), Dbl(9223372036854775808.0)), 0);
  EXPECT_EQ(CompareValues(U(9223372036854775808ULL), Dbl(9223372036854775808.0)), 0);
  EXPECT_GT(CompareValues(Dbl(2.5), I(2)), 0);
  EXPECT_LT(CompareValues(Dbl(-2.5), I(-2)), 0);
  EXPECT_GT(CompareValues(Dbl(1e30), U(UINT64_MAX)), 0);
}

TEST(CompareValuesTest, StringsAndMixes) {
  EXPECT_LT(CompareValues(S("a"), S("b")), 0);
  EXPECT_LT(CompareValues(S("B"), S("a")), 0);  // utf8mb4_bin: bytewise
  EXPECT_EQ(CompareValues(S("a"), S("a  ")), 0);  // PAD SPACE
  EXPECT_LT(CompareValues(S("a"), S("ab")), 0);
  EXPECT_GT(CompareValues(S("é"), S("z")), 0);
  EXPECT_EQ(CompareValues(I(10), S("10")), 0);
  EXPECT_GT(CompareValues(I(10), S("9")), 0);  // numeric, not textual
  EXPECT_EQ(CompareValues(S("1e1"), I(10)), 0);
  EXPECT_EQ(CompareValues(S("abc"), I(0)), 0);
}

TEST(CompareValuesTest, Temporals) {
  Value date = Value::Date(DaysFromCivil(2024, 1, 2));
  Value midnight = Value::Datetime(CivilToDatetime({2024, 1, 2}));
  Value later = Value::Datetime(CivilToDatetime({2024, 1, 2, 0, 0, 1}));
  EXPECT_EQ(CompareValues(date, midnight), 0);
  EXPECT_LT(CompareValues(date, later), 0);
  EXPECT_EQ(CompareValues(date, S("2024-01-02")), 0);
  EXPECT_EQ(CompareValues(date, S("2024-1-2")), 0);
  EXPECT_LT(CompareValues(date, S("2024-01-02 00:00:01")), 0);
  EXPECT_GT(CompareValues(S("2024-01-03"), date), 0);
  EXPECT_EQ(CompareValues(later, S("20240102000001")), 0);
  EXPECT_LT(CompareValues(Value::Time(-1), Value::Time(0)), 0);
  EXPECT_EQ(CompareValues(Value::Time(3723000000), S("01:02:03")), 0);
  EXPECT_EQ(CompareValues(date, I(20240102)), 0);
}

TEST(CompareValuesTest, VectorsAndNull) {
  EXPECT_LT(CompareValues(Value::Vector({1}), Value::Vector({12})), 0);
  EXPECT_LT(CompareValues(Value::Vector({1, 2, 3}), Value::Vector({1, 2, 5})), 0);
  EXPECT_LT(CompareValues(Value::Vector({1, 2, 3}), Value::Vector({1, 2, 3, 0})), 0);
  EXPECT_LT(CompareValues(Value::Vector({}), Value::Vector({-1})), 0);
  EXPECT_EQ(CompareValues(Value::Vector({1, 2, 3}), S("[1, 2, 3]")), 0);
  EXPECT_LT(CompareValues(Value::Vector({4}), S("[12]")), 0);
  EXPECT_LT(CompareValues(Value::Null(), I(0)), 0);
  EXPECT_EQ(CompareValues(Value::Null(), Value::Null()), 0);
}

}  // namespace
}  // namespace vexdb
