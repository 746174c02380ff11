#pragma once

// Helpers shared by the vector tests and bench/ann (header only; not part of the library):
// synthetic data and exact nearest neighbours to measure recall against.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <span>
#include <vector>

#include "vector/distance.h"
#include "vector/hnsw_index.h"

namespace vexdb {

// `count` row-major vectors around `clusters` Gaussian centres (clusters = 0: uniform in the
// unit cube), deterministic for a seed.
inline std::vector<float> MakeVectors(size_t count, size_t dimension, size_t clusters,
                                      uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
  std::normal_distribution<float> noise(0.0f, 0.1f);
  std::vector<float> centres(std::max<size_t>(clusters, 1) * dimension);
  for (float& x : centres) x = uniform(rng);
  std::vector<float> data(count * dimension);
  for (size_t row = 0; row < count; ++row) {
    const float* centre = &centres[(row % std::max<size_t>(clusters, 1)) * dimension];
    for (size_t i = 0; i < dimension; ++i) {
      data[row * dimension + i] = clusters == 0 ? uniform(rng) : centre[i] + noise(rng);
    }
  }
  return data;
}

// Row `row` of a row-major matrix.
inline std::span<const float> Row(const std::vector<float>& data, size_t dimension, size_t row) {
  return std::span<const float>(data).subspan(row * dimension, dimension);
}

inline double ExactDistance(HnswMetric metric, std::span<const float> a, std::span<const float> b) {
  double dot = 0, aa = 0, bb = 0, l2 = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += double{a[i]} * b[i];
    aa += double{a[i]} * a[i];
    bb += double{b[i]} * b[i];
    l2 += (double{a[i]} - b[i]) * (double{a[i]} - b[i]);
  }
  return metric == HnswMetric::kL2 ? l2 : 1 - dot / std::sqrt(aa * bb);
}

// The labels (row numbers) of the k rows nearest to query among those `keep` admits.
template <typename Keep>
std::vector<int64_t> BruteForce(HnswMetric metric, const std::vector<float>& data, size_t dimension,
                                std::span<const float> query, size_t k, const Keep& keep) {
  std::vector<std::pair<double, int64_t>> all;
  for (size_t row = 0; row < data.size() / dimension; ++row) {
    if (!keep(static_cast<int64_t>(row))) continue;
    all.emplace_back(ExactDistance(metric, query, Row(data, dimension, row)), row);
  }
  const size_t n = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + n, all.end());
  std::vector<int64_t> labels;
  for (size_t i = 0; i < n; ++i) labels.push_back(all[i].second);
  return labels;
}

// |found ∩ truth| / |truth|.
inline double Recall(const std::vector<HnswMatch>& found, const std::vector<int64_t>& truth) {
  if (truth.empty()) return 1.0;
  std::set<int64_t> expected(truth.begin(), truth.end());
  size_t hits = 0;
  for (const HnswMatch& match : found) hits += expected.count(match.label);
  return double(hits) / double(truth.size());
}

}  // namespace vexdb
