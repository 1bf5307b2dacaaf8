// The PostgreSQL store against a real server (HADATH_TEST_PG_URI; tests/pg/run_pg.py
// starts one): search answers and snippets equal to the SQLite store's, ranking, year
// partitions, concurrent writers and openers, a lost connection, a new lexicon bundle.
// Each test works in a schema of its own. Without the variable only the tests that need
// no server run.
#include "src/store/pg_store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "include/hadath/store.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

TEST(PgUri, RedactsThePassword) {
  EXPECT_EQ(RedactUri("postgresql://u:secret@db.example:5432/news"),
            "postgresql://u@db.example:5432/news");
  EXPECT_EQ(RedactUri("postgres://u@h/db?password=secret&sslmode=require"),
            "postgres://u@h/db?sslmode=require");
  EXPECT_EQ(RedactUri("postgresql://h/db"), "postgresql://h/db");
}

TEST(PgConnect, ADownServerIsAClearErrorNamingTheUri) {
  // Port 1 on the loopback: nothing listens, the refusal is immediate.
  auto s = Store::Open("postgresql://u:secret@127.0.0.1:1/news?connect_timeout=3",
                       &testing::TestEngine());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIoError);
  EXPECT_NE(s.status().message().find("postgresql://u@127.0.0.1:1/news"), std::string::npos)
      << s.status().message();
  EXPECT_NE(s.status().message().find("cannot connect"), std::string::npos) << s.status().message();
  EXPECT_EQ(s.status().message().find("secret"), std::string::npos) << s.status().message();
}

Document Doc(const std::string& id, const std::string& text, const std::string& published,
             const std::string& source, std::optional<std::string> title = std::nullopt) {
  Document d;
  d.id = id;
  d.text = text;
  d.published = published;
  d.source = source;
  d.title = std::move(title);
  return d;
}

Result<PutOutcome> Put(Store& st, const Document& d) {
  const Engine& e = testing::TestEngine();
  Result<Analysis> a = e.Analyze(d);
  if (!a.ok()) return a.status();
  return st.Put(d, a.value(), "t", e.bundle_id());
}

// A raw connection, to set up schemas and look inside.
class Raw {
 public:
  explicit Raw(const std::string& uri) : c_(PQconnectdb(uri.c_str())) {
    PQsetNoticeProcessor(
        c_, [](void*, const char*) {}, nullptr);
  }
  ~Raw() { PQfinish(c_); }
  bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
  // The first value of the first row, "ERROR …" on failure.
  std::string Value(const std::string& sql) {
    PGresult* r = PQexec(c_, sql.c_str());
    std::string v;
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
      v = PQntuples(r) ? PQgetvalue(r, 0, 0) : "";
    else if (PQresultStatus(r) != PGRES_COMMAND_OK)
      v = std::string("ERROR ") + PQresultErrorMessage(r);
    PQclear(r);
    return v;
  }

 private:
  PGconn* c_;
};

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("HADATH_TEST_PG_URI");
    if (!base)
      GTEST_SKIP()
          << "HADATH_TEST_PG_URI not set (tests/pg/run_pg.py runs these against a real server)";
    base_ = base;
    schema_ = "t_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
    for (char& c : schema_) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    raw_ = std::make_unique<Raw>(base_);
    ASSERT_TRUE(raw_->ok());
    ASSERT_EQ(
        raw_->Value("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_), "");
    uri_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
    auto s = Store::Open(uri_, &testing::TestEngine());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = s.take();
  }
  std::string In(const std::string& sql) {
    return raw_->Value("SET search_path = " + schema_ + "; " + sql);
  }
  std::string base_, schema_, uri_;
  std::unique_ptr<Raw> raw_;
  std::unique_ptr<Store> store_;
};

std::string Ids(Store& st, SearchQuery q) {
  std::string out;
  Status s = st.Search(q, [&](const SearchHit& h) { out += (out.empty() ? "" : " ") + h.doc_id; });
  return s.ok() ? out : "ERROR " + s.message();
}

std::string Ids(Store& st, const std::string& text) {
  SearchQuery q;
  q.text = text;
  return Ids(st, q);
}

// The documents and queries of the search-quality set in both stores: the same documents
// found, the same counts, the same snippets (FTS5's snippet() is the reference).
TEST_F(PgStoreTest, SearchAnswersAndSnippetsEqualSqlites) {
  std::string path = "/tmp/hadath-pg-diff-" + std::to_string(getpid()) + ".db";
  unlink(path.c_str());
  auto lite = Store::Open(path, &testing::TestEngine());
  ASSERT_TRUE(lite.ok());
  std::ifstream docs(std::string(HADATH_SOURCE_DIR) + "/tests/search/docs.jsonl");
  std::string line;
  int n = 0;
  while (std::getline(docs, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    Document d = Doc(j["id"], j["text"], j.value("published", ""), j.value("source", ""),
                     j.contains("title") ? std::optional<std::string>(j["title"]) : std::nullopt);
    ASSERT_TRUE(Put(*lite.value(), d).ok());
    ASSERT_TRUE(Put(*store_, d).ok());
    ++n;
  }
  ASSERT_EQ(n, 12);
  std::vector<std::string> queries;
  std::ifstream qf(std::string(HADATH_SOURCE_DIR) + "/tests/search/queries.jsonl");
  while (std::getline(qf, line))
    if (!line.empty()) queries.push_back(nlohmann::json::parse(line)["query"]);
  for (const char* extra :
       {"الرئيس OR مصر OR روسيا", "\"وزير الخارجية\" OR القاهرة", "انتخاب* الرئيس",
        "(الرئيس OR الجيش) NOT (زلزال OR بوتين)", "2023", "وفد*"})
    queries.push_back(extra);
  size_t hits = 0;
  for (const std::string& text : queries) {
    SearchQuery q;
    q.text = text;
    q.limit = 0;
    q.mark_start = "<";
    q.mark_end = ">";
    std::map<std::string, std::string> want, got;
    ASSERT_TRUE(
        lite.value()->Search(q, [&](const SearchHit& h) { want[h.doc_id] = h.snippet; }).ok());
    Status s = store_->Search(q, [&](const SearchHit& h) { got[h.doc_id] = h.snippet; });
    ASSERT_TRUE(s.ok()) << text << ": " << s.message();
    EXPECT_EQ(got, want) << text;
    hits += want.size();
    EXPECT_EQ(store_->CountSearch(q).value(), static_cast<long>(want.size())) << text;
  }
  EXPECT_GT(hits, 60u);  // the comparison compared something
  lite.value().reset();
  for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
}

TEST_F(PgStoreTest, ExactFormsRankAboveStemMatchesAndTitlesAboveText) {
  ASSERT_TRUE(
      Put(*store_, Doc("x", "قال الرئيس إن المحادثات كانت مثمرة وبناءة.", "2023-02-01", "wire"))
          .ok());
  ASSERT_TRUE(
      Put(*store_, Doc("y", "قالت الرئاسة إن المحادثات كانت مثمرة وبناءة.", "2023-02-01", "wire"))
          .ok());
  EXPECT_EQ(Ids(*store_, "مثمرة الرئيس"), "x y");
  EXPECT_EQ(Ids(*store_, "مثمرة الرئاسة"), "y x");
  ASSERT_TRUE(
      Put(*store_, Doc("t", "وصلت الطائرة مساء أمس.", "2023-02-02", "wire", "الزلزال")).ok());
  ASSERT_TRUE(
      Put(*store_, Doc("u", "تحدث الخبراء عن الزلزال وعن الطقس أمس.", "2023-02-02", "wire", "خبر"))
          .ok());
  EXPECT_EQ(Ids(*store_, "الزلزال"), "t u");
  SearchQuery q;
  q.text = "الرئيس";
  std::vector<double> scores;
  ASSERT_TRUE(store_->Search(q, [&](const SearchHit& h) { scores.push_back(h.score); }).ok());
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_GT(scores[1], 0);
}

TEST_F(PgStoreTest, FiltersAndPaging) {
  ASSERT_TRUE(Put(*store_, Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.",
                               "2021-04-12", "wire"))
                  .ok());
  ASSERT_TRUE(
      Put(*store_, Doc("b", "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين.",
                       "2022-03-01", "paper"))
          .ok());
  ASSERT_TRUE(Put(*store_, Doc("c", "دعت الرئاسة المصرية إلى عقد القمة في القاهرة عام ٢٠٢٣.",
                               "2023-01-05", "wire"))
                  .ok());
  SearchQuery q;
  q.text = "الخارجية OR الرئيس";
  q.from = "2022";
  q.to = "2022-12";
  EXPECT_EQ(Ids(*store_, q), "b");
  q = SearchQuery();
  q.text = "الخارجية OR الرئيس";
  q.actor = "rus";
  q.root = "04";
  std::string ids = Ids(*store_, q);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, " ab");
  q = SearchQuery();
  q.text = "الخارجية OR الرئيس";
  std::string ranked = Ids(*store_, q);
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(Ids(*store_, q), ranked.substr(2, 1));
  EXPECT_EQ(Ids(*store_, "\"الرئيس"), "ERROR query: quote never closed (character 1)");
}

// Random queries over the syntax's characters are answered or rejected as InvalidInput:
// the tsquery made of them is always well formed.
TEST_F(PgStoreTest, RandomQueriesNeverReachPostgresMalformed) {
  ASSERT_TRUE(Put(*store_, Doc("a", "زار وزير الخارجية الروسي لافروف الصين في 20/9/2023.",
                               "2023-09-21", "wire"))
                  .ok());
  const std::vector<std::string> pieces = {
      "الرئيس", "روسيا", "2023",  "٢٠٢٣", "\"", "«", "»", "(", ")", "*",   "~",    " ",
      " OR ",   " AND ", " NOT ", "'",    "\\", ":", "&", "|", "!", "<->", "\xff", "O'Neil"};
  std::mt19937 rng(20230920);
  for (int i = 0; i < 500; ++i) {
    SearchQuery q;
    int n = static_cast<int>(rng() % 8) + 1;
    for (int k = 0; k < n; ++k) q.text += pieces[rng() % pieces.size()];
    Status s = store_->Search(q, [](const SearchHit&) {});
    ASSERT_TRUE(s.ok() || s.code() == Status::Code::kInvalidInput) << q.text << ": " << s.message();
  }
}

TEST_F(PgStoreTest, EventsGoToTheirYearsPartitionAndAChangedDocumentMovesThem) {
  Document d = Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.", "2021-04-12", "wire");
  ASSERT_EQ(Put(*store_, d).value(), PutOutcome::kAdded);
  EXPECT_EQ(In("SELECT count(*) FROM events_y2021"), "1");
  EXPECT_EQ(Put(*store_, d).value(), PutOutcome::kUnchanged);
  d.published = "2019-06-01";  // the same event, now in 2019
  ASSERT_EQ(Put(*store_, d).value(), PutOutcome::kReplaced);
  EXPECT_EQ(In("SELECT count(*) FROM events_y2021"), "0");
  EXPECT_EQ(In("SELECT count(*) FROM events_y2019"), "1");
  EXPECT_EQ(In("SELECT count(*) FROM events WHERE year = 2019 AND date LIKE '2019-05-31'"), "1");
  EXPECT_EQ(In("SELECT count(*) FROM documents"), "1");
  EventQuery q;
  q.from = "2019-05";
  q.to = "2019";
  EXPECT_EQ(store_->CountEvents(q).value(), 1);
  q.from = "2020";
  q.to = "";
  EXPECT_EQ(store_->CountEvents(q).value(), 0);
  auto st = store_->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st.value().schema, "postgresql 4");
  EXPECT_EQ(st.value().first_event_date, "2019-05-31");
  // Events have no foreign key (see the schema): a trigger deletes them with the document.
  EXPECT_EQ(In("DELETE FROM documents"), "");
  EXPECT_EQ(In("SELECT count(*) FROM events"), "0");
}

// The tsvector made ahead (on an analysis thread) is what Put would make.
TEST_F(PgStoreTest, PreparedDocumentsAreStoredAndFound) {
  const Engine& e = testing::TestEngine();
  Document d = Doc("p", "وصل الرئيس إلى بغداد أمس.", "2020-01-01", "w");
  Analysis a = e.Analyze(d).value();
  std::shared_ptr<const void> prepared = store_->Prepare(d, a);
  ASSERT_TRUE(prepared);
  auto r = store_->PutPrepared(d, a, "t", e.bundle_id(), prepared);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value(), PutOutcome::kAdded);
  EXPECT_EQ(Ids(*store_, "بغداد"), "p");
  EXPECT_EQ(store_->Put(d, a, "t", e.bundle_id()).value(), PutOutcome::kUnchanged);
  EXPECT_TRUE(store_->Unchanged(d, e.bundle_id()).value());
  d.text += " وغادر.";
  EXPECT_FALSE(store_->Unchanged(d, e.bundle_id()).value());
}

// Writers on many machines: four stores write the same documents in batches, in orders
// that make them wait for each other's rows (and deadlock now and then). Every document
// and event is stored once.
TEST_F(PgStoreTest, ConcurrentWritersStoreEachDocumentOnce) {
  const Engine& e = testing::TestEngine();
  std::vector<std::pair<Document, Analysis>> docs;
  const char* texts[] = {"زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.",
                         "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني في بكين.",
                         "اتهمت إيران الولايات المتحدة بالتدخل في شؤونها.",
                         "دعت الرئاسة المصرية إلى عقد القمة في القاهرة."};
  for (int i = 0; i < 60; ++i) {
    Document d = Doc("c" + std::to_string(i), texts[i % 4],
                     std::to_string(2000 + i % 7) + "-03-0" + std::to_string(1 + i % 9), "w");
    docs.emplace_back(d, e.Analyze(d).value());
  }
  long events = 0;
  for (const auto& [d, a] : docs) events += static_cast<long>(a.events.size());
  std::vector<std::thread> workers;
  std::vector<std::string> errors(4);
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      auto s = Store::Open(uri_, &e);
      if (!s.ok()) {
        errors[w] = s.status().message();
        return;
      }
      std::vector<size_t> order(docs.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::shuffle(order.begin(), order.end(), std::mt19937(w));
      Store& st = *s.value();
      for (size_t k = 0; k < order.size(); k += 7) {
        if (Status b = st.Begin(); !b.ok()) errors[w] = b.message();
        for (size_t i = k; i < std::min(order.size(), k + 7); ++i) {
          auto r = st.Put(docs[order[i]].first, docs[order[i]].second, "t", e.bundle_id());
          if (!r.ok()) errors[w] = r.status().message();
        }
        if (Status c = st.Commit(); !c.ok()) errors[w] = c.message();
      }
    });
  }
  for (std::thread& t : workers) t.join();
  for (const std::string& err : errors) EXPECT_EQ(err, "");
  EXPECT_EQ(store_->CountDocuments().value(), 60);
  EXPECT_EQ(store_->CountEvents().value(), events);
  EXPECT_EQ(In("SELECT count(*) FROM (SELECT doc_id, event_id FROM events GROUP BY 1, 2 HAVING "
               "count(*) > 1) x"),
            "0");
  EXPECT_EQ(In("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass"),
            "8");  // 7 years, undated
}

TEST_F(PgStoreTest, FourProcessesOpeningAnEmptyDatabaseMigrateItOnce) {
  ASSERT_EQ(raw_->Value("DROP SCHEMA " + schema_ + " CASCADE; CREATE SCHEMA " + schema_), "");
  store_.reset();
  std::vector<std::thread> openers;
  std::vector<std::string> errors(4);
  for (int w = 0; w < 4; ++w)
    openers.emplace_back([&, w] {
      auto s = Store::Open(uri_, &testing::TestEngine());
      if (!s.ok()) errors[w] = s.status().message();
    });
  for (std::thread& t : openers) t.join();
  for (const std::string& err : errors) EXPECT_EQ(err, "");
  EXPECT_EQ(In("SELECT value FROM meta WHERE key = 'schema_version'"), "4");
}

// A batch whose connection is cut is written again on a new one: nothing is lost.
TEST_F(PgStoreTest, ABatchSurvivesALostConnection) {
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(
      Put(*store_, Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.", "2021-04-12", "w"))
          .ok());
  EXPECT_EQ(
      raw_->Value(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
          "'hadath' AND state LIKE 'idle in transaction%'"),
      "1");
  usleep(100000);
  auto b =
      Put(*store_, Doc("b", "اتهمت إيران الولايات المتحدة بالتدخل في شؤونها.", "2021-04-13", "w"));
  ASSERT_TRUE(b.ok()) << b.status().message();
  ASSERT_TRUE(store_->Commit().ok());
  EXPECT_EQ(In("SELECT string_agg(id, ' ' ORDER BY id) FROM documents"), "a b");
}

TEST_F(PgStoreTest, ANewLexiconBundleReindexesTheDocuments) {
  ASSERT_TRUE(Put(*store_, Doc("old", "وصل الرئيس إلى بغداد.", "2020-01-01", "w")).ok());
  ASSERT_EQ(In("UPDATE documents SET fts = ''::tsvector, fts_with = '0/other';"
               "UPDATE meta SET value = '0/other' WHERE key = 'search_index'"),
            "");
  EXPECT_EQ(Ids(*store_, "بغداد"), "");
  store_.reset();
  auto s = Store::Open(uri_, &testing::TestEngine());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(Ids(*s.value(), "الرئيس بغداد"), "old");
}

TEST_F(PgStoreTest, WithoutTheEngineSearchAndPutSayWhy) {
  auto s = Store::Open(uri_);
  ASSERT_TRUE(s.ok()) << s.status().message();
  SearchQuery q;
  q.text = "الرئيس";
  Status st = s.value()->Search(q, [](const SearchHit&) {});
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("needs the store opened with the engine"), std::string::npos)
      << st.message();
  Document d = Doc("a", "نص.", "2021-01-01", "");
  EXPECT_FALSE(s.value()->Put(d, testing::TestEngine().Analyze(d).value(), "t", "b").ok());
  EXPECT_TRUE(s.value()->Events(EventQuery{}, [](const EventRow&) {}).ok());
}

}  // namespace
}  // namespace hadath
