#!/usr/bin/env python3
"""Vector search through SQL, one harness: vexdb vs MariaDB 11.8 vs pgvector, recall@10 vs QPS.

For each dataset (datasets.py) and each system, in turn, on 127.0.0.1:
  load   items(id INT PRIMARY KEY, v VECTOR(d)) with the same multi-row INSERTs (BATCH rows,
         vectors as '[x,...]' text) from one connection;
  build  the system's HNSW index with M=16 and, where it can be set, ef_construction=200, timed
         until it is usable: vexdb builds in a background worker, so until
         information_schema.TIFLASH_INDEXES reports no row left to index; MariaDB's ALTER TABLE
         and pgvector's CREATE INDEX return when built;
  search for each ef, the queries one at a time from one connection, each client in turn:
         SELECT id FROM items ORDER BY <distance>(v, <query>) LIMIT 10;
  ceiling then, on the same connection, SELECT id FROM items WHERE id < 10 as often: the same
         ten ids with no search, which bounds what any vector query can reach through that
         client (its "no search" row, and that row's ratio to each peer's vector QPS).
vexdb and MariaDB are measured with two clients, PyMySQL (pure Python) and mysqlclient (MySQLdb,
on the C library libmariadb); pgvector with psycopg 3 (libpq), which prepares a statement after
it has run it 5 times, as ann-benchmarks' pgvector module does. Recall@10 is ann-benchmarks' (a
returned row counts if its distance is within the true 10th distance + 1e-3); QPS at recall 0.95
and 0.99 is interpolated on each curve as compare.py does, then vexdb's ratio to each peer.

Memory: the server's resident set growth over the index build (vexdb, MariaDB: one process
each), and the index's size as the server reports it (pgvector: pg_relation_size; MariaDB: the
InnoDB tablespace of the index's hidden table).

--quantization NONE,INT8 (any of NONE, BF16, INT8) measures vexdb once per index
(QUANTIZATION=...), each as a system of its own (vexdb, vexdb-int8, vexdb-bf16) against the same
peers; the in-process columns come from compare.py's variants of the same names in --in-process.
--tables-from RAW.json re-makes the tables of an earlier run without measuring.

The peers run from bench/ann/peers_sql.sh (Debian 13 packages in a chroot); vexdb-server is
started here on a free port with a fresh data directory.

  build-ann/venv/bin/python bench/ann/sql_bench.py --data-dir build-ann/data \\
      --datasets fashion-mnist --queries 2000 --server build/bin/vexdb-server
"""

import argparse
import datetime
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(HERE))
import datasets  # noqa: E402
from compare import cpu_name, number, qps_at, ratio, row, write_results  # noqa: E402
from server_process import ServerProcess  # noqa: E402

K = 10
BATCH = 500
TARGETS = (0.95, 0.99)
# The targets: vexdb through SQL against each peer through SQL, at equal recall.
GOALS = {"mariadb": 1.3, "pgvector": 3.0}
# vexdb's index per QUANTIZATION, named as compare.py names its in-process variants.
VEXDB_VARIANTS = {"NONE": "vexdb", "BF16": "vexdb-bf16", "INT8": "vexdb-int8"}
CLIENT_NAMES = {"pymysql": "PyMySQL", "mysqldb": "MySQLdb", "psycopg": "psycopg"}
# The ceiling a client puts on vector QPS: the same K ids, read by primary key (ids 0..K-1).
TEN_ROW_READ = f"SELECT id FROM items WHERE id < {K}"


def vector_text(row_values):
    """'[x,...]' with 9 significant digits, which round-trip a float32 exactly."""
    return "[" + ",".join(map("{:.9g}".format, row_values.tolist())) + "]"


def resident_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def find_pid(program, argument):
    """The pid of the process whose command line has `program` and `argument`, or None."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                words = f.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if words and words[0].endswith(program) and argument in words:
            return int(entry)
    return None


def connect_mysql(client, port, database):
    if client == "pymysql":
        import pymysql
        return pymysql.connect(host="127.0.0.1", port=port, user="root", database=database,
                               autocommit=True, max_allowed_packet=1 << 30)
    import MySQLdb
    return MySQLdb.connect(host="127.0.0.1", port=port, user="root", database=database,
                           autocommit=True)


class Vexdb:
    """vexdb-server, started here; TiDB's vector index DDL (M=16, ef_construction=200 are the
    server's defaults)."""

    clients = ("pymysql", "mysqldb")
    m_note = "M=16, efConstruction=200 (the server's defaults)"

    def __init__(self, args, metric, work, quantization="NONE"):
        self.function = {"l2": "VEC_L2_DISTANCE", "cosine": "VEC_COSINE_DISTANCE"}[metric]
        self.quantization = quantization
        self.name = VEXDB_VARIANTS[quantization]
        if self.quantization != "NONE":
            self.m_note = f"{Vexdb.m_note}, QUANTIZATION={self.quantization}"
        self.server = ServerProcess(args.server, Path(work) / "vexdb",
                                    Path(work) / "vexdb-server.log")
        self.server.start()
        self.pid = self.server.pid

    def close(self):
        self.server.stop()

    def connect(self, client):
        return connect_mysql(client, self.server.port, "test")

    def create_table(self, cursor, dim):
        cursor.execute("DROP TABLE IF EXISTS items")
        cursor.execute(f"CREATE TABLE items (id INT PRIMARY KEY, v VECTOR({dim}))")

    @staticmethod
    def value(text):
        return f"'{text}'"

    def build_index(self, cursor):
        cursor.execute(f"ALTER TABLE items ADD VECTOR INDEX idx (({self.function}(v))) "
                       f"USING HNSW QUANTIZATION={self.quantization}")
        while True:
            cursor.execute("SELECT MAX(ROWS_STABLE_NOT_INDEXED + ROWS_DELTA_NOT_INDEXED) "
                           "FROM information_schema.TIFLASH_INDEXES WHERE TIDB_TABLE = 'items'")
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)

    def index_bytes(self, cursor):
        cursor.execute("SELECT BYTES FROM information_schema.VECTOR_INDEXES "
                       "WHERE TABLE_NAME = 'items'")
        return cursor.fetchone()[0]

    @staticmethod
    def set_ef(cursor, ef):
        cursor.execute(f"SET hnsw_ef_search = {ef}")

    @staticmethod
    def server_time(cursor):
        """The server's own clocks (SHOW STATUS): statement time, and graph search time and
        count, in µs, to split a query's server time into graph search and fixed SQL cost."""
        cursor.execute("SHOW GLOBAL STATUS LIKE 'Vexdb%'")
        return {name: int(value) for name, value in cursor.fetchall()}

    def query(self):
        return f"SELECT id FROM items ORDER BY {self.function}(v, %s) LIMIT {K}"


class Mariadb:
    """MariaDB 11.8 from peers_sql.sh: VECTOR INDEX ... M=16 (ef_construction is not a setting
    of MariaDB's mhnsw)."""

    name = "mariadb"
    clients = ("pymysql", "mysqldb")
    m_note = "M=16 (efConstruction is not settable)"

    def __init__(self, args, metric, work):
        self.distance = {"l2": "euclidean", "cosine": "cosine"}[metric]
        self.function = {"l2": "VEC_DISTANCE_EUCLIDEAN", "cosine": "VEC_DISTANCE_COSINE"}[metric]
        self.m = args.m
        self.port = args.mariadb_port
        self.pid = find_pid("mariadbd", f"--port={self.port}")
        conn = connect_mysql("pymysql", self.port, None)
        with conn.cursor() as cursor:
            cursor.execute("CREATE DATABASE IF NOT EXISTS bench")
        conn.close()

    def close(self):
        pass

    def connect(self, client):
        return connect_mysql(client, self.port, "bench")

    def create_table(self, cursor, dim):
        cursor.execute("DROP TABLE IF EXISTS items")
        cursor.execute(f"CREATE TABLE items (id INT PRIMARY KEY, v VECTOR({dim}) NOT NULL)")

    @staticmethod
    def value(text):
        return f"VEC_FromText('{text}')"

    def build_index(self, cursor):
        cursor.execute(f"ALTER TABLE items ADD VECTOR INDEX idx (v) M={self.m} "
                       f"DISTANCE={self.distance}")

    def index_bytes(self, cursor):
        cursor.execute("SELECT SUM(FILE_SIZE) FROM information_schema.INNODB_SYS_TABLESPACES "
                       "WHERE NAME LIKE 'bench/items#i#%'")
        size = cursor.fetchone()[0]
        return int(size) if size else None

    @staticmethod
    def set_ef(cursor, ef):
        cursor.execute(f"SET mhnsw_ef_search = {ef}")

    def query(self):
        return f"SELECT id FROM items ORDER BY {self.function}(v, VEC_FromText(%s)) LIMIT {K}"


class Pgvector:
    """PostgreSQL 17 + pgvector from peers_sql.sh: hnsw (m=16, ef_construction=200)."""

    name = "pgvector"
    clients = ("psycopg",)
    m_note = "m=16, ef_construction=200"

    def __init__(self, args, metric, work):
        self.ops = {"l2": "vector_l2_ops", "cosine": "vector_cosine_ops"}[metric]
        self.operator = {"l2": "<->", "cosine": "<=>"}[metric]
        self.m, self.ef_construction = args.m, args.ef_construction
        self.port = args.pg_port
        self.pid = None
        with self.connect("psycopg") as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")

    def close(self):
        pass

    def connect(self, client):
        import psycopg
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                               dbname="postgres", autocommit=True)

    def create_table(self, cursor, dim):
        cursor.execute("DROP TABLE IF EXISTS items")
        cursor.execute(f"CREATE TABLE items (id INT PRIMARY KEY, v vector({dim}))")

    @staticmethod
    def value(text):
        return f"'{text}'"

    def build_index(self, cursor):
        cursor.execute("ANALYZE items")
        cursor.execute(f"CREATE INDEX idx ON items USING hnsw (v {self.ops}) "
                       f"WITH (m = {self.m}, ef_construction = {self.ef_construction})")

    def index_bytes(self, cursor):
        cursor.execute("SELECT pg_relation_size('idx')")
        return cursor.fetchone()[0]

    @staticmethod
    def set_ef(cursor, ef):
        cursor.execute(f"SET hnsw.ef_search = {ef}")

    def query(self):
        return f"SELECT id FROM items ORDER BY v {self.operator} %s::vector LIMIT {K}"


SYSTEMS = {"vexdb": Vexdb, "mariadb": Mariadb, "pgvector": Pgvector}


def is_vexdb(system_name):
    return system_name in VEXDB_VARIANTS.values()


def load(system, cursor, base):
    system.create_table(cursor, base.shape[1])
    for start in range(0, len(base), BATCH):
        values = ",".join(f"({start + i},{system.value(vector_text(r))})"
                          for i, r in enumerate(base[start:start + BATCH]))
        cursor.execute("INSERT INTO items VALUES " + values)


def recall(results, base, queries, truth, metric):
    """ann-benchmarks' recall@K of `results` (one id list per query)."""
    hits = 0
    for found, query, true in zip(results, queries, truth):
        if not found:
            continue
        vectors = base[found].astype(np.float64)
        q = query.astype(np.float64)
        if metric == "l2":
            distances = np.linalg.norm(vectors - q, axis=1)
        else:
            distances = 1 - vectors @ q / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(q))
        hits += int(np.sum(distances <= true[K - 1] + 1e-3))
    return hits / (K * len(queries))


def run_queries(cursor, sql, texts):
    results = []
    for text in texts:
        cursor.execute(sql, (text,))
        results.append([r[0] for r in cursor.fetchall()])
    return results


def server_split(before, after, queries):
    """Per query, in µs: the server's time for the statement (parse to last packet written),
    the graph search inside it, and the rest, the fixed SQL cost."""
    delta = {name: after[name] - before[name] for name in before}
    statement = delta["Vexdb_statement_time_us"] / queries
    search = delta["Vexdb_vector_search_time_us"] / max(delta["Vexdb_vector_searches"], 1)
    return {"server_us": statement, "search_us": search, "fixed_us": statement - search}


def sweep(system, client, data, efs, runs):
    """Points {ef, recall, qps} over the ef grid, one query at a time, best of `runs` passes,
    and the client's ten-row-read QPS. A warm-up pass at the largest ef first, so that no
    setting pays for a cold cache."""
    base, queries, truth, metric, texts = data
    conn = system.connect(client)
    cursor = conn.cursor()
    sql = system.query()
    system.set_ef(cursor, max(efs))
    run_queries(cursor, sql, texts[:1000])
    points = []
    clock = getattr(system, "server_time", None)
    for ef in efs:
        system.set_ef(cursor, ef)
        best = float("inf")
        before = clock(cursor) if clock else None
        for _ in range(runs):
            started = time.perf_counter()
            results = run_queries(cursor, sql, texts)
            best = min(best, time.perf_counter() - started)
        point = {"ef": ef, "recall": recall(results, base, queries, truth, metric),
                 "qps": len(texts) / best}
        if clock:
            point.update(server_split(before, clock(cursor), runs * len(texts)))
        print(f"{system.name} {client} ef={ef} recall={point['recall']:.4f} "
              f"qps={point['qps']:,.0f}", file=sys.stderr, flush=True)
        points.append(point)
    ceiling = ten_row_read_qps(cursor, len(texts), runs)
    cursor.close()
    conn.close()
    return points, ceiling


def ten_row_read_qps(cursor, count, runs):
    """QPS of `count` reads of K rows by primary key, no vector search, best of `runs` passes:
    what a K-row answer costs through this client and protocol, the ceiling of any vector
    query's QPS on the same connection."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(count):
            cursor.execute(TEN_ROW_READ)
            cursor.fetchall()
        best = min(best, time.perf_counter() - started)
    return count / best


def measure(system, data, args):
    """{label: result} for every client of `system`: load, build, then a sweep per client."""
    base = data[0]
    conn = system.connect(system.clients[0])
    cursor = conn.cursor()
    started = time.perf_counter()
    load(system, cursor, base)
    load_seconds = time.perf_counter() - started
    before = resident_bytes(system.pid) if system.pid else None
    started = time.perf_counter()
    system.build_index(cursor)
    build_seconds = time.perf_counter() - started
    grown = resident_bytes(system.pid) - before if system.pid else None
    index_bytes = system.index_bytes(cursor)
    print(f"{system.name}: load {load_seconds:.1f} s, build {build_seconds:.1f} s",
          file=sys.stderr, flush=True)
    cursor.close()
    conn.close()
    common = {"system": system.name, "m_note": system.m_note, "load_seconds": load_seconds,
              "load_rows_per_second": len(base) / load_seconds, "build_seconds": build_seconds,
              "build_vectors_per_second": len(base) / build_seconds,
              "build_resident_bytes_per_vector": grown / len(base) if grown is not None else None,
              "index_bytes_per_vector": index_bytes / len(base) if index_bytes else None}
    results = {}
    for client in system.clients:
        points, ceiling = sweep(system, client, data, args.ef, args.runs)
        results[f"{system.name} ({CLIENT_NAMES[client]})"] = dict(
            common, client=client, points=points, ten_row_read_qps=ceiling)
    return results


def in_process_points(path, dataset):
    """{system: {ef: point}} of the in-process runs (compare.py's vexdb variants), or {}."""
    try:
        with open(path) as f:
            runs = json.load(f)[dataset]
    except (OSError, KeyError, ValueError):
        return {}
    return {name: {p["ef"]: p for p in runs[name]["points"]}
            for name in VEXDB_VARIANTS.values() if name in runs}


def measure_all(args, name, meta, data):
    """Every system's results on one dataset, each server started and stopped here."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="vexdb-ann-sql-") as work:
        for system_name in args.systems.split(","):
            variants = args.quantization if system_name == "vexdb" else [None]
            for quantization in variants:
                system = (Vexdb(args, meta["metric"], work, quantization) if quantization
                          else SYSTEMS[system_name](args, meta["metric"], work))
                try:
                    results.update(measure(system, data, args))
                finally:
                    system.close()
    return results


def table(meta, queries, results, in_process, args):
    labels = list(results)
    first = {}
    for label in labels:
        first.setdefault(results[label]["system"], results[label])
    systems = list(first)
    lines = [
        f"## {meta['name']}: {meta['rows']:,} x {meta['dimension']}, {meta['metric']}, through "
        f"SQL, {queries:,} queries one at a time, k={K}",
        "",
        "Build: " + "; ".join(f"{s} {first[s]['m_note']}" for s in systems) + ". ef grid "
        f"{','.join(map(str, args.ef))}, best of {args.runs} pass(es) per ef.",
        "",
        row("build", systems), "|---|" + "---:|" * len(systems),
        row("load, rows/s (multi-row INSERT)",
            [number(first[s]["load_rows_per_second"]) for s in systems]),
        row("index build, s", [number(first[s]["build_seconds"], 1) for s in systems]),
        row("index build, vectors/s",
            [number(first[s]["build_vectors_per_second"]) for s in systems]),
        row("server resident growth in the build, bytes/vector",
            [number(first[s]["build_resident_bytes_per_vector"]) for s in systems]),
        row("index size reported by the server, bytes/vector",
            [number(first[s]["index_bytes_per_vector"]) for s in systems]),
        "",
        row("QPS at recall@10 =", labels), "|---|" + "---:|" * len(labels),
    ]
    for target in TARGETS:
        lines.append(row(target, [number(qps_at(results[x], target)) for x in labels]))
    ceilings = {x: results[x].get("ten_row_read_qps") for x in labels}
    lines.append(row(f"no search: {K} ids by primary key", [number(ceilings[x]) for x in labels]))
    ours = [x for x in labels if is_vexdb(results[x]["system"])]
    peers = [x for x in labels if not is_vexdb(results[x]["system"])]
    columns = [f"vs {p} @{t}" for p in peers for t in TARGETS] + [
        f"build vs {s}" for s in systems if not is_vexdb(s)]
    lines += ["", row("vexdb's ratio", columns), "|---|" + "---:|" * len(columns)]
    for label in ours:
        cells = [ratio(qps_at(results[label], t), qps_at(results[p], t))
                 for p in peers for t in TARGETS]
        cells += [ratio(results[label]["build_vectors_per_second"],
                        first[s]["build_vectors_per_second"]) for s in systems
                  if not is_vexdb(s)]
        lines.append(row(label, cells))
        if ceilings[label]:
            cells = [ratio(ceilings[label], qps_at(results[p], t)) for p in peers for t in TARGETS]
            cells += ["-"] * (len(columns) - len(cells))
            lines.append(row(f"{label}, no search (the client's ceiling)", cells))
    goals = ", ".join(f"{g}x {s}" for s, g in GOALS.items() if s in systems)
    if goals:
        lines += ["", f"Targets (issue 4, through SQL at equal recall): {goals}."]
    columns = [f"{x} {what}" for x in labels for what in ("recall", "QPS")]
    native_systems = [s for s in systems if s in in_process]
    columns += [f"{s} in-process QPS" for s in native_systems]
    columns += [f"SQL cost per query, {x}" for x in ours]
    columns += [f"server: statement / graph search / fixed SQL, {x}" for x in ours]
    lines += ["", row("ef", columns), "|---:|" + "---:|" * len(columns)]
    for i, ef in enumerate(args.ef):
        cells = []
        for x in labels:
            point = results[x]["points"][i]
            cells += [f"{point['recall']:.4f}", number(point["qps"])]
        for s in native_systems:
            native = in_process[s].get(ef)
            cells.append(number(native["qps"]) if native else "-")
        for x in ours:
            native = in_process.get(results[x]["system"], {}).get(ef)
            cost = 1e6 / results[x]["points"][i]["qps"] - 1e6 / native["qps"] if native else None
            cells.append(f"{number(cost)} µs" if native else "-")
        for x in ours:
            point = results[x]["points"][i]
            cells.append(f"{point['server_us']:.0f} / {point['search_us']:.0f} / "
                         f"{point['fixed_us']:.0f} µs" if "server_us" in point else "-")
        lines.append(row(ef, cells))
    return "\n".join(lines)


def quantizations(text):
    names = [q.strip().upper() for q in text.split(",")]
    unknown = [q for q in names if q not in VEXDB_VARIANTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown QUANTIZATION {unknown[0]}")
    return names


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT / "build-ann" / "data"))
    parser.add_argument("--datasets", default="fashion-mnist")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--queries", type=int, default=2000, help="first N queries (0: all)")
    parser.add_argument("--ef", type=lambda s: [int(x) for x in s.split(",")],
                        default=[10, 20, 40, 80, 120, 200, 400])
    parser.add_argument("--runs", type=int, default=3, help="passes per ef, best counts")
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--server", default=str(ROOT / "build" / "bin" / "vexdb-server"))
    parser.add_argument("--quantization", default=["NONE"], type=quantizations,
                        help="QUANTIZATION of vexdb's index, or several: NONE,INT8")
    parser.add_argument("--mariadb-port", type=int, default=13306)
    parser.add_argument("--pg-port", type=int, default=15432)
    parser.add_argument("--in-process", default=str(HERE / "results" / "latest.json"),
                        help="compare.py's raw results, for the in-process column")
    parser.add_argument("--out", help="also write the tables here, and the raw JSON beside")
    parser.add_argument("--tables-from", help="measure nothing: make the tables from the raw JSON "
                        "of an earlier run (for instance with another --in-process file)")
    return parser.parse_args()


def main():
    args = parse_args()
    if args.m != 16 or args.ef_construction != 200:
        print("sql_bench: vexdb's SQL index always uses M=16, efConstruction=200",
              file=sys.stderr)
    sections = [f"# bench/ann: vector search through SQL, vexdb vs MariaDB vs pgvector\n\n"
                f"{datetime.date.today()}, CPU: {cpu_name()}, {os.cpu_count()} cores\n\n"
                f"Command: sql_bench.py {' '.join(sys.argv[1:])}"]
    raw = {}
    for name in args.datasets.split(","):
        directory = datasets.prepare(name, args.data_dir)
        meta, base, queries, truth = datasets.load(directory)
        if args.queries:
            queries, truth = queries[:args.queries], truth[:args.queries]
        data = (base, queries, truth, meta["metric"], [vector_text(q) for q in queries])
        if args.tables_from:
            with open(args.tables_from) as f:
                results = json.load(f)[name]
        else:
            results = measure_all(args, name, meta, data)
        raw[name] = results
        sections.append(table(meta, len(queries), results,
                              in_process_points(args.in_process, name), args))
        print(sections[-1] + "\n", flush=True)
    if args.out:
        write_results(args.out, sections, raw)


if __name__ == "__main__":
    main()
