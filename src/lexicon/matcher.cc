#include "src/lexicon/matcher.h"

#include <algorithm>

namespace hadath {

LexMatch MatchAt(const Lexicon& lex, const std::vector<Token>& toks, int i, int end,
                 const std::function<bool(const LexEntry&)>& want) {
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
  return best;
}

}  // namespace hadath
