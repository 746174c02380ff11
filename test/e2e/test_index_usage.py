"""Lookups by primary key, unique key or secondary index read only the matching rows; a LIMIT
stops a scan after a few batches, also under ORDER BY the primary key; MIN and MAX of the primary
key read one batch.

The proof is the server's Innodb_rows_read counter (rows actually read from storage), sampled
around each query on a 1000-row table, and EXPLAIN, which names the access path. A full scan is
measured too, so the counter is known to count.
"""

import pytest

ROWS = 1000


@pytest.fixture(scope="module")
def indexed(server, module_db):
    from drivers import open_connection
    conn = open_connection(server, database=module_db, autocommit=True)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(20) UNIQUE, k INT, "
                       "pad VARCHAR(20), KEY k_idx (k))")
        values = ",".join(f"({i}, 'c{i}', {i % 100}, 'p')" for i in range(1, ROWS + 1))
        cursor.execute(f"INSERT INTO t VALUES {values}")
    yield conn
    conn.close()


def rows_read(conn):
    with conn.cursor() as cursor:
        cursor.execute("SHOW GLOBAL STATUS LIKE 'Innodb_rows_read'")
        return int(cursor.fetchone()[1])


def run(conn, sql):
    before = rows_read(conn)
    with conn.cursor() as cursor:
        cursor.execute(sql)
        result = cursor.fetchall()
    return result, rows_read(conn) - before


def plan(conn, sql):
    with conn.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("sql, matches, access", [
    ("SELECT pad FROM t WHERE id = 500", 1, "Point_Get"),
    ("SELECT pad FROM t WHERE id IN (3, 7, 9999)", 2, "Batch_Point_Get"),
    ("SELECT pad FROM t WHERE id = 3 OR id = 7 OR id = 9999", 2, "Batch_Point_Get"),
    ("SELECT pad FROM t WHERE (id = 3 OR id IN (7, NULL)) AND pad = 'p'", 2, "Batch_Point_Get"),
    ("SELECT pad FROM t WHERE id BETWEEN 10 AND 19", 10, "TableRangeScan"),
    ("SELECT pad FROM t WHERE id > 990", 10, "TableRangeScan"),
    ("SELECT id FROM t WHERE code = 'c42'", 1, "IndexRangeScan(index:code"),
    ("SELECT id FROM t WHERE k = 7", 10, "IndexRangeScan(index:k_idx"),
    ("SELECT id FROM t WHERE k IN (1, 2) AND pad = 'p'", 20, "IndexRangeScan(index:k_idx"),
    ("SELECT id FROM t WHERE k = 1 OR (k = 2 OR 3 = k)", 30, "IndexRangeScan(index:k_idx"),
    ("SELECT id FROM t WHERE k < 3", 30, "IndexRangeScan(index:k_idx"),
])
def test_lookup_reads_only_matching_rows(indexed, sql, matches, access):
    result, read = run(indexed, sql)
    assert len(result) == matches
    assert read == matches, f"{sql} read {read} rows for {matches} matches"
    assert access in plan(indexed, sql)


def test_full_scan_reads_every_row(indexed):
    result, read = run(indexed, "SELECT id FROM t WHERE pad = 'p' AND id + 0 = 5")
    assert len(result) == 1
    assert read == ROWS
    assert "TableFullScan" in plan(indexed, "SELECT id FROM t WHERE id + 0 = 5")


@pytest.mark.parametrize("where", ["id = 5 OR k = 5", "id = 5 OR id > 995", "id = 5 OR id + 0 = 6",
                                   "id = 5 OR id = 6.5"])
def test_a_disjunction_not_all_equalities_on_one_column_scans(indexed, where):
    result, read = run(indexed, f"SELECT id FROM t WHERE {where} ORDER BY id")
    expected = {"id = 5 OR k = 5": [i for i in range(1, ROWS + 1) if i == 5 or i % 100 == 5],
                "id = 5 OR id > 995": [5, 996, 997, 998, 999, 1000],
                "id = 5 OR id + 0 = 6": [5, 6], "id = 5 OR id = 6.5": [5]}[where]
    assert [row[0] for row in result] == expected
    assert read == ROWS
    assert "TableFullScan" in plan(indexed, f"SELECT id FROM t WHERE {where}")


def test_limit_stops_the_scan_early(indexed):
    # a scan's first batch holds 32 rows, each next one twice as many
    result, read = run(indexed, "SELECT id FROM t LIMIT 5")
    assert [row[0] for row in result] == [1, 2, 3, 4, 5]
    assert read <= 32, f"LIMIT 5 read {read} rows"
    result, read = run(indexed, "SELECT id FROM t WHERE pad = 'p' LIMIT 500, 10")
    assert [row[0] for row in result] == list(range(501, 511))
    assert read < ROWS
    result, read = run(indexed, "SELECT COUNT(*) FROM (SELECT id FROM t LIMIT 999) AS s")
    assert result[0][0] == 999


def test_order_by_primary_key_needs_no_sort(indexed):
    result, read = run(indexed, "SELECT id, code FROM t ORDER BY id LIMIT 3")
    assert result == ((1, "c1"), (2, "c2"), (3, "c3"))
    assert read <= 32, f"ORDER BY id LIMIT 3 read {read} rows"
    result, read = run(indexed, "SELECT id FROM t WHERE id >= 400 ORDER BY id LIMIT 2")
    assert [row[0] for row in result] == [400, 401]
    assert read <= 32
    # descending reads backward
    result, read = run(indexed, "SELECT id FROM t ORDER BY id DESC LIMIT 2")
    assert [row[0] for row in result] == [ROWS, ROWS - 1]
    assert read <= 32
    result, read = run(indexed, "SELECT id FROM t WHERE id < 100 ORDER BY id DESC LIMIT 2")
    assert [row[0] for row in result] == [99, 98]
    assert read <= 32
    # a key that is not the primary key still sorts every row
    result, read = run(indexed, "SELECT id FROM t ORDER BY pad, id LIMIT 2")
    assert [row[0] for row in result] == [1, 2]
    assert read == ROWS


def test_min_and_max_of_primary_key_stop_at_the_first_row(indexed):
    result, read = run(indexed, "SELECT MAX(id) FROM t")
    assert result == ((ROWS,),)
    assert read <= 32, f"MAX(id) read {read} rows"
    result, read = run(indexed, "SELECT MIN(id) FROM t WHERE id > 500")
    assert result == ((501,),)
    assert read <= 32
    # another aggregate beside it reads every row
    result, read = run(indexed, "SELECT MIN(id), COUNT(*) FROM t")
    assert result == ((1, ROWS),)
    assert read == ROWS
    # a locking read keeps reading (and locking) every row
    result, read = run(indexed, "SELECT MAX(id) FROM t FOR UPDATE")
    assert result == ((ROWS,),)
    assert read >= ROWS


def test_index_lookup_in_update_and_delete(indexed):
    with indexed.cursor() as cursor:
        before = rows_read(indexed)
        assert cursor.execute("UPDATE t SET pad = 'q' WHERE code = 'c5'") == 1
        assert cursor.execute("DELETE FROM t WHERE id = 6") == 1
        # each statement reads its one row, then re-reads it under the row lock
        assert rows_read(indexed) - before <= 4
