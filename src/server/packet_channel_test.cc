#include "server/packet_channel.h"

#include <gtest/gtest.h>

#include "server/in_memory_stream.h"
#include "server/mysql_protocol.h"

namespace vexdb {
namespace {

constexpr size_t kBig = size_t{64} << 20;

TEST(PacketChannelTest, WritesHeaderAndCountsSequence) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  ASSERT_TRUE(channel.WritePacket("abc").ok());
  ASSERT_TRUE(channel.WritePacket("").ok());
  EXPECT_TRUE(stream.output.empty());  // queued until Flush
  ASSERT_TRUE(channel.Flush().ok());
  EXPECT_EQ(stream.output, std::string("\x03\x00\x00\x00" "abc" "\x00\x00\x00\x01", 11));
  EXPECT_EQ(channel.sequence(), 2);
}

TEST(PacketChannelTest, ReadChecksSequenceAndResets) {
  InMemoryStream stream;
  stream.input = Frame("\x03SELECT 1", 0) + Frame("\x0E", 0);
  PacketChannel channel(stream);
  std::string payload;
  ASSERT_TRUE(channel.ReadPacket(kBig, &payload).ok());
  EXPECT_EQ(payload, "\x03SELECT 1");
  EXPECT_EQ(channel.sequence(), 1);
  ASSERT_TRUE(channel.WritePacket("ok").ok());  // reply at seq 1
  channel.ResetSequence();
  ASSERT_TRUE(channel.ReadPacket(kBig, &payload).ok());
  EXPECT_EQ(payload, "\x0E");
}

TEST(PacketChannelTest, OutOfOrderSequenceIsAnError) {
  InMemoryStream stream;
  stream.input = Frame("\x03SELECT 1", 3);
  PacketChannel channel(stream);
  std::string payload;
  Status status = channel.ReadPacket(kBig, &payload);
  EXPECT_EQ(status.mysql_errno(), 1156);
  EXPECT_STREQ(status.sqlstate(), "08S01");
  EXPECT_FALSE(channel.broken());
}

TEST(PacketChannelTest, ReadsAcrossTinyPartialReads) {
  InMemoryStream stream;
  stream.input = Frame("hello world", 0);
  stream.max_read = 1;
  PacketChannel channel(stream);
  std::string payload;
  ASSERT_TRUE(channel.ReadPacket(kBig, &payload).ok());
  EXPECT_EQ(payload, "hello world");
}

TEST(PacketChannelTest, TruncatedPacketBreaksChannel) {
  InMemoryStream stream;
  stream.input = Frame("hello world", 0).substr(0, 8);
  PacketChannel channel(stream);
  std::string payload;
  EXPECT_FALSE(channel.ReadPacket(kBig, &payload).ok());
  EXPECT_TRUE(channel.broken());
  EXPECT_FALSE(channel.WritePacket("x").ok());
}

// Splitting: sizes around the 0xFFFFFF boundary, written then read back through the framing.
class PacketSplitTest : public testing::TestWithParam<size_t> {};

TEST_P(PacketSplitTest, SplitsAndReassembles) {
  const size_t size = GetParam();
  std::string payload(size, '\0');
  for (size_t i = 0; i < size; i++) payload[i] = static_cast<char>(i * 131 + 7);

  InMemoryStream writer_stream;
  PacketChannel writer(writer_stream);
  ASSERT_TRUE(writer.WritePacket(payload).ok());
  ASSERT_TRUE(writer.Flush().ok());

  std::vector<RawPacket> packets = Unframe(writer_stream.output);
  size_t expected_packets = size / kMaxPacketChunk + 1;
  ASSERT_EQ(packets.size(), expected_packets);
  for (size_t i = 0; i < packets.size(); i++) {
    EXPECT_EQ(packets[i].sequence, i);
    size_t expected = i + 1 < packets.size() ? kMaxPacketChunk : size % kMaxPacketChunk;
    EXPECT_EQ(packets[i].payload.size(), expected) << "packet " << i;
  }
  EXPECT_EQ(writer.sequence(), expected_packets % 256);

  InMemoryStream reader_stream;
  reader_stream.input = writer_stream.output;
  PacketChannel reader(reader_stream);
  std::string read_back;
  ASSERT_TRUE(reader.ReadPacket(kBig, &read_back).ok());
  EXPECT_EQ(read_back.size(), payload.size());
  EXPECT_TRUE(read_back == payload);
  EXPECT_EQ(reader_stream.unread(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Boundaries, PacketSplitTest,
                         testing::Values(0, 1, kMaxPacketChunk - 1, kMaxPacketChunk,
                                         kMaxPacketChunk + 1, 2 * kMaxPacketChunk,
                                         2 * kMaxPacketChunk + 5));

TEST(PacketChannelTest, ExactChunkIsFollowedByEmptyPacket) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  ASSERT_TRUE(channel.WritePacket(std::string(kMaxPacketChunk, 'a')).ok());
  ASSERT_TRUE(channel.Flush().ok());
  ASSERT_EQ(stream.output.size(), kMaxPacketChunk + 8);
  EXPECT_EQ(stream.output.substr(0, 4), std::string("\xFF\xFF\xFF\x00", 4));
  EXPECT_EQ(stream.output.substr(stream.output.size() - 4), std::string("\x00\x00\x00\x01", 4));
}

TEST(PacketChannelTest, OversizedPayloadIsDiscardedAndReported) {
  InMemoryStream stream;
  stream.input = Frame(std::string(1000, 'q'), 0) + Frame("\x0E", 0);
  PacketChannel channel(stream);
  std::string payload;
  Status status = channel.ReadPacket(999, &payload);
  EXPECT_EQ(status.mysql_errno(), 1153);
  EXPECT_STREQ(status.sqlstate(), "08S01");
  EXPECT_FALSE(channel.broken());
  EXPECT_TRUE(payload.empty());
  // The rest of the big payload was consumed; an ERR can go out at the next sequence id, and
  // the next packet is intact.
  EXPECT_EQ(channel.sequence(), 1);
  channel.ResetSequence();
  ASSERT_TRUE(channel.ReadPacket(999, &payload).ok());
  EXPECT_EQ(payload, "\x0E");
}

TEST(PacketChannelTest, OversizedMultiPacketPayloadIsDiscardedWhole) {
  InMemoryStream writer_stream;
  PacketChannel writer(writer_stream);
  ASSERT_TRUE(writer.WritePacket(std::string(kMaxPacketChunk + 10, 'z')).ok());
  ASSERT_TRUE(writer.Flush().ok());

  InMemoryStream stream;
  stream.input = writer_stream.output;
  PacketChannel channel(stream);
  std::string payload;
  Status status = channel.ReadPacket(1024, &payload);
  EXPECT_EQ(status.mysql_errno(), 1153);
  EXPECT_EQ(stream.unread(), 0u);
  EXPECT_EQ(channel.sequence(), 2);
}

TEST(PacketChannelTest, ExactLimitIsAccepted) {
  InMemoryStream stream;
  stream.input = Frame(std::string(100, 'q'), 0);
  PacketChannel channel(stream);
  std::string payload;
  EXPECT_TRUE(channel.ReadPacket(100, &payload).ok());
}

TEST(PacketChannelTest, LargeResultsFlushInBoundedChunks) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  std::string row(1000, 'r');
  size_t largest_pending = 0;
  for (int i = 0; i < 1000; i++) {
    size_t before = stream.output.size();
    ASSERT_TRUE(channel.WritePacket(row).ok());
    largest_pending = std::max(largest_pending, stream.output.size() - before);
  }
  EXPECT_GT(stream.output.size(), 900u * 1000);  // most of it is already sent
  EXPECT_LT(largest_pending, PacketChannel::kFlushThreshold + 2 * 1004);
  ASSERT_TRUE(channel.Flush().ok());
  EXPECT_EQ(stream.output.size(), 1000u * 1004);
}

TEST(PacketChannelTest, SequenceWrapsAround) {
  InMemoryStream stream;
  PacketChannel channel(stream);
  for (int i = 0; i < 300; i++) ASSERT_TRUE(channel.WritePacket("x").ok());
  ASSERT_TRUE(channel.Flush().ok());
  std::vector<RawPacket> packets = Unframe(stream.output);
  ASSERT_EQ(packets.size(), 300u);
  EXPECT_EQ(packets[255].sequence, 255);
  EXPECT_EQ(packets[256].sequence, 0);
}

TEST(PacketChannelTest, WriteFailureBreaksChannel) {
  InMemoryStream stream;
  stream.fail_writes = true;
  PacketChannel channel(stream);
  ASSERT_TRUE(channel.WritePacket("abc").ok());
  EXPECT_FALSE(channel.Flush().ok());
  EXPECT_TRUE(channel.broken());
}

}  // namespace
}  // namespace vexdb
