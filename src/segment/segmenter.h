// Clitic segmentation for MSA news. Proclitics و/ف, the future marker س on imperfect
// verbs, ب/ل/ك (with لل = ل + ال), and enclitic pronouns (ه ها هما هم هن ك كما كم كن
// ي ني نا) are split only when what remains is a known word or name (the known-word list
// of the bundle, generated from aspell-ar-large and hunspell-ar, plus our lexicons), a
// closed-class particle, or a definite noun; names and listed words are never split.
// Decisions are memoised per word form (thread-local cache). Thread-safe.
#ifndef HADATH_SRC_SEGMENT_SEGMENTER_H_
#define HADATH_SRC_SEGMENT_SEGMENTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"
#include "src/tokenize/tokenizer.h"

namespace hadath {

// How one word form splits (letters counted in the match form).
struct SegAnalysis {
  uint8_t conj = 0;       // و or ف
  uint8_t future = 0;     // س
  uint8_t prep = 0;       // ب ل ك
  bool lil = false;       // ل + ال written «لل»: the stem is restored with ا
  uint8_t enclitic = 0;   // length of the pronoun suffix
  bool ta = false;        // the stem's final ت is a ة before the suffix («حكومته»)
  bool split() const { return conj || future || prep || enclitic; }
};

class Segmenter {
 public:
  explicit Segmenter(const Lexicon& lex) : lex_(lex) {}
  // Fills key/proclitics/future/pieces of every Arabic token.
  void Segment(std::vector<Token>* tokens, const NormText& text) const;
  // `seg` is the token's segmentation form (SegFormOf).
  void SegmentToken(Token* t, const std::u32string& seg) const;
  // How a word in segmentation form splits.
  SegAnalysis Analyze(const std::u32string& w) const;

  // Known as a word (segmentation form), also inflected (plural and verbal suffixes,
  // imperfect prefixes).
  bool KnownInflected(const std::u32string& w) const;

 private:
  bool Known(const std::u32string& w) const;
  SegAnalysis AnalyzeUncached(const std::u32string& w) const;
  SegAnalysis AnalyzeAfterConj(const std::u32string& w, bool after_conj) const;
  void Apply(Token* t, const std::u32string& w, const SegAnalysis& a) const;
  int Enclitic(const std::u32string& s, bool* ta) const;
  const Lexicon& lex_;
};

// Light stem of a match-form lexical key, for search: the article and one plural,
// dual, feminine or nisba suffix removed, at least three letters kept («الرئاسة» →
// «رئاس», «المفاوضات» → «مفاوض»). Names and lexicon words (protected) are never stemmed.
std::u32string LightStem(const Lexicon& lex, const std::u32string& key);

}  // namespace hadath

#endif  // HADATH_SRC_SEGMENT_SEGMENTER_H_
