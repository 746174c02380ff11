"""HNSW vector indexes serve ORDER BY VEC_*_DISTANCE(col, const) LIMIT k, and stay correct.

- EXPLAIN shows VectorIndexScan when the query matches an index, a table scan otherwise.
- Recall@10 of the index path against numpy's exact answer is at least 0.95 (cosine and L2),
  also with a WHERE clause admitting 50%, 10% or 1% of the rows; the index reads a small part
  of the table, and the distances returned are the SQL function's.
- Transactions: a transaction sees its own uncommitted rows, never another's; deleted rows never
  come back; an updated vector is found at its new place; rolled-back rows stay invisible.
- Concurrent writers and searchers run without errors, each search sees a consistent set.
- After kill -9 (here, soon after the writes) the index returns exactly the committed rows with
  a vector; test_vector_index_durability.py covers checkpoints and crashes under load.
- QUANTIZATION=BF16 saves memory per vector and keeps recall and exact distances; INT8 keeps
  recall and exact distances, and serves index-only rows from its float32 copies.
"""

import threading
import time

import numpy as np
import pytest

from drivers import open_connection
from vector_data import (K, clustered, exact_nearest, load, nearest, vector_text,
                         wait_until_built)

def rows_read(cursor):
    cursor.execute("SHOW GLOBAL STATUS LIKE 'Innodb_rows_read'")
    return int(cursor.fetchone()[1])


@pytest.fixture(scope="module")
def conn(server, module_db):
    connection = open_connection(server, database=module_db, autocommit=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def indexed(conn):
    """items(id, v VECTOR(32)) with 3000 clustered rows and a cosine and an L2 index, built."""
    data = clustered(3000, 32, seed=1)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE items (id INT PRIMARY KEY, v VECTOR(32), "
                       "VECTOR INDEX idx_cos ((VEC_COSINE_DISTANCE(v))), "
                       "VECTOR INDEX idx_l2 ((VEC_L2_DISTANCE(v))))")
        load(cursor, "items", data)
        wait_until_built(cursor, "items")
    return data


def test_explain_shows_when_the_index_is_used(conn, indexed):
    query = vector_text(indexed[0])
    plans = {}
    for name, sql in {
        "cosine": f"SELECT id FROM items ORDER BY VEC_COSINE_DISTANCE(v, '{query}') LIMIT 5",
        "alias": f"SELECT id, VEC_L2_DISTANCE('{query}', v) AS d FROM items ORDER BY d LIMIT 5",
        "range": f"SELECT id FROM items WHERE id < 5 ORDER BY VEC_L2_DISTANCE(v, '{query}') LIMIT 5",
        "points": f"SELECT id FROM items WHERE id IN (1, 2, 3) ORDER BY VEC_L2_DISTANCE(v, '{query}') "
                  f"LIMIT 5",
        "desc": f"SELECT id FROM items ORDER BY VEC_L2_DISTANCE(v, '{query}') DESC LIMIT 5",
        "l1": f"SELECT id FROM items ORDER BY VEC_L1_DISTANCE(v, '{query}') LIMIT 5",
        "no_limit": f"SELECT id FROM items ORDER BY VEC_L2_DISTANCE(v, '{query}')",
    }.items():
        with conn.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql)
            plans[name] = "\n".join(row[0] for row in cursor.fetchall())
    assert "VectorIndexScan(index:idx_cos" in plans["cosine"]
    assert "VectorIndexScan(index:idx_l2" in plans["alias"]
    assert "(33 more)" not in plans["alias"] and "(27 more)" in plans["alias"]
    assert "VectorIndexScan(index:idx_l2" in plans["range"], plans["range"]
    assert "exact if few rows: TableRangeScan(range:id[-inf,4])" in plans["range"], plans["range"]
    for name in ("points", "desc", "l1", "no_limit"):
        assert "VectorIndexScan" not in plans[name], plans[name]
    assert "TableFullScan" in plans["desc"] and "Batch_Point_Get" in plans["points"]
    reasons = {"points": "point gets serve the WHERE condition", "desc": "ORDER BY ... DESC",
               "l1": "not vec_l1_distance", "no_limit": "no LIMIT"}
    for name, reason in reasons.items():
        assert "vector index not used: " in plans[name] and reason in plans[name], plans[name]


@pytest.mark.parametrize("function, metric", [("VEC_COSINE_DISTANCE", "cosine"),
                                              ("VEC_L2_DISTANCE", "l2")])
def test_recall_and_rows_read(conn, indexed, function, metric):
    queries = clustered(30, 32, seed=2)
    data = indexed.astype(np.float64)
    hits = 0
    with conn.cursor() as cursor:
        before = rows_read(cursor)
        for query in queries:
            found = nearest(cursor, "items", function, query)
            q = query.astype(np.float64)
            if metric == "cosine":
                exact = 1 - data @ q / (np.linalg.norm(data, axis=1) * np.linalg.norm(q))
            else:
                exact = np.linalg.norm(data - q, axis=1)
            truth = set(np.argsort(exact, kind="stable")[:K].tolist())
            hits += len(truth & {row[0] for row in found})
            distances = [row[1] for row in found]
            assert distances == sorted(distances)
            for row_id, distance in found[:2]:
                cursor.execute(f"SELECT {function}(v, %s) FROM items WHERE id = %s",
                               (vector_text(query), row_id))
                assert cursor.fetchone()[0] == distance  # the exact SQL value, bit for bit
        read = rows_read(cursor) - before
    recall = hits / (K * len(queries))
    assert recall >= 0.95, f"recall@10 {recall:.3f}"
    assert read < len(queries) * len(indexed) / 5, f"{read} rows read: the index was not used"


def l2_recall(cursor, table, data, queries):
    hits = 0
    for query in queries:
        found = nearest(cursor, table, "VEC_L2_DISTANCE", query)
        exact = np.linalg.norm(data.astype(np.float64) - query.astype(np.float64), axis=1)
        hits += len(set(np.argsort(exact, kind="stable")[:K].tolist()) & {r[0] for r in found})
    return hits / (K * len(queries))


def test_ef_search_per_session_and_per_index(conn, indexed):
    """SET hnsw_ef_search sets the beam for the session (a beam of 10 loses recall, one beyond
    the table's size finds the exact answer); at 0 each index's EF_SEARCH applies."""
    queries = clustered(30, 32, seed=2)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE items_wide (id INT PRIMARY KEY, v VECTOR(32), "
                       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))) EF_SEARCH=4000)")
        cursor.execute("INSERT INTO items_wide SELECT * FROM items")
        wait_until_built(cursor, "items_wide")
        try:
            cursor.execute("SET hnsw_ef_search = 10")
            narrow = l2_recall(cursor, "items", indexed, queries)
            narrow_wide_index = l2_recall(cursor, "items_wide", indexed, queries)
            cursor.execute("SET hnsw_ef_search = 4000")
            assert l2_recall(cursor, "items", indexed, queries) == 1.0
        finally:
            cursor.execute("SET hnsw_ef_search = 0")
        assert l2_recall(cursor, "items_wide", indexed, queries) == 1.0
    assert narrow < 0.9 and narrow_wide_index < 0.9, (narrow, narrow_wide_index)


def test_bf16_graph_halves_vector_memory_and_keeps_exact_ranking(conn, indexed):
    """QUANTIZATION=BF16 stores the graph's vectors as bfloat16: fewer bytes per vector in
    VECTOR_INDEXES, the same recall, and distances still the exact SQL function's."""
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE items_bf16 (id INT PRIMARY KEY, v VECTOR(32), "
                       "VECTOR INDEX idx ((VEC_COSINE_DISTANCE(v))) QUANTIZATION=BF16 EF_SEARCH=80)")
        cursor.execute("INSERT INTO items_bf16 SELECT * FROM items")
        wait_until_built(cursor, "items_bf16")
        cursor.execute("SELECT TABLE_NAME, QUANTIZATION, EF_SEARCH, STATE, ROWS_INDEXED, "
                       "BYTES_PER_VECTOR FROM information_schema.VECTOR_INDEXES "
                       "WHERE TABLE_SCHEMA = DATABASE() AND DISTANCE_METRIC = 'COSINE' "
                       "ORDER BY TABLE_NAME")
        (_, f32, f32_ef, *f32_rest), (_, bf16, bf16_ef, *bf16_rest) = cursor.fetchall()
        assert (f32, f32_ef, bf16, bf16_ef) == ("NONE", 64, "BF16", 80)
        assert f32_rest[:2] == bf16_rest[:2] == ["READY", len(indexed)]
        # 2 bytes an element, plus up to a 64-byte record line: a cosine float32 graph also
        # keeps each vector's inverse norm, which rounds its records up here.
        saved = f32_rest[2] - bf16_rest[2]
        assert 32 * 2 * 0.9 < saved < 32 * 2 * 1.5 + 64, (f32_rest, bf16_rest)
        data = indexed.astype(np.float64)
        hits = 0
        queries = clustered(30, 32, seed=5)
        for query in queries:
            found = nearest(cursor, "items_bf16", "VEC_COSINE_DISTANCE", query)
            exact_rows = exact_nearest(cursor, "items", "VEC_COSINE_DISTANCE", query)
            q = query.astype(np.float64)
            exact = 1 - data @ q / (np.linalg.norm(data, axis=1) * np.linalg.norm(q))
            truth = set(np.argsort(exact, kind="stable")[:K].tolist())
            hits += len(truth & {row[0] for row in found})
            shared = dict(exact_rows)
            assert all(shared[i] == d for i, d in found if i in shared)  # bit-identical distances
    recall = hits / (K * len(queries))
    assert recall >= 0.95, f"recall@10 {recall:.3f}"


def test_int8_graph_keeps_recall_and_exact_ranking(conn, indexed):
    """QUANTIZATION=INT8 walks the graph by 8-bit codes and re-ranks by float32 copies: more
    bytes per vector than float32, the same recall for both metrics, and the distances still
    the exact SQL function's."""
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE items_int8 (id INT PRIMARY KEY, v VECTOR(32), "
                       "VECTOR INDEX idx_cos ((VEC_COSINE_DISTANCE(v))) QUANTIZATION=INT8, "
                       "VECTOR INDEX idx_l2 ((VEC_L2_DISTANCE(v))) QUANTIZATION INT8)")
        cursor.execute("INSERT INTO items_int8 SELECT * FROM items")
        wait_until_built(cursor, "items_int8")
        cursor.execute("SELECT TABLE_NAME, QUANTIZATION, STATE, ROWS_INDEXED, BYTES_PER_VECTOR "
                       "FROM information_schema.VECTOR_INDEXES WHERE TABLE_SCHEMA = DATABASE() "
                       "AND DISTANCE_METRIC = 'L2' AND TABLE_NAME IN ('items', 'items_int8') "
                       "ORDER BY TABLE_NAME")
        (_, f32, *f32_rest), (_, int8, *int8_rest) = cursor.fetchall()
        assert (f32, int8) == ("NONE", "INT8")
        assert f32_rest[:2] == int8_rest[:2] == ["READY", len(indexed)]
        assert 32 < int8_rest[2] - f32_rest[2] < 32 + 16 + 128, (f32_rest, int8_rest)
        data = indexed.astype(np.float64)
        queries = clustered(30, 32, seed=6)
        for function in ("VEC_COSINE_DISTANCE", "VEC_L2_DISTANCE"):
            hits = 0
            for query in queries:
                found = nearest(cursor, "items_int8", function, query)
                exact_rows = exact_nearest(cursor, "items", function, query)
                q = query.astype(np.float64)
                if function == "VEC_L2_DISTANCE":
                    exact = np.linalg.norm(data - q, axis=1)
                else:
                    exact = 1 - data @ q / (np.linalg.norm(data, axis=1) * np.linalg.norm(q))
                truth = set(np.argsort(exact, kind="stable")[:K].tolist())
                hits += len(truth & {row[0] for row in found})
                shared = dict(exact_rows)
                assert all(shared[i] == d for i, d in found if i in shared)  # bit-identical
            recall = hits / (K * len(queries))
            assert recall >= 0.95, f"{function} recall@10 {recall:.3f}"


def test_status_counters_time_statements_and_graph_searches(conn, indexed):
    """Vexdb_statement_time_us, Vexdb_vector_searches and Vexdb_vector_search_time_us let
    bench/ann split a vector query's server time into graph search and fixed SQL cost."""
    def status(cursor):
        cursor.execute("SHOW GLOBAL STATUS LIKE 'Vexdb%'")
        return {name: int(value) for name, value in cursor.fetchall()}

    with conn.cursor() as cursor:
        before = status(cursor)
        for query in clustered(20, 32, seed=6):
            nearest(cursor, "items", "VEC_L2_DISTANCE", query)
        after = status(cursor)
    delta = {name: after[name] - before[name] for name in before}
    assert delta["Vexdb_vector_searches"] == 20
    assert 0 < delta["Vexdb_vector_search_time_us"] < delta["Vexdb_statement_time_us"]


def test_mostly_deleted_graph_is_compacted(conn):
    """Deleting most rows leaves tombstones in the graph; once they outnumber the live rows the
    server swaps in a compacted graph (COMPACTIONS, ROWS_DELETED), and answers stay exact."""
    data = clustered(1500, 4, seed=9)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE churn (id INT PRIMARY KEY, v VECTOR(4), "
                       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        load(cursor, "churn", data)
        wait_until_built(cursor, "churn")
        cursor.execute("DELETE FROM churn WHERE id >= 100")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            cursor.execute("SELECT COMPACTIONS, ROWS_DELETED, ROWS_INDEXED "
                           "FROM information_schema.VECTOR_INDEXES WHERE TABLE_NAME = 'churn'")
            state = cursor.fetchone()
            if state[0] > 0:
                break
            nearest(cursor, "churn", "VEC_L2_DISTANCE", data[0])
            time.sleep(0.05)
        assert state == (1, 0, 100)
        for query in data[:20]:
            found = nearest(cursor, "churn", "VEC_L2_DISTANCE", query, k=5)
            exact = exact_nearest(cursor, "churn", "VEC_L2_DISTANCE", query, k=5)
            assert found == exact


def test_online_build_keeps_the_table_readable_and_writable(server, module_db, conn):
    """ADD VECTOR INDEX on a table with rows returns at once; while the graph is built in the
    background, progress shows in VECTOR_INDEXES and TIFLASH_INDEXES, queries answer exactly
    and writes go on; the rows written meanwhile are in the index once it is ready."""
    data = clustered(20000, 64, seed=12)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE online (id INT PRIMARY KEY, v VECTOR(64))")
        load(cursor, "online", data)
        cursor.execute("ALTER TABLE online ADD VECTOR INDEX idx ((VEC_L2_DISTANCE(v)))")
        seen_building = []
        writer = open_connection(server, database=module_db, autocommit=True)
        extra = clustered(50, 64, seed=13)
        with writer.cursor() as w:
            for i, vector in enumerate(extra):
                cursor.execute("SELECT STATE, ROWS_INDEXED FROM information_schema.VECTOR_INDEXES "
                               "WHERE TABLE_NAME = 'online'")
                state, rows = cursor.fetchone()
                if state == "BUILDING":
                    seen_building.append(rows)
                    cursor.execute("SELECT ROWS_STABLE_NOT_INDEXED FROM "
                                   "information_schema.TIFLASH_INDEXES WHERE TIDB_TABLE = 'online'")
                    assert cursor.fetchone()[0] > 0
                w.execute("INSERT INTO online VALUES (%s, %s)", (100000 + i, vector_text(vector)))
                w.execute("DELETE FROM online WHERE id = %s", (i,))
                found = nearest(cursor, "online", "VEC_L2_DISTANCE", vector, k=1)
                assert found[0][0] == 100000 + i and found[0][1] == 0.0
        writer.close()
        assert seen_building, "the build finished before the first look: no progress was visible"
        assert all(0 <= rows <= len(data) for rows in seen_building)
        wait_until_built(cursor, "online")
        cursor.execute("SELECT STATE, ROWS_INDEXED FROM information_schema.VECTOR_INDEXES "
                       "WHERE TABLE_NAME = 'online'")
        assert cursor.fetchone() == ("READY", len(data))
        for i, vector in enumerate(extra[:10]):
            found = nearest(cursor, "online", "VEC_L2_DISTANCE", vector, k=1)
            assert found[0][0] == 100000 + i


@pytest.mark.parametrize("modulus", [2, 10, 100])
def test_filtered_search_recall(conn, indexed, modulus):
    """WHERE MOD(id, m) = 0 (50%, 10%, 1% of the rows): the graph search admits only qualifying rows
    and still finds the k nearest of them."""
    queries = clustered(20, 32, seed=4)
    ids = np.arange(len(indexed))
    qualifying = ids[ids % modulus == 0]
    data = indexed[qualifying].astype(np.float64)
    where = f"WHERE MOD(id, {modulus}) = 0"
    hits = 0
    with conn.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT id FROM items {where} ORDER BY "
                       f"VEC_L2_DISTANCE(v, '{vector_text(queries[0])}') LIMIT {K}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "VectorIndexScan(index:idx_l2" in plan and "filter:" in plan, plan
        for query in queries:
            found = nearest(cursor, "items", "VEC_L2_DISTANCE", query, extra=where)
            assert all(row_id % modulus == 0 for row_id, _ in found)
            exact = np.linalg.norm(data - query.astype(np.float64), axis=1)
            truth = set(qualifying[np.argsort(exact, kind="stable")[:K]].tolist())
            hits += len(truth & {row[0] for row in found})
    recall = hits / (K * len(queries))
    assert recall >= 0.95, f"recall@10 {recall:.3f} at 1/{modulus} selectivity"


def counters(cursor):
    cursor.execute("SHOW GLOBAL STATUS LIKE 'Vexdb_vector_%'")
    return {name: int(value) for name, value in cursor.fetchall()}


@pytest.mark.parametrize("modulus, gives_up", [(2, False), (1000, True)])
def test_a_filter_admitting_few_rows_is_ranked_exactly(conn, indexed, modulus, gives_up):
    """A filtered graph search that has read a quarter of the rows for its WHERE clause without
    finding its k gives up (Vexdb_vector_filter_fallbacks) and the qualifying rows of a scan are
    ranked exactly: the answer is the exact one, with the exact distances. A clause admitting
    half the rows stays in the graph."""
    queries = clustered(5, 32, seed=6)
    ids = np.arange(len(indexed))
    qualifying = ids[ids % modulus == 0]
    where = f"WHERE MOD(id, {modulus}) = 0"
    with conn.cursor() as cursor:
        before = counters(cursor)
        for query in queries:
            found = nearest(cursor, "items", "VEC_L2_DISTANCE", query, extra=where)
            exact = np.linalg.norm(indexed[qualifying].astype(np.float64) - query, axis=1)
            order = np.argsort(exact, kind="stable")[:K]
            if gives_up:
                assert [row[0] for row in found] == qualifying[order].tolist()
                assert np.allclose([row[1] for row in found], exact[order], rtol=1e-6)
            else:
                assert len(found) == K and all(row[0] % modulus == 0 for row in found)
        after = counters(cursor)
    fallbacks = after["Vexdb_vector_filter_fallbacks"] - before["Vexdb_vector_filter_fallbacks"]
    assert after["Vexdb_vector_searches"] - before["Vexdb_vector_searches"] >= len(queries)
    assert fallbacks == (len(queries) if gives_up else 0)


@pytest.mark.parametrize("where, admits, exact_ranking", [
    ("id < 300", lambda ids: ids < 300, True),
    ("id >= 100", lambda ids: ids >= 100, False),
    ("a BETWEEN 5 AND 9", lambda ids: (ids % 100 >= 5) & (ids % 100 <= 9), True),
    ("a >= 3", lambda ids: ids % 100 >= 3, False)])
def test_a_range_is_ranked_exactly_only_when_few_rows(conn, indexed, where, admits,
                                                      exact_ranking):
    """A WHERE range that a primary key or secondary index serves is ranked exactly when it
    holds fewer than sqrt(ef * rows) = sqrt(64 * 3000) = 438 rows, and searched through the
    graph otherwise; either way the answer is the k nearest rows of the range."""
    queries = clustered(10, 32, seed=6)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS ranged (id INT PRIMARY KEY, a INT, "
                       "v VECTOR(32), KEY (a), VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        cursor.execute("SELECT COUNT(*) FROM ranged")
        if cursor.fetchone()[0] == 0:
            cursor.execute("INSERT INTO ranged SELECT id, id % 100, v FROM items")
        wait_until_built(cursor, "ranged")
        ids = np.arange(len(indexed))
        qualifying = ids[admits(ids)]
        assert (len(qualifying) < 438) == exact_ranking, len(qualifying)
        data = indexed[qualifying].astype(np.float64)
        before = counters(cursor)
        hits = 0
        for query in queries:
            found = nearest(cursor, "ranged", "VEC_L2_DISTANCE", query, extra=f"WHERE {where}")
            assert set(row[0] for row in found) <= set(qualifying.tolist())
            exact = np.linalg.norm(data - query.astype(np.float64), axis=1)
            truth = set(qualifying[np.argsort(exact, kind="stable")[:K]].tolist())
            hits += len(truth & {row[0] for row in found})
        after = counters(cursor)
    exact_ranges = after["Vexdb_vector_exact_ranges"] - before["Vexdb_vector_exact_ranges"]
    searches = after["Vexdb_vector_searches"] - before["Vexdb_vector_searches"]
    if exact_ranking:
        assert (exact_ranges, searches) == (len(queries), 0)
        assert hits == K * len(queries)
    else:
        assert exact_ranges == 0 and searches >= len(queries)
        assert hits / (K * len(queries)) >= 0.95


@pytest.fixture
def small(conn, request):
    """A fresh table with a cosine index over 2-dim vectors 1..8, built."""
    table = "small_" + request.node.name.split("[")[0][-20:]
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {table} (id INT PRIMARY KEY, v VECTOR(2), "
                       f"VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        values = ",".join(f"({i},'[{i},0]')" for i in range(1, 9))
        cursor.execute(f"INSERT INTO {table} VALUES {values}")
        wait_until_built(cursor, table)
    return table


def ids(cursor, table, query=(0, 0), k=3):
    return [row[0] for row in nearest(cursor, table, "VEC_L2_DISTANCE", np.array(query), k)]


def test_own_uncommitted_rows_visible_others_not(server, module_db, conn, small):
    writer = open_connection(server, database=module_db)
    reader = open_connection(server, database=module_db, autocommit=True)
    try:
        with writer.cursor() as w, reader.cursor() as r:
            w.execute("BEGIN")
            w.execute(f"INSERT INTO {small} VALUES (100, '[0.5,0]')")
            w.execute(f"DELETE FROM {small} WHERE id = 1")
            assert ids(w, small) == [100, 2, 3]
            assert ids(r, small) == [1, 2, 3]
            writer.rollback()
            assert ids(r, small) == [1, 2, 3]
            with conn.cursor() as c:
                assert ids(c, small) == [1, 2, 3]
    finally:
        writer.close()
        reader.close()


def test_deleted_rows_never_come_back(conn, small):
    with conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {small} WHERE id IN (1, 2)")
        assert ids(cursor, small) == [3, 4, 5]
        time.sleep(0.3)  # let the worker fold the log into the graph
        assert ids(cursor, small) == [3, 4, 5]
        cursor.execute(f"INSERT INTO {small} VALUES (1, '[1,0]')")
        assert ids(cursor, small) == [1, 3, 4]


def test_rows_the_transaction_deleted_are_left_out_of_the_graph_search(server, module_db,
                                                                       conn):
    """On a table the graph serves, a transaction that deleted three of the five nearest rows
    gets the next five visible ones from one graph search: the rows it logged are searched
    around and read as rows, which it no longer sees; other sessions still see all five."""
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE line (id INT PRIMARY KEY, v VECTOR(2), "
                       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        load(cursor, "line", np.array([[i, 0] for i in range(2000)], dtype=np.float32))
        wait_until_built(cursor, "line")
        cursor.execute("EXPLAIN SELECT id FROM line ORDER BY VEC_L2_DISTANCE(v, '[0,0]') LIMIT 5")
        assert "VectorIndexScan" in "\n".join(row[0] for row in cursor.fetchall())
    writer = open_connection(server, database=module_db)
    try:
        with writer.cursor() as w:
            w.execute("BEGIN")
            w.execute("DELETE FROM line WHERE id IN (0, 2, 4)")
            before = counters(w)["Vexdb_vector_searches"]
            assert [row[0] for row in nearest(w, "line", "VEC_L2_DISTANCE",
                                              np.zeros(2), k=5)] == [1, 3, 5, 6, 7]
            assert counters(w)["Vexdb_vector_searches"] - before == 1
            writer.rollback()
        with conn.cursor() as cursor:
            assert [row[0] for row in nearest(cursor, "line", "VEC_L2_DISTANCE",
                                              np.zeros(2), k=5)] == [0, 1, 2, 3, 4]
    finally:
        writer.close()


def test_updated_vector_is_found_at_its_new_place(conn, small):
    with conn.cursor() as cursor:
        cursor.execute(f"UPDATE {small} SET v = '[100,0]' WHERE id = 1")
        cursor.execute(f"UPDATE {small} SET v = '[0.1,0]' WHERE id = 8")
        assert ids(cursor, small) == [8, 2, 3]
        time.sleep(0.3)
        assert ids(cursor, small) == [8, 2, 3]
        assert ids(cursor, small, query=(100, 0), k=1) == [1]
        cursor.execute(f"UPDATE {small} SET v = NULL WHERE id = 2")
        found = nearest(cursor, small, "VEC_L2_DISTANCE", np.array([0, 0]), 2)
        assert [row[0] for row in found] == [2, 8] and found[0][1] is None


def run_for(seconds, stop, workers):
    """Runs each worker on its own thread for `seconds`, then sets `stop` and joins them."""
    threads = [threading.Thread(target=worker) for worker in workers]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(30)


def test_concurrent_writers_and_searchers(server, module_db, conn, small):
    errors = []
    stop = threading.Event()

    def write(worker):
        with open_connection(server, database=module_db, autocommit=True) as c, c.cursor() as cur:
            n = 0
            while not stop.is_set():
                row_id = 1000 + worker * 100000 + n
                cur.execute(f"INSERT INTO {small} VALUES (%s, %s)",
                            (row_id, f"[{n % 50},{worker}]"))
                if n % 3 == 0:
                    cur.execute(f"DELETE FROM {small} WHERE id = %s", (row_id,))
                n += 1

    def search():
        with open_connection(server, database=module_db, autocommit=True) as c, c.cursor() as cur:
            while not stop.is_set():
                found = nearest(cur, small, "VEC_L2_DISTANCE", np.array([3.0, 0.0]), 5)
                distances = [row[1] for row in found]
                if len(found) != 5 or distances != sorted(distances):
                    errors.append(found)

    run_for(2, stop, [lambda: write(0), lambda: write(1), search, search])
    assert not errors, errors[:3]
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT id, VEC_L2_DISTANCE(v, '[3,0]') AS d FROM {small} "
                       f"WHERE id > 0 ORDER BY d, id LIMIT 5")
        exact = cursor.fetchall()
        assert [d for _, d in nearest(cursor, small, "VEC_L2_DISTANCE", np.array([3, 0]), 5)] == \
            [d for _, d in exact]


def test_index_rebuilt_after_kill_9(server_factory, crash_and_restart):
    crash_server = server_factory("vector_crash")
    data = clustered(500, 8, seed=3)
    with open_connection(crash_server, autocommit=True) as c, c.cursor() as cursor:
        cursor.execute("CREATE TABLE crashed (id INT PRIMARY KEY, v VECTOR(8), "
                       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        load(cursor, "crashed", data)
        cursor.execute("DELETE FROM crashed WHERE id < 100")
        cursor.execute("INSERT INTO crashed (id) VALUES (1000)")
    crash_and_restart(crash_server)
    with open_connection(crash_server, autocommit=True) as c, c.cursor() as cursor:
        wait_until_built(cursor, "crashed")
        found = nearest(cursor, "crashed", "VEC_L2_DISTANCE", np.zeros(8), k=1000)
        returned = [row[0] for row in found]
        assert returned[0] == 1000 and found[0][1] is None  # the NULL vector sorts first
        assert sorted(returned[1:]) == list(range(100, 500))


def test_a_bf16_graph_reads_the_rows(conn):
    """A BF16 graph keeps no float32 vectors: the rows are read."""
    data = clustered(200, 16, seed=9)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE cosine_rows (id INT PRIMARY KEY, v VECTOR(16), "
                       "VECTOR INDEX idx ((VEC_COSINE_DISTANCE(v))) QUANTIZATION=BF16)")
        cursor.executemany("INSERT INTO cosine_rows VALUES (%s, %s)",
                           [(i, vector_text(v)) for i, v in enumerate(data)])
        wait_until_built(cursor, "cosine_rows")
        time.sleep(0.3)  # past the worker's poll, when an index-only read would be allowed
        before = status(cursor, "Vexdb_vector_rows_from_graph")
        cursor.execute(f"SELECT id, v FROM cosine_rows "
                       f"ORDER BY VEC_COSINE_DISTANCE(v, '{vector_text(data[5])}') LIMIT 5")
        rows = cursor.fetchall()
        assert rows[0][0] == 5
        assert status(cursor, "Vexdb_vector_rows_from_graph") == before


def status(cursor, name):
    cursor.execute(f"SHOW GLOBAL STATUS LIKE '{name}'")
    return int(cursor.fetchone()[1])


@pytest.mark.parametrize("function, quantization", [
    ("VEC_L2_DISTANCE", "NONE"), ("VEC_L2_DISTANCE", "INT8"), ("VEC_COSINE_DISTANCE", "NONE"),
    ("VEC_COSINE_DISTANCE", "INT8")])
def test_index_only_rows_equal_the_tables(conn, function, quantization):
    """A query reading only the key and the vector of an index that keeps the vectors as added
    takes them from the graph once it is current: same rows, same distances and vectors as when
    the rows are read. A cosine float32 graph keeps them as added with their inverse norm, an
    INT8 graph serves them from its float32 copies."""
    data = clustered(500, 16, seed=7)
    table = f"covered_{function[4:6].lower()}_{quantization.lower()}"
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {table} (id INT UNSIGNED PRIMARY KEY, tag VARCHAR(8), "
                       f"v VECTOR(16), VECTOR INDEX idx (({function}(v))) "
                       f"QUANTIZATION={quantization})")
        cursor.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s)",
                           [(i + 3_000_000_000, f"t{i}", vector_text(v)) for i, v in enumerate(data)])
        wait_until_built(cursor, table)
        query = vector_text(data[3])
        covered = (f"SELECT id, v, {function}(v, '{query}') AS d FROM {table} "
                   f"ORDER BY d LIMIT 10")
        with_tag = (f"SELECT id, v, {function}(v, '{query}') AS d, tag FROM {table} "
                    f"ORDER BY d LIMIT 10")
        deadline = time.monotonic() + 10
        while True:  # the worker marks the graph current within its 100 ms poll
            before = status(cursor, "Vexdb_vector_rows_from_graph")
            cursor.execute(covered)
            from_graph = cursor.fetchall()
            if status(cursor, "Vexdb_vector_rows_from_graph") - before == 10:
                break
            assert time.monotonic() < deadline, "the graph never served the rows"
            time.sleep(0.05)
        before = status(cursor, "Vexdb_vector_rows_from_graph")
        cursor.execute(with_tag)
        read = cursor.fetchall()
        assert status(cursor, "Vexdb_vector_rows_from_graph") == before  # tag needs the row
        assert [row[:3] for row in read] == list(from_graph)
        assert from_graph[0][0] == 3_000_000_003 and from_graph[0][2] == 0

        # A committed delete is never served from the graph, drained or not.
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", (3_000_000_003,))
        cursor.execute(covered)
        after_delete = cursor.fetchall()
        cursor.execute(with_tag)
        assert [row[:3] for row in cursor.fetchall()] == list(after_delete)
        assert [row[0] for row in after_delete[:9]] == [row[0] for row in read[1:]]


def test_index_only_search_matches_exact_search_under_writes(server, module_db, conn):
    """Searchers compare, in one snapshot, the index-only top 5 with an exact top 5 while
    writers move, delete and re-insert rows: the graph is never trusted beyond the snapshot."""
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE moving (id INT PRIMARY KEY, v VECTOR(2), "
                       "VECTOR INDEX idx ((VEC_L2_DISTANCE(v))))")
        cursor.execute("INSERT INTO moving VALUES " +
                       ",".join(f"({i},'[{i % 40},{i // 40}]')" for i in range(200)))
        wait_until_built(cursor, "moving")
    errors, compared, stop = [], [], threading.Event()

    def write(worker):
        rng = np.random.default_rng(worker)
        with open_connection(server, database=module_db, autocommit=True) as c, c.cursor() as cur:
            while not stop.is_set():
                row_id = int(rng.integers(200))
                x, y = rng.integers(0, 40, size=2)
                action = rng.integers(3)
                if action == 0:
                    cur.execute("UPDATE moving SET v = %s WHERE id = %s", (f"[{x},{y}]", row_id))
                elif action == 1:
                    cur.execute("DELETE FROM moving WHERE id = %s", (row_id,))
                else:
                    cur.execute("REPLACE INTO moving VALUES (%s, %s)", (row_id, f"[{x},{y}]"))

    def search(worker):
        rng = np.random.default_rng(100 + worker)
        with open_connection(server, database=module_db) as c, c.cursor() as cur:
            cur.execute("SET hnsw_ef_search = 1000")
            while not stop.is_set():
                q = f"[{rng.integers(0, 40)},{rng.integers(0, 5)}]"
                cur.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT")
                cur.execute(f"SELECT id, VEC_L2_DISTANCE(v, '{q}') AS d FROM moving "
                            f"ORDER BY d LIMIT 5")
                indexed = cur.fetchall()
                cur.execute(f"SELECT id, VEC_L2_DISTANCE(v, '{q}') AS d FROM moving "
                            f"WHERE id >= 0 ORDER BY d, id LIMIT 5")
                exact = cur.fetchall()
                cur.execute("COMMIT")
                compared.append(q)
                if [d for _, d in indexed] != [d for _, d in exact]:
                    errors.append((q, indexed, exact))

    with conn.cursor() as cursor:
        served = status(cursor, "Vexdb_vector_rows_from_graph")
    run_for(3, stop, [lambda: write(0), lambda: write(1), lambda: search(0), lambda: search(1)])
    assert not errors, errors[:3]
    assert len(compared) > 50
    with conn.cursor() as cursor:
        time.sleep(0.3)
        nearest(cursor, "moving", "VEC_L2_DISTANCE", np.array([5, 0]), 5)
        assert status(cursor, "Vexdb_vector_rows_from_graph") > served
