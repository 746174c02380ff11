"""Every column type SQLAlchemy emits round-trips exactly, with the Python type each driver gives.

Values go in through SQLAlchemy Core over PyMySQL (client-side interpolated literals, as in
mysql-sqlalchemy-needs.md §4) and come back with the exact Python type: int, bool, Decimal,
float, str, bytes, date, datetime with microseconds, timedelta for TIME, dict for JSON. The same
rows are then read through mysqlclient and mysql-connector-python, which convert by the column
metadata (type code, charset, flags) on their own.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import (JSON, BigInteger, Boolean, Column, Date, DateTime, Float, Integer,
                        LargeBinary, MetaData, Numeric, SmallInteger, String, Table, Text, Time,
                        create_engine, insert, select)
from sqlalchemy.dialects import mysql

from drivers import DRIVERS

metadata = MetaData()

values = Table(
    "type_values", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("tiny", mysql.TINYINT),
    Column("tiny_u", mysql.TINYINT(unsigned=True)),
    Column("small", SmallInteger),
    Column("small_u", mysql.SMALLINT(unsigned=True)),
    Column("medium", mysql.MEDIUMINT),
    Column("medium_u", mysql.MEDIUMINT(unsigned=True)),
    Column("int_", Integer),
    Column("int_u", mysql.INTEGER(unsigned=True)),
    Column("big", BigInteger),
    Column("big_u", mysql.BIGINT(unsigned=True)),
    Column("flag", Boolean),
    Column("money", Numeric(10, 2)),
    Column("wide", Numeric(38, 10)),
    Column("f", Float),
    Column("d", mysql.DOUBLE(asdecimal=False)),
    Column("code", mysql.CHAR(8)),
    Column("name", String(64)),
    Column("body", Text),
    Column("blob", LargeBinary),
    Column("day", Date),
    Column("at", DateTime),
    Column("at6", mysql.DATETIME(fsp=6)),
    Column("at3", mysql.DATETIME(fsp=3)),
    Column("ts", mysql.TIMESTAMP(fsp=6)),
    Column("clock", Time),
    Column("clock6", mysql.TIME(fsp=6)),
    Column("doc", JSON),
)

MAX_ROW = dict(
    id=1, tiny=127, tiny_u=255, small=32767, small_u=65535, medium=8388607, medium_u=16777215,
    int_=2147483647, int_u=4294967295, big=9223372036854775807, big_u=18446744073709551615,
    flag=True, money=Decimal("99999999.99"), wide=Decimal("9999999999999999999999999999.9999999999"),
    f=1.5, d=1.7976931348623157e308, code="abc", name="héllo wörld 😀 中文字符",
    body="line1\nline2\t'quoted' \"dq\" back\\slash " + "长" * 300,
    blob=bytes(range(256)), day=dt.date(9999, 12, 31),
    at=dt.datetime(2024, 2, 29, 23, 59, 59), at6=dt.datetime(2024, 1, 2, 3, 4, 5, 123456),
    at3=dt.datetime(2024, 1, 2, 3, 4, 5, 789000), ts=dt.datetime(2038, 1, 19, 3, 14, 7, 999999),
    clock=dt.time(23, 59, 59), clock6=dt.time(12, 34, 56, 654321),
    doc={"k": [1, 2.5, None, True], "s": "é😀", "n": {"x": "y"}})

MIN_ROW = dict(
    id=2, tiny=-128, tiny_u=0, small=-32768, small_u=0, medium=-8388608, medium_u=0,
    int_=-2147483648, int_u=0, big=-9223372036854775808, big_u=0, flag=False,
    money=Decimal("-99999999.99"), wide=Decimal("-0.0000000001"), f=-0.25, d=-2.2250738585072014e-308,
    code="", name="", body="", blob=b"", day=dt.date(1000, 1, 1),
    at=dt.datetime(1000, 1, 1, 0, 0, 0), at6=dt.datetime(1970, 1, 1, 0, 0, 0, 1),
    at3=dt.datetime(1999, 12, 31, 23, 59, 59, 1000), ts=dt.datetime(1970, 1, 2, 0, 0, 0),
    clock=dt.time(0, 0, 0), clock6=dt.time(0, 0, 0, 1), doc=[])

NULL_ROW = dict({name: None for name in MAX_ROW}, id=3)


@pytest.fixture(scope="module")
def engine(server, module_db):
    engine = create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/{module_db}")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(values), [MAX_ROW, MIN_ROW, NULL_ROW])
    yield engine
    metadata.drop_all(engine)
    engine.dispose()


def fetch_row(engine, row_id):
    with engine.connect() as conn:
        return conn.execute(select(values).where(values.c.id == row_id)).one()._asdict()


@pytest.mark.parametrize("row", [MAX_ROW, MIN_ROW], ids=["max", "min"])
def test_every_value_round_trips_with_its_python_type(engine, row):
    got = fetch_row(engine, row["id"])
    for name, want in row.items():
        assert got[name] == want, name
        assert type(got[name]) is type(want), name


@pytest.mark.parametrize("dialect", ["mysqldb", "mysqlconnector"])
@pytest.mark.parametrize("row", [MAX_ROW, MIN_ROW, NULL_ROW], ids=["max", "min", "null"])
def test_other_sqlalchemy_dialects_read_the_same_values(engine, server, module_db, dialect, row):
    other = create_engine(f"mysql+{dialect}://root@127.0.0.1:{server.port}/{module_db}")
    try:
        got = fetch_row(other, row["id"])
    finally:
        other.dispose()
    for name, want in row.items():
        assert got[name] == want, name
        assert type(got[name]) is type(want), name


@pytest.mark.parametrize("dialect", ["pymysql", "mysqldb", "mysqlconnector"])
def test_other_sqlalchemy_dialects_write_the_same_values(engine, server, module_db, dialect):
    other = create_engine(f"mysql+{dialect}://root@127.0.0.1:{server.port}/{module_db}")
    row = dict(MAX_ROW, id=100)
    try:
        with other.begin() as conn:
            conn.execute(insert(values), [row])
        got = fetch_row(engine, 100)
        with other.begin() as conn:
            conn.execute(values.delete().where(values.c.id == 100))
    finally:
        other.dispose()
    assert got == row


def test_nulls_round_trip_in_every_type(engine):
    assert fetch_row(engine, 3) == NULL_ROW


def test_decimal_keeps_exact_scale_on_the_wire(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("SELECT money, wide FROM type_values ORDER BY id")
        rows = cursor.fetchall()
    assert rows == ((Decimal("99999999.99"), Decimal("9999999999999999999999999999.9999999999")),
                    (Decimal("-99999999.99"), Decimal("-0.0000000001")), (None, None))
    assert [str(v) for v in rows[0]] == ["99999999.99", "9999999999999999999999999999.9999999999"]


def test_decimal_text_has_exactly_scale_digits(server, module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE dec_scale (v DECIMAL(12, 4))")
        cursor.execute("INSERT INTO dec_scale VALUES (1.5), (-0.00005), (0), (12345678.12345)")
        cursor.execute("SELECT CAST(v AS CHAR) FROM dec_scale")
        assert [r[0] for r in cursor.fetchall()] == ["1.5000", "-0.0001", "0.0000",
                                                    "12345678.1235"]
        cursor.execute("DROP TABLE dec_scale")


def test_decimal_out_of_range_is_an_error_not_a_changed_value(module_db, connect):
    import pymysql
    with connect(database=module_db, autocommit=True).cursor() as cursor:
        cursor.execute("CREATE TABLE dec_range (v DECIMAL(5, 2))")
        with pytest.raises(pymysql.err.DataError) as error:
            cursor.execute("INSERT INTO dec_range VALUES (1000.00)")
        assert error.value.args[0] == 1264
        cursor.execute("SELECT COUNT(*) FROM dec_range")
        assert cursor.fetchone() == (0,)
        cursor.execute("DROP TABLE dec_range")


def test_float_column_keeps_single_precision(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE floats (f FLOAT, d DOUBLE)")
        cursor.execute("INSERT INTO floats VALUES (0.1e0, 0.1e0), (3.4028234663852886e38, 5e-324)")
        cursor.execute("SELECT f, d FROM floats")
        assert cursor.fetchall() == ((0.1, 0.1), (3.4028235e38, 5e-324))
        cursor.execute("DROP TABLE floats")


def test_bigint_unsigned_out_of_range_is_rejected(module_db, connect):
    import pymysql
    with connect(database=module_db, autocommit=True).cursor() as cursor:
        cursor.execute("CREATE TABLE ubig (v BIGINT UNSIGNED)")
        for bad in ("18446744073709551616", "-1"):
            with pytest.raises(pymysql.err.DataError) as error:
                cursor.execute(f"INSERT INTO ubig VALUES ({bad})")
            assert error.value.args[0] == 1264
        cursor.execute("INSERT INTO ubig VALUES (18446744073709551615)")
        cursor.execute("SELECT v, v + 0 FROM ubig WHERE v = 18446744073709551615")
        assert cursor.fetchall() == ((18446744073709551615, 18446744073709551615),)
        cursor.execute("DROP TABLE ubig")


def test_boolean_is_tinyint_and_reads_back_as_bool(engine):
    with engine.connect() as conn:
        rows = conn.execute(select(values.c.flag).order_by(values.c.id)).scalars().all()
        assert rows == [True, False, None]
        assert [type(v) for v in rows[:2]] == [bool, bool]
        assert conn.execute(select(values.c.id).where(values.c.flag.is_(True))).scalars().all() \
            == [1]
        assert conn.exec_driver_sql("SELECT flag FROM type_values WHERE id = 1").scalar() == 1


def test_json_is_returned_as_normalised_text_and_parsed_by_sqlalchemy(engine):
    with engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT doc FROM type_values WHERE id = 1").scalar()
        assert isinstance(raw, str)
        assert json.loads(raw) == MAX_ROW["doc"]
        assert conn.execute(select(values.c.doc).where(values.c.id == 2)).scalar() == []


def test_json_rejects_invalid_text(module_db, connect):
    import pymysql
    with connect(database=module_db, autocommit=True).cursor() as cursor:
        cursor.execute("CREATE TABLE docs (d JSON)")
        with pytest.raises(pymysql.err.MySQLError) as error:
            cursor.execute("INSERT INTO docs VALUES ('{not json')")
        assert error.value.args[0] == 3140
        cursor.execute("DROP TABLE docs")


def test_time_covers_negative_and_over_24_hours(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE clocks (t TIME(6))")
        cursor.execute("INSERT INTO clocks VALUES ('-01:02:03.5'), ('838:59:59'), ('00:00:00')")
        cursor.execute("SELECT t FROM clocks")
        assert cursor.fetchall() == ((-dt.timedelta(hours=1, minutes=2, seconds=3.5),),
                                     (dt.timedelta(hours=838, minutes=59, seconds=59),),
                                     (dt.timedelta(0),))
        cursor.execute("DROP TABLE clocks")


def test_datetime_fsp_rounds_extra_digits(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE stamps (a DATETIME, b DATETIME(2))")
        cursor.execute("INSERT INTO stamps VALUES ('2024-01-02 03:04:05.6', "
                       "'2024-01-02 03:04:05.125')")
        cursor.execute("SELECT a, b, CAST(b AS CHAR) FROM stamps")
        assert cursor.fetchone() == (dt.datetime(2024, 1, 2, 3, 4, 6),
                                     dt.datetime(2024, 1, 2, 3, 4, 5, 130000),
                                     "2024-01-02 03:04:05.13")
        cursor.execute("DROP TABLE stamps")


def test_utf8mb4_text_keeps_code_points_and_lengths(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE words (w VARCHAR(4))")
        cursor.execute("INSERT INTO words VALUES ('😀中文a'), ('𝄞')")
        cursor.execute("SELECT w, CHAR_LENGTH(w), LENGTH(w), UPPER(w) FROM words ORDER BY w")
        assert cursor.fetchall() == (("𝄞", 1, 4, "𝄞"), ("😀中文a", 4, 11, "😀中文A"))
        cursor.execute("DROP TABLE words")


def test_binary_bytes_that_are_not_utf8_round_trip(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE bins (b VARBINARY(16), c BLOB)")
        data = b"\x00\x01\xff\xfe'\"\\\n\r\x1a%_"
        cursor.execute("INSERT INTO bins VALUES (%s, %s)", (data, data))
        cursor.execute("SELECT b, c, LENGTH(c), HEX(b) FROM bins")
        assert cursor.fetchone() == (data, data, len(data), data.hex().upper())
        cursor.execute("DROP TABLE bins")


@pytest.mark.parametrize("driver", DRIVERS, ids=lambda d: d.name)
def test_other_drivers_read_the_same_values(engine, server, module_db, driver):
    conn = driver.connect(server, database=module_db)
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT * FROM type_values WHERE id = 1")
        names = [d[0] for d in cursor.description]
        got = dict(zip(names, cursor.fetchone()))
        cursor.close()
    finally:
        conn.close()
    for name, want in MAX_ROW.items():
        if name == "flag":
            want = 1
        elif name in ("clock", "clock6"):
            want = dt.timedelta(hours=want.hour, minutes=want.minute, seconds=want.second,
                                microseconds=want.microsecond)
        elif name == "doc":
            assert json.loads(got[name]) == want, name
            continue
        if driver.name.startswith("connector") and name in ("body", "blob") and \
                isinstance(got[name], bytearray):
            got[name] = bytes(got[name])
        assert got[name] == want, name
        assert type(got[name]) is type(want), (name, type(got[name]))


# (type code, display length, decimals) each column's metadata carries, per §4 of the needs doc.
COLUMN_METADATA = {
    "tiny": (1, 4, 0), "tiny_u": (1, 3, 0), "small": (2, 6, 0), "medium": (9, 9, 0),
    "int_": (3, 11, 0), "int_u": (3, 10, 0), "big": (8, 20, 0), "big_u": (8, 20, 0),
    "flag": (1, 1, 0), "money": (246, 12, 2), "wide": (246, 40, 10), "f": (4, 12, 31),
    "d": (5, 22, 31), "code": (254, 32, 0), "name": (253, 256, 0), "body": (252, 262140, 0),
    "blob": (252, 65535, 0), "day": (10, 10, 0), "at": (12, 19, 0), "at6": (12, 26, 6),
    "at3": (12, 23, 3), "ts": (7, 26, 6), "clock": (11, 10, 0), "clock6": (11, 17, 6),
    "doc": (245, 4294967295, 0),
}


def test_column_metadata_carries_type_code_length_and_decimals(engine, module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("SELECT * FROM type_values WHERE id = 0")
        fields = cursor._result.fields
        got = {f.name: (f.type_code, f.length, f.scale) for f in fields}
        flags = {f.name: (f.flags, f.charsetnr) for f in fields}
    assert {name: got[name] for name in COLUMN_METADATA} == COLUMN_METADATA
    unsigned, binary = 32, 128
    assert flags["big_u"][0] & unsigned and not flags["big"][0] & unsigned
    assert flags["blob"] == (flags["blob"][0], 63) and flags["blob"][0] & binary
    assert flags["name"][1] != 63 and flags["body"][1] != 63
    assert flags["id"][0] & 1  # NOT_NULL


def test_enum_and_year_columns(module_db, connect):
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("CREATE TABLE enums (e ENUM('small', 'medium', 'large'), y YEAR)")
        cursor.execute("INSERT INTO enums VALUES ('medium', 2024), ('large', 1901), (NULL, NULL)")
        cursor.execute("SELECT e, y FROM enums ORDER BY e")
        assert cursor.fetchall() == ((None, None), ("medium", 2024), ("large", 1901))
        cursor.execute("DROP TABLE enums")
