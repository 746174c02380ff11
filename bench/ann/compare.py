"""bench/ann: vexdb's HNSW in-process vs hnswlib and faiss HNSWFlat, side by side.

For each dataset (datasets.py), runs vexdb_ann_bench and peers.py for each peer, one system at a
time in its own process (--rounds times in turn, keeping each figure's best), with the same M,
efConstruction, ef grid and k, one thread. Prints a table per dataset with build throughput,
memory per vector, recall@k and QPS at every ef, and the QPS each system reaches at recall
0.95 and 0.99 (on the recall/QPS frontier, interpolated between ef settings), with vexdb's ratios
by wall time and by CPU time (which does not count time a process spent preempted by other load
on a shared machine). Writes the tables to --out and the raw results beside them as JSON.

  python compare.py --bench build/bin/vexdb_ann_bench --data-dir build-ann/data \\
      [--datasets fashion-mnist,synthetic-128] [--rounds 2] [--runs 3] [--queries 0] [--out FILE]
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

import datasets

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = (0.95, 0.99)
PEERS = ("hnswlib", "faiss")


def common_args(args):
    return ["--m", str(args.m), "--ef-construction", str(args.ef_construction),
            "--ef", ",".join(map(str, args.ef)), "--k", str(args.k), "--runs", str(args.runs),
            "--queries", str(args.queries)]


def run_json(command):
    print("+ " + " ".join(command), file=sys.stderr)
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output)


# vexdb's variants: extra vexdb_ann_bench flags. The bfloat16 index fetches 2k candidates and
# re-ranks them by exact float32 distance, as execution would (so its ef < 2k runs as 2k). The
# int8 index re-ranks its own ef candidates by their float32 copies.
VEXDB_VARIANTS = {
    "vexdb": [],
    "vexdb-bf16": ["--encoding", "bfloat16", "--candidates", "20"],
    "vexdb-int8": ["--encoding", "int8"],
}


def run_system(system, directory, meta, args):
    if system in VEXDB_VARIANTS:
        result = run_json([args.bench, "--data", directory, "--metric", meta["metric"]]
                          + VEXDB_VARIANTS[system] + common_args(args))
        result["system"] = system
        return result
    return run_json([sys.executable, os.path.join(HERE, "peers.py"), "--system", system,
                     "--data", directory] + common_args(args))


def merge_rounds(rounds):
    """One result per system from several rounds: each figure at its best (the least disturbed
    by whatever else the machine was doing), recall from the first round."""
    merged = rounds[0]
    for other in rounds[1:]:
        merged["build_vectors_per_second"] = max(merged["build_vectors_per_second"],
                                                 other["build_vectors_per_second"])
        for point, again in zip(merged["points"], other["points"]):
            for key in ("qps", "cpu_qps", "qps_per_call"):
                if key in point:
                    point[key] = max(point[key], again[key])
    return merged


def qps_at(result, target, key="qps"):
    """QPS at recall `target` on the recall/QPS frontier the ef grid traces: interpolated
    linearly between the two settings around the target, so that two systems whose recalls
    straddle a grid point are not compared at different ef steps. None if no setting reaches
    the target; the fastest setting's QPS if every setting exceeds it."""
    points = sorted((p["recall"], p[key]) for p in result["points"])
    if points[-1][0] < target:
        return None
    if points[0][0] >= target:
        return max(qps for _, qps in points)
    for (r0, q0), (r1, q1) in zip(points, points[1:]):
        if r0 < target <= r1:
            return q1 if r1 == r0 else q0 + (q1 - q0) * (target - r0) / (r1 - r0)
    return None


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"



def number(value, digits=0):
    return "-" if value is None else f"{value:,.{digits}f}"


def cpu_name():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def row(label, cells):
    return f"| {label} | " + " | ".join(cells) + " |"


def table(meta, results, args):
    systems = list(results)
    ours = [s for s in systems if s in VEXDB_VARIANTS]
    peers = [s for s in systems if s not in VEXDB_VARIANTS]
    simd = results[ours[0]]["simd"] if ours else "-"
    lines = [
        f"## {meta['name']}: {meta['rows']:,} x {meta['dimension']}, {meta['metric']}, "
        f"{len_queries(meta, args):,} queries, k={args.k}",
        "",
        f"M={args.m}, efConstruction={args.ef_construction}, 1 build thread, 1 search thread, "
        f"best of {args.rounds} rounds x {args.runs} passes; vexdb SIMD target {simd}.",
        "",
        row("build", systems), "|---|" + "---:|" * len(systems),
        row("vectors/s", [number(results[s]["build_vectors_per_second"]) for s in systems]),
        row("resident bytes/vector",
            [number(results[s]["resident_bytes_per_vector"]) for s in systems]),
        row("index's own accounting, bytes/vector",
            [number(results[s].get("bytes_per_vector")) for s in systems]),
        "",
        row("QPS at recall@10 =", systems), "|---|" + "---:|" * len(systems),
    ]
    for target in TARGETS:
        lines.append(row(target, [number(qps_at(results[s], target)) for s in systems]))
    # Ratios: wall time first, then CPU time (steadier on a shared machine).
    columns = [f"QPS@{t} vs {p}" for p in peers for t in TARGETS]
    columns += [f"build vs {p}" for p in peers]
    lines += ["", row("ratio (wall / CPU time)", columns), "|---|" + "---:|" * len(columns)]
    for ours_system in ours:
        cells = []
        for peer in peers:
            for target in TARGETS:
                cells.append(
                    ratio(qps_at(results[ours_system], target), qps_at(results[peer], target))
                    + " / " + ratio(qps_at(results[ours_system], target, "cpu_qps"),
                                    qps_at(results[peer], target, "cpu_qps")))
        for peer in peers:
            cells.append(ratio(results[ours_system]["build_vectors_per_second"],
                               results[peer]["build_vectors_per_second"]))
        lines.append(row(ours_system, cells))
    columns = [f"{s} {what}" for s in systems for what in ("recall", "QPS")]
    columns += [f"{p} QPS per call" for p in peers]
    lines += ["", row("ef", columns), "|---:|" + "---:|" * len(columns)]
    for i, ef in enumerate(args.ef):
        cells = []
        for s in systems:
            point = results[s]["points"][i]
            cells += [f"{point['recall']:.4f}", number(point["qps"])]
        cells += [number(results[p]["points"][i]["qps_per_call"]) for p in peers]
        lines.append(row(ef, cells))
    return "\n".join(lines)


def len_queries(meta, args):
    return min(args.queries, meta["queries"]) if args.queries else meta["queries"]


def write_results(path, sections, raw):
    """The tables to `path`, the raw results beside it as JSON (same name, .json)."""
    with open(path, "w") as f:
        f.write("\n\n".join(sections) + "\n")
    with open(os.path.splitext(path)[0] + ".json", "w") as f:
        json.dump(raw, f, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", required=True, help="path of vexdb_ann_bench")
    parser.add_argument("--data-dir", required=True, help="where datasets are (or get) written")
    parser.add_argument("--datasets", default=",".join(datasets.DATASETS))
    parser.add_argument("--systems", default=",".join(list(VEXDB_VARIANTS) + list(PEERS)))
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--ef", type=lambda s: [int(x) for x in s.split(",")],
                        default=[10, 20, 40, 80, 120, 200, 400])
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="passes per ef, best counts")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run every system this many times, interleaved; best counts")
    parser.add_argument("--queries", type=int, default=0, help="first N queries only (0: all)")
    parser.add_argument("--out", help="also write the tables (and raw JSON) here")
    args = parser.parse_args()

    sections = [f"# bench/ann: in-process HNSW, vexdb vs peers\n\n{datetime.date.today()}, "
                f"CPU: {cpu_name()}, {os.cpu_count()} cores\n\n"
                f"Command: {' '.join(sys.argv[1:])}"]
    raw = {}
    for name in args.datasets.split(","):
        directory = datasets.prepare(name, args.data_dir)
        meta = datasets.read_meta(directory)
        systems = args.systems.split(",")
        rounds = [{s: run_system(s, directory, meta, args) for s in systems}
                  for _ in range(args.rounds)]
        results = {s: merge_rounds([r[s] for r in rounds]) for s in systems}
        raw[name] = results
        sections.append(table(meta, results, args))
        print(sections[-1] + "\n", flush=True)
    if args.out:
        write_results(args.out, sections, raw)


if __name__ == "__main__":
    main()
