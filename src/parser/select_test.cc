// Queries: select items, FROM and joins, clauses, set operations, CTEs, locking.

#include "parser/parser_test_util.h"

namespace vexdb::parser_test {
namespace {

std::string DumpSelect(std::string_view sql) {
  auto query = MustParseSelect(sql);
  return query ? Dump(*query) : "<error>";
}

TEST(SelectTest, ItemsAliasesAndText) {
  auto q = MustParseSelect("SELECT count(*), 1 + 2, a AS x, b y, c AS 'z', d 'w', t.*, * FROM t");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->items.size(), 8u);
  EXPECT_EQ(q->items[0].text, "count(*)");
  EXPECT_EQ(q->items[0].alias, "");
  EXPECT_EQ(q->items[1].text, "1 + 2");
  EXPECT_EQ(q->items[2].alias, "x");
  EXPECT_EQ(q->items[2].text, "a");
  EXPECT_EQ(q->items[3].alias, "y");
  EXPECT_EQ(q->items[4].alias, "z");
  EXPECT_EQ(q->items[5].alias, "w");
  EXPECT_EQ(Dump(q->items[6].expr), "t.*");
  EXPECT_EQ(q->items[6].text, "t.*");
  EXPECT_EQ(Dump(q->items[7].expr), "*");
}

TEST(SelectTest, ItemTextIsExactSource) {
  auto q = MustParseSelect("SELECT  COUNT( * )  ,\n  a+b  /* c */ FROM t");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->items[0].text, "COUNT( * )");
  EXPECT_EQ(q->items[1].text, "a+b");
}

TEST(SelectTest, NonReservedKeywordsAsNames) {
  EXPECT_EQ(DumpSelect("SELECT status, name, date, time, text, comment, data, level, user, value, "
                       "year, timestamp, names, tables, columns, full, engine FROM status AS "
                       "level"),
            "SELECT status, name, date, time, text, comment, data, level, user, value, year, "
            "timestamp, names, tables, columns, full, engine FROM status AS level");
  EXPECT_EQ(DumpSelect("SELECT value text FROM data date"),
            "SELECT value AS text FROM data AS date");
  EXPECT_EQ(ErrnoOf("SELECT select FROM t"), 1064);
  EXPECT_EQ(DumpSelect("SELECT `select` FROM `from`"), "SELECT select FROM from");
}

TEST(SelectTest, Modifiers) {
  auto q =
      MustParseSelect("SELECT DISTINCT SQL_CALC_FOUND_ROWS STRAIGHT_JOIN SQL_NO_CACHE a FROM t");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->distinct);
  EXPECT_TRUE(q->calc_found_rows);
  EXPECT_EQ(DumpSelect("SELECT ALL a FROM t"), "SELECT a FROM t");
  EXPECT_EQ(DumpSelect("SELECT /*+ MAX_EXECUTION_TIME(1000) */ a FROM t"), "SELECT a FROM t");
}

TEST(SelectTest, FromDualAndNoFrom) {
  EXPECT_EQ(DumpSelect("SELECT 1"), "SELECT 1");
  EXPECT_EQ(DumpSelect("SELECT 1 AS anon_1 FROM DUAL WHERE EXISTS (SELECT 1 FROM t)"),
            "SELECT 1 AS anon_1 WHERE (EXISTS {SELECT 1 FROM t})");
}

TEST(SelectTest, Joins) {
  EXPECT_EQ(DumpSelect("SELECT * FROM a, b"), "SELECT * FROM [a CROSS JOIN b]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a JOIN b ON a.x = b.x"),
            "SELECT * FROM [a JOIN b ON (= a.x b.x)]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a INNER JOIN b USING (x, y)"),
            "SELECT * FROM [a JOIN b USING(x,y)]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a CROSS JOIN b"), "SELECT * FROM [a CROSS JOIN b]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a LEFT JOIN b ON true RIGHT OUTER JOIN c ON false"),
            "SELECT * FROM [[a LEFT JOIN b ON TRUE] RIGHT JOIN c ON FALSE]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a NATURAL JOIN b"), "SELECT * FROM [a NATURAL JOIN b]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a NATURAL LEFT OUTER JOIN b"),
            "SELECT * FROM [a NATURAL LEFT JOIN b]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a STRAIGHT_JOIN b ON a.x = b.x"),
            "SELECT * FROM [a JOIN b ON (= a.x b.x)]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a, b JOIN c ON b.x = c.x"),
            "SELECT * FROM [a CROSS JOIN [b JOIN c ON (= b.x c.x)]]");
  EXPECT_EQ(DumpSelect("SELECT * FROM (a JOIN b ON a.x = b.x) LEFT JOIN c ON c.y = a.y"),
            "SELECT * FROM [[a JOIN b ON (= a.x b.x)] LEFT JOIN c ON (= c.y a.y)]");
  EXPECT_EQ(DumpSelect("SELECT * FROM a INNER JOIN b ON false = 1"),
            "SELECT * FROM [a JOIN b ON (= FALSE 1)]");
  EXPECT_EQ(ErrnoOf("SELECT * FROM a LEFT JOIN b"), 1064);
}

TEST(SelectTest, TablesAndDerivedTables) {
  EXPECT_EQ(DumpSelect("SELECT * FROM db.t AS x"), "SELECT * FROM db.t AS x");
  EXPECT_EQ(DumpSelect("SELECT * FROM `test`.`t` x USE INDEX (i1) FORCE KEY FOR JOIN (i2)"),
            "SELECT * FROM test.t AS x");
  EXPECT_EQ(DumpSelect("SELECT * FROM (SELECT 1 AS a) AS anon_1"),
            "SELECT * FROM (SELECT 1 AS a) AS anon_1");
  EXPECT_EQ(DumpSelect("SELECT * FROM (SELECT 1, 2) t (a, b)"),
            "SELECT * FROM (SELECT 1, 2) AS t(a,b)");
  EXPECT_EQ(DumpSelect("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u"),
            "SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u");
  EXPECT_EQ(DumpSelect("SELECT COUNT(1) FROM (SELECT a FROM t LIMIT 5) AS _wrapped"),
            "SELECT COUNT(1) FROM (SELECT a FROM t LIMIT 5) AS _wrapped");
  EXPECT_EQ(DumpSelect("SELECT * FROM (SELECT 1 AS _in_0) as _empty_set WHERE 1!=1"),
            "SELECT * FROM (SELECT 1 AS _in_0) AS _empty_set WHERE (!= 1 1)");
}

TEST(SelectTest, Clauses) {
  EXPECT_EQ(DumpSelect("SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a WITH ROLLUP HAVING "
                       "count(*) > 1 ORDER BY 2 DESC, a LIMIT 10"),
            "SELECT a, count(*) FROM t WHERE (> b 1) GROUP a ROLLUP HAVING (> count(*) 1) ORDER "
            "2 DESC, a LIMIT 10");
  EXPECT_EQ(DumpSelect("SELECT a FROM t ORDER BY a ASC LIMIT 5 OFFSET 10"),
            "SELECT a FROM t ORDER a LIMIT 5 OFFSET 10");
  EXPECT_EQ(DumpSelect("SELECT a FROM t LIMIT 1, 18446744073709551615"),
            "SELECT a FROM t LIMIT 18446744073709551615 OFFSET 1");
  EXPECT_EQ(DumpSelect("SELECT a FROM t LIMIT 1 OFFSET 0"), "SELECT a FROM t LIMIT 1 OFFSET 0");
  EXPECT_EQ(DumpSelect("SELECT a FROM t LIMIT ?, ?"), "SELECT a FROM t LIMIT ?1 OFFSET ?0");
  EXPECT_EQ(DumpSelect("SELECT a AS _distance FROM t HAVING _distance IS NOT NULL ORDER BY "
                       "_distance ASC LIMIT 5"),
            "SELECT a AS _distance FROM t HAVING (IS NOT NULL _distance) ORDER _distance LIMIT 5");
}

TEST(SelectTest, Locking) {
  EXPECT_EQ(DumpSelect("SELECT a FROM t WHERE id = 1 FOR UPDATE"),
            "SELECT a FROM t WHERE (= id 1) FOR UPDATE");
  EXPECT_EQ(DumpSelect("SELECT a FROM t FOR UPDATE OF t NOWAIT"),
            "SELECT a FROM t FOR UPDATE NOWAIT");
  EXPECT_EQ(DumpSelect("SELECT a FROM t FOR UPDATE SKIP LOCKED"),
            "SELECT a FROM t FOR UPDATE SKIP LOCKED");
  EXPECT_EQ(DumpSelect("SELECT a FROM t FOR SHARE"), "SELECT a FROM t FOR SHARE");
  EXPECT_EQ(DumpSelect("SELECT a FROM t LOCK IN SHARE MODE"), "SELECT a FROM t FOR SHARE");
  EXPECT_EQ(DumpSelect("SELECT a FROM t LIMIT 1 FOR UPDATE"), "SELECT a FROM t LIMIT 1 FOR UPDATE");
}

TEST(SelectTest, SetOperations) {
  EXPECT_EQ(DumpSelect("SELECT 1 UNION SELECT 2"), "(SELECT 1) UNION (SELECT 2)");
  EXPECT_EQ(DumpSelect("SELECT 1 UNION ALL SELECT 2 UNION DISTINCT SELECT 3"),
            "((SELECT 1) UNION ALL (SELECT 2)) UNION (SELECT 3)");
  EXPECT_EQ(DumpSelect("SELECT 1 EXCEPT SELECT 2"), "(SELECT 1) EXCEPT (SELECT 2)");
  EXPECT_EQ(DumpSelect("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"),
            "(SELECT 1) UNION ((SELECT 2) INTERSECT (SELECT 3))");
  EXPECT_EQ(DumpSelect("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 2"),
            "(SELECT a FROM t) UNION (SELECT b FROM u) ORDER 1 LIMIT 2");
  EXPECT_EQ(DumpSelect("(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT b FROM u) ORDER BY 1 "
                       "LIMIT 2"),
            "(SELECT a FROM t ORDER a LIMIT 1) UNION (SELECT b FROM u) ORDER 1 LIMIT 2");
  EXPECT_EQ(DumpSelect("((SELECT 1))"), "SELECT 1");
  EXPECT_EQ(DumpSelect("(SELECT 1) ORDER BY 1"), "SELECT 1 ORDER 1");
  EXPECT_EQ(ErrnoOf("SELECT 1 ORDER BY 1 UNION SELECT 2"), 1064);
}

TEST(SelectTest, CommonTableExpressions) {
  EXPECT_EQ(DumpSelect("WITH x AS (SELECT 1 AS a) SELECT a FROM x"),
            "WITH x AS (SELECT 1 AS a) SELECT a FROM x");
  EXPECT_EQ(DumpSelect("WITH RECURSIVE x(id, n) AS (SELECT 1, 1 UNION ALL SELECT id + 1, n FROM x "
                       "WHERE id < 5) SELECT * FROM x"),
            "WITH RECURSIVE x(id,n) AS ((SELECT 1, 1) UNION ALL (SELECT (+ id 1), n FROM x WHERE "
            "(< id 5))) SELECT * FROM x");
  EXPECT_EQ(DumpSelect("WITH a AS (SELECT 1), b AS (SELECT 2) SELECT * FROM a, b"),
            "WITH a AS (SELECT 1) b AS (SELECT 2) SELECT * FROM [a CROSS JOIN b]");
}

TEST(SelectTest, NamedWindows) {
  auto q = MustParseSelect(
      "SELECT sum(a) OVER w, rank() OVER (w2 ORDER BY b) FROM t WINDOW w AS (PARTITION BY c), "
      "w2 AS (w)");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->windows.size(), 2u);
  EXPECT_EQ(q->windows[0].name, "w");
  EXPECT_EQ(DumpWindow(q->windows[0].spec), "OVER( PARTITION c)");
  EXPECT_EQ(q->windows[1].name, "w2");
  EXPECT_EQ(q->windows[1].spec.name, "w");
}

TEST(SelectTest, VectorSearchShapes) {
  EXPECT_EQ(
      DumpSelect("SELECT id, meta, document, VEC_COSINE_DISTANCE(embedding, '[1,2]') AS distance "
                 "FROM t WHERE true ORDER BY distance ASC LIMIT 3"),
      "SELECT id, meta, document, VEC_COSINE_DISTANCE(embedding '[1,2]') AS distance FROM t "
      "WHERE TRUE ORDER distance LIMIT 3");
  EXPECT_EQ(DumpSelect("SELECT _hit.id, 1 - VEC_COSINE_DISTANCE(_hit.text_vec, '[1, 2, 3]') AS "
                       "_score FROM chunks AS _hit LEFT OUTER JOIN users AS u1 ON _hit.user_id = "
                       "u1.id WHERE _hit.user_id = 1"),
            "SELECT _hit.id, (- 1 VEC_COSINE_DISTANCE(_hit.text_vec '[1, 2, 3]')) AS _score FROM "
            "[chunks AS _hit LEFT JOIN users AS u1 ON (= _hit.user_id u1.id)] WHERE (= "
            "_hit.user_id 1)");
}

TEST(SelectTest, ConnectorProbes) {
  auto q = MustParseSelect(
      "/* mysql-connector-j-8.0.33 */SELECT  @@session.auto_increment_increment AS "
      "auto_increment_increment, @@character_set_client AS character_set_client, @@license, "
      "@@sql_mode");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->items.size(), 4u);
  EXPECT_EQ(Dump(q->items[0].expr), "@@session.auto_increment_increment");
  EXPECT_EQ(q->items[0].alias, "auto_increment_increment");
  EXPECT_EQ(q->items[2].text, "@@license");
  EXPECT_EQ(DumpSelect("SELECT @@session.transaction_read_only"),
            "SELECT @@session.transaction_read_only");
  EXPECT_EQ(DumpSelect("SELECT CAST('test plain returns' AS CHAR(60)) AS anon_1"),
            "SELECT (CAST 'test plain returns' varchar(60)) AS anon_1");
}

}  // namespace
}  // namespace vexdb::parser_test
