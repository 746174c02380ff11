// The lexer on its own: token kinds, escapes, comments, variables, numbers.

#include "parser/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vexdb::parser_internal {
namespace {

std::vector<Token> LexAll(std::string_view sql) {
  Lexer lexer(sql);
  std::vector<Token> tokens;
  while (true) {
    Token tok = lexer.Next();
    if (tok.type == TokenType::kEnd) break;
    tokens.push_back(tok);
    if (tok.type == TokenType::kError) break;
  }
  return tokens;
}

// "type:text" per token, space-separated.
std::string Describe(std::string_view sql) {
  static const char* const kNames[] = {"end", "error", "word", "qident", "str", "int",
                                       "dec", "float", "hex",  "bit",    "?",   "uvar",
                                       "svar", "op"};
  std::string out;
  for (const Token& tok : LexAll(sql)) {
    if (!out.empty()) out += " ";
    out += std::string(kNames[static_cast<int>(tok.type)]) + ":" + tok.text;
  }
  return out;
}

TEST(LexerTest, WordsAndQuotedIdentifiers) {
  EXPECT_EQ(Describe("SELECT a_1 $x"), "word:SELECT word:a_1 word:$x");
  EXPECT_EQ(Describe("`a``b` `sel ect`"), "qident:a`b qident:sel ect");
  EXPECT_EQ(Describe("1abc t.1e"), "word:1abc word:t op:. word:1e");
  EXPECT_EQ(Describe("名前"), "word:名前");
}

TEST(LexerTest, StringsAndEscapes) {
  EXPECT_EQ(Describe("'it''s' \"say \"\"hi\"\"\""), "str:it's str:say \"hi\"");
  EXPECT_EQ(LexAll(R"('\0\'\"\b\n\r\t\Z\\\%\_\x')")[0].text,
            std::string("\0'\"\b\n\r\t\x1a\\\\%\\_x", 14));
  EXPECT_EQ(LexAll("'\xff\xfe\x01'")[0].text, "\xff\xfe\x01");
  EXPECT_EQ(Describe("'a' 'b'"), "str:a str:b");  // the parser concatenates
  EXPECT_EQ(Describe("N'x'"), "str:x");
  std::vector<Token> national = LexAll("a, N'xyz' b");
  EXPECT_EQ(national[2].offset, 3);  // the N, so the token covers N'xyz'
  EXPECT_EQ(national[2].end, 9);
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Describe("1 12.5 .5 1. 1e3 1.5E-2 2e+1"),
            "int:1 dec:12.5 dec:.5 dec:1. float:1e3 float:1.5E-2 float:2e+1");
  EXPECT_EQ(Describe("1e"), "word:1e");
  EXPECT_EQ(Describe("0x41 0b1"), "hex:A bit:\x01");
  EXPECT_EQ(Describe("x'4142' X'' b'1' B''"), "hex:AB hex: bit:\x01 bit:");
  EXPECT_EQ(Describe("0xZZ"), "word:0xZZ");
  EXPECT_EQ(Describe("a.5"), "word:a op:. int:5");
}

TEST(LexerTest, Operators) {
  EXPECT_EQ(Describe("<=> <= >= <> != << >> && || := -> ->> ! ~ ^ % / * + - & | = < > ( ) , ; ."),
            "op:<=> op:<= op:>= op:<> op:!= op:<< op:>> op:&& op:|| op::= op:-> op:->> op:! op:~ "
            "op:^ op:% op:/ op:* op:+ op:- op:& op:| op:= op:< op:> op:( op:) op:, op:; op:.");
  EXPECT_EQ(Describe("a--b"), "word:a op:- op:- word:b");
  EXPECT_EQ(Describe("?"), "?:?");
}

TEST(LexerTest, Comments) {
  EXPECT_EQ(Describe("a -- comment\nb # other\nc /* block\n */ d"), "word:a word:b word:c word:d");
  EXPECT_EQ(Describe("a --\tx\nb"), "word:a word:b");
  EXPECT_EQ(Describe("a --"), "word:a");
  EXPECT_EQ(Describe("SELECT /*+ HINT(a) */ 1"), "word:SELECT int:1");
  EXPECT_EQ(Describe("/*!40101 SET NAMES utf8 */"), "word:SET word:NAMES word:utf8");
  EXPECT_EQ(Describe("/*! ENGINE = innodb */ x"), "word:ENGINE op:= word:innodb word:x");
  EXPECT_EQ(Describe("/*!100101 a */"), "word:a");
}

TEST(LexerTest, Variables) {
  EXPECT_EQ(Describe("@a @a.b @'q x' @\"d\" @`b`"), "uvar:a uvar:a.b uvar:q x uvar:d uvar:b");
  EXPECT_EQ(Describe("@@x @@session.y @@GLOBAL.`z`"), "svar:x svar:y svar:z");
  std::vector<Token> tokens = LexAll("@@global.x @@local.y @@x");
  EXPECT_EQ(tokens[0].scope, ast::VarScope::kGlobal);
  EXPECT_TRUE(tokens[0].explicit_scope);
  EXPECT_EQ(tokens[1].scope, ast::VarScope::kSession);
  EXPECT_TRUE(tokens[1].explicit_scope);
  EXPECT_FALSE(tokens[2].explicit_scope);
}

TEST(LexerTest, Offsets) {
  std::vector<Token> tokens = LexAll("  ab  'cd'");
  EXPECT_EQ(tokens[0].offset, 2);
  EXPECT_EQ(tokens[0].end, 4);
  EXPECT_EQ(tokens[1].offset, 6);
  EXPECT_EQ(tokens[1].end, 10);
}

TEST(LexerTest, Errors) {
  EXPECT_EQ(Describe("'abc"), "error:unterminated string");
  EXPECT_EQ(Describe("\"abc\\\""), "error:unterminated string");
  EXPECT_EQ(Describe("`abc"), "error:unterminated quoted identifier");
  EXPECT_EQ(Describe("a /* b"), "word:a error:unterminated comment");
  EXPECT_EQ(Describe("/*! a"), "word:a error:unterminated executable comment");
  EXPECT_EQ(Describe(std::string_view("a \0 b", 5)), "word:a error:unexpected character");
  EXPECT_EQ(Describe("x'4G'"), "error:invalid hexadecimal literal");
  EXPECT_EQ(Describe("x'414'"), "error:invalid hexadecimal literal");
  EXPECT_EQ(Describe("b'12'"), "error:invalid bit literal");
  EXPECT_EQ(Describe("@"), "error:invalid variable name");
  std::vector<Token> tokens = LexAll("ab 'cd");
  EXPECT_EQ(tokens[1].offset, 3);
}

}  // namespace
}  // namespace vexdb::parser_internal
