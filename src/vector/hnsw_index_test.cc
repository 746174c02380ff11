#include "vector/hnsw_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include "vector/vector_test_util.h"

namespace vexdb {
namespace {

constexpr size_t kDimension = 32;
constexpr size_t kRows = 3000;
constexpr size_t kQueries = 100;
constexpr size_t kK = 10;

std::unique_ptr<HnswIndex> NewIndex(HnswMetric metric, size_t dimension = kDimension,
                                    VectorEncoding encoding = VectorEncoding::kFloat32) {
  HnswOptions options;
  options.metric = metric;
  options.dimension = static_cast<uint32_t>(dimension);
  options.encoding = encoding;
  options.ef_construction = 100;
  Result<std::unique_ptr<HnswIndex>> index = HnswIndex::Create(options);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return std::move(index).value();
}

void AddAll(HnswIndex* index, const std::vector<float>& data, size_t dimension) {
  for (size_t row = 0; row < data.size() / dimension; ++row) {
    ASSERT_TRUE(index->Add(static_cast<int64_t>(row), Row(data, dimension, row)).ok());
  }
}

// kRows rows and kQueries queries from the same distribution.
std::pair<std::vector<float>, std::vector<float>> DataAndQueries(size_t clusters, uint64_t seed) {
  std::vector<float> data = MakeVectors(kRows + kQueries, kDimension, clusters, seed);
  std::vector<float> queries(data.begin() + kRows * kDimension, data.end());
  data.resize(kRows * kDimension);
  return {std::move(data), std::move(queries)};
}

struct AcceptAll {
  bool operator()(int64_t) const { return true; }
};

// Mean recall@k over queries, against brute force over the rows `keep` admits.
template <typename Keep>
double MeanRecall(const HnswIndex& index, const std::vector<float>& data,
                  const std::vector<float>& queries, uint32_t ef, const LabelFilter* filter,
                  const Keep& keep) {
  const size_t dimension = index.options().dimension;
  double total = 0;
  const size_t count = queries.size() / dimension;
  for (size_t q = 0; q < count; ++q) {
    const std::span<const float> query = Row(queries, dimension, q);
    Result<std::vector<HnswMatch>> found = index.Search(query, {kK, ef, filter});
    EXPECT_TRUE(found.ok());
    for (const HnswMatch& match : *found) EXPECT_TRUE(keep(match.label)) << match.label;
    total += Recall(*found, BruteForce(index.options().metric, data, dimension, query, kK, keep));
  }
  return total / double(count);
}

TEST(HnswIndexTest, RejectsBadOptions) {
  HnswOptions options;
  EXPECT_FALSE(HnswIndex::Create(options).ok());  // dimension 0
  options.dimension = kMaxVectorDimension + 1;
  EXPECT_FALSE(HnswIndex::Create(options).ok());
  options.dimension = kMaxVectorDimension;
  EXPECT_TRUE(HnswIndex::Create(options).ok());
  options.m = 1;
  EXPECT_FALSE(HnswIndex::Create(options).ok());
}

TEST(HnswIndexTest, EmptyIndexFindsNothing) {
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  std::vector<float> query(kDimension, 0.5f);
  Result<std::vector<HnswMatch>> found = index->Search(query, {});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
  EXPECT_EQ(index->Stats().max_level, -1);
}

TEST(HnswIndexTest, RejectsWrongDimensionAndDuplicateLabel) {
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  std::vector<float> vector(kDimension, 1.0f);
  std::vector<float> short_vector(kDimension - 1, 1.0f);
  EXPECT_FALSE(index->Add(1, short_vector).ok());
  EXPECT_FALSE(index->Search(short_vector, {}).ok());
  ASSERT_TRUE(index->Add(1, vector).ok());
  EXPECT_FALSE(index->Add(1, vector).ok());
  EXPECT_EQ(index->size(), 1u);
}

TEST(HnswIndexTest, SingleVectorIsFoundWithItsDistance) {
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2, 3);
  const float vector[] = {1, 2, 3};
  const float query[] = {1, 2, 5};
  ASSERT_TRUE(index->Add(-7, vector).ok());
  Result<std::vector<HnswMatch>> found = index->Search(query, {.k = 5});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].label, -7);
  EXPECT_FLOAT_EQ((*found)[0].distance, 2.0f);
}

TEST(HnswIndexTest, L2RecallOnClusteredData) {
  const auto [data, queries] = DataAndQueries(20, 1);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  ASSERT_TRUE(index->CheckIntegrity().ok());
  EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, AcceptAll()), 0.95);
}

TEST(HnswIndexTest, CosineRecallOnUniformData) {
  const auto [data, queries] = DataAndQueries(0, 3);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kCosine);
  AddAll(index.get(), data, kDimension);
  ASSERT_TRUE(index->CheckIntegrity().ok());
  EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, AcceptAll()), 0.95);
}

// The five matches nearest to query, with their vectors in *vectors (one per match); empty if
// the search fails or the vectors do not match up, which fails the test.
std::vector<HnswMatch> FiveWithVectors(const HnswIndex& index, std::span<const float> query,
                                       std::vector<std::vector<float>>* vectors) {
  Result<std::vector<HnswMatch>> found = index.Search(query, {.k = 5, .vectors = vectors});
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  if (!found.ok() || found->size() != vectors->size()) return {};
  return *std::move(found);
}

// A cosine float32 graph keeps each vector as added (with its inverse norm), so it hands back
// the rows' vectors bit for bit, and ranks by the cosine distance whatever their lengths.
TEST(HnswIndexTest, CosineFloat32KeepsVectorsAsAdded) {
  auto [data, queries] = DataAndQueries(20, 10);
  for (size_t row = 0; row * kDimension < data.size(); ++row) {
    for (size_t i = 0; i < kDimension; ++i) data[row * kDimension + i] *= 0.5f + row % 7;
  }
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kCosine);
  AddAll(index.get(), data, kDimension);
  ASSERT_TRUE(index->CheckIntegrity().ok());
  EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, AcceptAll()), 0.95);
  const std::span<const float> query(queries.data(), kDimension);
  std::vector<std::vector<float>> vectors;
  const std::vector<HnswMatch> found = FiveWithVectors(*index, query, &vectors);
  ASSERT_EQ(found.size(), 5u);
  for (size_t i = 0; i < found.size(); ++i) {
    const float* row = data.data() + found[i].label * kDimension;
    EXPECT_EQ(vectors[i], std::vector<float>(row, row + kDimension));
    double dot = 0, row_norm = 0, query_norm = 0;
    for (size_t j = 0; j < kDimension; ++j) {
      dot += double{row[j]} * query[j];
      row_norm += double{row[j]} * row[j];
      query_norm += double{query[j]} * query[j];
    }
    EXPECT_NEAR(found[i].distance, 1 - dot / std::sqrt(row_norm * query_norm), 1e-6);
  }
}

// bfloat16 storage perturbs distances by well under a percent: the candidates are nearly the
// same, and an exact re-rank (execution's job) restores the order.
TEST(HnswIndexTest, BFloat16RecallForBothMetrics) {
  for (HnswMetric metric : {HnswMetric::kL2, HnswMetric::kCosine}) {
    SCOPED_TRACE(static_cast<int>(metric));
    const auto [data, queries] = DataAndQueries(20, 10);
    std::unique_ptr<HnswIndex> index = NewIndex(metric, kDimension, VectorEncoding::kBFloat16);
    AddAll(index.get(), data, kDimension);
    ASSERT_TRUE(index->CheckIntegrity().ok());
    EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, AcceptAll()), 0.95);
  }
}

// Admits one label.
class OnlyLabel : public LabelFilter {
 public:
  explicit OnlyLabel(int64_t label) : label_(label) {}
  bool Accept(int64_t label) const override { return label == label_; }

 private:
  int64_t label_;
};

// An int8 graph ranks by 8-bit codes, then re-ranks its best candidates by their float32
// copies: recall holds, the distances are the float32 index's (for cosine within rounding: the
// copies are normalized on the fly), and the vectors it returns are those added, for cosine too.
TEST(HnswIndexTest, Int8RecallForBothMetricsWithExactDistances) {
  for (HnswMetric metric : {HnswMetric::kL2, HnswMetric::kCosine}) {
    SCOPED_TRACE(static_cast<int>(metric));
    const auto [data, queries] = DataAndQueries(20, 10);
    std::unique_ptr<HnswIndex> index = NewIndex(metric, kDimension, VectorEncoding::kInt8);
    std::unique_ptr<HnswIndex> exact = NewIndex(metric, kDimension);
    AddAll(index.get(), data, kDimension);
    AddAll(exact.get(), data, kDimension);
    ASSERT_TRUE(index->CheckIntegrity().ok());
    EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, AcceptAll()), 0.95);
    // Each match's distance is the float32 index's for the same row: search the float32 index
    // with a filter admitting that row only.
    const std::span<const float> query(queries.data(), kDimension);
    std::vector<std::vector<float>> vectors;
    const std::vector<HnswMatch> found = FiveWithVectors(*index, query, &vectors);
    ASSERT_EQ(found.size(), 5u);
    for (size_t i = 0; i < found.size(); ++i) {
      const HnswMatch& match = found[i];
      if (i > 0) {
        EXPECT_LE(found[i - 1].distance, match.distance);
      }
      const OnlyLabel only(match.label);
      Result<std::vector<HnswMatch>> same = exact->Search(query, {.k = 1, .filter = &only});
      ASSERT_TRUE(same.ok());
      ASSERT_EQ(same->size(), 1u);
      if (metric == HnswMetric::kL2) {
        EXPECT_EQ(match.distance, (*same)[0].distance);
      } else {
        EXPECT_NEAR(match.distance, (*same)[0].distance, 1e-6);
      }
      const float* row = data.data() + match.label * kDimension;
      EXPECT_EQ(vectors[i], std::vector<float>(row, row + kDimension));
    }
  }
}

TEST(HnswIndexTest, CosineDistanceIgnoresLength) {
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kCosine, 2);
  const float east[] = {10, 0};
  const float north[] = {0, 0.5f};
  const float zero[] = {0, 0};
  ASSERT_TRUE(index->Add(1, east).ok());
  ASSERT_TRUE(index->Add(2, north).ok());
  ASSERT_TRUE(index->Add(3, zero).ok());
  const float query[] = {3, 0.01f};
  Result<std::vector<HnswMatch>> found = index->Search(query, {.k = 3});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].label, 1);
  EXPECT_NEAR((*found)[0].distance, 0.0, 1e-4);
  EXPECT_EQ((*found)[1].label, 2);  // north, nearly orthogonal
  EXPECT_NEAR((*found)[1].distance, 1 - 0.01 / std::hypot(3.0, 0.01), 1e-6);
  EXPECT_EQ((*found)[2].label, 3);  // the zero vector, no direction: as if orthogonal
  EXPECT_EQ((*found)[2].distance, 1.0f);
}

// Admits labels whose row number is a multiple of `modulus`.
class ModulusFilter : public LabelFilter {
 public:
  explicit ModulusFilter(int64_t modulus) : modulus_(modulus) {}
  bool Accept(int64_t label) const override { return label % modulus_ == 0; }
  bool operator()(int64_t label) const { return Accept(label); }

 private:
  int64_t modulus_;
};

TEST(HnswIndexTest, FilteredRecallAtSeveralSelectivities) {
  const auto [data, queries] = DataAndQueries(20, 5);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  for (int64_t modulus : {2, 10, 100}) {  // 50%, 10%, 1% of the rows qualify
    SCOPED_TRACE(modulus);
    const ModulusFilter filter(modulus);
    EXPECT_GE(MeanRecall(*index, data, queries, 40, &filter, filter), 0.95);
  }
}

TEST(HnswIndexTest, FilterAdmittingFewerThanKReturnsAllOfThem) {
  const std::vector<float> data = MakeVectors(kRows, kDimension, 20, 7);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  const ModulusFilter filter(1000);  // rows 0, 1000, 2000
  Result<std::vector<HnswMatch>> found = index->Search(Row(data, kDimension, 5), {10, 40, &filter});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 3u);
}

// ModulusFilter that counts the rows it is asked about.
class CountingFilter : public ModulusFilter {
 public:
  using ModulusFilter::ModulusFilter;
  bool Accept(int64_t label) const override {
    ++calls;
    return ModulusFilter::Accept(label);
  }
  mutable size_t calls = 0;
};

TEST(HnswIndexTest, FilteredSearchGivesUpAfterItsBudget) {
  const std::vector<float> data = MakeVectors(kRows, kDimension, 20, 7);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  const std::span<const float> query = Row(data, kDimension, 5);
  {  // rows 0, 1000, 2000: without a budget the search asks about nearly every row
    const CountingFilter filter(1000);
    bool gave_up = true;
    HnswSearchParams params{10, 40, &filter};
    params.gave_up = &gave_up;
    ASSERT_TRUE(index->Search(query, params).ok());
    EXPECT_FALSE(gave_up);
    EXPECT_GT(filter.calls, kRows / 2);
  }
  {  // with one, it stops within a node's links of it
    const CountingFilter filter(1000);
    bool gave_up = false;
    HnswSearchParams params{10, 40, &filter};
    params.max_filter_calls = 100;
    params.gave_up = &gave_up;
    ASSERT_TRUE(index->Search(query, params).ok());
    EXPECT_TRUE(gave_up);
    EXPECT_GE(filter.calls, 100u);
    EXPECT_LE(filter.calls, 100u + 2 * index->options().m);
  }
  {  // a filter admitting half the rows finds its k well within the same budget
    const CountingFilter filter(2);
    bool gave_up = true;
    HnswSearchParams params{10, 10, &filter};
    params.max_filter_calls = kRows / 4;
    params.gave_up = &gave_up;
    Result<std::vector<HnswMatch>> found = index->Search(query, params);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(gave_up);
    EXPECT_EQ(found->size(), 10u);
  }
}

TEST(HnswIndexTest, DeletedRowsNeverComeBack) {
  const std::vector<float> data = MakeVectors(kRows, kDimension, 20, 8);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  const auto odd = [](int64_t label) { return label % 2 == 1; };
  for (int64_t label = 0; label < int64_t{kRows}; label += 2)
    EXPECT_TRUE(index->MarkDeleted(label));
  EXPECT_FALSE(index->MarkDeleted(0));
  EXPECT_FALSE(index->Contains(0));
  EXPECT_EQ(index->size(), kRows / 2);
  EXPECT_EQ(index->Stats().deleted, kRows / 2);
  ASSERT_TRUE(index->CheckIntegrity().ok());
  // Querying with the deleted vectors themselves: the nearest row is gone, the rest is found.
  std::vector<float> queries(data.begin(), data.begin() + kQueries * kDimension);
  EXPECT_GE(MeanRecall(*index, data, queries, 40, nullptr, odd), 0.95);
}

// Compacted drops the tombstones and keeps every live row, for both metrics and encodings,
// with the recall of a fresh build of those rows. That recall is checked at ef 64: a fresh
// 1,500-row graph of this data varies with the seed, 0.92-0.98 at ef 40 and 0.93-0.99 at ef 64
// over 20 seeds (means 0.96-0.97 and 0.97-0.99), and this seed sits low at ef 40.
TEST(HnswIndexTest, CompactedKeepsLiveRowsOnly) {
  const std::vector<float> data = MakeVectors(kRows, kDimension, 20, 10);
  const auto odd = [](int64_t label) { return label % 2 == 1; };
  for (HnswMetric metric : {HnswMetric::kL2, HnswMetric::kCosine}) {
    for (VectorEncoding encoding :
         {VectorEncoding::kFloat32, VectorEncoding::kBFloat16, VectorEncoding::kInt8}) {
      std::unique_ptr<HnswIndex> index = NewIndex(metric, kDimension, encoding);
      AddAll(index.get(), data, kDimension);
      for (int64_t label = 0; label < int64_t{kRows}; label += 2) index->MarkDeleted(label);
      Result<std::unique_ptr<HnswIndex>> compacted = index->Compacted();
      ASSERT_TRUE(compacted.ok()) << compacted.status().ToString();
      const HnswStats stats = (*compacted)->Stats();
      EXPECT_EQ(stats.live, kRows / 2);
      EXPECT_EQ(stats.deleted, 0u);
      EXPECT_LT(stats.bytes, index->Stats().bytes * 3 / 4);
      EXPECT_FALSE((*compacted)->Contains(0));
      EXPECT_TRUE((*compacted)->Contains(1));
      EXPECT_TRUE((*compacted)->CheckIntegrity().ok());
      std::vector<float> queries(data.begin(), data.begin() + kQueries * kDimension);
      EXPECT_GE(MeanRecall(**compacted, data, queries, 64, nullptr, odd), 0.95);
    }
  }
}

TEST(HnswIndexTest, DeletedLabelCanBeAddedAgain) {
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2, 2);
  const float old_vector[] = {0, 0};
  const float new_vector[] = {100, 100};
  ASSERT_TRUE(index->Add(42, old_vector).ok());
  ASSERT_TRUE(index->Add(43, old_vector).ok());
  EXPECT_TRUE(index->MarkDeleted(42));
  ASSERT_TRUE(index->Add(42, new_vector).ok());
  EXPECT_EQ(index->size(), 2u);
  Result<std::vector<HnswMatch>> found = index->Search(old_vector, {.k = 3});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].label, 43);
  EXPECT_EQ((*found)[1].label, 42);
  EXPECT_NEAR((*found)[1].distance, std::sqrt(2.0f) * 100, 1e-3);
  ASSERT_TRUE(index->CheckIntegrity().ok());
}

TEST(HnswIndexTest, StatsReportBytesPerVector) {
  const std::vector<float> data = MakeVectors(1000, kDimension, 0, 9);
  std::unique_ptr<HnswIndex> index = NewIndex(HnswMetric::kL2);
  AddAll(index.get(), data, kDimension);
  const HnswStats stats = index->Stats();
  EXPECT_EQ(stats.live, 1000u);
  EXPECT_GE(stats.max_level, 1);
  // At least the vector and the level-0 link slots, at most a few hundred bytes more.
  EXPECT_GE(stats.bytes_per_vector, kDimension * 4 + 32 * 4);
  EXPECT_LE(stats.bytes_per_vector, kDimension * 4 + 32 * 4 + 300);

  std::unique_ptr<HnswIndex> half =
      NewIndex(HnswMetric::kL2, kDimension, VectorEncoding::kBFloat16);
  AddAll(half.get(), data, kDimension);
  EXPECT_LE(half->Stats().bytes_per_vector, stats.bytes_per_vector - kDimension * 2 + 64);

  // int8 adds a code per element and a 16-byte header to the float32 copy.
  std::unique_ptr<HnswIndex> codes = NewIndex(HnswMetric::kL2, kDimension, VectorEncoding::kInt8);
  AddAll(codes.get(), data, kDimension);
  EXPECT_GE(codes->Stats().bytes_per_vector, stats.bytes_per_vector + kDimension);
  EXPECT_LE(codes->Stats().bytes_per_vector, stats.bytes_per_vector + kDimension + 16 + 128);
}

}  // namespace
}  // namespace vexdb
