// The Arabic tokenizer of the full-text search index: the FTS5 tokenizer "hadath"
// (doc/formats/search.md). Each word is indexed as one exact term, the match form of its
// clitic-segmented stem («وروسيا», «لروسيا» → «روسيا»; «٢٠٢٣» → «2023»), and, for
// ordinary words only (never names), a colocated stem term that starts with kStemMarker
// («الرئيس», «رئيس», «الرئاسة» → «~رئس»). Term offsets are bytes into the UTF-8 text
// given, spanning the whole original word, so highlight() and snippet() mark what the
// reader wrote. The same code reads query strings, so a query may use any spelling.
// Thread-safe: stateless apart from the lexicon, which is immutable.
#ifndef HADATH_SRC_STORE_FTS_ARABIC_H_
#define HADATH_SRC_STORE_FTS_ARABIC_H_

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "include/hadath/status.h"
#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"

namespace hadath {

// The name the index's CREATE VIRTUAL TABLE uses.
inline constexpr char kSearchTokenizerName[] = "hadath";
// Changes whenever the same text may yield different terms: an index built by another
// version (or with another lexicon bundle) is rebuilt on open, since FTS5 deletes a
// document's terms by tokenizing its stored text again.
inline constexpr int kSearchTokenizerVersion = 1;
// First byte of every stem term; exact terms start with a letter or digit.
inline constexpr char kStemMarker = '~';

struct SearchTerm {
  std::string text;
  int start = 0, end = 0;  // bytes into the UTF-8 text given, end exclusive
  bool colocated = false;  // a stem at the position of the term before it
};

enum class TermMode {
  kDocument,     // exact terms, each followed by its colocated stem when it has one
  kQueryExact,   // exact terms only (a stem alternative is asked for separately)
  kQueryStem,    // one stem term per word (the exact key with kStemMarker for names)
  kQueryPrefix,  // the match form of each word, unsegmented: a prefix is no whole word
  kPositions,    // where the words are: the document's exact terms, their text left empty
                 // (snippet() and highlight() read only positions and offsets)
};

// The terms of `utf8` (invalid bytes are read as U+FFFD and index nothing).
std::vector<SearchTerm> SearchTerms(const Lexicon& lex, std::string_view utf8, TermMode mode);
// The document terms of `utf8` from the engine's reading of it (Engine::Analyze): the
// same terms, without normalizing, tokenizing and segmenting the text again.
struct ReadText;
std::vector<SearchTerm> SearchTerms(const Lexicon& lex, std::string_view utf8, const ReadText& read);

// A character the index makes terms of (in match form): letters and digits.
inline bool IsSearchable(char32_t c) {
  return IsArabicLetter(c) || IsLatinLetter(c) || IsAsciiDigit(c);
}

// Terms computed ahead of time (on another thread) for a text the index is about to
// read: while a ScopedSearchTerms is alive on a thread, the tokenizer answers a document
// tokenization of exactly `text` on that thread with `terms` instead of reading it again.
struct PretokenizedText {
  std::string text;
  std::vector<SearchTerm> terms;
};
class ScopedSearchTerms {
 public:
  explicit ScopedSearchTerms(const std::vector<PretokenizedText>* texts);
  ~ScopedSearchTerms();
  ScopedSearchTerms(const ScopedSearchTerms&) = delete;
  ScopedSearchTerms& operator=(const ScopedSearchTerms&) = delete;

 private:
  const std::vector<PretokenizedText>* previous_;
};

// Registers the tokenizer on `db`; the connection keeps `lex` alive until it closes.
Status RegisterSearchTokenizer(sqlite3* db, std::shared_ptr<const Lexicon> lex);

}  // namespace hadath

#endif  // HADATH_SRC_STORE_FTS_ARABIC_H_
