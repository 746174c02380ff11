#!/usr/bin/env python3
"""vexdb's vector index through SQL: recall@10 and QPS over PyMySQL, next to the in-process index.

Loads a prepared bench/ann dataset (datasets.py: base/query/truth fvecs) into a vexdb table with
multi-row INSERTs, adds the vector index with TiDB's DDL and waits until
information_schema.TIFLASH_INDEXES reports it built (the build time), then for each ef
(SET hnsw_ef_search) runs the queries one at a time:

    SELECT id FROM items ORDER BY VEC_L2_DISTANCE(v, '<query>') LIMIT 10

Recall@10 is ann-benchmarks' (a returned row counts if its distance is within the true 10th
distance + 1e-3). When results/latest.json holds the in-process run of the same dataset, it also
prints the fixed SQL cost per query: 1/QPS(SQL) - 1/QPS(in-process) at the same ef.

Usage: .venv/bin/python bench/ann/sql_bench.py --data build-ann/data/fashion-mnist
       [--queries 2000] [--ef 10,20,40,80,120,200] [--server build/bin/vexdb-server | --port P]
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pymysql

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(HERE))
from datasets import load as load_dataset  # noqa: E402
from server_process import ServerProcess  # noqa: E402

K = 10
BATCH = 500
FUNCTIONS = {"l2": "VEC_L2_DISTANCE", "cosine": "VEC_COSINE_DISTANCE"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="a dataset directory from datasets.py")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--ef", default="10,20,40,80,120,200")
    parser.add_argument("--server", default=str(ROOT / "build" / "bin" / "vexdb-server"))
    parser.add_argument("--port", type=int, help="use a server already running on 127.0.0.1")
    parser.add_argument("--results", default=str(HERE / "results" / "latest.json"))
    return parser.parse_args()


def vector_text(row):
    return "[" + ",".join(map(repr, row.tolist())) + "]"


def load_table(cursor, base):
    cursor.execute("DROP TABLE IF EXISTS items")
    cursor.execute(f"CREATE TABLE items (id INT PRIMARY KEY, v VECTOR({base.shape[1]}))")
    for start in range(0, len(base), BATCH):
        values = ",".join(f"({start + i},'{vector_text(row)}')"
                          for i, row in enumerate(base[start:start + BATCH]))
        cursor.execute("INSERT INTO items VALUES " + values)


def build_index(cursor, function):
    started = time.perf_counter()
    cursor.execute(f"ALTER TABLE items ADD VECTOR INDEX idx (({function}(v)))")
    while True:
        cursor.execute("SELECT MAX(ROWS_STABLE_NOT_INDEXED + ROWS_DELTA_NOT_INDEXED) "
                       "FROM information_schema.TIFLASH_INDEXES WHERE TIDB_TABLE = 'items'")
        if cursor.fetchone()[0] == 0:
            return time.perf_counter() - started
        time.sleep(0.2)


def recall(found, truth_distances, base, query, metric):
    if not found:
        return 0.0
    vectors = base[found].astype(np.float64)
    q = query.astype(np.float64)
    if metric == "l2":
        distances = np.linalg.norm(vectors - q, axis=1)
    else:
        distances = 1 - vectors @ q / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(q))
    return float(np.sum(distances <= truth_distances[K - 1] + 1e-3)) / K


def sweep(cursor, function, base, queries, truth, metric, efs):
    texts = [vector_text(q) for q in queries]
    sql = f"SELECT id FROM items ORDER BY {function}(v, %s) LIMIT {K}"
    points = []
    for ef in efs:
        cursor.execute(f"SET hnsw_ef_search = {ef}")
        cursor.execute(sql, (texts[0],))
        cursor.fetchall()
        results = []
        started = time.perf_counter()
        for text in texts:
            cursor.execute(sql, (text,))
            results.append([row[0] for row in cursor.fetchall()])
        seconds = time.perf_counter() - started
        hits = [recall(r, truth[i], base, queries[i], metric) for i, r in enumerate(results)]
        points.append({"ef": ef, "recall": float(np.mean(hits)), "qps": len(texts) / seconds})
    return points


def in_process_points(path, dataset):
    try:
        with open(path) as f:
            return {p["ef"]: p for p in json.load(f)[dataset]["vexdb"]["points"]}
    except (OSError, KeyError, ValueError):
        return {}


def report(name, meta, rows, queries, load_seconds, build_seconds, points, in_process):
    lines = [f"# {name}: {rows} x {meta['dimension']}, {meta['metric']}, through SQL (PyMySQL), "
             f"{queries} queries one at a time, k={K}",
             f"load {load_seconds:.1f} s ({rows / load_seconds:,.0f} rows/s), index build "
             f"{build_seconds:.1f} s ({rows / build_seconds:,.0f} vectors/s)",
             "",
             "| ef | recall@10 | SQL QPS | in-process QPS | fixed SQL cost per query |",
             "|---:|---:|---:|---:|---:|"]
    for p in points:
        native = in_process.get(p["ef"])
        if native:
            cost = 1e6 / p["qps"] - 1e6 / native["qps"]
            lines.append(f"| {p['ef']} | {p['recall']:.4f} | {p['qps']:,.0f} | "
                         f"{native['qps']:,.0f} | {cost:,.0f} µs |")
        else:
            lines.append(f"| {p['ef']} | {p['recall']:.4f} | {p['qps']:,.0f} | - | - |")
    return "\n".join(lines)


def main():
    args = parse_args()
    meta, base, queries, truth = load_dataset(args.data)
    queries, truth = queries[:args.queries], truth[:args.queries]
    metric = meta["metric"]
    function = FUNCTIONS[metric]
    efs = [int(x) for x in args.ef.split(",")]
    with tempfile.TemporaryDirectory(prefix="vexdb-ann-sql-") as work:
        server = None
        port = args.port
        if port is None:
            server = ServerProcess(args.server, Path(work) / "data", Path(work) / "server.log")
            server.start()
            port = server.port
        try:
            conn = pymysql.connect(host="127.0.0.1", port=port, user="root", database="test",
                                   autocommit=True, max_allowed_packet=1 << 30)
            with conn.cursor() as cursor:
                started = time.perf_counter()
                load_table(cursor, base)
                load_seconds = time.perf_counter() - started
                build_seconds = build_index(cursor, function)
                points = sweep(cursor, function, base, queries, truth, metric, efs)
            conn.close()
        finally:
            if server is not None:
                server.stop()
    name = Path(args.data).name
    print(report(name, meta, len(base), len(queries), load_seconds, build_seconds, points,
                 in_process_points(args.results, name)))


if __name__ == "__main__":
    main()
