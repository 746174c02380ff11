#include "vector/hnsw_format.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "vector/checksummed_stream.h"

namespace vexdb {

// Fixed-width fields are copied as they sit in memory, which is the format's little-endian order
// only on little-endian hosts.
static_assert(std::endian::native == std::endian::little, "the HNSW format is little-endian");

namespace {

constexpr char kMagic[8] = {'V', 'X', 'H', 'N', 'S', 'W', '\r', '\n'};
constexpr uint8_t kDeletedFlag = 1;

struct Header {
  char magic[8];
  uint32_t version;
  uint8_t metric;
  uint8_t encoding;
  uint16_t reserved;  // 0
  uint32_t dimension;
  uint32_t m;
  uint32_t ef_construction;
  uint32_t ef_search;
  uint64_t seed;
  uint32_t node_count;
  uint32_t entry;
};
static_assert(sizeof(Header) == 48, "no padding: the struct is the on-disk layout");

Status Corrupt(const std::string& what) {
  return Status::Internal("corrupt vector index: " + what);
}

void WriteNode(const NodeStore& store, uint32_t id, HashingWriter* writer) {
  writer->WriteValue(store.label(id));
  const int level = store.level(id);
  writer->WriteValue(static_cast<uint8_t>(level));
  writer->WriteValue(static_cast<uint8_t>(store.deleted(id) ? kDeletedFlag : 0));
  std::vector<uint32_t> ids;
  for (int layer = 0; layer <= level; ++layer) {
    const LinkList links = store.Links(id, layer);
    ids.resize(links.size());
    for (uint32_t i = 0; i < ids.size(); ++i) ids[i] = links[i];
    writer->WriteValue(static_cast<uint32_t>(ids.size()));
    writer->Write(ids.data(), ids.size() * sizeof(uint32_t));
  }
  writer->Write(store.vector(id), store.vector_bytes());
  if (store.keeps_exact_vectors()) {
    writer->Write(store.exact_vector(id), store.dimension() * sizeof(float));
  }
}

// Whether an older version's cosine graph keeps normalized vectors where this version keeps
// them as added: float32 graphs before version 3, int8 graphs' copies before version 2.
bool HoldsNormalizedVectors(const Header& header) {
  if (header.metric != static_cast<uint8_t>(HnswMetric::kCosine)) return false;
  switch (static_cast<VectorEncoding>(header.encoding)) {
    case VectorEncoding::kFloat32:
      return header.version < 3;
    case VectorEncoding::kInt8:
      return header.version < 2;
    default:
      return false;
  }
}

Result<HnswOptions> ReadHeader(HashingReader* reader, uint32_t* node_count, uint32_t* entry) {
  Header header;
  VEXDB_RETURN_IF_ERROR(reader->ReadValue(&header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    return Corrupt("not a vexdb HNSW index (bad magic)");
  }
  if (header.version < 1 || header.version > kHnswFormatVersion ||
      HoldsNormalizedVectors(header)) {
    return Status::Internal(fmt::format(
        "vector index format version {} is not supported (this build reads versions 1 to {}, "
        "but cosine float32 graphs only from version 3 and cosine int8 ones from version 2)",
        header.version, kHnswFormatVersion));
  }
  if (header.reserved != 0) return Corrupt("reserved header bits are set");
  HnswOptions options;
  options.metric = static_cast<HnswMetric>(header.metric);
  options.encoding = static_cast<VectorEncoding>(header.encoding);
  options.dimension = header.dimension;
  options.m = header.m;
  options.ef_construction = header.ef_construction;
  options.ef_search = header.ef_search;
  options.seed = header.seed;
  Status valid = ValidateHnswOptions(options);
  if (!valid.ok()) return Corrupt(valid.message());
  if (header.node_count == kNoNode) return Corrupt("node count out of range");
  if ((header.node_count == 0) != (header.entry == kNoNode) ||
      (header.entry != kNoNode && header.entry >= header.node_count)) {
    return Corrupt(fmt::format("entry node {} with {} nodes", header.entry, header.node_count));
  }
  *node_count = header.node_count;
  *entry = header.entry;
  return options;
}

// Reads one link list into node `id`'s layer; checks what can be checked before all nodes are
// known (the count, the range of each id, no self links).
Status ReadLinks(HashingReader* reader, NodeStore* store, uint32_t id, int layer,
                 uint32_t node_count, std::vector<uint32_t>* ids) {
  uint32_t count;
  VEXDB_RETURN_IF_ERROR(reader->ReadValue(&count));
  if (count > store->max_links(layer)) {
    return Corrupt(fmt::format("node {} has {} links on layer {}", id, count, layer));
  }
  ids->resize(count);
  VEXDB_RETURN_IF_ERROR(reader->Read(ids->data(), count * sizeof(uint32_t)));
  for (uint32_t link : *ids) {
    if (link >= node_count || link == id) {
      return Corrupt(fmt::format("node {} links to node {}", id, link));
    }
  }
  store->Links(id, layer).Assign(*ids);
  return Status::OK();
}

Status ReadNode(HashingReader* reader, NodeStore* store, uint32_t id, uint32_t node_count,
                std::vector<uint32_t>* ids) {
  int64_t label;
  uint8_t level;
  uint8_t flags;
  VEXDB_RETURN_IF_ERROR(reader->ReadValue(&label));
  VEXDB_RETURN_IF_ERROR(reader->ReadValue(&level));
  VEXDB_RETURN_IF_ERROR(reader->ReadValue(&flags));
  if (level > NodeStore::kMaxLevel || (flags & ~kDeletedFlag) != 0) {
    return Corrupt(fmt::format("node {} has level {} and flags {}", id, level, flags));
  }
  store->InitNode(id, label, level);
  if (flags & kDeletedFlag) store->MarkDeleted(id);
  for (int layer = 0; layer <= level; ++layer) {
    VEXDB_RETURN_IF_ERROR(ReadLinks(reader, store, id, layer, node_count, ids));
  }
  VEXDB_RETURN_IF_ERROR(reader->Read(store->mutable_vector(id), store->vector_bytes()));
  if (!store->keeps_exact_vectors()) return Status::OK();
  return reader->Read(store->mutable_exact_vector(id), store->dimension() * sizeof(float));
}

// A link on layer L must point to a node that is on layer L, or following it would read link
// lists the target does not have.
Status CheckUpperLinks(const NodeStore& store, uint32_t node_count) {
  for (uint32_t id = 0; id < node_count; ++id) {
    for (int layer = 1; layer <= store.level(id); ++layer) {
      const LinkList links = store.Links(id, layer);
      for (uint32_t i = 0; i < links.size(); ++i) {
        if (store.level(links[i]) < layer) {
          return Corrupt(fmt::format("node {} links on layer {} to node {} of level {}", id, layer,
                                     links[i], store.level(links[i])));
        }
      }
    }
  }
  return Status::OK();
}

}  // namespace

Status WriteHnswGraph(const HnswOptions& options, const NodeStore& store, uint32_t node_count,
                      uint32_t entry, std::ostream& out) {
  Header header;
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kHnswFormatVersion;
  header.metric = static_cast<uint8_t>(options.metric);
  header.encoding = static_cast<uint8_t>(options.encoding);
  header.reserved = 0;
  header.dimension = options.dimension;
  header.m = options.m;
  header.ef_construction = options.ef_construction;
  header.ef_search = options.ef_search;
  header.seed = options.seed;
  header.node_count = node_count;
  header.entry = entry;
  HashingWriter writer(out);
  writer.WriteValue(header);
  for (uint32_t id = 0; id < node_count; ++id) WriteNode(store, id, &writer);
  return writer.Finish();
}

Result<HnswGraph> ReadHnswGraph(std::istream& in) {
  HashingReader reader(in);
  HnswGraph graph;
  VEXDB_ASSIGN_OR_RETURN(graph.options, ReadHeader(&reader, &graph.node_count, &graph.entry));
  graph.store = std::make_unique<NodeStore>(graph.options);
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < graph.node_count; ++id) {
    if (id == graph.store->capacity()) {
      const uint64_t doubled = std::max<uint64_t>(1024, uint64_t{2} * id);
      VEXDB_RETURN_IF_ERROR(
          graph.store->Grow(static_cast<uint32_t>(std::min<uint64_t>(doubled, graph.node_count))));
    }
    VEXDB_RETURN_IF_ERROR(ReadNode(&reader, graph.store.get(), id, graph.node_count, &ids));
  }
  VEXDB_RETURN_IF_ERROR(reader.Finish());
  VEXDB_RETURN_IF_ERROR(CheckUpperLinks(*graph.store, graph.node_count));
  return graph;
}

}  // namespace vexdb
