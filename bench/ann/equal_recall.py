#!/usr/bin/env python3
"""vexdb against pgvector through SQL at equal recall, in interleaved rounds.

sql_bench.py reads QPS at a recall off each system's curve, measured one system after the
other, so a slow minute of the machine lands on one system only; client_ceiling.py interleaves
the systems but compares them at equal ef, not equal recall. This script does both:

  1. loads one dataset into vexdb (started here) and pgvector (peers_sql.sh) with sql_bench.py's
     own load and index build, and measures every query's recall@10 at each ef of a fine grid;
  2. for each target recall, takes each system's smallest grid ef that reaches it (no
     interpolation: a system is never credited with a recall it did not reach);
  3. measures those settings in rounds: each round runs every case for --batch queries, so both
     systems see the same minutes, and records vexdb's QPS over pgvector's in that round.

The figure for a target is the median of the per-round ratios, so the machine's slow and fast
stretches cancel within a round instead of landing on one system.

  build-ann/venv/bin/python bench/ann/equal_recall.py --dataset synthetic-128 \\
      --out bench/ann/results/equal_recall_synthetic.txt
"""

import argparse
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import client_ceiling  # noqa: E402
import datasets  # noqa: E402
import sql_bench  # noqa: E402


def smallest_ef(curve, target):
    """The smallest ef of `curve` ({ef: recall}) whose recall reaches `target`, or None."""
    reached = [ef for ef, value in sorted(curve.items()) if value >= target]
    return reached[0] if reached else None


def recall_curve(system, client, data, efs):
    """{ef: recall@10} of every query, one pass per ef."""
    base, queries, truth, metric, texts = data
    connection = system.connect(client)
    cursor = connection.cursor()
    curve = {}
    for ef in efs:
        system.set_ef(cursor, ef)
        results = sql_bench.run_queries(cursor, system.query(), texts)
        curve[ef] = sql_bench.recall(results, base, queries, truth, metric)
        print(f"{system.name} ef={ef} recall={curve[ef]:.4f}", file=sys.stderr, flush=True)
    cursor.close()
    connection.close()
    return curve


def interleave(cases, texts, rounds, batch):
    """{case name: [QPS of each round]}; each round runs every case on the next `batch` texts
    (round 0 warms every case up and is not kept)."""
    figures = {name: [] for name, *_ in cases}
    start = 0
    for round_number in range(rounds + 1):
        chunk = [(texts[(start + i) % len(texts)],) for i in range(batch)]
        start += batch
        for name, system, cursor, ef in cases:
            system.set_ef(cursor, ef)
            measured = client_ceiling.qps(cursor, system.query(), chunk)
            if round_number:
                figures[name].append(measured)
        if round_number % 10 == 0:
            print(f"round {round_number} done", file=sys.stderr, flush=True)
    return figures


def report(targets, chosen, curves, figures, vexdb_cases):
    """The markdown table: per target, each case's ef, recall and median QPS, and vexdb's
    median per-round ratio to pgvector."""
    lines = ["| recall@10 target | case | ef (recall) | QPS, median of rounds (min-max) | "
             "vs pgvector: median of per-round ratios (min-max) |",
             "|---:|---|---:|---:|---:|"]
    for target in targets:
        peer = figures.get(f"pgvector (psycopg) {target}")
        for case in vexdb_cases + ["pgvector (psycopg)"]:
            name = f"{case} {target}"
            if name not in figures:
                continue
            values = figures[name]
            system_name = case.split(" ")[0]
            ef = chosen[(system_name, target)]
            ratio = "1.00x"
            if peer and system_name != "pgvector":
                ratios = [v / p for v, p in zip(values, peer)]
                ratio = (f"{statistics.median(ratios):.2f}x "
                         f"({min(ratios):.2f}-{max(ratios):.2f})")
            lines.append(f"| {target} | {case} | {ef} ({curves[system_name][ef]:.4f}) | "
                         f"{statistics.median(values):,.0f} "
                         f"({min(values):,.0f}-{max(values):,.0f}) | {ratio} |")
    return "\n".join(lines)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    client_ceiling.add_common_arguments(parser)
    parser.add_argument("--ef", type=lambda s: [int(x) for x in s.split(",")],
                        default=list(range(10, 21)) + [24, 28, 32, 40])
    parser.add_argument("--recall", type=lambda s: [float(x) for x in s.split(",")],
                        default=[0.95, 0.99])
    parser.add_argument("--quantization", type=lambda s: s.split(","), default=["NONE"],
                        help="vexdb index variants (QUANTIZATION=...), each its own server")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--batch", type=int, default=500, help="queries per case per round")
    return parser.parse_args()


def main():
    args = parse_args()
    args.m, args.ef_construction = 16, 200
    meta, base, queries, truth = datasets.load(datasets.prepare(args.dataset, args.data_dir))
    queries, truth = queries[:args.queries], truth[:args.queries]
    texts = [sql_bench.vector_text(q) for q in queries]
    data = (base, queries, truth, meta["metric"], texts)
    with tempfile.TemporaryDirectory(prefix="vexdb-equal-recall-") as work:
        systems = {}
        for quantization in args.quantization:
            vexdb = sql_bench.Vexdb(args, meta["metric"], os.path.join(work, quantization),
                                    quantization)
            systems[vexdb.name] = vexdb
        systems["pgvector"] = sql_bench.Pgvector(args, meta["metric"], work)
        try:
            client_ceiling.load_all(systems.values(), base)
            curves = {name: recall_curve(system, system.clients[0], data, args.ef)
                      for name, system in systems.items()}
            chosen = {(name, target): smallest_ef(curves[name], target)
                      for name in systems for target in args.recall}
            cases, vexdb_cases = [], []
            for target in args.recall:
                if any(chosen[(name, target)] is None for name in systems):
                    print(f"recall {target} not reached on the ef grid", file=sys.stderr)
                    continue
                for name, system in systems.items():
                    for client in system.clients:
                        label = f"{name} ({sql_bench.CLIENT_NAMES[client]})"
                        if name != "pgvector" and label not in vexdb_cases:
                            vexdb_cases.append(label)
                        cursor = system.connect(client).cursor()
                        cases.append((f"{label} {target}", system, cursor,
                                      chosen[(name, target)]))
            figures = interleave(cases, texts, args.rounds, args.batch)
        finally:
            for system in systems.values():
                system.close()
    body = (f"{args.rounds} rounds of {args.batch} queries per case; each system at its "
            f"smallest ef (of {','.join(map(str, args.ef))}) reaching the target, over "
            f"{len(texts)} queries; M=16, efConstruction=200 for both.\n\n"
            + report(args.recall, chosen, curves, figures, vexdb_cases))
    client_ceiling.publish(f"{meta['name']}: vexdb against pgvector through SQL at equal "
                           "recall, interleaved rounds", body, args.out)


if __name__ == "__main__":
    main()
