"""tidb-vector (PyPI) runs against vexdb: what tidb-vector-python's own tests and its users rely on.

Three parts of the package, each through the real server:

- `VectorType`: vectors written from Python lists and numpy arrays come back as the same float32
  arrays; PyMySQL and mysqlclient hand the column over as `str`; the four comparator methods give
  TiDB's exact distances in SELECT, ORDER BY ... LIMIT and WHERE; mismatched dimensions are an
  OperationalError.
- `VectorAdaptor`: creating and detecting the vector index that `ALTER TABLE ... ADD VECTOR INDEX`
  makes, and querying a column whose index has another metric.
- `TiDBVectorClient` (behind the LangChain and LlamaIndex TiDB vector stores): tables with and
  without a dimension and distance strategy, metadata filters, deletes, `execute()`, and reading
  an existing table's definition back from INFORMATION_SCHEMA.COLUMNS.

Expected distances are TiDB's float32 arithmetic (tidb-vector-spec.md 2.2), compared with `==`.
"""

import json

import numpy as np
import pymysql
import pytest
from sqlalchemy import URL, Integer, create_engine, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import NullPool
from tidb_vector import DistanceMetric
from tidb_vector.integrations import TiDBVectorClient
from tidb_vector.integrations.utils import (EmbeddingColumnMismatchError, check_table_existence,
                                            get_embedding_column_definition)
from tidb_vector.sqlalchemy import VectorAdaptor, VectorType

DRIVERS = ["pymysql", "mysqldb"]


def url_of(server, database, driver="pymysql"):
    return URL.create(f"mysql+{driver}", username="root", host=server.host, port=server.port,
                      database=database)


# ---------------------------------------------------------------------------------------------
# VectorType
# ---------------------------------------------------------------------------------------------

class Base(DeclarativeBase):
    pass


class FreeItem(Base):
    """A dimensionless VECTOR column."""
    __tablename__ = "free_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    embedding = mapped_column(VectorType())


class FixedItem(Base):
    """A VECTOR(3) column."""
    __tablename__ = "fixed_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    embedding = mapped_column(VectorType(3))


@pytest.fixture(scope="module", params=DRIVERS)
def engine(request, server, module_db):
    """An engine on the module's database through each driver in turn."""
    engine = create_engine(url_of(server, module_db, request.param))
    yield engine
    engine.dispose()


@pytest.fixture(params=[FreeItem, FixedItem], ids=["VECTOR", "VECTOR(3)"])
def model(request, engine):
    """Each item model in turn, its table freshly created and empty."""
    table = request.param.__table__
    table.drop(engine, checkfirst=True)
    table.create(engine)
    return request.param


def insert(engine, model, *embeddings):
    """Inserts the embeddings with ids 1, 2, ... in one transaction."""
    with Session(engine) as session:
        session.add_all(model(id=i, embedding=v) for i, v in enumerate(embeddings, start=1))
        session.commit()


def read_back(engine, model):
    """The embeddings as VectorType decodes them, in id order."""
    with Session(engine) as session:
        return session.scalars(select(model.embedding).order_by(model.id)).all()


def raw_text(engine, model):
    """The embeddings exactly as the driver hands them over, in id order."""
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            f"SELECT embedding FROM {model.__tablename__} ORDER BY id").scalars().all()


def assert_float32_arrays(actual, expected):
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected):
        assert isinstance(got, np.ndarray) and got.dtype == np.float32
        assert got.tobytes() == np.asarray(want, dtype=np.float32).tobytes()


def test_python_lists_round_trip(engine, model):
    """Lists (sent as Python's `[1, 2, 3]` text, exponents included) come back as float32 arrays;
    the driver returns the vector as `str` in TiDB's text form."""
    vectors = [[1, 2, 3], [0.5, -2.25, 1e-07], [3.3, 0.12345678901, -0.0]]
    insert(engine, model, *vectors)
    assert_float32_arrays(read_back(engine, model), vectors)
    assert raw_text(engine, model) == ["[1,2,3]", "[0.5,-2.25,0.0000001]",
                                       "[3.3,0.12345679,-0]"]


def test_numpy_arrays_round_trip(engine, model):
    """float32 arrays come back bit-identical; float64 arrays come back rounded to float32."""
    float32 = np.array([0.1, 2.5, -3], dtype=np.float32)
    float64 = np.array([1 / 3, 1e20, 2 ** -30], dtype=np.float64)
    insert(engine, model, float32, float64)
    [back32, back64] = read_back(engine, model)
    assert back32.tobytes() == float32.tobytes()
    assert back64.tobytes() == float64.astype(np.float32).tobytes()
    assert raw_text(engine, model) == [
        "[0.1,2.5,-3]", "[0.33333334,100000000000000000000,0.0000000009313226]"]


def test_null_round_trips_and_has_null_distances(engine, model):
    """A NULL vector reads back as None and every distance to it is NULL (None)."""
    insert(engine, model, None, [1, 2, 3])
    assert read_back(engine, model)[0] is None
    with Session(engine) as session:
        distances = session.execute(
            select(model.embedding.l1_distance([1, 2, 3]), model.embedding.l2_distance([1, 2, 3]),
                   model.embedding.cosine_distance([1, 2, 3]),
                   model.embedding.negative_inner_product([1, 2, 3])).order_by(model.id)).all()
    assert [tuple(row) for row in distances] == [(None, None, None, None), (0.0, 0.0, 0.0, -14.0)]


def test_empty_vector_in_dimensionless_column(engine):
    """`[]` is a valid 0-dimension vector of a VECTOR column."""
    FreeItem.__table__.drop(engine, checkfirst=True)
    FreeItem.__table__.create(engine)
    insert(engine, FreeItem, [])
    assert_float32_arrays(read_back(engine, FreeItem), [[]])
    assert raw_text(engine, FreeItem) == ["[]"]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT VEC_DIMS(embedding) FROM free_items").scalar() == 0


@pytest.mark.parametrize("literal, dims", [("[]", 0), ("[1,2]", 2), ("[1,2,3,4]", 4)])
def test_fixed_column_rejects_other_dimensions(engine, literal, dims):
    """The server refuses a value of another length for VECTOR(3), `[]` included."""
    FixedItem.__table__.drop(engine, checkfirst=True)
    FixedItem.__table__.create(engine)
    with pytest.raises(OperationalError) as error, engine.begin() as conn:
        conn.execute(text("INSERT INTO fixed_items VALUES (1, :v)"), {"v": literal})
    assert error.value.orig.args == (1105, f"vector has {dims} dimensions, does not fit VECTOR(3)")


# Distances of the rows [1, 2, 3] (id 1) and [1, 2, 3.2] (id 2) to [1, 2, 3], by method.
DISTANCES_TO_123 = {
    "l1_distance": (0.0, 0.20000004768371582),
    "l2_distance": (0.0, 0.20000004433094964),
    "cosine_distance": (0.0, 0.0004687989532213832),
    "negative_inner_product": (-14.0, -14.600000381469727),
}


@pytest.mark.parametrize("method", DISTANCES_TO_123)
def test_distance_in_select_and_order_by_limit(engine, model, method):
    """`ORDER BY <distance> LIMIT` returns the rows nearest first with TiDB's exact distances
    (identical vectors give exactly 0.0; NIP of [1,2,3] with itself is -14.0)."""
    insert(engine, model, [1, 2, 3], [1, 2, 3.2])
    distance = getattr(model.embedding, method)([1, 2, 3])
    with Session(engine) as session:
        rows = session.execute(
            select(model.id, distance.label("distance")).order_by(distance).limit(5)).all()
    same, other = DISTANCES_TO_123[method]
    expected = [(1, same), (2, other)] if same < other else [(2, other), (1, same)]
    assert [tuple(row) for row in rows] == expected


@pytest.mark.parametrize("method, threshold, ids", [
    ("l1_distance", 0.2, [1, 2]),
    ("l1_distance", 0.1, [1]),  # 0.09999990463256836 and 0.10000014305114746
    ("l2_distance", 0.1, [1]),  # 0.09999990575011103 and 0.1000001432373094
    ("cosine_distance", 0.2, [1, 2]),
    ("cosine_distance", 0.00012, [2]),  # 0.00012227454975932694 and 0.00011229384567756906
    ("negative_inner_product", -14.0, [1, 2]),
    ("negative_inner_product", -14.5, [2]),  # -14.299999237060547 and -14.920000076293945
])
def test_distance_in_where(engine, model, method, threshold, ids):
    """`WHERE <distance>(embedding, [1, 2, 3.1]) < threshold` keeps exactly the rows below it."""
    insert(engine, model, [1, 2, 3], [1, 2, 3.2])
    distance = getattr(model.embedding, method)([1, 2, 3.1])
    with Session(engine) as session:
        found = session.scalars(select(model.id).where(distance < threshold).order_by(model.id))
        assert found.all() == ids


@pytest.mark.parametrize("method", DISTANCES_TO_123)
def test_different_dimensions_raise_operational_error(engine, model, method):
    """A 4-dimension argument against a 3-dimension row is an error in the select list and in
    WHERE, not NULL: OperationalError with TiDB's message."""
    insert(engine, model, [1, 2, 3])
    distance = getattr(model.embedding, method)([1, 2, 3, 4])
    with Session(engine) as session:
        for statement in (select(distance < 0.1), select(model.id).where(distance < 0.1)):
            with pytest.raises(OperationalError) as error:
                session.execute(statement).all()
            assert "vectors have different dimensions: 3 and 4" in str(error.value)
            session.rollback()


# ---------------------------------------------------------------------------------------------
# VectorAdaptor
# ---------------------------------------------------------------------------------------------

def vector_indexes(engine, table):
    """(Key_name, Column_name, Index_type) of the table's non-primary indexes."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SHOW INDEX FROM {table}").mappings().all()
    return [(row["Key_name"], row["Column_name"], row["Index_type"])
            for row in rows if row["Key_name"] != "PRIMARY"]


def test_create_vector_index_then_has_vector_index(engine):
    """create_vector_index adds `vec_idx_embedding`; has_vector_index sees it; creating it again
    fails with 1061 unless skip_existing is set."""
    FixedItem.__table__.drop(engine, checkfirst=True)
    FixedItem.__table__.create(engine)
    adaptor = VectorAdaptor(engine)
    assert adaptor.has_vector_index(FixedItem.embedding) is False

    adaptor.create_vector_index(FixedItem.embedding, DistanceMetric.L2)
    assert adaptor.has_vector_index(FixedItem.embedding) is True
    assert vector_indexes(engine, "fixed_items") == [("vec_idx_embedding", "embedding", "HNSW")]

    with pytest.raises(DBAPIError) as error:
        adaptor.create_vector_index(FixedItem.embedding, DistanceMetric.L2)
    assert error.value.orig.args[0] == 1061  # the index name or the function on the column

    for metric in (DistanceMetric.L2, DistanceMetric.COSINE):
        adaptor.create_vector_index(FixedItem.embedding, metric, skip_existing=True)
    assert vector_indexes(engine, "fixed_items") == [("vec_idx_embedding", "embedding", "HNSW")]


def test_dimensionless_column_has_no_vector_index(engine):
    """SHOW INDEX of a table with only a primary key gives has_vector_index False (every
    Column_name is a string); the adaptor refuses to index a dimensionless column."""
    FreeItem.__table__.drop(engine, checkfirst=True)
    FreeItem.__table__.create(engine)
    adaptor = VectorAdaptor(engine)
    assert adaptor.has_vector_index(FreeItem.embedding) is False
    with pytest.raises(ValueError):
        adaptor.create_vector_index(FreeItem.embedding, DistanceMetric.L2)


@pytest.mark.parametrize("method", ["cosine_distance", "l2_distance"])
def test_search_on_l2_indexed_column(engine, method):
    """With an L2 vector index on the column, both an L2 and a cosine ORDER BY ... LIMIT return
    the exact nearest rows."""
    FixedItem.__table__.drop(engine, checkfirst=True)
    FixedItem.__table__.create(engine)
    VectorAdaptor(engine).create_vector_index(FixedItem.embedding, DistanceMetric.L2)
    insert(engine, FixedItem, [1, 2, 3], [1, 2, 3.2])
    distance = getattr(FixedItem.embedding, method)([1, 2, 3])
    with Session(engine) as session:
        rows = session.execute(
            select(FixedItem.id, distance.label("distance")).order_by(distance).limit(5)).all()
    assert [tuple(row) for row in rows] == [(1, 0.0), (2, DISTANCES_TO_123[method][1])]


# ---------------------------------------------------------------------------------------------
# TiDBVectorClient
# ---------------------------------------------------------------------------------------------

DIM = 1536
DOCUMENTS = {  # id -> (document, metadata)
    "id-foo": ("foo", {"page": 1, "category": "P1"}),
    "id-bar": ("bar", {"page": 2, "category": "P1"}),
    "id-baz": ("baz", {"page": 3, "category": "P2"}),
}
# Distances between the ASCII embeddings of the documents, by strategy.
COSINE_FROM_FOO = {"id-foo": 0.0, "id-bar": 0.0022719614199674387,
                   "id-baz": 0.004691842206844599}
COSINE_FROM_BAZ = {"id-baz": 0.0, "id-bar": 0.0005609046916807969,
                   "id-foo": 0.004691842206844599}
L2_FROM_FOO = {"id-foo": 0.0, "id-bar": 14.866068747318506, "id-baz": 18.24828759089466}


def ascii_embedding(word):
    """A DIM-dimension embedding: the character codes of `word`, then zeros."""
    codes = [float(ord(char)) for char in word]
    return codes + [0.0] * (DIM - len(codes))


@pytest.fixture(scope="module")
def client_url(server, module_db):
    return url_of(server, module_db).render_as_string(hide_password=False)


@pytest.fixture
def open_client(client_url):
    """Opens TiDBVectorClients on the module's database (no pooled connections left behind)."""
    def open_(table, driver="pymysql", **kwargs):
        url = client_url.replace("+pymysql", f"+{driver}")
        return TiDBVectorClient(url, table, engine_args={"poolclass": NullPool}, **kwargs)
    return open_


def insert_documents(client, ids=None):
    """Inserts the three documents with their metadata; returns the ids used."""
    ids = list(DOCUMENTS) if ids is None else ids
    return client.insert(texts=[DOCUMENTS[i][0] for i in DOCUMENTS],
                         embeddings=[ascii_embedding(DOCUMENTS[i][0]) for i in DOCUMENTS],
                         metadatas=[DOCUMENTS[i][1] for i in DOCUMENTS], ids=ids)


def found(results):
    """(id, document, metadata, distance) of each QueryResult."""
    return [(r.id, r.document, r.metadata, r.distance) for r in results]


def expected(ids, distances):
    return [(i, *DOCUMENTS[i], distances[i]) for i in ids]


def embedding_column(client_url, table):
    with create_engine(client_url, poolclass=NullPool).connect() as conn:
        return tuple(conn.execute(text(
            "SELECT COLUMN_TYPE, COLUMN_COMMENT FROM INFORMATION_SCHEMA.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t AND COLUMN_NAME = 'embedding'"),
            {"t": table}).one())


@pytest.mark.parametrize("strategy, dim, column, definition", [
    ("cosine", DIM, ("vector(1536)", "hnsw(distance=cosine)"), (DIM, "cosine")),
    ("l2", DIM, ("vector(1536)", "hnsw(distance=l2)"), (DIM, "l2")),
    (None, DIM, ("vector(1536)", ""), (DIM, None)),
    (None, None, ("vector", ""), (None, None)),
])
def test_client_table_definition_round_trips(open_client, client_url, strategy, dim, column,
                                             definition):
    """The table's embedding column shows the dimension and the `hnsw(distance=...)` comment in
    INFORMATION_SCHEMA.COLUMNS (an empty comment is '', not NULL), which is how the client reads
    an existing table's definition back."""
    open_client("tvc_definition", distance_strategy=strategy, vector_dimension=dim,
                drop_existing_table=True)
    assert embedding_column(client_url, "tvc_definition") == column
    assert get_embedding_column_definition(client_url, "tvc_definition", "embedding") == (
        definition)


@pytest.mark.parametrize("driver", DRIVERS)
def test_client_query_returns_exact_cosine_distances(open_client, driver):
    """Nearest first, with metadata decoded from JSON and TiDB's exact cosine distances."""
    client = open_client("tvc_query", driver, vector_dimension=DIM, distance_strategy="cosine",
                         drop_existing_table=True)
    insert_documents(client)
    assert found(client.query(ascii_embedding("foo"), k=3)) == expected(
        ["id-foo", "id-bar", "id-baz"], COSINE_FROM_FOO)
    assert found(client.query(ascii_embedding("baz"), k=2)) == expected(
        ["id-baz", "id-bar"], COSINE_FROM_BAZ)


def test_client_query_with_l2_strategy_and_no_dimension(open_client):
    """An l2 client on a dimensionless column returns exact L2 distances; k larger than the
    table returns every row."""
    client = open_client("tvc_l2", distance_strategy="l2", drop_existing_table=True)
    insert_documents(client)
    assert found(client.query(ascii_embedding("foo"), k=10)) == expected(
        ["id-foo", "id-bar", "id-baz"], L2_FROM_FOO)


@pytest.fixture(scope="module")
def filter_client(client_url):
    """A cosine client whose table holds the three documents, shared by the read-only tests."""
    client = TiDBVectorClient(client_url, "tvc_filters", distance_strategy="cosine",
                              vector_dimension=DIM, drop_existing_table=True,
                              engine_args={"poolclass": NullPool})
    insert_documents(client)
    return client


FILTER_CASES = [
    ({"category": "P1"}, ["id-foo", "id-bar"]),
    ({"category": "P2"}, ["id-baz"]),
    ({"category": "P3"}, []),
    ({"page": 2, "category": "P1"}, ["id-bar"]),
    ({"page": 1, "category": "P2"}, []),
    ({"page": {"$eq": 2}}, ["id-bar"]),
    ({"category": {"$ne": "P1"}}, ["id-baz"]),
    ({"page": {"$gt": 1}}, ["id-bar", "id-baz"]),
    ({"page": {"$gte": 2}}, ["id-bar", "id-baz"]),
    ({"page": {"$lt": 2}}, ["id-foo"]),
    ({"page": {"$lte": 2}}, ["id-foo", "id-bar"]),
    ({"page": {"$in": [2, 3]}}, ["id-bar", "id-baz"]),
    ({"category": {"$in": ["P2", "P3"]}}, ["id-baz"]),
    ({"page": {"$nin": [2, 3]}}, ["id-foo"]),
    ({"page": {"$nin": [2, 3]}, "category": {"$ne": "P1"}}, []),
    ({"$and": [{"page": {"$gt": 1}}, {"category": "P1"}]}, ["id-bar"]),
    ({"$or": [{"page": 1}, {"category": "P2"}]}, ["id-foo", "id-baz"]),
    ({"$or": [{"$and": [{"page": {"$gt": 1}}, {"page": {"$lt": 3}}]}, {"category": "P2"}]},
     ["id-bar", "id-baz"]),
    ({"$and": [{"page": {"$gt": 1}}, {"category": "P1"}], "page": 1}, []),
]


@pytest.mark.parametrize("filter, ids", FILTER_CASES,
                         ids=[json.dumps(case[0]) for case in FILTER_CASES])
def test_client_metadata_filters(filter_client, filter, ids):
    """MongoDB-style filters compile to json_extract() comparisons with MySQL's JSON semantics
    (JSON number against SQL integer, JSON string against SQL string)."""
    assert found(filter_client.query(ascii_embedding("foo"), k=3, filter=filter)) == expected(
        ids, COSINE_FROM_FOO)


@pytest.mark.parametrize("k, ids", [(3, ["id-foo", "id-bar"]), (1, ["id-foo"])])
def test_client_post_filter(filter_client, k, ids):
    """post_filter_enabled filters the nearest rows of a LIMITed subquery in an outer query."""
    results = filter_client.query(ascii_embedding("foo"), k=k, filter={"category": "P1"},
                                  post_filter_enabled=True)
    assert found(results) == expected(ids, COSINE_FROM_FOO)


def test_client_duplicate_id_raises_integrity_error(open_client):
    """Inserting an existing id raises IntegrityError (1062) and stores none of the batch."""
    client = open_client("tvc_duplicate", vector_dimension=DIM, drop_existing_table=True)
    insert_documents(client)
    with pytest.raises(IntegrityError) as error:
        insert_documents(client, ids=["id-new-1", "id-foo", "id-new-2"])
    assert error.value.orig.args[0] == 1062
    assert "Duplicate entry 'id-foo' for key 'tvc_duplicate.PRIMARY'" in str(error.value)
    assert [r.id for r in client.query(ascii_embedding("foo"), k=10)] == [
        "id-foo", "id-bar", "id-baz"]


@pytest.mark.parametrize("ids, filter, left", [
    (["id-bar", "id-foo"], {"category": "P2"}, ["id-foo", "id-bar", "id-baz"]),
    (["id-bar", "id-foo"], None, ["id-baz"]),
    (None, {"category": "P1"}, ["id-baz"]),
    (["id-foo", "id-baz"], {"page": 1}, ["id-bar", "id-baz"]),
    (None, {"page": {"$in": [1, 3]}}, ["id-bar"]),
    (["id-missing"], None, ["id-foo", "id-bar", "id-baz"]),
])
def test_client_delete(open_client, ids, filter, left):
    """delete() removes exactly the rows matching both the ids and the filter."""
    client = open_client("tvc_delete", vector_dimension=DIM, distance_strategy="cosine",
                         drop_existing_table=True)
    insert_documents(client)
    client.delete(ids, filter=filter)
    assert found(client.query(ascii_embedding("foo"), k=10)) == expected(left, COSINE_FROM_FOO)


def test_client_execute_reports_rowcounts(open_client, client_url):
    """execute() gives 0 for DDL, affected (found) rows for DML, rows for SELECT, and an error
    for a missing table."""
    client = open_client("tvc_execute", drop_existing_table=True)
    ok = {"success": True, "error": None}
    assert client.execute("CREATE TABLE tvc_exec (id VARCHAR(36) PRIMARY KEY, category TEXT)") == (
        {**ok, "result": 0})
    assert client.execute("INSERT INTO tvc_exec VALUES (:id, :category)",
                          {"id": "1", "category": "P1"}) == {**ok, "result": 1}
    assert client.execute("INSERT INTO tvc_exec VALUES ('2', 'P2'), ('3', 'P2')") == (
        {**ok, "result": 2})
    assert client.execute("UPDATE tvc_exec SET category = 'P2' WHERE id >= '2'") == (
        {**ok, "result": 2})
    assert client.execute("SELECT id FROM tvc_exec WHERE category = :c ORDER BY id",
                          {"c": "P2"}) == {**ok, "result": [("2",), ("3",)]}
    assert client.execute("DELETE FROM tvc_exec WHERE id = '1'") == {**ok, "result": 1}
    assert client.execute("DROP TABLE tvc_exec") == {**ok, "result": 0}
    assert check_table_existence(client_url, "tvc_exec") is False

    missing = client.execute("SELECT * FROM tvc_exec")
    assert missing["success"] is False and missing["result"] is None
    assert "1146" in missing["error"] and "tvc_exec' doesn't exist" in missing["error"]


def test_client_reopens_existing_table(open_client):
    """A client opened without dimension and strategy takes them from the existing table: its
    queries on an l2 table return L2 distances."""
    insert_documents(open_client("tvc_reopen", distance_strategy="l2", vector_dimension=DIM,
                                 drop_existing_table=True))
    reopened = open_client("tvc_reopen")
    assert found(reopened.query(ascii_embedding("foo"), k=3)) == expected(
        ["id-foo", "id-bar", "id-baz"], L2_FROM_FOO)


@pytest.mark.parametrize("kwargs", [
    {"vector_dimension": DIM - 1},
    {"vector_dimension": DIM, "distance_strategy": "cosine"},
], ids=["dimension", "strategy"])
def test_client_reopen_mismatch_raises(open_client, kwargs):
    """Opening an existing l2 VECTOR(1536) table with another dimension or strategy raises."""
    open_client("tvc_mismatch", distance_strategy="l2", vector_dimension=DIM,
                drop_existing_table=True)
    with pytest.raises(EmbeddingColumnMismatchError):
        open_client("tvc_mismatch", **kwargs)


def test_client_drop_table(open_client, client_url):
    """drop_table() removes the table (SHOW FULL TABLES no longer lists it), later queries fail
    with 1146, and dropping again is harmless."""
    client = open_client("tvc_drop", vector_dimension=DIM, drop_existing_table=True)
    insert_documents(client)
    assert check_table_existence(client_url, "tvc_drop") is True
    client.drop_table()
    assert check_table_existence(client_url, "tvc_drop") is False
    with pytest.raises(ProgrammingError) as error:
        client.query(ascii_embedding("foo"), k=3)
    assert error.value.orig.args[0] == 1146
    client.drop_table()
    assert check_table_existence(client_url, "tvc_drop") is False


# ---------------------------------------------------------------------------------------------
# Bad vectors over the wire
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("literal, message", [
    ("[1,2", "Invalid vector text: [1,2"),
    ("[1e39, 0]", "value 1e+39 out of range for float32"),
    ("[1e999]", "infinite value not allowed in vector"),
    ("[" + "1," * 16383 + "1]", "vector cannot have more than 16383 dimensions"),
])
def test_bad_vector_is_error_1105_and_server_goes_on(connect, module_db, literal, message):
    """Malformed, out-of-range and too-wide vectors get TiDB's 1105 errors; the connection and
    the server stay usable."""
    conn = connect(database=module_db, autocommit=True)
    with conn.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bad_vectors (id INT PRIMARY KEY, v VECTOR)")
        with pytest.raises(pymysql.err.OperationalError) as error:
            cursor.execute("INSERT INTO bad_vectors VALUES (1, %s)", (literal,))
        assert error.value.args[0] == 1105
        assert message in error.value.args[1]
        cursor.execute("SELECT COUNT(*) FROM bad_vectors")
        assert cursor.fetchone() == (0,)


def test_sixteen_megabytes_of_vector_text(connect, module_db):
    """16 MB of vector text (about 8M elements) is refused for its width, not a crash."""
    literal = "[" + "1," * (8 * 1024 * 1024 - 1) + "1]"
    conn = connect(database=module_db, autocommit=True)
    with conn.cursor() as cursor:
        with pytest.raises(pymysql.err.OperationalError) as error:
            cursor.execute("SELECT VEC_DIMS(%s)", (literal,))
        assert error.value.args == (1105, "vector cannot have more than 16383 dimensions")
        cursor.execute("SELECT VEC_DIMS('[1,2,3]')")
        assert cursor.fetchone() == (3,)
