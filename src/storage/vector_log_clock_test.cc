#include "storage/vector_log_clock.h"

#include <gtest/gtest.h>

namespace vexdb {
namespace {

TEST(VectorLogClockTest, QuietOnlyWithoutLaterOrOngoingCommits) {
  VectorLogClock clock;
  EXPECT_TRUE(clock.QuietSince(7, 0));  // nothing ever logged
  clock.BeginCommit(7);
  EXPECT_FALSE(clock.QuietSince(7, 1000));  // under way: its sequence is not known yet
  EXPECT_TRUE(clock.QuietSince(8, 0));      // another table
  clock.EndCommit(7, 50);
  EXPECT_FALSE(clock.QuietSince(7, 49));
  EXPECT_TRUE(clock.QuietSince(7, 50));
  clock.BeginCommit(7);
  clock.EndCommit(7, 40);  // a slower commit ending with a lower sequence keeps the highest
  EXPECT_FALSE(clock.QuietSince(7, 45));
  EXPECT_TRUE(clock.QuietSince(7, 50));
}

TEST(VectorLogClockTest, TablesSharingASlotAreOnlyMoreCautious) {
  VectorLogClock clock;
  clock.BeginCommit(1);
  clock.EndCommit(1, 90);
  EXPECT_FALSE(clock.QuietSince(1 + 64, 80));  // a collision answers false, never wrongly true
  EXPECT_TRUE(clock.QuietSince(2, 80));
}

}  // namespace
}  // namespace vexdb
