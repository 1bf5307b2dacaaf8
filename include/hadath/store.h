// Store: where analyses are kept. SQLite (embedded, default; a file path) and PostgreSQL
// (a postgresql:// URI; many processes on many machines) behind this one interface, with
// the same schema and the same answers. Ingest is idempotent, keyed by document
// id and content hash: re-ingesting an unchanged article changes nothing, a changed
// article replaces its own rows only (its search index rows included). Documents are
// searchable in full text with an Arabic tokenizer (doc/formats/search.md). Not
// thread-safe: one writer per Store.
#ifndef HADATH_STORE_H_
#define HADATH_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "include/hadath/document.h"
#include "include/hadath/status.h"

namespace hadath {

class Engine;
struct ReadText;  // src/engine/read_text.h

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// A date filter value: YYYY, YYYY-MM or YYYY-MM-DD (filters compare prefixes).
inline bool IsDatePrefix(const std::string& d) {
  static const char kShape[] = "0000-00-00";
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i)
    if (kShape[i] == '-' ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  return true;
}

// Which events: every filter given must hold.
struct EventQuery {
  std::string actor;    // CAMEO actor code or its start ("RUS" matches RUSGOV), source or target
  std::string country;  // ISO alpha-3 (or IGO, NGO): source or target country
  std::string root;     // two-digit CAMEO root
  std::string modality; // asserted, negated, future, possible, reported
  std::string from, to; // event date range, inclusive (YYYY[-MM[-DD]] prefixes)
  std::string doc_id;   // the events of one document
  size_t limit = 0;     // 0 = no limit
  size_t offset = 0;    // rows skipped first (paging)
};

// One stored event. `event_id` is the document's own id of it ("e3"); the store-wide key
// is "<doc_id>:<event_id>" (EventKey), split at the last colon.
struct EventRow {
  std::string doc_id, url, title, event_json;
  std::string date, source_code, target_code, cameo, modality, trigger;
  std::string event_id, source_country, target_country, root, plover, published, news_source;
  int quad = 0;
  double goldstein = 0;
  std::string location;  // the place as written, or empty
};

// One happening told by several articles: the stored events with the same date (a day,
// month or year as stated; undated events are never grouped), source, target, CAMEO code
// and place. Every member is kept, with its document, outlet and URL.
struct EventGroup {
  std::string date, source_code, target_code, cameo, location;
  std::vector<EventRow> members;  // in event order
  std::vector<std::string> documents, sources, urls;  // distinct, sorted
};

inline std::string EventKey(const std::string& doc_id, const std::string& event_id) {
  return doc_id + ":" + event_id;
}

// A stored article: what was read and the whole analysis (hadath/1 JSON, the contract of
// doc/formats/analysis-json.md), with the engine and lexicon that made it.
struct StoredDocument {
  std::string id, title, published, url, source, text, analysis_json, engine_version, bundle_id;
};

// Events per day and CAMEO root (a timeline).
struct DayCount {
  std::string day, root;
  long events = 0;
};

// An actor code with how often it is the source and the target of the events asked for.
struct ActorCount {
  std::string code, country;
  long as_source = 0, as_target = 0;
};

// An edge of the actor graph: events from `source` to `target` (kind "event", with their
// count and mean Goldstein score), or a relation stated in the text (kind "ally",
// "partner", "adversary", "tension", …; undirected, `count` documents stating it).
struct GraphEdge {
  std::string source, target, kind;
  long count = 0;
  double goldstein = 0;
};

struct StoreStats {
  long documents = 0, events = 0, sentences = 0, entities = 0, quotes = 0, times = 0, relations = 0;
  long learned_names = 0;
  std::string first_event_date, last_event_date;  // over dates with a year; empty without
  std::vector<std::pair<std::string, long>> events_by_root;  // ("01", n) … in root order
  std::string schema;  // "sqlite 4", "postgresql 4"
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

  // Whether any filter narrows the documents beyond what the text matches.
  bool HasFilters() const {
    return !from.empty() || !to.empty() || !source.empty() || !actor.empty() || !country.empty() ||
           !root.empty();
  }
};

struct SearchHit {
  std::string doc_id, title, published, url, source;  // empty when the document has none
  double score = 0;        // BM25 relevance (title weighted twice): higher is better
  std::string snippet;     // about twelve words around the best match, matches marked
};

// What decides whether a stored document changed: its text, title, date, URL, source and
// the lexicon bundle that read it (16 hex digits). The same in every backend.
std::string ContentHash(const Document& doc, const std::string& bundle_id);

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
  // True when `doc` is stored already with this content and bundle: Put would change
  // nothing, so a resumed ingest need not analyse it again. Readable while another
  // connection writes.
  virtual Result<bool> Unchanged(const Document& doc, const std::string& bundle_id) {
    (void)doc, (void)bundle_id;
    return false;
  }
  virtual Result<PutOutcome> Put(const Document& doc, const Analysis& a, const std::string& engine_version,
                                 const std::string& bundle_id) = 0;
  // The part of storing `doc` that needs no database (reading its text for the search
  // index), done ahead on any thread — Prepare is thread-safe, also while this store
  // writes — and handed to PutPrepared on the writer's thread. Null when the backend has
  // nothing to prepare; PutPrepared with null is Put.
  // `read`, when given, is the engine's reading of doc.text (Engine::Analyze), which saves
  // reading it again.
  virtual std::shared_ptr<const void> Prepare(const Document& doc, const Analysis& a,
                                              const ReadText* read = nullptr) const {
    (void)doc, (void)a, (void)read;
    return nullptr;
  }
  virtual Result<PutOutcome> PutPrepared(const Document& doc, const Analysis& a, const std::string& engine_version,
                                         const std::string& bundle_id, const std::shared_ptr<const void>& prepared) {
    (void)prepared;
    return Put(doc, a, engine_version, bundle_id);
  }
  // Events matching `q`, by date (undated last), document, then order in the document.
  virtual Status Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) = 0;
  // How many events match `q` (its limit and offset ignored).
  virtual Result<long> CountEvents(const EventQuery& q) = 0;
  // One document; NotFound if there is none with this id.
  virtual Result<StoredDocument> GetDocument(const std::string& id) = 0;
  // Events matching `q` whose date names a day (YYYY-MM-DD…; not "2023" nor "XXXX-09-17")
  // counted per day and root, by day (limit/offset ignored).
  virtual Status Timeline(const EventQuery& q, const std::function<void(const DayCount&)>& each) = 0;
  // Actor codes of the events matching `q`, most frequent first (q.limit applies).
  virtual Status Actors(const EventQuery& q, const std::function<void(const ActorCount&)>& each) = 0;
  // Edges between actor codes: events matching `q` grouped by source, target (both known),
  // and the relations stated in the documents of those events; heaviest first, at most
  // q.limit of each kind (0 = all).
  virtual Status Graph(const EventQuery& q, const std::function<void(const GraphEdge&)>& each) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // Documents matching `q`, best first. InvalidInput (naming the position) for a
  // malformed query.
  virtual Status Search(const SearchQuery& q, const std::function<void(const SearchHit&)>& each) = 0;
  // How many documents match `q` (its limit and offset ignored); InvalidInput as Search.
  virtual Result<long> CountSearch(const SearchQuery& q) = 0;
  virtual Status LearnedActors(const std::function<void(const LearnedActor&)>& each) = 0;
  // Reading queries that run longer than `ms` (0 = no limit) stop with a Timeout status.
  virtual void SetQueryTimeout(int ms) { (void)ms; }
  virtual Result<long> CountDocuments() = 0;
  virtual Result<long> CountEvents() = 0;
};

// The events matching `q` grouped across documents (EventGroup), in the order of their
// first member; q.limit and q.offset page the groups. Works on any Store.
Status GroupEvents(Store& store, const EventQuery& q, const std::function<void(const EventGroup&)>& each);

}  // namespace hadath

#endif  // HADATH_STORE_H_
