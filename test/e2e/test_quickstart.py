"""The TiDB SQLAlchemy quickstart runs unchanged against vexdb and prints what it prints on TiDB.

apps/sqlalchemy_quickstart.py performs the flow of tidb-samples/tidb-python-sqlalchemy-quickstart
(SQLAlchemy 2.0 ORM over PyMySQL); its stdout must equal apps/sqlalchemy_quickstart.expected, the
sample's Expected-Output.txt, byte for byte.
"""

import os
import subprocess
import sys
from pathlib import Path

import pymysql
import pytest

APPS = Path(__file__).parent / "apps"
EXPECTED = (APPS / "sqlalchemy_quickstart.expected").read_text()


def run_quickstart(server):
    env = dict(os.environ, TIDB_HOST=server.host, TIDB_PORT=str(server.port), TIDB_USER="root",
               TIDB_PASSWORD="", TIDB_DB_NAME="test")
    return subprocess.run([sys.executable, str(APPS / "sqlalchemy_quickstart.py")], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def test_quickstart_prints_expected_output_and_can_run_again(server):
    for attempt in ("first", "second"):
        result = run_quickstart(server)
        assert result.returncode == 0, f"{attempt} run failed:\n{result.stderr}"
        assert result.stdout == EXPECTED, f"{attempt} run printed other output"


def test_quickstart_drops_its_table(server, connect):
    assert run_quickstart(server).returncode == 0
    with connect().cursor() as cursor, pytest.raises(pymysql.ProgrammingError) as error:
        cursor.execute("DESCRIBE `test`.`players`")
    assert error.value.args[0] == 1146
