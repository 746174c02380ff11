"""Runs one peer (hnswlib or faiss HNSWFlat) over a bench/ann dataset; prints JSON on stdout.

The JSON has the shape vexdb_ann_bench prints, so compare.py treats every system alike. Build
and search use one thread. Each ef is measured two ways, best of --runs passes:
  loop  all queries in one call with one thread: the library's C++ loop runs one query at a
        time, so this is the native per-query cost, the fair match for vexdb's C++ loop;
  call  one Python call per query (ann-benchmarks' protocol), which adds the binding's cost.
Both also report queries per second of process CPU time (cpu_qps), which on a shared machine
does not count time spent preempted. Recall is ann-benchmarks': a returned row counts if its exact distance is at most the true k-th
distance + 1e-3.

  python peers.py --system hnswlib --data DIR [--m 16] [--ef-construction 200] [--ef 10,20,...]
"""

import argparse
import json
import os
import sys
import time

import numpy as np

import datasets


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def recall(base, queries, truth_distances, ids, k, metric):
    found = base[ids]  # queries x k x dim
    if metric == "l2":
        exact = np.sqrt(((found.astype(np.float64) - queries[:, None, :]) ** 2).sum(axis=2))
    else:
        dots = (found.astype(np.float64) * queries[:, None, :]).sum(axis=2)
        norms = np.linalg.norm(found, axis=2) * np.linalg.norm(queries, axis=1)[:, None]
        exact = 1 - dots / norms
    threshold = truth_distances[:, k - 1:k] + 1e-3
    return float(((exact <= threshold) & (ids >= 0)).sum() / ids.size)


class Hnswlib:
    def __init__(self, metric, dim, rows, m, ef_construction):
        import hnswlib
        self.index = hnswlib.Index(space="l2" if metric == "l2" else "cosine", dim=dim)
        self.index.init_index(max_elements=rows, M=m, ef_construction=ef_construction,
                              random_seed=100)

    def build(self, base):
        self.index.add_items(base, np.arange(len(base)), num_threads=1)

    def set_ef(self, ef):
        self.index.set_ef(ef)

    def search_loop(self, queries, k):
        return self.index.knn_query(queries, k=k, num_threads=1)[0].astype(np.int64)

    def search_one(self, query, k):
        return self.index.knn_query(query, k=k, num_threads=1)[0]


class Faiss:
    def __init__(self, metric, dim, rows, m, ef_construction):
        import faiss
        faiss.omp_set_num_threads(1)
        self.faiss = faiss
        self.cosine = metric == "cosine"
        kind = faiss.METRIC_INNER_PRODUCT if self.cosine else faiss.METRIC_L2
        self.index = faiss.IndexHNSWFlat(dim, m, kind)
        self.index.hnsw.efConstruction = ef_construction

    def prepare(self, vectors):
        if self.cosine:
            vectors = vectors.copy()
            self.faiss.normalize_L2(vectors)
        return vectors

    def build(self, base):
        self.index.add(self.prepare(base))

    def set_ef(self, ef):
        self.index.hnsw.efSearch = ef

    def search_loop(self, queries, k):
        return self.index.search(self.prepare(queries), k)[1]

    def search_one(self, query, k):
        return self.index.search(query, k)[1]


def best_of(runs, action):
    """(best wall seconds, best process CPU seconds, last result) over `runs` calls."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = action()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
    return best, best_cpu, result


def measure(system, args, meta, base, queries, truth):
    k = args.k
    points = []
    single = [q.reshape(1, -1) for q in (system.prepare(queries) if isinstance(system, Faiss)
                                         else queries)]
    for ef in args.ef:
        system.set_ef(ef)
        loop_seconds, loop_cpu, ids = best_of(args.runs, lambda: system.search_loop(queries, k))
        call_seconds, _, _ = best_of(args.runs,
                                     lambda: [system.search_one(q, k) for q in single])
        point = {"ef": ef, "recall": recall(base, queries, truth, ids, k, meta["metric"]),
                 "qps": len(queries) / loop_seconds, "cpu_qps": len(queries) / loop_cpu,
                 "qps_per_call": len(queries) / call_seconds}
        print(f"{args.system} ef={ef} recall={point['recall']:.4f} qps={point['qps']:.0f} "
              f"cpu_qps={point['cpu_qps']:.0f} per-call={point['qps_per_call']:.0f}",
              file=sys.stderr)
        points.append(point)
    return points


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--system", choices=("hnswlib", "faiss"), required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--ef", type=lambda s: [int(x) for x in s.split(",")],
                        default=[10, 20, 40, 80, 120, 200, 400])
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=0, help="first N queries only (0: all)")
    args = parser.parse_args()

    meta, base, queries, truth = datasets.load(args.data)
    if args.queries:
        queries, truth = queries[:args.queries], truth[:args.queries]
    peer = Hnswlib if args.system == "hnswlib" else Faiss
    before = resident_bytes()
    system = peer(meta["metric"], meta["dimension"], len(base), args.m, args.ef_construction)
    build_seconds, _, _ = best_of(1, lambda: system.build(base))
    grown = resident_bytes() - before
    result = {
        "system": args.system, "m": args.m, "ef_construction": args.ef_construction,
        "build_threads": 1, "build_seconds": build_seconds,
        "build_vectors_per_second": len(base) / build_seconds,
        "resident_bytes_per_vector": grown / len(base),
        "points": measure(system, args, meta, base, queries, truth),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
