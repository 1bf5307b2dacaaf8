#include "src/lexicon/matcher.h"

#include <algorithm>

namespace hadath {

LexMatch MatchAt(const Lexicon& lex, const std::vector<Token>& toks, int i, int end,
                 const std::function<bool(const LexEntry&)>& want, bool enclitics) {
  LexMatch best;
  if (i >= end) return best;
  const Token& first = toks[i];
  if (first.kind == TokKind::kPunct) return best;
  int maxn = std::min(lex.max_phrase_tokens(), end - i);
  std::u32string phrase;
  for (int n = maxn; n >= 1; --n) {
    // Phrases do not cross punctuation other than '.', '/', '-' inside names.
    bool ok = true;
    for (int k = i + 1; k < i + n && ok; ++k)
      if (toks[k].kind == TokKind::kPunct && toks[k].form != U"." && toks[k].form != U"-") ok = false;
    if (!ok) continue;
    for (int first_key = 1; first_key >= 0; --first_key) {
      if (!first_key && first.key == first.form) continue;
      for (int rest_key = 0; rest_key <= (n > 1 ? 1 : 0); ++rest_key) {
        phrase = first_key ? first.key : first.form;
        for (int k = i + 1; k < i + n; ++k) {
          phrase += U' ';
          phrase += rest_key ? toks[k].key : toks[k].form;
        }
        const std::vector<LexEntry>* v = lex.Lookup(phrase);
        if (!v) continue;
        for (const LexEntry& e : *v) {
          if (!want(e)) continue;
          best.entry = &e;
          best.ntokens = n;
          best.via_key = first_key && first.key != first.form;
          return best;
        }
      }
    }
  }
  if (enclitics && first.kind == TokKind::kArabic) {
    static const std::u32string kSuffixes[] = {U"\u0647\u0645\u0627", U"\u0643\u0645\u0627", U"\u0647\u0645",
                                              U"\u0647\u0646", U"\u0643\u0645", U"\u0646\u0627",
                                              U"\u0647\u0627", U"\u0647", U"\u0643"};
    for (const std::u32string& suf : kSuffixes) {
      const std::u32string& k = first.key;
      if (k.size() < suf.size() + 3 || k.compare(k.size() - suf.size(), suf.size(), suf) != 0) continue;
      std::u32string stem = k.substr(0, k.size() - suf.size());
      if (!stem.empty() && stem.back() == U'\u062A' && suf != U"\u0643") {
        // «حكومته» → حكومة: a feminine noun's ta marbuta becomes ta before a suffix.
        const std::vector<LexEntry>* v = lex.Lookup(stem.substr(0, stem.size() - 1) + U"\u0647");
        if (v)
          for (const LexEntry& e : *v)
            if (e.ntokens == 1 && want(e)) return {&e, 1, true};
      }
      if (const std::vector<LexEntry>* v = lex.Lookup(stem))
        for (const LexEntry& e : *v)
          if (e.ntokens == 1 && want(e)) return {&e, 1, true};
    }
  }
  return best;
}

}  // namespace hadath
