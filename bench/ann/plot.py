#!/usr/bin/env python3
"""Draws bench/ann's recall/QPS curves: one panel per dataset, one line per system.

Reads compare.py's raw results (in-process: vexdb, hnswlib, faiss; solid lines) and
sql_bench.py's (through SQL: vexdb, MariaDB, pgvector per client; dashed lines), and plots
recall@10 (x) against queries per second (y, log scale), one point per ef setting, as
ann-benchmarks draws them, but with recall on a logit scale, which spreads 0.9, 0.99 and 0.999
evenly where a linear one would pile them up at the right edge; a recall of 1 is drawn at
TOP_RECALL. A dataset missing from one file is drawn from the other alone.

  build-ann/venv/bin/python bench/ann/plot.py [--in-process results/latest.json]
      [--sql results/sql_latest.json] [--out results/recall_qps.png]
"""

import argparse
import json
import os

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")
# A colour per system, so that a system keeps its colour across panels and runs.
COLOURS = {"vexdb": "tab:red", "vexdb-bf16": "tab:orange", "vexdb-int8": "tab:brown",
           "hnswlib": "tab:blue", "faiss": "tab:cyan", "mariadb": "tab:green",
           "pgvector": "tab:purple"}
MARKERS = {"PyMySQL": "o", "MySQLdb": "s", "psycopg": "^"}
TOP_RECALL = 0.9999
RECALL_TICKS = (0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9999)


def read(path):
    if not path or not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def curves(in_process, sql, dataset):
    """(label, colour, line style, marker, points) for every system run on `dataset`."""
    out = []
    for system, result in in_process.get(dataset, {}).items():
        out.append((f"{system} in-process", COLOURS.get(system, "black"), "-", ".",
                    result["points"]))
    for label, result in sql.get(dataset, {}).items():
        client = label.split("(")[-1].rstrip(")")
        out.append((f"{label} SQL", COLOURS.get(result["system"], "black"), "--",
                    MARKERS.get(client, "x"), result["points"]))
    return out


def draw(axes, dataset, lines):
    lowest = 1.0
    for label, colour, style, marker, points in lines:
        points = sorted(points, key=lambda p: p["recall"])
        recalls = [min(p["recall"], TOP_RECALL) for p in points]
        lowest = min(lowest, recalls[0])
        axes.plot(recalls, [p["qps"] for p in points], linestyle=style, marker=marker,
                  color=colour, label=label, markersize=4, linewidth=1.2)
    axes.set_xscale("logit")
    axes.set_yscale("log")
    left = min(lowest, 0.9) * 0.99
    axes.set_xlim(left, TOP_RECALL * 1.00002)
    ticks = [t for t in RECALL_TICKS if t >= left]
    axes.set_xticks(ticks, [str(t) for t in ticks])
    axes.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    axes.set_xlabel(f"recall@10 (logit scale; 1 drawn at {TOP_RECALL})")
    axes.set_ylabel("queries per second, 1 thread (log)")
    axes.set_title(dataset)
    axes.grid(True, which="both", linewidth=0.3)
    axes.legend(fontsize=7, loc="lower left")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--in-process", default=os.path.join(RESULTS, "latest.json"))
    parser.add_argument("--sql", default=os.path.join(RESULTS, "sql_latest.json"))
    parser.add_argument("--out", default=os.path.join(RESULTS, "recall_qps.png"))
    args = parser.parse_args()

    in_process, sql = read(args.in_process), read(args.sql)
    names = list(in_process) + [d for d in sql if d not in in_process]
    if not names:
        raise SystemExit("no results to plot")
    figure, panels = plt.subplots(len(names), 1, figsize=(9, 6 * len(names)), squeeze=False)
    for axes, dataset in zip(panels[:, 0], names):
        draw(axes, dataset, curves(in_process, sql, dataset))
    figure.suptitle("HNSW, M=16, efConstruction=200: recall@10 vs QPS over the ef grid "
                    "(solid: in-process; dashed: through SQL)", fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.98))
    figure.savefig(args.out, dpi=110)
    print(f"plot.py: wrote {args.out}")


if __name__ == "__main__":
    main()
