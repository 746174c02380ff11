"""The Python MySQL drivers the e2e tests connect with, behind one small interface, and the `mysql`
command-line client.

Each Driver opens a DB-API connection to a ServerProcess and knows which exception class the
driver raises for a given server errno. The classes differ between drivers because each maps
errors its own way: PyMySQL and mysqlclient by errno tables (falling back to OperationalError),
mysql-connector-python by errno and then by the SQLSTATE class the server sends.
"""

import shutil
import subprocess
from dataclasses import dataclass
from typing import Callable

import MySQLdb
import mysql.connector
import pymysql
from mysql.connector import errors as connector_errors

CONNECT_TIMEOUT = 10
STATEMENT_TIMEOUT = 60


def open_connection(server, **kwargs):
    """A PyMySQL connection to `server` as root with an empty password, database `test`.

    Any pymysql.connect keyword overrides those defaults.
    """
    options = dict(host=server.host, port=server.port, user="root", password="", database="test",
                   connect_timeout=CONNECT_TIMEOUT, read_timeout=STATEMENT_TIMEOUT,
                   write_timeout=STATEMENT_TIMEOUT)
    options.update(kwargs)
    return pymysql.connect(**options)


def _pymysql(server, database, user, password):
    return open_connection(server, database=database, user=user, password=password)


def _mysqldb(server, database, user, password):
    return MySQLdb.connect(host=server.host, port=server.port, user=user, password=password,
                           database=database, connect_timeout=CONNECT_TIMEOUT,
                           read_timeout=STATEMENT_TIMEOUT, write_timeout=STATEMENT_TIMEOUT)


def _connector(**options):
    def connect(server, database, user, password):
        return mysql.connector.connect(host=server.host, port=server.port, user=user,
                                       password=password, database=database,
                                       connection_timeout=CONNECT_TIMEOUT, **options)
    return connect


@dataclass(frozen=True)
class Driver:
    name: str
    open: Callable
    errors: dict  # server errno -> exception class the driver raises for it

    def connect(self, server, database="test", user="root", password=""):
        return self.open(server, database, user, password)


def _classes(module, bad_field, bad_db_and_access):
    return {
        1064: module.ProgrammingError,
        1146: module.ProgrammingError,
        1054: bad_field,
        1062: module.IntegrityError,
        1048: module.IntegrityError,
        1451: module.IntegrityError,
        1452: module.IntegrityError,
        1406: module.DataError,
        1264: module.DataError,
        1049: bad_db_and_access,
        1045: bad_db_and_access,
    }


_PYMYSQL_ERRORS = _classes(pymysql.err, pymysql.err.OperationalError, pymysql.err.OperationalError)
_MYSQLDB_ERRORS = _classes(MySQLdb, MySQLdb.OperationalError, MySQLdb.OperationalError)
# mysql-connector falls back to the SQLSTATE class: 42xxx -> ProgrammingError, 28000 as well.
_CONNECTOR_ERRORS = _classes(connector_errors, connector_errors.ProgrammingError,
                             connector_errors.ProgrammingError)

DRIVERS = [
    Driver("pymysql", _pymysql, _PYMYSQL_ERRORS),
    Driver("mysqldb", _mysqldb, _MYSQLDB_ERRORS),
    Driver("connector-pure", _connector(use_pure=True), _CONNECTOR_ERRORS),
    Driver("connector-cext", _connector(), _CONNECTOR_ERRORS),
]


def errno_of(exc):
    """The server errno carried by any of the drivers' exceptions."""
    return exc.errno if isinstance(exc, connector_errors.Error) else exc.args[0]


def message_of(exc):
    """The server's error message carried by any of the drivers' exceptions."""
    return exc.msg if isinstance(exc, connector_errors.Error) else str(exc.args[1])


def mysql_cli(server, *args, database="test", user="root", stdin=None):
    """Runs the `mysql` client in batch mode; returns the CompletedProcess."""
    binary = shutil.which("mysql")
    assert binary, "the mysql client is missing: run scripts/setup.sh"
    command = [binary, f"-h{server.host}", f"-P{server.port}", "--protocol=tcp",
               "--connect-timeout=10", f"-u{user}", *args]
    if database:
        command.append(database)
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60)


def batch_rows(stdout):
    """Parses `mysql --batch` output: tab-separated lines, the first one the column names."""
    return [line.split("\t") for line in stdout.splitlines()]
