// What every Store answers, whatever the database behind it: run for SQLite always, and
// for PostgreSQL when HADATH_TEST_PG_URI names a server (tests/pg/run_pg.py starts one).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <map>

#include "include/hadath/store.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

// A store of the backend named by `param` ("sqlite" or "postgresql").
std::unique_ptr<Store> FreshStore(const std::string& param, std::string* cleanup) {
  if (param == "sqlite") {
    char tmpl[] = "/tmp/hadath-behaviour-XXXXXX";
    int fd = mkstemp(tmpl);
    close(fd);
    unlink(tmpl);
    *cleanup = std::string(tmpl) + ".db";
    auto s = Store::Open(*cleanup, &testing::TestEngine());
    return s.ok() ? s.take() : nullptr;
  }
  const char* uri = std::getenv("HADATH_TEST_PG_URI");
  if (!uri) return nullptr;
  auto s = Store::Open(uri, &testing::TestEngine());
  if (!s.ok()) {
    ADD_FAILURE() << s.status().message();
    return nullptr;
  }
  return s.take();
}

class StoreBehaviour : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && !std::getenv("HADATH_TEST_PG_URI"))
      GTEST_SKIP() << "HADATH_TEST_PG_URI not set (tests/pg/run_pg.py runs these against a real server)";
    store_ = FreshStore(GetParam(), &path_);
    ASSERT_TRUE(store_);
    // Ids unique per test, so a shared PostgreSQL database needs no wiping between tests.
    prefix_ = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : prefix_)
      if (c == '/') c = '_';
    Add("a", "2021-04-12", "زيارة لافروف",
        "زار وزير الخارجية الروسي سيرغي لافروف الصين أمس. وقال لافروف إن روسيا والصين شريكان استراتيجيان. "
        "وانتقد لافروف العقوبات الأمريكية.");
    Add("b", "2021-04-13", "اتهام",
        "اتهمت إيران الولايات المتحدة بالتدخل في شؤونها. ولن يزور الرئيس الإيراني واشنطن.");
  }
  void TearDown() override {
    store_.reset();
    if (!path_.empty()) unlink(path_.c_str());
  }
  std::string Id(const std::string& s) const { return prefix_ + "-" + s; }
  void Add(const std::string& id, const std::string& date, const std::string& title, const std::string& text) {
    const Engine& e = testing::TestEngine();
    Document d;
    d.id = Id(id);
    d.title = title;
    d.text = title + "\n" + text;
    d.published = date;
    d.source = "test";
    d.url = "https://example.org/" + d.id;
    auto an = e.Analyze(d);
    ASSERT_TRUE(an.ok()) << an.status().message();
    analyses_[d.id] = an.value();
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->Put(d, an.value(), "t", e.bundle_id()).ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  std::vector<EventRow> Rows(EventQuery q) {
    std::vector<EventRow> out;
    EXPECT_TRUE(store_->Events(q, [&](const EventRow& r) {
      if (r.doc_id.rfind(prefix_ + "-", 0) == 0) out.push_back(r);
    }).ok());
    return out;
  }

  std::unique_ptr<Store> store_;
  std::string path_, prefix_;
  std::map<std::string, Analysis> analyses_;
};

TEST_P(StoreBehaviour, FiltersAndCountsEvents) {
  EventQuery q;
  q.doc_id = Id("a");
  std::vector<EventRow> a = Rows(q);
  ASSERT_EQ(a.size(), analyses_[Id("a")].events.size());
  EXPECT_EQ(store_->CountEvents(q).value(), static_cast<long>(a.size()));
  for (const EventRow& r : a) {
    EXPECT_EQ(r.title, "زيارة لافروف");
    EXPECT_EQ(r.published, "2021-04-12");
    EXPECT_EQ(r.news_source, "test");
    EXPECT_FALSE(r.event_id.empty());
    EXPECT_EQ(r.root, r.cameo.substr(0, 2));
  }
  q.root = "04";
  q.country = "chn";  // case does not matter
  std::vector<EventRow> visits = Rows(q);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].source_code, "RUSGOV");
  EXPECT_EQ(visits[0].target_country, "CHN");
  EXPECT_EQ(visits[0].date, "2021-04-11");
  EXPECT_EQ(visits[0].quad, 1);

  EventQuery neg;
  neg.doc_id = Id("b");
  neg.modality = "negated";
  std::vector<EventRow> n = Rows(neg);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].source_country, "IRN");
  EXPECT_EQ(n[0].modality, "negated");

  EventQuery paged;
  paged.doc_id = Id("a");
  paged.limit = 1;
  paged.offset = 1;
  std::vector<EventRow> second = Rows(paged);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].event_id, a[1].event_id);
  EXPECT_EQ(store_->CountEvents(paged).value(), static_cast<long>(a.size()));  // paging ignored
}

TEST_P(StoreBehaviour, ReturnsDocumentsWithTheirAnalysis) {
  auto d = store_->GetDocument(Id("a"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d.value().title, "زيارة لافروف");
  EXPECT_EQ(d.value().published, "2021-04-12");
  EXPECT_NE(d.value().text.find("لافروف الصين"), std::string::npos);
  EXPECT_NE(d.value().analysis_json.find("\"schema\":\"hadath/1\""), std::string::npos);
  EXPECT_EQ(d.value().engine_version, "t");
  auto missing = store_->GetDocument(Id("nope"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST_P(StoreBehaviour, TimelineActorsAndGraph) {
  EventQuery q;
  q.doc_id = Id("a");
  std::map<std::string, long> days;
  ASSERT_TRUE(store_->Timeline(q, [&](const DayCount& c) { days[c.day + "/" + c.root] += c.events; }).ok());
  EXPECT_EQ(days["2021-04-11/04"], 1);

  std::map<std::string, ActorCount> actors;
  ASSERT_TRUE(store_->Actors(q, [&](const ActorCount& c) { actors[c.code] = c; }).ok());
  ASSERT_TRUE(actors.count("RUSGOV"));
  EXPECT_GE(actors["RUSGOV"].as_source, 1);
  EXPECT_EQ(actors["RUSGOV"].country, "RUS");
  EXPECT_GE(actors["CHNGOV"].as_target, 1);

  bool visit = false, partner = false;
  ASSERT_TRUE(store_->Graph(q, [&](const GraphEdge& g) {
    if (g.kind == "event" && g.source == "RUSGOV" && g.target == "CHNGOV") visit = g.count >= 1;
    if (g.kind == "partner") partner = g.source == "CHN" && g.target == "RUS" && g.count == 1;
  }).ok());
  EXPECT_TRUE(visit);
  EXPECT_TRUE(partner);
}

TEST_P(StoreBehaviour, StatsCountTheAnalysisRows) {
  auto st = store_->Stats();
  ASSERT_TRUE(st.ok()) << st.status().message();
  long sentences = 0, events = 0, relations = 0, times = 0;
  for (const auto& [id, a] : analyses_) {
    sentences += static_cast<long>(a.sentences.size());
    events += static_cast<long>(a.events.size());
    relations += static_cast<long>(a.relations.size());
    times += static_cast<long>(a.times.size());
  }
  // At least ours (a shared PostgreSQL database also holds other tests' rows).
  EXPECT_GE(st.value().documents, 2);
  EXPECT_GE(st.value().sentences, sentences);
  EXPECT_GE(st.value().events, events);
  EXPECT_GE(st.value().relations, relations);
  EXPECT_GE(st.value().times, times);
  EXPECT_FALSE(st.value().events_by_root.empty());
  EXPECT_FALSE(st.value().schema.empty());
  if (GetParam() == "sqlite") {
    EXPECT_EQ(st.value().documents, 2);
    EXPECT_EQ(st.value().sentences, sentences);
    EXPECT_EQ(st.value().events, events);
    EXPECT_EQ(st.value().first_event_date, "2021-04-11");
  }
}

TEST_P(StoreBehaviour, CountsSearchHitsBeyondThePage) {
  SearchQuery q;
  q.text = "لافروف OR إيران";
  q.source = "test";
  q.from = "2021-04-12";
  q.to = "2021-04-13";
  q.limit = 1;
  std::vector<std::string> ids;
  ASSERT_TRUE(store_->Search(q, [&](const SearchHit& h) { ids.push_back(h.doc_id); }).ok());
  EXPECT_EQ(ids.size(), 1u);
  auto n = store_->CountSearch(q);
  ASSERT_TRUE(n.ok());
  EXPECT_GE(n.value(), 2);
  q.text = "\"لافروف";
  auto bad = store_->CountSearch(q);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidInput);
}

TEST_P(StoreBehaviour, AChangedDocumentReplacesItsOwnRowsOnly) {
  auto before = store_->Stats().value();
  Add("a", "2021-04-12", "خبر", "نص آخر بلا أحداث.");
  auto after = store_->Stats().value();
  EventQuery q;
  q.doc_id = Id("a");
  EXPECT_EQ(store_->CountEvents(q).value(), 0);
  q.doc_id = Id("b");
  EXPECT_EQ(store_->CountEvents(q).value(), static_cast<long>(analyses_[Id("b")].events.size()));
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_LT(after.sentences, before.sentences);
  EXPECT_LT(after.relations, before.relations);
}

TEST_P(StoreBehaviour, GroupsOneHappeningToldByTwoArticles) {
  Add("c", "2021-04-12", "لافروف في بكين", "وصل وزير الخارجية الروسي سيرغي لافروف إلى الصين أمس في زيارة رسمية.");
  EventQuery q;
  q.actor = "RUSGOV";
  q.root = "04";
  q.from = q.to = "2021-04-11";
  // A shared PostgreSQL database holds other tests' tellings of the same visit: keep ours.
  std::vector<EventGroup> groups;
  ASSERT_TRUE(GroupEvents(*store_, q, [&](const EventGroup& g) {
    EventGroup mine = g;
    mine.members.clear();
    mine.documents.clear();
    mine.urls.clear();
    for (const EventRow& r : g.members)
      if (r.doc_id.rfind(prefix_ + "-", 0) == 0) mine.members.push_back(r);
    for (const std::string& d : g.documents)
      if (d.rfind(prefix_ + "-", 0) == 0) mine.documents.push_back(d);
    for (const std::string& u : g.urls)
      if (u.find("/" + prefix_ + "-") != std::string::npos) mine.urls.push_back(u);
    if (!mine.members.empty()) groups.push_back(mine);
  }).ok());
  // «زار … الصين أمس» and «وصل … إلى الصين أمس»: both 042 RUSGOV → CHNGOV on 2021-04-11.
  const EventGroup* visit = nullptr;
  for (const EventGroup& g : groups)
    if (g.cameo == "042" && g.target_code == "CHNGOV") visit = &g;
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->documents, (std::vector<std::string>{Id("a"), Id("c")}));
  EXPECT_EQ(visit->members.size(), 2u);
  EXPECT_EQ(visit->urls.size(), 2u);
  EXPECT_EQ(visit->sources, std::vector<std::string>{"test"});
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBehaviour, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

}  // namespace
}  // namespace hadath
