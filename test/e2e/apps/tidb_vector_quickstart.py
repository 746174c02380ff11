"""The tidb-vector SQLAlchemy quickstart flow, as an application would run it against vexdb.

It follows the flow of tidb-vector-python's examples/orm-sqlalchemy-quickstart: two ORM models
with a VECTOR(3) column (one of them gets a cosine vector index through VectorAdaptor), three
documents inserted, then the three nearest documents to [1, 2, 3] by cosine distance and the
documents closer than 0.2. It prints the lines the sample's README shows, so its output can be
compared with tidb_vector_quickstart.expected.

Connection settings come from TIDB_HOST, TIDB_PORT, TIDB_USERNAME, TIDB_PASSWORD and
TIDB_DATABASE, the variables the sample reads.
"""

import os

from sqlalchemy import URL, Integer, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from tidb_vector import DistanceMetric
from tidb_vector.sqlalchemy import VectorAdaptor, VectorType

QUERY = [1, 2, 3]
NEAREST = 3
MAX_DISTANCE = 0.2
DOCUMENTS = [("dog", [1, 2, 1]), ("fish", [1, 2, 4]), ("tree", [1, 0, 0])]


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "sqlalchemy_demo_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    embedding = mapped_column(VectorType(3))


class DocumentWithIndex(Base):
    __tablename__ = "sqlalchemy_demo_documents_with_index"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    embedding = mapped_column(VectorType(3))


def engine_from_env():
    url = URL.create(
        "mysql+pymysql",
        username=os.environ.get("TIDB_USERNAME", "root"),
        password=os.environ.get("TIDB_PASSWORD", ""),
        host=os.environ.get("TIDB_HOST", "127.0.0.1"),
        port=int(os.environ.get("TIDB_PORT", "4000")),
        database=os.environ.get("TIDB_DATABASE", "test"),
    )
    return create_engine(url)


def print_documents(title, rows):
    print(title)
    for document, distance in rows:
        print(f"  - distance: {distance}")
        print(f"    document: {document.content}")


def main():
    engine = engine_from_env()
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    VectorAdaptor(engine).create_vector_index(
        DocumentWithIndex.embedding, DistanceMetric.COSINE, skip_existing=True)

    with Session(engine) as session:
        session.add_all(Document(content=content, embedding=embedding)
                        for content, embedding in DOCUMENTS)
        session.commit()

        distance = Document.embedding.cosine_distance(QUERY).label("distance")
        nearest = select(Document, distance).order_by(distance).limit(NEAREST)
        print_documents("Get 3-nearest neighbor documents:", session.execute(nearest).all())

        within = (select(Document, distance).where(distance < MAX_DISTANCE)
                  .order_by(distance).limit(NEAREST))
        print_documents("Get documents within a certain distance:",
                        session.execute(within).all())


if __name__ == "__main__":
    main()
