#include "main/statement_cache.h"

#include <map>
#include <optional>

#include "parser/statement_shape.h"
#include "types/vector_text.h"

namespace vexdb {

namespace {

bool Pinned(int location, const std::vector<std::pair<int, int>>& pinned) {
  for (const auto& [begin, end] : pinned) {
    if (location >= begin && location < end) return true;
  }
  return false;
}

// The nodes tagged with each literal location, and whether all of them are vectors of one type.
struct Tagged {
  std::vector<BoundExpr*> nodes;
  bool one_vector_type = true;
};

std::map<int, Tagged> TaggedConstants(BoundQuery& query) {
  std::map<int, Tagged> tagged;
  ForEachExpr(query, [&tagged](BoundExpr& expr) {
    if (expr.kind != BoundExprKind::kConstant || expr.literal_location < 0) return;
    Tagged& entry = tagged[expr.literal_location];
    bool vector = expr.constant.kind() == ValueKind::kVector && expr.type.id == TypeId::kVector;
    if (!vector || (!entry.nodes.empty() && !(entry.nodes[0]->type == expr.type))) {
      entry.one_vector_type = false;
    }
    entry.nodes.push_back(&expr);
  });
  return tagged;
}

}  // namespace

BoundQuery* StatementCache::Lookup(std::string_view sql, std::string_view database,
                                   uint64_t catalog_version) {
  if (entries_.empty()) return nullptr;
  std::optional<StatementShape> shape = ShapeOf(sql);
  if (!shape) return nullptr;
  auto [first, last] = by_key_.equal_range(shape->key);
  for (auto it = first; it != last; ++it) {
    Entry& entry = *it->second;
    if (entry.catalog_version != catalog_version || entry.database != database ||
        entry.written.size() != shape->literals.size()) {
      continue;
    }
    bool same = true;
    for (size_t i = 0; i < entry.written.size() && same; ++i) {
      same = entry.written[i].empty() || entry.written[i] == shape->literals[i].raw;
    }
    if (!same) continue;
    std::vector<Value> vectors;
    for (const Parameter& parameter : entry.parameters) {
      auto parsed = ParseVectorText(shape->literals[parameter.literal].value);
      if (!parsed.ok() || static_cast<int64_t>(parsed->size()) != parameter.type.length) {
        return nullptr;  // binding anew gives the error, or the new type
      }
      vectors.push_back(Value::Vector(std::move(*parsed)));
    }
    for (size_t p = 0; p < entry.parameters.size(); ++p) {
      for (BoundExpr* node : entry.parameters[p].nodes) node->constant = vectors[p];
    }
    entries_.splice(entries_.begin(), entries_, it->second);
    return entry.query.get();
  }
  return nullptr;
}

void StatementCache::Offer(std::string_view sql, std::string_view database,
                           uint64_t catalog_version, std::shared_ptr<BoundQuery> query,
                           const std::vector<std::pair<int, int>>& pinned) {
  if (!query) return;
  std::optional<StatementShape> shape = ShapeOf(sql);
  if (!shape) return;
  std::map<int, Tagged> tagged = TaggedConstants(*query);
  Entry entry;
  for (size_t i = 0; i < shape->literals.size(); ++i) {
    const ShapeLiteral& literal = shape->literals[i];
    auto it = tagged.find(literal.location);
    if (literal.standalone && it != tagged.end() && it->second.one_vector_type &&
        !Pinned(literal.location, pinned)) {
      entry.parameters.push_back({i, it->second.nodes[0]->type, it->second.nodes});
    }
  }
  if (entry.parameters.empty()) return;
  for (const ShapeLiteral& literal : shape->literals) entry.written.emplace_back(literal.raw);
  for (const Parameter& parameter : entry.parameters) entry.written[parameter.literal].clear();
  entry.key = std::move(shape->key);
  entry.database = std::string(database);
  entry.catalog_version = catalog_version;
  entry.query = std::move(query);

  // The new entry replaces those of its shape in this database (older or other versions).
  auto [first, last] = by_key_.equal_range(entry.key);
  std::vector<Entries::iterator> replaced;
  for (auto it = first; it != last; ++it) {
    if (it->second->database == entry.database) replaced.push_back(it->second);
  }
  for (Entries::iterator old : replaced) Erase(old);
  entries_.push_front(std::move(entry));
  by_key_.emplace(entries_.front().key, entries_.begin());
  if (entries_.size() > capacity_) Erase(std::prev(entries_.end()));
}

void StatementCache::Clear() {
  by_key_.clear();
  entries_.clear();
}

void StatementCache::Erase(Entries::iterator entry) {
  auto [first, last] = by_key_.equal_range(entry->key);
  for (auto it = first; it != last; ++it) {
    if (it->second == entry) {
      by_key_.erase(it);
      break;
    }
  }
  entries_.erase(entry);
}

}  // namespace vexdb
