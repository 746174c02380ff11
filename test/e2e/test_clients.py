"""Real clients connect and work: PyMySQL, mysqlclient, mysql-connector-python (pure Python and C
extension) and the `mysql` command-line client.

For each: the identity probes SQLAlchemy and the drivers send (VERSION(), DATABASE(),
@@transaction_isolation), a create/insert/select round trip with non-ASCII text and NULL, and the
errors for an unknown database (1049) and for a wrong user or password (1045).
"""

import re

import mysql.connector
import pytest
from mysql.connector.connection_cext import CMySQLConnection

from drivers import batch_rows, errno_of, message_of, mysql_cli

VERSION_PATTERN = re.compile(r"8\.0\.11-TiDB-v\d+\.\d+\.\d+(-[\w.-]+)?")
ROWS = [
    (1, "héllo ✓ 日本 🎉", 1.5, None),
    (2, "it's \"quoted\" \\ back\tslash", -0.25, "note"),
    (3, "", 0.0, ""),
]


def query(conn, sql, params=None):
    cursor = conn.cursor()
    try:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def execute(conn, sql, params=None):
    cursor = conn.cursor()
    try:
        cursor.execute(sql, params)
    finally:
        cursor.close()


# ---------------------------------------------------------------------------------------------
# Python drivers
# ---------------------------------------------------------------------------------------------

def test_connector_default_uses_c_extension(server):
    assert mysql.connector.HAVE_CEXT, "mysql-connector-python C extension did not load"
    conn = mysql.connector.connect(host=server.host, port=server.port, user="root",
                                   password="", database="test", connection_timeout=10)
    try:
        assert isinstance(conn, CMySQLConnection)
    finally:
        conn.close()


def test_identity_probes(server, driver):
    conn = driver.connect(server)
    try:
        [(version, database, isolation)] = query(
            conn, "SELECT VERSION(), DATABASE(), @@transaction_isolation")
        assert VERSION_PATTERN.fullmatch(version), version
        assert conn.get_server_info() == version
        assert database == "test"
        assert isolation == "REPEATABLE-READ"
    finally:
        conn.close()


def test_round_trip(server, driver, module_db):
    table = "round_trip_" + driver.name.replace("-", "_")
    writer = driver.connect(server, database=module_db)
    try:
        execute(writer, f"CREATE TABLE {table} (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                        f"score DOUBLE, note TEXT NULL)")
        for row in ROWS:
            execute(writer, f"INSERT INTO {table} (id, name, score, note) "
                            f"VALUES (%s, %s, %s, %s)", row)
        writer.commit()
    finally:
        writer.close()
    reader = driver.connect(server, database=module_db)
    try:
        assert query(reader, f"SELECT id, name, score, note FROM {table} ORDER BY id") == ROWS
        assert query(reader, f"SELECT name FROM {table} WHERE id = %s", (1,)) == [(ROWS[0][1],)]
    finally:
        reader.close()


def test_uncommitted_insert_is_invisible_to_others(server, driver, module_db):
    table = "isolation_" + driver.name.replace("-", "_")
    writer = driver.connect(server, database=module_db)
    reader = driver.connect(server, database=module_db)
    try:
        execute(writer, f"CREATE TABLE {table} (id INT PRIMARY KEY)")
        execute(writer, f"INSERT INTO {table} VALUES (1)")
        assert query(reader, f"SELECT COUNT(*) FROM {table}") == [(0,)]
        writer.commit()
        reader.rollback()
        assert query(reader, f"SELECT COUNT(*) FROM {table}") == [(1,)]
    finally:
        writer.close()
        reader.close()


def test_unknown_database(server, driver):
    with pytest.raises(driver.errors[1049]) as error:
        driver.connect(server, database="no_such_database_e2e")
    assert errno_of(error.value) == 1049
    assert message_of(error.value) == "Unknown database 'no_such_database_e2e'"


@pytest.mark.parametrize("user, password", [("nobody", ""), ("root", "wrong-password")])
def test_access_denied(server, driver, user, password):
    with pytest.raises(driver.errors[1045]) as error:
        driver.connect(server, user=user, password=password)
    assert errno_of(error.value) == 1045
    used_password = "YES" if password else "NO"
    assert re.fullmatch(rf"Access denied for user '{user}'@'[^']+' \(using password: "
                        rf"{used_password}\)", message_of(error.value))


# ---------------------------------------------------------------------------------------------
# The mysql command-line client
# ---------------------------------------------------------------------------------------------

def test_cli_select_1(server):
    result = mysql_cli(server, "-e", "SELECT 1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n1\n"


def test_cli_batch_output(server):
    result = mysql_cli(server, "--batch", "-e", "SELECT 1 AS a, 'x y' AS b, NULL AS c, '' AS d")
    assert result.returncode == 0, result.stderr
    assert batch_rows(result.stdout) == [["a", "b", "c", "d"], ["1", "x y", "NULL", ""]]


def test_cli_script_on_stdin(server, module_db):
    script = ("CREATE TABLE cli_t (id INT PRIMARY KEY, name VARCHAR(20));\n"
              "INSERT INTO cli_t VALUES (1, 'one'), (2, 'two');\n"
              "SELECT id, name FROM cli_t ORDER BY id;\n")
    result = mysql_cli(server, "--batch", database=module_db, stdin=script)
    assert result.returncode == 0, result.stderr
    assert batch_rows(result.stdout) == [["id", "name"], ["1", "one"], ["2", "two"]]


def test_cli_unknown_database(server):
    result = mysql_cli(server, "-e", "SELECT 1", database="no_such_database_e2e")
    assert result.returncode == 1
    assert "ERROR 1049 (42000)" in result.stderr


def test_cli_access_denied(server):
    result = mysql_cli(server, "-e", "SELECT 1", user="nobody")
    assert result.returncode == 1
    assert "ERROR 1045 (28000)" in result.stderr
