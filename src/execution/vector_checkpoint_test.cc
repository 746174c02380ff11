#include "execution/vector_checkpoint.h"

#include <gtest/gtest.h>

#include <fstream>

#include "storage/test_util.h"

namespace vexdb {
namespace {

class VectorCheckpointTest : public ::testing::Test {
 protected:
  std::unique_ptr<HnswIndex> Graph(int rows) {
    HnswOptions options;
    options.dimension = 2;
    auto graph = HnswIndex::Create(options);
    EXPECT_TRUE(graph.ok());
    for (int i = 0; i < rows; ++i) {
      EXPECT_TRUE((*graph)->Add(i, std::vector<float>{float(i), 1}).ok());
    }
    (*graph)->MarkDeleted(0);
    return std::move(graph).value();
  }

  std::filesystem::path FileOf(int64_t table, int64_t index) {
    return std::filesystem::path(dir_.path()) / "vi" /
           ("t" + std::to_string(table) + "_i" + std::to_string(index) + ".hnsw");
  }

  TempDir dir_;
  VectorCheckpointDir checkpoints_{std::filesystem::path(dir_.path()) / "vi"};
};

TEST_F(VectorCheckpointTest, RoundTripsGraphAndNullRows) {
  const std::vector<int64_t> null_rows = {7, -3};
  ASSERT_TRUE(checkpoints_.Write(5, 9, *Graph(100), null_rows).ok());
  auto read = checkpoints_.Read(5, 9);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->null_rows, null_rows);
  EXPECT_EQ((*read)->hnsw->size(), 99u);
  EXPECT_FALSE((*read)->hnsw->Contains(0));
  EXPECT_TRUE((*read)->hnsw->CheckIntegrity().ok());
  EXPECT_FALSE(std::filesystem::exists(FileOf(5, 9).string() + ".tmp"));
}

TEST_F(VectorCheckpointTest, MissingIsNulloptAndDisabledFindsNothing) {
  auto read = checkpoints_.Read(1, 1);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  VectorCheckpointDir disabled{std::filesystem::path()};
  EXPECT_TRUE(disabled.Write(1, 1, *Graph(3), {}).ok());
  EXPECT_FALSE(disabled.Read(1, 1)->has_value());
}

// Every byte matters: a flipped bit in the header or in the graph, a truncated file or a file
// renamed to another index fails with a Status instead of loading a wrong graph.
TEST_F(VectorCheckpointTest, CorruptTruncatedOrMisnamedFilesAreRefused) {
  ASSERT_TRUE(checkpoints_.Write(5, 9, *Graph(50), std::vector<int64_t>{1}).ok());
  const std::filesystem::path path = FileOf(5, 9);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto rewrite = [&](const std::string& content, const std::filesystem::path& to) {
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    out << content;
  };
  for (size_t offset : {size_t{20}, size_t{44}, bytes.size() / 2, bytes.size() - 1}) {
    std::string broken = bytes;
    broken[offset] ^= 0x10;
    rewrite(broken, path);
    auto read = checkpoints_.Read(5, 9);
    EXPECT_FALSE(read.ok()) << "flipped byte " << offset;
  }
  rewrite(bytes.substr(0, bytes.size() - 9), path);
  EXPECT_NE(checkpoints_.Read(5, 9).status().message().find("truncated"), std::string::npos);
  rewrite(bytes, FileOf(5, 10));
  EXPECT_FALSE(checkpoints_.Read(5, 10).ok());
}

TEST_F(VectorCheckpointTest, RemovesFilesOfDroppedTablesAndIndexes) {
  for (auto [table, index] : {std::pair{1, 1}, {1, 2}, {2, 1}, {3, 1}}) {
    ASSERT_TRUE(checkpoints_.Write(table, index, *Graph(3), {}).ok());
  }
  checkpoints_.RemoveIndexesExcept(1, {2});
  checkpoints_.RemoveTablesExcept({1, 2});
  EXPECT_FALSE(std::filesystem::exists(FileOf(1, 1)));
  EXPECT_TRUE(std::filesystem::exists(FileOf(1, 2)));
  EXPECT_TRUE(std::filesystem::exists(FileOf(2, 1)));
  EXPECT_FALSE(std::filesystem::exists(FileOf(3, 1)));
}

}  // namespace
}  // namespace vexdb
