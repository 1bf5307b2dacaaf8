#include <sqlite3.h>

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

#include "include/hadath/engine.h"
#include "include/hadath/store.h"
#include "src/lexicon/bundle.h"
#include "src/output/analysis_json.h"
#include "src/store/fts_arabic.h"
#include "src/store/store_sql.h"
#include "src/store/pg_store.h"
#include "src/store/search_query.h"

namespace hadath {
namespace {

constexpr int kSchemaVersion = 5;
// From this version on the schema holds the search index, whose tokenizer needs the
// lexicon: without it a database stays at the version before.
constexpr int kSearchVersion = 3;

const char* kMigrations[] = {
    // version 1
    "CREATE TABLE documents("
    " id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, published TEXT, url TEXT,"
    " source TEXT, text TEXT NOT NULL, analysis TEXT NOT NULL, engine_version TEXT NOT NULL,"
    " bundle_id TEXT NOT NULL);"
    "CREATE TABLE events("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL,"
    " date TEXT, source_code TEXT, source_country TEXT, target_code TEXT, target_country TEXT,"
    " cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL, plover TEXT,"
    " modality TEXT, trigger TEXT, json TEXT NOT NULL, engine_version TEXT NOT NULL,"
    " bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, event_id));"
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_root ON events(root);"
    "CREATE INDEX events_source ON events(source_code);"
    "CREATE INDEX events_target ON events(target_code);",
    // version 2: names learned from appositions, one row per document that taught them
    "CREATE TABLE learned_mentions("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, name TEXT NOT NULL,"
    " canonical TEXT, code TEXT, country TEXT, sector TEXT, role TEXT,"
    " engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, name));"
    "CREATE INDEX learned_name ON learned_mentions(name);",
    // version 3: full-text search over title and text (src/store/fts_arabic.h). External
    // content keyed by docno, a stable integer (VACUUM may renumber the implicit rowids of
    // a table keyed by text); triggers keep the index in step with the documents. The
    // rows are indexed after the migration, by the check of the tokenizer's identity.
    "ALTER TABLE documents ADD COLUMN docno INTEGER;"
    "UPDATE documents SET docno = rowid;"
    "CREATE UNIQUE INDEX documents_docno ON documents(docno);"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',"
    " content_rowid='docno', tokenize='hadath');"
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
    " INSERT INTO documents_fts(rowid, title, text) VALUES(new.docno, new.title, new.text); END;"
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, title, text)"
    " VALUES('delete', old.docno, old.title, old.text); END;"
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, title, text)"
    " VALUES('delete', old.docno, old.title, old.text);"
    " INSERT INTO documents_fts(rowid, title, text) VALUES(new.docno, new.title, new.text); END;",
    // version 4: the rest of the analysis as rows (sentences, names and descriptions,
    // times, quotes, relations, event mentions; event places), filled from the stored
    // analyses of the documents already there.
    "ALTER TABLE events ADD COLUMN location TEXT;"
    "ALTER TABLE events ADD COLUMN location_country TEXT;"
    "UPDATE events SET location = json_extract(json, '$.location.text'),"
    " location_country = json_extract(json, '$.location.country');"
    // Index pages the size of the file's 16 KiB pages (FTS5's default suits 4 KiB).
    "INSERT INTO documents_fts(documents_fts, rank) VALUES('pgsz', 16000);"
    // The order events are listed in, so that a page is read from the index, not sorted.
    "CREATE INDEX events_order ON events(date IS NULL, date, doc_id, CAST(substr(event_id, 3) AS INTEGER));"
    "CREATE TABLE sentences("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, i INTEGER NOT NULL,"
    " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, section TEXT NOT NULL,"
    " engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, i));"
    "CREATE TABLE entities("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,"
    " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT, canonical "
    "TEXT,"
    " code TEXT, country TEXT, sector TEXT, role TEXT, ref TEXT, learned INTEGER NOT NULL,"
    " engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, entity_id));"
    "CREATE INDEX entities_code ON entities(code);"
    "CREATE TABLE times("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT, value TEXT,"
    " grain TEXT, anchor TEXT, engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,"
    " PRIMARY KEY(doc_id, n));"
    "CREATE TABLE quotes("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, quote_id TEXT NOT NULL,"
    " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, cue TEXT,"
    " engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, quote_id));"
    "CREATE TABLE relations("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
    " a TEXT NOT NULL, b TEXT NOT NULL, type TEXT NOT NULL, sentence INTEGER, evidence TEXT,"
    " engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL, PRIMARY KEY(doc_id, n));"
    "CREATE TABLE event_mentions("
    " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL,"
    " n INTEGER NOT NULL, sentence INTEGER, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
    " text TEXT NOT NULL, engine_version TEXT NOT NULL, bundle_id TEXT NOT NULL,"
    " PRIMARY KEY(doc_id, event_id, n));"
    "INSERT INTO sentences SELECT d.id, j.value->>'i', j.value->>'start', j.value->>'end',"
    " j.value->>'section', d.engine_version, d.bundle_id FROM documents d, json_each(d.analysis, "
    "'$.sentences') j;"
    "INSERT INTO entities SELECT d.id, j.value->>'id', j.value->>'start', j.value->>'end', "
    "j.value->>'text',"
    " j.value->>'type', j.value->>'canonical', j.value->>'$.actor.code', "
    "j.value->>'$.actor.country',"
    " j.value->>'$.actor.sector', j.value->>'role', j.value->>'ref', coalesce(j.value->>'learned', "
    "0),"
    " d.engine_version, d.bundle_id"
    " FROM documents d, json_each(json_array(json_extract(d.analysis, '$.entities'),"
    " json_extract(d.analysis, '$.nominals'))) l, json_each(l.value) j;"
    "INSERT INTO times SELECT d.id, j.key, j.value->>'start', j.value->>'end', j.value->>'text',"
    " j.value->>'type', j.value->>'value', j.value->>'grain', j.value->>'anchor', "
    "d.engine_version, d.bundle_id"
    " FROM documents d, json_each(d.analysis, '$.times') j;"
    "INSERT INTO quotes SELECT d.id, j.value->>'id', j.value->>'start', j.value->>'end', "
    "j.value->>'text',"
    " j.value->>'speaker', j.value->>'cue', d.engine_version, d.bundle_id"
    " FROM documents d, json_each(d.analysis, '$.quotes') j;"
    "INSERT INTO relations SELECT d.id, j.key, j.value->>'a', j.value->>'b', j.value->>'type',"
    " j.value->>'sentence', j.value->>'$.evidence.text', d.engine_version, d.bundle_id"
    " FROM documents d, json_each(d.analysis, '$.relations') j;"
    "INSERT INTO event_mentions SELECT e.doc_id, e.event_id, j.key, j.value->>'sentence', "
    "j.value->>'start',"
    " j.value->>'end', j.value->>'text', e.engine_version, e.bundle_id"
    " FROM events e, json_each(e.json, '$.mentions') j;",
    // version 5: the writer keeps the search index in step itself (Put). A statement that
    // fires a trigger runs in a savepoint, and FTS5 writes its pending terms out as a new
    // index segment at every savepoint: a segment per document, merged again and again.
    // Plain single-row inserts let the terms of a whole batch go out together.
    "DROP TRIGGER IF EXISTS documents_fts_insert;"
    "DROP TRIGGER IF EXISTS documents_fts_delete;"
    "DROP TRIGGER IF EXISTS documents_fts_update;"
    // Event lists and counts read narrow indexes only: the index in list order and the
    // one by date carry every column the filters read, so neither a page nor a count
    // visits the table's rows (with their JSON) for the events it skips.
    "DROP INDEX events_order;"
    "CREATE INDEX events_list ON events(date IS NULL, date, doc_id,"
    " CAST(substr(event_id, 3) AS INTEGER), event_id, root, modality, source_code, target_code,"
    " source_country, target_country);"
    "DROP INDEX events_date;"
    "CREATE INDEX events_date ON events(date, root, modality, source_code, target_code,"
    " source_country, target_country);"};

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& BindOpt(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& Int(int i, long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  long ColInt(int i) { return static_cast<long>(sqlite3_column_int64(s_, i)); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  int Step() { return sqlite3_step(s_); }
  std::string Col(int i) {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_stmt* get() { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, std::shared_ptr<const Lexicon> lex)
      : db_(db), path_(std::move(path)), lex_(std::move(lex)) {}
  ~SqliteStore() override {
    cache_.clear();  // statements are finalized before the connection closes
    sqlite3_close(db_);
  }

  Status Init() {
    // 16 KiB pages (for a new file only): an article and its analysis span a few pages,
    // not a dozen, and the WAL is written in fewer, larger writes.
    Status s = Exec(
        "PRAGMA page_size=16384;"
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536;"
        // A checkpoint copies every page changed since the last one, once: the index
        // pages a batch rewrites are copied less often with a longer log (64 MiB).
        "PRAGMA wal_autocheckpoint=4096;"
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);");
    if (!s.ok()) return s;
    if (lex_) {  // before any statement that touches the index, the migration included
      Status t = RegisterSearchTokenizer(db_, lex_);
      if (!t.ok()) return Status::Unsupported(path_ + ": " + t.message());
    }
    int target = lex_ ? kSchemaVersion : kSearchVersion - 1;
    if (Version() < target) {
      // Other processes may open the same file: migrate under the write lock, from the
      // version seen under it.
      if (s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
      for (int v = Version(); v < target; ++v) {
        s = Exec(std::string(kMigrations[v]) +
                 "INSERT OR REPLACE INTO meta VALUES('schema_version','" + std::to_string(v + 1) +
                 "');");
        if (!s.ok()) {
          (void)Exec("ROLLBACK");
          return s;
        }
      }
      if (s = Exec("COMMIT"); !s.ok()) return s;
    }
    int version = Version();
    if (version > kSchemaVersion)
      return Status::Unsupported(path_ + ": database schema version " + std::to_string(version) +
                                 " is newer than this hadath (" + std::to_string(kSchemaVersion) +
                                 ")");
    return lex_ && version >= kSearchVersion ? IndexWithThisTokenizer() : Status::Ok();
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }

  Result<PutOutcome> Put(const Document& doc, const Analysis& a, const std::string& engine_version,
                         const std::string& bundle_id) override {
    if (!lex_)
      return Status::InvalidInput(path_ +
                                  ": storing documents needs the store opened with the engine "
                                  "(its lexicon writes the search index)");
    std::string hash = ContentHash(doc, bundle_id);
    bool existed = false;
    long docno = 0;
    {
      Stmt& q = Cached("SELECT content_hash, docno FROM documents WHERE id=?");
      q.Bind(1, doc.id);
      bool same = false;
      if (q.Step() == SQLITE_ROW) {
        existed = true;
        same = q.Col(0) == hash;
        docno = q.ColInt(1);
      }
      q.Reset();  // no statement stays open across a commit
      if (same) return PutOutcome::kUnchanged;
    }
    if (existed) {
      // The index forgets the old title and text (FTS5 reads them again to know which
      // terms to remove). One row at a time: an INSERT … SELECT would run in a savepoint,
      // where FTS5 writes out its pending terms (see schema version 5).
      Stmt& old = Cached("SELECT title, text FROM documents WHERE id=?");
      old.Bind(1, doc.id);
      if (old.Step() != SQLITE_ROW) return Err("read a changed document");
      Stmt& del = Cached(
          "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete',?,?,?)");
      del.Int(1, docno);
      if (sqlite3_column_type(old.get(), 0) == SQLITE_NULL)
        sqlite3_bind_null(del.get(), 2);
      else
        del.Bind(2, old.Col(0));
      del.Bind(3, old.Col(1));
      int rc = del.Step();
      del.Reset();
      old.Reset();
      if (rc != SQLITE_DONE) return Err("remove a changed document from the search index");
    }
    if (existed) {
      for (const char* sql :
           {"DELETE FROM events WHERE doc_id=?", "DELETE FROM learned_mentions WHERE doc_id=?",
            "DELETE FROM sentences WHERE doc_id=?", "DELETE FROM entities WHERE doc_id=?",
            "DELETE FROM times WHERE doc_id=?", "DELETE FROM quotes WHERE doc_id=?",
            "DELETE FROM relations WHERE doc_id=?", "DELETE FROM event_mentions WHERE doc_id=?"}) {
        Stmt& d = Cached(sql);
        d.Bind(1, doc.id);
        if (d.Step() != SQLITE_DONE) return Err("delete rows of a changed document");
      }
    } else {
      Stmt& n = Cached("SELECT coalesce(max(docno), 0) + 1 FROM documents");
      int rc = n.Step();
      docno = n.ColInt(0);
      n.Reset();
      if (rc != SQLITE_ROW) return Err("number a new document");
    }
    {
      // A changed document is updated in place and keeps its docno; a new one takes the
      // next.
      Stmt& ins = Cached(
          existed
              ? "UPDATE documents SET content_hash=?2, title=?3, published=?4, url=?5,"
                " source=?6, text=?7, analysis=?8, engine_version=?9, bundle_id=?10"
                " WHERE id=?1"
              : "INSERT INTO documents(id,content_hash,title,published,url,source,text,"
                "analysis,engine_version,bundle_id,docno) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
      ins.Bind(1, doc.id).Bind(2, hash).BindOpt(3, a.title).BindOpt(4, a.published);
      ins.BindOpt(5, doc.url).BindOpt(6, doc.source).Bind(7, doc.text);
      ins.Bind(8, AnalysisToJson(a, false)).Bind(9, engine_version).Bind(10, bundle_id);
      if (!existed) ins.Int(11, docno);
      if (ins.Step() != SQLITE_DONE) return Err("store document");
      Stmt& fts = Cached("INSERT INTO documents_fts(rowid, title, text) VALUES(?,?,?)");
      fts.Int(1, docno).BindOpt(2, a.title).Bind(3, doc.text);
      int rc = fts.Step();
      fts.Reset();
      if (rc != SQLITE_DONE) return Err("index document");
    }
    Stmt& ev = Cached(
        "INSERT INTO events(doc_id,event_id,date,source_code,source_country,target_code,"
        "target_country,cameo,root,quad,goldstein,plover,modality,trigger,json,engine_version,"
        "bundle_id,location,location_country) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Stmt& em = Cached("INSERT INTO event_mentions VALUES(?,?,?,?,?,?,?,?,?)");
    for (const Event& e : a.events) {
      sqlite3_reset(ev.get());
      ev.Bind(1, doc.id).Bind(2, e.id);
      ev.BindOpt(3, e.date ? std::optional(e.date->value) : std::nullopt);
      ev.BindOpt(4, e.source ? std::optional(e.source->actor.code) : std::nullopt);
      ev.BindOpt(5, e.source ? std::optional(e.source->actor.country) : std::nullopt);
      ev.BindOpt(6, e.target ? std::optional(e.target->actor.code) : std::nullopt);
      ev.BindOpt(7, e.target ? std::optional(e.target->actor.country) : std::nullopt);
      ev.Bind(8, e.cameo)
          .Bind(9, e.root)
          .Bind(10, static_cast<double>(e.quad))
          .Bind(11, e.goldstein);
      ev.Bind(12, e.plover).Bind(13, e.modality).Bind(14, e.trigger.text);
      ev.Bind(15, EventToJson(a, e)).Bind(16, engine_version).Bind(17, bundle_id);
      ev.BindOpt(18, e.location ? std::optional(e.location->text) : std::nullopt);
      ev.BindOpt(19, e.location && !e.location->country.empty() ? std::optional(e.location->country)
                                                                : std::nullopt);
      if (ev.Step() != SQLITE_DONE) return Err("insert event");
      for (size_t n = 0; n < e.mentions.size(); ++n) {
        const Event::Mention& m = e.mentions[n];
        em.Reset();
        em.Bind(1, doc.id)
            .Bind(2, e.id)
            .Int(3, static_cast<long>(n))
            .Int(4, m.sentence)
            .Int(5, m.trigger.start);
        em.Int(6, m.trigger.end).Bind(7, m.trigger.text).Bind(8, engine_version).Bind(9, bundle_id);
        if (em.Step() != SQLITE_DONE) return Err("insert event mention");
      }
    }
    if (Status r = PutRows(doc.id, a, engine_version, bundle_id); !r.ok()) return r;
    Stmt& lm = Cached(
        "INSERT OR IGNORE INTO learned_mentions(doc_id,name,canonical,code,country,sector,role,"
        "engine_version,bundle_id) VALUES(?,?,?,?,?,?,?,?,?)");
    for (const Entity& e : a.entities) {
      if (!e.learned || !e.ref.empty()) continue;
      sqlite3_reset(lm.get());
      lm.Bind(1, doc.id).Bind(2, e.span.text).Bind(3, e.canonical);
      lm.Bind(4, e.actor ? e.actor->code : "").Bind(5, e.actor ? e.actor->country : "");
      lm.Bind(6, e.actor ? e.actor->sector : "")
          .Bind(7, e.role)
          .Bind(8, engine_version)
          .Bind(9, bundle_id);
      if (lm.Step() != SQLITE_DONE) return Err("insert learned mention");
    }
    return existed ? PutOutcome::kReplaced : PutOutcome::kAdded;
  }

  // The analysis's sentences, names and descriptions, times, quotes and relations as rows.
  Status PutRows(const std::string& id, const Analysis& a, const std::string& ver,
                 const std::string& bundle) {
    Stmt& se = Cached("INSERT INTO sentences VALUES(?,?,?,?,?,?,?)");
    for (const SentenceInfo& x : a.sentences) {
      se.Reset();
      se.Bind(1, id)
          .Int(2, x.i)
          .Int(3, x.start)
          .Int(4, x.end)
          .Bind(5, std::string(SectionName(x.section)));
      se.Bind(6, ver).Bind(7, bundle);
      if (se.Step() != SQLITE_DONE) return Err("insert sentence");
    }
    Stmt& en = Cached("INSERT OR IGNORE INTO entities VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const std::vector<Entity>* list : {&a.entities, &a.nominals}) {
      for (const Entity& x : *list) {
        en.Reset();
        en.Bind(1, id)
            .Bind(2, x.id)
            .Int(3, x.span.start)
            .Int(4, x.span.end)
            .Bind(5, x.span.text)
            .Bind(6, x.type);
        en.BindOpt(7, x.canonical.empty() ? std::nullopt : std::optional(x.canonical));
        en.BindOpt(8, x.actor ? std::optional(x.actor->code) : std::nullopt);
        en.BindOpt(9, x.actor && !x.actor->country.empty() ? std::optional(x.actor->country)
                                                           : std::nullopt);
        en.BindOpt(10, x.actor && !x.actor->sector.empty() ? std::optional(x.actor->sector)
                                                           : std::nullopt);
        en.BindOpt(11, x.role.empty() ? std::nullopt : std::optional(x.role));
        en.BindOpt(12, x.ref.empty() ? std::nullopt : std::optional(x.ref));
        en.Int(13, x.learned ? 1 : 0).Bind(14, ver).Bind(15, bundle);
        if (en.Step() != SQLITE_DONE) return Err("insert entity");
      }
    }
    Stmt& ti = Cached("INSERT INTO times VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (size_t n = 0; n < a.times.size(); ++n) {
      const TimeExpr& x = a.times[n];
      ti.Reset();
      ti.Bind(1, id)
          .Int(2, static_cast<long>(n))
          .Int(3, x.span.start)
          .Int(4, x.span.end)
          .Bind(5, x.span.text);
      ti.Bind(6, x.type)
          .Bind(7, x.value)
          .Bind(8, x.grain)
          .Bind(9, x.anchor)
          .Bind(10, ver)
          .Bind(11, bundle);
      if (ti.Step() != SQLITE_DONE) return Err("insert time");
    }
    Stmt& qu = Cached("INSERT OR IGNORE INTO quotes VALUES(?,?,?,?,?,?,?,?,?)");
    for (const Quote& x : a.quotes) {
      qu.Reset();
      qu.Bind(1, id).Bind(2, x.id).Int(3, x.span.start).Int(4, x.span.end).Bind(5, x.span.text);
      qu.BindOpt(6, x.speaker.empty() ? std::nullopt : std::optional(x.speaker));
      qu.BindOpt(7, x.cue.empty() ? std::nullopt : std::optional(x.cue))
          .Bind(8, ver)
          .Bind(9, bundle);
      if (qu.Step() != SQLITE_DONE) return Err("insert quote");
    }
    Stmt& re = Cached("INSERT INTO relations VALUES(?,?,?,?,?,?,?,?,?)");
    for (size_t n = 0; n < a.relations.size(); ++n) {
      const Relation& x = a.relations[n];
      re.Reset();
      re.Bind(1, id)
          .Int(2, static_cast<long>(n))
          .Bind(3, x.a)
          .Bind(4, x.b)
          .Bind(5, x.type)
          .Int(6, x.sentence);
      re.Bind(7, x.evidence.text).Bind(8, ver).Bind(9, bundle);
      if (re.Step() != SQLITE_DONE) return Err("insert relation");
    }
    return Status::Ok();
  }

  // The search terms of the title and text, made on the caller's thread (the lexicon is
  // immutable; no connection is used).
  std::shared_ptr<const void> Prepare(const Document& doc, const Analysis& a,
                                      const ReadText* read) const override {
    if (!lex_) return nullptr;
    auto p = std::make_shared<std::vector<PretokenizedText>>();
    p->push_back({doc.text, read ? SearchTerms(*lex_, doc.text, *read)
                                 : SearchTerms(*lex_, doc.text, TermMode::kDocument)});
    if (a.title) p->push_back({*a.title, SearchTerms(*lex_, *a.title, TermMode::kDocument)});
    return p;
  }

  Result<PutOutcome> PutPrepared(const Document& doc, const Analysis& a, const std::string& engine_version,
                                 const std::string& bundle_id, const std::shared_ptr<const void>& prepared) override {
    ScopedSearchTerms terms(static_cast<const std::vector<PretokenizedText>*>(prepared.get()));
    return Put(doc, a, engine_version, bundle_id);
  }

  Result<bool> Unchanged(const Document& doc, const std::string& bundle_id) override {
    Stmt& st = Cached("SELECT content_hash FROM documents WHERE id = ?");
    st.Bind(1, doc.id);
    int rc = st.Step();
    bool same = rc == SQLITE_ROW && st.Col(0) == ContentHash(doc, bundle_id);
    st.Reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Err("look up a stored document");
    return same;
  }

  Status LearnedActors(const std::function<void(const LearnedActor&)>& each) override {
    Stmt st(
        db_,
        "SELECT name, max(canonical), max(code), max(country), max(role), count(DISTINCT doc_id),"
        " min(doc_id) FROM learned_mentions GROUP BY name ORDER BY count(DISTINCT doc_id) DESC, "
        "name");
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      LearnedActor l{st.Col(0), st.Col(1), st.Col(2),
                     st.Col(3), st.Col(4), static_cast<long>(sqlite3_column_int64(st.get(), 5)),
                     st.Col(6)};
      each(l);
    }
    if (rc != SQLITE_DONE) return Status::IoError(path_ + ": " + sqlite3_errmsg(db_));
    return Status::Ok();
  }

  // The WHERE clause of `q` over events `e` (and their documents `d`), its values appended
  // to `args` in the order of their '?'.
  static std::string EventWhere(const EventQuery& q, std::vector<std::string>* args) {
    std::string w = " WHERE 1=1";
    auto add = [&](const std::string& sql, std::initializer_list<std::string> vals) {
      w += sql;
      args->insert(args->end(), vals);
    };
    if (!q.actor.empty()) {
      std::string a = AsciiUpper(q.actor);
      add(" AND (substr(e.source_code, 1, length(?)) = ? OR substr(e.target_code, 1, length(?)) = "
          "?)",
          {a, a, a, a});
    }
    if (!q.country.empty()) {
      std::string c = AsciiUpper(q.country);
      add(" AND (e.source_country = ? OR e.target_country = ?)", {c, c});
    }
    if (!q.root.empty()) add(" AND e.root = ?", {q.root});
    if (!q.modality.empty()) add(" AND e.modality = ?", {q.modality});
    if (!q.from.empty()) add(" AND e.date >= ?", {q.from});
    if (!q.to.empty()) add(" AND substr(e.date, 1, length(?)) <= ?", {q.to, q.to});
    if (!q.doc_id.empty()) add(" AND e.doc_id = ?", {q.doc_id});
    return w;
  }

  static std::string Paging(size_t limit, size_t offset) {
    if (!limit && !offset) return "";
    return " LIMIT " + (limit ? std::to_string(limit) : std::string("-1")) + " OFFSET " +
           std::to_string(offset);
  }

  void SetQueryTimeout(int ms) override {
    timeout_ms_ = ms;
    if (ms > 0)
      sqlite3_progress_handler(
          db_, 10000,
          [](void* self) {
            auto* me = static_cast<SqliteStore*>(self);
            return me->deadline_.time_since_epoch().count() != 0 &&
                           std::chrono::steady_clock::now() > me->deadline_
                       ? 1
                       : 0;
          },
          this);
    else
      sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  }

  // Runs `sql` with `args` bound in order, calling `row` for each result row; within the
  // query time limit, if one is set.
  Status Query(const std::string& sql, const std::vector<std::string>& args,
               const std::function<void(Stmt&)>& row) {
    deadline_ = timeout_ms_ > 0
                    ? std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_)
                    : std::chrono::steady_clock::time_point();
    Stmt st(db_, sql.c_str());
    if (!st.ok()) return Status::Internal(path_ + ": " + sqlite3_errmsg(db_));
    for (size_t i = 0; i < args.size(); ++i) st.Bind(static_cast<int>(i + 1), args[i]);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) row(st);
    deadline_ = std::chrono::steady_clock::time_point();
    if (rc == SQLITE_INTERRUPT)
      return Status::Timeout(path_ + ": the query took longer than " + std::to_string(timeout_ms_) +
                             " ms");
    if (rc != SQLITE_DONE) return Status::IoError(path_ + ": " + sqlite3_errmsg(db_));
    return Status::Ok();
  }

  Status Events(const EventQuery& q, const std::function<void(const EventRow&)>& each) override {
    std::vector<std::string> args;
    std::string sql =
        "SELECT e.doc_id, d.url, d.title, e.json, e.date, e.source_code, e.target_code, e.cameo,"
        " e.modality, e.trigger, e.event_id, e.source_country, e.target_country, e.root, e.plover,"
        " d.published, d.source, e.quad, e.goldstein, e.location"
        // The page is chosen over narrow rows first: sorting whole rows would carry every
        // matching event's JSON through the sorter.
        " FROM (SELECT e.rowid AS k, e.date IS NULL AS undated, e.date AS date, e.doc_id AS doc,"
        " CAST(substr(e.event_id, 3) AS INTEGER) AS n FROM events e" +
        EventWhere(q, &args) + " ORDER BY 2, 3, 4, 5" + Paging(q.limit, q.offset) +
        ") page JOIN events e ON e.rowid = page.k JOIN documents d ON d.id = e.doc_id"
        " ORDER BY page.undated, page.date, page.doc, page.n";
    return Query(sql, args, [&](Stmt& st) {
      EventRow r{st.Col(0),
                 st.Col(1),
                 st.Col(2),
                 st.Col(3),
                 st.Col(4),
                 st.Col(5),
                 st.Col(6),
                 st.Col(7),
                 st.Col(8),
                 st.Col(9),
                 st.Col(10),
                 st.Col(11),
                 st.Col(12),
                 st.Col(13),
                 st.Col(14),
                 st.Col(15),
                 st.Col(16),
                 static_cast<int>(st.ColInt(17)),
                 sqlite3_column_double(st.get(), 18),
                 st.Col(19)};
      each(r);
    });
  }

  Result<long> CountEvents(const EventQuery& q) override {
    std::vector<std::string> args;
    long n = 0;
    Status s = Query("SELECT count(*) FROM events e" + EventWhere(q, &args), args,
                     [&](Stmt& st) { n = st.ColInt(0); });
    if (!s.ok()) return s;
    return n;
  }

  Result<StoredDocument> GetDocument(const std::string& id) override {
    std::optional<StoredDocument> d;
    Status s = Query(
        "SELECT id, title, published, url, source, text, analysis, engine_version, bundle_id"
        " FROM documents WHERE id = ?",
        {id}, [&](Stmt& st) {
          d = StoredDocument{st.Col(0), st.Col(1), st.Col(2), st.Col(3), st.Col(4),
                             st.Col(5), st.Col(6), st.Col(7), st.Col(8)};
        });
    if (!s.ok()) return s;
    if (!d) return Status::NotFound("no document with id " + id);
    return std::move(*d);
  }

  Status Timeline(const EventQuery& q, const std::function<void(const DayCount&)>& each) override {
    std::vector<std::string> args;
    std::string sql = "SELECT substr(e.date, 1, 10) AS day, e.root, count(*) FROM events e" +
                      EventWhere(q, &args) +
                      " AND e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
                      " GROUP BY day, e.root ORDER BY day, e.root";
    return Query(sql, args, [&](Stmt& st) { each(DayCount{st.Col(0), st.Col(1), st.ColInt(2)}); });
  }

  Status Actors(const EventQuery& q, const std::function<void(const ActorCount&)>& each) override {
    std::vector<std::string> args;
    std::string where = EventWhere(q, &args);
    std::vector<std::string> both = args;
    both.insert(both.end(), args.begin(), args.end());
    std::string sql =
        "SELECT code, max(country), sum(src), sum(tgt) FROM ("
        " SELECT e.source_code AS code, e.source_country AS country, 1 AS src, 0 AS tgt FROM "
        "events e" +
        where +
        " AND e.source_code IS NOT NULL AND e.source_code <> ''"
        " UNION ALL SELECT e.target_code, e.target_country, 0, 1 FROM events e" +
        where +
        " AND e.target_code IS NOT NULL AND e.target_code <> '')"
        " GROUP BY code ORDER BY sum(src) + sum(tgt) DESC, code" +
        Paging(q.limit, 0);
    return Query(sql, both, [&](Stmt& st) {
      each(ActorCount{st.Col(0), st.Col(1), st.ColInt(2), st.ColInt(3)});
    });
  }

  Status Graph(const EventQuery& q, const std::function<void(const GraphEdge&)>& each) override {
    std::vector<std::string> args;
    std::string where = EventWhere(q, &args);
    std::string sql =
        "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e" + where +
        " AND e.source_code <> '' AND e.target_code <> '' AND e.source_code <> e.target_code"
        " GROUP BY e.source_code, e.target_code ORDER BY count(*) DESC, 1, 2" +
        Paging(q.limit, 0);
    Status s = Query(sql, args, [&](Stmt& st) {
      each(GraphEdge{st.Col(0), st.Col(1), "event", st.ColInt(2),
                     sqlite3_column_double(st.get(), 3)});
    });
    if (!s.ok()) return s;
    // Relations stated in the documents of those events, undirected: (min, max) pairs.
    args.clear();
    sql =
        "SELECT min(r.a, r.b), max(r.a, r.b), r.type, count(DISTINCT r.doc_id) FROM relations r"
        " WHERE r.doc_id IN (SELECT e.doc_id FROM events e" +
        EventWhere(q, &args) +
        ")"
        " GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3" +
        Paging(q.limit, 0);
    return Query(sql, args, [&](Stmt& st) {
      each(GraphEdge{st.Col(0), st.Col(1), st.Col(2), st.ColInt(3), 0});
    });
  }

  Result<StoreStats> Stats() override {
    StoreStats out;
    struct {
      const char* table;
      long* n;
    } counts[] = {{"documents", &out.documents}, {"events", &out.events},
                  {"sentences", &out.sentences}, {"entities", &out.entities},
                  {"quotes", &out.quotes},       {"times", &out.times},
                  {"relations", &out.relations}};
    for (const auto& c : counts) {
      Status s = Query(std::string("SELECT count(*) FROM ") + c.table, {},
                       [&](Stmt& st) { *c.n = st.ColInt(0); });
      if (!s.ok()) return s;
    }
    Status s = Query("SELECT count(DISTINCT name) FROM learned_mentions", {},
                     [&](Stmt& st) { out.learned_names = st.ColInt(0); });
    if (s.ok())
      s = Query("SELECT min(date), max(date) FROM events WHERE date GLOB '[0-9][0-9][0-9][0-9]*'",
                {}, [&](Stmt& st) {
                  out.first_event_date = st.Col(0);
                  out.last_event_date = st.Col(1);
                });
    if (s.ok())
      s = Query("SELECT root, count(*) FROM events GROUP BY root ORDER BY root", {},
                [&](Stmt& st) { out.events_by_root.emplace_back(st.Col(0), st.ColInt(1)); });
    if (!s.ok()) return s;
    out.schema = "sqlite " + std::to_string(Version());
    return out;
  }

  // The FROM and WHERE of search `q`; its values in `args` (numbered ?N: the first two
  // are the snippet marks).
  Result<std::string> SearchFrom(const SearchQuery& q, std::vector<std::string>* args) {
    if (!lex_)
      return Status::InvalidInput(path_ +
                                  ": searching needs the store opened with the engine "
                                  "(its lexicon reads the query)");
    Result<std::string> match = ToFts5Query(q.text);
    if (!match.ok()) return match.status();
    *args = {q.mark_start, q.mark_end, match.value()};
    auto param = [&](std::string v) {
      args->push_back(std::move(v));
      return "?" + std::to_string(args->size());
    };
    std::string sql =
        " FROM documents_fts JOIN documents d ON d.docno = documents_fts.rowid"
        " WHERE documents_fts MATCH ?3";
    sql += SearchFilterSql(q, param, [](const std::string& column, const std::string& p) {
      return "substr(" + column + ", 1, length(" + p + ")) = " + p;
    });
    return sql;
  }

  Status Search(const SearchQuery& q, const std::function<void(const SearchHit&)>& each) override {
    std::vector<std::string> args;
    Result<std::string> from = SearchFrom(q, &args);
    if (!from.ok()) return from.status();
    // The page is ranked first; snippets, the costly part, are made for its rows only.
    std::string page =
        "page AS (SELECT d.docno AS docno, d.id AS id, -bm25(documents_fts, 2.0, 1.0) AS score" +
        from.value() + " ORDER BY 3 DESC, 2" + Paging(q.limit, q.offset) + ")";
    if (!q.HasFilters() && q.limit > 0) {
      // Without filters on the documents, the hits are ranked by the index alone, and only
      // those scoring at least the page's last are looked up for their ids, which break
      // ties: not every hit of a common word.
      page = "hits AS MATERIALIZED (SELECT rowid AS docno, -bm25(documents_fts, 2.0, 1.0) AS score"
             " FROM documents_fts WHERE documents_fts MATCH ?3),"
             " cut AS (SELECT score FROM hits ORDER BY score DESC LIMIT 1 OFFSET " +
             std::to_string(q.offset + q.limit - 1) +
             "), page AS (SELECT h.docno AS docno, d.id AS id, h.score AS score FROM hits h"
             " JOIN documents d ON d.docno = h.docno"
             " WHERE h.score >= coalesce((SELECT score FROM cut), -1e308)"
             " ORDER BY 3 DESC, 2" + Paging(q.limit, q.offset) + ")";
    }
    std::string sql =
        "WITH " + page +
        " SELECT d.id, d.title, d.published, d.url, d.source, page.score,"
        " snippet(documents_fts, -1, ?1, ?2, '…', 12)"
        " FROM page JOIN documents_fts ON documents_fts.rowid = page.docno"
        " JOIN documents d ON d.docno = page.docno"
        " WHERE documents_fts MATCH ?3 ORDER BY page.score DESC, page.id";
    return Query(sql, args, [&](Stmt& st) {
      each(SearchHit{st.Col(0), st.Col(1), st.Col(2), st.Col(3), st.Col(4),
                     sqlite3_column_double(st.get(), 5), st.Col(6)});
    });
  }

  Result<long> CountSearch(const SearchQuery& q) override {
    std::vector<std::string> args;
    Result<std::string> from = SearchFrom(q, &args);
    if (!from.ok()) return from.status();
    long n = 0;
    // ?1 and ?2 (the snippet marks) go unused: ?3 numbers them, so they bind harmlessly.
    // Without filters on the documents the index counts its hits alone.
    Status s = Query(q.HasFilters() ? "SELECT count(*)" + from.value()
                                 : "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?3",
                     args, [&](Stmt& st) { n = st.ColInt(0); });
    if (!s.ok()) return s;
    return n;
  }

  Result<long> CountDocuments() override { return Count("SELECT count(*) FROM documents"); }
  Result<long> CountEvents() override { return Count("SELECT count(*) FROM events"); }

 private:
  int Version() {
    Stmt q(db_, "SELECT value FROM meta WHERE key='schema_version'");
    return q.ok() && q.Step() == SQLITE_ROW ? std::atoi(q.Col(0).c_str()) : 0;
  }

  // FTS5 removes a document's terms by tokenizing its stored text again, so the index
  // must be rebuilt whenever the terms of a text may change: a new tokenizer version or
  // lexicon bundle (and after the migration that created the index, which records none).
  Status IndexWithThisTokenizer() {
    std::string id = std::to_string(kSearchTokenizerVersion) + "/" + lex_->bundle_id();
    auto indexed_with = [&] {
      Stmt q(db_, "SELECT value FROM meta WHERE key='search_index'");
      return q.ok() && q.Step() == SQLITE_ROW ? q.Col(0) : std::string();
    };
    if (indexed_with() == id) return Status::Ok();
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    if (indexed_with() != id) {
      Status s = Exec("INSERT INTO documents_fts(documents_fts) VALUES('rebuild')");
      Stmt m(db_, "INSERT OR REPLACE INTO meta VALUES('search_index', ?)");
      m.Bind(1, id);
      if (s.ok() && m.Step() != SQLITE_DONE) s = Err("record the search index's tokenizer");
      if (!s.ok()) {
        (void)Exec("ROLLBACK");
        return Status::IoError(s.message() + " (while indexing the documents for search)");
      }
    }
    return Exec("COMMIT");
  }


  Result<long> Count(const char* sql) {
    Stmt st(db_, sql);
    if (st.Step() != SQLITE_ROW) return Status::IoError(path_ + ": " + sqlite3_errmsg(db_));
    return static_cast<long>(sqlite3_column_int64(st.get(), 0));
  }
  Status Err(const char* what) {
    return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }
  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = path_ + ": " + (err ? err : "sqlite error");
      sqlite3_free(err);
      return Status::IoError(m);
    }
    return Status::Ok();
  }

  // A prepared statement of the write path, kept for the connection's life, reset and
  // unbound for this use.
  Stmt& Cached(const char* sql) {
    auto& slot = cache_[sql];
    if (!slot) slot = std::make_unique<Stmt>(db_, sql);
    slot->Reset();
    return *slot;
  }

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  std::string path_;
  int timeout_ms_ = 0;
  std::chrono::steady_clock::time_point deadline_;  // zero: none
  std::shared_ptr<const Lexicon> lex_;              // null: no search index reads or writes
};

}  // namespace

std::string ContentHash(const Document& doc, const std::string& bundle_id) {
  std::string key = doc.text + '\x1f' + doc.title.value_or("") + '\x1f' +
                    doc.published.value_or("") + '\x1f' + doc.url.value_or("") + '\x1f' +
                    doc.source.value_or("") + '\x1f' + bundle_id;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(Fnv1a64(key.data(), key.size())));
  return hash;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& uri, const Engine* engine) {
  if (uri.rfind("postgresql://", 0) == 0 || uri.rfind("postgres://", 0) == 0)
    return OpenPostgresStore(uri, engine ? engine->lexicon() : nullptr);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string m = uri + ": cannot open database: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Status::IoError(m);
  }
  auto s = std::make_unique<SqliteStore>(db, uri, engine ? engine->lexicon() : nullptr);
  Status st = s->Init();
  if (!st.ok()) return st;
  return std::unique_ptr<Store>(std::move(s));
}

}  // namespace hadath
