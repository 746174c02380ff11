// Hostile and odd input: errors are 1064 with TiDB's position and near-text, never a crash;
// nesting is bounded; big statements parse in linear time; multi-statement parsing.

#include <pthread.h>

#include <random>

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

void ExpectParses(const std::string& sql) {
  Result<ast::StatementPtr> result = ParseStatement(sql);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
}

std::string ErrorMessage(std::string_view sql) {
  Result<ast::StatementPtr> result = ParseStatement(sql);
  return result.ok() ? "<ok>" : result.status().message();
}

std::string Near(std::string_view sql) {
  std::string message = ErrorMessage(sql);
  size_t at = message.find(" near \"");
  return at == std::string::npos ? message : message.substr(at + 1);
}

TEST(RobustnessTest, UnterminatedConstructs) {
  EXPECT_EQ(ErrnoOf("SELECT 'abc"), 1064);
  EXPECT_EQ(ErrnoOf("SELECT \"abc"), 1064);
  EXPECT_EQ(ErrnoOf("SELECT `abc"), 1064);
  EXPECT_EQ(ErrnoOf("SELECT 1 /* comment"), 1064);
  EXPECT_EQ(ErrnoOf("/*!40101 SET NAMES utf8"), 1064);
  EXPECT_EQ(ErrnoOf("SELECT (1"), 1064);
  EXPECT_EQ(ErrnoOf("SELECT 'a\\"), 1064);
  EXPECT_EQ(Near("SELECT 'abc"), "near \"'abc\"");
}

TEST(RobustnessTest, ErrorPositionAndNearText) {
  EXPECT_EQ(ErrorMessage("SELECT * FROM t WHERE"),
            "You have an error in your SQL syntax; check the manual that corresponds to your TiDB "
            "version for the right syntax to use line 1 column 21 near \"\"");
  EXPECT_EQ(Near("SELECT FROM t"), "near \"FROM t\"");
  EXPECT_EQ(ErrorMessage("SELECT * FROMM t"),
            "You have an error in your SQL syntax; check the manual that corresponds to your TiDB "
            "version for the right syntax to use line 1 column 14 near \"FROMM t\"");
  EXPECT_EQ(Near("SELECT a FROMM t"), "near \"t\"");  // FROMM is an alias
  EXPECT_EQ(Near("SELEC 1"), "near \"SELEC 1\"");
  std::string message = ErrorMessage("SELECT a,\n  b\n  FROM t WHERE (");
  EXPECT_NE(message.find("line 3 column 16 near \"\""), std::string::npos) << message;
  message = ErrorMessage("SELECT a,\n  b c d\nFROM t");
  EXPECT_NE(message.find("line 2 column 7 near \"d\nFROM t\""), std::string::npos) << message;
}

TEST(RobustnessTest, NearTextIsCapped) {
  std::string near = Near("SELECT )" + std::string(500, 'x'));
  EXPECT_EQ(near, "near \")" + std::string(79, 'x') + "\"");
  // Never split a UTF-8 character: 79 bytes, then a 2-byte é.
  std::string cut = Near("SELECT )" + std::string(78, 'a') + "\xc3\xa9");
  EXPECT_EQ(cut, "near \")" + std::string(78, 'a') + "\"");
}

TEST(RobustnessTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '(');
  EXPECT_EQ(ErrnoOf("SELECT " + deep + "1"), 1064);
  std::string minus;
  for (int i = 0; i < 100000; ++i) minus += "- ";
  EXPECT_EQ(ErrnoOf("SELECT " + minus + "1"), 1064);
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "NOT ";
  EXPECT_EQ(ErrnoOf("SELECT " + nots + "1"), 1064);
  std::string subqueries;
  for (int i = 0; i < 20000; ++i) subqueries += "(SELECT ";
  EXPECT_EQ(ErrnoOf("SELECT " + subqueries + "1"), 1064);
  std::string tables;
  for (int i = 0; i < 20000; ++i) tables += "(";
  EXPECT_EQ(ErrnoOf("SELECT * FROM " + tables + "t"), 1064);
  std::string chain = "1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  EXPECT_EQ(ErrnoOf("SELECT " + chain), 1064);
  std::string unions = "SELECT 1";
  for (int i = 0; i < 100000; ++i) unions += " UNION SELECT 1";
  EXPECT_EQ(ErrnoOf(unions), 1064);
  std::string cases;
  for (int i = 0; i < 100000; ++i) cases += "CASE WHEN 1 THEN ";
  EXPECT_EQ(ErrnoOf("SELECT " + cases + "1"), 1064);
  std::string calls;
  for (int i = 0; i < 100000; ++i) calls += "f(";
  EXPECT_EQ(ErrnoOf("SELECT " + calls + "1"), 1064);
}

std::string Repeat(std::string_view piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

// Inputs parsed on a thread with a bounded stack, and how many came back (ok or 1064); a stack
// overflow would take the whole test binary down.
struct StackProbe {
  const std::vector<std::string>* sqls;
  int parsed = 0;
};

void* ParseAll(void* arg) {
  auto* probe = static_cast<StackProbe*>(arg);
  for (const std::string& sql : *probe->sqls) {
    Result<ast::StatementPtr> result = ParseStatement(sql);
    if (result.ok() || result.status().mysql_errno() == 1064) ++probe->parsed;
  }
  return nullptr;
}

// The deepest inputs within kMaxDepth, of every recursive construct, fit in 1 MB of stack
// (optimized builds need about 400 KB; sanitized and unoptimized builds get more room).
TEST(RobustnessTest, MaximumNestingFitsInOneMegabyteOfStack) {
  size_t stack = 1 << 20;
#if !defined(NDEBUG)
  stack *= 4;
#endif
#if defined(__SANITIZE_ADDRESS__)
  stack *= 4;
#endif
  std::vector<std::string> sqls;
  for (int n : {127, 255, 511}) {
    sqls.push_back("SELECT " + Repeat("(", n) + "1" + Repeat(")", n));
    sqls.push_back("SELECT " + Repeat("CASE WHEN 1 THEN ", n) + "1" + Repeat(" END", n));
    sqls.push_back("SELECT " + Repeat("f(", n) + "1" + Repeat(")", n));
    sqls.push_back("SELECT " + Repeat("(SELECT ", n) + "1" + Repeat(")", n));
    sqls.push_back("SELECT " + Repeat("EXISTS (SELECT ", n) + "1" + Repeat(")", n));
    sqls.push_back("SELECT " + Repeat("- ", n) + "1");
    sqls.push_back("SELECT " + Repeat("1 IN (", n) + "1" + Repeat(")", n));
    sqls.push_back("SELECT * FROM " + Repeat("(", n) + "t" + Repeat(")", n));
  }
  StackProbe probe{&sqls};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, ParseAll, &probe), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(probe.parsed, static_cast<int>(sqls.size()));
  EXPECT_EQ(ErrnoOf("SELECT " + Repeat("(", 500) + "1" + Repeat(")", 500)), 0);
}

TEST(RobustnessTest, ModerateNestingParses) {
  std::string sql = "SELECT " + std::string(100, '(') + "1" + std::string(100, ')');
  EXPECT_EQ(ErrnoOf(sql), 0);
  std::string chain = "1";
  for (int i = 0; i < 200; ++i) chain += " + 1";
  EXPECT_EQ(ErrnoOf("SELECT " + chain), 0);
}

// 16 MB statements of every shape parse. A parser that went quadratic on them would take hours
// and be stopped by ctest's per-test timeout (cmake/VexdbLibrary.cmake); no wall-clock budget is
// asserted here, since that would fail on a loaded machine.
TEST(RobustnessTest, HugeStatementsParse) {
  constexpr size_t kSize = 16 * 1024 * 1024;
  std::string insert = "INSERT INTO t (a, b) VALUES ";
  for (int i = 0; insert.size() < kSize; ++i) {
    if (i > 0) insert += ",";
    insert += "(" + std::to_string(i) + ", 'row value number " + std::to_string(i) + "')";
  }
  ExpectParses(insert);
  ExpectParses("SELECT '" + std::string(kSize, 'x') + "'");
  std::string in = "SELECT * FROM t WHERE a IN (0";
  for (int i = 1; in.size() < kSize; ++i) in += ", " + std::to_string(i);
  ExpectParses(in + ")");
  std::string ors = "SELECT * FROM t WHERE a = 0";
  for (int i = 1; ors.size() < kSize; ++i) ors += " OR a = " + std::to_string(i);
  ExpectParses(ors);
}

TEST(RobustnessTest, GarbageBytes) {
  EXPECT_EQ(ErrnoOf(std::string("SELECT \0 1", 10)), 1064);
  EXPECT_EQ(ErrnoOf(std::string("\0", 1)), 1064);
  EXPECT_EQ(ErrnoOf("\x01\x02\x03"), 1064);
  EXPECT_EQ(ErrnoOf("\xff\xfe\xfd"), 1064);
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string junk(rng() % 64, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    int code = ErrnoOf(junk);
    EXPECT_TRUE(code == 0 || code == 1064 || code == 1065) << code;
  }
  // Truncations of a real statement never crash.
  std::string sql =
      "SELECT a, count(*) AS n FROM t1 LEFT JOIN t2 ON t1.id = t2.id WHERE x IN (1, 'a') AND y "
      "LIKE 'z%' GROUP BY a HAVING n > 1 ORDER BY 2 DESC LIMIT 3 FOR UPDATE";
  for (size_t n = 0; n <= sql.size(); ++n) {
    int code = ErrnoOf(sql.substr(0, n));
    EXPECT_TRUE(code == 0 || code == 1064 || code == 1065) << sql.substr(0, n);
  }
}

TEST(RobustnessTest, EmptyInput) {
  EXPECT_EQ(ErrnoOf(""), 1065);
  EXPECT_EQ(ErrnoOf("   \n\t"), 1065);
  EXPECT_EQ(ErrnoOf("-- just a comment"), 1065);
  EXPECT_EQ(ErrnoOf("/* c */ # d"), 1065);
  EXPECT_EQ(ErrnoOf(";"), 1065);
  EXPECT_EQ(ErrnoOf("/*!*/"), 1065);
  Result<ast::StatementPtr> empty = ParseStatement("");
  EXPECT_EQ(std::string(empty.status().sqlstate()), "42000");
}

TEST(RobustnessTest, TrailingSemicolonsAndComments) {
  EXPECT_EQ(ErrnoOf("SELECT DATABASE();"), 0);
  EXPECT_EQ(ErrnoOf("SHOW DATABASES;  -- done"), 0);
  EXPECT_EQ(ErrnoOf("SELECT 1;;"), 0);
  auto stmt = MustParse("  SELECT 1 ;  ");
  ASSERT_NE(stmt, nullptr);
  EXPECT_EQ(stmt->text, "SELECT 1");
  EXPECT_EQ(ErrnoOf("SELECT 1; SELECT 2"), 1064);
}

TEST(MultiStatementTest, ParseNextYieldsEachStatement) {
  Parser parser("SELECT 1; SELECT 2;");
  EXPECT_FALSE(parser.AtEnd());
  auto first = parser.ParseNext();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value()->text, "SELECT 1");
  EXPECT_FALSE(parser.AtEnd());
  auto second = parser.ParseNext();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value()->text, "SELECT 2");
  EXPECT_TRUE(parser.AtEnd());
}

TEST(MultiStatementTest, ErrorInSecondComesAfterFirst) {
  Parser parser("INSERT INTO t VALUES (1);\nSELECT FROM x; SELECT 3");
  auto first = parser.ParseNext();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value()->type, ast::StatementType::kInsert);
  auto second = parser.ParseNext();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().mysql_errno(), 1064);
  EXPECT_NE(second.status().message().find("line 2 column 11 near \"FROM x; SELECT 3\""),
            std::string::npos)
      << second.status().message();
  EXPECT_TRUE(parser.AtEnd());
}

TEST(MultiStatementTest, LexErrorInSecondComesAfterFirst) {
  Parser parser("SELECT 1; SELECT 'oops");
  ASSERT_TRUE(parser.ParseNext().ok());
  auto second = parser.ParseNext();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().mysql_errno(), 1064);
}

TEST(MultiStatementTest, TextsWithComments) {
  Parser parser("/* a */ SELECT 1 /* b */; -- c\n UPDATE t SET a=1 ;\n");
  auto first = parser.ParseNext();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value()->text, "SELECT 1");
  auto second = parser.ParseNext();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value()->text, "UPDATE t SET a=1");
  EXPECT_TRUE(parser.AtEnd());
}

}  // namespace
}  // namespace vexdb::parser_test
