// Tokenizer and sentence splitter over the match form of a document.
// Tokens carry match-form offsets and original-text offsets (code points).
#ifndef HADATH_SRC_TOKENIZE_TOKENIZER_H_
#define HADATH_SRC_TOKENIZE_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "include/hadath/document.h"
#include "src/normalize/normalizer.h"

namespace hadath {

// kDate: numeric dates «2023/09/20», «20-9-2023», «15-7»; kTime: «15:30»; kSymbol:
// hashtags and mentions; kUrl: URLs and e-mail addresses.
enum class TokKind { kArabic, kLatin, kNumber, kPunct, kSymbol, kUrl, kDate, kTime };

// One piece of a clitic-segmented token (CoNLL-U word).
struct Piece {
  int mstart = 0, mend = 0;  // match-form span inside the token
  std::u32string restored;   // restored form (لل → ال: «لصحافيين» restored «الصحافيين»)
  bool add_alef = false;     // the restored form is ا + the surface («لصحافيين»)
  bool ta_marbuta = false;   // the surface's final ت is a ة («حكومت» of «حكومته»)
};

struct Token {
  int mstart = 0, mend = 0;  // match form span
  int start = 0, end = 0;    // original text span
  TokKind kind = TokKind::kPunct;
  std::u32string form;       // match form
  bool space_after = true;
  // Filled by the segmenter:
  // Lexical key: clitics removed, restored («حكومة» of «حكومته», «الصحافيين»); the form
  // itself when nothing was split (key_ stays empty then, to save an allocation).
  std::u32string key_;
  const std::u32string& Key() const { return key_.empty() ? form : key_; }
  std::u32string proclitics; // the removed proclitic letters, e.g. U"وب"
  bool future = false;       // س/سـ proclitic on an imperfect verb
  bool enclitic = false;     // a pronoun suffix was split off («إليها», «حكومته»)
  std::vector<Piece> pieces; // >1 when clitics were split
  uint64_t hkey = 0, hform = 0;  // Lexicon::WordHash of key and form (HashTokens)
  uint8_t fmax_key = 0, fmax_form = 0;  // longest lexicon phrase starting with key / form
};

struct Sentence {
  int begin = 0, end = 0;    // token index range
  int start = 0, stop = 0;   // original text span
  Section section = Section::kBody;
};

// Splits the whole match form into tokens.
std::vector<Token> Tokenize(const NormText& text);

// Splits tokens into sentences; sentences never cross blocks (lines of the reader).
// `blocks` are in original offsets; an empty list means one body block.
std::vector<Sentence> SplitSentences(const NormText& text, const std::vector<Token>& tokens,
                                     const std::vector<Block>& blocks, size_t max_tokens);

bool IsQuoteChar(char32_t c);
bool IsTerminal(char32_t c);

}  // namespace hadath

#endif  // HADATH_SRC_TOKENIZE_TOKENIZER_H_
