"""SQLAlchemy reflection (sqlalchemy.inspect, MetaData.reflect) reads vexdb as it reads MySQL 8.

On MySQL the dialect learns everything from SHOW FULL TABLES, SHOW CREATE TABLE and DESCRIBE
(reference/mysql-sqlalchemy-needs.md §2.6), so these tests pin the layout of those statements
through what SQLAlchemy makes of them. Each test creates its tables in the module's database and
a second database plays the suite's `test_schema` for cross-database reflection.
"""

import pytest
from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Enum, Float, ForeignKey,
                        Index, Integer, JSON, LargeBinary, MetaData, Numeric, String, Table, Text,
                        UniqueConstraint, create_engine, func, inspect, text)
from sqlalchemy.dialects import mysql


@pytest.fixture(scope="module")
def engine(server, module_db):
    engine = create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/{module_db}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def other_schema(engine):
    """A second database (the suite's `test_schema`) with one table referencing the first."""
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS e2e_reflection_other")
        conn.exec_driver_sql("CREATE DATABASE e2e_reflection_other")
    yield "e2e_reflection_other"
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP DATABASE e2e_reflection_other")


def users_metadata(schema=None):
    metadata = MetaData(schema=schema)
    Table("users", metadata,
          Column("id", Integer, primary_key=True),
          Column("name", String(50), nullable=False, comment="login name"),
          Column("fullname", Text),
          Column("active", Boolean, nullable=False, server_default=text("1")),
          Column("created", DateTime, nullable=False, server_default=func.now()),
          Column("balance", Numeric(10, 2), nullable=False, server_default="0"),
          Column("score", Float),
          Column("data", JSON),
          Column("status", Enum("active", "inactive", name="status"), nullable=False),
          Column("avatar", LargeBinary),
          Column("birthday", Date),
          Column("big", BigInteger),
          UniqueConstraint("name", name="uq_users_name"),
          Index("ix_users_status", "status"),
          comment="people who log in")
    Table("addresses", metadata,
          Column("id", Integer, primary_key=True),
          Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
          Column("email", String(100)),
          Index("ix_addresses_email", "email", unique=True))
    return metadata


@pytest.fixture
def users(engine):
    metadata = users_metadata()
    metadata.create_all(engine)
    yield metadata
    metadata.drop_all(engine)


def columns_by_name(engine, table, schema=None):
    return {column["name"]: column for column in inspect(engine).get_columns(table, schema)}


def test_schema_names_include_created_databases(engine, module_db, other_schema):
    names = inspect(engine).get_schema_names()
    assert {"test", module_db, other_schema} <= set(names)
    assert "information_schema" in names


def test_table_names_and_view_names(engine, users):
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIEW active_users AS SELECT id, name FROM users "
                             "WHERE active = 1")
    try:
        inspector = inspect(engine)
        assert inspector.get_table_names() == ["addresses", "users"]
        assert inspector.get_view_names() == ["active_users"]
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP VIEW active_users")


def test_has_table(engine, users, module_db):
    inspector = inspect(engine)
    assert inspector.has_table("users")
    assert inspector.has_table("users", schema=module_db)
    assert not inspector.has_table("nobody")
    assert not inspector.has_table("users", schema="no_such_database")


def test_column_types(engine, users):
    columns = columns_by_name(engine, "users")
    assert list(columns) == ["id", "name", "fullname", "active", "created", "balance", "score",
                             "data", "status", "avatar", "birthday", "big"]
    expected = {
        "id": mysql.INTEGER, "name": mysql.VARCHAR, "fullname": mysql.TEXT,
        "active": mysql.TINYINT, "created": mysql.DATETIME, "balance": mysql.DECIMAL,
        "score": mysql.FLOAT, "data": mysql.JSON, "status": mysql.ENUM, "avatar": mysql.BLOB,
        "birthday": mysql.DATE, "big": mysql.BIGINT,
    }
    for name, type_class in expected.items():
        assert type(columns[name]["type"]) is type_class, name
    assert columns["name"]["type"].length == 50
    assert columns["active"]["type"].display_width == 1
    assert (columns["balance"]["type"].precision, columns["balance"]["type"].scale) == (10, 2)
    assert columns["status"]["type"].enums == ["active", "inactive"]


def test_column_nullability_defaults_autoincrement_comments(engine, users):
    columns = columns_by_name(engine, "users")
    assert [name for name, column in columns.items() if not column["nullable"]] == [
        "id", "name", "active", "created", "balance", "status"]
    assert columns["id"]["autoincrement"] is True
    assert "autoincrement" not in columns["name"]
    assert columns["id"]["default"] is None
    assert columns["active"]["default"] == "'1'"
    assert columns["created"]["default"] == "CURRENT_TIMESTAMP"
    assert columns["balance"]["default"] == "'0.00'"
    assert columns["fullname"]["default"] is None
    assert columns["name"]["comment"] == "login name"
    assert columns["fullname"]["comment"] is None
    assert inspect(engine).get_table_comment("users") == {"text": "people who log in"}


def test_primary_key(engine, users):
    assert inspect(engine).get_pk_constraint("users") == {
        "constrained_columns": ["id"], "name": None}


def test_foreign_keys_with_ondelete(engine, users, module_db):
    assert inspect(engine).get_foreign_keys("addresses") == [{
        "name": "addresses_ibfk_1",
        "constrained_columns": ["user_id"],
        "referred_schema": None,
        "referred_table": "users",
        "referred_columns": ["id"],
        "options": {"ondelete": "CASCADE"},
    }]


def test_indexes_and_unique_constraints(engine, users):
    inspector = inspect(engine)
    indexes = sorted(inspector.get_indexes("users"), key=lambda index: index["name"])
    assert [(i["name"], i["column_names"], i["unique"]) for i in indexes] == [
        ("ix_users_status", ["status"], False),
        ("uq_users_name", ["name"], True),
    ]
    assert inspector.get_unique_constraints("users") == [
        {"name": "uq_users_name", "column_names": ["name"], "duplicates_index": "uq_users_name"}]
    address_indexes = inspector.get_indexes("addresses")
    assert [(i["name"], i["column_names"], i["unique"]) for i in address_indexes] == [
        ("ix_addresses_email", ["email"], True),  # MySQL lists unique keys first
        ("user_id", ["user_id"], False),  # the index the foreign key made, named after its column
    ]


def test_indexes_with_prefix_and_descending_columns(engine):
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE docs (id INT PRIMARY KEY, title VARCHAR(200), "
                             "body TEXT, n INT, KEY ix_title_n (title(10), n DESC))")
    try:
        [index] = inspect(engine).get_indexes("docs")
        assert index["name"] == "ix_title_n"
        assert index["column_names"] == ["title", "n"]
        assert index["dialect_options"] == {"mysql_length": {"title": 10}}
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE docs")


def test_reflect_round_trip_recreates_identical_ddl(engine, users):
    reflected = MetaData()
    reflected.reflect(engine, only=["users"])
    with engine.connect() as conn:
        before = conn.exec_driver_sql("SHOW CREATE TABLE `users`").one()[1]
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE addresses")
    reflected.drop_all(engine)
    reflected.create_all(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW CREATE TABLE `users`").one()[1] == before


def test_table_autoload_with(engine, users):
    table = Table("addresses", MetaData(), autoload_with=engine)
    assert [column.name for column in table.columns] == ["id", "user_id", "email"]
    assert [column.name for column in table.primary_key] == ["id"]
    [fk] = table.foreign_keys
    assert fk.target_fullname == "users.id" and fk.ondelete == "CASCADE"
    assert table.c.user_id.nullable is False
    with engine.begin() as conn:
        user_id = conn.execute(
            users.tables["users"].insert().values(name="ann", status="active", balance=1)
        ).inserted_primary_key[0]
        conn.execute(table.insert().values(user_id=user_id, email="ann@example.com"))
        assert conn.execute(table.select()).one().email == "ann@example.com"


def test_view_columns_come_from_describe(engine, users):
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIEW user_names AS SELECT id, name AS login, "
                             "balance * 2 AS doubled FROM users")
    try:
        inspector = inspect(engine)
        definition = inspector.get_view_definition("user_names")
        assert definition.startswith("CREATE ") and " VIEW `user_names` AS " in definition
        columns = inspector.get_columns("user_names")
        # SQLAlchemy's DESCRIBE-to-DDL step reads every view column as nullable (also on MySQL).
        assert [(c["name"], c["nullable"]) for c in columns] == [
            ("id", True), ("login", True), ("doubled", True)]
        assert type(columns[0]["type"]) is mysql.INTEGER
        assert type(columns[1]["type"]) is mysql.VARCHAR and columns[1]["type"].length == 50
        view = Table("user_names", MetaData(), autoload_with=engine)
        assert list(view.c.keys()) == ["id", "login", "doubled"]
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP VIEW user_names")


def test_cross_schema_reflection(engine, module_db, other_schema):
    metadata = users_metadata(schema=other_schema)
    Table("notes", metadata,
          Column("id", Integer, primary_key=True),
          Column("user_id", Integer, ForeignKey(f"{other_schema}.users.id")),
          schema=module_db)
    metadata.create_all(engine)
    try:
        inspector = inspect(engine)
        assert inspector.get_table_names(schema=other_schema) == ["addresses", "users"]
        assert inspector.has_table("users", schema=other_schema)
        assert [c["name"] for c in inspector.get_columns("addresses", schema=other_schema)] == [
            "id", "user_id", "email"]
        [fk] = inspector.get_foreign_keys("notes")
        assert (fk["referred_schema"], fk["referred_table"]) == (other_schema, "users")
        [fk] = inspector.get_foreign_keys("addresses", schema=other_schema)
        assert fk["referred_schema"] == other_schema and fk["options"] == {"ondelete": "CASCADE"}
        reflected = MetaData()
        reflected.reflect(engine, schema=other_schema)
        assert sorted(reflected.tables) == [f"{other_schema}.addresses", f"{other_schema}.users"]
    finally:
        metadata.drop_all(engine)
