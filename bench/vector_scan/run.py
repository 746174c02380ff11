#!/usr/bin/env python3
"""Exact top-10 vector search through SQL, side by side with numpy's brute force.

Loads ROWS x DIM float32 vectors (seeded normal) into one vexdb table, then times
`SELECT id FROM t ORDER BY VEC_<metric>_DISTANCE(v, '<query>') LIMIT 10` over QUERIES queries, one
at a time through PyMySQL, and the same top-10 with numpy over the same float32 matrix in this
process. Reports queries/s and the scan rate (vector bytes / query time, GB/s) of both and their
ratio, and checks that vexdb returned numpy's ids.

numpy's brute force does per query what the SQL query asks for: cosine computes X @ q and the row
norms (np.linalg.norm over the matrix), L2 computes np.linalg.norm(X - q) per row; both select the
10 smallest with argpartition. It uses BLAS and all cores; vexdb's scan is one thread per query.

Usage: .venv/bin/python bench/vector_scan/run.py [--rows N] [--dim D] [--queries Q]
       [--metric cosine|l2] [--server build/bin/vexdb-server] [--port P (use a running server)]
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pymysql

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from server_process import ServerProcess  # noqa: E402

K = 10
INSERT_BATCH = 200
FUNCTIONS = {"cosine": "VEC_COSINE_DISTANCE", "l2": "VEC_L2_DISTANCE"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=768)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--metric", choices=sorted(FUNCTIONS), default="cosine")
    parser.add_argument("--server", default=str(ROOT / "build" / "bin" / "vexdb-server"))
    parser.add_argument("--port", type=int, help="use a server already running on 127.0.0.1")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def vector_text(row):
    # float32 -> shortest repr that round-trips through float32 parsing as TiDB's does.
    return "[" + ",".join(map(repr, row.tolist())) + "]"


def load(conn, data):
    with conn.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS scan_bench")
        cursor.execute(f"CREATE TABLE scan_bench (id INT PRIMARY KEY, v VECTOR({data.shape[1]}))")
        for start in range(0, len(data), INSERT_BATCH):
            rows = data[start:start + INSERT_BATCH]
            values = ",".join(f"({start + i},'{vector_text(row)}')" for i, row in enumerate(rows))
            cursor.execute("INSERT INTO scan_bench VALUES " + values)


def numpy_top_k(data, norms_needed, query, metric):
    if metric == "cosine":
        dots = data @ query
        norms = np.linalg.norm(data, axis=1) if norms_needed else 1.0
        distances = 1.0 - dots / (norms * np.linalg.norm(query))
    else:
        distances = np.linalg.norm(data - query, axis=1)
    top = np.argpartition(distances, K)[:K]
    return top[np.argsort(distances[top], kind="stable")]


def time_numpy(data, queries, metric):
    start = time.perf_counter()
    results = [numpy_top_k(data, True, q, metric) for q in queries]
    return time.perf_counter() - start, results


def time_vexdb(conn, queries, metric):
    sql = f"SELECT id FROM scan_bench ORDER BY {FUNCTIONS[metric]}(v, %s) LIMIT {K}"
    texts = [vector_text(q) for q in queries]
    results = []
    with conn.cursor() as cursor:
        cursor.execute(sql, (texts[0],))  # warm the block cache
        start = time.perf_counter()
        for text in texts:
            cursor.execute(sql, (text,))
            results.append([row[0] for row in cursor.fetchall()])
        return time.perf_counter() - start, results


def overlap(a, b):
    return sum(len(set(x) & set(y)) for x, y in zip(a, b)) / (K * len(a))


def report(args, data, numpy_time, vexdb_time, agreement):
    gigabytes = data.nbytes / 1e9
    n = args.queries
    lines = [
        f"exact top-{K}, {args.rows} x {args.dim} float32 ({gigabytes:.3f} GB), metric "
        f"{args.metric}, {n} queries, one at a time",
        f"{'engine':<28}{'queries/s':>12}{'ms/query':>12}{'scan GB/s':>12}",
    ]
    for name, seconds in (("numpy brute force", numpy_time), ("vexdb SQL (PyMySQL)", vexdb_time)):
        lines.append(f"{name:<28}{n / seconds:>12.2f}{1000 * seconds / n:>12.1f}"
                     f"{gigabytes * n / seconds:>12.2f}")
    lines.append(f"ratio vexdb/numpy scan rate: {numpy_time / vexdb_time:.2f}")
    lines.append(f"top-{K} agreement with numpy: {agreement:.4f}")
    return "\n".join(lines)


def main():
    args = parse_args()
    rng = np.random.default_rng(args.seed)
    data = rng.standard_normal((args.rows, args.dim), dtype=np.float32)
    queries = rng.standard_normal((args.queries, args.dim), dtype=np.float32)
    with tempfile.TemporaryDirectory(prefix="vexdb-scan-") as work:
        server = None
        port = args.port
        if port is None:
            server = ServerProcess(args.server, Path(work) / "data", Path(work) / "server.log")
            server.start()
            port = server.port
        try:
            conn = pymysql.connect(host="127.0.0.1", port=port, user="root", database="test",
                                   autocommit=True, max_allowed_packet=1 << 30)
            started = time.perf_counter()
            load(conn, data)
            print(f"loaded {args.rows} rows in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
            vexdb_time, vexdb_ids = time_vexdb(conn, queries, args.metric)
            numpy_time, numpy_ids = time_numpy(data, queries, args.metric)
            conn.close()
        finally:
            if server is not None:
                server.stop()
    print(report(args, data, numpy_time, vexdb_time, overlap(vexdb_ids, numpy_ids)))


if __name__ == "__main__":
    main()
