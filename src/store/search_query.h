// The user's search syntax, translated into an FTS5 MATCH expression over the index of
// fts_arabic.h (doc/formats/search.md):
//   words              all required; each matches its exact form (any spelling, clitics
//                      removed) or, ranked lower, its stem
//   "a phrase" «…»     these words in this order, exact forms only
//   A OR B, A NOT B    alternatives and exclusion (AND is implied, and may be written)
//   ( … )              grouping
//   prefix*            words starting with the prefix (normalized, not segmented)
// The result is bound as a parameter, never spliced into SQL; every piece of user text
// in it is inside an FTS5 string, so no user text is read as FTS5 syntax.
#ifndef HADATH_SRC_STORE_SEARCH_QUERY_H_
#define HADATH_SRC_STORE_SEARCH_QUERY_H_

#include <string>
#include <string_view>

#include "include/hadath/status.h"

namespace hadath {

// Resource limits: a query is typed by a person; anything larger is hostile.
inline constexpr size_t kMaxQueryBytes = 4096;
inline constexpr int kMaxQueryTerms = 64;
inline constexpr int kMaxQueryNesting = 16;

// The FTS5 expression of `query`, or InvalidInput naming the problem and its position
// (in characters, from 1): unbalanced quotes or parentheses, an operator without a term
// on each side, no searchable word, invalid UTF-8, a query over the limits.
Result<std::string> ToFts5Query(std::string_view query);

}  // namespace hadath

#endif  // HADATH_SRC_STORE_SEARCH_QUERY_H_
