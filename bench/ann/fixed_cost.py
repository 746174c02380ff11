#!/usr/bin/env python3
"""The fixed SQL cost of a vector query, for two or more vexdb-server builds side by side.

The fixed cost is what a statement costs in the server beyond its graph search: the status
counters Vexdb_statement_time_us (parse to the last result packet written) minus
Vexdb_vector_search_time_us, per query. The builds run in turn on one data directory (the
fashion-mnist table and its index, loaded by the first build the first time), `--turns` times
each, so that the machine's drift between turns hits every build alike; each turn starts the
server, pins it to CPU 1 (this process stays where it was started: run it under `taskset -c 0`),
warms it with 500 queries, then times `--queries` queries one at a time:
  SELECT id FROM items ORDER BY VEC_L2_DISTANCE(v, '<query>') LIMIT 10
(VEC_COSINE_DISTANCE for a cosine dataset such as text-384).

  taskset -c 0 build-ann/venv/bin/python bench/ann/fixed_cost.py --data-dir build-ann/data \\
      --servers OLD/vexdb-server,build/bin/vexdb-server --work /tmp/fixed-cost
"""

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
sys.path.insert(0, str(HERE))
import datasets  # noqa: E402
import sql_bench  # noqa: E402
from server_process import ServerProcess  # noqa: E402

FUNCTIONS = {"l2": "VEC_L2_DISTANCE", "cosine": "VEC_COSINE_DISTANCE"}
WARMUP = 500


def load(cursor, base, function, quantization):
    cursor.execute("DROP TABLE IF EXISTS items")
    cursor.execute(f"CREATE TABLE items (id INT PRIMARY KEY, v VECTOR({base.shape[1]}))")
    system = sql_bench.Vexdb.__new__(sql_bench.Vexdb)
    system.function, system.quantization = function, quantization
    sql_bench.load(system, cursor, base)
    system.build_index(cursor)


def turn(binary, work, texts, args, fresh, base, function):
    """Per query, in µs: statement, graph search and fixed cost of one server run."""
    server = ServerProcess(binary, work / "data", work / "server.log")
    server.start()
    try:
        subprocess.run(["taskset", "-apc", "1", str(server.pid)], check=True,
                       stdout=subprocess.DEVNULL)
        cursor = sql_bench.connect_mysql(args.client, server.port, "test").cursor()
        if fresh:
            load(cursor, base, function, args.quantization)
        cursor.execute(f"SET hnsw_ef_search = {args.ef}")
        sql = f"SELECT id FROM items ORDER BY {function}(v, %s) LIMIT 10"
        sql_bench.run_queries(cursor, sql, texts[:WARMUP])
        before = sql_bench.Vexdb.server_time(cursor)
        sql_bench.run_queries(cursor, sql, texts)
        after = sql_bench.Vexdb.server_time(cursor)
        # The SHOW STATUS between the two samples is one more statement, without a search.
        return sql_bench.server_split(before, after, len(texts) + 1)
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", required=True, help="comma-separated vexdb-server binaries")
    parser.add_argument("--data-dir", required=True, help="bench/ann datasets (datasets.py)")
    parser.add_argument("--work", required=True, help="the shared data directory; kept")
    parser.add_argument("--dataset", default="fashion-mnist")
    parser.add_argument("--quantization", default="NONE")
    parser.add_argument("--client", default="mysqldb", choices=("mysqldb", "pymysql"))
    parser.add_argument("--ef", type=int, default=40)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--turns", type=int, default=3)
    args = parser.parse_args()

    meta, base, queries, _ = datasets.load(Path(args.data_dir) / args.dataset)
    function = FUNCTIONS[meta["metric"]]
    texts = [sql_bench.vector_text(q) for q in queries[:args.queries]]
    work = Path(args.work)
    fresh = not (work / "data").exists()
    binaries = args.servers.split(",")
    fixed = {binary: [] for binary in binaries}
    for number in range(args.turns):
        for binary in binaries:
            split = turn(binary, work, texts, args, fresh, base, function)
            fresh = False
            fixed[binary].append(split["fixed_us"])
            print(f"turn {number} {binary}: statement {split['server_us']:.1f} µs, graph search "
                  f"{split['search_us']:.1f} µs, fixed {split['fixed_us']:.1f} µs", flush=True)
    for binary in binaries:
        print(f"{binary}: fixed SQL cost, median of {args.turns} turns: "
              f"{statistics.median(fixed[binary]):.1f} µs")


if __name__ == "__main__":
    main()
