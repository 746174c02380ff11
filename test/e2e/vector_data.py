"""Shared helpers of the vector index e2e tests: seeded data, loading, waiting for the index."""

import time

import numpy as np
import pytest

K = 10


def vector_text(v):
    return "[" + ",".join(repr(float(x)) for x in v) + "]"


def clustered(rows, dim, seed):
    """Seeded clustered float32 data: 20 Gaussian centres."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((20, dim)).astype(np.float32) * 4
    labels = rng.integers(0, 20, rows)
    return (centres[labels] + rng.standard_normal((rows, dim)).astype(np.float32)).astype(
        np.float32)


def load(cursor, table, data, start=0):
    for i in range(0, len(data), 500):
        values = ",".join(f"({start + i + j},'{vector_text(v)}')"
                          for j, v in enumerate(data[i:i + 500]))
        cursor.execute(f"INSERT INTO {table} VALUES {values}")


def wait_until_built(cursor, table, timeout=120):
    """Polls TIFLASH_INDEXES until every vector index of the table is built and caught up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cursor.execute("SELECT MAX(ROWS_STABLE_NOT_INDEXED + ROWS_DELTA_NOT_INDEXED) "
                       "FROM information_schema.TIFLASH_INDEXES "
                       "WHERE TIDB_DATABASE = DATABASE() AND TIDB_TABLE = %s", (table,))
        if cursor.fetchone()[0] == 0:
            return
        time.sleep(0.05)
    pytest.fail(f"vector index of {table} not built within {timeout} s")


def nearest(cursor, table, function, query, k=K, extra=""):
    """(id, distance) of the k rows nearest to query, as the server orders them."""
    cursor.execute(f"SELECT id, {function}(v, %s) AS d FROM {table} {extra} ORDER BY d LIMIT {k}",
                   (vector_text(query),))
    return cursor.fetchall()


def exact_nearest(cursor, table, function, query, k=K):
    """nearest() by an exact scan: a second sort key keeps any vector index out, and id is the
    order an exact top-k keeps rows at equal distance in."""
    cursor.execute(f"SELECT id, {function}(v, %s) AS d FROM {table} ORDER BY d, id LIMIT {k}",
                   (vector_text(query),))
    return cursor.fetchall()
