#include "function/vector_distance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace vexdb {
namespace {

constexpr DistanceFunction kAll[] = {DistanceFunction::kCosine, DistanceFunction::kL2,
                                     DistanceFunction::kL1,
                                     DistanceFunction::kNegativeInnerProduct};

TEST(VectorDistanceTest, PublishedTidbValues) {
  std::vector<float> query{1, 2, 3};
  EXPECT_EQ(ComputeDistance(DistanceFunction::kCosine, std::vector<float>{1, 2, 1}, query),
            0.12712843905603044);
  EXPECT_EQ(ComputeDistance(DistanceFunction::kCosine, std::vector<float>{1, 2, 4}, query),
            0.00853986601633272);
  EXPECT_EQ(ComputeDistance(DistanceFunction::kCosine, std::vector<float>{1, 0, 0}, query),
            0.7327387580875756);
  EXPECT_EQ(ComputeDistance(DistanceFunction::kNegativeInnerProduct, query,
                            std::vector<float>{1, 2, 3.1f}),
            -14.299999237060547);
  EXPECT_TRUE(std::isnan(ComputeDistance(DistanceFunction::kCosine, std::vector<float>{0, 0},
                                         std::vector<float>{1, 2})));
}

TEST(VectorDistanceTest, NamesOfTheSqlFunctions) {
  EXPECT_EQ(DistanceFunctionOf("vec_cosine_distance"), DistanceFunction::kCosine);
  EXPECT_EQ(DistanceFunctionOf("vec_l2_distance"), DistanceFunction::kL2);
  EXPECT_EQ(DistanceFunctionOf("vec_l1_distance"), DistanceFunction::kL1);
  EXPECT_EQ(DistanceFunctionOf("vec_negative_inner_product"),
            DistanceFunction::kNegativeInnerProduct);
  EXPECT_EQ(DistanceFunctionOf("vec_dims"), std::nullopt);
}

// The batch kernels must equal the one-pair function bit for bit, for every row count (full lane
// blocks, padded tail blocks, a single last row) and dimension, and whichever argument comes
// first.
TEST(VectorDistanceTest, BatchEqualsPairsBitForBit) {
  std::mt19937 random(7);
  std::normal_distribution<float> normal(0, 3);
  for (size_t dim : {1, 3, 8, 17, 768}) {
    for (size_t count : {0, 1, 2, 3, 4, 7, 8, 9, 10, 12, 21}) {
      std::vector<std::vector<float>> rows(count, std::vector<float>(dim));
      for (auto& row : rows) {
        for (float& x : row) x = normal(random);
      }
      std::vector<float> query(dim);
      for (float& x : query) x = normal(random);
      std::vector<const float*> pointers;
      for (const auto& row : rows) pointers.push_back(row.data());
      for (DistanceFunction distance : kAll) {
        std::vector<double> batch(count);
        ComputeDistances(distance, pointers, query, batch);
        for (size_t i = 0; i < count; ++i) {
          EXPECT_EQ(batch[i], ComputeDistance(distance, rows[i], query));
          EXPECT_EQ(batch[i], ComputeDistance(distance, query, rows[i]));
        }
      }
    }
  }
}

}  // namespace
}  // namespace vexdb
