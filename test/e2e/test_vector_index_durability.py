"""Vector index graphs survive restarts through their checkpoints, and kill -9 loses nothing.

- After the build the graphs are checkpointed; a clean restart loads them (SOURCE = CHECKPOINT in
  information_schema.VECTOR_INDEXES) and re-reads no row.
- After kill -9 the server loads the last checkpoint and re-reads exactly the rows changed since
  (ROWS_REPLAYED), from the index log written in the same transaction as each row.
- Under a write load killed with SIGKILL at random moments, the rows the index returns after
  restart are exactly the committed rows with a non-NULL vector, and every acknowledged write
  is there.
- A corrupt checkpoint is not trusted: the graph is rebuilt from the table; a torn temporary
  file from a crash mid-checkpoint is ignored.
"""

import random
import threading
import time

import numpy as np
import pymysql
import pytest

from drivers import open_connection
from vector_data import clustered, load, nearest, vector_text, wait_until_built

DIM = 8
ORIGIN = np.zeros(DIM)
VECTOR, NULL, ABSENT = "vector", "null", "absent"  # a row's state, as Writer tracks it


def index_state(cursor, table):
    cursor.execute("SELECT STATE, SOURCE, ROWS_INDEXED, ROWS_REPLAYED, CHECKPOINTS "
                   "FROM information_schema.VECTOR_INDEXES "
                   "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s", (table,))
    return cursor.fetchone()


def index_rows(cursor, table):
    """Every row the index path returns (k beyond the table size), after checking it is used."""
    query = f"ORDER BY VEC_L2_DISTANCE(v, '{vector_text(ORIGIN)}') LIMIT 100000"
    cursor.execute(f"EXPLAIN SELECT id FROM {table} {query}")
    plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "VectorIndexScan" in plan, plan
    cursor.execute(f"SELECT id, v FROM {table} {query}")
    return {row[0] for row in cursor.fetchall() if row[1] is not None}


def table_rows(cursor, table):
    cursor.execute(f"SELECT id FROM {table} WHERE v IS NOT NULL")
    return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def durable(server_factory):
    """A server of its own with docs(id, v VECTOR(8)) of 400 rows, then its L2 index built."""
    server = server_factory("vector_durable")
    with open_connection(server, autocommit=True) as c, c.cursor() as cursor:
        cursor.execute(f"CREATE TABLE docs (id INT PRIMARY KEY, v VECTOR({DIM}))")
        load(cursor, "docs", clustered(400, DIM, seed=7))
        cursor.execute("ALTER TABLE docs ADD VECTOR INDEX idx ((VEC_L2_DISTANCE(v)))")
        wait_until_built(cursor, "docs")
        assert index_state(cursor, "docs") == ("READY", "BUILD", 400, 0, 1)
    return server


def change_30_rows(cursor):
    """20 inserts, 5 deletes, 5 vector updates: 30 distinct rows."""
    load(cursor, "docs", clustered(20, DIM, seed=8), start=1000)
    cursor.execute("DELETE FROM docs WHERE id < 5")
    cursor.execute(f"UPDATE docs SET v = '{vector_text(np.full(DIM, 0.5))}' "
                   "WHERE id BETWEEN 10 AND 14")
    wait_until_built(cursor, "docs")


def test_clean_restart_loads_the_checkpoint(durable):
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        change_30_rows(cursor)
    durable.stop()
    durable.start()
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        wait_until_built(cursor, "docs")
        assert index_state(cursor, "docs") == ("READY", "CHECKPOINT", 415, 0, 0)
        assert index_rows(cursor, "docs") == table_rows(cursor, "docs")
        found = nearest(cursor, "docs", "VEC_L2_DISTANCE", np.full(DIM, 0.5), k=5)
        assert sorted(row[0] for row in found) == [10, 11, 12, 13, 14]
        assert [row[1] for row in found] == [0.0] * 5


def test_kill_9_replays_only_the_rows_changed_since_the_checkpoint(durable, crash_and_restart):
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        change_30_rows(cursor)
    crash_and_restart(durable)
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        wait_until_built(cursor, "docs")
        assert index_state(cursor, "docs") == ("READY", "CHECKPOINT", 415, 30, 0)
        assert index_rows(cursor, "docs") == table_rows(cursor, "docs")


def test_corrupt_checkpoint_is_rebuilt_from_the_table(durable):
    durable.stop()
    (checkpoint,) = (durable.data_dir / "vector_index").glob("*.hnsw")
    data = bytearray(checkpoint.read_bytes())
    data[len(data) // 2] ^= 0xFF
    checkpoint.write_bytes(bytes(data))
    durable.start()
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        wait_until_built(cursor, "docs")
        assert index_state(cursor, "docs") == ("READY", "BUILD", 400, 0, 1)
        assert index_rows(cursor, "docs") == table_rows(cursor, "docs")
    assert "checksum mismatch" in durable.log_path.read_text()


def test_torn_temporary_checkpoint_is_ignored(durable):
    """A crash while a checkpoint is written leaves a torn <name>.tmp beside the last good file:
    the server loads the good one."""
    durable.stop()
    (checkpoint,) = (durable.data_dir / "vector_index").glob("*.hnsw")
    checkpoint.with_name(checkpoint.name + ".tmp").write_bytes(checkpoint.read_bytes()[:1000])
    durable.start()
    with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
        wait_until_built(cursor, "docs")
        assert index_state(cursor, "docs") == ("READY", "CHECKPOINT", 400, 0, 0)
        assert index_rows(cursor, "docs") == table_rows(cursor, "docs")


class Writer(threading.Thread):
    """Random autocommit inserts, deletes, vector updates and NULLings until the server dies.

    `acknowledged[id]` is the row's state after the last write the server acknowledged
    (VECTOR, NULL or ABSENT); `in_doubt` holds the id of a write that was in flight when the
    connection broke, whose outcome either way is correct.
    """

    def __init__(self, server, seed, acknowledged, part, parts):
        super().__init__(daemon=True)
        self.server = server
        self.part, self.parts = part, parts  # writes only rows with id % parts == part
        self.rng = random.Random(seed)
        self.acknowledged = acknowledged
        self.in_doubt = set()
        self.writes = 0

    def run(self):
        try:
            with open_connection(self.server, autocommit=True) as c, c.cursor() as cursor:
                while True:
                    self.write_one(cursor)
        except (pymysql.err.OperationalError, pymysql.err.InterfaceError):
            pass

    def write_one(self, cursor):
        row = self.rng.randrange(1000) * self.parts + self.part
        op = self.rng.random()
        vector = vector_text(np.array([self.rng.gauss(0, 4) for _ in range(DIM)]))
        self.in_doubt = {row}
        if op < 0.5:
            cursor.execute("REPLACE INTO docs VALUES (%s, %s)", (row, vector))
            state = VECTOR
        elif op < 0.75:
            cursor.execute("DELETE FROM docs WHERE id = %s", (row,))
            state = ABSENT
        else:
            null = op >= 0.95
            cursor.execute("UPDATE docs SET v = %s WHERE id = %s", (None if null else vector, row))
            exists = self.acknowledged.get(row, ABSENT) != ABSENT
            state = (NULL if null else VECTOR) if exists else ABSENT
        self.acknowledged[row] = state
        self.in_doubt = set()
        self.writes += 1


def test_kill_9_under_write_load_keeps_index_and_table_in_step(durable, crash_and_restart):
    acknowledged = {i: VECTOR for i in range(400)}
    rng = random.Random(11)
    for round_ in range(3):
        writers = [Writer(durable, seed=100 * round_ + i, acknowledged=acknowledged, part=i,
                          parts=2) for i in range(2)]
        for writer in writers:
            writer.start()
        time.sleep(rng.uniform(0.5, 1.5))
        crash_and_restart(durable)
        for writer in writers:
            writer.join(timeout=30)
            assert not writer.is_alive()
        assert sum(writer.writes for writer in writers) > 0
        in_doubt = set().union(*(writer.in_doubt for writer in writers))
        with open_connection(durable, autocommit=True) as c, c.cursor() as cursor:
            wait_until_built(cursor, "docs")
            state, source = index_state(cursor, "docs")[:2]
            assert (state, source) == ("READY", "CHECKPOINT")
            returned = index_rows(cursor, "docs")
            assert returned == table_rows(cursor, "docs"), f"round {round_}"
            expected = {row for row, state in acknowledged.items() if state == VECTOR}
            assert returned - in_doubt == expected - in_doubt, f"round {round_}"
            # Rows in doubt now have whatever state the table gave them.
            for row in in_doubt:
                cursor.execute("SELECT v IS NULL FROM docs WHERE id = %s", (row,))
                found = cursor.fetchone()
                acknowledged[row] = ABSENT if found is None else NULL if found[0] else VECTOR
