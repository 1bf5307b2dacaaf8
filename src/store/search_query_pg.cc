#include "src/store/search_query_pg.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "src/store/fts_arabic.h"
#include "src/store/search_query.h"

namespace hadath {
namespace {

// Never a document lexeme: every stem term has letters after the marker.
const char kNoMatch[] = "'~'";

// A lexeme in tsquery/tsvector input syntax: quoted, quote and backslash doubled.
std::string Quoted(std::string_view term) {
  std::string out = "'";
  for (char c : term) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  return out + "'";
}

// The FTS5 expression of ToFts5Query() as a tree. It is read back rather than the user's
// text parsed again, so both stores share one syntax: every operation in parentheses,
// «(L OP R)», and every piece of user text inside «"…"» (with no «"» of its own),
// optionally followed by «*».
struct Node {
  enum Kind { kString, kAnd, kOr, kNot } kind = kString;
  std::string text;  // kString
  bool prefix = false;
  std::unique_ptr<Node> left, right;
};

class Fts5Reader {
 public:
  explicit Fts5Reader(std::string_view s) : s_(s) {}

  Result<std::unique_ptr<Node>> Read() {
    auto n = std::make_unique<Node>();
    if (At('"')) {
      size_t end = s_.find('"', i_ + 1);
      if (end == std::string_view::npos) return Bad();
      n->text = std::string(s_.substr(i_ + 1, end - i_ - 1));
      i_ = end + 1;
      if (At('*')) {
        n->prefix = true;
        ++i_;
      }
      return n;
    }
    if (!At('(')) return Bad();
    ++i_;
    Result<std::unique_ptr<Node>> left = Read();
    if (!left.ok()) return left;
    static const std::pair<const char*, Node::Kind> kOps[] = {
        {" AND ", Node::kAnd}, {" OR ", Node::kOr}, {" NOT ", Node::kNot}};
    bool found = false;
    for (const auto& [op, kind] : kOps) {
      if (s_.substr(i_).starts_with(op)) {
        n->kind = kind;
        i_ += std::string_view(op).size();
        found = true;
        break;
      }
    }
    if (!found) return Bad();
    Result<std::unique_ptr<Node>> right = Read();
    if (!right.ok()) return right;
    if (!At(')')) return Bad();
    ++i_;
    n->left = left.take();
    n->right = right.take();
    return n;
  }
  bool AtEnd() const { return i_ == s_.size(); }

 private:
  bool At(char c) const { return i_ < s_.size() && s_[i_] == c; }
  Status Bad() const {
    return Status::Internal("search: unexpected FTS5 expression at byte " + std::to_string(i_));
  }
  std::string_view s_;
  size_t i_ = 0;
};

class Translator {
 public:
  Translator(const Lexicon& lex, PgSearchQuery* out) : lex_(lex), out_(out) {}

  // `positive`: a document that matches may contain it (it is under no NOT's right side).
  std::string Translate(const Node& n, bool positive) {
    switch (n.kind) {
      case Node::kString:
        return String(n, positive);
      case Node::kAnd:
        return "(" + Translate(*n.left, positive) + " & " + Translate(*n.right, positive) + ")";
      case Node::kOr:
        return "(" + Translate(*n.left, positive) + " | " + Translate(*n.right, positive) + ")";
      case Node::kNot:
        return "(" + Translate(*n.left, positive) + " & !" + Translate(*n.right, false) + ")";
    }
    return kNoMatch;
  }

  std::string RankQuery() const {
    std::string q;
    for (const std::string& l : rank_lexemes_) q += (q.empty() ? "" : " | ") + l;
    return q.empty() ? kNoMatch : q;
  }

 private:
  // What FTS5 makes of a string with the tokenizer: a stem string (the marker first) is
  // read in kQueryStem mode, a prefix string in kQueryPrefix mode with its last term a
  // prefix, any other in kQueryExact mode; several terms are a phrase.
  std::string String(const Node& n, bool positive) {
    std::string_view s = n.text;
    TermMode mode = n.prefix ? TermMode::kQueryPrefix : TermMode::kQueryExact;
    if (!s.empty() && s[0] == kStemMarker) {
      mode = TermMode::kQueryStem;
      s.remove_prefix(1);
    }
    PgPhrase p;
    p.prefix = n.prefix;
    for (SearchTerm& t : SearchTerms(lex_, s, mode))
      if (!t.text.empty()) p.terms.push_back(std::move(t.text));
    if (p.terms.empty()) return kNoMatch;
    std::string q;
    for (size_t k = 0; k < p.terms.size(); ++k) {
      std::string lexeme = Quoted(p.terms[k]) + (p.prefix && k + 1 == p.terms.size() ? ":*" : "");
      if (positive) rank_lexemes_.insert(lexeme);
      q += (k ? " <-> " : "") + lexeme;
    }
    if (positive) out_->phrases.push_back(std::move(p));
    return "(" + q + ")";
  }

  const Lexicon& lex_;
  PgSearchQuery* out_;
  std::set<std::string> rank_lexemes_;
};

}  // namespace

Result<PgSearchQuery> ToPgSearchQuery(const Lexicon& lex, std::string_view query) {
  Result<std::string> fts5 = ToFts5Query(query);
  if (!fts5.ok()) return fts5.status();
  Fts5Reader reader(fts5.value());
  Result<std::unique_ptr<Node>> tree = reader.Read();
  if (!tree.ok()) return tree.status();
  if (!reader.AtEnd()) return Status::Internal("search: unexpected end of the FTS5 expression");
  PgSearchQuery out;
  Translator t(lex, &out);
  out.tsquery = t.Translate(*tree.value(), true);
  out.rank_tsquery = t.RankQuery();
  return out;
}

std::string DocumentTsVector(const Lexicon& lex, std::string_view title, std::string_view text,
                             const ReadText* read) {
  // PostgreSQL keeps at most 256 positions of a lexeme.
  constexpr size_t kMaxPositions = 256;
  std::map<std::string, std::vector<std::string>> at;
  int pos = 0;
  auto add = [&](std::string_view column, const char* weight, const ReadText* r) {
    for (SearchTerm& t : r ? SearchTerms(lex, column, *r) : SearchTerms(lex, column, TermMode::kDocument)) {
      if (!t.colocated) ++pos;
      if (t.text.empty()) continue;
      std::vector<std::string>& v = at[std::move(t.text)];
      std::string p = std::to_string(std::min(pos, kMaxTsPosition)) + weight;
      if (v.size() < kMaxPositions && (v.empty() || v.back() != p)) v.push_back(std::move(p));
    }
  };
  add(title, "A", nullptr);
  ++pos;  // the gap: no phrase from the title's last word to the text's first
  add(text, "", read);
  std::string out;
  for (const auto& [lexeme, positions] : at) {
    if (!out.empty()) out.push_back(' ');
    out += Quoted(lexeme);
    for (size_t i = 0; i < positions.size(); ++i) out += (i ? "," : ":") + positions[i];
  }
  return out;
}

namespace {

// One column of the snippet: its words (non-colocated terms) with their terms.
struct Word {
  int start = 0, end = 0;  // bytes
  std::vector<std::string> terms;
};

struct Instance {
  int phrase, col, off;
};

std::vector<Word> Words(const Lexicon& lex, std::string_view text) {
  std::vector<Word> out;
  for (SearchTerm& t : SearchTerms(lex, text, TermMode::kDocument)) {
    if (!t.colocated || out.empty()) out.push_back(Word{t.start, t.end, {}});
    out.back().terms.push_back(std::move(t.text));
  }
  return out;
}

bool Matches(const std::vector<Word>& w, int off, const PgPhrase& p) {
  if (off + p.terms.size() > w.size()) return false;
  for (size_t k = 0; k < p.terms.size(); ++k) {
    const std::string& want = p.terms[k];
    bool prefix = p.prefix && k + 1 == p.terms.size();
    bool found = false;
    for (const std::string& t : w[off + k].terms)
      if (prefix ? t.starts_with(want) : t == want) found = true;
    if (!found) return false;
  }
  return true;
}

// First words of sentences as FTS5's snippet() finds them: the first word, and every word
// after white space that follows «.» or «:».
std::vector<int> SentenceStarts(std::string_view text, const std::vector<Word>& w) {
  std::vector<int> out;
  for (size_t p = 0; p < w.size(); ++p) {
    if (p == 0) {
      out.push_back(0);
      continue;
    }
    int i = w[p].start - 1;
    char c = 0;
    for (; i >= 0; --i) {
      c = text[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    }
    if (i != w[p].start - 1 && (c == '.' || c == ':')) out.push_back(static_cast<int>(p));
  }
  return out;
}

}  // namespace

std::string PgSnippet(const Lexicon& lex, std::string_view title, std::string_view text,
                      const std::vector<PgPhrase>& phrases, const std::string& mark_start,
                      const std::string& mark_end, const std::string& ellipsis, int tokens) {
  const std::string_view cols[2] = {title, text};
  const std::vector<Word> words[2] = {Words(lex, title), Words(lex, text)};
  // Every match of every phrase, by column, offset and phrase (FTS5's xInst order).
  std::vector<Instance> inst;
  for (int c = 0; c < 2; ++c)
    for (int off = 0; off < static_cast<int>(words[c].size()); ++off)
      for (size_t p = 0; p < phrases.size(); ++p)
        if (!phrases[p].terms.empty() && Matches(words[c], off, phrases[p]))
          inst.push_back({static_cast<int>(p), c, off});
  auto size_of = [&](int p) { return static_cast<int>(phrases[p].terms.size()); };

  // fts5SnippetScore: a new phrase in the window counts 1000, a repeated one 1; the
  // window is then centred on its matches.
  auto score = [&](int col, int at, int* adjusted) {
    std::vector<bool> seen(phrases.size());
    long end = static_cast<long>(at) + tokens;
    int n = 0, first = -1, last = 0;
    for (const Instance& x : inst) {
      if (x.col != col || x.off < at || x.off >= end) continue;
      n += seen[x.phrase] ? 1 : 1000;
      seen[x.phrase] = true;
      if (first < 0) first = x.off;
      last = x.off + size_of(x.phrase);
    }
    if (adjusted) {
      int adj = first - (tokens - (last - first)) / 2;
      int size = static_cast<int>(words[col].size());
      if (adj + tokens > size) adj = size - tokens;
      *adjusted = std::max(adj, 0);
    }
    return n;
  };
  int best_score = 0, best_col = 0, best_start = 0;
  for (int c = 0; c < 2; ++c) {
    std::vector<int> firsts = SentenceStarts(cols[c], words[c]);
    int size = static_cast<int>(words[c].size());
    for (const Instance& x : inst) {
      if (x.col != c) continue;
      int adj = 0;
      int n = score(c, x.off, &adj);
      if (n > best_score) {
        best_score = n;
        best_col = c;
        best_start = adj;
      }
      // A window from the start of the match's sentence scores a bonus.
      if (!firsts.empty() && size > tokens) {
        size_t j = 0;
        while (j + 1 < firsts.size() && firsts[j + 1] <= x.off) ++j;
        if (firsts[j] < x.off) {
          n = score(c, firsts[j], nullptr) + (firsts[j] == 0 ? 120 : 100);
          if (n > best_score) {
            best_score = n;
            best_col = c;
            best_start = firsts[j];
          }
        }
      }
    }
  }

  // fts5HighlightCb over the window, matches coalesced where they overlap.
  std::string_view in = cols[best_col];
  const std::vector<Word>& w = words[best_col];
  int col_size = static_cast<int>(w.size());
  size_t next = 0;
  int run_start = -1, run_end = -1;
  auto next_run = [&] {
    run_start = run_end = -1;
    for (; next < inst.size(); ++next) {
      const Instance& x = inst[next];
      if (x.col != best_col) continue;
      int e = x.off - 1 + size_of(x.phrase);
      if (run_start < 0) {
        run_start = x.off;
        run_end = e;
      } else if (x.off <= run_end) {
        run_end = std::max(run_end, e);
      } else {
        break;
      }
    }
  };
  next_run();
  while (run_start >= 0 && run_start < best_start) next_run();

  std::string out;
  if (best_start > 0) out += ellipsis;
  int range_end = best_start + tokens - 1;
  size_t off = 0;
  bool open = false;
  auto copy_to = [&](int byte) {
    if (static_cast<size_t>(byte) > off) out.append(in.substr(off, byte - off));
    off = std::max(off, static_cast<size_t>(byte));
  };
  for (int pos = 0; pos < col_size; ++pos) {
    if (pos < best_start || pos > range_end) continue;
    const Word& x = w[pos];
    if (best_start && pos == best_start) off = x.start;
    if (open && (pos <= run_start || run_start < 0) && static_cast<size_t>(x.start) > off) {
      out += mark_end;
      open = false;
    }
    if (pos == run_start && !open) {
      copy_to(x.start);
      out += mark_start;
      open = true;
    }
    if (pos == run_end) {
      if (!open) {
        out += mark_start;
        open = true;
      }
      copy_to(x.end);
      next_run();
    }
    if (pos == range_end) {
      if (open) {
        if (run_start >= 0 && pos >= run_start) copy_to(x.end);
        out += mark_end;
        open = false;
      }
      copy_to(x.end);
    }
  }
  if (open) out += mark_end;
  if (range_end >= col_size - 1)
    copy_to(static_cast<int>(in.size()));
  else
    out += ellipsis;
  return out;
}

}  // namespace hadath
