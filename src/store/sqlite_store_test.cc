#include <gtest/gtest.h>
#include <unistd.h>

#include <sqlite3.h>

#include "include/hadath/store.h"
#include "src/store/fts_arabic.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

std::string TempDb() {
  char tmpl[] = "/tmp/hadath-store-XXXXXX";
  int fd = mkstemp(tmpl);
  close(fd);
  unlink(tmpl);
  return std::string(tmpl) + ".db";
}

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.text = text;
  d.published = "2021-04-12";
  return d;
}

TEST(SqliteStore, IngestIsIdempotentAndReplacesChangedDocuments) {
  std::string path = TempDb();
  const Engine& e = testing::TestEngine();
  auto s = Store::Open(path, &e);
  ASSERT_TRUE(s.ok()) << s.status().message();
  Store& st = *s.value();
  Document d = Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.");
  auto an = e.Analyze(d);
  ASSERT_TRUE(an.ok());
  ASSERT_FALSE(an.value().events.empty());
  ASSERT_TRUE(st.Begin().ok());
  EXPECT_EQ(st.Put(d, an.value(), "t", e.bundle_id()).value(), PutOutcome::kAdded);
  EXPECT_EQ(st.Put(d, an.value(), "t", e.bundle_id()).value(), PutOutcome::kUnchanged);
  ASSERT_TRUE(st.Commit().ok());
  long events = st.CountEvents().value();
  EXPECT_EQ(events, static_cast<long>(an.value().events.size()));

  Document other = Doc("b", "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين.");
  auto an2 = e.Analyze(other);
  ASSERT_TRUE(an2.ok());
  ASSERT_TRUE(st.Put(other, an2.value(), "t", e.bundle_id()).ok());
  long both = st.CountEvents().value();

  Document changed = Doc("a", "نص آخر بلا أحداث.");
  auto an3 = e.Analyze(changed);
  EXPECT_EQ(st.Put(changed, an3.value(), "t", e.bundle_id()).value(), PutOutcome::kReplaced);
  EXPECT_EQ(st.CountDocuments().value(), 2);
  EXPECT_EQ(st.CountEvents().value(), both - events);  // only a's rows were replaced
  unlink(path.c_str());
}

TEST(SqliteStore, QueriesByActorRootAndDate) {
  std::string path = TempDb();
  const Engine& e = testing::TestEngine();
  auto s = Store::Open(path, &e);
  ASSERT_TRUE(s.ok());
  Document d = Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس.");
  ASSERT_TRUE(s.value()->Put(d, e.Analyze(d).value(), "t", e.bundle_id()).ok());
  int n = 0;
  EventQuery q;
  q.actor = "RUS";
  q.root = "04";
  q.from = "2021-04-11";
  q.to = "2021-04-11";
  ASSERT_TRUE(s.value()->Events(q, [&](const EventRow& r) {
    ++n;
    EXPECT_EQ(r.date, "2021-04-11");
  }).ok());
  EXPECT_EQ(n, 1);
  q.actor = "USA";
  n = 0;
  ASSERT_TRUE(s.value()->Events(q, [&](const EventRow&) { ++n; }).ok());
  EXPECT_EQ(n, 0);
  unlink(path.c_str());
}

// A database of schema 3 (analysis kept only as JSON) gains its rows from that JSON.
TEST(SqliteStore, MigratesVersion3RowsFromTheStoredAnalyses) {
  std::string path = TempDb();
  const Engine& e = testing::TestEngine();
  StoreStats fresh;
  {
    auto s = Store::Open(path, &e);
    ASSERT_TRUE(s.ok());
    Document d = Doc("a", "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس. وقال لافروف إن روسيا والصين شريكان.");
    ASSERT_TRUE(s.value()->Put(d, e.Analyze(d).value(), "t", e.bundle_id()).ok());
    fresh = s.value()->Stats().value();
  }
  ASSERT_GT(fresh.relations, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(RegisterSearchTokenizer(db, e.lexicon()).ok());  // ALTER TABLE reads the whole schema
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE sentences; DROP TABLE entities; DROP TABLE times; DROP TABLE quotes;"
                         "DROP TABLE relations; DROP TABLE event_mentions; DROP INDEX events_list;"
                         "DROP INDEX events_date; CREATE INDEX events_date ON events(date);"
                         "ALTER TABLE events DROP COLUMN location; ALTER TABLE events DROP COLUMN location_country;"
                         // version 3 kept the search index in step by triggers
                         "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN SELECT 1; END;"
                         "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN SELECT 1; END;"
                         "CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN SELECT 1; END;"
                         "UPDATE meta SET value='3' WHERE key='schema_version'",
                         nullptr, nullptr, &err),
            SQLITE_OK)
      << err;
  sqlite3_close(db);
  auto s = Store::Open(path, &e);
  ASSERT_TRUE(s.ok()) << s.status().message();
  StoreStats migrated = s.value()->Stats().value();
  EXPECT_EQ(migrated.schema, "sqlite 5");
  {  // the triggers are gone: the writer keeps the index in step
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master WHERE type='trigger'", -1,
                                 &st, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
  }
  EXPECT_EQ(migrated.sentences, fresh.sentences);
  EXPECT_EQ(migrated.entities, fresh.entities);
  EXPECT_EQ(migrated.times, fresh.times);
  EXPECT_EQ(migrated.relations, fresh.relations);
  EXPECT_EQ(migrated.events, fresh.events);
  unlink(path.c_str());
}

TEST(SqliteStore, RejectsANewerSchemaAndGarbageFiles) {
  std::string path = TempDb();
  FILE* f = fopen(path.c_str(), "wb");
  fputs("this is not a database at all, just some bytes", f);
  fclose(f);
  auto s = Store::Open(path);
  EXPECT_FALSE(s.ok());
  unlink(path.c_str());
}

}  // namespace
}  // namespace hadath
