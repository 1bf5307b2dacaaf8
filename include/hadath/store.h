// Store: where analyses are kept. SQLite (embedded, default) behind this interface;
// PostgreSQL comes later behind the same one. Ingest is idempotent, keyed by document
// id and content hash: re-ingesting an unchanged article changes nothing, a changed
// article replaces its own rows only. Not thread-safe: one writer per Store.
#ifndef HADATH_STORE_H_
#define HADATH_STORE_H_

#include <functional>
#include <memory>
#include <string>

#include "include/hadath/document.h"
#include "include/hadath/status.h"

namespace hadath {

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

class Store {
 public:
  virtual ~Store() = default;
  // `uri`: a file path (SQLite). Creates or migrates the schema.
  static Result<std::unique_ptr<Store>> Open(const std::string& uri);

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Result<PutOutcome> Put(const Document& doc, const Analysis& a, const std::string& engine_version,
                                 const std::string& bundle_id) = 0;
  virtual Status Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) = 0;
  virtual Status LearnedActors(const std::function<void(const LearnedActor&)>& each) = 0;
  virtual Result<long> CountDocuments() = 0;
  virtual Result<long> CountEvents() = 0;
};

}  // namespace hadath

#endif  // HADATH_STORE_H_
