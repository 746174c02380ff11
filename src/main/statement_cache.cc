#include "main/statement_cache.h"

#include <map>
#include <set>

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

// Over the query and its plan, which share the bound queries of subqueries.
std::map<int, Tagged> TaggedConstants(BoundQuery& query, LogicalOperator& plan) {
  std::map<int, Tagged> tagged;
  std::set<const BoundExpr*> seen;
  auto visit = [&tagged, &seen](BoundExpr& expr) {
    if (expr.kind != BoundExprKind::kConstant || expr.literal_location < 0) return;
    if (!seen.insert(&expr).second) return;
    Tagged& entry = tagged[expr.literal_location];
    bool vector = expr.constant.kind() == ValueKind::kVector && expr.type.id == TypeId::kVector;
    if (!vector || (!entry.nodes.empty() && !(entry.nodes[0]->type == expr.type))) {
      entry.one_vector_type = false;
    }
    entry.nodes.push_back(&expr);
  };
  ForEachExpr(query, visit);
  ForEachExpr(plan, visit);
  return tagged;
}

}  // namespace

std::optional<std::vector<std::string>> StatementCache::Match(const Entry& entry,
                                                              std::string_view sql) {
  std::vector<std::string> values;
  size_t pos = 0;
  for (size_t i = 0; i < entry.written.size(); ++i) {
    const std::string& piece = entry.pieces[i];
    if (sql.compare(pos, piece.size(), piece) != 0) return std::nullopt;
    pos += piece.size();
    std::optional<ShapeLiteral> literal = StringLiteralAt(sql, pos);
    if (!literal) return std::nullopt;
    if (!entry.written[i].empty() && literal->raw != entry.written[i]) return std::nullopt;
    pos += literal->raw.size();
    values.push_back(std::move(literal->value));
  }
  if (sql.substr(pos) != entry.pieces.back()) return std::nullopt;
  return values;
}

std::optional<StatementCache::Statement> StatementCache::Lookup(std::string_view sql,
                                                               std::string_view database,
                                                               uint64_t catalog_version) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->catalog_version != catalog_version) {  // a DDL came since: stale for good
      it = entries_.erase(it);
      continue;
    }
    Entry& entry = *it;
    std::optional<std::vector<std::string>> literals;
    if (entry.database == database) literals = Match(entry, sql);
    if (!literals) {
      ++it;
      continue;
    }
    std::vector<Value> vectors;
    for (const Parameter& parameter : entry.parameters) {
      auto parsed = ParseVectorText((*literals)[parameter.literal]);
      if (!parsed.ok() || static_cast<int64_t>(parsed->size()) != parameter.type.length) {
        return std::nullopt;  // binding anew gives the error, or the new type
      }
      vectors.push_back(Value::Vector(std::move(*parsed)));
    }
    for (size_t p = 0; p < entry.parameters.size(); ++p) {
      for (BoundExpr* node : entry.parameters[p].nodes) node->constant = vectors[p];
    }
    entries_.splice(entries_.begin(), entries_, it);
    return Statement{entry.query.get(), entry.plan.get()};
  }
  return std::nullopt;
}

void StatementCache::Offer(std::string_view sql, std::string_view database,
                           uint64_t catalog_version, std::shared_ptr<BoundQuery> query,
                           LogicalOperatorPtr plan,
                           const std::vector<std::pair<int, int>>& pinned) {
  if (!query || !plan) return;
  std::optional<StatementShape> shape = ShapeOf(sql);
  if (!shape) return;
  std::map<int, Tagged> tagged = TaggedConstants(*query, *plan);
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
  entry.pieces.assign(shape->pieces.begin(), shape->pieces.end());
  entry.database = std::string(database);
  entry.catalog_version = catalog_version;
  entry.query = std::move(query);
  entry.plan = std::move(plan);

  // The new entry replaces any of its shape in this database (bound under another version).
  std::erase_if(entries_, [&entry](const Entry& old) {
    return old.database == entry.database && old.pieces == entry.pieces;
  });
  entries_.push_front(std::move(entry));
  if (entries_.size() > capacity_) entries_.pop_back();
}

}  // namespace vexdb
