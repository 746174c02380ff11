// vexdb_ann_bench: the in-process side of bench/ann.
//
// Builds an HnswIndex over a dataset written by bench/ann/datasets.py, then, for each ef, runs
// every query one at a time on one thread and reports recall@k and queries per second (best of
// --runs passes), the protocol ann-benchmarks uses. Also reports build throughput, memory per
// vector (the index's own accounting and the growth of the process's resident set) and the
// checkpoint's size and save/load times. Prints one JSON object on stdout; compare.py reads it.
//
// Recall follows ann-benchmarks: a returned row counts if its exact distance to the query is
// at most the true k-th nearest distance + 1e-3, so ties count.

#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "vector/distance.h"
#include "vector/hnsw_index.h"
#include "vector/vector_test_util.h"

namespace vexdb {
namespace {

using Clock = std::chrono::steady_clock;

struct Matrix {
  size_t rows = 0;
  size_t dimension = 0;
  std::vector<float> values;

  std::span<const float> row(size_t i) const {
    return std::span<const float>(values).subspan(i * dimension, dimension);
  }
};

struct Config {
  std::string data_dir;
  std::string metric = "l2";
  uint32_t m = 16;
  uint32_t ef_construction = 200;
  std::vector<uint32_t> efs = {10, 20, 40, 80, 120, 200, 400};
  size_t k = 10;
  int runs = 3;
  int build_threads = 1;
  size_t max_queries = 0;  // 0: all
  std::string encoding = "float32";
  // If nonzero, fetch this many candidates and keep the k nearest by exact distance.
  size_t candidates = 0;
  // If set and present, the index is loaded from this checkpoint instead of built (to iterate
  // on search speed quickly); if set and absent, the built index is saved there.
  std::string index_file;
};

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time this thread has used: unlike wall time, it does not count time the thread spent
// preempted, which on a shared machine separates our cost from our neighbours' load.
double ThreadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

// Reads an fvecs file: per row an int32 dimension followed by that many float32s.
Matrix ReadFvecs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot open " << path << "\n";
    std::exit(1);
  }
  Matrix matrix;
  int32_t dimension;
  while (in.read(reinterpret_cast<char*>(&dimension), sizeof(dimension))) {
    matrix.dimension = static_cast<size_t>(dimension);
    const size_t offset = matrix.values.size();
    matrix.values.resize(offset + matrix.dimension);
    in.read(reinterpret_cast<char*>(matrix.values.data() + offset),
            static_cast<std::streamsize>(sizeof(float) * matrix.dimension));
    ++matrix.rows;
  }
  return matrix;
}

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0;
  size_t resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

void Check(const Status& status) {
  if (!status.ok()) {
    std::cerr << status.ToString() << "\n";
    std::exit(1);
  }
}

double Build(HnswIndex* index, const Matrix& base, int threads) {
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (size_t row = t; row < base.rows; row += threads) {
        Check(index->Add(static_cast<int64_t>(row), base.row(row)));
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return Seconds(start);
}

// The metric's true distance (ann-benchmarks' recall threshold is in it): the tests' exact
// distance, with the square root it leaves out of L2.
double TrueDistance(const std::string& metric, std::span<const float> a,
                    std::span<const float> b) {
  if (metric == "l2") return std::sqrt(ExactDistance(HnswMetric::kL2, a, b));
  return ExactDistance(HnswMetric::kCosine, a, b);
}

struct Point {
  uint32_t ef;
  double recall;
  double qps;
  double cpu_qps;  // queries per second of thread CPU time
};

// What execution does with a bfloat16 index: recompute each candidate's distance from the row's
// own float32 vector and keep the k nearest. For L2 with the SIMD kernel, as a tuned executor
// would; cosine takes the slow exact path (no dataset here uses it).
std::vector<HnswMatch> Rerank(const Config& config, const Matrix& base,
                              std::span<const float> query, std::vector<HnswMatch> candidates) {
  const DistanceKernels& kernels = BestDistanceKernels(VectorEncoding::kFloat32);
  for (HnswMatch& match : candidates) {
    const std::span<const float> row = base.row(match.label);
    match.distance = config.metric == "l2"
                         ? kernels.distance(query.data(), row.data(), row.size())
                         : static_cast<float>(TrueDistance(config.metric, query, row));
  }
  const size_t keep = std::min(config.k, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(),
                    [](const HnswMatch& a, const HnswMatch& b) { return a.distance < b.distance; });
  candidates.resize(keep);
  return candidates;
}

Point Measure(const HnswIndex& index, const Config& config, const Matrix& base,
              const Matrix& queries, const Matrix& truth, uint32_t ef) {
  const size_t count =
      config.max_queries ? std::min(config.max_queries, queries.rows) : queries.rows;
  std::vector<std::vector<HnswMatch>> answers(count);
  double best = 1e300;
  double best_cpu = 1e300;
  for (int run = 0; run < config.runs; ++run) {
    const Clock::time_point start = Clock::now();
    const double cpu_start = ThreadCpuSeconds();
    for (size_t q = 0; q < count; ++q) {
      if (config.candidates == 0) {
        answers[q] = index.Search(queries.row(q), {config.k, ef}).value();
      } else {
        answers[q] = Rerank(config, base, queries.row(q),
                            index.Search(queries.row(q), {config.candidates, ef}).value());
      }
    }
    best = std::min(best, Seconds(start));
    best_cpu = std::min(best_cpu, ThreadCpuSeconds() - cpu_start);
  }
  double hits = 0;
  for (size_t q = 0; q < count; ++q) {
    const double threshold = truth.row(q)[config.k - 1] + 1e-3;
    for (const HnswMatch& match : answers[q]) {
      hits += TrueDistance(config.metric, queries.row(q), base.row(match.label)) <= threshold;
    }
  }
  return Point{ef, hits / double(count * config.k), double(count) / best, double(count) / best_cpu};
}

std::unique_ptr<HnswIndex> LoadCheckpoint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Result<std::unique_ptr<HnswIndex>> loaded = HnswIndex::Load(in);
  Check(loaded.status());
  return std::move(loaded).value();
}

// Builds the index and records build speed, memory and checkpoint costs in `report`.
std::unique_ptr<HnswIndex> BuildAndMeasure(const Config& config, const Matrix& base,
                                           nlohmann::json* report) {
  HnswOptions options;
  options.metric = config.metric == "cosine" ? HnswMetric::kCosine : HnswMetric::kL2;
  options.dimension = static_cast<uint32_t>(base.dimension);
  options.m = config.m;
  options.ef_construction = config.ef_construction;
  options.encoding = config.encoding == "bfloat16" ? VectorEncoding::kBFloat16
                     : config.encoding == "int8"   ? VectorEncoding::kInt8
                                                   : VectorEncoding::kFloat32;
  Result<std::unique_ptr<HnswIndex>> created = HnswIndex::Create(options);
  Check(created.status());
  std::unique_ptr<HnswIndex> index = std::move(created).value();

  const size_t resident_before = ResidentBytes();
  const double build_seconds = Build(index.get(), base, config.build_threads);
  const size_t resident_growth = ResidentBytes() - resident_before;

  std::stringstream checkpoint;
  Clock::time_point start = Clock::now();
  Check(index->Save(checkpoint));
  const double save_seconds = Seconds(start);
  const size_t checkpoint_bytes = checkpoint.str().size();
  start = Clock::now();
  Result<std::unique_ptr<HnswIndex>> loaded = HnswIndex::Load(checkpoint);
  Check(loaded.status());
  const double load_seconds = Seconds(start);
  if (!config.index_file.empty()) {
    std::ofstream out(config.index_file, std::ios::binary);
    Check(index->Save(out));
  }

  (*report)["build_seconds"] = build_seconds;
  (*report)["build_vectors_per_second"] = double(base.rows) / build_seconds;
  (*report)["resident_bytes_per_vector"] = double(resident_growth) / double(base.rows);
  (*report)["checkpoint_bytes"] = checkpoint_bytes;
  (*report)["save_seconds"] = save_seconds;
  (*report)["load_seconds"] = load_seconds;
  return index;
}

nlohmann::json Run(const Config& config) {
  const Matrix base = ReadFvecs(config.data_dir + "/base.fvecs");
  const Matrix queries = ReadFvecs(config.data_dir + "/query.fvecs");
  const Matrix truth = ReadFvecs(config.data_dir + "/truth_distances.fvecs");
  nlohmann::json report = {{"system", "vexdb"},
                           {"encoding", config.encoding},
                           {"candidates", config.candidates},
                           {"m", config.m},
                           {"ef_construction", config.ef_construction},
                           {"build_threads", config.build_threads}};
  const bool reuse = !config.index_file.empty() && std::ifstream(config.index_file).good();
  std::unique_ptr<HnswIndex> index =
      reuse ? LoadCheckpoint(config.index_file) : BuildAndMeasure(config, base, &report);
  const HnswStats stats = index->Stats();
  report["simd"] = index->simd_target();
  report["bytes_per_vector"] = stats.bytes_per_vector;
  report["max_level"] = stats.max_level;

  nlohmann::json points = nlohmann::json::array();
  for (uint32_t ef : config.efs) {
    const Point point = Measure(*index, config, base, queries, truth, ef);
    points.push_back({{"ef", point.ef},
                      {"recall", point.recall},
                      {"qps", point.qps},
                      {"cpu_qps", point.cpu_qps}});
    std::cerr << "vexdb ef=" << ef << " recall=" << point.recall << " qps=" << point.qps
              << " cpu_qps=" << point.cpu_qps << "\n";
  }
  report["points"] = points;
  return report;
}

}  // namespace
}  // namespace vexdb

int main(int argc, char** argv) {
  vexdb::Config config;
  CLI::App app{"vexdb in-process HNSW benchmark (bench/ann)"};
  app.add_option("--data", config.data_dir, "dataset directory from datasets.py")->required();
  app.add_option("--metric", config.metric, "l2 or cosine")->check(CLI::IsMember({"l2", "cosine"}));
  app.add_option("--m", config.m, "links per node (2m on layer 0)");
  app.add_option("--ef-construction", config.ef_construction, "beam width while building");
  app.add_option("--ef", config.efs, "beam widths to search with")->delimiter(',');
  app.add_option("--k", config.k, "neighbours per query");
  app.add_option("--runs", config.runs, "passes over the queries per ef; the fastest counts");
  app.add_option("--build-threads", config.build_threads, "threads adding vectors");
  app.add_option("--queries", config.max_queries, "use only the first N queries (0: all)");
  app.add_option("--encoding", config.encoding, "how the index stores vectors")
      ->check(CLI::IsMember({"float32", "bfloat16", "int8"}));
  app.add_option("--candidates", config.candidates,
                 "fetch this many candidates and re-rank them by exact distance (0: off)");
  app.add_option("--index-file", config.index_file,
                 "load the index from this checkpoint if it exists, else save it there");
  CLI11_PARSE(app, argc, argv);
  std::cout << vexdb::Run(config).dump(2) << std::endl;
  return 0;
}
