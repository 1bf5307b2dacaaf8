// The PostgreSQL store (doc/formats/postgresql.md). Over 800 lines because it is one
// Store with its schema, its write protocol (row locks, replayed batches, partitions on
// demand) and the SQL of every query; the search terms and snippets live in
// search_query_pg.cc.
#include "src/store/pg_store.h"

#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "src/lexicon/bundle.h"
#include "src/output/analysis_json.h"
#include "src/store/fts_arabic.h"
#include "src/store/search_query_pg.h"
#include "src/store/store_sql.h"

namespace hadath {
namespace {

constexpr int kSchemaVersion = 4;
// pg_advisory_xact_lock keys ("hadath" and a number): the schema's migration and the
// creation of partitions, each one process at a time.
constexpr long long kSchemaLock = 0x6861646174680001LL;
constexpr long long kPartitionLock = 0x6861646174680002LL;
// A transaction that fails for a reason that passes is tried this many times.
constexpr int kMaxAttempts = 10;
// An open batch is committed early past this many bytes of documents kept for replay.
constexpr size_t kMaxBatchBytes = 64u << 20;
// Rows per INSERT stay under PostgreSQL's 65535 parameters per statement.
constexpr size_t kMaxParams = 65535;

// The whole schema at version 4, the SQLite store's version: a PostgreSQL store has no
// earlier versions. Later versions append their migrations to kMigrations. Text that is
// compared or sorted is COLLATE "C", so order is by bytes as in SQLite. Events are
// partitioned by year; the undated ones (year 0) have a partition of their own rather
// than the DEFAULT one, and events no foreign key but a trigger that deletes them with
// their document: attaching a new year's partition then locks out no writer (a DEFAULT
// partition would be locked, and a foreign key would lock documents).
const char kSchemaV4[] = R"SQL(
CREATE TABLE documents(
 id TEXT COLLATE "C" PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT COLLATE "C",
 published TEXT COLLATE "C", url TEXT COLLATE "C", source TEXT COLLATE "C", text TEXT NOT NULL,
 analysis TEXT NOT NULL, engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,
 fts TSVECTOR NOT NULL, fts_with TEXT NOT NULL);
CREATE INDEX documents_fts ON documents USING gin(fts);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE events(
 doc_id TEXT COLLATE "C" NOT NULL,
 event_id TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C", source_code TEXT COLLATE "C",
 source_country TEXT COLLATE "C", target_code TEXT COLLATE "C", target_country TEXT COLLATE "C",
 cameo TEXT COLLATE "C" NOT NULL, root TEXT COLLATE "C" NOT NULL, quad INTEGER,
 goldstein DOUBLE PRECISION, plover TEXT COLLATE "C", modality TEXT COLLATE "C",
 trigger TEXT COLLATE "C", json TEXT NOT NULL, engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,
 location TEXT COLLATE "C", location_country TEXT COLLATE "C", year INTEGER NOT NULL,
 PRIMARY KEY(doc_id, event_id, year)) PARTITION BY RANGE (year);
CREATE TABLE events_undated PARTITION OF events FOR VALUES FROM (MINVALUE) TO (1);
CREATE FUNCTION documents_delete_events() RETURNS trigger LANGUAGE plpgsql AS
 'BEGIN DELETE FROM events WHERE doc_id = OLD.id; RETURN NULL; END';
CREATE TRIGGER documents_delete_events AFTER DELETE ON documents
 FOR EACH ROW EXECUTE FUNCTION documents_delete_events();
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE TABLE learned_mentions(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
 name TEXT COLLATE "C" NOT NULL, canonical TEXT COLLATE "C", code TEXT COLLATE "C",
 country TEXT COLLATE "C", sector TEXT COLLATE "C", role TEXT COLLATE "C",
 engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, name));
CREATE INDEX learned_name ON learned_mentions(name);
CREATE TABLE sentences(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE, i INTEGER NOT NULL,
 start INTEGER NOT NULL, "end" INTEGER NOT NULL, section TEXT COLLATE "C" NOT NULL,
 engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, i));
CREATE TABLE entities(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
 entity_id TEXT COLLATE "C" NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
 text TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C", canonical TEXT COLLATE "C",
 code TEXT COLLATE "C", country TEXT COLLATE "C", sector TEXT COLLATE "C", role TEXT COLLATE "C",
 ref TEXT COLLATE "C", learned INTEGER NOT NULL, engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,
 PRIMARY KEY(doc_id, entity_id));
CREATE INDEX entities_code ON entities(code);
CREATE TABLE times(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,
 start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C",
 value TEXT COLLATE "C", grain TEXT COLLATE "C", anchor TEXT COLLATE "C", engine_version TEXT NOT NULL,
 bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, n));
CREATE TABLE quotes(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
 quote_id TEXT COLLATE "C" NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
 text TEXT COLLATE "C" NOT NULL, speaker TEXT COLLATE "C", cue TEXT COLLATE "C",
 engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, quote_id));
CREATE TABLE relations(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,
 a TEXT COLLATE "C" NOT NULL, b TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL,
 sentence INTEGER, evidence TEXT COLLATE "C", engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,
 PRIMARY KEY(doc_id, n));
CREATE TABLE event_mentions(
 doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
 event_id TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, sentence INTEGER, start INTEGER NOT NULL,
 "end" INTEGER NOT NULL, text TEXT COLLATE "C" NOT NULL, engine_version TEXT NOT NULL,
 bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, event_id, n));
)SQL";

struct Migration {
  int version;  // the schema version it makes
  const char* sql;
};
const Migration kMigrations[] = {{4, kSchemaV4}};

// A document's child tables, in the order rows are written; deleted together.
const char* const kChildTables[] = {"events", "event_mentions", "sentences", "entities",
                                    "times",  "quotes",         "relations", "learned_mentions"};

struct ResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultFree>;
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

// Rows for one table: `ncols` values per row, in the order of `columns`.
struct Rows {
  const char* table;
  const char* columns;
  size_t ncols;
  const char* on_conflict;  // "" or " ON CONFLICT DO NOTHING" (SQLite's INSERT OR IGNORE)
  std::vector<Param> values;
};

// A document ready to write: every value of every row, so that a batch can be written
// again without analysing or tokenizing anything.
struct Prepared {
  std::string id, hash;
  Params doc;  // the documents row, in kDocColumns order
  std::set<int> years;
  std::vector<Rows> rows;
  size_t bytes = 0;
};

const char kDocColumns[] =
    "id, content_hash, title, published, url, source, text, analysis, engine_version, bundle_id, "
    "fts, fts_with";

Param Opt(const std::optional<std::string>& v) { return v; }
Param NonEmpty(const std::string& v) { return v.empty() ? std::nullopt : Param(v); }
std::string Num(long v) { return std::to_string(v); }
std::string Real(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

// The year of an event date: its first four characters when they are digits, else 0
// (undated, or a date without a year such as XXXX-09-17).
int YearOf(const std::string& date) {
  if (date.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    y = y * 10 + (date[i] - '0');
  }
  return y;
}

std::string PartitionName(int year) {
  char b[24];
  std::snprintf(b, sizeof b, "events_y%04d", year);
  return b;
}

// libpq's messages end in a newline and may continue on tab-indented lines.
std::string OneLine(const char* m) {
  std::string out;
  for (const char* p = m ? m : ""; *p; ++p) {
    char c = *p == '\n' || *p == '\t' ? ' ' : *p;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "unknown error" : out;
}

std::string Col(PGresult* r, int i, int c) { return PQgetvalue(r, i, c); }
long ColInt(PGresult* r, int i, int c) { return std::atol(PQgetvalue(r, i, c)); }
double ColReal(PGresult* r, int i, int c) { return std::strtod(PQgetvalue(r, i, c), nullptr); }

// A connection to `uri` (`shown` in messages). Keywords before dbname are defaults the
// URI may override; client_encoding after it is ours (the store reads and writes UTF-8).
// Server notices are dropped: the library never prints.
Result<PGconn*> Connect(const std::string& uri, const std::string& shown) {
  const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding",
                        nullptr};
  const char* values[] = {"10", "hadath", uri.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (!conn) return Status::IoError(shown + ": cannot connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = shown + ": cannot connect: " + OneLine(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::IoError(m);
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return conn;
}

class PgStore : public Store {
 public:
  PgStore(PGconn* conn, std::string uri, std::string shown, std::shared_ptr<const Lexicon> lex)
      : conn_(conn), uri_(std::move(uri)), shown_(std::move(shown)), lex_(std::move(lex)) {}
  ~PgStore() override {
    PQfinish(conn_);
    if (ddl_) PQfinish(ddl_);
  }

  Status Init();

  Status Begin() override;
  Status Commit() override;
  Result<bool> Unchanged(const Document& doc, const std::string& bundle_id) override;
  Result<PutOutcome> Put(const Document& doc, const Analysis& a, const std::string& engine_version,
                         const std::string& bundle_id) override;
  std::shared_ptr<const void> Prepare(const Document& doc, const Analysis& a,
                                      const ReadText* read) const override;
  Result<PutOutcome> PutPrepared(const Document& doc, const Analysis& a,
                                 const std::string& engine_version, const std::string& bundle_id,
                                 const std::shared_ptr<const void>& prepared) override;
  Status Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) override;
  Result<long> CountEvents(const EventQuery& q) override;
  Result<StoredDocument> GetDocument(const std::string& id) override;
  Status Timeline(const EventQuery& q, const std::function<void(const DayCount&)>& each) override;
  Status Actors(const EventQuery& q, const std::function<void(const ActorCount&)>& each) override;
  Status Graph(const EventQuery& q, const std::function<void(const GraphEdge&)>& each) override;
  Result<StoreStats> Stats() override;
  Status Search(const SearchQuery& q, const std::function<void(const SearchHit&)>& each) override;
  Result<long> CountSearch(const SearchQuery& q) override;
  Status LearnedActors(const std::function<void(const LearnedActor&)>& each) override;
  Result<long> CountDocuments() override { return Count("SELECT count(*) FROM documents", {}); }
  Result<long> CountEvents() override { return Count("SELECT count(*) FROM events", {}); }

 private:
  using Row = std::function<void(PGresult*, int)>;

  // --- statements
  // On `c`, the main connection by default.
  Status Run(const std::string& sql, const Params& params, PgResult* out, const std::string& what,
             PGconn* c = nullptr);
  Status Script(const std::string& sql, const std::string& what, PGconn* c = nullptr);
  Status Done(PgResult r, PGconn* c, const std::string& what, PgResult* out);
  Status Query(const std::string& sql, const Params& params, const Row& row,
               const std::string& what, bool stream = false);
  Result<long> Count(const std::string& sql, const Params& params);
  bool Retryable() const;
  bool ConnectionLost() const { return PQstatus(conn_) != CONNECTION_OK; }
  Status Reconnect();
  void Backoff(int attempt);

  // --- schema
  Result<int> Version();
  Status Migrate();
  Status IndexWithThisTokenizer();
  Status LoadPartitions();
  Status CreatePartitions(const std::set<int>& years);

  // --- writing
  Result<Prepared> MakeRows(const Document& doc, const Analysis& a, const std::string& ver,
                            const std::string& bundle, const std::string* fts);
  Result<PutOutcome> WriteDoc(const Prepared& p);
  Status InsertRows(const Rows& r);
  Status Restart(int attempt);

  // --- reading
  static std::string EventWhere(const EventQuery& q, Params* params);
  static std::string Paging(size_t limit, size_t offset, Params* params);
  Result<std::string> SearchFrom(const SearchQuery& q, PgSearchQuery* pq, Params* params);

  PGconn* conn_;
  PGconn* ddl_ = nullptr;               // partitions are made on a connection of their own
  std::string uri_;                     // as given, password included: never in a message
  std::string shown_;                   // the URI without its password
  std::shared_ptr<const Lexicon> lex_;  // null: no search index reads or writes
  std::string state_;                   // SQLSTATE of the last failed statement
  bool in_batch_ = false;
  std::vector<Prepared> batch_;  // the documents written in the open transaction
  size_t batch_bytes_ = 0;
  Status broken_;        // the open batch could not be restored
  Status last_failure_;  // of the last statement that failed
  std::set<int> years_;  // years with a partition
  int cursors_ = 0;
};

// ----------------------------------------------------------------------------- statements

Status PgStore::Run(const std::string& sql, const Params& params, PgResult* out,
                    const std::string& what, PGconn* c) {
  std::vector<const char*> values(params.size());
  for (size_t i = 0; i < params.size(); ++i) values[i] = params[i] ? params[i]->c_str() : nullptr;
  c = c ? c : conn_;
  PgResult r(PQexecParams(c, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                          nullptr, nullptr, 0));
  return Done(std::move(r), c, what, out);
}

// Several statements without parameters (the schema, transaction control).
Status PgStore::Script(const std::string& sql, const std::string& what, PGconn* c) {
  c = c ? c : conn_;
  return Done(PgResult(PQexec(c, sql.c_str())), c, what, nullptr);
}

// The outcome of a statement on `c`: its rows in `out`, or the error with its SQLSTATE
// kept for Retryable().
Status PgStore::Done(PgResult r, PGconn* c, const std::string& what, PgResult* out) {
  ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
    state_.clear();
    if (out) *out = std::move(r);
    return Status::Ok();
  }
  const char* code = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
  state_ = code ? code : "";
  last_failure_ = Status::IoError(shown_ + ": " + what + ": " +
                                  OneLine(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(c)));
  return last_failure_;
}

// Runs a query and calls `row` for each result row. `stream`: through a cursor, 1000
// rows at a time, for results that may not fit in memory. A failure inside a batch
// aborts its transaction, so the batch is written again before the error is returned.
Status PgStore::Query(const std::string& sql, const Params& params, const Row& row,
                      const std::string& what, bool stream) {
  for (int attempt = 1;; ++attempt) {
    Status s;
    if (!stream) {
      PgResult r;
      s = Run(sql, params, &r, what);
      if (s.ok())
        for (int i = 0; i < PQntuples(r.get()); ++i) row(r.get(), i);
    } else {
      bool own = !in_batch_;
      std::string cursor = "hadath_rows_" + std::to_string(++cursors_);
      if (own) s = Script("BEGIN READ ONLY", what);
      if (s.ok())
        s = Run("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql, params, nullptr, what);
      while (s.ok()) {
        PgResult r;
        s = Run("FETCH 1000 FROM " + cursor, {}, &r, what);
        if (!s.ok() || PQntuples(r.get()) == 0) break;
        for (int i = 0; i < PQntuples(r.get()); ++i) row(r.get(), i);
      }
      if (s.ok()) s = Script("CLOSE " + cursor, what);
      if (own) {
        if (s.ok())
          s = Script("COMMIT", what);
        else if (!ConnectionLost())
          (void)Script("ROLLBACK", what);
      }
    }
    if (s.ok()) return s;
    if (in_batch_) {
      std::string state = state_;
      if (Status r = Restart(1); !r.ok()) broken_ = r;
      state_ = state;
      return s;
    }
    // Nothing was returned yet only when streaming did not start: retry a lost
    // connection once.
    if (attempt > 1 || !ConnectionLost() || !Reconnect().ok()) return s;
  }
}

Result<long> PgStore::Count(const std::string& sql, const Params& params) {
  long n = 0;
  Status s = Query(
      sql, params, [&](PGresult* r, int i) { n = std::atol(PQgetvalue(r, i, 0)); }, "count");
  if (!s.ok()) return s;
  return n;
}

// Deadlocks and serialization failures pass when the transaction runs again, and so may a
// lost connection.
bool PgStore::Retryable() const {
  return state_ == "40001" || state_ == "40P01" || ConnectionLost();
}

Status PgStore::Reconnect() {
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK)
    return Status::IoError(shown_ +
                           ": connection lost and not restored: " + OneLine(PQerrorMessage(conn_)));
  return Status::Ok();
}

void PgStore::Backoff(int attempt) {
  static thread_local std::minstd_rand rng(std::random_device{}());
  int ms = std::min(attempt, 6) * 20 + static_cast<int>(rng() % 50);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// ----------------------------------------------------------------------------- schema

Result<int> PgStore::Version() {
  PgResult r;
  Status s =
      Run("SELECT value FROM meta WHERE key = 'schema_version'", {}, &r, "read the schema version");
  if (!s.ok()) {
    if (state_ == "42P01") return 0;  // no meta table: an empty database
    return s;
  }
  return PQntuples(r.get()) ? std::atoi(PQgetvalue(r.get(), 0, 0)) : 0;
}

// Many processes may open a new database at once: the first to take the lock migrates,
// the others find the version it wrote.
Status PgStore::Migrate() {
  for (int attempt = 1;; ++attempt) {
    Status s = Script("BEGIN", "migrate the schema");
    if (s.ok())
      s = Run("SELECT pg_advisory_xact_lock($1)", {Num(kSchemaLock)}, nullptr, "lock the schema");
    if (s.ok())
      s = Script("CREATE TABLE IF NOT EXISTS meta(key TEXT COLLATE \"C\" PRIMARY KEY, value TEXT)",
                 "create the meta table");
    int version = 0;
    if (s.ok()) {
      Result<int> v = Version();
      s = v.status();
      if (v.ok()) version = v.value();
    }
    for (const Migration& m : kMigrations) {
      if (!s.ok() || m.version <= version) continue;
      s = Script(m.sql, "migrate the schema to version " + std::to_string(m.version));
      if (s.ok())
        s =
            Run("INSERT INTO meta VALUES('schema_version', $1)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                {Num(m.version)}, nullptr, "record the schema version");
    }
    if (s.ok()) s = Script("COMMIT", "migrate the schema");
    if (s.ok()) return s;
    bool retry = Retryable() && attempt < kMaxAttempts;
    if (!ConnectionLost()) (void)Script("ROLLBACK", "migrate the schema");
    if (!retry) return s;
    if (ConnectionLost() && !Reconnect().ok()) return s;
    Backoff(attempt);
  }
}

Status PgStore::Init() {
  Result<int> v = Version();
  if (!v.ok()) return v.status();
  if (v.value() < kSchemaVersion) {
    if (Status s = Migrate(); !s.ok()) return s;
    v = Version();
    if (!v.ok()) return v.status();
  }
  if (v.value() > kSchemaVersion)
    return Status::Unsupported(shown_ + ": database schema version " + std::to_string(v.value()) +
                               " is newer than this hadath (" + std::to_string(kSchemaVersion) +
                               ")");
  if (Status s = LoadPartitions(); !s.ok()) return s;
  return lex_ ? IndexWithThisTokenizer() : Status::Ok();
}

// The stored tsvectors hold the terms of the tokenizer and lexicon that wrote them. After
// a change of either, the first processes to open the store with the new ones compute
// them again, sharing the rows (SKIP LOCKED), in transactions of 200 documents.
Status PgStore::IndexWithThisTokenizer() {
  std::string id = std::to_string(kSearchTokenizerVersion) + "/" + lex_->bundle_id();
  PgResult r;
  Status s = Run("SELECT value FROM meta WHERE key = 'search_index'", {}, &r,
                 "read the search index's tokenizer");
  if (!s.ok()) return s;
  if (PQntuples(r.get()) && id == PQgetvalue(r.get(), 0, 0)) return Status::Ok();
  std::string after;
  for (;;) {
    s = Script("BEGIN", "index the documents for search");
    PgResult rows;
    if (s.ok())
      s =
          Run("SELECT id, title, text FROM documents WHERE id > $1 AND fts_with <> $2 ORDER BY id "
              "LIMIT 200"
              " FOR UPDATE SKIP LOCKED",
              {after, id}, &rows, "index the documents for search");
    int n = s.ok() ? PQntuples(rows.get()) : 0;
    for (int i = 0; i < n && s.ok(); ++i) {
      after = PQgetvalue(rows.get(), i, 0);
      s = Run(
          "UPDATE documents SET fts = $2::tsvector, fts_with = $3 WHERE id = $1",
          {after,
           DocumentTsVector(*lex_, PQgetvalue(rows.get(), i, 1), PQgetvalue(rows.get(), i, 2)), id},
          nullptr, "index the documents for search");
    }
    if (s.ok()) s = Script("COMMIT", "index the documents for search");
    if (!s.ok()) {
      if (!ConnectionLost()) (void)Script("ROLLBACK", "index the documents for search");
      return s;
    }
    if (n == 0) break;
  }
  return Run(
      "INSERT INTO meta VALUES('search_index', $1) ON CONFLICT (key) DO UPDATE SET value = "
      "excluded.value",
      {id}, nullptr, "record the search index's tokenizer");
}

Status PgStore::LoadPartitions() {
  PgResult r;
  Status s =
      Run("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
          " WHERE i.inhparent = 'events'::regclass",
          {}, &r, "list the partitions of events");
  for (int i = 0; s.ok() && i < PQntuples(r.get()); ++i) {
    std::string name = PQgetvalue(r.get(), i, 0);
    if (name.rfind("events_y", 0) == 0) years_.insert(std::atoi(name.c_str() + 8));
  }
  return s;
}

// A year's partition is made as a table of its own and attached, which locks events in
// SHARE UPDATE EXCLUSIVE mode only: writers go on meanwhile, and a batch that holds rows
// of events may use the new partition at once. It is done on a second connection, in a
// transaction of its own, while the batch stays open; one process at a time (the
// advisory lock), each looking again under the lock for what another one made. The year
// is an integer formatted here: the only value in the SQL text.
Status PgStore::CreatePartitions(const std::set<int>& years) {
  if (ddl_ && PQstatus(ddl_) != CONNECTION_OK) PQreset(ddl_);
  if (!ddl_) {
    Result<PGconn*> c = Connect(uri_, shown_);
    if (!c.ok()) return c.status();
    ddl_ = c.value();
  }
  for (int attempt = 1;; ++attempt) {
    const std::string what = "create a partition of events";
    Status s = Script("BEGIN; SET LOCAL lock_timeout = '60s'", what, ddl_);
    if (s.ok())
      s = Run("SELECT pg_advisory_xact_lock($1)", {Num(kPartitionLock)}, nullptr, what, ddl_);
    PgResult r;
    if (s.ok())
      s =
          Run("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
              " WHERE i.inhparent = 'events'::regclass",
              {}, &r, what, ddl_);
    std::set<int> have;
    for (int i = 0; s.ok() && i < PQntuples(r.get()); ++i)
      if (std::string name = PQgetvalue(r.get(), i, 0); name.rfind("events_y", 0) == 0)
        have.insert(std::atoi(name.c_str() + 8));
    for (int y : years) {
      if (!s.ok()) break;
      if (have.count(y)) continue;
      std::string name = PartitionName(y);
      s = Script("CREATE TABLE IF NOT EXISTS " + name +
                     " (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);"
                     "ALTER TABLE events ATTACH PARTITION " +
                     name + " FOR VALUES FROM (" + std::to_string(y) + ") TO (" +
                     std::to_string(y + 1) + ")",
                 "create the partition of events for " + std::to_string(y), ddl_);
    }
    if (s.ok()) s = Script("COMMIT", what, ddl_);
    if (s.ok()) {
      years_.insert(years.begin(), years.end());
      return s;
    }
    bool lost = PQstatus(ddl_) != CONNECTION_OK;
    bool retry = (state_ == "40001" || state_ == "40P01" || lost) && attempt < kMaxAttempts;
    if (!lost) (void)Script("ROLLBACK", what, ddl_);
    if (!retry) return s;
    if (lost) PQreset(ddl_);
    Backoff(attempt);
  }
}

// ----------------------------------------------------------------------------- writing

// Every row of `doc`; `fts` its tsvector when Prepare made it ahead.
Result<Prepared> PgStore::MakeRows(const Document& doc, const Analysis& a, const std::string& ver,
                                   const std::string& bundle, const std::string* fts) {
  Prepared p;
  p.id = doc.id;
  p.hash =
      ContentHash(doc, bundle);  // the SQLite store's: an unchanged document is unchanged in both
  std::string json = AnalysisToJson(a, false);
  // PostgreSQL text cannot hold NUL: such a document would be stored cut short.
  bool nul = json.find('\0') != std::string::npos || doc.text.find('\0') != std::string::npos;
  for (const std::optional<std::string>* f : {&doc.title, &doc.published, &doc.url, &doc.source})
    nul = nul || (*f && (*f)->find('\0') != std::string::npos);
  if (nul || doc.id.find('\0') != std::string::npos)
    return Status::InvalidInput(shown_ + ": document " + doc.id +
                                " contains a NUL character, which PostgreSQL cannot store");
  p.doc = {doc.id,
           p.hash,
           Opt(a.title),
           Opt(a.published),
           Opt(doc.url),
           Opt(doc.source),
           doc.text,
           json,
           ver,
           bundle,
           fts ? *fts : DocumentTsVector(*lex_, a.title.value_or(""), doc.text),
           std::to_string(kSearchTokenizerVersion) + "/" + lex_->bundle_id()};
  const std::string& id = doc.id;

  Rows ev{"events",
          "doc_id, event_id, date, source_code, source_country, target_code, target_country, "
          "cameo, root, quad,"
          " goldstein, plover, modality, trigger, json, engine_version, bundle_id, location, "
          "location_country, year",
          20,
          "",
          {}};
  Rows em{"event_mentions",
          "doc_id, event_id, n, sentence, start, \"end\", text, engine_version, bundle_id",
          9,
          "",
          {}};
  for (const Event& e : a.events) {
    int year = e.date ? YearOf(e.date->value) : 0;
    if (year) p.years.insert(year);
    Param loc_country =
        e.location && !e.location->country.empty() ? Param(e.location->country) : std::nullopt;
    ev.values.insert(ev.values.end(), {id,
                                       e.id,
                                       e.date ? Param(e.date->value) : std::nullopt,
                                       e.source ? Param(e.source->actor.code) : std::nullopt,
                                       e.source ? Param(e.source->actor.country) : std::nullopt,
                                       e.target ? Param(e.target->actor.code) : std::nullopt,
                                       e.target ? Param(e.target->actor.country) : std::nullopt,
                                       e.cameo,
                                       e.root,
                                       Num(e.quad),
                                       Real(e.goldstein),
                                       e.plover,
                                       e.modality,
                                       e.trigger.text,
                                       EventToJson(a, e),
                                       ver,
                                       bundle,
                                       e.location ? Param(e.location->text) : std::nullopt,
                                       loc_country,
                                       Num(year)});
    for (size_t n = 0; n < e.mentions.size(); ++n) {
      const Event::Mention& m = e.mentions[n];
      em.values.insert(em.values.end(),
                       {id, e.id, Num(static_cast<long>(n)), Num(m.sentence), Num(m.trigger.start),
                        Num(m.trigger.end), m.trigger.text, ver, bundle});
    }
  }
  Rows se{"sentences", "doc_id, i, start, \"end\", section, engine_version, bundle_id", 7, "", {}};
  for (const SentenceInfo& x : a.sentences)
    se.values.insert(se.values.end(), {id, Num(x.i), Num(x.start), Num(x.end),
                                       std::string(SectionName(x.section)), ver, bundle});
  Rows en{"entities",
          "doc_id, entity_id, start, \"end\", text, type, canonical, code, country, sector, role, "
          "ref, learned,"
          " engine_version, bundle_id",
          15,
          " ON CONFLICT DO NOTHING",
          {}};
  for (const std::vector<Entity>* list : {&a.entities, &a.nominals})
    for (const Entity& x : *list)
      en.values.insert(en.values.end(),
                       {id, x.id, Num(x.span.start), Num(x.span.end), x.span.text, x.type,
                        NonEmpty(x.canonical), x.actor ? Param(x.actor->code) : std::nullopt,
                        x.actor ? NonEmpty(x.actor->country) : std::nullopt,
                        x.actor ? NonEmpty(x.actor->sector) : std::nullopt, NonEmpty(x.role),
                        NonEmpty(x.ref), Num(x.learned ? 1 : 0), ver, bundle});
  Rows ti{"times",
          "doc_id, n, start, \"end\", text, type, value, grain, anchor, engine_version, bundle_id",
          11,
          "",
          {}};
  for (size_t n = 0; n < a.times.size(); ++n) {
    const TimeExpr& x = a.times[n];
    ti.values.insert(ti.values.end(),
                     {id, Num(static_cast<long>(n)), Num(x.span.start), Num(x.span.end),
                      x.span.text, x.type, x.value, x.grain, x.anchor, ver, bundle});
  }
  Rows qu{"quotes",
          "doc_id, quote_id, start, \"end\", text, speaker, cue, engine_version, bundle_id",
          9,
          " ON CONFLICT DO NOTHING",
          {}};
  for (const Quote& x : a.quotes)
    qu.values.insert(qu.values.end(), {id, x.id, Num(x.span.start), Num(x.span.end), x.span.text,
                                       NonEmpty(x.speaker), NonEmpty(x.cue), ver, bundle});
  Rows re{"relations",
          "doc_id, n, a, b, type, sentence, evidence, engine_version, bundle_id",
          9,
          "",
          {}};
  for (size_t n = 0; n < a.relations.size(); ++n) {
    const Relation& x = a.relations[n];
    re.values.insert(re.values.end(), {id, Num(static_cast<long>(n)), x.a, x.b, x.type,
                                       Num(x.sentence), x.evidence.text, ver, bundle});
  }
  Rows lm{"learned_mentions",
          "doc_id, name, canonical, code, country, sector, role, engine_version, bundle_id",
          9,
          " ON CONFLICT DO NOTHING",
          {}};
  for (const Entity& e : a.entities) {
    if (!e.learned || !e.ref.empty()) continue;
    lm.values.insert(lm.values.end(), {id, e.span.text, e.canonical, e.actor ? e.actor->code : "",
                                       e.actor ? e.actor->country : "",
                                       e.actor ? e.actor->sector : "", e.role, ver, bundle});
  }
  p.rows = {std::move(ev), std::move(em), std::move(se), std::move(en),
            std::move(ti), std::move(qu), std::move(re), std::move(lm)};
  for (const Param& v : p.doc) p.bytes += v ? v->size() : 0;
  for (const Rows& r : p.rows)
    for (const Param& v : r.values) p.bytes += v ? v->size() + 8 : 8;
  return p;
}

// Multi-row INSERTs, as many rows per statement as the parameter limit allows.
Status PgStore::InsertRows(const Rows& r) {
  size_t nrows = r.values.size() / r.ncols, per = kMaxParams / r.ncols;
  for (size_t first = 0; first < nrows; first += per) {
    size_t n = std::min(per, nrows - first);
    std::string sql = std::string("INSERT INTO ") + r.table + "(" + r.columns + ") VALUES ";
    for (size_t i = 0; i < n; ++i) {
      sql += i ? ",(" : "(";
      for (size_t c = 0; c < r.ncols; ++c)
        sql += (c ? ",$" : "$") + std::to_string(i * r.ncols + c + 1);
      sql += ")";
    }
    sql += r.on_conflict;
    Params slice(r.values.begin() + first * r.ncols, r.values.begin() + (first + n) * r.ncols);
    if (Status s = Run(sql, slice, nullptr, std::string("insert into ") + r.table); !s.ok())
      return s;
  }
  return Status::Ok();
}

// Writes one document in the open transaction. Only the holder of the document's row
// lock (taken by inserting the row, or by SELECT … FOR UPDATE) writes its other rows, so
// a document's rows are never written by two processes at once.
Result<PutOutcome> PgStore::WriteDoc(const Prepared& p) {
  std::set<int> missing;
  for (int y : p.years) {
    if (years_.count(y)) continue;
    if (missing.empty())
      if (Status s = LoadPartitions(); !s.ok()) return s;  // another process may have made it
    if (!years_.count(y)) missing.insert(y);
  }
  if (!missing.empty())
    if (Status s = CreatePartitions(missing); !s.ok()) return s;
  PgResult r;
  if (Status s = Run("SELECT content_hash FROM documents WHERE id = $1", {p.id}, &r,
                     "read document " + p.id);
      !s.ok())
    return s;
  if (PQntuples(r.get()) == 1 && p.hash == PQgetvalue(r.get(), 0, 0)) return PutOutcome::kUnchanged;
  if (PQntuples(r.get()) == 0) {
    std::string sql = std::string("INSERT INTO documents(") + kDocColumns +
                      ") VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::tsvector,$12)"
                      " ON CONFLICT (id) DO NOTHING RETURNING 1";
    if (Status s = Run(sql, p.doc, &r, "store document " + p.id); !s.ok()) return s;
    if (PQntuples(r.get()) == 1) {
      for (const Rows& rows : p.rows)
        if (Status s = InsertRows(rows); !s.ok()) return s;
      return PutOutcome::kAdded;
    }
    // Another process stored it since: compare with what it wrote.
  }
  if (Status s = Run("SELECT content_hash FROM documents WHERE id = $1 FOR UPDATE", {p.id}, &r,
                     "lock document " + p.id);
      !s.ok())
    return s;
  if (PQntuples(r.get()) == 0) {
    state_ = "40001";  // deleted under us (by hand): try again from the start
    return Status::IoError(shown_ + ": document " + p.id + " vanished while being written");
  }
  if (p.hash == PQgetvalue(r.get(), 0, 0)) return PutOutcome::kUnchanged;
  std::string del;
  for (size_t i = 0; i + 1 < std::size(kChildTables); ++i)
    del += std::string(i ? ", " : "WITH ") + "d" + std::to_string(i) + " AS (DELETE FROM " +
           kChildTables[i] + " WHERE doc_id = $1)";
  del += std::string(" DELETE FROM ") + kChildTables[std::size(kChildTables) - 1] +
         " WHERE doc_id = $1";
  if (Status s = Run(del, {p.id}, nullptr, "delete the rows of changed document " + p.id); !s.ok())
    return s;
  if (Status s = Run("UPDATE documents SET content_hash=$2, title=$3, published=$4, url=$5, "
                     "source=$6, text=$7,"
                     " analysis=$8, engine_version=$9, bundle_id=$10, fts=$11::tsvector, "
                     "fts_with=$12 WHERE id=$1",
                     p.doc, nullptr, "store document " + p.id);
      !s.ok())
    return s;
  for (const Rows& rows : p.rows)
    if (Status s = InsertRows(rows); !s.ok()) return s;
  return PutOutcome::kReplaced;
}

// The open transaction failed: roll it back, fix what made it fail if that passes
// (reconnect, wait a little after a deadlock), begin again and write the batch's
// documents again. Put is idempotent, so a document another process stored
// meanwhile is simply found unchanged.
Status PgStore::Restart(int attempt) {
  for (;; ++attempt) {
    if (!ConnectionLost()) (void)Script("ROLLBACK", "roll back");
    if (attempt > kMaxAttempts)
      return Status::IoError(shown_ + ": gave up after " + std::to_string(kMaxAttempts) +
                             " attempts at a batch; the last failure: " + last_failure_.message());
    Status s;
    if (ConnectionLost())
      if (s = Reconnect(); !s.ok()) return s;  // a server that is down stays down
    if (attempt > 1) Backoff(attempt);
    s = Script("BEGIN", "begin a batch");
    for (const Prepared& p : batch_) {
      if (!s.ok()) break;
      s = WriteDoc(p).status();
    }
    if (s.ok()) return s;
    if (!Retryable()) return s;
  }
}

Status PgStore::Begin() {
  if (in_batch_) return Status::InvalidInput(shown_ + ": a batch is already open");
  Status s = Script("BEGIN", "begin a batch");
  if (!s.ok() && ConnectionLost() && Reconnect().ok()) s = Script("BEGIN", "begin a batch");
  if (!s.ok()) return s;
  in_batch_ = true;
  batch_.clear();
  batch_bytes_ = 0;
  broken_ = Status::Ok();
  return s;
}

Status PgStore::Commit() {
  if (!in_batch_) return Status::InvalidInput(shown_ + ": no batch is open to commit");
  Status s = broken_;
  for (int attempt = 1; s.ok(); ++attempt) {
    PgResult r(PQexec(conn_, "COMMIT"));
    // COMMIT of a failed transaction rolls back and says so instead of failing.
    if (r && PQresultStatus(r.get()) == PGRES_COMMAND_OK &&
        std::string(PQcmdStatus(r.get())) == "COMMIT")
      break;
    const char* code = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    state_ = code ? code : "";
    s = Status::IoError(shown_ + ": commit: " +
                        (r && PQresultStatus(r.get()) == PGRES_COMMAND_OK
                             ? std::string("the transaction had failed")
                             : OneLine(PQerrorMessage(conn_))));
    if (!Retryable() || attempt >= kMaxAttempts) break;
    s = Restart(attempt);  // the batch again, then COMMIT again
  }
  if (!s.ok() && !ConnectionLost()) (void)Script("ROLLBACK", "roll back");
  in_batch_ = false;
  batch_.clear();
  batch_bytes_ = 0;
  broken_ = Status::Ok();
  return s;
}

Result<bool> PgStore::Unchanged(const Document& doc, const std::string& bundle_id) {
  bool same = false;
  Status s = Query(
      "SELECT content_hash = $1 FROM documents WHERE id = $2",
      {ContentHash(doc, bundle_id), doc.id},
      [&](PGresult* r, int i) { same = Col(r, i, 0) == "t"; }, "read document " + doc.id);
  if (!s.ok()) return s;
  return same;
}

// The tsvector: the part of Put that reads the text, on any thread.
std::shared_ptr<const void> PgStore::Prepare(const Document& doc, const Analysis& a,
                                             const ReadText* read) const {
  if (!lex_) return nullptr;
  return std::make_shared<const std::string>(
      DocumentTsVector(*lex_, a.title.value_or(""), doc.text, read));
}

Result<PutOutcome> PgStore::Put(const Document& doc, const Analysis& a,
                                const std::string& engine_version, const std::string& bundle_id) {
  return PutPrepared(doc, a, engine_version, bundle_id, nullptr);
}

Result<PutOutcome> PgStore::PutPrepared(const Document& doc, const Analysis& a,
                                        const std::string& engine_version,
                                        const std::string& bundle_id,
                                        const std::shared_ptr<const void>& prepared) {
  if (!lex_)
    return Status::InvalidInput(shown_ +
                                ": storing documents needs the store opened with the engine "
                                "(its lexicon writes the search index)");
  Result<Prepared> p =
      MakeRows(doc, a, engine_version, bundle_id, static_cast<const std::string*>(prepared.get()));
  if (!p.ok()) return p.status();
  bool own = !in_batch_;  // outside a batch, a Put is a batch of its own
  if (own)
    if (Status s = Begin(); !s.ok()) return s;
  Result<PutOutcome> out = PutOutcome::kUnchanged;
  if (!broken_.ok()) {
    out = broken_;
  } else {
    for (int attempt = 1;; ++attempt) {
      out = WriteDoc(p.value());
      if (out.ok()) {
        batch_bytes_ += p.value().bytes;
        batch_.push_back(p.take());
        break;
      }
      bool retry = Retryable() && attempt < kMaxAttempts;
      // The transaction is aborted either way: restore the batch so far.
      if (Status s = Restart(attempt); !s.ok()) {
        broken_ = s;
        out = s;
        break;
      }
      if (!retry) break;
    }
  }
  if (own) {
    Status c = Commit();
    if (out.ok() && !c.ok()) return c;
  } else if (out.ok() && batch_bytes_ > kMaxBatchBytes) {
    // Keep the copy for replay bounded: a batch may end early.
    if (Status c = Commit(); !c.ok()) return c;
    if (Status b = Begin(); !b.ok()) return b;
  }
  return out;
}

// ----------------------------------------------------------------------------- reading

// The WHERE clause of `q` over events `e`, its values appended to `params`. From and to
// also bound the year, so that PostgreSQL reads only the partitions of those years (and
// the undated one, where dates without a year are, as SQLite's text comparison has them).
std::string PgStore::EventWhere(const EventQuery& q, Params* params) {
  auto param = [&](std::string v) {
    params->push_back(std::move(v));
    return "$" + std::to_string(params->size());
  };
  std::string w = " WHERE TRUE";
  if (!q.actor.empty()) {
    std::string p = param(AsciiUpper(q.actor));
    w += " AND (starts_with(e.source_code, " + p + "::text) OR starts_with(e.target_code, " + p +
         "::text))";
  }
  if (!q.country.empty()) {
    std::string p = param(AsciiUpper(q.country));
    w += " AND (e.source_country = " + p + "::text OR e.target_country = " + p + "::text)";
  }
  if (!q.root.empty()) w += " AND e.root = " + param(q.root) + "::text";
  if (!q.modality.empty()) w += " AND e.modality = " + param(q.modality) + "::text";
  if (!q.from.empty()) {
    w += " AND e.date >= " + param(q.from) + "::text";
    if (int y = YearOf(q.from))
      w += " AND (e.year >= " + param(Num(y)) + "::integer OR e.year = 0)";
  }
  if (!q.to.empty()) {
    std::string p = param(q.to);
    w += " AND substr(e.date, 1, length(" + p + "::text)) <= " + p + "::text";
    if (int y = YearOf(q.to)) w += " AND e.year <= " + param(Num(y)) + "::integer";
  }
  if (!q.doc_id.empty()) w += " AND e.doc_id = " + param(q.doc_id) + "::text";
  return w;
}

std::string PgStore::Paging(size_t limit, size_t offset, Params* params) {
  if (!limit && !offset) return "";
  params->push_back(limit ? Param(std::to_string(limit)) : std::nullopt);  // NULL: no limit
  params->push_back(std::to_string(offset));
  size_t n = params->size();
  return " LIMIT $" + std::to_string(n - 1) + "::bigint OFFSET $" + std::to_string(n) + "::bigint";
}

Status PgStore::Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) {
  Params params;
  std::string sql =
      "SELECT e.doc_id, d.url, d.title, e.json, e.date, e.source_code, e.target_code, e.cameo, "
      "e.modality,"
      " e.trigger, e.event_id, e.source_country, e.target_country, e.root, e.plover, d.published, "
      "d.source,"
      " e.quad, e.goldstein, e.location FROM events e JOIN documents d ON d.id = e.doc_id" +
      EventWhere(q, &params) +
      // SQLite's CAST(substr(event_id, 3) AS INTEGER): the leading digits after "ev", else 0.
      " ORDER BY e.date IS NULL, e.date, e.doc_id,"
      " coalesce(substring(substr(e.event_id, 3) FROM '^[0-9]{1,18}')::bigint, 0)" +
      Paging(q.limit, q.offset, &params);
  return Query(
      sql, params,
      [&](PGresult* r, int i) {
        EventRow e{Col(r, i, 0),      Col(r, i, 1),  Col(r, i, 2),
                   Col(r, i, 3),      Col(r, i, 4),  Col(r, i, 5),
                   Col(r, i, 6),      Col(r, i, 7),  Col(r, i, 8),
                   Col(r, i, 9),      Col(r, i, 10), Col(r, i, 11),
                   Col(r, i, 12),     Col(r, i, 13), Col(r, i, 14),
                   Col(r, i, 15),     Col(r, i, 16), static_cast<int>(ColInt(r, i, 17)),
                   ColReal(r, i, 18), Col(r, i, 19)};
        each(e);
      },
      "read events", q.limit == 0 || q.limit > 1000);
}

Result<long> PgStore::CountEvents(const EventQuery& q) {
  Params params;
  return Count("SELECT count(*) FROM events e" + EventWhere(q, &params), params);
}

Result<StoredDocument> PgStore::GetDocument(const std::string& id) {
  std::optional<StoredDocument> d;
  Status s = Query(
      "SELECT id, title, published, url, source, text, analysis, engine_version, bundle_id"
      " FROM documents WHERE id = $1",
      {id},
      [&](PGresult* r, int i) {
        d = StoredDocument{Col(r, i, 0), Col(r, i, 1), Col(r, i, 2), Col(r, i, 3), Col(r, i, 4),
                           Col(r, i, 5), Col(r, i, 6), Col(r, i, 7), Col(r, i, 8)};
      },
      "read document " + id);
  if (!s.ok()) return s;
  if (!d) return Status::NotFound("no document with id " + id);
  return std::move(*d);
}

Status PgStore::Timeline(const EventQuery& q, const std::function<void(const DayCount&)>& each) {
  Params params;
  std::string sql = "SELECT substr(e.date, 1, 10) AS day, e.root, count(*) FROM events e" +
                    EventWhere(q, &params) +
                    " AND length(e.date) >= 10 GROUP BY day, e.root ORDER BY day, e.root";
  return Query(
      sql, params,
      [&](PGresult* r, int i) {
        each(DayCount{Col(r, i, 0), Col(r, i, 1), ColInt(r, i, 2)});
      },
      "read the timeline");
}

Status PgStore::Actors(const EventQuery& q, const std::function<void(const ActorCount&)>& each) {
  Params params;
  std::string where = EventWhere(q, &params);  // its $N serve both halves
  std::string sql =
      "SELECT code, max(country), sum(src), sum(tgt) FROM ("
      " SELECT e.source_code AS code, e.source_country AS country, 1 AS src, 0 AS tgt FROM events "
      "e" +
      where +
      " AND e.source_code IS NOT NULL AND e.source_code <> ''"
      " UNION ALL SELECT e.target_code, e.target_country, 0, 1 FROM events e" +
      where +
      " AND e.target_code IS NOT NULL AND e.target_code <> '') x"
      " GROUP BY code ORDER BY sum(src) + sum(tgt) DESC, code" +
      Paging(q.limit, 0, &params);
  return Query(
      sql, params,
      [&](PGresult* r, int i) {
        each(ActorCount{Col(r, i, 0), Col(r, i, 1), ColInt(r, i, 2), ColInt(r, i, 3)});
      },
      "read actors");
}

Status PgStore::Graph(const EventQuery& q, const std::function<void(const GraphEdge&)>& each) {
  Params params;
  std::string where = EventWhere(q, &params);
  std::string sql =
      "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e" + where +
      " AND e.source_code <> '' AND e.target_code <> '' AND e.source_code <> e.target_code"
      " GROUP BY e.source_code, e.target_code ORDER BY count(*) DESC, 1, 2" +
      Paging(q.limit, 0, &params);
  Status s = Query(
      sql, params,
      [&](PGresult* r, int i) {
        each(GraphEdge{Col(r, i, 0), Col(r, i, 1), "event", ColInt(r, i, 2), ColReal(r, i, 3)});
      },
      "read the actor graph");
  if (!s.ok()) return s;
  // Relations stated in the documents of those events, undirected: (least, greatest) pairs.
  params.clear();
  sql =
      "SELECT least(r.a, r.b), greatest(r.a, r.b), r.type, count(DISTINCT r.doc_id) FROM relations "
      "r"
      " WHERE r.doc_id IN (SELECT e.doc_id FROM events e" +
      EventWhere(q, &params) + ") GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3" +
      Paging(q.limit, 0, &params);
  return Query(
      sql, params,
      [&](PGresult* r, int i) {
        each(GraphEdge{Col(r, i, 0), Col(r, i, 1), Col(r, i, 2), ColInt(r, i, 3), 0});
      },
      "read the stated relations");
}

Result<StoreStats> PgStore::Stats() {
  StoreStats out;
  Status s = Query(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) "
      "FROM sentences),"
      " (SELECT count(*) FROM entities), (SELECT count(*) FROM quotes), (SELECT count(*) FROM "
      "times),"
      " (SELECT count(*) FROM relations), (SELECT count(DISTINCT name) FROM learned_mentions),"
      " (SELECT min(date) FROM events WHERE date IS NOT NULL), (SELECT max(date) FROM events WHERE "
      "date IS NOT NULL)",
      {},
      [&](PGresult* r, int i) {
        long* n[] = {&out.documents, &out.events, &out.sentences, &out.entities,
                     &out.quotes,    &out.times,  &out.relations, &out.learned_names};
        for (int c = 0; c < 8; ++c) *n[c] = ColInt(r, i, c);
        out.first_event_date = Col(r, i, 8);
        out.last_event_date = Col(r, i, 9);
      },
      "read the statistics");
  if (s.ok())
    s = Query(
        "SELECT root, count(*) FROM events GROUP BY root ORDER BY root", {},
        [&](PGresult* r, int i) { out.events_by_root.emplace_back(Col(r, i, 0), ColInt(r, i, 1)); },
        "read the statistics");
  if (!s.ok()) return s;
  Result<int> v = Version();
  if (!v.ok()) return v.status();
  out.schema = "postgresql " + std::to_string(v.value());
  return out;
}

Status PgStore::LearnedActors(const std::function<void(const LearnedActor&)>& each) {
  return Query(
      "SELECT name, max(canonical), max(code), max(country), max(role), count(DISTINCT doc_id), "
      "min(doc_id)"
      " FROM learned_mentions GROUP BY name ORDER BY count(DISTINCT doc_id) DESC, name",
      {},
      [&](PGresult* r, int i) {
        each(LearnedActor{Col(r, i, 0), Col(r, i, 1), Col(r, i, 2), Col(r, i, 3), Col(r, i, 4),
                          ColInt(r, i, 5), Col(r, i, 6)});
      },
      "read learned actors");
}

// The FROM and WHERE of search `q` (its text read into *pq): $1 is the match, the
// filters' values follow.
Result<std::string> PgStore::SearchFrom(const SearchQuery& q, PgSearchQuery* pq_out, Params* params) {
  if (!lex_)
    return Status::InvalidInput(shown_ +
                                ": searching needs the store opened with the engine "
                                "(its lexicon reads the query)");
  Result<PgSearchQuery> read = ToPgSearchQuery(*lex_, q.text);
  if (!read.ok()) return read.status();
  *pq_out = read.take();
  const PgSearchQuery& pq = *pq_out;
  *params = {pq.tsquery};
  auto param = [&](std::string v) {
    params->push_back(std::move(v));
    return "$" + std::to_string(params->size()) + "::text";
  };
  std::string sql = " FROM documents d WHERE d.fts @@ $1::tsquery";
  sql += SearchFilterSql(q, param, [](const std::string& column, const std::string& p) {
    return "starts_with(" + column + ", " + p + ")";
  });
  return sql;
}

Status PgStore::Search(const SearchQuery& q, const std::function<void(const SearchHit&)>& each) {
  PgSearchQuery pq;
  Params params;
  Result<std::string> from = SearchFrom(q, &pq, &params);
  if (!from.ok()) return from.status();
  params.push_back(pq.rank_tsquery);
  std::string rank = "$" + std::to_string(params.size()) + "::tsquery";
  // Title words weigh twice the text's (weights D, C, B, A). ts_rank_cd rewards matches
  // close together; ts_rank over every lexeme ORed counts an exact form and its colocated
  // stem both, so exact forms rank above stem-only matches as with SQLite's BM25.
  std::string sql =
      "SELECT d.id, d.title, d.published, d.url, d.source,"
      " ts_rank_cd('{0.5,0,0,1}', d.fts, $1::tsquery, 1) + ts_rank('{0.5,0,0,1}', d.fts, " +
      rank + ", 1) AS score, d.text" + from.value() + " ORDER BY score DESC, d.id" +
      Paging(q.limit, q.offset, &params);
  return Query(
      sql, params,
      [&](PGresult* r, int i) {
        std::string title = Col(r, i, 1), text = Col(r, i, 6);
        each(SearchHit{
            Col(r, i, 0), title, Col(r, i, 2), Col(r, i, 3), Col(r, i, 4), ColReal(r, i, 5),
            PgSnippet(*lex_, title, text, pq.phrases, q.mark_start, q.mark_end)});
      },
      "search");
}

Result<long> PgStore::CountSearch(const SearchQuery& q) {
  PgSearchQuery pq;
  Params params;
  Result<std::string> from = SearchFrom(q, &pq, &params);
  if (!from.ok()) return from.status();
  return Count("SELECT count(*)" + from.value(), params);
}

}  // namespace

std::string RedactUri(const std::string& uri) {
  size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  size_t begin = scheme + 3;
  size_t end = uri.find_first_of("/?", begin);
  if (end == std::string::npos) end = uri.size();
  std::string out = uri.substr(0, begin);
  std::string authority = uri.substr(begin, end - begin);
  size_t at = authority.rfind('@');
  if (at != std::string::npos) {
    size_t colon = authority.find(':');
    if (colon < at) authority.erase(colon, at - colon);
  }
  out += authority;
  std::string rest = uri.substr(end);
  size_t q = rest.find('?');
  if (q == std::string::npos) return out + rest;
  out += rest.substr(0, q);
  std::string kept;
  for (size_t a = q + 1; a <= rest.size();) {
    size_t b = rest.find('&', a);
    if (b == std::string::npos) b = rest.size();
    std::string kv = rest.substr(a, b - a);
    if (!kv.empty() && kv.rfind("password=", 0) != 0) kept += (kept.empty() ? "?" : "&") + kv;
    a = b + 1;
  }
  return out + kept;
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 std::shared_ptr<const Lexicon> lex) {
  std::string shown = RedactUri(uri);
  Result<PGconn*> conn = Connect(uri, shown);
  if (!conn.ok()) return conn.status();
  auto store = std::make_unique<PgStore>(conn.value(), uri, shown, std::move(lex));
  if (Status s = store->Init(); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hadath
