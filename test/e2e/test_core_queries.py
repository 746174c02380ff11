"""SQLAlchemy Core SELECT shapes (mysql-sqlalchemy-needs.md §2.5) against vexdb, with exact results.

One small schema (departments, employees) is created with create_all and filled once per module;
each test renders a Core construct the way the MySQL dialect does over PyMySQL and checks the
rows, their order and their Python types.
"""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import (CHAR, Column, Date, DateTime, ForeignKey, Integer, MetaData, Numeric,
                        String, Table, and_, case, cast, create_engine, delete, distinct, exists,
                        func, insert, literal, literal_column, not_, null, or_, select, text,
                        tuple_, update)

metadata = MetaData()

departments = Table(
    "departments", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40), nullable=False, unique=True),
)

employees = Table(
    "employees", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40), nullable=False),
    Column("dept_id", ForeignKey("departments.id")),
    Column("salary", Numeric(10, 2)),
    Column("hired", Date),
    Column("email", String(80)),
    Column("updated", DateTime(), server_default=func.now()),
)

DEPARTMENTS = [dict(id=1, name="Eng"), dict(id=2, name="Sales"), dict(id=3, name="Empty")]
EMPLOYEES = [
    dict(id=1, name="Alice", dept_id=1, salary=Decimal("120000.50"), hired=dt.date(2020, 1, 15),
         email="alice@example.com"),
    dict(id=2, name="bob", dept_id=1, salary=Decimal("95000.00"), hired=dt.date(2021, 6, 1),
         email="BOB@Example.com"),
    dict(id=3, name="Carol", dept_id=2, salary=Decimal("70000.25"), hired=dt.date(2019, 3, 31),
         email=None),
    dict(id=4, name="dave", dept_id=2, salary=None, hired=dt.date(2022, 12, 31),
         email="dave@x.org"),
    dict(id=5, name="Eve", dept_id=None, salary=Decimal("50000.00"), hired=None,
         email="eve%_@x.org"),
]


@pytest.fixture(scope="module")
def engine(server, module_db):
    engine = create_engine(f"mysql+pymysql://root@127.0.0.1:{server.port}/{module_db}")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(departments), DEPARTMENTS)
        conn.execute(insert(employees), EMPLOYEES)
    yield engine
    metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def conn(engine):
    with engine.connect() as conn:
        yield conn


def ids(conn, where, order=None):
    query = select(employees.c.id).where(where).order_by(order or employees.c.id)
    return conn.execute(query).scalars().all()


E = employees.c


def test_connect_time_probes_answer_as_mysql(conn):
    dialect = conn.dialect
    assert dialect.server_version_info[:3] == (8, 0, 11)
    assert dialect.default_schema_name == conn.exec_driver_sql("SELECT DATABASE()").scalar()
    assert conn.get_isolation_level() == "REPEATABLE READ"
    assert dialect._server_ansiquotes is False
    # TiDB reports 2 (names kept as written, compared case-insensitively).
    assert conn.exec_driver_sql("SELECT @@lower_case_table_names").scalar() == 2


def test_has_table_uses_describe(engine, conn):
    assert engine.dialect.has_table(conn, "employees")
    assert not engine.dialect.has_table(conn, "no_such_table")
    rows = conn.exec_driver_sql("DESCRIBE employees").all()
    assert [r[0] for r in rows] == ["id", "name", "dept_id", "salary", "hired", "email",
                                    "updated"]
    assert rows[0][1:4] == ("int", "NO", "PRI")
    assert rows[3][1] == "decimal(10,2)"


@pytest.mark.parametrize("where, expected", [
    (E.salary > 70000.25, [1, 2]),
    (E.salary >= Decimal("70000.25"), [1, 2, 3]),
    (E.salary != Decimal("95000"), [1, 3, 5]),
    (and_(E.dept_id == 1, E.salary < 100000), [2]),
    (or_(E.dept_id == 2, E.name == "Eve"), [3, 4, 5]),
    (not_(E.dept_id == 1), [3, 4]),
    (E.dept_id.in_([2, 99]), [3, 4]),
    (E.dept_id.not_in([1]), [3, 4]),
    (E.dept_id.in_([]), []),
    (E.dept_id.not_in([]), [1, 2, 3, 4, 5]),
    (E.hired.between(dt.date(2020, 1, 15), dt.date(2021, 6, 1)), [1, 2]),
    (E.name.like("%o%"), [2, 3]),
    (E.name.ilike("%O%"), [2, 3]),
    (E.email.ilike("bob@%"), [2]),
    (E.email.contains("%_", autoescape=True), [5]),
    (E.name.startswith("C"), [3]),
    (E.name.endswith("e"), [1, 4, 5]),
    (E.email.is_(None), [3]),
    (E.salary.is_not(None), [1, 2, 3, 5]),
    (tuple_(E.dept_id, E.name).in_([(1, "bob"), (2, "Carol")]), [2, 3]),
    (E.name == "alice", []),
    (E.name.regexp_match("^[a-d]"), [2, 4]),
])
def test_where_predicates(conn, where, expected):
    assert ids(conn, where) == expected


def test_order_by_nulls_first_desc_and_limit_offset(conn):
    query = select(E.id).order_by(E.salary.desc(), E.id).limit(2).offset(1)
    assert conn.execute(query).scalars().all() == [2, 3]
    assert conn.execute(select(E.id).order_by(E.salary, E.id)).scalars().all() == [4, 5, 3, 2, 1]
    assert conn.execute(select(E.id).order_by(E.id).offset(3)).scalars().all() == [4, 5]


def test_distinct_and_count_distinct(conn):
    assert conn.execute(select(distinct(E.dept_id)).order_by(E.dept_id)).scalars().all() == \
        [None, 1, 2]
    assert conn.execute(select(func.count(distinct(E.dept_id)))).scalar() == 2


def test_group_by_having_with_aggregates(conn):
    query = (select(E.dept_id, func.count(), func.count(E.salary), func.sum(E.salary),
                    func.avg(E.salary), func.min(E.name), func.max(E.hired))
             .group_by(E.dept_id).having(func.count() > 1).order_by(E.dept_id))
    assert conn.execute(query).all() == [
        (1, 2, 2, Decimal("215000.50"), Decimal("107500.250000"), "Alice", dt.date(2021, 6, 1)),
        (2, 2, 1, Decimal("70000.25"), Decimal("70000.250000"), "Carol", dt.date(2022, 12, 31)),
    ]


def test_aggregates_over_no_rows(conn):
    query = select(func.count(), func.sum(E.salary), func.avg(E.salary), func.max(E.id)) \
        .where(E.id > 100)
    assert conn.execute(query).one() == (0, None, None, None)
    assert conn.execute(select(E.dept_id, func.count()).where(E.id > 100)
                        .group_by(E.dept_id)).all() == []


def test_inner_and_left_join(conn):
    d = departments.c
    inner = (select(d.name, E.name).join_from(employees, departments)
             .order_by(d.name, E.name))
    assert conn.execute(inner).all() == [("Eng", "Alice"), ("Eng", "bob"), ("Sales", "Carol"),
                                         ("Sales", "dave")]
    left = (select(d.name, func.count(E.id)).select_from(departments)
            .outerjoin(employees).group_by(d.name).order_by(d.name))
    assert conn.execute(left).all() == [("Empty", 0), ("Eng", 2), ("Sales", 2)]


def test_subquery_in_from(conn):
    sub = select(E.dept_id, func.sum(E.salary).label("total")).group_by(E.dept_id).subquery()
    query = select(sub.c.dept_id, sub.c.total).where(sub.c.total > 60000) \
        .order_by(sub.c.total.desc())
    assert conn.execute(query).all() == [(1, Decimal("215000.50")), (2, Decimal("70000.25"))]


def test_in_and_exists_subqueries(conn):
    d = departments.c
    in_sub = select(d.id).where(d.name.in_(["Sales"]))
    assert ids(conn, E.dept_id.in_(in_sub)) == [3, 4]
    assert ids(conn, E.dept_id.not_in(select(d.id).where(d.id < 2))) == [3, 4]
    correlated = exists().where(employees.c.dept_id == departments.c.id)
    query = select(d.name).where(~correlated).order_by(d.id)
    assert conn.execute(query).scalars().all() == ["Empty"]
    assert conn.execute(select(literal(1)).where(exists(select(E.id)))).scalar() == 1


def test_scalar_subquery_in_select_list(conn):
    d = departments.c
    count = select(func.count(E.id)).where(E.dept_id == d.id).scalar_subquery()
    query = select(d.name, count.label("n")).order_by(d.id)
    assert conn.execute(query).all() == [("Eng", 2), ("Sales", 2), ("Empty", 0)]


def test_case_cast_coalesce_and_literal_column(conn):
    band = case((E.salary >= 100000, "high"), (E.salary >= 60000, "mid"), else_="low")
    query = (select(E.id, band, cast(E.salary, Integer), cast(E.id, String(5)),
                    func.coalesce(E.email, "n/a"), literal_column("'x'") + literal_column("0"),
                    cast(E.salary, CHAR(6)))
             .order_by(E.id))
    rows = conn.execute(query).all()
    assert rows == [
        (1, "high", 120001, "1", "alice@example.com", 0, "120000"),
        (2, "mid", 95000, "2", "BOB@Example.com", 0, "95000."),
        (3, "mid", 70000, "3", "n/a", 0, "70000."),
        (4, "low", None, "4", "dave@x.org", 0, None),
        (5, "low", 50000, "5", "eve%_@x.org", 0, "50000."),
    ]
    assert type(rows[0][2]) is int


def test_cast_to_numeric_date_and_datetime(conn):
    query = select(cast("12.345", Numeric(5, 2)), cast("2024-02-29", Date),
                   cast("2024-02-29 10:11:12.5", DateTime), cast(literal("abc"), Integer))
    assert conn.execute(query).one() == (Decimal("12.35"), dt.date(2024, 2, 29),
                                         dt.datetime(2024, 2, 29, 10, 11, 13), 0)


def test_string_functions(conn):
    query = select(func.concat(E.name, "-", E.id), func.lower(E.name), func.upper(E.name),
                   func.length(E.name), func.char_length("中文"), func.substring(E.name, 2, 3),
                   func.replace(E.name, "l", "L"), func.trim("  x  "), func.ltrim("  x"),
                   func.rtrim("x  "), func.left(E.name, 2), func.right(E.name, 2),
                   func.concat_ws(",", E.name, None, "z"), func.locate("c", E.name),
                   func.lpad(E.id, 3, "0"), func.reverse(E.name)).where(E.id == 1)
    assert conn.execute(query).one() == (
        "Alice-1", "alice", "ALICE", 5, 2, "lic", "ALice", "x", "x", "x", "Al", "ce", "Alice,z",
        4, "001", "ecilA")


def test_numeric_functions(conn):
    query = select(func.abs(-5), func.round(Decimal("2.345"), 2), func.round(2.5), func.ceil(1.2),
                   func.floor(-1.2), func.mod(10, 3), literal(10) % 4, literal(7) / 2,
                   func.truncate(Decimal("1.999"), 1), func.power(2, 10), func.sign(-3),
                   func.greatest(1, 5, 3), func.least(4, 2))
    # ROUND of a DOUBLE (PyMySQL sends 2.5e0) rounds half to even, as TiDB and MySQL's rint do.
    assert conn.execute(query).one() == (5, Decimal("2.35"), 2.0, 2, -2, 1, 2, Decimal("3.5000"),
                                         Decimal("1.9"), 1024.0, -1, 5, 2)


def test_date_functions(conn):
    # PyMySQL sends the datetime as a string literal, so DATE_ADD returns a string (MySQL rule).
    day = dt.datetime(2024, 2, 29, 13, 14, 15)
    query = select(func.year(day), func.month(day), func.day(day), func.hour(day),
                   func.date(day), func.date_format(day, "%Y/%m/%d %H:%i"),
                   func.datediff("2024-03-01", "2024-02-28"),
                   func.date_add(day, text("INTERVAL 1 DAY")),
                   func.timestampdiff(text("MONTH"), "2024-01-31", "2024-02-29"),
                   func.dayofweek(day), func.last_day(day), func.str_to_date("01,5,2013",
                                                                              "%d,%m,%Y"))
    assert conn.execute(query).one() == (2024, 2, 29, 13, dt.date(2024, 2, 29), "2024/02/29 13:14",
                                         2, "2024-03-01 13:14:15", 0, 5,
                                         dt.date(2024, 2, 29), dt.date(2013, 5, 1))


def test_now_and_server_default_timestamp(conn):
    now, utc = conn.execute(select(func.now(), func.utc_timestamp())).one()
    assert isinstance(now, dt.datetime) and now.microsecond == 0
    updated = conn.execute(select(E.updated).where(E.id == 1)).scalar()
    assert isinstance(updated, dt.datetime)
    assert abs((now - updated).total_seconds()) < 600


def test_offset_without_limit_renders_max_unsigned(conn):
    assert conn.exec_driver_sql(
        "SELECT id FROM employees ORDER BY id LIMIT 3, 18446744073709551615").scalars().all() \
        == [4, 5]


def test_null_literal_and_null_comparisons(conn):
    assert conn.execute(select(null(), literal(None) == None)).one() == (None, True)  # noqa: E711
    assert conn.exec_driver_sql("SELECT NULL = NULL, NULL <=> NULL, 1 IN (NULL, 2)").one() == \
        (None, 1, None)
    assert conn.execute(select(func.count()).where(E.salary == None)).scalar() == 1  # noqa: E711


def test_union_and_union_all(conn):
    from sqlalchemy import union, union_all
    a = select(E.dept_id).where(E.dept_id.is_not(None))
    b = select(departments.c.id)
    assert sorted(conn.execute(union(a, b)).scalars().all()) == [1, 2, 3]
    assert len(conn.execute(union_all(a, b)).scalars().all()) == 7


def test_update_and_delete_rowcount_counts_matched_rows(engine):
    with engine.begin() as conn:
        same = conn.execute(update(employees).where(E.id == 1).values(name="Alice"))
        assert same.rowcount == 1
        many = conn.execute(update(employees).where(E.dept_id == 1).values(name=E.name))
        assert many.rowcount == 2
        none = conn.execute(update(employees).where(E.id == 999).values(name="x"))
        assert none.rowcount == 0
        conn.rollback()
    with engine.connect() as conn:
        trans = conn.begin()
        assert conn.execute(delete(employees).where(E.dept_id == 2)).rowcount == 2
        trans.rollback()
        assert conn.execute(select(func.count()).select_from(employees)).scalar() == 5


def test_multi_row_insert_reports_first_id_and_rowcount(engine):
    table = Table("autos", MetaData(), Column("id", Integer, primary_key=True),
                  Column("v", String(10)))
    table.create(engine)
    try:
        with engine.begin() as conn:
            first = conn.execute(insert(table).values(v="a"))
            assert first.inserted_primary_key == (1,)
            many = conn.exec_driver_sql("INSERT INTO autos (v) VALUES ('b'), ('c'), ('d')")
            assert many.rowcount == 3
            assert many.lastrowid == 2
            assert conn.execute(select(func.last_insert_id())).scalar() == 2
            explicit = conn.execute(insert(table).values(id=10, v="e"))
            assert explicit.inserted_primary_key == (10,)
            assert conn.execute(insert(table).values(v="f")).inserted_primary_key == (11,)
            batch = conn.execute(insert(table), [dict(v="g"), dict(v="h")])
            assert batch.rowcount == 2
            assert conn.execute(select(table.c.id).order_by(table.c.id)).scalars().all() == \
                [1, 2, 3, 4, 10, 11, 12, 13]
    finally:
        table.drop(engine)


def test_foreign_key_is_enforced(engine):
    from sqlalchemy.exc import IntegrityError
    with engine.connect() as conn:
        with pytest.raises(IntegrityError) as error:
            conn.execute(insert(employees).values(id=50, name="x", dept_id=42))
        assert error.value.orig.args[0] == 1452
        conn.rollback()
        with pytest.raises(IntegrityError) as error:
            conn.execute(delete(departments).where(departments.c.id == 1))
        assert error.value.orig.args[0] == 1451
        conn.rollback()
