// Expressions: precedence, operators, predicates, special function forms, literals.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

TEST(ExprTest, ArithmeticPrecedence) {
  EXPECT_EQ(DumpExpr("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(DumpExpr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(DumpExpr("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(DumpExpr("a DIV b MOD c % d"), "(% (% (DIV a b) c) d)");
  EXPECT_EQ(DumpExpr("a / b"), "(/ a b)");
  EXPECT_EQ(DumpExpr("a ^ b * c"), "(* (^ a b) c)");
  EXPECT_EQ(DumpExpr("-a ^ b"), "(^ (- a) b)");
  EXPECT_EQ(DumpExpr("a | b & c << 1 + 2"), "(| a (& b (<< c (+ 1 2))))");
  EXPECT_EQ(DumpExpr("a >> 2"), "(>> a 2)");
  EXPECT_EQ(DumpExpr("~a"), "(~ a)");
  EXPECT_EQ(DumpExpr("a ^ 5"), "(^ a 5)");
}

TEST(ExprTest, UnaryChains) {
  EXPECT_EQ(DumpExpr("- - + 5"), "(- (- (+ 5)))");
  EXPECT_EQ(DumpExpr("!a"), "(NOT a)");
  EXPECT_EQ(DumpExpr("!a = b"), "(= (NOT a) b)");
  EXPECT_EQ(DumpExpr("NOT a = b"), "(NOT (= a b))");
  EXPECT_EQ(DumpExpr("NOT a AND b"), "(AND (NOT a) b)");
  EXPECT_EQ(DumpExpr("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(DumpExpr("BINARY a = b"), "(= (BINARY a) b)");
  EXPECT_EQ(DumpExpr("-1"), "(- 1)");
}

TEST(ExprTest, LogicalPrecedence) {
  EXPECT_EQ(DumpExpr("a OR b AND c"), "(OR a (AND b c))");
  EXPECT_EQ(DumpExpr("a || b && c"), "(OR a (AND b c))");
  EXPECT_EQ(DumpExpr("a XOR b OR c"), "(OR (XOR a b) c)");
  EXPECT_EQ(DumpExpr("a AND b AND c"), "(AND (AND a b) c)");
  EXPECT_EQ(DumpExpr("a = 1 AND b = 2 OR c"), "(OR (AND (= a 1) (= b 2)) c)");
}

TEST(ExprTest, LongLogicalChainsStayShallow) {
  std::string sql = "a = 0";
  for (int i = 1; i < 5000; ++i) sql += " OR a = " + std::to_string(i);
  Result<ast::ExprPtr> result = ParseExpression(sql);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  int height = 0;
  const ast::Expr* node = result.value().get();
  while (node->type == ast::ExprType::kBinary &&
         node->As<ast::BinaryExpr>().op == ast::BinaryOp::kOr) {
    node = node->As<ast::BinaryExpr>().left.get();
    ++height;
  }
  EXPECT_LE(height, 14);
}

TEST(ExprTest, Comparisons) {
  EXPECT_EQ(DumpExpr("a = b"), "(= a b)");
  EXPECT_EQ(DumpExpr("a <=> b"), "(<=> a b)");
  EXPECT_EQ(DumpExpr("NOT (a <=> b)"), "(NOT (<=> a b))");
  EXPECT_EQ(DumpExpr("a != b"), "(!= a b)");
  EXPECT_EQ(DumpExpr("a <> b"), "(!= a b)");
  EXPECT_EQ(DumpExpr("a >= b + 1"), "(>= a (+ b 1))");
  EXPECT_EQ(DumpExpr("a < b"), "(< a b)");
  EXPECT_EQ(DumpExpr("a <= b"), "(<= a b)");
  EXPECT_EQ(DumpExpr("a > b"), "(> a b)");
  EXPECT_EQ(DumpExpr("a = b = c"), "(= (= a b) c)");
  EXPECT_EQ(DumpExpr("false = 1"), "(= FALSE 1)");
}

TEST(ExprTest, IsPredicates) {
  EXPECT_EQ(DumpExpr("a IS NULL"), "(IS NULL a)");
  EXPECT_EQ(DumpExpr("a IS NOT NULL"), "(IS NOT NULL a)");
  EXPECT_EQ(DumpExpr("a IS TRUE"), "(IS TRUE a)");
  EXPECT_EQ(DumpExpr("a IS NOT FALSE"), "(IS NOT FALSE a)");
  EXPECT_EQ(DumpExpr("a IS UNKNOWN"), "(IS UNKNOWN a)");
  EXPECT_EQ(DumpExpr("a = 1 IS NULL"), "(IS NULL (= a 1))");
  EXPECT_EQ(DumpExpr("NOT a IS NULL"), "(NOT (IS NULL a))");
}

TEST(ExprTest, LikeRegexpBetween) {
  EXPECT_EQ(DumpExpr("a LIKE 'x%'"), "(LIKE a 'x%')");
  EXPECT_EQ(DumpExpr("a NOT LIKE 'x%'"), "(NOT LIKE a 'x%')");
  EXPECT_EQ(DumpExpr("a LIKE concat('%', 'b/%cde', '%') ESCAPE '/'"),
            "(LIKE a concat('%' 'b/%cde' '%') ESCAPE '/')");
  EXPECT_EQ(DumpExpr("a REGEXP '^x'"), "(REGEXP a '^x')");
  EXPECT_EQ(DumpExpr("a RLIKE '^x'"), "(REGEXP a '^x')");
  EXPECT_EQ(DumpExpr("a NOT REGEXP '^x'"), "(NOT (REGEXP a '^x'))");
  EXPECT_EQ(DumpExpr("a BETWEEN 1 AND 2"), "(BETWEEN a 1 2)");
  EXPECT_EQ(DumpExpr("a NOT BETWEEN 1 AND 2 + 3"), "(NOT BETWEEN a 1 (+ 2 3))");
  EXPECT_EQ(DumpExpr("a BETWEEN 1 AND 2 AND b"), "(AND (BETWEEN a 1 2) b)");
  EXPECT_EQ(DumpExpr("REGEXP_LIKE(x, 'p', 'i')"), "REGEXP_LIKE(x 'p' 'i')");
}

TEST(ExprTest, InForms) {
  EXPECT_EQ(DumpExpr("x IN (1, 2)"), "(IN x [1 2])");
  EXPECT_EQ(DumpExpr("x NOT IN (1)"), "(NOT IN x [1])");
  EXPECT_EQ(DumpExpr("(a, b) IN ((1,2),(3,4))"), "(IN (ROW a b) [(ROW 1 2) (ROW 3 4)])");
  EXPECT_EQ(DumpExpr("x IN (SELECT a FROM t)"), "(IN x {SELECT a FROM t})");
  EXPECT_EQ(DumpExpr("x NOT IN (SELECT a FROM t)"), "(NOT IN x {SELECT a FROM t})");
  EXPECT_EQ(DumpExpr("x = ANY (SELECT a FROM t)"), "(IN x {SELECT a FROM t})");  // = ANY is IN
  EXPECT_EQ(DumpExpr("x > SOME (SELECT a FROM t)"), "(> ANY x {SELECT a FROM t})");
  EXPECT_EQ(DumpExpr("x <> ALL (SELECT a FROM t)"), "(!= ALL x {SELECT a FROM t})");
  EXPECT_EQ(DumpExpr("x IN (NULL) AND (1 != 1)"), "(AND (IN x [NULL]) (!= 1 1))");
  EXPECT_EQ(DumpExpr("(table_schema, table_name, lower(column_name)) in (('test', 'users', 'id'))"),
            "(IN (ROW table_schema table_name lower(column_name)) [(ROW 'test' 'users' 'id')])");
  EXPECT_NE(DumpExpr("x IN ()").find("<error"), std::string::npos);
}

TEST(ExprTest, Subqueries) {
  EXPECT_EQ(DumpExpr("EXISTS (SELECT 1 FROM t)"), "(EXISTS {SELECT 1 FROM t})");
  EXPECT_EQ(DumpExpr("NOT EXISTS (SELECT 1)"), "(NOT (EXISTS {SELECT 1}))");
  EXPECT_EQ(DumpExpr("(SELECT max(a) FROM t) + 1"), "(+ {SELECT max(a) FROM t} 1)");
  EXPECT_EQ(DumpExpr("((SELECT 1))"), "{SELECT 1}");
}

TEST(ExprTest, Literals) {
  EXPECT_EQ(DumpExpr("123"), "123");
  EXPECT_EQ(DumpExpr("18446744073709551615"), "18446744073709551615");
  EXPECT_EQ(DumpExpr("1.5"), "dec:1.5");
  EXPECT_EQ(DumpExpr(".5"), "dec:.5");
  EXPECT_EQ(DumpExpr("1."), "dec:1.");
  EXPECT_EQ(DumpExpr("1e3"), "float:1e3");
  EXPECT_EQ(DumpExpr("1.5E-2"), "float:1.5E-2");
  EXPECT_EQ(DumpExpr("0x4142"), "X'4142'");
  EXPECT_EQ(DumpExpr("0x123"), "X'0123'");
  EXPECT_EQ(DumpExpr("x'4142'"), "X'4142'");
  EXPECT_EQ(DumpExpr("X'ff'"), "X'FF'");
  EXPECT_EQ(DumpExpr("b'101'"), "B'05'");
  EXPECT_EQ(DumpExpr("0b100000001"), "B'0101'");
  EXPECT_EQ(DumpExpr("b'0'"), "B'00'");
  EXPECT_EQ(DumpExpr("true"), "TRUE");
  EXPECT_EQ(DumpExpr("FALSE"), "FALSE");
  EXPECT_EQ(DumpExpr("NULL"), "NULL");
  EXPECT_EQ(DumpExpr("'a' 'b' \"c\""), "'abc'");
  EXPECT_EQ(DumpExpr("_utf8mb4'abc'"), "_utf8mb4'abc'");
  EXPECT_EQ(DumpExpr("_binary 'abc'"), "_binary'abc'");
  EXPECT_EQ(DumpExpr("_binary x'41'"), "_binaryX'41'");
  EXPECT_EQ(DumpExpr("N'abc'"), "'abc'");
  EXPECT_EQ(DumpExpr("DATE '2024-01-01'"), "DATE'2024-01-01'");
  EXPECT_EQ(DumpExpr("TIME '03:04:05'"), "TIME'03:04:05'");
  EXPECT_EQ(DumpExpr("TIMESTAMP '2024-01-02 03:04:05'"), "TIMESTAMP'2024-01-02 03:04:05'");
}

TEST(ExprTest, IntervalArithmetic) {
  EXPECT_EQ(DumpExpr("d + INTERVAL 1 DAY"), "(+ d (INTERVAL 1 DAY))");
  EXPECT_EQ(DumpExpr("INTERVAL 1 day + d"), "(+ (INTERVAL 1 DAY) d)");
  EXPECT_EQ(DumpExpr("d - INTERVAL '1:2' HOUR_MINUTE"), "(- d (INTERVAL '1:2' HOUR_MINUTE))");
  EXPECT_EQ(DumpExpr("DATE_ADD(d, INTERVAL n + 1 MONTH)"), "DATE_ADD(d (INTERVAL (+ n 1) MONTH))");
}

TEST(ExprTest, Variables) {
  EXPECT_EQ(DumpExpr("@v"), "@v");
  EXPECT_EQ(DumpExpr("@'my var'"), "@my var");
  EXPECT_EQ(DumpExpr("@`q`"), "@q");
  EXPECT_EQ(DumpExpr("@@version"), "@@version");
  EXPECT_EQ(DumpExpr("@@SESSION.autocommit"), "@@session.autocommit");
  EXPECT_EQ(DumpExpr("@@global.max_connections"), "@@global.max_connections");
  EXPECT_EQ(DumpExpr("@@local.x"), "@@session.x");
  EXPECT_EQ(DumpExpr("@@GLOBAL.`TIDB_X`"), "@@global.TIDB_X");
  EXPECT_EQ(DumpExpr("@v := 1"), "(:= @v 1)");
  EXPECT_EQ(DumpExpr("@a := @b := 2"), "(:= @a (:= @b 2))");
}

TEST(ExprTest, ParamsNumberedInOrder) {
  EXPECT_EQ(DumpExpr("? + ? * ?"), "(+ ?0 (* ?1 ?2))");
}

TEST(ExprTest, ColumnRefsAndStars) {
  EXPECT_EQ(DumpExpr("a"), "a");
  EXPECT_EQ(DumpExpr("t.a"), "t.a");
  EXPECT_EQ(DumpExpr("db.t.a"), "db.t.a");
  EXPECT_EQ(DumpExpr("`db`.`t`.`a b`"), "db.t.a b");
  EXPECT_EQ(DumpExpr("t.`select`"), "t.select");
  EXPECT_EQ(DumpExpr("t.order"), "t.order");
  EXPECT_EQ(DumpExpr("status + name + date + time + text + comment + data + level + user + "
                     "value + year + timestamp"),
            "(+ (+ (+ (+ (+ (+ (+ (+ (+ (+ (+ status name) date) time) text) comment) data) "
            "level) user) value) year) timestamp)");
  EXPECT_NE(DumpExpr("a.b.c.d").find("<error"), std::string::npos);
  EXPECT_NE(DumpExpr("select").find("<error"), std::string::npos);
}

TEST(ExprTest, FunctionCalls) {
  EXPECT_EQ(DumpExpr("count(*)"), "count(*)");
  EXPECT_EQ(DumpExpr("COUNT(DISTINCT a, b)"), "COUNT(DISTINCT a b)");
  EXPECT_EQ(DumpExpr("sum(ALL a)"), "sum(a)");
  EXPECT_EQ(DumpExpr("now()"), "now()");
  EXPECT_EQ(DumpExpr("rand()"), "rand()");
  EXPECT_EQ(DumpExpr("coalesce(a, b, 'x')"), "coalesce(a b 'x')");
  EXPECT_EQ(DumpExpr("group_concat(x SEPARATOR ',')"), "group_concat(x SEP ',')");
  EXPECT_EQ(DumpExpr("GROUP_CONCAT(DISTINCT x ORDER BY y DESC, z SEPARATOR '; ')"),
            "GROUP_CONCAT(DISTINCT x ORDER y DESC, z SEP '; ')");
  EXPECT_EQ(DumpExpr("JSON_EXTRACT(col, '$.\"key\"')"), "JSON_EXTRACT(col '$.\"key\"')");
  EXPECT_EQ(DumpExpr("VEC_COSINE_DISTANCE(v, '[1, 2, 3]')"), "VEC_COSINE_DISTANCE(v '[1, 2, 3]')");
}

TEST(ExprTest, KeywordNamedFunctions) {
  EXPECT_EQ(DumpExpr("IF(a, 1, 2)"), "IF(a 1 2)");
  EXPECT_EQ(DumpExpr("LEFT(s, 2)"), "LEFT(s 2)");
  EXPECT_EQ(DumpExpr("right(s, 2)"), "right(s 2)");
  EXPECT_EQ(DumpExpr("REPLACE(s, 'a', 'b')"), "REPLACE(s 'a' 'b')");
  EXPECT_EQ(DumpExpr("INSERT(s, 1, 2, 'x')"), "INSERT(s 1 2 'x')");
  EXPECT_EQ(DumpExpr("MOD(a, 3)"), "MOD(a 3)");
  EXPECT_EQ(DumpExpr("DATE(d)"), "DATE(d)");
  EXPECT_EQ(DumpExpr("TIME(d)"), "TIME(d)");
  EXPECT_EQ(DumpExpr("YEAR(d)"), "YEAR(d)");
  EXPECT_EQ(DumpExpr("CHAR(65, 66 USING utf8mb4)"), "char(65 66)");
  EXPECT_EQ(DumpExpr("DATABASE()"), "DATABASE()");
  EXPECT_EQ(DumpExpr("SCHEMA()"), "SCHEMA()");
  EXPECT_EQ(DumpExpr("USER()"), "USER()");
  EXPECT_EQ(DumpExpr("CURRENT_USER()"), "CURRENT_USER()");
  EXPECT_EQ(DumpExpr("CURRENT_USER"), "CURRENT_USER()");
  EXPECT_EQ(DumpExpr("VALUES(c)"), "VALUES(c)");
  EXPECT_EQ(DumpExpr("DEFAULT(c)"), "DEFAULT(c)");
  EXPECT_EQ(DumpExpr("REPEAT('a', 3)"), "REPEAT('a' 3)");
  EXPECT_EQ(DumpExpr("TRUNCATE(1.5, 0)"), "TRUNCATE(dec:1.5 0)");
  EXPECT_EQ(DumpExpr("CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP()");
  EXPECT_EQ(DumpExpr("CURRENT_TIMESTAMP(6)"), "CURRENT_TIMESTAMP(6)");
  EXPECT_EQ(DumpExpr("current_date"), "current_date()");
  EXPECT_EQ(DumpExpr("UTC_TIMESTAMP()"), "UTC_TIMESTAMP()");
  EXPECT_EQ(DumpExpr("sysdate()"), "sysdate()");
  EXPECT_EQ(DumpExpr("ROW(1, 2)"), "(ROW 1 2)");
}

TEST(ExprTest, SpecialForms) {
  EXPECT_EQ(DumpExpr("EXTRACT(millisecond FROM d)"), "<error: You have an error in your SQL "
            "syntax; check the manual that corresponds to your TiDB version for the right syntax "
            "to use line 1 column 19 near \"millisecond FROM d)\">");
  EXPECT_EQ(DumpExpr("EXTRACT(YEAR_MONTH FROM d)"), "extract('YEAR_MONTH' d)");
  EXPECT_EQ(DumpExpr("extract(day from d)"), "extract('DAY' d)");
  EXPECT_EQ(DumpExpr("TRIM(s)"), "trim(s)");
  EXPECT_EQ(DumpExpr("TRIM('x' FROM s)"), "trim(s 'x')");
  EXPECT_EQ(DumpExpr("TRIM(LEADING 'x' FROM s)"), "trim(LEADING s 'x')");
  EXPECT_EQ(DumpExpr("TRIM(BOTH FROM s)"), "trim(BOTH s)");
  EXPECT_EQ(DumpExpr("SUBSTRING(s FROM 2 FOR 3)"), "substring(s 2 3)");
  EXPECT_EQ(DumpExpr("SUBSTRING(s, 2)"), "SUBSTRING(s 2)");
  EXPECT_EQ(DumpExpr("substr(s, 2, 1)"), "substr(s 2 1)");
  EXPECT_EQ(DumpExpr("POSITION('a' IN s)"), "position('a' s)");
  EXPECT_EQ(DumpExpr("CONVERT(s USING utf8mb4)"), "convert_using(s 'utf8mb4')");
  EXPECT_EQ(DumpExpr("TIMESTAMPDIFF(SECOND, a, b)"), "TIMESTAMPDIFF('SECOND' a b)");
  EXPECT_EQ(DumpExpr("MATCH (title, body) AGAINST ('x' IN BOOLEAN MODE)"),
            "(MATCH [title body] 'x' IN BOOLEAN MODE)");
  EXPECT_EQ(DumpExpr("MATCH (title) AGAINST ('x')"), "(MATCH [title] 'x')");
  EXPECT_EQ(DumpExpr("a COLLATE utf8mb4_bin = b"), "(= (COLLATE a utf8mb4_bin) b)");
  EXPECT_EQ(DumpExpr("col -> '$.a'"), "(-> col '$.a')");
  EXPECT_EQ(DumpExpr("col ->> '$.a' = 'x'"), "(= (->> col '$.a') 'x')");
}

TEST(ExprTest, Case) {
  EXPECT_EQ(DumpExpr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"),
            "(CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3)");
  EXPECT_EQ(DumpExpr("CASE JSON_EXTRACT(c, '$.a') WHEN 'null' THEN NULL ELSE c END"),
            "(CASE JSON_EXTRACT(c '$.a') WHEN 'null' THEN NULL ELSE c)");
  EXPECT_NE(DumpExpr("CASE END").find("<error"), std::string::npos);
}

TEST(ExprTest, CastTargets) {
  EXPECT_EQ(DumpExpr("CAST(x AS SIGNED)"), "(CAST x bigint)");
  EXPECT_EQ(DumpExpr("CAST(x AS SIGNED INTEGER)"), "(CAST x bigint)");
  EXPECT_EQ(DumpExpr("CAST(x AS UNSIGNED INTEGER)"), "(CAST x bigint unsigned)");
  EXPECT_EQ(DumpExpr("CAST(x AS UNSIGNED)"), "(CAST x bigint unsigned)");
  EXPECT_EQ(DumpExpr("CAST(x AS CHAR)"), "(CAST x varchar)");
  EXPECT_EQ(DumpExpr("CAST(x AS CHAR(10))"), "(CAST x varchar(10))");
  EXPECT_EQ(DumpExpr("CAST(x AS CHAR(10) CHARACTER SET utf8mb4)"),
            "(CAST x varchar(10) collate utf8mb4_bin)");
  EXPECT_EQ(DumpExpr("CAST(x AS BINARY)"), "(CAST x varbinary)");
  EXPECT_EQ(DumpExpr("CAST(x AS BINARY(4))"), "(CAST x varbinary(4))");
  EXPECT_EQ(DumpExpr("CAST(x AS DECIMAL)"), "(CAST x decimal(10,0))");
  EXPECT_EQ(DumpExpr("CAST(x AS DECIMAL(10, 2))"), "(CAST x decimal(10,2))");
  EXPECT_EQ(DumpExpr("CAST(x AS DECIMAL(8))"), "(CAST x decimal(8,0))");
  EXPECT_EQ(DumpExpr("CAST(x AS DATE)"), "(CAST x date)");
  EXPECT_EQ(DumpExpr("CAST(x AS DATETIME)"), "(CAST x datetime)");
  EXPECT_EQ(DumpExpr("CAST(x AS DATETIME(6))"), "(CAST x datetime(6))");
  EXPECT_EQ(DumpExpr("CAST(x AS TIME(3))"), "(CAST x time(3))");
  EXPECT_EQ(DumpExpr("CAST(x AS JSON)"), "(CAST x json)");
  EXPECT_EQ(DumpExpr("CAST(x AS DOUBLE)"), "(CAST x double)");
  EXPECT_EQ(DumpExpr("CAST(x AS FLOAT)"), "(CAST x float)");
  EXPECT_EQ(DumpExpr("CAST(x AS REAL)"), "(CAST x double)");
  EXPECT_EQ(DumpExpr("CAST(x AS YEAR)"), "(CAST x year)");
  EXPECT_EQ(DumpExpr("CAST(x AS VECTOR)"), "(CAST x vector)");
  EXPECT_EQ(DumpExpr("CAST(x AS VECTOR(3))"), "(CAST x vector(3))");
  EXPECT_EQ(DumpExpr("CAST(JSON_EXTRACT(c, '$.a') AS SIGNED INTEGER)"),
            "(CAST JSON_EXTRACT(c '$.a') bigint)");
  EXPECT_EQ(DumpExpr("CONVERT(x, SIGNED)"), "(CAST x bigint)");
  EXPECT_EQ(DumpExpr("CONVERT(x, CHAR(3))"), "(CAST x varchar(3))");
  EXPECT_NE(DumpExpr("CAST(x AS INT)").find("<error"), std::string::npos);
}

TEST(ExprTest, WindowFunctions) {
  EXPECT_EQ(DumpExpr("max(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 5 PRECEDING AND "
                     "CURRENT ROW)"),
            "max(x) OVER( PARTITION a ORDER b FRAME ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(DumpExpr("row_number() OVER (ORDER BY a DESC)"),
            "row_number() OVER( ORDER a DESC)");
  EXPECT_EQ(DumpExpr("rank() OVER w"), "rank() OVER(w)");
  EXPECT_EQ(DumpExpr("sum(a) OVER (w ORDER BY b)"), "sum(a) OVER(w ORDER b)");
  EXPECT_EQ(DumpExpr("sum(a) OVER ()"), "sum(a) OVER()");
  EXPECT_EQ(DumpExpr("sum(a) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND "
                     "UNBOUNDED FOLLOWING)"),
            "sum(a) OVER( ORDER d FRAME RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND UNBOUNDED "
            "FOLLOWING)");
  EXPECT_EQ(DumpExpr("lag(a, 1) OVER (ORDER BY a ROWS UNBOUNDED PRECEDING)"),
            "lag(a 1) OVER( ORDER a FRAME ROWS UNBOUNDED PRECEDING)");
}

TEST(ExprTest, LocationsAreStatementOffsets) {
  Result<ast::ExprPtr> result = ParseExpression("a + foo(b)");
  ASSERT_TRUE(result.ok());
  const auto& add = result.value()->As<ast::BinaryExpr>();
  EXPECT_EQ(add.location, 0);
  EXPECT_EQ(add.right->location, 4);
}

TEST(ExprTest, StandaloneExpressionRejectsTrailingText) {
  EXPECT_FALSE(ParseExpression("1 2").ok());
  EXPECT_EQ(ParseExpression("").status().mysql_errno(), 1065);
  EXPECT_EQ(DumpExpr("CURRENT_TIMESTAMP(6)"), "CURRENT_TIMESTAMP(6)");
}

}  // namespace
}  // namespace vexdb::parser_test
