// Writers, a deleter and searchers on one index at once. Run under TSan to check the lock-free
// readers (cmake -DCMAKE_CXX_FLAGS=-fsanitize=thread).

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "vector/hnsw_index.h"
#include "vector/vector_test_util.h"

namespace vexdb {
namespace {

constexpr size_t kDimension = 16;
constexpr int64_t kPreloaded = 1500;
constexpr int64_t kRows = 4000;  // labels 0..kRows-1; rows past kPreloaded arrive concurrently
constexpr int kWriters = 2;
constexpr int kSearchers = 2;
constexpr int64_t kDeleteEvery = 5;  // the deleter removes preloaded labels 0, 5, 10, ...

TEST(HnswConcurrencyTest, WritersDeleterAndSearchersTogether) {
  HnswOptions options;
  options.dimension = kDimension;
  options.ef_construction = 64;
  std::unique_ptr<HnswIndex> index = std::move(HnswIndex::Create(options)).value();
  const std::vector<float> data = MakeVectors(kRows, kDimension, 10, 1);
  for (int64_t row = 0; row < kPreloaded; ++row) {
    ASSERT_TRUE(index->Add(row, Row(data, kDimension, row)).ok());
  }

  std::atomic<int64_t> deleted_below{0};  // every multiple of kDeleteEvery below it is deleted
  std::atomic<bool> writing{true};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      // Growth from 2048 to 4096 nodes happens while the others run.
      for (int64_t row = kPreloaded + w; row < kRows; row += kWriters) {
        if (!index->Add(row, Row(data, kDimension, row)).ok()) ++errors;
      }
    });
  }
  threads.emplace_back([&] {
    for (int64_t label = 0; label < kPreloaded; label += kDeleteEvery) {
      if (!index->MarkDeleted(label)) ++errors;
      deleted_below.store(label + 1);
    }
  });
  // Checkpoints taken mid-write must load as consistent graphs (Save holds writers off).
  std::vector<std::string> checkpoints;
  threads.emplace_back([&] {
    while (writing.load() && checkpoints.size() < 3) {
      std::ostringstream out;
      if (!index->Save(out).ok()) ++errors;
      checkpoints.push_back(out.str());
    }
  });
  for (int s = 0; s < kSearchers; ++s) {
    threads.emplace_back([&, s] {
      for (size_t q = s; writing.load(); q = (q + 7) % kRows) {
        const int64_t deleted = deleted_below.load();
        Result<std::vector<HnswMatch>> found = index->Search(Row(data, kDimension, q), {.k = 10});
        if (!found.ok() || found->size() != 10) ++errors;
        for (const HnswMatch& match : *found) {
          const bool stale = match.label < deleted && match.label % kDeleteEvery == 0;
          if (stale || match.label < 0 || match.label >= kRows) ++errors;
        }
      }
    });
  }
  for (int i = 0; i < kWriters + 1; ++i) threads[i].join();
  writing.store(false);
  for (size_t i = kWriters + 1; i < threads.size(); ++i) threads[i].join();

  EXPECT_EQ(errors.load(), 0);
  ASSERT_TRUE(index->CheckIntegrity().ok());
  EXPECT_FALSE(checkpoints.empty());
  for (const std::string& bytes : checkpoints) {
    std::istringstream in(bytes);
    Result<std::unique_ptr<HnswIndex>> loaded = HnswIndex::Load(in);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_TRUE((*loaded)->CheckIntegrity().ok());
  }
  EXPECT_EQ(index->size(), size_t{kRows - kPreloaded / kDeleteEvery});
  // The graph built under contention still answers well.
  const auto live = [](int64_t label) { return label >= kPreloaded || label % kDeleteEvery != 0; };
  double recall = 0;
  for (size_t q = 0; q < 100; ++q) {
    const std::span<const float> query = Row(data, kDimension, q * 37);
    recall += Recall(*index->Search(query, {.k = 10}),
                     BruteForce(HnswMetric::kL2, data, kDimension, query, 10, live));
  }
  EXPECT_GE(recall / 100, 0.95);
}

}  // namespace
}  // namespace vexdb
