// Clitic segmentation for MSA news. Proclitics و/ف, the future marker س on imperfect
// verbs, and ب/ل/ك (with لل = ل + ال) are split only when the rest is a known word
// or name; names and listed words are never split. Enclitic pronouns come later
// (issue 3). Thread-safe: the lexicon is immutable.
#ifndef HADATH_SRC_SEGMENT_SEGMENTER_H_
#define HADATH_SRC_SEGMENT_SEGMENTER_H_

#include <vector>

#include "src/lexicon/lexicon.h"
#include "src/tokenize/tokenizer.h"

namespace hadath {

class Segmenter {
 public:
  explicit Segmenter(const Lexicon& lex) : lex_(lex) {}
  // Fills key/proclitics/future/pieces of every Arabic token.
  void Segment(std::vector<Token>* tokens) const;
  void SegmentToken(Token* t) const;

 private:
  bool Known(const std::u32string& w) const;
  const Lexicon& lex_;
};

}  // namespace hadath

#endif  // HADATH_SRC_SEGMENT_SEGMENTER_H_
