// Store: where analyses are kept. SQLite (embedded, default) behind this interface;
// PostgreSQL comes later behind the same one. Ingest is idempotent, keyed by document
// id and content hash: re-ingesting an unchanged article changes nothing, a changed
// article replaces its own rows only (its search index rows included). Documents are
// searchable in full text with an Arabic tokenizer (doc/formats/search.md). Not
// thread-safe: one writer per Store.
#ifndef HADATH_STORE_H_
#define HADATH_STORE_H_

#include <functional>
#include <memory>
#include <string>

#include "include/hadath/document.h"
#include "include/hadath/status.h"

namespace hadath {

class Engine;

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

struct EventQuery {
  std::string actor;    // actor code or country; matches source or target
  std::string root;     // two-digit CAMEO root
  std::string from, to; // event date range, inclusive (YYYY-MM-DD prefixes)
  size_t limit = 0;     // 0 = no limit
};

struct EventRow {
  std::string doc_id, url, title, event_json;
  std::string date, source_code, target_code, cameo, modality, trigger;
};

// A name learned from appositions («وزير الخارجية الإستوني أورماس راينسالو»), with the
// number of documents that taught it. Suggested for the lexicon, never promoted silently.
struct LearnedActor {
  std::string name, canonical, code, country, role;
  long documents = 0;
  std::string example_doc;
};

// A full-text search: the query and filters on the documents it returns.
struct SearchQuery {
  std::string text;        // words, "phrases", AND/OR/NOT, ( ), prefix* (doc/formats/search.md)
  std::string from, to;    // publication date range, inclusive (YYYY-MM-DD prefixes); empty = open
  std::string source;      // the document's source, exactly; empty = any
  // Documents with an event matching all of these that are given: `actor` a CAMEO actor
  // code or its start ("RUS" matches RUSGOV) as source or target, `country` an ISO
  // alpha-3 code (or IGO, NGO) as source or target country, `root` a two-digit CAMEO root.
  std::string actor, country, root;
  size_t limit = 20;       // 0 = no limit
  size_t offset = 0;       // hits skipped first (paging)
  std::string mark_start = "[", mark_end = "]";  // around matched words in the snippet
};

struct SearchHit {
  std::string doc_id, title, published, url, source;  // empty when the document has none
  double score = 0;        // BM25 relevance (title weighted twice): higher is better
  std::string snippet;     // about twelve words around the best match, matches marked
};

class Store {
 public:
  virtual ~Store() = default;
  // `uri`: a file path (SQLite). Creates or migrates the schema. With `engine`, the store
  // reads text for the search index with the engine's lexicon (and keeps the lexicon,
  // not the engine, alive). Without it the store answers Events, LearnedActors and the
  // counts only: Put and Search fail, and a database from before full-text search is
  // migrated and indexed on the first open with an engine.
  static Result<std::unique_ptr<Store>> Open(const std::string& uri, const Engine* engine = nullptr);

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Result<PutOutcome> Put(const Document& doc, const Analysis& a, const std::string& engine_version,
                                 const std::string& bundle_id) = 0;
  virtual Status Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) = 0;
  // Documents matching `q`, best first. InvalidInput (naming the position) for a
  // malformed query.
  virtual Status Search(const SearchQuery& q, const std::function<void(const SearchHit&)>& each) = 0;
  virtual Status LearnedActors(const std::function<void(const LearnedActor&)>& each) = 0;
  virtual Result<long> CountDocuments() = 0;
  virtual Result<long> CountEvents() = 0;
};

}  // namespace hadath

#endif  // HADATH_STORE_H_
