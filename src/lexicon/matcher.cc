#include "src/lexicon/matcher.h"

#include <algorithm>

#include "src/normalize/normalizer.h"

namespace hadath {

void HashTokens(const Lexicon& lex, std::vector<Token>* tokens) {
  for (Token& t : *tokens) {
    t.hform = Lexicon::WordHash(t.form);
    t.hkey = t.Key() == t.form ? t.hform : Lexicon::WordHash(t.Key());
    t.fmax_key = static_cast<uint8_t>(std::min(255, lex.FirstMax(t.hkey)));
    t.fmax_form = t.hkey == t.hform ? 0 : static_cast<uint8_t>(std::min(255, lex.FirstMax(t.hform)));
  }
}

namespace {

// Does `key` spell tokens [i, i+n) (first by key or form, the rest by key or form)?
bool Spells(std::u32string_view key, const std::vector<Token>& toks, int i, int n, bool first_key,
            bool rest_key) {
  size_t a = 0;
  for (int k = 0; k < n; ++k) {
    const std::u32string& w = (k == 0 ? first_key : rest_key) ? toks[i + k].Key() : toks[i + k].form;
    if (key.compare(a, w.size(), w) != 0) return false;
    a += w.size();
    if (k + 1 < n) {
      if (a >= key.size() || key[a] != U' ') return false;
      ++a;
    }
  }
  return a == key.size();
}

// The phrases starting at token i, longest first, the first token by key before by form,
// the rest by form before by key: calls visit(key, entries, n, first_key, rest_key) for
// each candidate phrase with a matching hash, until visit returns true. Phrases do not
// cross punctuation other than '.' and '-' inside names.
template <typename Visit>
void WalkPhrases(const Lexicon& lex, const std::vector<Token>& toks, int i, int end, Visit visit) {
  if (i >= end) return;
  const Token& first = toks[i];
  if (first.kind == TokKind::kPunct) return;
  const int max_key = first.fmax_key, max_form = first.fmax_form;
  const int maxn = std::min(std::max(max_key, max_form), end - i);
  for (int n = maxn; n >= 1; --n) {
    bool ok = true;
    for (int k = i + 1; k < i + n && ok; ++k)
      if (toks[k].kind == TokKind::kPunct && toks[k].form != U"." && toks[k].form != U"-") ok = false;
    if (!ok) continue;
    for (int first_key = 1; first_key >= 0; --first_key) {
      if (!first_key && first.hkey == first.hform) continue;
      if ((first_key ? max_key : max_form) < n) continue;
      for (int rest_key = 0; rest_key <= (n > 1 ? 1 : 0); ++rest_key) {
        uint64_t h = first_key ? first.hkey : first.hform;
        bool same = true;
        for (int k = i + 1; k < i + n; ++k) {
          h = Lexicon::Combine(h, rest_key ? toks[k].hkey : toks[k].hform);
          same &= toks[k].hkey == toks[k].hform;
        }
        if (rest_key && same) continue;  // identical to the rest-by-form attempt
        bool stop = false;
        lex.ForCandidates(h, [&](std::u32string_view key, Lexicon::EntryList entries) {
          if (!stop && Spells(key, toks, i, n, first_key, rest_key)) stop = visit(entries, n, first_key != 0);
        });
        if (stop) return;
      }
    }
  }
}

}  // namespace

void MatchAtEach(const Lexicon& lex, const std::vector<Token>& toks, int i, int end, const LexPredicate* wants,
                 LexMatch* out, int nwant) {
  for (int j = 0; j < nwant; ++j) out[j] = LexMatch{};
  if (i >= end) return;
  const bool via = toks[i].Key() != toks[i].form;
  int left = nwant;
  // Each want keeps the first entry it accepts in MatchAt's order.
  WalkPhrases(lex, toks, i, end, [&](Lexicon::EntryList entries, int n, bool first_key) {
    for (int j = 0; j < nwant; ++j) {
      if (out[j].entry) continue;
      for (const LexEntry& e : entries)
        if (wants[j](e)) {
          out[j] = LexMatch{&e, n, first_key && via};
          --left;
          break;
        }
    }
    return left == 0;
  });
}

LexMatch MatchAt(const Lexicon& lex, const std::vector<Token>& toks, int i, int end,
                 const std::function<bool(const LexEntry&)>& want, bool enclitics) {
  LexMatch best;
  if (i >= end) return best;
  const Token& first = toks[i];
  if (first.kind == TokKind::kPunct) return best;
  WalkPhrases(lex, toks, i, end, [&](Lexicon::EntryList entries, int n, bool first_key) {
    for (const LexEntry& e : entries)
      if (want(e)) {
        best = LexMatch{&e, n, first_key && first.Key() != first.form};
        return true;
      }
    return false;
  });
  if (best.entry) return best;
  // Demonstratives and adverbs of place end in what looks like an object pronoun:
  // «هناك» is no «هنأ» + ك, «ذلك» no «ذل» + ك.
  static const WordSet kWhole = MatchFormSet({"هناك", "هنالك", "ذلك", "تلك", "كذلك", "لذلك", "بذلك",
                                              "أولئك", "هكذا", "إياه", "إياها", "إياهم", "لديه", "لديها",
                                              "لديهم", "عليه", "عليها", "عليهم", "إليه", "إليها", "إليهم"});
  if (enclitics && first.kind == TokKind::kArabic && first.Key().size() >= 4) {
    // (The whole words are asked about only once a stem matched: most tokens never do.)
    auto take = [&](const LexEntry& e) { return kWhole.count(first.Key()) ? best : LexMatch{&e, 1, true}; };
    static const std::u32string kSuffixes[] = {U"\u0647\u0645\u0627", U"\u0643\u0645\u0627", U"\u0647\u0645",
                                              U"\u0647\u0646", U"\u0643\u0645", U"\u0646\u0627",
                                              U"\u0647\u0627", U"\u0647", U"\u0643"};
    // The accusative's alif of an indefinite noun: «نفذوا اعتصاما», «فرضت حصارا».
    if (const std::u32string& k = first.Key(); k.size() >= 5 && k.back() == U'\u0627') {
      if (Lexicon::EntryList v = lex.Lookup(k.substr(0, k.size() - 1)))
        for (const LexEntry& e : v)
          if (e.ntokens == 1 && want(e)) return take(e);
    }
    for (const std::u32string& suf : kSuffixes) {
      const std::u32string& k = first.Key();
      if (k.size() < suf.size() + 3 || k.compare(k.size() - suf.size(), suf.size(), suf) != 0) continue;
      std::u32string stem = k.substr(0, k.size() - suf.size());
      if (!stem.empty() && stem.back() == U'\u062A' && suf != U"\u0643") {
        // «حكومته» → حكومة: a feminine noun's ta marbuta becomes ta before a suffix.
        Lexicon::EntryList v = lex.Lookup(stem.substr(0, stem.size() - 1) + U"\u0647");
        if (v)
          for (const LexEntry& e : v)
            if (e.ntokens == 1 && want(e)) return take(e);
      }
      if (Lexicon::EntryList v = lex.Lookup(stem))
        for (const LexEntry& e : v)
          if (e.ntokens == 1 && want(e)) return take(e);
    }
  }
  return best;
}

}  // namespace hadath
