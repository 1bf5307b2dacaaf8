#include "src/store/search_query.h"

#include <vector>

#include "src/normalize/normalizer.h"
#include "src/store/fts_arabic.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {

enum class Kind { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose };

struct Lexeme {
  Kind kind;
  std::u32string text;  // words and phrases
  bool prefix = false;
  int pos = 0;  // character, from 1
};

const char* Name(const Lexeme& l) {
  switch (l.kind) {
    case Kind::kAnd:
      return "AND";
    case Kind::kOr:
      return "OR";
    case Kind::kNot:
      return "NOT";
    case Kind::kOpen:
      return "(";
    case Kind::kClose:
      return ")";
    default:
      return "term";
  }
}

Status Error(const std::string& what, int pos) {
  return Status::InvalidInput("query: " + what + " (character " + std::to_string(pos) + ")");
}

bool IsTermBreak(char32_t c) {
  return IsSpace(c) || c == U'"' || c == U'«' || c == U'»' || c == U'(' || c == U')';
}

// Some letter or digit survives normalization: otherwise the index has nothing to match
// (a lone «،» or «-»), and the word is left out of the query.
bool Searchable(const std::u32string& s) {
  for (char32_t c : MatchForm(s))
    if (IsSearchable(c)) return true;
  return false;
}

Status Lex(const std::u32string& q, std::vector<Lexeme>* out) {
  size_t i = 0;
  while (i < q.size()) {
    char32_t c = q[i];
    int pos = static_cast<int>(i) + 1;
    if (IsSpace(c) || c == U'»') {
      ++i;
    } else if (c == U'(' || c == U')') {
      out->push_back({c == U'(' ? Kind::kOpen : Kind::kClose, {}, false, pos});
      ++i;
    } else if (c == U'"' || c == U'«') {
      char32_t close = c == U'"' ? U'"' : U'»';
      size_t end = q.find(close, i + 1);
      if (end == std::u32string::npos) return Error("quote never closed", pos);
      Lexeme l{Kind::kPhrase, q.substr(i + 1, end - i - 1), false, pos};
      i = end + 1;
      if (i < q.size() && q[i] == U'*') {
        l.prefix = true;
        ++i;
      }
      if (Searchable(l.text)) out->push_back(std::move(l));
    } else {
      size_t end = i;
      while (end < q.size() && !IsTermBreak(q[end])) ++end;
      Lexeme l{Kind::kWord, q.substr(i, end - i), false, pos};
      i = end;
      if (l.text == U"AND")
        l.kind = Kind::kAnd;
      else if (l.text == U"OR")
        l.kind = Kind::kOr;
      else if (l.text == U"NOT")
        l.kind = Kind::kNot;
      while (l.kind == Kind::kWord && !l.text.empty() && l.text.back() == U'*') {
        l.text.pop_back();
        l.prefix = true;
      }
      if (l.kind != Kind::kWord || Searchable(l.text)) out->push_back(std::move(l));
    }
  }
  return Status::Ok();
}

// Recursive descent, lowest precedence first: OR, then AND (written or implied), then
// NOT; every operation is emitted in parentheses so FTS5's own precedence never matters.
class Parser {
 public:
  explicit Parser(const std::vector<Lexeme>& lx) : lx_(lx) {}

  Result<std::string> Parse() {
    if (lx_.empty()) return Status::InvalidInput("query: no words to search for");
    Result<std::string> e = Or(nullptr, 0);
    if (!e.ok()) return e;
    if (i_ < lx_.size()) return Error(") without a matching (", lx_[i_].pos);
    return e;
  }

 private:
  Result<std::string> Or(const Lexeme* before, int depth) {
    Result<std::string> left = And(before, depth);
    while (left.ok() && Peek(Kind::kOr)) {
      const Lexeme& op = lx_[i_++];
      Result<std::string> right = And(&op, depth);
      if (!right.ok()) return right;
      left = "(" + left.value() + " OR " + right.value() + ")";
    }
    return left;
  }

  Result<std::string> And(const Lexeme* before, int depth) {
    Result<std::string> left = Not(before, depth);
    while (left.ok() && i_ < lx_.size()) {
      const Lexeme* op = nullptr;
      if (Peek(Kind::kAnd))
        op = &lx_[i_++];
      else if (!Peek(Kind::kWord) && !Peek(Kind::kPhrase) && !Peek(Kind::kOpen))
        break;
      Result<std::string> right = Not(op, depth);
      if (!right.ok()) return right;
      left = "(" + left.value() + " AND " + right.value() + ")";
    }
    return left;
  }

  Result<std::string> Not(const Lexeme* before, int depth) {
    Result<std::string> left = Primary(before, depth);
    while (left.ok() && Peek(Kind::kNot)) {
      const Lexeme& op = lx_[i_++];
      Result<std::string> right = Primary(&op, depth);
      if (!right.ok()) return right;
      left = "(" + left.value() + " NOT " + right.value() + ")";
    }
    return left;
  }

  Result<std::string> Primary(const Lexeme* before, int depth) {
    if (i_ >= lx_.size()) {
      if (before) return Error(std::string(Name(*before)) + " needs a term after it", before->pos);
      return Status::InvalidInput("query: no words to search for");
    }
    const Lexeme& l = lx_[i_];
    switch (l.kind) {
      case Kind::kWord:
      case Kind::kPhrase:
        ++i_;
        if (++terms_ > kMaxQueryTerms)
          return Error("more than " + std::to_string(kMaxQueryTerms) + " terms", l.pos);
        return Term(l);
      case Kind::kOpen: {
        if (depth >= kMaxQueryNesting)
          return Error("parentheses nested deeper than " + std::to_string(kMaxQueryNesting), l.pos);
        ++i_;
        if (Peek(Kind::kClose)) return Error("( with nothing inside", l.pos);
        Result<std::string> inner = Or(nullptr, depth + 1);
        if (!inner.ok()) return inner;
        if (!Peek(Kind::kClose)) return Error("( never closed", l.pos);
        ++i_;
        return inner;
      }
      case Kind::kClose:
        if (before)
          return Error(std::string(Name(*before)) + " needs a term after it", before->pos);
        return Error(") without a matching (", l.pos);
      default:
        if (before)
          return Error(std::string(Name(*before)) + " needs a term after it", before->pos);
        if (l.kind == Kind::kNot)
          return Error("NOT needs a term before it (write «A NOT B»)", l.pos);
        return Error(std::string(Name(l)) + " needs a term before it", l.pos);
    }
  }

  // A word is its exact form or, ranked lower, its stem (the stem marker asks the
  // tokenizer for it); a phrase is exact only. The index keeps the article on its words
  // («الانتخابات»), so an Arabic prefix without one also looks for it: «انتخاب*» finds
  // «انتخابات» and «الانتخابات».
  static std::string Term(const Lexeme& l) {
    std::string text;
    for (char32_t c : l.text) {
      // Neither may reach FTS5 from the user: «"» would end the string, the marker
      // would turn an exact term into a stem one.
      if (c == U'"' || c == static_cast<char32_t>(kStemMarker)) c = U' ';
      AppendUtf8(c, &text);
    }
    std::string exact = "\"" + text + "\"";
    if (l.prefix) {
      std::u32string m = MatchForm(l.text);
      if (l.kind == Kind::kPhrase || m.empty() || !IsArabicLetter(m[0]) || StartsWithAl(m))
        return exact + "*";
      return "(" + exact + "* OR \"ال" + text + "\"*)";
    }
    if (l.kind == Kind::kPhrase) return exact;
    return "(" + exact + " OR \"" + kStemMarker + text + "\")";
  }

  bool Peek(Kind k) const { return i_ < lx_.size() && lx_[i_].kind == k; }

  const std::vector<Lexeme>& lx_;
  size_t i_ = 0;
  int terms_ = 0;
};

}  // namespace

Result<std::string> ToFts5Query(std::string_view query) {
  if (query.size() > kMaxQueryBytes)
    return Status::InvalidInput("query: " + std::to_string(query.size()) +
                                " bytes exceed the limit of " + std::to_string(kMaxQueryBytes));
  Result<std::u32string> q = DecodeUtf8(query);
  if (!q.ok()) return Status::InvalidInput("query: " + q.status().message());
  std::vector<Lexeme> lx;
  if (Status s = Lex(q.value(), &lx); !s.ok()) return s;
  return Parser(lx).Parse();
}

}  // namespace hadath
