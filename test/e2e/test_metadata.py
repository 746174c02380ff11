"""SHOW statements, DESCRIBE and information_schema return the rows and columns MySQL 8 returns.

Clients read these by position and by column name (SQLAlchemy's dialect, Alembic, the `mysql`
CLI, ORMs' schema inspectors), so the tests pin exact column names, exact rows and their order,
through PyMySQL and through the `mysql` command-line client.
"""

import shutil
import subprocess

import pytest

SCHEMA = [
    "CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL "
    "COMMENT 'login', score DOUBLE DEFAULT 0, created DATETIME DEFAULT CURRENT_TIMESTAMP, "
    "PRIMARY KEY (id), UNIQUE KEY uq_name (name)) COMMENT 'people'",
    "CREATE TABLE posts (id INT PRIMARY KEY, user_id INT NOT NULL, title VARCHAR(200), "
    "KEY ix_title (title(20)), "
    "CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)",
    "CREATE VIEW user_names AS SELECT id, name AS login, score * 2 AS doubled FROM users",
]


@pytest.fixture(scope="module")
def db(server, module_db):
    from drivers import open_connection
    with open_connection(server, database=module_db, autocommit=True) as conn:
        with conn.cursor() as cursor:
            for statement in SCHEMA:
                cursor.execute(statement)
    return module_db


@pytest.fixture
def query(connect, db):
    conn = connect(database=db, autocommit=True)

    def run(sql):
        with conn.cursor() as cursor:
            cursor.execute(sql)
            names = [d[0] for d in cursor.description] if cursor.description else []
            return names, [tuple(row) for row in cursor.fetchall()]
    return run


def test_show_databases_lists_created_ones_sorted(query, db):
    names, rows = query("SHOW DATABASES")
    assert names == ["Database"]
    databases = [row[0] for row in rows]
    assert {"information_schema", "mysql", "test", db} <= set(databases)
    assert databases == sorted(databases)
    assert query(f"SHOW DATABASES LIKE '{db}'")[1] == [(db,)]


def test_show_tables_and_full_tables(query, db):
    assert query("SHOW TABLES") == ([f"Tables_in_{db}"], [("posts",), ("user_names",),
                                                          ("users",)])
    assert query(f"SHOW FULL TABLES FROM `{db}`") == (
        [f"Tables_in_{db}", "Table_type"],
        [("posts", "BASE TABLE"), ("user_names", "VIEW"), ("users", "BASE TABLE")])
    assert query("SHOW FULL TABLES WHERE Table_type = 'VIEW'")[1] == [("user_names", "VIEW")]
    assert query("SHOW TABLES LIKE 'u%'")[1] == [("user_names",), ("users",)]


def test_describe_table(query):
    assert query("DESCRIBE users") == (
        ["Field", "Type", "Null", "Key", "Default", "Extra"],
        [("id", "int", "NO", "PRI", None, "auto_increment"),
         ("name", "varchar(50)", "NO", "UNI", None, ""),
         ("score", "double", "YES", "", "0", ""),
         ("created", "datetime", "YES", "", "CURRENT_TIMESTAMP", "DEFAULT_GENERATED")])
    assert query("DESCRIBE posts")[1] == [
        ("id", "int", "NO", "PRI", None, ""),
        ("user_id", "int", "NO", "MUL", None, ""),
        ("title", "varchar(200)", "YES", "MUL", None, "")]


def test_describe_view_lists_its_select_columns(query):
    assert query("DESCRIBE user_names")[1] == [
        ("id", "int", "NO", "", None, ""),
        ("login", "varchar(50)", "NO", "", None, ""),
        ("doubled", "double", "YES", "", None, "")]


def test_show_full_columns(query):
    names, rows = query("SHOW FULL COLUMNS FROM users LIKE 'n%'")
    assert names == ["Field", "Type", "Collation", "Null", "Key", "Default", "Extra",
                     "Privileges", "Comment"]
    assert rows == [("name", "varchar(50)", "utf8mb4_bin", "NO", "UNI", None, "",
                     "select,insert,update,references", "login")]


def test_show_index(query):
    names, rows = query("SHOW INDEX FROM posts")
    assert names == ["Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name",
                     "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type",
                     "Comment", "Index_comment", "Visible", "Expression"]
    assert [row[:5] + (row[7], row[9], row[10]) for row in rows] == [
        ("posts", 0, "PRIMARY", 1, "id", None, "", "BTREE"),
        ("posts", 1, "ix_title", 1, "title", 20, "YES", "BTREE"),
        ("posts", 1, "fk_user", 1, "user_id", None, "", "BTREE")]


def test_show_create_table_layout(query):
    assert query("SHOW CREATE TABLE posts") == (["Table", "Create Table"], [(
        "posts",
        "CREATE TABLE `posts` (\n"
        "  `id` int NOT NULL,\n"
        "  `user_id` int NOT NULL,\n"
        "  `title` varchar(200) DEFAULT NULL,\n"
        "  PRIMARY KEY (`id`),\n"
        "  KEY `ix_title` (`title`(20)),\n"
        "  KEY `fk_user` (`user_id`),\n"
        "  CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) "
        "ON DELETE CASCADE\n"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")])


def test_show_create_view(query):
    names, [row] = query("SHOW CREATE TABLE user_names")
    assert names == ["View", "Create View", "character_set_client", "collation_connection"]
    assert row[0] == "user_names"
    assert row[1].startswith("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY "
                             "DEFINER VIEW `user_names` AS ")


def test_show_variables_sorted_and_filtered(query):
    names, rows = query("SHOW VARIABLES")
    assert names == ["Variable_name", "Value"]
    variable_names = [row[0] for row in rows]
    assert variable_names == sorted(variable_names)
    assert query("SHOW VARIABLES LIKE 'auto_increment%'")[1] == [
        ("auto_increment_increment", "1"), ("auto_increment_offset", "1")]
    assert query("SHOW SESSION VARIABLES WHERE Variable_name = 'autocommit'")[1] == [
        ("autocommit", "ON")]


def test_information_schema_schemata(query, db):
    names, rows = query("SELECT * FROM information_schema.schemata "
                        f"WHERE schema_name = '{db}'")
    assert names == ["CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME",
                     "DEFAULT_COLLATION_NAME", "SQL_PATH", "DEFAULT_ENCRYPTION"]
    assert rows == [("def", db, "utf8mb4", "utf8mb4_bin", None, "NO")]


def test_information_schema_tables(query, db):
    _, rows = query("SELECT table_name, table_type, engine, table_collation, table_comment "
                    f"FROM information_schema.tables WHERE table_schema = '{db}' "
                    "ORDER BY table_name")
    assert rows == [("posts", "BASE TABLE", "InnoDB", "utf8mb4_bin", ""),
                    ("user_names", "VIEW", None, None, "VIEW"),
                    ("users", "BASE TABLE", "InnoDB", "utf8mb4_bin", "people")]


def test_sqlalchemy_14_has_table_query(query, db):
    sql = ("SELECT COUNT(*) FROM information_schema.tables "
           f"WHERE table_schema = '{db}' AND table_name = '%s'")
    assert query(sql % "users")[1] == [(1,)]
    assert query(sql % "nobody")[1] == [(0,)]


def test_information_schema_columns(query, db):
    _, rows = query(
        "SELECT column_name, ordinal_position, column_default, is_nullable, data_type, "
        "character_maximum_length, numeric_precision, column_type, column_key, extra, "
        f"column_comment FROM information_schema.columns WHERE table_schema = '{db}' "
        "AND table_name = 'users' ORDER BY ordinal_position")
    assert rows == [
        ("id", 1, None, "NO", "int", None, 10, "int", "PRI", "auto_increment", ""),
        ("name", 2, None, "NO", "varchar", 50, None, "varchar(50)", "UNI", "", "login"),
        ("score", 3, "0", "YES", "double", None, 22, "double", "", "", ""),
        ("created", 4, "CURRENT_TIMESTAMP", "YES", "datetime", None, None, "datetime", "",
         "DEFAULT_GENERATED", "")]


def test_fk_case_columns_queries(query, db):
    """The queries SQLAlchemy 2.x and 1.4 run to fix the case of FK column names."""
    sql_20 = ("SELECT information_schema.columns.table_schema, "
              "information_schema.columns.table_name, information_schema.columns.column_name "
              "FROM information_schema.columns "
              f"WHERE information_schema.columns.table_schema = '{db}' "
              "AND information_schema.columns.table_name = 'users' "
              "AND lower(information_schema.columns.column_name) IN ('id', 'name')")
    assert query(sql_20) == (["table_schema", "table_name", "column_name"],
                             [(db, "users", "id"), (db, "users", "name")])
    sql_14 = ("select table_schema, table_name, column_name from information_schema.columns "
              f"where (table_schema, table_name, lower(column_name)) in (('{db}', 'USERS', 'id'),"
              f" ('{db}', 'users', 'ID'), ('{db}', 'posts', 'user_id'))")
    assert query(sql_14)[1] == [(db, "posts", "user_id")]


def test_information_schema_statistics(query, db):
    _, rows = query(
        "SELECT table_name, non_unique, index_name, seq_in_index, column_name, sub_part, "
        f"nullable, index_type FROM information_schema.statistics WHERE table_schema = '{db}' "
        "ORDER BY table_name, index_name, seq_in_index")
    # Sorted here: MySQL's information_schema collation is case-insensitive, vexdb's is binary.
    assert sorted(rows, key=lambda row: (row[0], row[2].lower())) == [
        ("posts", 1, "fk_user", 1, "user_id", None, "", "BTREE"),
        ("posts", 1, "ix_title", 1, "title", 20, "YES", "BTREE"),
        ("posts", 0, "PRIMARY", 1, "id", None, "", "BTREE"),
        ("users", 0, "PRIMARY", 1, "id", None, "", "BTREE"),
        ("users", 0, "uq_name", 1, "name", None, "", "BTREE")]


def test_information_schema_key_column_usage(query, db):
    names, rows = query(f"SELECT * FROM information_schema.key_column_usage "
                        f"WHERE table_schema = '{db}' ORDER BY table_name, constraint_name")
    assert names == ["CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
                     "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
                     "ORDINAL_POSITION", "POSITION_IN_UNIQUE_CONSTRAINT",
                     "REFERENCED_TABLE_SCHEMA", "REFERENCED_TABLE_NAME", "REFERENCED_COLUMN_NAME"]
    assert sorted((row[2:] for row in rows), key=lambda row: (row[3], row[0].lower())) == [
        ("fk_user", "def", db, "posts", "user_id", 1, 1, db, "users", "id"),
        ("PRIMARY", "def", db, "posts", "id", 1, None, None, None, None),
        ("PRIMARY", "def", db, "users", "id", 1, None, None, None, None),
        ("uq_name", "def", db, "users", "name", 1, None, None, None, None)]


@pytest.mark.skipif(shutil.which("mysql") is None, reason="no mysql command-line client")
def test_mysql_cli_prints_show_output(server, db):
    result = subprocess.run(
        ["mysql", "-h", "127.0.0.1", "-P", str(server.port), "-u", "root", "--batch", db,
         "-e", "SHOW FULL TABLES; DESCRIBE posts; SHOW CREATE TABLE users\\G"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [f"Tables_in_{db}\tTable_type", "posts\tBASE TABLE",
                         "user_names\tVIEW", "users\tBASE TABLE"]
    assert lines[4:8] == ["Field\tType\tNull\tKey\tDefault\tExtra",
                          "id\tint\tNO\tPRI\tNULL\t", "user_id\tint\tNO\tMUL\tNULL\t",
                          "title\tvarchar(200)\tYES\tMUL\tNULL\t"]
    assert "Create Table: CREATE TABLE `users` (" in result.stdout
    assert "  UNIQUE KEY `uq_name` (`name`)" in result.stdout
    assert ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='people'" in (
        result.stdout)
