#include "storage/row_codec.h"

#include <random>

#include <gtest/gtest.h>

namespace vexdb {
namespace {

Row AllKinds() {
  return {Value::Null(),
          Value::Int(-1234567890123),
          Value::Int(INT64_MIN),
          Value::UInt(UINT64_MAX),
          Value::Double(-2.5e-300),
          Value::Dec(Decimal(-123456789, 4)),
          Value::Dec(Decimal(static_cast<__int128>(INT64_MAX) * 1000000, 30)),
          Value::String(std::string("a\0b\xff", 4)),
          Value::String(""),
          Value::Date(-719162),
          Value::Datetime(1700000000123456),
          Value::Time(-3020399000000),
          Value::Vector({1.5f, -0.0f, 3.4e38f}),
          Value::Vector({})};
}

std::vector<int32_t> Ids(size_t n, int32_t first = 1) {
  std::vector<int32_t> ids;
  for (size_t i = 0; i < n; ++i) ids.push_back(first + static_cast<int32_t>(i));
  return ids;
}

TEST(RowCodecTest, RoundTripsEveryKind) {
  Row row = AllKinds();
  std::vector<int32_t> ids = Ids(row.size());
  std::string data = EncodeRow(ids, row);
  Row out;
  ASSERT_TRUE(DecodeRow(data, ids, Row(row.size()), &out).ok());
  EXPECT_EQ(out, row);
}

TEST(RowCodecTest, LargeIdsAndManyColumnsUseTheMapLookup) {
  Row row;
  std::vector<int32_t> ids;
  for (int i = 0; i < 100; ++i) {
    row.push_back(Value::Int(i * 1000));
    ids.push_back(1000000 + i * 7);
  }
  std::string data = EncodeRow(ids, row);
  std::vector<int32_t> reversed(ids.rbegin(), ids.rend());
  Row out;
  ASSERT_TRUE(DecodeRow(data, reversed, Row(100), &out).ok());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(out[i], row[99 - i]);
}

TEST(RowCodecTest, MissingIdsTakeDefaults) {
  // Written with columns 1 and 2; read after ADD COLUMN 3 (DEFAULT 'x').
  std::string data = EncodeRow({1, 2}, {Value::Int(1), Value::String("a")});
  Row out;
  ASSERT_TRUE(
      DecodeRow(data, {1, 2, 3}, {Value::Null(), Value::Null(), Value::String("x")}, &out).ok());
  EXPECT_EQ(out, (Row{Value::Int(1), Value::String("a"), Value::String("x")}));
}

TEST(RowCodecTest, UnknownIdsAreSkipped) {
  // Written with columns 1..14; read after DROP COLUMN of all but 2 and 13.
  Row row = AllKinds();
  std::string data = EncodeRow(Ids(row.size()), row);
  Row out;
  ASSERT_TRUE(DecodeRow(data, {13, 2}, {Value::Null(), Value::Null()}, &out).ok());
  EXPECT_EQ(out, (Row{row[12], row[1]}));
}

TEST(RowCodecTest, EmptyRow) {
  std::string data = EncodeRow({}, {});
  Row out;
  ASSERT_TRUE(DecodeRow(data, {1}, {Value::Int(5)}, &out).ok());
  EXPECT_EQ(out, Row{Value::Int(5)});
}

TEST(RowCodecTest, TruncationsAndBadVersionAreErrors) {
  Row row = AllKinds();
  std::string data = EncodeRow(Ids(row.size()), row);
  Row out;
  for (size_t n = 0; n < data.size(); ++n) {
    EXPECT_FALSE(DecodeRow(std::string_view(data.data(), n), Ids(row.size()), Row(row.size()),
                           &out)
                     .ok())
        << n;
  }
  std::string bad = data;
  bad[0] = 2;
  EXPECT_FALSE(DecodeRow(bad, Ids(row.size()), Row(row.size()), &out).ok());
  EXPECT_FALSE(DecodeRow(data + "x", Ids(row.size()), Row(row.size()), &out).ok());
}

TEST(RowCodecTest, RandomBytesNeverCrash) {
  std::mt19937_64 rng(11);
  Row row = AllKinds();
  std::string valid = EncodeRow(Ids(row.size()), row);
  Row out;
  for (int i = 0; i < 50000; ++i) {
    std::string data;
    if (i % 2 == 0) {
      data = valid;  // flip a few bytes of a valid row
      for (int k = 0; k < 3; ++k) data[rng() % data.size()] = static_cast<char>(rng());
    } else {
      data.resize(rng() % 40);
      for (char& c : data) c = static_cast<char>(rng());
      if (!data.empty()) data[0] = 1;
    }
    DecodeRow(data, Ids(row.size()), Row(row.size()), &out).IgnoreError();
  }
}

TEST(RowCodecTest, HugeLengthsAreRejected) {
  // version 1, one column, id 1, kind string, length 2^62.
  std::string data = {1, 1, 1, static_cast<char>(ValueKind::kString)};
  for (int i = 0; i < 8; ++i) data.push_back(static_cast<char>(0xFF));
  data.push_back(0x3F);
  Row out;
  EXPECT_FALSE(DecodeRow(data, {1}, {Value::Null()}, &out).ok());
  std::string vec = {1, 1, 1, static_cast<char>(ValueKind::kVector)};
  for (int i = 0; i < 9; ++i) vec.push_back(static_cast<char>(0xFF));
  vec.push_back(0x01);
  EXPECT_FALSE(DecodeRow(vec, {1}, {Value::Null()}, &out).ok());
}

}  // namespace
}  // namespace vexdb
