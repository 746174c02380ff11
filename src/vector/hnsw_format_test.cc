#include "vector/hnsw_format.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "vector/hnsw_index.h"
#include "vector/vector_test_util.h"

namespace vexdb {
namespace {

constexpr size_t kDimension = 8;

std::unique_ptr<HnswIndex> BuildIndex(HnswMetric metric, size_t rows,
                                      VectorEncoding encoding = VectorEncoding::kFloat32) {
  HnswOptions options;
  options.metric = metric;
  options.encoding = encoding;
  options.dimension = kDimension;
  options.m = 8;
  options.ef_construction = 50;
  std::unique_ptr<HnswIndex> index = std::move(HnswIndex::Create(options)).value();
  const std::vector<float> data = MakeVectors(rows, kDimension, 4, 1);
  for (size_t row = 0; row < rows; ++row) {
    EXPECT_TRUE(index->Add(static_cast<int64_t>(row) * 3 - 100, Row(data, kDimension, row)).ok());
  }
  for (size_t row = 0; row < rows; row += 7)
    index->MarkDeleted(static_cast<int64_t>(row) * 3 - 100);
  return index;
}

std::string Serialize(const HnswIndex& index) {
  std::ostringstream out;
  EXPECT_TRUE(index.Save(out).ok());
  return out.str();
}

Result<std::unique_ptr<HnswIndex>> Deserialize(const std::string& bytes) {
  std::istringstream in(bytes);
  return HnswIndex::Load(in);
}

void ExpectSameSearchResults(const HnswIndex& a, const HnswIndex& b) {
  const std::vector<float> queries = MakeVectors(50, kDimension, 4, 2);
  for (size_t q = 0; q < 50; ++q) {
    Result<std::vector<HnswMatch>> x = a.Search(Row(queries, kDimension, q), {.k = 10});
    Result<std::vector<HnswMatch>> y = b.Search(Row(queries, kDimension, q), {.k = 10});
    ASSERT_TRUE(x.ok() && y.ok());
    ASSERT_EQ(x->size(), y->size());
    for (size_t i = 0; i < x->size(); ++i) {
      EXPECT_EQ((*x)[i].label, (*y)[i].label);
      EXPECT_EQ((*x)[i].distance, (*y)[i].distance);
    }
  }
}

TEST(HnswFormatTest, RoundTripGivesIdenticalResults) {
  for (auto [metric, encoding] : {std::pair(HnswMetric::kL2, VectorEncoding::kFloat32),
                                  std::pair(HnswMetric::kCosine, VectorEncoding::kFloat32),
                                  std::pair(HnswMetric::kL2, VectorEncoding::kBFloat16),
                                  std::pair(HnswMetric::kL2, VectorEncoding::kInt8),
                                  std::pair(HnswMetric::kCosine, VectorEncoding::kInt8)}) {
    std::unique_ptr<HnswIndex> index = BuildIndex(metric, 500, encoding);
    const std::string bytes = Serialize(*index);
    Result<std::unique_ptr<HnswIndex>> loaded = Deserialize(bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    const HnswIndex& copy = **loaded;
    EXPECT_EQ(copy.options().metric, metric);
    EXPECT_EQ(copy.options().encoding, encoding);
    EXPECT_EQ(copy.options().m, 8u);
    EXPECT_EQ(copy.size(), index->size());
    EXPECT_EQ(copy.Stats().deleted, index->Stats().deleted);
    EXPECT_EQ(copy.Stats().max_level, index->Stats().max_level);
    EXPECT_TRUE(copy.CheckIntegrity().ok());
    ExpectSameSearchResults(*index, copy);
    EXPECT_EQ(Serialize(copy), bytes);
  }
}

TEST(HnswFormatTest, EmptyIndexRoundTrips) {
  std::unique_ptr<HnswIndex> index = BuildIndex(HnswMetric::kL2, 0);
  Result<std::unique_ptr<HnswIndex>> loaded = Deserialize(Serialize(*index));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->size(), 0u);
}

TEST(HnswFormatTest, LoadedIndexAcceptsNewRows) {
  std::unique_ptr<HnswIndex> index = BuildIndex(HnswMetric::kL2, 100);
  Result<std::unique_ptr<HnswIndex>> loaded = Deserialize(Serialize(*index));
  ASSERT_TRUE(loaded.ok());
  const std::vector<float> vector(kDimension, 9.0f);
  ASSERT_TRUE((*loaded)->Add(1000000, vector).ok());
  EXPECT_FALSE((*loaded)->Add(-100 + 3, vector).ok());  // row 1 is live in the checkpoint
  Result<std::vector<HnswMatch>> found = (*loaded)->Search(vector, {.k = 1});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].label, 1000000);
}

TEST(HnswFormatTest, EveryTruncationIsRejected) {
  const std::string bytes = Serialize(*BuildIndex(HnswMetric::kL2, 40));
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(Deserialize(bytes.substr(0, size)).ok()) << size;
  }
}

TEST(HnswFormatTest, EveryFlippedByteIsRejected) {
  const std::string bytes = Serialize(*BuildIndex(HnswMetric::kL2, 40));
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string corrupt = bytes;
    corrupt[i] ^= 0x5A;
    EXPECT_FALSE(Deserialize(corrupt).ok()) << i;
  }
}

TEST(HnswFormatTest, ReportsWhatIsWrong) {
  const std::string bytes = Serialize(*BuildIndex(HnswMetric::kL2, 40));
  std::string bad_magic = bytes;
  bad_magic[0] = 'x';
  EXPECT_NE(Deserialize(bad_magic).status().message().find("bad magic"), std::string::npos);
  std::string future = bytes;
  future[8] = kHnswFormatVersion + 1;  // the version field follows the 8-byte magic
  EXPECT_NE(Deserialize(future).status().message().find(
                fmt::format("version {}", kHnswFormatVersion + 1)),
            std::string::npos);
  std::string flipped_vector = bytes;
  flipped_vector[bytes.size() - 9] ^= 1;  // last byte of the last vector
  EXPECT_NE(Deserialize(flipped_vector).status().message().find("checksum"), std::string::npos);
}

// `bytes` as a file of an older version: the version field and the checksum rewritten.
std::string AsVersion(std::string bytes, char version) {
  bytes[8] = version;
  const uint64_t checksum = XXH64(bytes.data(), bytes.size() - sizeof(uint64_t), 0);
  std::memcpy(bytes.data() + bytes.size() - sizeof(uint64_t), &checksum, sizeof(checksum));
  return bytes;
}

// Older versions differ only in cosine graphs that kept normalized vectors: float32 graphs
// before version 3, int8 graphs' float32 copies before version 2. Such a file is refused, so
// that the index is rebuilt; every other one is read.
TEST(HnswFormatTest, ReadsOlderVersionsExceptNormalizedCosineVectors) {
  for (char version : {1, 2}) {
    for (HnswMetric metric : {HnswMetric::kL2, HnswMetric::kCosine}) {
      for (VectorEncoding encoding : {VectorEncoding::kFloat32, VectorEncoding::kBFloat16,
                                      VectorEncoding::kInt8}) {
        SCOPED_TRACE(testing::Message() << "version " << int{version} << " metric "
                                        << int(metric) << " encoding " << int(encoding));
        std::unique_ptr<HnswIndex> index = BuildIndex(metric, 40, encoding);
        Result<std::unique_ptr<HnswIndex>> loaded =
            Deserialize(AsVersion(Serialize(*index), version));
        const bool refused =
            metric == HnswMetric::kCosine &&
            (encoding == VectorEncoding::kFloat32 || (encoding == VectorEncoding::kInt8 && version == 1));
        if (refused) {
          EXPECT_NE(loaded.status().message().find(fmt::format("version {}", int{version})),
                    std::string::npos)
              << loaded.status().ToString();
        } else {
          ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
          ExpectSameSearchResults(*index, **loaded);
        }
      }
    }
  }
}

// The error reading back a hand-made two-node graph (levels level0 and level1) whose node 0
// links to `link` on `layer`; written with a valid checksum.
std::string ErrorOfTwoNodeGraph(int level0, int level1, int layer, uint32_t link) {
  HnswOptions options;
  options.dimension = 1;
  options.m = 2;
  NodeStore store(options);
  EXPECT_TRUE(store.Grow(2).ok());
  store.InitNode(0, 10, level0);
  store.InitNode(1, 11, level1);
  const uint32_t links[] = {link};
  store.Links(0, layer).Assign(links);
  std::stringstream stream;
  EXPECT_TRUE(WriteHnswGraph(options, store, 2, 0, stream).ok());
  Result<HnswGraph> graph = ReadHnswGraph(stream);
  return graph.ok() ? "OK" : graph.status().message();
}

// Structural checks run before the checksum is known, so a corrupt link never reaches a search
// even if it came with a matching checksum; spot-check with hand-made graphs.
TEST(HnswFormatTest, RejectsLinkOutOfRangeEvenWithValidChecksum) {
  EXPECT_NE(ErrorOfTwoNodeGraph(0, 0, 0, 5).find("links to node 5"), std::string::npos);
}

TEST(HnswFormatTest, RejectsUpperLayerLinkToLowerNode) {
  // Node 1 is not on layer 1.
  EXPECT_NE(ErrorOfTwoNodeGraph(1, 0, 1, 1).find("of level 0"), std::string::npos);
}

}  // namespace
}  // namespace vexdb
