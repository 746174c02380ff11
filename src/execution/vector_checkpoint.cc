#include "execution/vector_checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "common/logging.h"
#include "vector/checksummed_stream.h"

namespace vexdb {

namespace {

constexpr char kMagic[8] = {'V', 'X', 'G', 'C', 'K', 'P', 'T', '\n'};
constexpr uint32_t kCheckpointVersion = 1;
constexpr char kSuffix[] = ".hnsw";
constexpr char kTempSuffix[] = ".tmp";

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t reserved;  // 0
  int64_t table_id;
  int64_t index_id;
  uint64_t null_rows;
};
static_assert(sizeof(Header) == 40, "no padding: the struct is the on-disk layout");

Status SystemError(const std::string& what, const std::filesystem::path& path) {
  return Status::Internal(fmt::format("{} '{}': {}", what, path.string(), std::strerror(errno)));
}

// fsync of a file or directory by path (any descriptor of the inode flushes it).
Status SyncPath(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return SystemError("cannot open", path);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return SystemError("cannot fsync", path);
  return Status::OK();
}

Status WriteFile(const std::filesystem::path& path, int64_t table_id, int64_t index_id,
                 const HnswIndex& graph, std::span<const int64_t> null_rows) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return SystemError("cannot create", path);
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kCheckpointVersion;
  header.table_id = table_id;
  header.index_id = index_id;
  header.null_rows = null_rows.size();
  HashingWriter writer(out);
  writer.WriteValue(header);
  writer.Write(null_rows.data(), null_rows.size_bytes());
  VEXDB_RETURN_IF_ERROR(writer.Finish());
  VEXDB_RETURN_IF_ERROR(graph.Save(out));
  out.close();
  if (!out) return SystemError("cannot write", path);
  return SyncPath(path, O_RDONLY);
}

Result<std::vector<int64_t>> ReadHeader(std::istream& in, int64_t table_id, int64_t index_id) {
  HashingReader reader(in);
  Header header;
  VEXDB_RETURN_IF_ERROR(reader.ReadValue(&header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    return Status::Internal("corrupt vector index: not a vexdb checkpoint (bad magic)");
  }
  if (header.version != kCheckpointVersion) {
    return Status::Internal(
        fmt::format("vector index checkpoint version {} is not supported", header.version));
  }
  if (header.reserved != 0 || header.table_id != table_id || header.index_id != index_id) {
    return Status::Internal("corrupt vector index: checkpoint header does not match its name");
  }
  std::vector<int64_t> null_rows;
  constexpr uint64_t kChunk = 1 << 16;  // grow with what is read, not with what is claimed
  for (uint64_t done = 0; done < header.null_rows;) {
    uint64_t count = std::min(kChunk, header.null_rows - done);
    null_rows.resize(done + count);
    VEXDB_RETURN_IF_ERROR(reader.Read(null_rows.data() + done, count * sizeof(int64_t)));
    done += count;
  }
  VEXDB_RETURN_IF_ERROR(reader.Finish());
  return null_rows;
}

// t<table>_i<index>.hnsw -> table id; nullopt for names that are not checkpoints.
std::optional<std::pair<int64_t, int64_t>> ParseName(const std::string& name) {
  long long table = 0;
  long long index = 0;
  int consumed = 0;
  if (std::sscanf(name.c_str(), "t%lld_i%lld%n", &table, &index, &consumed) != 2) {
    return std::nullopt;
  }
  std::string rest = name.substr(consumed);
  if (rest != kSuffix && rest != std::string(kSuffix) + kTempSuffix) return std::nullopt;
  return std::make_pair(static_cast<int64_t>(table), static_cast<int64_t>(index));
}

template <typename Doomed>
void RemoveFiles(const std::filesystem::path& dir, const Doomed& doomed) {
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    std::optional<std::pair<int64_t, int64_t>> ids = ParseName(name);
    if (!ids || !doomed(ids->first, ids->second)) continue;
    std::filesystem::remove(entry.path(), ec);
    if (ec) Log(LogLevel::kWarning, "cannot remove {}: {}", entry.path().string(), ec.message());
  }
}

}  // namespace

VectorCheckpointDir::VectorCheckpointDir(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::filesystem::path VectorCheckpointDir::PathOf(int64_t table_id, int64_t index_id) const {
  return dir_ / fmt::format("t{}_i{}{}", table_id, index_id, kSuffix);
}

Status VectorCheckpointDir::Write(int64_t table_id, int64_t index_id, const HnswIndex& graph,
                                  std::span<const int64_t> null_rows) const {
  if (!enabled()) return Status::OK();
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Status::Internal("cannot create '" + dir_.string() + "': " + ec.message());
  const std::filesystem::path path = PathOf(table_id, index_id);
  std::filesystem::path temp = path;
  temp += kTempSuffix;
  Status written = WriteFile(temp, table_id, index_id, graph, null_rows);
  if (!written.ok()) {
    std::filesystem::remove(temp, ec);
    return written;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) return SystemError("cannot rename", temp);
  return SyncPath(dir_, O_RDONLY | O_DIRECTORY);
}

Result<std::optional<GraphCheckpoint>> VectorCheckpointDir::Read(int64_t table_id,
                                                                 int64_t index_id) const {
  if (!enabled()) return std::optional<GraphCheckpoint>();
  const std::filesystem::path path = PathOf(table_id, index_id);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<GraphCheckpoint>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return SystemError("cannot open", path);
  GraphCheckpoint checkpoint;
  VEXDB_ASSIGN_OR_RETURN(checkpoint.null_rows, ReadHeader(in, table_id, index_id));
  VEXDB_ASSIGN_OR_RETURN(checkpoint.hnsw, HnswIndex::Load(in));
  return std::optional<GraphCheckpoint>(std::move(checkpoint));
}

void VectorCheckpointDir::RemoveIndexesExcept(int64_t table_id,
                                              const std::set<int64_t>& index_ids) const {
  RemoveFiles(dir_, [&](int64_t table, int64_t index) {
    return table == table_id && index_ids.count(index) == 0;
  });
}

void VectorCheckpointDir::RemoveTablesExcept(const std::set<int64_t>& table_ids) const {
  RemoveFiles(dir_, [&](int64_t table, int64_t) { return table_ids.count(table) == 0; });
}

}  // namespace vexdb
