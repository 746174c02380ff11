"""Fixtures that run the real vexdb-server binary for end-to-end tests.

One server serves the whole session (`server`), on a free loopback port with a temporary data
directory; it is stopped with SIGTERM at the end and must exit with code 0. Tests that crash a
server on purpose get their own from `server_factory`, so the shared one is never disturbed.
Each test module works in its own database (`module_db`), so modules can run in any order.

The binary is build/bin/vexdb-server, or the path in the VEXDB_SERVER environment variable.
"""

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from server_process import ServerError, ServerProcess  # noqa: E402
from drivers import DRIVERS, open_connection  # noqa: E402

SERVER_BINARY = Path(os.environ.get("VEXDB_SERVER", ROOT / "build" / "bin" / "vexdb-server"))


@pytest.fixture(scope="session")
def server_factory(tmp_path_factory):
    """Starts servers by name; at session end stops them all and checks each exited cleanly."""
    servers = []

    def start(name):
        base = tmp_path_factory.mktemp(name)
        server = ServerProcess(SERVER_BINARY, base / "data", base / "server.log")
        servers.append(server)
        try:
            server.start()
        except ServerError as exc:
            pytest.fail(f"could not start {SERVER_BINARY}: {exc}", pytrace=False)
        return server

    yield start
    unclean = []
    for server in servers:
        code = server.stop()
        if code != 0:
            unclean.append(f"server on port {server.port} exited with code {code}\n"
                           f"{server.log_tail()}")
    assert not unclean, "\n\n".join(unclean)


@pytest.fixture(scope="session")
def server(server_factory):
    """The shared server for the session (a tools/server_process.ServerProcess)."""
    return server_factory("vexdb")


@pytest.fixture
def crash_and_restart():
    """Kills a server with SIGKILL and restarts it on the same data dir and port."""
    def crash(server):
        try:
            server.crash_and_restart()
        except ServerError as exc:
            pytest.fail(f"server did not come back after a crash: {exc}", pytrace=False)
    return crash


@pytest.fixture(scope="session")
def db_url(server):
    """SQLAlchemy URL of database `test` on the shared server."""
    return f"mysql+pymysql://root@127.0.0.1:{server.port}/test"


@pytest.fixture
def connect(server):
    """Factory of PyMySQL connections to the shared server; closes them after the test.

    `connect(database="x", autocommit=True, ...)` takes any pymysql.connect keyword.
    """
    connections = []

    def factory(**kwargs):
        conn = open_connection(server, **kwargs)
        connections.append(conn)
        return conn

    yield factory
    for conn in connections:
        if conn.open:
            conn.close()


@pytest.fixture(scope="module")
def module_db(server, request):
    """A fresh database named after the test module, dropped when the module is done."""
    name = "e2e_" + re.sub(r"\W+", "_", request.module.__name__.split(".")[-1])
    with open_connection(server, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    yield name
    with open_connection(server, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE {name}")


@pytest.fixture(params=DRIVERS, ids=lambda driver: driver.name)
def driver(request):
    """Each Python driver in turn (see drivers.py)."""
    return request.param
