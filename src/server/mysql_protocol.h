#pragma once

// Constants of the MySQL client/server protocol (protocol version 10, "4.1" packets): capability
// flags, command bytes, packet headers and column flags. Names follow MySQL's include/mysql_com.h
// with kPascalCase spelling. See docs/wire-protocol.md for which of them vexdb uses and why.

#include <cstddef>
#include <cstdint>

namespace vexdb {

// Capability flags (HandshakeV10 / HandshakeResponse41).
inline constexpr uint32_t kClientLongPassword = 1u << 0;
inline constexpr uint32_t kClientFoundRows = 1u << 1;
inline constexpr uint32_t kClientLongFlag = 1u << 2;
inline constexpr uint32_t kClientConnectWithDb = 1u << 3;
inline constexpr uint32_t kClientCompress = 1u << 5;
inline constexpr uint32_t kClientLocalFiles = 1u << 7;
inline constexpr uint32_t kClientProtocol41 = 1u << 9;
inline constexpr uint32_t kClientSsl = 1u << 11;
inline constexpr uint32_t kClientTransactions = 1u << 13;
inline constexpr uint32_t kClientSecureConnection = 1u << 15;
inline constexpr uint32_t kClientMultiStatements = 1u << 16;
inline constexpr uint32_t kClientMultiResults = 1u << 17;
inline constexpr uint32_t kClientPsMultiResults = 1u << 18;
inline constexpr uint32_t kClientPluginAuth = 1u << 19;
inline constexpr uint32_t kClientConnectAttrs = 1u << 20;
inline constexpr uint32_t kClientPluginAuthLenencClientData = 1u << 21;
inline constexpr uint32_t kClientSessionTrack = 1u << 23;
inline constexpr uint32_t kClientDeprecateEof = 1u << 24;
inline constexpr uint32_t kClientQueryAttributes = 1u << 27;

// What vexdb advertises. Deliberately absent: SSL (clients upgrade to TLS whenever it is
// advertised), DEPRECATE_EOF (one result framing until both work), QUERY_ATTRIBUTES (would prefix
// every COM_QUERY), SESSION_TRACK (changes the OK layout), COMPRESS, LOCAL_FILES.
inline constexpr uint32_t kServerCapabilities =
    kClientLongPassword | kClientFoundRows | kClientLongFlag | kClientConnectWithDb |
    kClientProtocol41 | kClientTransactions | kClientSecureConnection | kClientMultiStatements |
    kClientMultiResults | kClientPluginAuth | kClientPluginAuthLenencClientData |
    kClientConnectAttrs;

// Command bytes (the first byte of every packet a client sends after authenticating).
enum class Command : uint8_t {
  kSleep = 0x00,
  kQuit = 0x01,
  kInitDb = 0x02,
  kQuery = 0x03,
  kFieldList = 0x04,
  kStatistics = 0x09,
  kProcessKill = 0x0C,
  kPing = 0x0E,
  kChangeUser = 0x11,
  kStmtPrepare = 0x16,
  kStmtExecute = 0x17,
  kStmtSendLongData = 0x18,
  kStmtClose = 0x19,
  kStmtReset = 0x1A,
  kSetOption = 0x1B,
  kStmtFetch = 0x1C,
  kResetConnection = 0x1F,
};

// COM_SET_OPTION arguments.
inline constexpr uint16_t kOptionMultiStatementsOn = 0;
inline constexpr uint16_t kOptionMultiStatementsOff = 1;

// First byte of response packets.
inline constexpr uint8_t kOkHeader = 0x00;
inline constexpr uint8_t kAuthMoreDataHeader = 0x01;
inline constexpr uint8_t kNullColumn = 0xFB;  // NULL in a text row
inline constexpr uint8_t kEofHeader = 0xFE;   // also AuthSwitchRequest
inline constexpr uint8_t kErrHeader = 0xFF;

// caching_sha2_password AuthMoreData payloads.
inline constexpr uint8_t kCachingSha2FastAuthOk = 0x03;

// Column definition flags (ColumnDefinition41.flags).
inline constexpr uint16_t kNotNullFlag = 1;
inline constexpr uint16_t kPriKeyFlag = 2;
inline constexpr uint16_t kUniqueKeyFlag = 4;
inline constexpr uint16_t kMultipleKeyFlag = 8;
inline constexpr uint16_t kBlobFlag = 16;
inline constexpr uint16_t kUnsignedFlag = 32;
inline constexpr uint16_t kZerofillFlag = 64;
inline constexpr uint16_t kBinaryFlag = 128;
inline constexpr uint16_t kEnumFlag = 256;
inline constexpr uint16_t kAutoIncrementFlag = 512;
inline constexpr uint16_t kTimestampFlag = 1024;
inline constexpr uint16_t kSetFlag = 2048;
inline constexpr uint16_t kNumFlag = 32768;

// Framing: a packet carries at most 0xFFFFFF payload bytes; longer payloads are split.
inline constexpr size_t kMaxPacketChunk = 0xFFFFFF;
inline constexpr size_t kPacketHeaderSize = 4;

// Length of the authentication nonce ("scramble") for both password plugins.
inline constexpr size_t kScrambleLength = 20;

// The longest message an ERR packet carries (MySQL's MYSQL_ERRMSG_SIZE - 1).
inline constexpr size_t kMaxErrorMessageLength = 511;

inline constexpr char kNativePasswordPlugin[] = "mysql_native_password";
inline constexpr char kCachingSha2PasswordPlugin[] = "caching_sha2_password";

}  // namespace vexdb
