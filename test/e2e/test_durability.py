"""Acknowledged writes survive kill -9; unacknowledged transactions vanish whole.

Writer threads insert rows with client-chosen ids while the server runs under load, each recording
the ids the server acknowledged (an autocommit INSERT or a COMMIT that returned OK) and the ids it
had in flight when the connection died. The server is killed with SIGKILL mid-load and restarted
on the same data directory. Then:
  * every acknowledged row is present;
  * any other row present belongs to a statement or transaction that was in flight;
  * a transaction is present whole or not at all.

These tests run on a server of their own, so the crashes do not disturb other modules.
"""

import threading
import time

import pymysql
import pytest

from drivers import open_connection

WRITERS = 4
ROWS_PER_TRANSACTION = 5
ID_STRIDE = 10_000_000
MIN_ACKS_PER_WRITER = 20
MAX_LOAD_SECONDS = 30
MIN_LOAD_SECONDS = 2


@pytest.fixture(scope="module")
def crash_server(server_factory):
    return server_factory("durability")


@pytest.fixture(scope="module")
def durability_db(crash_server):
    with open_connection(crash_server, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute("CREATE DATABASE durability")
    return "durability"


class Writer(threading.Thread):
    """Inserts rows until told to stop or until its connection dies.

    In autocommit mode each INSERT is one row; otherwise each transaction inserts
    ROWS_PER_TRANSACTION rows with one statement each and then commits.
    """

    def __init__(self, server, database, table, number, autocommit):
        super().__init__(name=f"writer-{number}", daemon=True)
        self.conn = open_connection(server, database=database, autocommit=autocommit)
        self.table = table
        self.next_id = number * ID_STRIDE
        self.batch = 1 if autocommit else ROWS_PER_TRANSACTION
        self.acknowledged = []
        self.in_flight = []
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.stop.is_set() and self.next_id % ID_STRIDE < ID_STRIDE - self.batch:
                self.write_batch()
        except (pymysql.MySQLError, OSError) as exc:
            self.error = exc

    def write_batch(self):
        self.in_flight = list(range(self.next_id, self.next_id + self.batch))
        with self.conn.cursor() as cursor:
            for row_id in self.in_flight:
                cursor.execute(f"INSERT INTO {self.table} (id, txn, payload) VALUES (%s, %s, %s)",
                               (row_id, self.in_flight[0], f"row {row_id}"))
        if self.batch > 1:
            self.conn.commit()
        self.acknowledged.extend(self.in_flight)
        self.in_flight = []
        self.next_id += self.batch


def create_table(server, database, table):
    with open_connection(server, database=database, autocommit=True) as conn:
        with conn.cursor() as cursor:
            cursor.execute(f"CREATE TABLE {table} (id BIGINT PRIMARY KEY, txn BIGINT NOT NULL, "
                           f"payload VARCHAR(100) NOT NULL)")


def run_load_until_enough_acks(writers):
    """Starts the writers and returns once each has MIN_ACKS_PER_WRITER acknowledged rows."""
    for writer in writers:
        writer.start()
    started = time.monotonic()
    deadline = started + MAX_LOAD_SECONDS
    while time.monotonic() < deadline:
        elapsed = time.monotonic() - started
        if elapsed >= MIN_LOAD_SECONDS and all(
                len(w.acknowledged) >= MIN_ACKS_PER_WRITER for w in writers):
            return
        failed = [w for w in writers if not w.is_alive()]
        assert not failed, f"{failed[0].name} stopped before the crash: {failed[0].error}"
        time.sleep(0.05)
    pytest.fail(f"writers did not reach {MIN_ACKS_PER_WRITER} acknowledged rows each "
                f"within {MAX_LOAD_SECONDS}s: {[len(w.acknowledged) for w in writers]}")


def rows_after_crash(server, database, table, writers):
    """Kills the server mid-load, restarts it and returns {id: txn} of the rows it kept."""
    server.kill()
    for writer in writers:
        writer.stop.set()
        writer.join(timeout=30)
        assert not writer.is_alive(), f"{writer.name} still running after the crash"
    server.start()
    with open_connection(server, database=database) as conn, conn.cursor() as cursor:
        cursor.execute(f"SELECT id, txn FROM {table}")
        return dict(cursor.fetchall())


def test_acknowledged_rows_survive_kill_9(crash_server, durability_db):
    table = "crash_load"
    create_table(crash_server, durability_db, table)
    writers = [Writer(crash_server, durability_db, table, number, autocommit=number % 2 == 0)
               for number in range(WRITERS)]
    run_load_until_enough_acks(writers)
    rows = rows_after_crash(crash_server, durability_db, table, writers)

    acknowledged = {row_id for w in writers for row_id in w.acknowledged}
    in_flight = {row_id for w in writers for row_id in w.in_flight}
    missing = sorted(acknowledged - rows.keys())
    assert not missing, f"{len(missing)} acknowledged rows lost, first {missing[:10]}"
    unexpected = sorted(rows.keys() - acknowledged - in_flight)
    assert not unexpected, f"rows that were never written: {unexpected[:10]}"
    for writer in writers:
        if writer.batch > 1 and writer.in_flight:
            kept = [row_id for row_id in writer.in_flight if row_id in rows]
            assert kept in ([], writer.in_flight), f"partial transaction survived: {kept}"


def test_committed_survives_and_open_transaction_vanishes(crash_server, durability_db,
                                                          crash_and_restart):
    table = "crash_serial"
    create_table(crash_server, durability_db, table)
    committed = open_connection(crash_server, database=durability_db)
    open_txn = open_connection(crash_server, database=durability_db)
    with committed.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} VALUES (1, 1, 'committed'), (2, 1, 'committed')")
    committed.commit()
    with open_txn.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} VALUES (3, 3, 'open')")
        cursor.execute(f"UPDATE {table} SET payload = 'changed' WHERE id = 1")

    crash_and_restart(crash_server)

    with open_connection(crash_server, database=durability_db) as conn:
        with conn.cursor() as cursor:
            cursor.execute(f"SELECT id, payload FROM {table} ORDER BY id")
            assert cursor.fetchall() == ((1, "committed"), (2, "committed"))
