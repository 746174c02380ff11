#include "server/wire_codec.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

std::string EncodeLenenc(uint64_t v) {
  std::string out;
  WireWriter(out).LenencInt(v);
  return out;
}

TEST(WireCodecTest, LenencIntBoundaries) {
  EXPECT_EQ(EncodeLenenc(0), std::string("\x00", 1));
  EXPECT_EQ(EncodeLenenc(250), "\xFA");
  EXPECT_EQ(EncodeLenenc(251), std::string("\xFC\xFB\x00", 3));
  EXPECT_EQ(EncodeLenenc(0xFFFF), "\xFC\xFF\xFF");
  EXPECT_EQ(EncodeLenenc(0x10000), std::string("\xFD\x00\x00\x01", 4));
  EXPECT_EQ(EncodeLenenc(0xFFFFFF), "\xFD\xFF\xFF\xFF");
  EXPECT_EQ(EncodeLenenc(0x1000000), std::string("\xFE\x00\x00\x00\x01\x00\x00\x00\x00", 9));
  EXPECT_EQ(EncodeLenenc(UINT64_MAX), "\xFE\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF");
}

TEST(WireCodecTest, LenencIntRoundTripsAndSizes) {
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{250}, uint64_t{251}, uint64_t{65535},
                     uint64_t{65536}, uint64_t{16777215}, uint64_t{16777216},
                     uint64_t{1} << 40, UINT64_MAX}) {
    std::string encoded = EncodeLenenc(v);
    EXPECT_EQ(encoded.size(), LenencIntSize(v)) << v;
    WireReader r(encoded);
    EXPECT_EQ(r.LenencInt(), v);
    EXPECT_TRUE(r.empty());
  }
}

TEST(WireCodecTest, LenencIntRejectsNullErrAndTruncation) {
  EXPECT_FALSE(WireReader("\xFB").LenencInt());
  EXPECT_FALSE(WireReader("\xFF").LenencInt());
  EXPECT_FALSE(WireReader("").LenencInt());
  EXPECT_FALSE(WireReader("\xFC\x01").LenencInt());
  EXPECT_FALSE(WireReader("\xFD\x01\x02").LenencInt());
  EXPECT_FALSE(WireReader("\xFE\x01\x02\x03\x04\x05\x06\x07").LenencInt());
}

TEST(WireCodecTest, FailedReadLeavesPosition) {
  WireReader r("\xFC\x01");
  EXPECT_FALSE(r.LenencInt());
  EXPECT_EQ(r.remaining(), 2u);
  EXPECT_EQ(r.Int1(), 0xFC);
}

TEST(WireCodecTest, LenencString) {
  std::string out;
  WireWriter(out).LenencString("def");
  EXPECT_EQ(out, "\x03" "def");
  std::string big(300, 'x');
  out.clear();
  WireWriter(out).LenencString(big);
  EXPECT_EQ(out.substr(0, 3), std::string("\xFC\x2C\x01", 3));
  WireReader r(out);
  EXPECT_EQ(r.LenencString(), big);
}

TEST(WireCodecTest, LenencStringLongerThanInputFails) {
  WireReader r("\x05" "abc");
  EXPECT_FALSE(r.LenencString());
  EXPECT_EQ(r.remaining(), 4u);
}

TEST(WireCodecTest, FixedIntsAreLittleEndian) {
  std::string out;
  WireWriter w(out);
  w.Int2(0x0102);
  w.Int3(0x030405);
  w.Int4(0x06070809);
  w.Int8(0x0A0B0C0D0E0F1011);
  EXPECT_EQ(out, "\x02\x01\x05\x04\x03\x09\x08\x07\x06\x11\x10\x0F\x0E\x0D\x0C\x0B\x0A");
  WireReader r(out);
  EXPECT_EQ(r.Int2(), 0x0102);
  EXPECT_EQ(r.Int3(), 0x030405u);
  EXPECT_EQ(r.Int4(), 0x06070809u);
  EXPECT_EQ(r.Int8(), 0x0A0B0C0D0E0F1011u);
  EXPECT_FALSE(r.Int1());
}

TEST(WireCodecTest, NulStrings) {
  std::string data("root\0db", 7);
  WireReader r(data);
  EXPECT_EQ(r.NulString(), "root");
  EXPECT_FALSE(r.NulString());  // no terminator
  EXPECT_EQ(r.Rest(), "db");
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace vexdb
