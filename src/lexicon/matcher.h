// Longest match of lexicon phrases over segmented tokens: the first token matches by
// its lexical key (clitics stripped) or its whole form, later tokens by form or key.
#ifndef HADATH_SRC_LEXICON_MATCHER_H_
#define HADATH_SRC_LEXICON_MATCHER_H_

#include <functional>
#include <vector>

#include "src/lexicon/lexicon.h"
#include "src/tokenize/tokenizer.h"

namespace hadath {

struct LexMatch {
  const LexEntry* entry = nullptr;
  int ntokens = 0;
  bool via_key = false;  // the first token matched after stripping proclitics
};

// Fills Token::hkey/hform/fmax_*; call once after segmentation, before MatchAt.
void HashTokens(const Lexicon& lex, std::vector<Token>* tokens);

// Longest entry starting at token i (tokens [i, end)) accepted by `want`.
// With `enclitics`, a single-token phrase may also match after removing a pronoun
// suffix («اتصالاتنا» → «اتصالات»); used for event triggers, never for names.
LexMatch MatchAt(const Lexicon& lex, const std::vector<Token>& toks, int i, int end,
                 const std::function<bool(const LexEntry&)>& want, bool enclitics = false);
// Several MatchAt (without enclitics) in one walk over the phrases at token i: out[j] is
// MatchAt(lex, toks, i, end, wants[j]).
using LexPredicate = bool (*)(const LexEntry&);
void MatchAtEach(const Lexicon& lex, const std::vector<Token>& toks, int i, int end, const LexPredicate* wants,
                 LexMatch* out, int n);

}  // namespace hadath

#endif  // HADATH_SRC_LEXICON_MATCHER_H_
