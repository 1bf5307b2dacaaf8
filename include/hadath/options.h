// Options for the engine. Every field documents its default.
#ifndef HADATH_OPTIONS_H_
#define HADATH_OPTIONS_H_

#include <cstddef>
#include <string>

namespace hadath {

struct Options {
  // Path of the compiled lexicon bundle. Empty (default): $HADATH_BUNDLE, then
  // hadath.lex beside the executable, then ../share/hadath/hadath.lex.
  std::string bundle_path;
  // Documents larger than this are rejected with an error naming the input. Default 4 MiB
  // (a long news article is under 100 KiB; analysis needs ~80 bytes of memory per byte).
  size_t max_document_bytes = 4u << 20;
  // Sentences are cut after this many tokens (runaway text without punctuation). Default 400.
  size_t max_tokens_per_sentence = 400;
  // Publication date used when a document carries none (YYYY-MM-DD). Default: none, and
  // relative expressions then stay unresolved; the clock is never read.
  std::string default_date;
};

}  // namespace hadath

#endif  // HADATH_OPTIONS_H_
