// Full-text search through the Store interface: filters, ranking, idempotent indexing,
// migration of a database from before search, and hostile queries.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <sstream>
#include <thread>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "include/hadath/store.h"
#include "src/engine/read_text.h"
#include "src/store/fts_arabic.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

std::string TempDb() {
  char tmpl[] = "/tmp/hadath-search-XXXXXX";
  int fd = mkstemp(tmpl);
  close(fd);
  unlink(tmpl);
  return std::string(tmpl) + ".db";
}

Document Doc(const std::string& id, const std::string& text, const std::string& published,
             const std::string& source) {
  Document d;
  d.id = id;
  d.text = text;
  d.published = published;
  d.source = source;
  return d;
}

PutOutcome Put(Store& st, const Document& d) {
  const Engine& e = testing::TestEngine();
  Result<Analysis> a = e.Analyze(d);
  EXPECT_TRUE(a.ok());
  Result<PutOutcome> r = st.Put(d, a.value(), "t", e.bundle_id());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : PutOutcome::kUnchanged;
}

// Ids of the hits, best first; "ERROR …" when the search fails.
std::string Ids(Store& st, SearchQuery q) {
  std::string out;
  Status s = st.Search(q, [&](const SearchHit& h) { out += (out.empty() ? "" : " ") + h.doc_id; });
  return s.ok() ? out : "ERROR " + s.message();
}

// The ids of Ids() in alphabetical order, where the ranking is not what is tested.
std::string Sorted(const std::string& ids) {
  std::vector<std::string> v;
  for (size_t a = 0; a < ids.size();) {
    size_t b = ids.find(' ', a);
    if (b == std::string::npos) b = ids.size();
    v.push_back(ids.substr(a, b - a));
    a = b + 1;
  }
  std::sort(v.begin(), v.end());
  std::string out;
  for (const std::string& id : v) out += (out.empty() ? "" : " ") + id;
  return out;
}

std::string Ids(Store& st, const std::string& text) {
  SearchQuery q;
  q.text = text;
  return Ids(st, q);
}

// A raw connection to the store's file with the search tokenizer, to inspect the index.
class Raw {
 public:
  explicit Raw(const std::string& path) {
    sqlite3_open(path.c_str(), &db_);
    (void)RegisterSearchTokenizer(db_, testing::TestEngine().lexicon());
  }
  ~Raw() { sqlite3_close(db_); }
  int Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  long Long(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    long v = -1;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      v = static_cast<long>(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    return v;
  }
  // FTS5 checks its index against the documents, tokenizing them again.
  bool IndexIntact() {
    return Exec("INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)") ==
           SQLITE_OK;
  }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempDb();
    auto s = Store::Open(path_, &testing::TestEngine());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = s.take();
    // a and b have events RUSGOV → CHNGOV (CAMEO root 04), c one of EGYGOV (root 01).
    Put(*store_,
        Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.", "2021-04-12", "wire"));
    Put(*store_, Doc("b", "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين.",
                     "2022-03-01", "paper"));
    Put(*store_, Doc("c", "دعت الرئاسة المصرية إلى عقد القمة في القاهرة عام ٢٠٢٣.", "2023-01-05",
                     "wire"));
  }
  void TearDown() override {
    store_.reset();
    unlink(path_.c_str());
  }
  SearchQuery All() {  // matches a (الخارجية), b (الرئيس) and c (الرئاسة, by stem)
    SearchQuery q;
    q.text = "الخارجية OR الرئيس";
    return q;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteSearch, FindsAnySpellingAndReturnsTheDocumentFields) {
  EXPECT_EQ(Ids(*store_, "والرئيس"), "b c");
  EXPECT_EQ(Ids(*store_, "2023"), "c");
  EXPECT_EQ(Ids(*store_, "بوتين"), "b");
  EXPECT_EQ(Ids(*store_, "وتين"), "");
  SearchQuery q;
  q.text = "القاهرة";
  q.mark_start = "<";
  q.mark_end = ">";
  std::vector<SearchHit> hits;
  ASSERT_TRUE(store_->Search(q, [&](const SearchHit& h) { hits.push_back(h); }).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].published, "2023-01-05");
  EXPECT_EQ(hits[0].source, "wire");
  EXPECT_EQ(hits[0].snippet, "دعت الرئاسة المصرية إلى عقد القمة في <القاهرة> عام ٢٠٢٣.");
  EXPECT_GT(hits[0].score, 0);
}

TEST_F(SqliteSearch, Filters) {
  SearchQuery q = All();
  EXPECT_EQ(Sorted(Ids(*store_, q)), "a b c");
  q.from = "2022";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "b c");
  q.to = "2022-12";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "b");
  q = All();
  q.source = "wire";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "a c");
  q = All();
  q.actor = "rus";  // a code's start, any case
  EXPECT_EQ(Sorted(Ids(*store_, q)), "a b");
  q.actor = "CHNGOV";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "a b");
  q = All();
  q.country = "EGY";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "c");
  q.root = "04";  // all event conditions hold for one event
  EXPECT_EQ(Sorted(Ids(*store_, q)), "");
  q = All();
  q.root = "04";
  EXPECT_EQ(Sorted(Ids(*store_, q)), "a b");
  q = All();
  std::string ranked = Ids(*store_, q);  // paging follows the ranking
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(Ids(*store_, q), ranked.substr(2, 1));
  q.limit = 0;
  EXPECT_EQ(Ids(*store_, q), ranked.substr(2));
}

// Hits with equal scores come in id order, across page boundaries, with or without
// filters on the documents (which take another way through the index).
TEST_F(SqliteSearch, TiesAreBrokenByIdOnEveryPage) {
  for (const char* id : {"t3", "t1", "t4", "t2"})
    Put(*store_, Doc(id, "أغلقت السلطات المعبر الحدودي مع الأردن.", "2023-02-01", "wire"));
  Put(*store_, Doc("t0", "أغلقت السلطات المعبر الحدودي مع الأردن ثم أغلقت المعبر الثاني.", "2023-02-01",
                   "wire"));
  SearchQuery q;
  q.text = "المعبر";
  EXPECT_EQ(Ids(*store_, q), "t0 t1 t2 t3 t4");
  for (bool filtered : {false, true}) {
    q.from = filtered ? "2000" : "";
    std::string pages;
    for (size_t offset = 0; offset < 6; offset += 2) {
      q.limit = 2;
      q.offset = offset;
      pages += (pages.empty() ? "" : " | ") + Ids(*store_, q);
    }
    EXPECT_EQ(pages, "t0 t1 | t2 t3 | t4") << filtered;
    EXPECT_EQ(store_->CountSearch(q).value(), 5) << filtered;
  }
}

TEST_F(SqliteSearch, ExactFormsRankAboveStemMatches) {
  Put(*store_, Doc("x", "قال الرئيس إن المحادثات كانت مثمرة وبناءة.", "2023-02-01", "wire"));
  Put(*store_, Doc("y", "قالت الرئاسة إن المحادثات كانت مثمرة وبناءة.", "2023-02-01", "wire"));
  SearchQuery q;
  q.text = "مثمرة الرئيس";
  EXPECT_EQ(Ids(*store_, q), "x y");
  q.text = "مثمرة الرئاسة";
  EXPECT_EQ(Ids(*store_, q), "y x");
}

TEST_F(SqliteSearch, ReingestAddsNothingAndAChangedDocumentReplacesItsRowsOnly) {
  Document a = Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.", "2021-04-12", "wire");
  EXPECT_EQ(Put(*store_, a), PutOutcome::kUnchanged);
  Raw raw(path_);
  EXPECT_EQ(raw.Long("SELECT count(*) FROM documents_fts_docsize"), 3);
  EXPECT_EQ(Ids(*store_, "لافروف"), "a");

  a.text = "استقبل الرئيس المصري وفداً أردنياً في العاصمة.";
  EXPECT_EQ(Put(*store_, a), PutOutcome::kReplaced);
  EXPECT_EQ(raw.Long("SELECT count(*) FROM documents_fts_docsize"), 3);
  EXPECT_EQ(Ids(*store_, "لافروف"), "");
  EXPECT_EQ(Ids(*store_, "وفدا"), "a");
  EXPECT_EQ(Ids(*store_, "بوتين"), "b");
  EXPECT_TRUE(raw.IndexIntact());
}

// Terms prepared on another thread index the same as terms read by the writer.
TEST_F(SqliteSearch, PreparedTermsIndexAsTheWriterWould) {
  const Engine& e = testing::TestEngine();
  Document d = Doc("p", "وصل وزير الخارجية الروسي إلى القاهرة لبحث ٢٠٢٣.", "2023-02-01", "wire");
  d.title = "لافروف في القاهرة";
  std::shared_ptr<const ReadText> read;  // the engine's reading of the text, as ingest does
  Analysis a = e.Analyze(d, &read).value();
  std::shared_ptr<const void> prepared;
  std::thread([&] { prepared = store_->Prepare(d, a, read.get()); }).join();
  ASSERT_TRUE(prepared);
  ASSERT_TRUE(store_->PutPrepared(d, a, "t", e.bundle_id(), prepared).ok());
  auto sorted = [](std::string ids) {  // by id, whatever the ranking
    std::istringstream in(ids);
    std::vector<std::string> v{std::istream_iterator<std::string>(in), {}};
    std::sort(v.begin(), v.end());
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : " ") + x;
    return out;
  };
  EXPECT_EQ(sorted(Ids(*store_, "والقاهرة")), "c p");
  EXPECT_EQ(sorted(Ids(*store_, "لافروف")), "a p");  // the title's terms too
  EXPECT_EQ(sorted(Ids(*store_, "2023")), "c p");
  Raw raw(path_);
  EXPECT_TRUE(raw.IndexIntact());  // FTS5 reads the text again: the terms must agree
}

TEST(SqliteSearchMigration, IndexesADatabaseFromBeforeSearch) {
  std::string path = TempDb();
  {
    auto old = Store::Open(path);  // without the engine the schema stops before search
    ASSERT_TRUE(old.ok());
  }
  {
    Raw raw(path);
    EXPECT_EQ(raw.Long("SELECT value FROM meta WHERE key='schema_version'"), 2);
    ASSERT_EQ(
        raw.Exec("INSERT INTO "
                 "documents(id,content_hash,title,published,text,analysis,engine_version,bundle_id)"
                 " VALUES('old','h','عنوان','2020-01-01','وصل الرئيس إلى بغداد.','{}','0','0')"),
        SQLITE_OK);
  }
  auto s = Store::Open(path, &testing::TestEngine());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(Ids(*s.value(), "الرئيس بغداد"), "old");
  Raw raw(path);
  EXPECT_EQ(raw.Long("SELECT value FROM meta WHERE key='schema_version'"), 5);
  EXPECT_TRUE(raw.IndexIntact());

  // An index written by another tokenizer or bundle is rebuilt on open.
  s.value().reset();
  ASSERT_EQ(raw.Exec("INSERT INTO documents_fts(documents_fts) VALUES('delete-all');"
                     "UPDATE meta SET value='0/other' WHERE key='search_index'"),
            SQLITE_OK);
  s = Store::Open(path, &testing::TestEngine());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Ids(*s.value(), "بغداد"), "old");
  unlink(path.c_str());
}

TEST(SqliteSearchMigration, WithoutTheEngineSearchAndPutSayWhy) {
  std::string path = TempDb();
  ASSERT_TRUE(Store::Open(path, &testing::TestEngine()).ok());
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok());
  SearchQuery q;
  q.text = "الرئيس";
  Status st = s.value()->Search(q, [](const SearchHit&) {});
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("needs the store opened with the engine"), std::string::npos)
      << st.message();
  Document d = Doc("a", "نص.", "2021-01-01", "");
  EXPECT_FALSE(s.value()->Put(d, testing::TestEngine().Analyze(d).value(), "t", "b").ok());
  EXPECT_TRUE(s.value()->Events(EventQuery{}, [](const EventRow&) {}).ok());
  unlink(path.c_str());
}

TEST_F(SqliteSearch, MalformedQueriesAreInvalidInput) {
  EXPECT_EQ(Ids(*store_, "\"الرئيس"), "ERROR query: quote never closed (character 1)");
  EXPECT_EQ(Ids(*store_, "NOT الرئيس"),
            "ERROR query: NOT needs a term before it (write «A NOT B») (character 1)");
}

// Random queries over the syntax's characters: each is answered or rejected as
// InvalidInput; FTS5 never sees an expression it cannot parse.
TEST_F(SqliteSearch, RandomQueriesNeverReachFts5Malformed) {
  const std::vector<std::string> pieces = {
      "الرئيس", "روسيا", "2023",  "٢٠٢٣", "\"", "«", "»", "(", ")", "*", "~",    " ",
      " OR ",   " AND ", " NOT ", "NEAR", ":",  "^", "-", "+", "'", "،", "\xff", "title:"};
  std::mt19937 rng(20230920);
  for (int i = 0; i < 2000; ++i) {
    SearchQuery q;
    int n = static_cast<int>(rng() % 8) + 1;
    for (int k = 0; k < n; ++k) q.text += pieces[rng() % pieces.size()];
    Status s = store_->Search(q, [](const SearchHit&) {});
    ASSERT_TRUE(s.ok() || s.code() == Status::Code::kInvalidInput) << q.text << ": " << s.message();
  }
}

}  // namespace
}  // namespace hadath
