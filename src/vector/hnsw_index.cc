// HNSW index: design.
//
// What. A navigable small-world graph in layers. Every node is on layer 0; a node is also on
// layers 1..L with probability m^-L, so each layer up is about m times sparser. A search starts
// at the entry node (on the top layer), walks greedily to the nearest node it can reach on each
// upper layer, then runs a beam search of width ef on layer 0 and returns the best k. An insert
// is the same walk with width ef_construction, followed on every layer of the new node by
// linking it to a diverse subset of what was found, and linking those back.
//
// How. NodeStore holds the graph (see node_store.h for the layout). The primitives here are:
//   GreedyClosest    upper layers: move to a nearer neighbour until none is nearer;
//   SearchLayer      beam search: a min-heap of candidates to expand and a max-heap of the ef
//                    best results, stopping when the nearest unexpanded candidate is farther
//                    than the worst result (paper, algorithm 2);
//   SelectNeighbors  the paper's heuristic (algorithm 4): keep a candidate only if it is nearer
//                    to the base than to every neighbour kept so far, so links point in
//                    different directions and the graph stays navigable on clustered data;
//                    on layer 0 a new node's list is then topped up to m with the nearest of
//                    the candidates the heuristic passed over (the paper's keepPrunedConnections,
//                    which pgvector also uses). The heuristic keeps 7.6-14 of m = 16 there on
//                    average; topped up, synthetic-128 reaches recall@10 0.99 with 11% fewer
//                    distance computations and fashion-mnist with 3% fewer, text-384 the same
//                    (bench/ann, three builds each). Only the new node's own list: topping up the
//                    back-links' lists too slowed builds by 4-20% for no better recall;
//   Connect/LinkBack write the new node's links, then add it to each chosen neighbour, pruning
//                    a full neighbour's list with the same heuristic.
//
// A search is bound by memory latency: the graph is read at random, a vector at a time. So when
// SearchLayer expands a node (and GreedyClosest on the upper layers) it first picks out the
// unvisited neighbours and asks for all of their vectors at once, whole and into L2
// (NodeStore::PrefetchVector), then computes their distances four at a time (distance.h),
// which keeps many cache misses in flight instead of one. bfloat16 storage halves those bytes
// again; int8 quarters them, and a search then re-ranks its best 2k candidates by their float32
// copies, which are read for those few nodes only.
//
// Filters and deletes share one mechanism: SearchLayer takes an `accept` predicate that decides
// what may enter the results, while every reached node, accepted or not, is still expanded. So
// a tombstone or a row the WHERE clause rejects keeps its place in the graph as a stepping
// stone, and the search goes on until it holds ef accepted rows (or the reachable graph is
// exhausted) rather than stopping with too few.
//
// Why this shape. It is hnswlib's proven layout and algorithm (contiguous level-0 records,
// heuristic pruning, per-node locks), with the changes a database needs: errors as Status, a
// versioned checksummed format, labels that can be deleted and added again, lock-free readers,
// growth without a fixed maximum, and SIMD kernels chosen at run time rather than at compile
// time.
//
// Concurrency. Adds and searches run in parallel under the shared side of mutex_. Each writer
// locks one node at a time (never two, so no lock order to get wrong) while it changes that
// node's lists; readers take no node locks (see node_store.h for why that is safe). An insert
// links the new node bottom-up, so whoever reaches it finds it linked on every layer below. The
// entry point is one atomic word, replaced by compare-and-swap when a node lands on a new top
// layer. Ids are handed out under label_mutex_, which also guards the label map.

#include "vector/hnsw_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <shared_mutex>
#include <string>

#include "vector/hnsw_format.h"

namespace vexdb {
namespace {

constexpr uint64_t kNoEntry = ~uint64_t{0};
constexpr uint32_t kMinCapacity = 1024;
constexpr uint32_t kMaxNodes = kNoNode;  // ids run from 0 to kNoNode - 1
// An int8 search re-ranks this many times k of its best candidates by float32 distance. On
// fashion-mnist (L2) and 384-d text embeddings (cosine) recall@10 at ef 10..160 was the same
// as re-ranking all ef of them, and 5-15% faster at ef 80 and up (bench/ann); 1 lost recall.
constexpr size_t kRerankFactor = 2;

// SearchLayer's stop() for a search that runs to its end.
constexpr bool NeverStop() { return false; }

// Appends to *selected the nearest of `candidates` it lacks until it holds `limit`.
// REQUIRES: candidates sorted nearest first, distinct; *selected a subset of them.
void TopUpWithNearest(std::span<const Neighbor> candidates, size_t limit,
                      std::vector<Neighbor>* selected) {
  for (const Neighbor& candidate : candidates) {
    if (selected->size() >= limit) return;
    const bool chosen = std::any_of(selected->begin(), selected->end(),
                                    [&](const Neighbor& kept) { return kept.id == candidate.id; });
    if (!chosen) selected->push_back(candidate);
  }
}

uint64_t PackEntry(uint32_t id, int level) { return uint64_t(level) << 32 | id; }
uint32_t EntryId(uint64_t entry) { return static_cast<uint32_t>(entry); }
int EntryLevel(uint64_t entry) { return static_cast<int>(entry >> 32); }

// Orders by distance, nearest first. As a std heap comparator it keeps the farthest on top (the
// results heap); Farther keeps the nearest on top (the candidates heap). Function objects, not
// functions, so that the heap code inlines the comparison.
struct Nearer {
  bool operator()(const Neighbor& a, const Neighbor& b) const { return a.distance < b.distance; }
};
struct Farther {
  bool operator()(const Neighbor& a, const Neighbor& b) const { return a.distance > b.distance; }
};

void Normalize(float* vector, size_t dimension) {
  double norm = 0;
  for (size_t i = 0; i < dimension; ++i) norm += double{vector[i]} * vector[i];
  if (norm == 0) return;
  const float scale = static_cast<float>(1 / std::sqrt(norm));
  for (size_t i = 0; i < dimension; ++i) vector[i] *= scale;
}

Status DimensionMismatch(size_t got, uint32_t want) {
  return Status::Internal(fmt::format("vector has {} dimensions, the index expects {}", got, want));
}

// The number of live labels times the cost of one libstdc++ hash node (next pointer, key,
// value, allocator header) plus the bucket array.
size_t LabelMapBytes(const std::unordered_map<int64_t, uint32_t>& map) {
  return map.size() * 32 + map.bucket_count() * sizeof(void*);
}

}  // namespace

Result<std::unique_ptr<HnswIndex>> HnswIndex::Create(const HnswOptions& options) {
  VEXDB_RETURN_IF_ERROR(ValidateHnswOptions(options));
  return std::unique_ptr<HnswIndex>(new HnswIndex(options, std::make_unique<NodeStore>(options)));
}

HnswIndex::HnswIndex(const HnswOptions& options, std::unique_ptr<NodeStore> store)
    : options_(options),
      stored_encoding_(StoredEncoding(options)),
      kernels_(BestDistanceKernels(stored_encoding_)),
      exact_kernels_(BestDistanceKernels(VectorEncoding::kFloat32)),
      level_multiplier_(1 / std::log(static_cast<double>(options.m))),
      store_(std::move(store)),
      entry_(kNoEntry),
      rng_(options.seed) {}

// ---------------------------------------------------------------------------------------------
// Inserting

Status HnswIndex::Add(int64_t label, std::span<const float> vector) {
  if (vector.size() != options_.dimension) {
    return DimensionMismatch(vector.size(), options_.dimension);
  }
  std::shared_lock gate(save_gate_);
  std::shared_lock lock(mutex_);
  uint32_t id;
  for (;;) {
    VEXDB_ASSIGN_OR_RETURN(const std::optional<uint32_t> claimed, ClaimNode(label));
    if (claimed.has_value()) {
      id = *claimed;
      break;
    }
    lock.unlock();
    VEXDB_RETURN_IF_ERROR(GrowIfFull());
    lock.lock();
  }
  const int level = RandomLevel();
  ScratchPool::Lease lease = scratch_pool_.Acquire();
  store_->InitNode(id, label, level);
  const float* prepared = PrepareQuery(vector, lease.get());
  EncodeVector(stored_encoding_, prepared, options_.dimension, store_->mutable_vector(id));
  if (store_->keeps_exact_vectors()) {  // as added: for cosine too, so index-only reads work
    std::memcpy(store_->mutable_exact_vector(id), vector.data(),
                options_.dimension * sizeof(float));
  }
  Insert(id, level, lease.get());
  return Status::OK();
}

// Hands out the next id and records the label, or returns nullopt if the store is full.
Result<std::optional<uint32_t>> HnswIndex::ClaimNode(int64_t label) {
  std::lock_guard lock(label_mutex_);
  if (label_to_id_.contains(label)) {
    return Status::Internal(fmt::format("label {} is already in the vector index", label));
  }
  if (node_count_ == kMaxNodes) return Status::Internal("the vector index is full");
  if (node_count_ == store_->capacity()) return std::optional<uint32_t>();
  const uint32_t id = node_count_++;
  label_to_id_.emplace(label, id);
  return std::optional<uint32_t>(id);
}

Status HnswIndex::GrowIfFull() {
  std::unique_lock lock(mutex_);
  uint32_t node_count;
  {
    std::lock_guard label_lock(label_mutex_);
    node_count = node_count_;
  }
  if (node_count < store_->capacity()) return Status::OK();  // another thread grew it
  const uint64_t doubled = std::max<uint64_t>(kMinCapacity, uint64_t{2} * store_->capacity());
  return store_->Grow(static_cast<uint32_t>(std::min<uint64_t>(doubled, kMaxNodes)));
}

Status HnswIndex::Reserve(uint32_t capacity) {
  std::unique_lock lock(mutex_);
  return store_->Grow(std::min(capacity, kMaxNodes));
}

// Levels follow floor(-ln(U) * 1/ln(m)) for U uniform in (0, 1]: P(level >= L) = m^-L.
int HnswIndex::RandomLevel() {
  double uniform;
  {
    std::lock_guard lock(rng_mutex_);
    uniform = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
  }
  const double level = -std::log(1.0 - uniform) * level_multiplier_;
  return static_cast<int>(std::min<double>(level, NodeStore::kMaxLevel));
}

void HnswIndex::Insert(uint32_t id, int level, SearchScratch* scratch) {
  uint64_t entry = entry_.load(std::memory_order_acquire);
  if (entry == kNoEntry &&
      entry_.compare_exchange_strong(entry, PackEntry(id, level), std::memory_order_acq_rel)) {
    return;  // the first node: nothing to link to
  }
  // The node's vector as stored (bfloat16 and int8 round it), so that its distances agree with
  // those later computed between stored vectors.
  const void* vector = QueryForm(id, &scratch->node_vector);
  const int top = EntryLevel(entry);
  const int linked_top = std::min(level, top);
  Neighbor nearest{Distance(vector, EntryId(entry)), EntryId(entry)};
  for (int layer = top; layer > linked_top; --layer) {
    nearest = GreedyClosest(vector, nearest, layer);
  }
  // Neighbours are chosen top-down, each layer's search starting from the one above...
  const auto accept_all = [](uint32_t) { return true; };
  scratch->chosen.resize(linked_top + 1);
  for (int layer = linked_top; layer >= 0; --layer) {
    SearchLayer(vector, nearest, layer, options_.ef_construction, accept_all, NeverStop, scratch);
    nearest = scratch->nearest.front();
    SelectNeighbors(scratch->nearest, options_.m, &scratch->chosen[layer],
                    &scratch->candidate_vector);
    if (layer == 0) TopUpWithNearest(scratch->nearest, options_.m, &scratch->chosen[0]);
  }
  // ...but linked bottom-up, so a search that reaches the node on some layer finds it linked
  // on every layer below (a node reachable on layer 1 with no level-0 links yet would end a
  // concurrent search's descent in a dead end).
  for (int layer = 0; layer <= linked_top; ++layer) {
    Connect(id, layer, scratch->chosen[layer], scratch);
  }
  if (level > top) PromoteEntry(id, level);
}

// Links node id on one layer to `neighbors`, and each of them back to it.
void HnswIndex::Connect(uint32_t id, int level, std::span<const Neighbor> neighbors,
                        SearchScratch* scratch) {
  scratch->ids.clear();
  for (const Neighbor& neighbor : neighbors) scratch->ids.push_back(neighbor.id);
  {
    NodeLock lock(*store_, id);
    store_->Links(id, level).Assign(scratch->ids);
  }
  for (const Neighbor& neighbor : neighbors) {
    LinkBack(neighbor.id, Neighbor{neighbor.distance, id}, level, scratch);
  }
}

// Adds `added` to node's list on one layer; a full list keeps the heuristic's choice among its
// links and the newcomer.
void HnswIndex::LinkBack(uint32_t node, Neighbor added, int level, SearchScratch* scratch) {
  NodeLock lock(*store_, node);
  LinkList links = store_->Links(node, level);
  const uint32_t count = links.size();
  if (count < store_->max_links(level)) {
    links.Append(added.id);
    return;
  }
  const void* base = QueryForm(node, &scratch->link_base);
  std::vector<Neighbor>& candidates = scratch->link_candidates;
  candidates.assign(1, added);
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t link = links[i];
    candidates.push_back(Neighbor{Distance(base, link), link});
  }
  std::sort(candidates.begin(), candidates.end(), Nearer());
  SelectNeighbors(candidates, store_->max_links(level), &scratch->link_selected,
                  &scratch->candidate_vector);
  scratch->ids.clear();
  for (const Neighbor& neighbor : scratch->link_selected) scratch->ids.push_back(neighbor.id);
  links.Assign(scratch->ids);
}

void HnswIndex::PromoteEntry(uint32_t id, int level) {
  uint64_t entry = entry_.load(std::memory_order_acquire);
  while (level > EntryLevel(entry)) {
    if (entry_.compare_exchange_weak(entry, PackEntry(id, level), std::memory_order_acq_rel)) {
      return;
    }
  }
}

bool HnswIndex::MarkDeleted(int64_t label) {
  std::shared_lock gate(save_gate_);
  std::shared_lock lock(mutex_);
  std::lock_guard label_lock(label_mutex_);
  const auto it = label_to_id_.find(label);
  if (it == label_to_id_.end()) return false;
  store_->MarkDeleted(it->second);
  label_to_id_.erase(it);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Searching

// Four at a time, so that the loads of four vectors overlap instead of each distance waiting
// for its own.
template <typename Ids, typename Visit>
void HnswIndex::VisitDistances(const void* query, const Ids& ids, uint32_t count,
                               const Visit& visit) const {
  uint32_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const uint32_t batch[4] = {ids[i], ids[i + 1], ids[i + 2], ids[i + 3]};
    const void* vectors[4] = {store_->vector(batch[0]), store_->vector(batch[1]),
                              store_->vector(batch[2]), store_->vector(batch[3])};
    float distances[4];
    kernels_.distance_batch4(query, vectors, options_.dimension, distances);
    for (int j = 0; j < 4; ++j) visit(batch[j], distances[j]);
  }
  for (; i < count; ++i) {
    const uint32_t id = ids[i];
    visit(id, Distance(query, id));
  }
}

Neighbor HnswIndex::GreedyClosest(const void* query, Neighbor start, int level) const {
  Neighbor best = start;
  for (uint32_t current = kNoNode; current != best.id;) {
    current = best.id;
    const LinkList links = store_->Links(current, level);
    const uint32_t count = links.size();
    for (uint32_t i = 0; i < count; ++i) store_->PrefetchVector(links[i]);
    VisitDistances(query, links, count, [&best](uint32_t link, float distance) {
      if (distance < best.distance) best = Neighbor{distance, link};
    });
  }
  return best;
}

// Leaves the up to ef best accepted nodes in scratch->nearest, nearest first.
template <typename Accept, typename Stop>
bool HnswIndex::SearchLayer(const void* query, Neighbor entry, int level, size_t ef,
                            const Accept& accept, const Stop& stop,
                            SearchScratch* scratch) const {
  VisitedSet& visited = scratch->visited;
  std::vector<Neighbor>& candidates = scratch->candidates;
  std::vector<Neighbor>& results = scratch->results;
  visited.Reset(store_->capacity());
  scratch->fresh.resize(store_->max_links(level));
  candidates.assign(1, entry);
  results.clear();
  visited.TestAndSet(entry.id);
  if (accept(entry.id)) results.push_back(entry);
  // Only nodes nearer than `bound` can still improve the results.
  float bound = results.size() < ef ? std::numeric_limits<float>::infinity() : entry.distance;
  bool completed = true;
  while (!candidates.empty()) {
    std::pop_heap(candidates.begin(), candidates.end(), Farther());
    const Neighbor current = candidates.back();
    candidates.pop_back();
    if (current.distance > bound) break;
    if (stop()) {
      completed = false;
      break;
    }
    if (!candidates.empty()) store_->PrefetchLinks(candidates.front().id);  // likely next
    // Sort out the unvisited neighbours first and request all of them from memory at once,
    // so their loads overlap instead of each distance waiting for its own.
    const LinkList links = store_->Links(current.id, level);
    const uint32_t count = links.size();
    uint32_t* fresh = scratch->fresh.data();
    uint32_t fresh_count = 0;
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t link = links[i];
      if (visited.TestAndSet(link)) continue;
      store_->PrefetchVector(link);
      fresh[fresh_count++] = link;
    }
    const auto admit = [&](uint32_t link, float distance) {
      if (distance >= bound) return;
      candidates.push_back(Neighbor{distance, link});
      std::push_heap(candidates.begin(), candidates.end(), Farther());
      if (!accept(link)) return;
      results.push_back(Neighbor{distance, link});
      std::push_heap(results.begin(), results.end(), Nearer());
      if (results.size() > ef) {
        std::pop_heap(results.begin(), results.end(), Nearer());
        results.pop_back();
      }
      if (results.size() == ef) bound = results.front().distance;
    };
    VisitDistances(query, fresh, fresh_count, admit);
  }
  std::sort_heap(results.begin(), results.end(), Nearer());
  scratch->nearest.swap(results);
  return completed;
}

// REQUIRES: candidates sorted nearest first.
void HnswIndex::SelectNeighbors(std::span<const Neighbor> candidates, size_t limit,
                                std::vector<Neighbor>* selected, std::vector<float>* buffer) const {
  selected->clear();
  if (candidates.size() <= limit) {
    selected->assign(candidates.begin(), candidates.end());
    return;
  }
  for (const Neighbor& candidate : candidates) {
    if (selected->size() == limit) break;
    const void* vector = QueryForm(candidate.id, buffer);
    const bool diverse = std::all_of(selected->begin(), selected->end(), [&](const Neighbor& kept) {
      return Distance(vector, kept.id) >= candidate.distance;
    });
    if (diverse) selected->push_back(candidate);
  }
}

const void* HnswIndex::QueryForm(uint32_t id, std::vector<float>* buffer) const {
  if (options_.encoding != VectorEncoding::kBFloat16) return store_->vector(id);
  buffer->resize(options_.dimension);
  DecodeVector(options_.encoding, store_->vector(id), options_.dimension, buffer->data());
  return buffer->data();
}

const float* HnswIndex::FloatVector(uint32_t id, std::vector<float>* buffer) const {
  switch (stored_encoding_) {
    case VectorEncoding::kFloat32:
    case VectorEncoding::kFloat32WithInverseNorm:  // its first dimension floats
      return static_cast<const float*>(store_->vector(id));
    case VectorEncoding::kInt8:
      return store_->exact_vector(id);
    case VectorEncoding::kBFloat16:
      break;
  }
  return static_cast<const float*>(QueryForm(id, buffer));
}

const float* HnswIndex::PrepareQuery(std::span<const float> query, SearchScratch* scratch) const {
  if (options_.metric != HnswMetric::kCosine ||
      stored_encoding_ == VectorEncoding::kFloat32WithInverseNorm) {
    return query.data();
  }
  scratch->query.assign(query.begin(), query.end());
  Normalize(scratch->query.data(), scratch->query.size());
  return scratch->query.data();
}

// The prepared query in the form the graph's kernels take: int8 and float32 with inverse norm
// encode it as they encode stored vectors.
const void* HnswIndex::EncodeQuery(const float* query, SearchScratch* scratch) const {
  if (stored_encoding_ != VectorEncoding::kInt8 &&
      stored_encoding_ != VectorEncoding::kFloat32WithInverseNorm) {
    return query;
  }
  scratch->encoded_query.resize(store_->vector_bytes());
  EncodeVector(stored_encoding_, query, options_.dimension, scratch->encoded_query.data());
  return scratch->encoded_query.data();
}

// The squared L2 distance from the prepared query to the node's float32 copy. A cosine graph's
// copies are the vectors as added: for the unit query q and a copy s, |q - s/|s||² is
// 2 - 2 q·s / |s| (one pass for both sums); a copy without a direction sits at 2, as a zero
// vector does in a float32 graph (InverseNormDistance).
float HnswIndex::ExactDistance(const float* query, uint32_t id) const {
  const float* copy = store_->exact_vector(id);
  if (options_.metric == HnswMetric::kL2) {
    return exact_kernels_.distance(query, copy, options_.dimension);
  }
  float dot, squared_norm;
  exact_kernels_.dot_and_norm(query, copy, options_.dimension, &dot, &squared_norm);
  if (squared_norm == 0) return 2;
  return static_cast<float>(2 - 2 * double{dot} / std::sqrt(double{squared_norm}));
}

// Replaces the graph's approximate distances by float32 ones from the nodes' copies, and
// re-sorts. All copies are requested before the first distance, so their loads overlap.
void HnswIndex::Rerank(const float* query, std::vector<Neighbor>* nearest) const {
  for (const Neighbor& neighbor : *nearest) store_->PrefetchExactVector(neighbor.id);
  for (Neighbor& neighbor : *nearest) neighbor.distance = ExactDistance(query, neighbor.id);
  std::sort(nearest->begin(), nearest->end(), Nearer());
}

Result<std::vector<HnswMatch>> HnswIndex::Search(std::span<const float> query,
                                                 const HnswSearchParams& params) const {
  if (query.size() != options_.dimension) {
    return DimensionMismatch(query.size(), options_.dimension);
  }
  std::vector<HnswMatch> matches;
  std::shared_lock lock(mutex_);
  const uint64_t entry = entry_.load(std::memory_order_acquire);
  if (params.k == 0 || entry == kNoEntry) return matches;
  ScratchPool::Lease lease = scratch_pool_.Acquire();
  SearchScratch* scratch = lease.get();
  const float* prepared = PrepareQuery(query, scratch);
  const void* vector = EncodeQuery(prepared, scratch);
  Neighbor nearest{Distance(vector, EntryId(entry)), EntryId(entry)};
  for (int layer = EntryLevel(entry); layer > 0; --layer) {
    nearest = GreedyClosest(vector, nearest, layer);
  }
  const size_t ef = std::max<size_t>(params.k, params.ef != 0 ? params.ef : options_.ef_search);
  if (params.filter == nullptr) {
    const auto live = [this](uint32_t id) { return !store_->deleted(id); };
    SearchLayer(vector, nearest, 0, ef, live, NeverStop, scratch);
  } else {
    size_t calls = 0;
    const auto admitted = [this, filter = params.filter, &calls](uint32_t id) {
      if (store_->deleted(id)) return false;
      ++calls;
      return filter->Accept(store_->label(id));
    };
    const size_t budget = params.max_filter_calls;
    const auto over_budget = [&calls, budget] { return budget != 0 && calls >= budget; };
    const bool completed = SearchLayer(vector, nearest, 0, ef, admitted, over_budget, scratch);
    if (params.gave_up != nullptr) *params.gave_up = !completed;
  }
  if (store_->keeps_exact_vectors()) {
    if (scratch->nearest.size() > kRerankFactor * params.k) {
      scratch->nearest.resize(kRerankFactor * params.k);
    }
    Rerank(prepared, &scratch->nearest);
  }
  const size_t found = std::min(params.k, scratch->nearest.size());
  matches.reserve(found);
  for (size_t i = 0; i < found; ++i) {
    const Neighbor& neighbor = scratch->nearest[i];
    // For unit vectors |a - b|² = 2 (1 - cos(a, b)).
    const float distance =
        options_.metric == HnswMetric::kL2 ? std::sqrt(neighbor.distance) : neighbor.distance / 2;
    matches.push_back(HnswMatch{store_->label(neighbor.id), distance});
  }
  if (params.vectors != nullptr && KeepsAddedVectors(options_)) {
    params.vectors->clear();
    params.vectors->reserve(found);
    for (size_t i = 0; i < found; ++i) {
      const float* stored = FloatVector(scratch->nearest[i].id, nullptr);
      params.vectors->emplace_back(stored, stored + options_.dimension);
    }
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Compaction

Result<std::unique_ptr<HnswIndex>> HnswIndex::Compacted() const {
  VEXDB_ASSIGN_OR_RETURN(std::unique_ptr<HnswIndex> fresh, Create(options_));
  std::vector<std::pair<uint32_t, int64_t>> live;  // (id, label), re-added in id order
  {
    std::lock_guard lock(label_mutex_);
    live.reserve(label_to_id_.size());
    for (const auto& [label, id] : label_to_id_) live.emplace_back(id, label);
  }
  std::sort(live.begin(), live.end());
  VEXDB_RETURN_IF_ERROR(fresh->Reserve(static_cast<uint32_t>(live.size())));
  std::vector<float> buffer;
  std::shared_lock lock(mutex_);
  for (const auto& [id, label] : live) {
    const float* vector = FloatVector(id, &buffer);
    VEXDB_RETURN_IF_ERROR(fresh->Add(label, std::span<const float>(vector, options_.dimension)));
  }
  return fresh;
}

// ---------------------------------------------------------------------------------------------
// Introspection

size_t HnswIndex::size() const {
  std::lock_guard lock(label_mutex_);
  return label_to_id_.size();
}

bool HnswIndex::Contains(int64_t label) const {
  std::lock_guard lock(label_mutex_);
  return label_to_id_.contains(label);
}

HnswStats HnswIndex::Stats() const {
  std::shared_lock lock(mutex_);
  HnswStats stats;
  const uint64_t entry = entry_.load(std::memory_order_acquire);
  stats.max_level = entry == kNoEntry ? -1 : EntryLevel(entry);
  std::lock_guard label_lock(label_mutex_);
  stats.live = label_to_id_.size();
  stats.deleted = node_count_ - stats.live;
  stats.bytes = store_->BytesUsed(node_count_) + LabelMapBytes(label_to_id_);
  stats.bytes_per_vector = stats.live == 0 ? 0 : double(stats.bytes) / double(stats.live);
  return stats;
}

Status HnswIndex::CheckNode(uint32_t id, uint32_t node_count) const {
  for (int level = 0; level <= store_->level(id); ++level) {
    const LinkList links = store_->Links(id, level);
    if (links.size() > store_->max_links(level)) {
      return Status::Internal(
          fmt::format("node {} has {} links on layer {}", id, links.size(), level));
    }
    std::vector<uint32_t> seen;
    for (uint32_t i = 0; i < links.size(); ++i) {
      const uint32_t link = links[i];
      if (link >= node_count || link == id || store_->level(link) < level ||
          std::find(seen.begin(), seen.end(), link) != seen.end()) {
        return Status::Internal(
            fmt::format("node {} has a bad link to {} on layer {}", id, link, level));
      }
      seen.push_back(link);
    }
  }
  return Status::OK();
}

Status HnswIndex::CheckIntegrity() const {
  std::unique_lock lock(mutex_);
  std::lock_guard label_lock(label_mutex_);
  for (uint32_t id = 0; id < node_count_; ++id) VEXDB_RETURN_IF_ERROR(CheckNode(id, node_count_));
  uint64_t live = 0;
  for (uint32_t id = 0; id < node_count_; ++id) {
    if (store_->deleted(id)) continue;
    ++live;
    const auto it = label_to_id_.find(store_->label(id));
    if (it == label_to_id_.end() || it->second != id) {
      return Status::Internal(fmt::format("node {} is live but not in the label map", id));
    }
  }
  if (live != label_to_id_.size()) {
    return Status::Internal(fmt::format("{} live nodes but {} labels", live, label_to_id_.size()));
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------------------------
// Persistence

Status HnswIndex::Save(std::ostream& out) const {
  // No writer can be between claiming an id and linking it; searches go on.
  std::unique_lock gate(save_gate_);
  std::shared_lock lock(mutex_);
  const uint64_t entry = entry_.load(std::memory_order_acquire);
  std::lock_guard label_lock(label_mutex_);
  return WriteHnswGraph(options_, *store_, node_count_,
                        entry == kNoEntry ? kNoNode : EntryId(entry), out);
}

Result<std::unique_ptr<HnswIndex>> HnswIndex::Load(std::istream& in) {
  VEXDB_ASSIGN_OR_RETURN(HnswGraph graph, ReadHnswGraph(in));
  std::unique_ptr<HnswIndex> index(new HnswIndex(graph.options, std::move(graph.store)));
  if (graph.entry != kNoNode) {
    index->entry_.store(PackEntry(graph.entry, index->store_->level(graph.entry)));
  }
  VEXDB_RETURN_IF_ERROR(index->RebuildLabels(graph.node_count));
  return index;
}

Status HnswIndex::RebuildLabels(uint32_t node_count) {
  std::lock_guard lock(label_mutex_);
  node_count_ = node_count;
  label_to_id_.reserve(node_count);
  for (uint32_t id = 0; id < node_count; ++id) {
    if (store_->deleted(id)) continue;
    if (!label_to_id_.emplace(store_->label(id), id).second) {
      return Status::Internal(
          fmt::format("corrupt vector index: label {} is live twice", store_->label(id)));
    }
  }
  return Status::OK();
}

}  // namespace vexdb
