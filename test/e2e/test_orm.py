"""SQLAlchemy 2.x ORM against vexdb: the unit of work, relationships, loaders and bulk statements.

The model is mysql-sqlalchemy-needs.md §2.3/§2.4: users with a unique name, a server default and
a JSON column; addresses with a foreign key ON DELETE CASCADE. Each test starts from a fresh
create_all and checks what the ORM reads back, including the rowcounts it depends on
(StaleDataError otherwise) and the autoincrement keys it takes from the OK packet.
"""

import datetime as dt
from decimal import Decimal
from typing import List, Optional

import pytest
from sqlalchemy import (JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, Numeric,
                        String, Text, create_engine, delete, func, inspect, select, text, update)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, joinedload, mapped_column,
                            relationship, selectinload)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    fullname: Mapped[Optional[str]] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    balance: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    created: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    data: Mapped[Optional[dict]] = mapped_column(JSON)
    avatar: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    addresses: Mapped[List["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="Address.id")


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(100), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    user: Mapped[User] = relationship(back_populates="addresses")


@pytest.fixture(scope="module", params=["pymysql", "mysqldb", "mysqlconnector"])
def engine(server, module_db, request):
    """An engine over each driver: they differ in how rowcount and lastrowid reach the ORM."""
    engine = create_engine(f"mysql+{request.param}://root@127.0.0.1:{server.port}/{module_db}")
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    Base.metadata.drop_all(engine)


def add_users(session, count=3, emails_each=2):
    users = [User(name=f"u{i}", fullname=f"User {i}", balance=Decimal(f"{i}.50"),
                  addresses=[Address(email=f"u{i}.{j}@x.com") for j in range(emails_each)])
             for i in range(1, count + 1)]
    session.add_all(users)
    session.commit()
    return users


def test_create_all_builds_keys_and_drop_all_removes_them(engine, session):
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) >= {"users", "addresses"}
    assert inspector.get_pk_constraint("users")["constrained_columns"] == ["id"]
    assert [u["column_names"] for u in inspector.get_unique_constraints("users")] == [["name"]]
    fks = inspector.get_foreign_keys("addresses")
    assert [(fk["constrained_columns"], fk["referred_table"], fk["options"]) for fk in fks] == \
        [(["user_id"], "users", {"ondelete": "CASCADE"})]
    assert "ix_addresses_email" in {ix["name"] for ix in inspector.get_indexes("addresses")}
    columns = {c["name"]: c for c in inspector.get_columns("users")}
    assert columns["id"]["autoincrement"] is True
    assert columns["fullname"]["nullable"] is True and columns["name"]["nullable"] is False


def test_add_assigns_autoincrement_ids_and_server_defaults(session):
    users = add_users(session)
    assert [u.id for u in users] == [1, 2, 3]
    assert [a.id for a in users[1].addresses] == [3, 4]
    assert users[0].addresses[0].user_id == 1
    session.expire_all()
    alice = session.get(User, 1)
    assert alice.active is True
    assert alice.balance == Decimal("1.50") and isinstance(alice.balance, Decimal)
    assert isinstance(alice.created, dt.datetime)
    assert abs(alice.created - dt.datetime.now()).total_seconds() < 24 * 3600


def test_values_round_trip_through_the_orm(session):
    blob = b"\x00\xff\x80'\\"
    user = User(name="名前😀", fullname="Ünïcödé 中文 🎉", active=False,
                balance=Decimal("-1234567890.12"), data={"tags": ["a", "é"], "n": 1.5, "z": None},
                avatar=blob)
    session.add(user)
    session.commit()
    session.expunge_all()
    got = session.scalars(select(User).where(User.name == "名前😀")).one()
    assert (got.fullname, got.active, got.balance, got.data, got.avatar) == \
        ("Ünïcödé 中文 🎉", False, Decimal("-1234567890.12"),
         {"tags": ["a", "é"], "n": 1.5, "z": None}, blob)


def test_session_get_and_missing_key(session):
    add_users(session, count=2)
    session.expunge_all()
    assert session.get(User, 2).name == "u2"
    assert session.get(User, 99) is None


def test_update_that_changes_nothing_still_counts_as_matched(session):
    add_users(session, count=1)
    user = session.get(User, 1)
    session.execute(text("UPDATE users SET fullname = 'Same' WHERE id = 1"))
    # The ORM sends UPDATE ... SET fullname='Same' WHERE id = 1 for a row that already holds
    # 'Same': the count must be of matched rows (CLIENT_FOUND_ROWS) or it raises StaleDataError.
    user.fullname = "Same"
    session.commit()
    user.fullname = "Renamed"
    session.commit()
    session.expunge_all()
    assert session.get(User, 1).fullname == "Renamed"


def test_delete_cascades_in_the_orm_and_in_the_database(session, engine):
    add_users(session, count=2)
    session.delete(session.get(User, 1))
    session.commit()
    assert session.scalars(select(Address.email).order_by(Address.id)).all() == \
        ["u2.0@x.com", "u2.1@x.com"]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM users WHERE id = 2"))
        assert conn.execute(text("SELECT COUNT(*) FROM addresses")).scalar() == 0


def test_unique_violation_raises_integrity_error(session):
    add_users(session, count=1, emails_each=0)
    session.add(User(name="u1"))
    with pytest.raises(IntegrityError) as error:
        session.commit()
    assert error.value.orig.args[0] == 1062
    session.rollback()
    assert session.scalar(select(func.count()).select_from(User)) == 1


def test_selectinload_and_joinedload(session):
    add_users(session, count=3, emails_each=2)
    session.expunge_all()
    users = session.scalars(select(User).options(selectinload(User.addresses))
                            .order_by(User.id)).all()
    assert [[a.email for a in u.addresses] for u in users] == [
        ["u1.0@x.com", "u1.1@x.com"], ["u2.0@x.com", "u2.1@x.com"], ["u3.0@x.com", "u3.1@x.com"]]
    session.expunge_all()
    users = session.scalars(select(User).options(joinedload(User.addresses))
                            .where(User.id.in_([1, 3])).order_by(User.id)).unique().all()
    assert [(u.id, len(u.addresses)) for u in users] == [(1, 2), (3, 2)]
    session.expunge_all()
    address = session.scalars(select(Address).options(joinedload(Address.user))
                              .where(Address.email == "u2.1@x.com")).one()
    assert address.user.name == "u2"


def test_lazy_load_and_append_to_relationship(session):
    add_users(session, count=1, emails_each=1)
    session.expunge_all()
    user = session.get(User, 1)
    user.addresses.append(Address(email="new@x.com"))
    session.commit()
    session.expunge_all()
    assert [a.email for a in session.get(User, 1).addresses] == ["u1.0@x.com", "new@x.com"]


def test_bulk_update_and_delete_with_synchronize_session(session):
    add_users(session, count=3, emails_each=2)
    loaded = session.scalars(select(Address).order_by(Address.id)).all()
    result = session.execute(update(Address).where(Address.email.like("u1.%"))
                             .values(email=func.upper(Address.email)),
                             execution_options={"synchronize_session": "fetch"})
    assert result.rowcount == 2
    assert [a.email for a in loaded[:3]] == ["U1.0@X.COM", "U1.1@X.COM", "u2.0@x.com"]
    result = session.execute(delete(Address).where(Address.user_id == 2),
                             execution_options={"synchronize_session": "auto"})
    assert result.rowcount == 2
    session.commit()
    assert session.scalars(select(Address.id).order_by(Address.id)).all() == [1, 2, 5, 6]
    result = session.execute(update(User).where(User.balance > 1).values(active=False),
                             execution_options={"synchronize_session": "evaluate"})
    assert result.rowcount == 3
    session.commit()
    assert session.scalars(select(User.active)).all() == [False, False, False]


def test_query_count_over_a_subquery_and_paging(session):
    add_users(session, count=5, emails_each=1)
    query = session.query(User).filter(User.name.ilike("U%"))
    assert query.count() == 5
    assert [u.id for u in query.order_by(User.id.desc()).limit(2).offset(1)] == [4, 3]
    assert [u.id for u in query.order_by(User.id).offset(3)] == [4, 5]
    assert session.query(User).filter(User.id.in_([])).count() == 0
    assert session.query(func.count(Address.id)).join(User).filter(User.id > 3).scalar() == 2


def test_group_by_having_through_the_orm(session):
    add_users(session, count=3, emails_each=0)
    session.add_all([Address(email=f"{i}@x", user_id=1 + i % 2) for i in range(5)])
    session.commit()
    rows = session.execute(
        select(User.name, func.count(Address.id).label("n"))
        .join(User.addresses).group_by(User.name).having(func.count(Address.id) >= 2)
        .order_by(func.count(Address.id).desc())).all()
    assert rows == [("u1", 3), ("u2", 2)]


def test_exists_and_outer_join_in_orm_queries(session):
    add_users(session, count=3, emails_each=0)
    session.add(Address(email="only@x", user_id=2))
    session.commit()
    with_address = select(User.name).where(User.addresses.any()).order_by(User.id)
    assert session.scalars(with_address).all() == ["u2"]
    without = select(User.name).where(~User.addresses.any()).order_by(User.id)
    assert session.scalars(without).all() == ["u1", "u3"]
    outer = select(User.name, Address.email).outerjoin(User.addresses).order_by(User.id)
    assert session.execute(outer).all() == [("u1", None), ("u2", "only@x"), ("u3", None)]


def test_rollback_discards_pending_changes(session):
    add_users(session, count=1, emails_each=0)
    session.get(User, 1).fullname = "Not saved"
    session.add(User(name="ghost"))
    session.flush()
    session.rollback()
    session.expunge_all()
    assert session.get(User, 1).fullname == "User 1"
    assert session.scalar(select(func.count()).select_from(User)) == 1


def test_savepoints_with_begin_nested(session):
    add_users(session, count=1, emails_each=0)
    with session.begin_nested():
        session.add(User(name="kept"))
    nested = session.begin_nested()
    session.add(User(name="dropped"))
    session.flush()
    nested.rollback()
    session.commit()
    assert session.scalars(select(User.name).order_by(User.id)).all() == ["u1", "kept"]
