#include <gtest/gtest.h>

#include <regex>

#include "function/test_cases.h"

namespace vexdb {
namespace {

using testing::B;
using testing::Call;
using testing::F;
using testing::I;
using testing::N;
using testing::RunCases;
using testing::S;

TEST(CodecFunctionsTest, Values) {
  RunCases({
      {"hex", {S("abc")}, "616263"},
      {"hex", {I(255)}, "FF"},
      {"hex", {I(-1)}, "FFFFFFFFFFFFFFFF"},
      {"hex", {F(12.5)}, "C"},
      {"hex", {S("日")}, "E697A5"},
      {"unhex", {S("4D7953514C")}, "MySQL"},
      {"unhex", {S("F")}, "\x0f"},
      {"unhex", {S("GG")}, "NULL"},
      {"to_base64", {S("abc")}, "YWJj"},
      {"to_base64", {S("ab")}, "YWI="},
      {"to_base64", {S("")}, ""},
      {"from_base64", {S("YWJj")}, "abc"},
      {"from_base64", {S("YW\nI=")}, "ab"},
      {"from_base64", {S("Y!")}, "NULL"},
      {"md5", {S("testing")}, "ae2b1fca515949e5d54fb22b8ed95575"},
      {"sha1", {S("abc")}, "a9993e364706816aba3e25717850c26c9cd0d89d"},
      {"sha", {S("abc")}, "a9993e364706816aba3e25717850c26c9cd0d89d"},
      {"sha2",
       {S("abc"), I(256)},
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"sha2", {S("abc"), I(224)}, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
      {"sha2", {S("abc"), I(7)}, "NULL"},
      {"crc32", {S("MySQL")}, "3259397556"},
      {"crc32", {S("")}, "0"},
      {"md5", {N()}, "NULL"},
  });
}

TEST(CodecFunctionsTest, Base64WrapsLongOutput) {
  std::string out = Call("to_base64", {S(std::string(100, 'a'))});
  EXPECT_EQ(out.find('\n'), 76u);
  EXPECT_EQ(Call("from_base64", {S(out)}), std::string(100, 'a'));
}

TEST(CodecFunctionsTest, UuidIsVersionOne) {
  std::string a = Call("uuid", {}), b = Call("uuid", {});
  EXPECT_TRUE(
      std::regex_match(a, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                     "[0-9a-f]{12}")))
      << a;
  EXPECT_NE(a, b);
  EXPECT_FALSE(FindScalarFunction("uuid")->deterministic);
}

}  // namespace
}  // namespace vexdb
