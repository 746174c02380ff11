// Token access for ParserImpl: look-ahead, keyword and operator matching, names, and the 1064
// syntax error with TiDB's position and "near" text.

#include <algorithm>
#include <charconv>

#include "parser/keywords.h"
#include "parser/parser.h"
#include "parser/parser_impl.h"

namespace vexdb::parser_internal {

namespace {

constexpr size_t kNearTextLimit = 80;

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

bool DepthGuard::TooDeep() const { return parser_->depth_ > Parser::kMaxDepth; }

const Token& ParserImpl::Peek(size_t n) {
  while (lookahead_.size() <= n) {
    if (!lookahead_.empty() && (lookahead_.back().type == TokenType::kEnd ||
                                lookahead_.back().type == TokenType::kError)) {
      return lookahead_.back();
    }
    lookahead_.push_back(lexer_.Next());
  }
  return lookahead_[n];
}

Token ParserImpl::Take() {
  Peek();
  Token tok = std::move(lookahead_.front());
  if (tok.type == TokenType::kEnd || tok.type == TokenType::kError) {
    lookahead_.front() = tok;  // stay at the end
    return tok;
  }
  lookahead_.pop_front();
  prev_end_ = tok.end;
  return tok;
}

bool ParserImpl::PeekWord(std::string_view keyword, size_t n) { return Peek(n).IsWord(keyword); }
bool ParserImpl::PeekOp(std::string_view op, size_t n) { return Peek(n).IsOp(op); }

bool ParserImpl::AcceptWord(std::string_view keyword) {
  if (!PeekWord(keyword)) return false;
  Take();
  return true;
}

bool ParserImpl::AcceptOp(std::string_view op) {
  if (!PeekOp(op)) return false;
  Take();
  return true;
}

bool ParserImpl::AcceptWords(std::initializer_list<std::string_view> keywords) {
  size_t i = 0;
  for (std::string_view kw : keywords) {
    if (!PeekWord(kw, i++)) return false;
  }
  for (i = 0; i < keywords.size(); ++i) Take();
  return true;
}

Status ParserImpl::ExpectWord(std::string_view keyword) {
  return AcceptWord(keyword) ? Status::OK() : SyntaxError();
}

Status ParserImpl::ExpectOp(std::string_view op) {
  return AcceptOp(op) ? Status::OK() : SyntaxError();
}

bool ParserImpl::AtStatementEnd() { return PeekOp(";") || Peek().type == TokenType::kEnd; }

Status ParserImpl::SyntaxError() { return SyntaxErrorAt(Peek()); }

// TiDB's convention: the line of the offending token, the column just past it (0-based, so
// equal to the 1-based column of its last byte), and the input from the token on.
Status ParserImpl::SyntaxErrorAt(const Token& tok, std::string_view detail) {
  size_t begin = std::min(static_cast<size_t>(std::max(tok.offset, segment_begin_)), sql_.size());
  size_t end = tok.type == TokenType::kError || tok.type == TokenType::kEnd
                   ? begin
                   : std::min(static_cast<size_t>(tok.end), sql_.size());
  if (tok.type == TokenType::kError) end = begin + 1 <= sql_.size() ? begin + 1 : begin;
  std::string_view region = sql_.substr(segment_begin_, end - segment_begin_);
  int line = 1 + static_cast<int>(std::count(region.begin(), region.end(), '\n'));
  size_t line_start = region.rfind('\n');
  size_t column = line_start == std::string_view::npos ? region.size()
                                                       : region.size() - line_start - 1;
  std::string near(CutUtf8(sql_.substr(begin), kNearTextLimit));
  Status status = Status::Error(ErrorCode::kParseError, line, column, near);
  if (detail.empty()) return status;
  return Status::WithMessage(ErrorCode::kParseError, status.message() + " " + std::string(detail));
}

std::string_view ParserImpl::SourceText(int begin, int end) const {
  if (end < begin) return {};
  return sql_.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
}

bool ParserImpl::PeekIdentifier(size_t n) {
  const Token& tok = Peek(n);
  if (tok.type == TokenType::kQuotedIdent) return true;
  return tok.type == TokenType::kWord && !IsReservedWord(tok.text);
}

Result<std::string> ParserImpl::ParseIdentifier() {
  if (!PeekIdentifier()) return SyntaxError();
  return Take().text;
}

Result<std::string> ParserImpl::ParseNameAfterDot() {
  const Token& tok = Peek();
  if (tok.type != TokenType::kWord && tok.type != TokenType::kQuotedIdent) return SyntaxError();
  return Take().text;
}

Status ParserImpl::ParseQualifiedName(std::string* database, std::string* name) {
  VEXDB_ASSIGN_OR_RETURN(std::string first, ParseIdentifier());
  if (AcceptOp(".")) {
    *database = std::move(first);
    VEXDB_ASSIGN_OR_RETURN(*name, ParseNameAfterDot());
  } else {
    database->clear();
    *name = std::move(first);
  }
  return Status::OK();
}

Result<ast::QualifiedName> ParserImpl::ParseQualifiedName() {
  ast::QualifiedName qn;
  VEXDB_RETURN_IF_ERROR(ParseQualifiedName(&qn.database, &qn.name));
  return qn;
}

Result<std::vector<std::string>> ParserImpl::ParseParenIdentifierList() {
  VEXDB_RETURN_IF_ERROR(ExpectOp("("));
  std::vector<std::string> names;
  do {
    VEXDB_ASSIGN_OR_RETURN(std::string name, ParseIdentifier());
    names.push_back(std::move(name));
  } while (AcceptOp(","));
  VEXDB_RETURN_IF_ERROR(ExpectOp(")"));
  return names;
}

Result<std::string> ParserImpl::ParseStringLiteral() {
  if (Peek().type != TokenType::kString) return SyntaxError();
  std::string text = Take().text;
  while (Peek().type == TokenType::kString) text += Take().text;
  return text;
}

Result<std::string> ParserImpl::ParseIdentOrString() {
  if (Peek().type == TokenType::kString) return ParseStringLiteral();
  return ParseIdentifier();
}

Result<std::string> ParserImpl::ParseOptionValueName() {
  const Token& tok = Peek();
  if (tok.type == TokenType::kString) return ParseStringLiteral();
  if (tok.type == TokenType::kWord || tok.type == TokenType::kQuotedIdent) return Take().text;
  return SyntaxError();
}

Result<int64_t> ParserImpl::ParseInteger() {
  const Token& tok = Peek();
  if (tok.type != TokenType::kInteger) return SyntaxError();
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), value);
  if (ec != std::errc() || ptr != tok.text.data() + tok.text.size()) return SyntaxError();
  Take();
  return value;
}

void ParserImpl::SkipToStatementEnd() {
  while (!AtStatementEnd() && Peek().type != TokenType::kError) Take();
}

}  // namespace vexdb::parser_internal
