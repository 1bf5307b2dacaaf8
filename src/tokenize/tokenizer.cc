#include "src/tokenize/tokenizer.h"

#include <algorithm>

namespace hadath {
namespace {

bool IsDecimalSep(char32_t c) { return c == '.' || c == ',' || c == 0x066B || c == 0x066C; }

bool IsWordChar(char32_t c) { return IsArabicLetter(c) || IsLatinLetter(c); }

// Length of a URL or e-mail starting at i, 0 if none.
size_t UrlLength(const std::u32string& s, size_t i) {
  auto starts = [&](const char* p) {
    size_t k = 0;
    for (; p[k]; ++k)
      if (i + k >= s.size() || s[i + k] != static_cast<char32_t>(p[k])) return false;
    return true;
  };
  if (!(starts("http://") || starts("https://") || starts("www."))) return 0;
  size_t j = i;
  while (j < s.size() && !IsSpace(s[j]) && s[j] != 0x060C && s[j] != '"' && s[j] != 0xAB &&
         s[j] != 0xBB)
    ++j;
  while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == ')')) --j;
  return j - i;
}

// Length of an e-mail address starting at i (user@domain.tld), 0 if none.
size_t EmailLength(const std::u32string& s, size_t i) {
  auto local = [](char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '+';
  };
  if (i > 0 && local(s[i - 1])) return 0;
  size_t j = i;
  while (j < s.size() && local(s[j])) ++j;
  if (j == i || j >= s.size() || s[j] != '@') return 0;
  size_t k = j + 1, dot = 0;
  while (k < s.size() && (local(s[k]) && s[k] != '+')) {
    if (s[k] == '.') dot = k;
    ++k;
  }
  while (k > j + 1 && s[k - 1] == '.') --k;  // a sentence-final period is not the domain's
  if (!dot || dot + 2 >= k) return 0;
  return k - i;
}

// Numeric dates and times starting at i: d/m/yyyy, yyyy-mm-dd, d.m.yyyy, d-m, hh:mm[:ss].
// Returns the end index (i when none) and the kind.
size_t DateTimeLength(const std::u32string& s, size_t i, TokKind* kind) {
  auto digits = [&](size_t a) {
    size_t b = a;
    while (b < s.size() && IsAsciiDigit(s[b])) ++b;
    return b - a;
  };
  size_t d1 = digits(i), a = i + d1;
  if (d1 == 0 || d1 > 4 || a + 1 >= s.size()) return i;
  char32_t sep = s[a];
  if (sep == ':' && d1 <= 2) {
    size_t d2 = digits(a + 1);
    if (d2 != 2) return i;
    size_t e = a + 1 + d2;
    if (e + 2 < s.size() && s[e] == ':' && digits(e + 1) == 2) e += 3;
    if (e < s.size() && IsAsciiDigit(s[e])) return i;
    *kind = TokKind::kTime;
    return e;
  }
  if (sep != '/' && sep != '-' && sep != '.') return i;
  size_t d2 = digits(a + 1);
  if (d2 == 0 || d2 > 2) return i;
  size_t b = a + 1 + d2;
  if (b + 1 < s.size() && s[b] == sep) {
    size_t d3 = digits(b + 1);
    if ((d3 == 4 && d1 <= 2) || (d3 >= 1 && d3 <= 2 && d1 == 4)) {
      *kind = TokKind::kDate;
      return b + 1 + d3;
    }
    return i;
  }
  // Two parts: «15-7», «9/11» — a day and a month; not a decimal («3.5») nor a range of years.
  if (sep != '.' && d1 <= 2 && (b >= s.size() || !IsAsciiDigit(s[b]))) {
    int day = 0, month = 0;
    for (size_t k = i; k < a; ++k) day = day * 10 + static_cast<int>(s[k] - '0');
    for (size_t k = a + 1; k < b; ++k) month = month * 10 + static_cast<int>(s[k] - '0');
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      *kind = TokKind::kDate;
      return b;
    }
  }
  return i;
}

}  // namespace

bool IsQuoteChar(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB || c == 0x201E ||
         c == 0x2039 || c == 0x203A || c == '\'' || c == 0x2018 || c == 0x2019;
}

bool IsTerminal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026;
}

std::vector<Token> Tokenize(const NormText& text) {
  const std::u32string& s = text.match;
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 16);
  size_t i = 0, n = s.size();
  const std::u32string& o = text.original;
  int prev_end = 0;
  auto push = [&](size_t a, size_t b, TokKind k) {
    Token t;
    t.mstart = static_cast<int>(a);
    t.mend = static_cast<int>(b);
    t.start = text.OrigStart(t.mstart);
    t.end = text.OrigEnd(t.mend);
    // Marks dropped from the match form (tatweel, bidi, zero-width) belong to the token
    // they touch, so token forms spell the original text exactly.
    while (t.start > prev_end && IsIgnorable(o[t.start - 1])) --t.start;
    while (static_cast<size_t>(t.end) < o.size() && IsIgnorable(o[t.end])) ++t.end;
    if (!out.empty() && t.start < prev_end) {
      // Came from the same original character cluster as the previous token (a stray
      // combining mark, a ligature): it is part of that token.
      Token& p = out.back();
      p.mend = t.mend;
      p.end = std::max(p.end, t.end);
      p.form = s.substr(p.mstart, p.mend - p.mstart);
      p.key_.clear();
      p.space_after = b >= n || IsSpace(s[b]);
      prev_end = p.end;
      return;
    }
    prev_end = t.end;
    t.kind = k;
    t.form = s.substr(a, b - a);
    t.space_after = b >= n || IsSpace(s[b]);
    out.push_back(std::move(t));
  };
  while (i < n) {
    char32_t c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (size_t u = UrlLength(s, i)) {
      push(i, i + u, TokKind::kUrl);
      i += u;
      continue;
    }
    if (size_t e = EmailLength(s, i)) {
      push(i, i + e, TokKind::kUrl);
      i += e;
      continue;
    }
    TokKind dt_kind = TokKind::kNumber;
    if (IsArabicLetter(c)) {
      while (j < n && IsArabicLetter(s[j])) ++j;
      push(i, j, TokKind::kArabic);
    } else if (IsLatinLetter(c)) {
      while (j < n && (IsLatinLetter(s[j]) || IsAsciiDigit(s[j]))) ++j;
      push(i, j, TokKind::kLatin);
    } else if (IsAsciiDigit(c) && (j = DateTimeLength(s, i, &dt_kind)) > i) {
      push(i, j, dt_kind);
    } else if (IsAsciiDigit(c)) {
      j = i + 1;
      while (j < n) {
        if (IsAsciiDigit(s[j])) {
          ++j;
        } else if (IsDecimalSep(s[j]) && j + 1 < n && IsAsciiDigit(s[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      push(i, j, TokKind::kNumber);
    } else if (c == '.' && j < n && s[j] == '.') {
      while (j < n && s[j] == '.') ++j;
      push(i, j, TokKind::kPunct);
    } else if (c == '@' || c == '#') {
      while (j < n && (IsWordChar(s[j]) || IsAsciiDigit(s[j]) || s[j] == '_')) ++j;
      push(i, j, j > i + 1 ? TokKind::kSymbol : TokKind::kPunct);
    } else {
      push(i, j, TokKind::kPunct);
    }
    i = j;
  }
  return out;
}

namespace {

bool IsAbbreviation(const Token& t) {
  if (t.kind == TokKind::kArabic && t.form.size() == 1) return true;  // initials: د. م. أ.
  if (t.kind == TokKind::kLatin && t.form.size() == 1) return true;
  static const char32_t* kAbbr[] = {U"ص", U"ق", U"هـ", U"مج", U"ج", U"dr", U"mr", U"st", U"no"};
  for (const char32_t* a : kAbbr)
    if (t.form == a) return true;
  return false;
}

bool IsClosing(char32_t c) {
  return c == 0xBB || c == 0x201D || c == ')' || c == ']' || c == 0x2019 || c == 0x203A;
}

}  // namespace

std::vector<Sentence> SplitSentences(const NormText& text, const std::vector<Token>& tokens,
                                     const std::vector<Block>& blocks_in, size_t max_tokens) {
  std::vector<Block> blocks = blocks_in;
  if (blocks.empty()) {  // no reader sections: every line is a block of the body
    const std::u32string& o = text.original;
    size_t a = 0;
    while (a <= o.size()) {
      size_t b = o.find(U'\n', a);
      if (b == std::u32string::npos) b = o.size();
      if (b > a) blocks.push_back({static_cast<int>(a), static_cast<int>(b), Section::kBody});
      if (b == o.size()) break;
      a = b + 1;
    }
  }
  std::vector<Sentence> out;
  size_t t = 0;
  for (const Block& b : blocks) {
    while (t < tokens.size() && tokens[t].start < b.start) ++t;  // tokens outside blocks
    size_t first = t;
    auto close = [&](size_t a, size_t e) {
      if (e <= a) return;
      Sentence s;
      s.begin = static_cast<int>(a);
      s.end = static_cast<int>(e);
      s.start = tokens[a].start;
      s.stop = tokens[e - 1].end;
      s.section = b.section;
      out.push_back(s);
    };
    int dq = 0;  // ASCII double quotes seen in the current sentence
    while (t < tokens.size() && tokens[t].start < b.end) {
      const Token& tk = tokens[t];
      if (tk.kind == TokKind::kPunct && tk.form.size() == 1 && tk.form[0] == '"') ++dq;
      bool end_here = false;
      if (tk.kind == TokKind::kPunct && IsTerminal(tk.form[0])) {
        end_here = true;
        if (tk.form == U"." && t > first && IsAbbreviation(tokens[t - 1]) && !tokens[t - 1].space_after)
          end_here = false;
      }
      if (t + 1 - first >= max_tokens) end_here = true;
      ++t;
      if (end_here) {
        // Absorb further terminals and closing quotes/brackets.
        while (t < tokens.size() && tokens[t].start < b.end && tokens[t].kind == TokKind::kPunct) {
          char32_t c = tokens[t].form[0];
          if (IsTerminal(c) || IsClosing(c)) {
            ++t;
          } else if (c == '"' && dq % 2 == 1) {
            ++dq;
            ++t;
          } else {
            break;
          }
        }
        close(first, t);
        first = t;
        dq = 0;
      }
    }
    close(first, t);
  }
  return out;
}

}  // namespace hadath
