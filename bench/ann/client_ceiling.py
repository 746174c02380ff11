#!/usr/bin/env python3
"""How much of a vector query's time through SQL is the client's: interleaved rounds.

sql_bench.py measures each system and client once, one after another, so a slow minute of the
machine lands on whichever system ran in it. This script loads one dataset into vexdb (started
here) and into pgvector (peers_sql.sh) with sql_bench.py's own load and build, opens one
connection per (system, client), and then measures in rounds: each round runs every case below
for --queries queries, so every case sees the same minutes. A case's figure is the median of its
rounds.

  vector      SELECT id FROM items ORDER BY <distance>(v, <query>) LIMIT 10 at each --ef;
  no search   SELECT id FROM items WHERE id < 10, the same ten ids read by primary key.

"no search" is the most any vector query can reach through that client on this machine: the
client's own work (escaping, writing, parsing ten rows) and the round trip, with a trivial
statement in the server. The table gives each case's QPS and its ratio to pgvector's vector QPS
at the same ef, the time the vector query adds to the no-search read (search and its SQL), and
for vexdb the server's own time per statement (SHOW GLOBAL STATUS, parse to the last packet
queued), so that the added time splits into the server's and the rest (client, wire, wake-ups).

  build-ann/venv/bin/python bench/ann/client_ceiling.py --dataset synthetic-128 \\
      --out bench/ann/results/client_ceiling.txt
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import datasets  # noqa: E402
import sql_bench  # noqa: E402
from compare import cpu_name  # noqa: E402


def qps(cursor, sql, params):
    """Queries per second over `params` (one execute + fetchall each)."""
    started = time.perf_counter()
    for p in params:
        cursor.execute(sql, p)
        cursor.fetchall()
    return len(params) / (time.perf_counter() - started)


def cases(systems, texts, efs):
    """(name, system, client, ef, sql, params) of every measured case."""
    vector_params = [(t,) for t in texts]
    none = [None] * len(texts)
    out = []
    for system in systems:
        for client in system.clients:
            label = f"{system.name} ({sql_bench.CLIENT_NAMES[client]})"
            for ef in efs:
                out.append((f"{label} vector ef={ef}", system, client, ef, system.query(),
                            vector_params))
            out.append((f"{label} no search", system, client, None, sql_bench.TEN_ROW_READ, none))
    return out


def measure(systems, texts, efs, rounds):
    """{case name: [QPS of each round]}; a warm-up pass of every case first."""
    connections = {}
    for system in systems:
        for client in system.clients:
            connections[(system.name, client)] = system.connect(client).cursor()
    todo = cases(systems, texts, efs)
    figures = {name: [] for name, *_ in todo}
    server_us = {name: [] for name, *_ in todo}
    for round_number in range(rounds + 1):
        for name, system, client, ef, sql, params in todo:
            cursor = connections[(system.name, client)]
            if ef is not None:
                system.set_ef(cursor, ef)
            clock = getattr(system, "server_time", None)
            before = clock(cursor) if clock else None
            measured = qps(cursor, sql, params)
            if round_number:  # round 0 warms every case up
                figures[name].append(measured)
                if clock:
                    spent = clock(cursor)["Vexdb_statement_time_us"]
                    server_us[name].append((spent - before["Vexdb_statement_time_us"]) / len(params))
        print(f"round {round_number} done", file=sys.stderr, flush=True)
    return figures, server_us


def table(figures, server_us, efs, rounds):
    median = {name: statistics.median(values) for name, values in figures.items()}
    server = {name: statistics.median(v) if v else None for name, v in server_us.items()}
    peer = {ef: median[f"pgvector (psycopg) vector ef={ef}"] for ef in efs}
    lines = ["| case | QPS, median of rounds (min-max) | vs pgvector's vector QPS at the ef | "
             "µs added to the no-search read | server µs per statement (added) |",
             "|---|---:|---:|---:|---:|"]
    for name, value in median.items():
        ef = int(name.rsplit("=", 1)[1]) if "ef=" in name else None
        base_name = name.rsplit(" ", 2)[0] + " no search" if ef else None
        spread = f"{min(figures[name]):,.0f}-{max(figures[name]):,.0f}"
        versus = [f"{value / peer[e]:.2f}x" for e in ([ef] if ef else efs)]
        added = f"{1e6 / value - 1e6 / median[base_name]:.0f}" if base_name else "-"
        statement = "-"
        if server[name] is not None:
            statement = f"{server[name]:.1f}"
            if base_name:
                statement += f" ({server[name] - server[base_name]:+.1f})"
        lines.append(f"| {name} | {value:,.0f} ({spread}) | {' / '.join(versus)} | {added} | "
                     f"{statement} |")
    lines.append("")
    lines.append(f"{rounds} rounds; a no-search row's ratio is given against pgvector's vector "
                 f"QPS at each ef ({', '.join(map(str, efs))}).")
    return "\n".join(lines)


def add_common_arguments(parser):
    """The arguments this script and equal_recall.py share: the dataset and how many of its
    queries, the server binary, pgvector's port and the output file."""
    parser.add_argument("--data-dir", default=os.path.join(HERE, "..", "..", "build-ann", "data"))
    parser.add_argument("--dataset", default="synthetic-128")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--server", default=os.path.join(HERE, "..", "..", "build", "bin",
                                                         "vexdb-server"))
    parser.add_argument("--pg-port", type=int, default=15432)
    parser.add_argument("--out")


def load_all(systems, base):
    """Loads `base` into every system and builds its index, with sql_bench.py's own load and
    build."""
    for system in systems:
        cursor = system.connect(system.clients[0]).cursor()
        sql_bench.load(system, cursor, base)
        system.build_index(cursor)


def publish(title, body, out):
    """Prints the report (title, date and machine, the command line, body) and writes it to
    `out` if given."""
    text = (f"# {title}\n\n"
            f"{datetime.date.today()}, CPU: {cpu_name()}, {os.cpu_count()} cores\n\n"
            f"Command: {os.path.basename(sys.argv[0])} {' '.join(sys.argv[1:])}\n\n"
            + body + "\n")
    print(text)
    if out:
        with open(out, "w") as f:
            f.write(text)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser)
    parser.add_argument("--ef", type=lambda s: [int(x) for x in s.split(",")], default=[10, 20])
    parser.add_argument("--rounds", type=int, default=15)
    return parser.parse_args()


def main():
    args = parse_args()
    args.m, args.ef_construction = 16, 200
    meta, base, queries, _ = datasets.load(datasets.prepare(args.dataset, args.data_dir))
    texts = [sql_bench.vector_text(q) for q in queries[:args.queries]]
    with tempfile.TemporaryDirectory(prefix="vexdb-ceiling-") as work:
        systems = [sql_bench.Vexdb(args, meta["metric"], work),
                   sql_bench.Pgvector(args, meta["metric"], work)]
        try:
            load_all(systems, base)
            figures, server_us = measure(systems, texts, args.ef, args.rounds)
        finally:
            for system in systems:
                system.close()
    publish(f"Client ceiling: {meta['name']} through SQL, interleaved rounds",
            table(figures, server_us, args.ef, args.rounds), args.out)


if __name__ == "__main__":
    main()
