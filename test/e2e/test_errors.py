"""Errors reach every driver with MySQL's errno, SQLSTATE and message, and bad input of any kind
never takes the server down.

The malformed-input tests speak the protocol below the drivers: unterminated SQL, statements of
16 MiB that span several packets, garbage where a handshake response or a command should be, and
clients that vanish in the middle of a result set. After each test the server must still be
running and serve a new connection.
"""

import random
import signal
import socket
import struct
import subprocess
import sys

import pymysql
import pytest
import sqlalchemy

from drivers import errno_of, message_of, open_connection

MAX_PACKET = 0xFFFFFF
COM_QUERY = 0x03
UNKNOWN_COMMAND = 0xEE

# errno -> (SQL that provokes it, SQLSTATE, the message MySQL 8.0 / TiDB give).
ERROR_CASES = {
    1064: ("SELEC 1", "42000", "You have an error in your SQL syntax"),
    1146: ("SELECT * FROM no_such_table", "42S02", "Table '{db}.no_such_table' doesn't exist"),
    1054: ("SELECT no_such_column FROM errors_t", "42S22",
           "Unknown column 'no_such_column' in 'field list'"),
    1062: ("INSERT INTO errors_t (id, name) VALUES (1, 'duplicate')", "23000",
           "Duplicate entry '1' for key 'errors_t.PRIMARY'"),
    1048: ("INSERT INTO errors_t (id, name) VALUES (2, NULL)", "23000",
           "Column 'name' cannot be null"),
    1452: ("INSERT INTO errors_child (id, parent_id) VALUES (1, 42)", "23000",
           "Cannot add or update a child row: a foreign key constraint fails "
           "(`{db}`.`errors_child`, CONSTRAINT `errors_child_ibfk_1` FOREIGN KEY (`parent_id`) "
           "REFERENCES `errors_t` (`id`))"),
    1451: ("DELETE FROM errors_t WHERE id = 1", "23000",
           "Cannot delete or update a parent row: a foreign key constraint fails "
           "(`{db}`.`errors_child`, CONSTRAINT `errors_child_ibfk_1` FOREIGN KEY (`parent_id`) "
           "REFERENCES `errors_t` (`id`))"),
    1406: ("INSERT INTO errors_t (id, name) VALUES (3, REPEAT('x', 21))", "22001",
           "Data too long for column 'name' at row 1"),
    1264: ("INSERT INTO errors_child (id, small) VALUES (2, 128)", "22003",
           "Out of range value for column 'small' at row 1"),
}


@pytest.fixture(scope="module")
def errors_db(server, module_db):
    """The module database with table errors_t holding one row, id 1."""
    with open_connection(server, database=module_db, autocommit=True) as conn, \
            conn.cursor() as cursor:
        cursor.execute("CREATE TABLE errors_t (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)")
        cursor.execute("INSERT INTO errors_t VALUES (1, 'one')")
        cursor.execute("CREATE TABLE errors_child (id INT PRIMARY KEY, parent_id INT, small TINYINT,"
                       " FOREIGN KEY (parent_id) REFERENCES errors_t (id))")
        cursor.execute("INSERT INTO errors_child (id, parent_id) VALUES (100, 1)")
    return module_db


@pytest.fixture(autouse=True)
def server_survives(server, connect):
    """After every test: the server process lives and a new connection can query."""
    yield
    assert server.running, f"the server died\n{server.log_tail()}"
    with connect().cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def select_one(conn):
    cursor = conn.cursor()
    cursor.execute("SELECT 1")
    assert tuple(cursor.fetchone()) == (1,)
    cursor.close()


# ---------------------------------------------------------------------------------------------
# Errors as drivers see them
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("errno", sorted(ERROR_CASES))
def test_driver_error(server, errors_db, driver, errno):
    sql, sqlstate, message = ERROR_CASES[errno]
    conn = driver.connect(server, database=errors_db)
    try:
        cursor = conn.cursor()
        with pytest.raises(driver.errors[errno]) as error:
            cursor.execute(sql)
        cursor.close()
        assert errno_of(error.value) == errno
        assert message.format(db=errors_db) in message_of(error.value)
        if hasattr(error.value, "sqlstate"):
            assert error.value.sqlstate == sqlstate
        conn.rollback()
        select_one(conn)
    finally:
        conn.close()


def test_sqlalchemy_wraps_integrity_error(server, errors_db):
    engine = sqlalchemy.create_engine(
        f"mysql+pymysql://root@{server.host}:{server.port}/{errors_db}")
    try:
        with engine.connect() as conn, pytest.raises(sqlalchemy.exc.IntegrityError) as error:
            conn.execute(sqlalchemy.text("INSERT INTO errors_t VALUES (1, 'again')"))
        assert error.value.orig.args[0] == 1062
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------
# Malformed SQL and oversized statements
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sql", ["SELECT 'unterminated", 'SELECT "unterminated',
                                 "SELECT `unterminated", "SELECT 1 /* unterminated comment"])
def test_unterminated_token_is_a_syntax_error(connect, sql):
    conn = connect()
    with pytest.raises(pymysql.err.ProgrammingError) as error:
        conn.cursor().execute(sql)
    assert error.value.args[0] == 1064
    select_one(conn)


def length_query(payload_size):
    """`SELECT LENGTH('xx…')` whose COM_QUERY payload (command byte + SQL) is payload_size."""
    frame = "SELECT LENGTH('')"
    filler = payload_size - 1 - len(frame)
    return "SELECT LENGTH('" + "x" * filler + "')", filler


@pytest.mark.parametrize("payload_size", [MAX_PACKET, MAX_PACKET + 1, 16 * 1024 * 1024 + 100],
                         ids=["exactly-one-full-packet", "one-byte-over", "16MiB"])
def test_statement_spanning_packets(connect, payload_size):
    sql, filler = length_query(payload_size)
    conn = connect(max_allowed_packet=64 * 1024 * 1024)
    with conn.cursor() as cursor:
        cursor.execute(sql)
        assert cursor.fetchone() == (filler,)
    select_one(conn)


def test_result_row_spanning_packets(connect):
    conn = connect(max_allowed_packet=64 * 1024 * 1024)
    with conn.cursor() as cursor:
        cursor.execute("SELECT REPEAT('ab', 8388608)")
        value = cursor.fetchone()[0]
    assert len(value) == 16 * 1024 * 1024 and value[:4] == "abab"
    select_one(conn)


def test_invalid_bytes_in_query_get_an_error(connect):
    conn = connect()
    garbage = bytes(random.Random(1064).randrange(256) for _ in range(4096))
    with pytest.raises(pymysql.MySQLError) as error:
        conn.query(b"SELECT " + garbage)
    assert error.value.args[0] >= 1000, "expected an ERR packet, not a dropped connection"
    select_one(conn)


def test_unknown_command_gets_error_1047(connect):
    conn = connect()
    conn._execute_command(UNKNOWN_COMMAND, b"")
    with pytest.raises(pymysql.err.OperationalError) as error:
        conn._read_packet()
    assert error.value.args[0] == 1047
    select_one(conn)


# ---------------------------------------------------------------------------------------------
# Garbage on the wire
# ---------------------------------------------------------------------------------------------

def raw_socket(server):
    sock = socket.create_connection((server.host, server.port), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return sock


def read_packet(sock):
    """Reads one packet; returns its payload, or None if the server closed the connection."""
    header = read_exactly(sock, 4)
    if header is None:
        return None
    return read_exactly(sock, int.from_bytes(header[:3], "little"))


def read_exactly(sock, size):
    data = b""
    while len(data) < size:
        try:
            chunk = sock.recv(size - len(data))
        except ConnectionResetError:
            return None
        if not chunk:
            return None
        data += chunk
    return data


def frame(payload, seq):
    return len(payload).to_bytes(3, "little") + bytes([seq]) + payload


def assert_error_or_close(sock):
    """The server answers garbage with an ERR packet or by closing; it never hangs."""
    reply = read_packet(sock)
    assert reply is None or reply[0] == 0xFF, f"unexpected reply {reply[:16]!r}"


@pytest.mark.parametrize("seed", range(5))
def test_garbage_handshake_response(server, seed):
    garbage = bytes(random.Random(seed).randrange(256) for _ in range(200 + 50 * seed))
    with raw_socket(server) as sock:
        assert read_packet(sock)[0] == 0x0A, "expected a HandshakeV10 greeting"
        sock.sendall(frame(garbage, 1))
        assert_error_or_close(sock)


def test_truncated_packet_then_close(server):
    with raw_socket(server) as sock:
        read_packet(sock)
        sock.sendall(MAX_PACKET.to_bytes(3, "little") + b"\x01" + b"\x00" * 1000)


def test_http_request_instead_of_handshake(server):
    with raw_socket(server) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert read_packet(sock)[0] == 0x0A, "expected a HandshakeV10 greeting"
        assert_error_or_close(sock)


def test_garbage_after_login(connect):
    conn = connect()
    sock = conn._sock
    garbage = bytes(random.Random(7).randrange(256) for _ in range(8192))
    try:
        sock.sendall(frame(bytes([COM_QUERY]) + b"SELECT 1", 7) + garbage)
        sock.settimeout(2)
        while sock.recv(65536):
            pass
    except (ConnectionResetError, BrokenPipeError, socket.timeout):
        pass
    conn._force_close()


# ---------------------------------------------------------------------------------------------
# Clients that vanish
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_table(server, errors_db):
    """A table of 4000 rows of 1 KiB: more than the socket buffers hold."""
    with open_connection(server, database=errors_db, autocommit=True) as conn, \
            conn.cursor() as cursor:
        cursor.execute("CREATE TABLE big_t (id INT PRIMARY KEY, pad VARCHAR(1024))")
        for start in range(0, 4000, 200):
            cursor.executemany("INSERT INTO big_t VALUES (%s, %s)",
                               [(i, f"{i:08d}" * 128) for i in range(start, start + 200)])
    return "big_t"


# A client that runs a query, reads some rows (or none, or not even the reply) and is killed.
VANISHING_CLIENT = """
import os, signal, sys
import pymysql
host, port, database, sql, rows_read = sys.argv[1:]
conn = pymysql.connect(host=host, port=int(port), user="root", database=database,
                       cursorclass=pymysql.cursors.SSCursor)
if rows_read == "none":
    conn._execute_command(pymysql.constants.COMMAND.COM_QUERY, sql.encode())
else:
    cursor = conn.cursor()
    cursor.execute(sql)
    for _ in range(int(rows_read)):
        cursor.fetchone()
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("rows_read", ["none", "0", "1", "100"])
def test_client_killed_mid_result(server, errors_db, big_table, rows_read):
    for _ in range(3):
        client = subprocess.run(
            [sys.executable, "-c", VANISHING_CLIENT, server.host, str(server.port), errors_db,
             f"SELECT id, pad FROM {big_table} ORDER BY id", rows_read],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        assert client.returncode == -signal.SIGKILL, client.stderr


@pytest.mark.parametrize("sql", [
    "SELECT " + "(" * 100_000 + "1" + ")" * 100_000,
    "SELECT " + "NOT " * 100_000 + "1",
    "SELECT " + "-" * 100_000 + "1",
    "SELECT 1 FROM t WHERE " + " OR ".join(f"a = {i}" for i in range(50_000)),
])
def test_deep_nesting_is_an_error_not_a_crash(connect, sql):
    conn = connect()
    with conn.cursor() as cursor, pytest.raises(pymysql.err.MySQLError) as error:
        cursor.execute(sql)
    assert error.value.args[0] in (1064, 1146)
    select_one(conn)


def test_deep_but_legal_nesting_evaluates(connect):
    conn = connect()
    with conn.cursor() as cursor:
        cursor.execute("SELECT " + "(" * 200 + "1 + 1" + ")" * 200)
        assert cursor.fetchone() == (2,)
