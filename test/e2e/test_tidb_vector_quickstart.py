"""The TiDB vector search tutorial runs unchanged against vexdb and prints what it prints on TiDB.

apps/tidb_vector_quickstart.py performs the flow of tidb-vector-python's SQLAlchemy quickstart
(tidb-vector's VectorType and VectorAdaptor over PyMySQL); its stdout must equal
apps/tidb_vector_quickstart.expected, the README's expected output, byte for byte. The same flow in
plain SQL through the `mysql` command-line client must print the same three distances.
"""

import os
import subprocess
import sys
from pathlib import Path

from drivers import batch_rows, mysql_cli

APPS = Path(__file__).parent / "apps"
EXPECTED = (APPS / "tidb_vector_quickstart.expected").read_text()

FISH, DOG, TREE = "0.00853986601633272", "0.12712843905603044", "0.7327387580875756"


def run_quickstart(server, database):
    env = dict(os.environ, TIDB_HOST=server.host, TIDB_PORT=str(server.port),
               TIDB_USERNAME="root", TIDB_PASSWORD="", TIDB_DATABASE=database)
    return subprocess.run([sys.executable, str(APPS / "tidb_vector_quickstart.py")], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def test_quickstart_prints_expected_output_and_can_run_again(server, module_db):
    """Two runs (the second drops and recreates the tables) both print the README's block."""
    for attempt in ("first", "second"):
        result = run_quickstart(server, module_db)
        assert result.returncode == 0, f"{attempt} run failed:\n{result.stderr}"
        assert result.stdout == EXPECTED, f"{attempt} run printed other output"


def test_quickstart_leaves_a_cosine_vector_index(server, module_db, connect):
    """VectorAdaptor's ALTER TABLE ... ADD VECTOR INDEX shows up in SHOW INDEX and SHOW CREATE."""
    assert run_quickstart(server, module_db).returncode == 0
    with connect(database=module_db).cursor() as cursor:
        cursor.execute("SHOW INDEX FROM sqlalchemy_demo_documents_with_index")
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        cursor.execute("SHOW CREATE TABLE sqlalchemy_demo_documents_with_index")
        create = cursor.fetchone()[1]
    index = [row for row in rows if row["Key_name"] == "vec_idx_embedding"]
    assert [(row["Column_name"], row["Index_type"], row["Non_unique"]) for row in index] == [
        ("embedding", "HNSW", 1)]
    assert "  VECTOR INDEX `vec_idx_embedding`((VEC_COSINE_DISTANCE(`embedding`)))" in create
    assert "  `embedding` vector(3) DEFAULT NULL," in create


PLAIN_SQL_FLOW = """
DROP TABLE IF EXISTS embedded_documents;
CREATE TABLE embedded_documents (id INT PRIMARY KEY, document TEXT, embedding VECTOR(3));
ALTER TABLE embedded_documents SET TIFLASH REPLICA 1;
ALTER TABLE embedded_documents ADD VECTOR INDEX idx_embedding ((VEC_COSINE_DISTANCE(embedding)));
INSERT INTO embedded_documents VALUES (1, 'dog', '[1,2,1]'), (2, 'fish', '[1,2,4]'),
    (3, 'tree', '[1,0,0]');
SELECT id, document, embedding, vec_cosine_distance(embedding, '[1,2,3]') AS distance
    FROM embedded_documents ORDER BY distance LIMIT 3;
SELECT document, vec_cosine_distance(embedding, '[1,2,3]') AS distance FROM embedded_documents
    WHERE vec_cosine_distance(embedding, '[1,2,3]') < 0.2 ORDER BY distance;
"""


def test_plain_sql_flow_through_mysql_cli(server, module_db):
    """The tutorial in plain SQL: the `mysql` client prints the exact distances and vectors."""
    result = mysql_cli(server, "--batch", database=module_db, stdin=PLAIN_SQL_FLOW)
    assert result.returncode == 0, result.stderr
    assert batch_rows(result.stdout) == [
        ["id", "document", "embedding", "distance"],
        ["2", "fish", "[1,2,4]", FISH],
        ["1", "dog", "[1,2,1]", DOG],
        ["3", "tree", "[1,0,0]", TREE],
        ["document", "distance"],
        ["fish", FISH],
        ["dog", DOG],
    ]


def test_double_results_are_shortest_round_trip_text(server, module_db):
    """DOUBLE results on the wire (tidb-vector-spec.md 2.3): the shortest text that round-trips,
    plain below 1e15 and down to 1e-15, exponent form outside, and +-Inf sent as 0."""
    sql = ("SELECT VEC_NEGATIVE_INNER_PRODUCT('[1,2,3]','[1,2,3.1]'), VEC_L2_NORM('[3,4]'), "
           "VEC_L1_DISTANCE('[3e38]','[-3e38]'), VEC_NEGATIVE_INNER_PRODUCT('[3e38]','[3e38]'), "
           "1e-16, 1e-15, 1.5e15, 123456789012345.6e0, VEC_L2_NORM('[1e-20]')")
    result = mysql_cli(server, "--batch", "--skip-column-names", "-e", sql, database=module_db)
    assert result.returncode == 0, result.stderr
    assert batch_rows(result.stdout) == [[
        "-14.299999237060547", "5", "0", "0", "1e-16", "0.000000000000001", "1.5e15",
        "123456789012345.6", "9.999999682655225e-21"]]
