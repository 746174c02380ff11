"""Transactions: snapshot isolation as DESIGN.md states it, savepoints, locking reads.

Each test uses two or more PyMySQL connections to the shared server and checks what one sees of
the other's work: uncommitted writes are invisible, reads repeat within a transaction, the
second of two writers of one row gets 1213 (SQLSTATE 40001) instead of losing the first's
update, and SELECT ... FOR UPDATE makes other writers wait.
"""

import threading
import time

import pymysql
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


@pytest.fixture
def accounts(connect, module_db):
    conn = connect(database=module_db, autocommit=True)
    with conn.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS accounts")
        cursor.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL)")
        cursor.execute("INSERT INTO accounts VALUES (1, 100), (2, 200)")
    return module_db


def balance(conn, account_id):
    with conn.cursor() as cursor:
        cursor.execute("SELECT balance FROM accounts WHERE id = %s", (account_id,))
        row = cursor.fetchone()
    return None if row is None else row[0]


def execute(conn, sql, args=None):
    with conn.cursor() as cursor:
        cursor.execute(sql, args)
        return cursor.rowcount


def test_uncommitted_writes_are_invisible(connect, accounts):
    writer = connect(database=accounts)
    reader = connect(database=accounts, autocommit=True)
    execute(writer, "UPDATE accounts SET balance = 150 WHERE id = 1")
    execute(writer, "INSERT INTO accounts VALUES (3, 300)")
    assert balance(reader, 1) == 100
    assert balance(reader, 3) is None
    writer.commit()
    assert balance(reader, 1) == 150
    assert balance(reader, 3) == 300


def test_rollback_discards_everything(connect, accounts):
    conn = connect(database=accounts)
    execute(conn, "UPDATE accounts SET balance = 0")
    execute(conn, "DELETE FROM accounts WHERE id = 2")
    conn.rollback()
    assert balance(conn, 1) == 100
    assert balance(conn, 2) == 200


def test_reads_repeat_within_a_transaction(connect, accounts):
    reader = connect(database=accounts)  # autocommit off: the first read opens the transaction
    writer = connect(database=accounts, autocommit=True)
    assert balance(reader, 1) == 100
    execute(writer, "UPDATE accounts SET balance = 999 WHERE id = 1")
    execute(writer, "INSERT INTO accounts VALUES (4, 400)")
    assert balance(reader, 1) == 100
    assert balance(reader, 4) is None
    with reader.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accounts")
        assert cursor.fetchone()[0] == 2
    reader.commit()
    assert balance(reader, 1) == 999


def test_second_writer_gets_1213_not_a_lost_update(connect, accounts):
    first = connect(database=accounts)
    second = connect(database=accounts)
    execute(second, "BEGIN")
    assert balance(second, 1) == 100  # second's snapshot predates first's commit
    execute(first, "UPDATE accounts SET balance = balance + 10 WHERE id = 1")
    first.commit()
    with pytest.raises(pymysql.err.OperationalError) as error:
        execute(second, "UPDATE accounts SET balance = balance + 1 WHERE id = 1")
    assert error.value.args[0] == 1213
    second.rollback()
    assert balance(second, 1) == 110


def test_conflict_while_first_writer_is_open_waits_then_fails(connect, accounts):
    first = connect(database=accounts)
    second = connect(database=accounts)
    execute(first, "UPDATE accounts SET balance = 1 WHERE id = 2")
    execute(second, "BEGIN")
    outcome = {}

    def second_update():
        try:
            execute(second, "UPDATE accounts SET balance = 2 WHERE id = 2")
            outcome["result"] = "updated"
        except pymysql.err.OperationalError as exc:
            outcome["result"] = exc.args[0]

    thread = threading.Thread(target=second_update)
    thread.start()
    time.sleep(0.5)
    assert thread.is_alive(), "the second writer must wait for the first one's row lock"
    first.commit()
    thread.join(timeout=30)
    assert outcome["result"] == 1213
    second.rollback()
    assert balance(second, 2) == 1


def test_deadlock_error_rolls_back_the_whole_transaction(connect, accounts):
    first = connect(database=accounts)
    second = connect(database=accounts)
    execute(second, "BEGIN")
    execute(second, "INSERT INTO accounts VALUES (5, 500)")
    execute(first, "UPDATE accounts SET balance = 7 WHERE id = 1")
    first.commit()
    with pytest.raises(pymysql.err.OperationalError):
        execute(second, "UPDATE accounts SET balance = 8 WHERE id = 1")
    second.commit()
    assert balance(second, 5) is None


def test_select_for_update_blocks_other_writers(connect, accounts):
    locker = connect(database=accounts)
    writer = connect(database=accounts)
    execute(writer, "BEGIN")
    with locker.cursor() as cursor:
        cursor.execute("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        assert cursor.fetchone() == (100,)
    finished = threading.Event()

    def write():
        execute(writer, "UPDATE accounts SET balance = 50 WHERE id = 1")
        finished.set()

    thread = threading.Thread(target=write)
    thread.start()
    assert not finished.wait(0.5), "UPDATE must wait for the FOR UPDATE lock"
    locker.commit()
    assert finished.wait(30)
    thread.join()
    writer.commit()
    assert balance(locker, 1) == 50


@pytest.mark.parametrize("sql", [
    "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE",
    "SELECT id FROM accounts WHERE id IN (SELECT id FROM accounts WHERE id = 1 FOR UPDATE)",
    "SELECT a.balance FROM (SELECT * FROM accounts WHERE id = 1 FOR UPDATE) AS a",
])
def test_autocommit_locking_reads_still_lock(connect, accounts, sql):
    # An autocommit SELECT reads a snapshot without a transaction, unless it locks rows anywhere:
    # then it waits for the row lock like any locking read, as long as the session's
    # innodb_lock_wait_timeout says.
    holder = connect(database=accounts)
    reader = connect(database=accounts, autocommit=True)
    execute(holder, "UPDATE accounts SET balance = 1 WHERE id = 1")  # holds the row lock
    execute(reader, "SET innodb_lock_wait_timeout = 1")
    assert balance(reader, 1) == 100  # the plain read neither waits nor sees the update
    with pytest.raises(pymysql.err.OperationalError) as error:
        execute(reader, sql)
    assert error.value.args[0] == 1205
    holder.rollback()
    execute(reader, sql)


def test_statement_is_atomic(connect, accounts):
    conn = connect(database=accounts)
    execute(conn, "INSERT INTO accounts VALUES (10, 1)")
    with pytest.raises(pymysql.err.IntegrityError):
        execute(conn, "INSERT INTO accounts VALUES (11, 1), (1, 1), (12, 1)")
    conn.commit()  # the transaction survives a failed statement; only the statement is undone
    assert balance(conn, 10) == 1
    assert balance(conn, 11) is None
    assert balance(conn, 12) is None


def test_autocommit_switch_and_status(connect, accounts):
    conn = connect(database=accounts)
    assert conn.get_autocommit() is False
    execute(conn, "UPDATE accounts SET balance = 5 WHERE id = 1")
    conn.autocommit(True)  # turning autocommit on commits the open transaction
    other = connect(database=accounts, autocommit=True)
    assert balance(other, 1) == 5
    with conn.cursor() as cursor:
        cursor.execute("SELECT @@autocommit, @@transaction_isolation")
        assert cursor.fetchone() == (1, "REPEATABLE-READ")
    execute(conn, "SET autocommit = OFF")
    with conn.cursor() as cursor:
        cursor.execute("SELECT @@session.autocommit")
        assert cursor.fetchone() == (0,)


def test_named_savepoints(connect, accounts):
    conn = connect(database=accounts)
    execute(conn, "BEGIN")
    execute(conn, "INSERT INTO accounts VALUES (20, 1)")
    execute(conn, "SAVEPOINT a")
    execute(conn, "INSERT INTO accounts VALUES (21, 1)")
    execute(conn, "SAVEPOINT b")
    execute(conn, "INSERT INTO accounts VALUES (22, 1)")
    execute(conn, "ROLLBACK TO SAVEPOINT a")
    execute(conn, "INSERT INTO accounts VALUES (23, 1)")
    execute(conn, "RELEASE SAVEPOINT a")
    with pytest.raises(pymysql.err.OperationalError) as error:
        execute(conn, "ROLLBACK TO SAVEPOINT b")
    assert error.value.args[0] == 1305
    conn.commit()
    assert [balance(conn, i) for i in (20, 21, 22, 23)] == [1, None, None, 1]


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(sa.String(20))


def test_sqlalchemy_begin_nested(server, module_db):
    engine = sa.create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/{module_db}")
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Item(name="outer"))
        session.flush()
        with session.begin_nested() as nested:
            session.add(Item(name="dropped"))
            session.flush()
            nested.rollback()
        with session.begin_nested():
            session.add(Item(name="kept"))
        session.commit()
    with Session(engine) as session:
        names = session.scalars(sa.select(Item.name).order_by(Item.id)).all()
    assert names == ["outer", "kept"]
    Base.metadata.drop_all(engine)
    engine.dispose()


def test_autocommit_increments_of_a_hot_row_all_land(connect, accounts):
    threads, increments = 4, 50
    errors = []

    def worker():
        conn = connect(database=accounts, autocommit=True)
        try:
            for _ in range(increments):
                execute(conn, "UPDATE accounts SET balance = balance + 1 WHERE id = 1")
        except pymysql.err.MySQLError as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=60)
    assert errors == []
    assert balance(connect(database=accounts, autocommit=True), 1) == 100 + threads * increments


def test_kill_query_interrupts_sleep(connect):
    victim = connect(autocommit=True)
    killer = connect(autocommit=True)
    victim_id = victim.thread_id()
    result = {}

    def sleep():
        with victim.cursor() as cursor:
            started = time.monotonic()
            cursor.execute("SELECT SLEEP(20)")
            result["value"] = cursor.fetchone()[0]
            result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=sleep)
    thread.start()
    time.sleep(0.3)
    execute(killer, f"KILL QUERY {victim_id}")
    thread.join(timeout=10)
    assert result["value"] == 1
    assert result["seconds"] < 5
    with victim.cursor() as cursor:  # the connection stays usable after KILL QUERY
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
