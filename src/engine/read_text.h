// A document's text as the engine read it: normalized (with the offset map), tokenized
// and clitic-segmented. Engine::Analyze hands it over so that whatever else reads the
// text the engine's way — the store's search index — need not read it again.
#ifndef HADATH_SRC_ENGINE_READ_TEXT_H_
#define HADATH_SRC_ENGINE_READ_TEXT_H_

#include <cstddef>
#include <vector>

#include "src/normalize/normalizer.h"
#include "src/tokenize/tokenizer.h"

namespace hadath {

struct ReadText {
  size_t bytes = 0;  // the size of the UTF-8 text read (Document::text)
  NormText norm;
  std::vector<Token> tokens;  // segmented
};

}  // namespace hadath

#endif  // HADATH_SRC_ENGINE_READ_TEXT_H_
