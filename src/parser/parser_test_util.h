#pragma once

// Helpers for the parser's unit tests: parse-or-fail wrappers and a compact S-expression dump of
// expressions, so tests assert the AST's shape in one line.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "parser/ast.h"
#include "parser/parser.h"

namespace vexdb::parser_test {

inline ast::StatementPtr MustParse(std::string_view sql) {
  Result<ast::StatementPtr> result = ParseStatement(sql);
  EXPECT_TRUE(result.ok()) << sql << "\n  -> " << result.status().ToString();
  if (!result.ok()) return nullptr;
  return std::move(result).value();
}

template <typename T>
std::unique_ptr<T> MustParseAs(std::string_view sql, ast::StatementType type) {
  ast::StatementPtr stmt = MustParse(sql);
  if (stmt == nullptr) return nullptr;
  EXPECT_EQ(stmt->type, type) << sql;
  if (stmt->type != type) return nullptr;
  return std::unique_ptr<T>(static_cast<T*>(stmt.release()));
}

inline std::unique_ptr<ast::SelectStmt> MustParseSelect(std::string_view sql) {
  auto stmt = MustParseAs<ast::SelectStatement>(sql, ast::StatementType::kSelect);
  if (stmt == nullptr) return nullptr;
  return std::move(stmt->select);
}

// The parse error's MySQL errno, or 0 when the text parses.
inline int ErrnoOf(std::string_view sql) {
  Result<ast::StatementPtr> result = ParseStatement(sql);
  return result.ok() ? 0 : result.status().mysql_errno();
}

inline std::string Dump(const ast::Expr& expr);
inline std::string Dump(const ast::SelectStmt& query);
inline std::string Dump(const ast::TableRef& ref);

inline std::string Dump(const ast::ExprPtr& expr) { return expr ? Dump(*expr) : "<null>"; }

inline std::string DumpType(const LogicalType& t) {
  static const char* const kNames[] = {
      "null",   "tinyint", "smallint", "mediumint", "int",       "bigint",  "float",
      "double", "decimal", "char",     "varchar",   "text",      "binary",  "varbinary",
      "blob",   "date",    "datetime", "timestamp", "time",      "year",    "json",
      "enum",   "set",     "bit",      "vector",
  };
  std::string out = kNames[static_cast<int>(t.id)];
  if (t.id == TypeId::kDecimal || ((t.id == TypeId::kFloat || t.id == TypeId::kDouble) &&
                                   t.scale >= 0)) {
    out += "(" + std::to_string(t.precision) + "," + std::to_string(t.scale) + ")";
  } else if (t.id == TypeId::kDatetime || t.id == TypeId::kTime || t.id == TypeId::kTimestamp) {
    if (t.fsp > 0) out += "(" + std::to_string(t.fsp) + ")";
  } else if (t.length >= 0) {
    out += "(" + std::to_string(t.length) + ")";
  }
  for (size_t i = 0; i < t.elements.size(); ++i) out += (i ? ",'" : "['") + t.elements[i] + "'";
  if (!t.elements.empty()) out += "]";
  if (t.is_unsigned) out += " unsigned";
  if (t.is_bool) out += " bool";
  if (!t.collation.empty()) out += " collate " + t.collation;
  return out;
}

inline std::string Join(const ast::ExprList& list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) out += (i ? " " : "") + Dump(list[i]);
  return out;
}

inline std::string JoinNames(const std::vector<std::string>& parts, const char* sep = ".") {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

inline const char* BinaryOpName(ast::BinaryOp op) {
  static const char* const kNames[] = {
      "+",  "-",   "*",  "/",  "DIV", "%",   "=",   "<=>", "!=", "<",      "<=",
      ">",  ">=",  "AND", "OR", "XOR", "&",   "|",   "^",   "<<", ">>",     "REGEXP",
      "->", "->>", ":=",
  };
  return kNames[static_cast<int>(op)];
}

inline std::string DumpOrder(const std::vector<ast::OrderItem>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", " : "") + Dump(items[i].expr) + (items[i].descending ? " DESC" : "");
  }
  return out;
}

inline std::string DumpLiteral(const ast::LiteralExpr& lit) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out = lit.introducer;
  switch (lit.kind) {
    case ast::LiteralKind::kNull: return "NULL";
    case ast::LiteralKind::kBool: return lit.text == "1" ? "TRUE" : "FALSE";
    case ast::LiteralKind::kString: return out + "'" + lit.text + "'";
    case ast::LiteralKind::kDate: return "DATE'" + lit.text + "'";
    case ast::LiteralKind::kTime: return "TIME'" + lit.text + "'";
    case ast::LiteralKind::kTimestamp: return "TIMESTAMP'" + lit.text + "'";
    case ast::LiteralKind::kHex:
    case ast::LiteralKind::kBit: {
      out += lit.kind == ast::LiteralKind::kHex ? "X'" : "B'";
      for (unsigned char c : lit.text) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
      return out + "'";
    }
    case ast::LiteralKind::kDecimal: return "dec:" + lit.text;
    case ast::LiteralKind::kFloat: return "float:" + lit.text;
    default: return lit.text;
  }
}

inline std::string DumpWindow(const ast::WindowSpec& w) {
  std::string out = "OVER(";
  if (!w.name.empty()) out += w.name;
  if (!w.partition_by.empty()) out += " PARTITION " + Join(w.partition_by);
  if (!w.order_by.empty()) out += " ORDER " + DumpOrder(w.order_by);
  if (!w.frame_text.empty()) out += " FRAME " + w.frame_text;
  return out + ")";
}

inline std::string Dump(const ast::Expr& e) {
  using ast::ExprType;
  switch (e.type) {
    case ExprType::kLiteral: return DumpLiteral(e.As<ast::LiteralExpr>());
    case ExprType::kColumnRef: return JoinNames(e.As<ast::ColumnRefExpr>().parts);
    case ExprType::kStar: {
      const auto& star = e.As<ast::StarExpr>();
      return star.qualifier.empty() ? "*" : JoinNames(star.qualifier) + ".*";
    }
    case ExprType::kUnary: {
      static const char* const kOps[] = {"-", "+", "NOT", "~", "BINARY"};
      const auto& u = e.As<ast::UnaryExpr>();
      return std::string("(") + kOps[static_cast<int>(u.op)] + " " + Dump(u.operand) + ")";
    }
    case ExprType::kBinary: {
      const auto& b = e.As<ast::BinaryExpr>();
      return std::string("(") + BinaryOpName(b.op) + " " + Dump(b.left) + " " + Dump(b.right) +
             ")";
    }
    case ExprType::kFunction: {
      const auto& f = e.As<ast::FunctionExpr>();
      std::string out = f.name + "(";
      if (f.distinct) out += "DISTINCT ";
      if (f.star) out += "*";
      if (!f.trim_mode.empty()) out += f.trim_mode + " ";
      out += Join(f.args);
      if (!f.order_by.empty()) out += " ORDER " + DumpOrder(f.order_by);
      if (f.separator) out += " SEP '" + *f.separator + "'";
      out += ")";
      if (f.over) out += " " + DumpWindow(*f.over);
      return out;
    }
    case ExprType::kCase: {
      const auto& c = e.As<ast::CaseExpr>();
      std::string out = "(CASE";
      if (c.operand) out += " " + Dump(c.operand);
      for (const auto& [w, t] : c.when_then) out += " WHEN " + Dump(w) + " THEN " + Dump(t);
      if (c.else_expr) out += " ELSE " + Dump(c.else_expr);
      return out + ")";
    }
    case ExprType::kCast: {
      const auto& c = e.As<ast::CastExpr>();
      return "(CAST " + Dump(c.operand) + " " + DumpType(c.target) + ")";
    }
    case ExprType::kInList: {
      const auto& in = e.As<ast::InListExpr>();
      return std::string(in.negated ? "(NOT IN " : "(IN ") + Dump(in.operand) + " [" +
             Join(in.list) + "])";
    }
    case ExprType::kInSubquery: {
      const auto& in = e.As<ast::InSubqueryExpr>();
      std::string op = in.negated ? "NOT IN" : "IN";
      if (in.comparison != ast::BinaryOp::kEq || in.all) {
        op = std::string(BinaryOpName(in.comparison)) + (in.all ? " ALL" : " ANY");
      }
      return "(" + op + " " + Dump(in.operand) + " {" + Dump(*in.subquery) + "})";
    }
    case ExprType::kExists:
      return "(EXISTS {" + Dump(*e.As<ast::ExistsExpr>().subquery) + "})";
    case ExprType::kSubquery: return "{" + Dump(*e.As<ast::SubqueryExpr>().subquery) + "}";
    case ExprType::kBetween: {
      const auto& b = e.As<ast::BetweenExpr>();
      return std::string(b.negated ? "(NOT BETWEEN " : "(BETWEEN ") + Dump(b.operand) + " " +
             Dump(b.low) + " " + Dump(b.high) + ")";
    }
    case ExprType::kLike: {
      const auto& l = e.As<ast::LikeExpr>();
      std::string out = std::string(l.negated ? "(NOT LIKE " : "(LIKE ") + Dump(l.operand) +
                        " " + Dump(l.pattern);
      if (l.escape) out += " ESCAPE " + Dump(l.escape);
      return out + ")";
    }
    case ExprType::kIsNull: {
      const auto& i = e.As<ast::IsNullExpr>();
      return std::string(i.negated ? "(IS NOT NULL " : "(IS NULL ") + Dump(i.operand) + ")";
    }
    case ExprType::kIsBool: {
      const auto& i = e.As<ast::IsBoolExpr>();
      std::string value = !i.value ? "UNKNOWN" : *i.value ? "TRUE" : "FALSE";
      return std::string("(IS ") + (i.negated ? "NOT " : "") + value + " " + Dump(i.operand) +
             ")";
    }
    case ExprType::kVariable: {
      const auto& v = e.As<ast::VariableExpr>();
      if (v.scope == ast::VarScope::kUser) return "@" + v.name;
      if (!v.explicit_scope) return "@@" + v.name;
      return std::string(v.scope == ast::VarScope::kGlobal ? "@@global." : "@@session.") + v.name;
    }
    case ExprType::kDefault: {
      const auto& d = e.As<ast::DefaultExpr>();
      return d.column.empty() ? "DEFAULT" : "DEFAULT(" + JoinNames(d.column) + ")";
    }
    case ExprType::kRow: return "(ROW " + Join(e.As<ast::RowExpr>().items) + ")";
    case ExprType::kInterval: {
      const auto& i = e.As<ast::IntervalExpr>();
      return "(INTERVAL " + Dump(i.value) + " " + i.unit + ")";
    }
    case ExprType::kParam: return "?" + std::to_string(e.As<ast::ParamExpr>().index);
    case ExprType::kMatch: {
      const auto& m = e.As<ast::MatchExpr>();
      return "(MATCH [" + Join(m.columns) + "] " + Dump(m.against) +
             (m.mode.empty() ? "" : " " + m.mode) + ")";
    }
    case ExprType::kCollate: {
      const auto& c = e.As<ast::CollateExpr>();
      return "(COLLATE " + Dump(c.operand) + " " + c.collation + ")";
    }
  }
  return "?";
}

inline std::string Dump(const ast::TableRef& ref) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kBase: {
      std::string out = ref.database.empty() ? ref.name : ref.database + "." + ref.name;
      return ref.alias.empty() ? out : out + " AS " + ref.alias;
    }
    case ast::TableRef::Kind::kSubquery: {
      std::string out = "(" + Dump(*ref.subquery) + ") AS " + ref.alias;
      if (!ref.column_aliases.empty()) out += "(" + JoinNames(ref.column_aliases, ",") + ")";
      return out;
    }
    case ast::TableRef::Kind::kJoin: {
      static const char* const kJoins[] = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "CROSS JOIN"};
      std::string out = "[" + Dump(*ref.left) + " " + (ref.natural ? "NATURAL " : "") +
                        kJoins[static_cast<int>(ref.join_type)] + " " + Dump(*ref.right);
      if (ref.on) out += " ON " + Dump(ref.on);
      if (!ref.using_columns.empty()) out += " USING(" + JoinNames(ref.using_columns, ",") + ")";
      return out + "]";
    }
  }
  return "?";
}

inline std::string Dump(const ast::SelectStmt& q) {
  std::string out;
  if (!q.with.empty()) {
    out += q.with_recursive ? "WITH RECURSIVE " : "WITH ";
    for (const auto& cte : q.with) {
      out += cte.name;
      if (!cte.columns.empty()) out += "(" + JoinNames(cte.columns, ",") + ")";
      out += " AS (" + Dump(*cte.query) + ") ";
    }
  }
  if (q.set_op != ast::SetOp::kNone) {
    static const char* const kOps[] = {"", "UNION", "UNION ALL", "EXCEPT", "INTERSECT"};
    out += "(" + Dump(*q.left) + ") " + kOps[static_cast<int>(q.set_op)] + " (" +
           Dump(*q.right) + ")";
  } else {
    out += "SELECT ";
    if (q.distinct) out += "DISTINCT ";
    for (size_t i = 0; i < q.items.size(); ++i) {
      out += (i ? ", " : "") + Dump(q.items[i].expr);
      if (!q.items[i].alias.empty()) out += " AS " + q.items[i].alias;
    }
    if (q.from) out += " FROM " + Dump(*q.from);
    if (q.where) out += " WHERE " + Dump(q.where);
    if (!q.group_by.empty()) out += " GROUP " + Join(q.group_by) + (q.with_rollup ? " ROLLUP" : "");
    if (q.having) out += " HAVING " + Dump(q.having);
  }
  if (!q.order_by.empty()) out += " ORDER " + DumpOrder(q.order_by);
  if (q.limit) out += " LIMIT " + Dump(q.limit);
  if (q.offset) out += " OFFSET " + Dump(q.offset);
  if (q.lock == ast::LockMode::kForUpdate) out += " FOR UPDATE";
  if (q.lock == ast::LockMode::kForShare) out += " FOR SHARE";
  if (q.nowait) out += " NOWAIT";
  if (q.skip_locked) out += " SKIP LOCKED";
  return out;
}

// Parses `sql` as an expression and dumps it ("<error: ...>" on failure).
inline std::string DumpExpr(std::string_view sql) {
  Result<ast::ExprPtr> result = ParseExpression(sql);
  if (!result.ok()) return "<error: " + result.status().message() + ">";
  return Dump(*result.value());
}

}  // namespace vexdb::parser_test
