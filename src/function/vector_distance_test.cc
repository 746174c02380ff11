#include "function/vector_distance.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
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

uint64_t Bits(double x) { return std::bit_cast<uint64_t>(x); }

// The batch kernels, the CPU's best and the portable one, must equal the one-pair function bit
// for bit (NaN's bits included), for every row count (full lane blocks, padded last blocks, a
// single row; cosine's query lane filling a block exactly) and dimension (whole squares of
// elements, and a rest), and whichever argument comes first. Some elements are zeros of either
// sign, one row all zeros.
TEST(VectorDistanceTest, BatchEqualsPairsBitForBit) {
  std::mt19937 random(7);
  std::normal_distribution<float> normal(0, 3);
  auto element = [&] {
    const float x = normal(random);
    if (std::fabs(x) < 0.5f) return 0.0f;
    return std::fabs(x) < 1.0f ? -0.0f : x;
  };
  for (size_t dim : {1, 3, 8, 17, 768}) {
    for (size_t count : {0, 1, 2, 3, 4, 7, 8, 9, 10, 12, 15, 16, 21}) {
      std::vector<std::vector<float>> rows(count, std::vector<float>(dim));
      for (auto& row : rows) {
        for (float& x : row) x = element();
      }
      if (count > 2) rows[1].assign(dim, -0.0f);
      std::vector<float> query(dim);
      for (float& x : query) x = element();
      std::vector<const float*> pointers;
      for (const auto& row : rows) pointers.push_back(row.data());
      for (DistanceFunction distance : kAll) {
        for (DistanceKernel kernel : {DistanceKernel::kBest, DistanceKernel::kPortable}) {
          std::vector<double> batch(count);
          ComputeDistances(distance, pointers, query, batch, kernel);
          for (size_t i = 0; i < count; ++i) {
            EXPECT_EQ(Bits(batch[i]), Bits(ComputeDistance(distance, rows[i], query)));
            EXPECT_EQ(Bits(batch[i]), Bits(ComputeDistance(distance, query, rows[i])));
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace vexdb
