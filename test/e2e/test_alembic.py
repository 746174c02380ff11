"""Alembic runs against vexdb as against MySQL: autogenerate, upgrade, check, downgrade.

A real Alembic environment is made in a temporary directory (`alembic init`), pointed at a
fresh database, and driven through the `alembic` command line: autogenerate reads the database
only through SHOW FULL TABLES and SHOW CREATE TABLE (reference/mysql-sqlalchemy-needs.md §3), so
`alembic check` reporting no differences after `upgrade head` proves those round-trip.
"""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

DATABASE = "e2e_alembic"

MODELS_V1 = '''
from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, MetaData, Numeric,
                        String, Table, Text, func, text)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False, unique=True),
    Column("email", String(100)),
    Column("bio", Text, comment="about the user"),
    Column("created", DateTime, nullable=False, server_default=func.now()),
)
posts = Table(
    "posts", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(200), nullable=False, index=True),
)
legacy = Table(
    "legacy", metadata,
    Column("id", Integer, primary_key=True),
    Column("note", String(20)),
)
'''

MODELS_V2 = '''
from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, Numeric,
                        String, Table, Text, func, text)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False, unique=True),
    Column("email", String(200), nullable=False),
    Column("bio", Text, comment="about the user"),
    Column("created", DateTime, nullable=False, server_default=func.now()),
    Column("active", Boolean, nullable=False, server_default=text("1")),
    Column("balance", Numeric(10, 2)),
    Index("ix_users_email", "email"),
)
posts = Table(
    "posts", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(200), nullable=False, index=True),
)
'''


def show_create(engine, table):
    with engine.connect() as conn:
        return conn.exec_driver_sql(f"SHOW CREATE TABLE `{table}`").one()[1]


@pytest.fixture
def project(tmp_path, server):
    """An `alembic init` project whose env.py targets models.metadata in a fresh database."""
    url = f"mysql+pymysql://root@127.0.0.1:{server.port}/{DATABASE}"
    engine = create_engine(url)
    with create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/test").begin() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {DATABASE}")
        conn.exec_driver_sql(f"CREATE DATABASE {DATABASE}")
    alembic(tmp_path, "init", "migrations")
    ini = tmp_path / "alembic.ini"
    ini.write_text(re.sub(r"(?m)^sqlalchemy\.url = .*$", f"sqlalchemy.url = {url}",
                          ini.read_text()))
    env = tmp_path / "migrations" / "env.py"
    env.write_text(env.read_text().replace(
        "target_metadata = None",
        "import sys\nsys.path.insert(0, %r)\nfrom models import metadata as target_metadata"
        % str(tmp_path)))
    yield tmp_path, engine
    engine.dispose()
    with create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/test").begin() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {DATABASE}")


def alembic(directory, *args, check=True):
    result = subprocess.run([sys.executable, "-m", "alembic", *args], cwd=directory,
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if check:
        assert result.returncode == 0, f"alembic {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def autogenerate(directory, models, message):
    (directory / "models.py").write_text(models)
    result = alembic(directory, "revision", "--autogenerate", "-m", message)
    [path] = re.findall(r"Generating (\S+\.py)", result.stdout)
    return Path(path).read_text(), result.stderr


def test_autogenerate_upgrade_check_and_downgrade(project):
    directory, engine = project
    first, log = autogenerate(directory, MODELS_V1, "initial")
    assert "Detected added table 'users'" in log
    assert "Detected added table 'posts'" in log
    assert "op.create_table('users'" in first
    assert "op.create_index(op.f('ix_posts_title'), 'posts', ['title'], unique=False)" in first

    alembic(directory, "upgrade", "head")
    assert sorted(inspect(engine).get_table_names()) == [
        "alembic_version", "legacy", "posts", "users"]
    check = alembic(directory, "check")
    assert "No new upgrade operations detected" in check.stdout

    second, log = autogenerate(directory, MODELS_V2, "second")
    assert "op.add_column('users', sa.Column('active', sa.Boolean()" in second
    assert "op.add_column('users', sa.Column('balance', sa.Numeric(precision=10, scale=2)" in second
    assert "op.alter_column('users', 'email'" in second
    assert "op.create_index('ix_users_email', 'users', ['email'], unique=False)" in second
    assert "op.drop_table('legacy')" in second
    assert "Detected" in log and "posts" not in log

    before = show_create(engine, "users")
    alembic(directory, "upgrade", "head")
    after = show_create(engine, "users")
    assert "  `email` varchar(200) NOT NULL,\n" in after
    assert "  `active` tinyint(1) NOT NULL DEFAULT '1',\n" in after
    assert "  `balance` decimal(10,2) DEFAULT NULL,\n" in after
    assert "  KEY `ix_users_email` (`email`)" in after
    assert not inspect(engine).has_table("legacy")
    assert "No new upgrade operations detected" in alembic(directory, "check").stdout

    alembic(directory, "downgrade", "-1")
    assert show_create(engine, "users") == before
    assert inspect(engine).has_table("legacy")
    with engine.connect() as conn:
        [version] = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert version[0] in first

    alembic(directory, "downgrade", "base")
    assert inspect(engine).get_table_names() == ["alembic_version"]


def test_check_reports_differences(project):
    directory, engine = project
    autogenerate(directory, MODELS_V1, "initial")
    alembic(directory, "upgrade", "head")
    (directory / "models.py").write_text(MODELS_V2)
    result = alembic(directory, "check", check=False)
    assert result.returncode != 0
    assert "New upgrade operations detected" in result.stdout + result.stderr
