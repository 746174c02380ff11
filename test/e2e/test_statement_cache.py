"""The statement cache: a vector search sent again with other query vectors skips parse, bind and
plan (src/main/statement_cache.h), and answers exactly what binding anew answers.

Every check runs the same texts on two connections, one with the cache (the default) and one
with tidb_enable_non_prepared_plan_cache = OFF, and compares rows, distances and column names;
@@last_plan_from_cache (TiDB's variable) says whether the previous statement used the cache.
"""

import random

import pymysql
import pytest

DIM = 8
ROWS = 300


def vector_text(values):
    return "[" + ",".join(f"{x:.6g}" for x in values) + "]"


def random_vector(rng):
    return vector_text([rng.uniform(-1, 1) for _ in range(DIM)])


@pytest.fixture(scope="module")
def tables(server, module_db):
    from drivers import open_connection
    rng = random.Random(7)
    with open_connection(server, database=module_db, autocommit=True) as conn:
        with conn.cursor() as cursor:
            for table in ("items", "plain"):
                cursor.execute(f"CREATE TABLE {table} (id INT PRIMARY KEY, v VECTOR({DIM}), "
                               "tag VARCHAR(10))")
                values = ",".join(f"({i}, '{random_vector(rng)}', 't{i % 3}')"
                                  for i in range(ROWS))
                cursor.execute(f"INSERT INTO {table} VALUES {values}")
            cursor.execute("ALTER TABLE items ADD VECTOR INDEX idx ((VEC_COSINE_DISTANCE(v)))")
    return module_db


@pytest.fixture
def pair(connect, tables):
    """(cached, uncached) connections to the module's database."""
    cached = connect(database=tables, autocommit=True)
    uncached = connect(database=tables, autocommit=True)
    with uncached.cursor() as cursor:
        cursor.execute("SET tidb_enable_non_prepared_plan_cache = OFF")
    return cached, uncached


def run(conn, sql, args=None):
    """(column names, rows, whether the statement used the cache)."""
    with conn.cursor() as cursor:
        cursor.execute(sql, args)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        cursor.execute("SELECT @@last_plan_from_cache")
        return names, rows, cursor.fetchone()[0]


def compare(pair, sql, args):
    cached, uncached = pair
    names, rows, hit = run(cached, sql, args)
    expected_names, expected_rows, uncached_hit = run(uncached, sql, args)
    assert uncached_hit == 0
    assert (names, rows) == (expected_names, expected_rows), sql
    return hit


SHAPES = [
    # the vector search of tidb-vector's README, through the index
    "SELECT id, VEC_COSINE_DISTANCE(v, %s) AS d FROM items ORDER BY d LIMIT 5",
    "SELECT id FROM items ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 5",
    # no index: an exact scan
    "SELECT id, VEC_L2_DISTANCE(v, %s) AS d FROM plain ORDER BY d LIMIT 5",
    # a distance filter, a derived table, a scalar function of the vector
    "SELECT id FROM plain WHERE VEC_L2_DISTANCE(v, %s) < 1.2 ORDER BY id",
    "SELECT s.id, s.d FROM (SELECT id, VEC_L2_DISTANCE(v, %s) AS d FROM plain) AS s "
    "ORDER BY s.d LIMIT 4",
    "SELECT VEC_DIMS(%s) AS n, VEC_L2_NORM(%s) AS norm",
    "SELECT id FROM plain WHERE id IN (SELECT id FROM items "
    "ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 3) ORDER BY id",
    # the index under a filter, under a primary key range, and with a second vector: the kept
    # plan's index read must search with each new vector
    "SELECT id FROM items WHERE tag <> 't1' ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 5",
    "SELECT id FROM items WHERE id >= 40 ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 5",
    "SELECT id, VEC_COSINE_DISTANCE(v, %s) AS d FROM items "
    "WHERE VEC_L2_DISTANCE(v, %s) < 1.5 ORDER BY d LIMIT 5",
    "SELECT s.id FROM (SELECT id, v FROM items WHERE id < 250) AS s "
    "ORDER BY VEC_COSINE_DISTANCE(s.v, %s) LIMIT 4",
]


@pytest.mark.parametrize("sql", SHAPES)
def test_new_vectors_use_the_cache_and_answer_as_binding_anew(pair, sql):
    rng = random.Random(sql)
    hits = []
    for _ in range(12):
        args = tuple(random_vector(rng) for _ in range(sql.count("%s")))
        hits.append(compare(pair, sql, args))
    assert hits[0] == 0 and all(hits[1:]), hits


def test_other_literals_must_match_as_written(pair):
    rng = random.Random(1)
    sql = "SELECT id FROM items WHERE tag = %s ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 4"
    assert compare(pair, sql, ("t1", random_vector(rng))) == 0
    assert compare(pair, sql, ("t1", random_vector(rng))) == 1
    assert compare(pair, sql, ("t2", random_vector(rng))) == 0  # another tag: bound anew
    assert compare(pair, sql, ("t2", random_vector(rng))) == 1
    # numbers are part of the shape: another LIMIT is another statement
    assert compare(pair, "SELECT id FROM items ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 6",
                   (random_vector(rng),)) == 0


def test_unaliased_items_named_by_their_text_are_not_reused(pair):
    rng = random.Random(2)
    sql = "SELECT id, VEC_L2_DISTANCE(v, %s) FROM plain ORDER BY 2 LIMIT 3"
    for _ in range(3):
        assert compare(pair, sql, (random_vector(rng),)) == 0


def test_expressions_matched_by_equal_vectors_are_bound_anew(pair):
    # Equal vectors make the GROUP BY item and the select item one expression (the select item
    # reads the group key), so that binding is not reused for other vectors. Bound with
    # different vectors, the statement computes both; reusing that for equal ones is right.
    rng = random.Random(3)
    a, b = random_vector(rng), random_vector(rng)
    sql = ("SELECT VEC_L2_DISTANCE(v, %s) AS d, COUNT(*) AS n FROM plain "
           "GROUP BY VEC_L2_DISTANCE(v, %s) ORDER BY d LIMIT 3")
    hits = [compare(pair, sql, args) for args in [(a, a), (a, b), (b, b), (a, a), (b, a)]]
    assert hits == [0, 0, 1, 1, 1]


def test_bad_vectors_fail_as_without_cache_and_keep_the_entry(pair):
    rng = random.Random(4)
    sql = "SELECT id FROM items ORDER BY VEC_COSINE_DISTANCE(v, %s) LIMIT 5"
    compare(pair, sql, (random_vector(rng),))
    assert compare(pair, sql, (random_vector(rng),)) == 1
    for bad in ("[1,2]", "[1,2,x]", "not a vector", "[" + ",".join(["1e39"] * DIM) + "]"):
        errors = []
        for conn in pair:
            with pytest.raises(pymysql.MySQLError) as error:
                run(conn, sql, (bad,))
            errors.append(error.value.args)
        assert errors[0] == errors[1], bad
    assert compare(pair, sql, (random_vector(rng),)) == 1


def test_schema_changes_and_databases_are_respected(pair, tables, connect):
    rng = random.Random(5)
    cached, _ = pair
    sql = "SELECT * FROM plain ORDER BY VEC_L2_DISTANCE(v, %s) LIMIT 2"
    compare(pair, sql, (random_vector(rng),))
    assert compare(pair, sql, (random_vector(rng),)) == 1
    admin = connect(database=tables, autocommit=True)
    with admin.cursor() as cursor:
        cursor.execute("ALTER TABLE plain ADD COLUMN extra INT DEFAULT 7")
    try:
        names, rows, hit = run(cached, sql, (random_vector(rng),))
        assert hit == 0 and names[-1] == "extra" and all(row[-1] == 7 for row in rows)
        assert compare(pair, sql, (random_vector(rng),)) == 1
    finally:
        with admin.cursor() as cursor:
            cursor.execute("ALTER TABLE plain DROP COLUMN extra")
    # the same text in another database names another table
    with admin.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS e2e_statement_cache_other")
        cursor.execute("CREATE DATABASE e2e_statement_cache_other")
        cursor.execute(f"CREATE TABLE e2e_statement_cache_other.plain (id INT PRIMARY KEY, "
                       f"v VECTOR({DIM}), tag VARCHAR(10))")
        cursor.execute("INSERT INTO e2e_statement_cache_other.plain "
                       f"VALUES (1, '{random_vector(rng)}', 'x')")
    try:
        with cached.cursor() as cursor:
            cursor.execute("USE e2e_statement_cache_other")
        names, rows, hit = run(cached, sql, (random_vector(rng),))
        assert hit == 0 and [row[0] for row in rows] == [1]
    finally:
        with admin.cursor() as cursor:
            cursor.execute("DROP DATABASE e2e_statement_cache_other")


def test_a_views_own_vector_stays_put(pair, tables, connect):
    # The view's literal starts at the same offset of its own text as the query's literal does
    # in the query: only the statement's literals may be replaced.
    admin = connect(database=tables, autocommit=True)
    origin = vector_text([0.5] * DIM)
    with admin.cursor() as cursor:
        cursor.execute("CREATE OR REPLACE VIEW near AS SELECT id, v, "
                       f"VEC_L2_DISTANCE(v,  '{origin}') AS d0 FROM plain")
    sql = "SELECT id, d0, VEC_L2_DISTANCE(v, %s) AS d FROM near ORDER BY d LIMIT 3"
    assert sql.index("%s") == len("SELECT id, v, VEC_L2_DISTANCE(v,  ")
    rng = random.Random(8)
    try:
        hits = [compare(pair, sql, (random_vector(rng),)) for _ in range(4)]
        assert hits == [0, 1, 1, 1]
    finally:
        with admin.cursor() as cursor:
            cursor.execute("DROP VIEW near")


def test_the_cache_sees_writes_and_transactions(pair):
    rng = random.Random(6)
    cached, _ = pair
    query = random_vector(rng)
    sql = "SELECT id FROM plain ORDER BY VEC_L2_DISTANCE(v, %s) LIMIT 1"
    compare(pair, sql, (random_vector(rng),))
    cached.begin()
    with cached.cursor() as cursor:
        cursor.execute(f"INSERT INTO plain VALUES (10000, '{query}', 'new')")
    _, rows, hit = run(cached, sql, (query,))
    assert hit == 1 and rows == ((10000,),)  # its own uncommitted row
    cached.rollback()
    _, rows, hit = run(cached, sql, (query,))
    assert hit == 1 and rows != ((10000,),)


def test_the_least_recently_used_of_17_shapes_is_dropped(pair):
    # The cache keeps 16 statements: a 17th shape drops the one used longest ago.
    rng = random.Random(10)
    shapes = [f"SELECT id FROM plain ORDER BY VEC_L2_DISTANCE(v, %s) LIMIT {k}"
              for k in range(1, 18)]
    for sql in shapes:
        assert compare(pair, sql, (random_vector(rng),)) == 0
    assert compare(pair, shapes[0], (random_vector(rng),)) == 0  # dropped by the 17th
    assert [compare(pair, sql, (random_vector(rng),)) for sql in shapes[2:]] == [1] * 15


def test_last_plan_from_cache_is_read_only(pair):
    with pytest.raises(pymysql.MySQLError) as error:
        run(pair[0], "SET last_plan_from_cache = 1")
    assert error.value.args[0] == 1238
