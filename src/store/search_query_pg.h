// Full-text search in PostgreSQL with the terms of the SQLite index (fts_arabic.h), so
// both stores answer a query alike (doc/formats/postgresql.md). The index is a tsvector
// built here from SearchTerms() (kDocument), not by a text search configuration: exact
// terms and their colocated stems at one position, the title (weight A) before the text
// (weight D) with a gap, so no phrase spans both. A query is parsed by ToFts5Query()
// (search_query.h: one syntax, one set of errors) and its FTS5 expression read back into
// a tsquery whose strings the same tokenizer turns into lexemes. Snippets follow FTS5's
// snippet() step by step, computed from the stored text. Thread-safe: no state.
#ifndef HADATH_SRC_STORE_SEARCH_QUERY_PG_H_
#define HADATH_SRC_STORE_SEARCH_QUERY_PG_H_

#include <string>
#include <string_view>
#include <vector>

#include "include/hadath/status.h"
#include "src/lexicon/lexicon.h"

namespace hadath {

// tsvector positions stop here (PostgreSQL's limit): later words share the last position,
// so they are found but take part in no phrase.
inline constexpr int kMaxTsPosition = 16383;

// A string of the query: its terms in order, the last one a prefix when `prefix`.
struct PgPhrase {
  std::vector<std::string> terms;
  bool prefix = false;
};

struct PgSearchQuery {
  std::string tsquery;       // the match, in tsquery input syntax (bound as a parameter)
  std::string rank_tsquery;  // every lexeme of `phrases` ORed: what ts_rank weighs
  // The phrases a matching document may contain (none under NOT), in query order: what
  // the snippet marks.
  std::vector<PgPhrase> phrases;
};

// The PostgreSQL form of the user's `query`; InvalidInput exactly as ToFts5Query.
Result<PgSearchQuery> ToPgSearchQuery(const Lexicon& lex, std::string_view query);

// The tsvector input text of a document's search terms (title may be empty); `read` is
// the engine's reading of `text`, if at hand.
struct ReadText;
std::string DocumentTsVector(const Lexicon& lex, std::string_view title, std::string_view text,
                             const ReadText* read = nullptr);

// About `tokens` words around the best match of `phrases` in the title or the text, as
// FTS5's snippet(…, -1, mark_start, mark_end, ellipsis, tokens) marks them.
std::string PgSnippet(const Lexicon& lex, std::string_view title, std::string_view text,
                      const std::vector<PgPhrase>& phrases, const std::string& mark_start,
                      const std::string& mark_end, const std::string& ellipsis = "…",
                      int tokens = 12);

}  // namespace hadath

#endif  // HADATH_SRC_STORE_SEARCH_QUERY_PG_H_
