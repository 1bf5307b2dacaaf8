#include "src/server/api.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "src/output/analysis_json.h"
#include "src/read/reader.h"
#include "src/util/json_writer.h"
#include "src/util/utf8.h"

namespace hadath::server {
namespace {

constexpr size_t kDefaultLimit = 50;
constexpr size_t kMaxLimit = 1000;
constexpr size_t kMaxOffset = 10'000'000;

// Noncharacters around matches in snippets: they cannot be confused with the text, which
// is escaped before they become <mark> tags.
const std::string kMarkIn = "\xEF\xB7\x90";   // U+FDD0
const std::string kMarkOut = "\xEF\xB7\x91";  // U+FDD1

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MarkedSnippet(const std::string& raw) {
  std::string s = HtmlEscape(raw);
  for (const auto& [from, to] :
       {std::pair{kMarkIn, std::string("<mark>")}, std::pair{kMarkOut, std::string("</mark>")}}) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
      s.replace(p, from.size(), to);
  }
  return s;
}

Response Json(std::string body, int status = 200) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response FromStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kNotFound:
      return ErrorResponse(404, "not_found", s.message());
    case Status::Code::kInvalidInput:
      return ErrorResponse(400, "invalid_input", s.message());
    case Status::Code::kTimeout:
      return ErrorResponse(503, "busy", s.message());
    default:
      return ErrorResponse(500, "internal", s.message());
  }
}

bool AllOf(const std::string& s, size_t min, size_t max, int (*pred)(int)) {
  if (s.size() < min || s.size() > max) return false;
  for (unsigned char c : s)
    if (!pred(c)) return false;
  return true;
}

// Reads and checks the query parameters of one endpoint. Unknown names are errors (a
// misspelt filter would otherwise silently match everything); empty values are unset.
class Params {
 public:
  Params(const Request& r, std::set<std::string> known) : r_(r) {
    for (const auto& [k, v] : r.params) {
      if (!known.count(k)) {
        Fail(k, "unknown parameter (this endpoint takes: " + Join(known) + ")");
        return;
      }
      if (values_.count(k)) {
        Fail(k, "given more than once");
        return;
      }
      if (!IsValidUtf8(v)) {
        Fail(k, "not valid UTF-8");
        return;
      }
      values_[k] = v;
    }
  }
  std::string Get(const std::string& k) const {
    auto it = values_.find(k);
    return it == values_.end() ? "" : it->second;
  }
  std::string Date(const std::string& k) {
    std::string v = Get(k);
    if (!v.empty() && !IsDatePrefix(v)) Fail(k, "must be YYYY, YYYY-MM or YYYY-MM-DD");
    return v;
  }
  std::string Root(const std::string& k) {
    std::string v = Get(k);
    if (!v.empty() && !(v.size() == 2 && AllOf(v, 2, 2, isdigit) && v >= "01" && v <= "20"))
      Fail(k, "must be a two-digit CAMEO root, 01 to 20");
    return v;
  }
  std::string Code(const std::string& k, size_t min, size_t max) {
    std::string v = Get(k);
    if (!v.empty() && !AllOf(v, min, max, isalpha))
      Fail(k, "must be " + std::to_string(min) + (min == max ? "" : " to " + std::to_string(max)) +
                  " Latin letters");
    return v;
  }
  std::string OneOf(const std::string& k, const std::vector<std::string>& allowed) {
    std::string v = Get(k);
    if (!v.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end())
      Fail(k, "must be one of: " + Join(std::set<std::string>(allowed.begin(), allowed.end())));
    return v;
  }
  size_t Number(const std::string& k, size_t def, size_t min, size_t max) {
    std::string v = Get(k);
    if (v.empty()) return def;
    if (!AllOf(v, 1, 9, isdigit) || std::stoul(v) < min || std::stoul(v) > max) {
      Fail(k, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return def;
    }
    return std::stoul(v);
  }
  bool Flag(const std::string& k) {
    std::string v = Get(k);
    if (!v.empty() && v != "0" && v != "1" && v != "true" && v != "false")
      Fail(k, "must be 0 or 1");
    return v == "1" || v == "true";
  }
  EventQuery Events(size_t default_limit) {
    EventQuery q;
    q.actor = Code("actor", 1, 16);
    q.country = Code("country", 3, 3);
    q.root = Root("root");
    q.modality = OneOf("modality", {"asserted", "negated", "future", "possible", "reported"});
    q.from = Date("from");
    q.to = Date("to");
    q.doc_id = Get("doc");
    q.limit = Number("limit", default_limit, 1, kMaxLimit);
    q.offset = Number("offset", 0, 0, kMaxOffset);
    return q;
  }
  const std::optional<Response>& error() const { return error_; }

 private:
  void Fail(const std::string& k, const std::string& why) {
    if (!error_) error_ = ErrorResponse(400, "invalid_parameter", k + ": " + why, k);
  }
  static std::string Join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
    return out;
  }
  static bool IsValidUtf8(const std::string& s) { return ValidateUtf8(s).ok(); }

  const Request& r_;
  std::map<std::string, std::string> values_;
  std::optional<Response> error_;
};

const std::set<std::string> kEventParams = {"actor", "country", "root",  "modality", "from",
                                            "to",    "doc",     "limit", "offset"};

}  // namespace

Response ErrorResponse(int status, const std::string& code, const std::string& message,
                       const std::string& parameter, long position) {
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject().Key("status").Int(status).Key("code").String(code);
  w.Key("message").String(message).Key("parameter").StringOrNull(parameter).Key("position");
  if (position > 0)
    w.Int(position);
  else
    w.Null();
  w.EndObject().EndObject();
  return Json(w.take(), status);
}

// One stored event as the API lists it (doc/formats/http-api.md).
void WriteEvent(JsonWriter& w, const EventRow& r) {
  w.BeginObject().Key("id").String(EventKey(r.doc_id, r.event_id)).Key("doc_id").String(r.doc_id);
  w.Key("title")
      .StringOrNull(r.title)
      .Key("url")
      .StringOrNull(r.url)
      .Key("published")
      .StringOrNull(r.published);
  w.Key("news_source").StringOrNull(r.news_source).Key("date").StringOrNull(r.date);
  auto side = [&](const char* k, const std::string& code, const std::string& country) {
    w.Key(k);
    if (code.empty() && country.empty()) {
      w.Null();
      return;
    }
    w.BeginObject().Key("code").StringOrNull(code).Key("country").StringOrNull(country).EndObject();
  };
  side("source", r.source_code, r.source_country);
  side("target", r.target_code, r.target_country);
  w.Key("cameo").String(r.cameo).Key("root").String(r.root).Key("quad").Int(r.quad);
  w.Key("goldstein").Number(r.goldstein).Key("plover").StringOrNull(r.plover);
  w.Key("modality").String(r.modality).Key("trigger").String(r.trigger);
  w.Key("event").RawJson(r.event_json.empty() ? "null" : r.event_json).EndObject();
}

void WriteEventGroup(JsonWriter& w, const EventGroup& g) {
  w.BeginObject().Key("date").StringOrNull(g.date).Key("source").StringOrNull(g.source_code);
  w.Key("target")
      .StringOrNull(g.target_code)
      .Key("cameo")
      .String(g.cameo)
      .Key("location")
      .StringOrNull(g.location);
  w.Key("documents").BeginArray();
  for (const std::string& d : g.documents) w.String(d);
  w.EndArray().Key("sources").BeginArray();
  for (const std::string& d : g.sources) w.String(d);
  w.EndArray().Key("urls").BeginArray();
  for (const std::string& d : g.urls) w.String(d);
  w.EndArray().Key("mentions").BeginArray();
  for (const EventRow& e : g.members) WriteEvent(w, e);
  w.EndArray().EndObject();
}

void WriteStatsFields(JsonWriter& w, const StoreStats& x) {
  w.Key("documents").Int(x.documents).Key("events").Int(x.events).Key("sentences").Int(x.sentences);
  w.Key("entities").Int(x.entities).Key("quotes").Int(x.quotes).Key("times").Int(x.times);
  w.Key("relations").Int(x.relations).Key("learned_names").Int(x.learned_names);
  w.Key("first_event_date")
      .StringOrNull(x.first_event_date)
      .Key("last_event_date")
      .StringOrNull(x.last_event_date);
  w.Key("events_by_root").BeginObject();
  for (const auto& [root, n] : x.events_by_root) w.Key(root).Int(n);
  w.EndObject().Key("schema").String(x.schema);
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& uri, const Engine* engine,
                                                   int size, int query_timeout_ms) {
  auto pool = std::make_unique<StorePool>();
  for (int i = 0; i < std::max(1, size); ++i) {
    auto s = Store::Open(uri, engine);
    if (!s.ok()) return s.status();
    s.value()->SetQueryTimeout(query_timeout_ms);
    pool->free_.push_back(s.take());
  }
  return pool;
}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock<std::mutex> l(mu_);
  cv_.wait(l, [&] { return !free_.empty(); });
  std::unique_ptr<Store> s = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(s));
}

StorePool::Lease::~Lease() {
  if (!store_) return;  // moved from
  {
    std::lock_guard<std::mutex> l(pool_->mu_);
    pool_->free_.push_back(std::move(store_));
  }
  pool_->cv_.notify_one();
}

Response Api::Handle(const Request& r) const {
  const std::string& p = r.path;
  auto tail = [&](const std::string& prefix) -> std::optional<std::string> {
    if (p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0)
      return p.substr(prefix.size());
    return std::nullopt;
  };
  bool get = r.method == "GET" || r.method == "HEAD";
  auto only = [&](const char* method) {
    return ErrorResponse(405, "method_not_allowed",
                         r.method + " " + p + ": only " + method + " is allowed");
  };
  if (p == "/api/analyze") return r.method == "POST" ? Analyze(r) : only("POST");
  bool known = p == "/api/search" || p == "/api/events" || p == "/api/actors" ||
               p == "/api/timeline" || p == "/api/graph" || p == "/api/stats" ||
               p == "/api/openapi.json" || tail("/api/events/") || tail("/api/documents/");
  if (!known)
    return ErrorResponse(404, "not_found", p + ": no such endpoint (see /api/openapi.json)");
  if (!get) return only("GET");
  if (p == "/api/search") return Search(r);
  if (p == "/api/events") return Events(r);
  if (p == "/api/actors") return Actors(r);
  if (p == "/api/timeline") return Timeline(r);
  if (p == "/api/graph") return Graph(r);
  if (p == "/api/stats") return Stats();
  if (p == "/api/openapi.json") return Json(OpenApiJson());
  if (auto id = tail("/api/events/")) return Event(*id);
  return Document(*tail("/api/documents/"));
}

Response Api::Search(const Request& r) const {
  Params ps(r, {"q", "from", "to", "source", "actor", "country", "root", "limit", "offset"});
  SearchQuery q;
  q.text = ps.Get("q");
  q.from = ps.Date("from");
  q.to = ps.Date("to");
  q.source = ps.Get("source");
  q.actor = ps.Code("actor", 1, 16);
  q.country = ps.Code("country", 3, 3);
  q.root = ps.Root("root");
  q.limit = ps.Number("limit", 20, 1, kMaxLimit);
  q.offset = ps.Number("offset", 0, 0, kMaxOffset);
  q.mark_start = kMarkIn;
  q.mark_end = kMarkOut;
  if (ps.error()) return *ps.error();
  if (q.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return ErrorResponse(400, "invalid_parameter", "q: the search query is missing", "q");
  auto store = pool_.Acquire();
  Result<long> total = store->CountSearch(q);
  if (!total.ok()) {
    const std::string& m = total.status().message();
    if (total.status().code() != Status::Code::kInvalidInput) return FromStatus(total.status());
    long position = 0;  // "… at character N …" in the parser's messages
    if (size_t at = m.find("character "); at != std::string::npos)
      position = std::atol(m.c_str() + at + 10);
    return ErrorResponse(400, "invalid_query", m, "q", position);
  }
  JsonWriter w;
  w.BeginObject().Key("query").String(q.text).Key("total").Int(total.value());
  w.Key("limit")
      .Int(static_cast<long long>(q.limit))
      .Key("offset")
      .Int(static_cast<long long>(q.offset));
  w.Key("hits").BeginArray();
  Status s = store->Search(q, [&](const SearchHit& h) {
    w.BeginObject().Key("id").String(h.doc_id).Key("title").StringOrNull(h.title);
    w.Key("published").StringOrNull(h.published).Key("url").StringOrNull(h.url);
    w.Key("source").StringOrNull(h.source).Key("score").Number(h.score);
    w.Key("snippet").String(MarkedSnippet(h.snippet)).EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray().EndObject();
  return Json(w.take());
}

Response Api::Events(const Request& r) const {
  std::set<std::string> names = kEventParams;
  names.insert("grouped");
  Params ps(r, names);
  EventQuery q = ps.Events(kDefaultLimit);
  bool grouped = ps.Flag("grouped");
  if (ps.error()) return *ps.error();
  auto store = pool_.Acquire();
  if (grouped) return Groups(*store, q);
  Result<long> total = store->CountEvents(q);
  if (!total.ok()) return FromStatus(total.status());
  JsonWriter w;
  w.BeginObject().Key("total").Int(total.value()).Key("limit").Int(static_cast<long long>(q.limit));
  w.Key("offset").Int(static_cast<long long>(q.offset)).Key("events").BeginArray();
  Status s = store->Events(q, [&](const EventRow& e) { WriteEvent(w, e); });
  if (!s.ok()) return FromStatus(s);
  w.EndArray().EndObject();
  return Json(w.take());
}

// The events as happenings across documents (EventGroup), paged by group.
Response Api::Groups(Store& store, const EventQuery& q) const {
  EventQuery all = q;
  all.limit = all.offset = 0;
  std::vector<EventGroup> groups;
  Status s = GroupEvents(store, all, [&](const EventGroup& g) { groups.push_back(g); });
  if (!s.ok()) return FromStatus(s);
  JsonWriter w;
  w.BeginObject().Key("total").Int(static_cast<long long>(groups.size()));
  w.Key("limit")
      .Int(static_cast<long long>(q.limit))
      .Key("offset")
      .Int(static_cast<long long>(q.offset));
  w.Key("groups").BeginArray();
  size_t end = std::min(groups.size(), q.offset + q.limit);
  for (size_t i = q.offset; i < end; ++i) {
    WriteEventGroup(w, groups[i]);
  }
  w.EndArray().EndObject();
  return Json(w.take());
}

Response Api::Event(const std::string& id) const {
  size_t colon = id.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == id.size())
    return ErrorResponse(404, "not_found",
                         "event " + id + ": an event id is <document id>:<event id>");
  EventQuery q;
  q.doc_id = id.substr(0, colon);
  std::string event_id = id.substr(colon + 1);
  auto store = pool_.Acquire();
  std::optional<std::string> found;
  Status s = store->Events(q, [&](const EventRow& e) {
    if (e.event_id != event_id || found) return;
    JsonWriter w;
    WriteEvent(w, e);
    found = w.take();
  });
  if (!s.ok()) return FromStatus(s);
  if (!found) return ErrorResponse(404, "not_found", "no event with id " + id);
  return Json(*found);
}

Response Api::Document(const std::string& id) const {
  auto store = pool_.Acquire();
  Result<StoredDocument> d = store->GetDocument(id);
  if (!d.ok()) return FromStatus(d.status());
  const StoredDocument& x = d.value();
  JsonWriter w;
  w.BeginObject()
      .Key("id")
      .String(x.id)
      .Key("title")
      .StringOrNull(x.title)
      .Key("published")
      .StringOrNull(x.published);
  w.Key("url").StringOrNull(x.url).Key("source").StringOrNull(x.source).Key("text").String(x.text);
  w.Key("engine_version").String(x.engine_version).Key("bundle_id").String(x.bundle_id);
  w.Key("analysis").RawJson(x.analysis_json.empty() ? "null" : x.analysis_json).EndObject();
  return Json(w.take());
}

Response Api::Actors(const Request& r) const {
  std::set<std::string> names = kEventParams;
  names.insert("known");
  Params ps(r, names);
  EventQuery q = ps.Events(kDefaultLimit);
  bool known = ps.Flag("known");
  if (ps.error()) return *ps.error();
  auto store = pool_.Acquire();
  JsonWriter w;
  w.BeginObject().Key("actors").BeginArray();
  Status s = store->Actors(q, [&](const ActorCount& a) {
    w.BeginObject().Key("code").String(a.code).Key("country").StringOrNull(a.country);
    w.Key("as_source").Int(a.as_source).Key("as_target").Int(a.as_target).EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray().Key("learned").BeginArray();
  long n = 0;
  s = store->LearnedActors([&](const LearnedActor& l) {
    if (++n > static_cast<long>(q.limit)) return;
    w.BeginObject().Key("name").String(l.name).Key("canonical").StringOrNull(l.canonical);
    w.Key("code")
        .StringOrNull(l.code)
        .Key("country")
        .StringOrNull(l.country)
        .Key("role")
        .StringOrNull(l.role);
    w.Key("documents").Int(l.documents).Key("example_doc").StringOrNull(l.example_doc).EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray();
  if (known) {
    w.Key("known").BeginArray();
    for (const KnownActor& k : engine_.KnownActors()) {
      w.BeginObject().Key("id").String(k.id).Key("name").String(k.name).Key("code").StringOrNull(
          k.code);
      w.Key("country").StringOrNull(k.country).Key("role").StringOrNull(k.role);
      w.Key("start").StringOrNull(k.start).Key("end").StringOrNull(k.end).EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return Json(w.take());
}

Response Api::Timeline(const Request& r) const {
  Params ps(r, kEventParams);
  EventQuery q = ps.Events(0);
  if (ps.error()) return *ps.error();
  auto store = pool_.Acquire();
  JsonWriter w;
  w.BeginObject().Key("days").BeginArray();
  Status s = store->Timeline(q, [&](const DayCount& d) {
    w.BeginObject()
        .Key("day")
        .String(d.day)
        .Key("root")
        .String(d.root)
        .Key("events")
        .Int(d.events)
        .EndObject();
  });
  if (!s.ok()) return FromStatus(s);
  w.EndArray().EndObject();
  return Json(w.take());
}

Response Api::Graph(const Request& r) const {
  Params ps(r, kEventParams);
  EventQuery q = ps.Events(100);  // edges of each kind
  if (ps.error()) return *ps.error();
  auto store = pool_.Acquire();
  std::vector<GraphEdge> edges;
  Status s = store->Graph(q, [&](const GraphEdge& e) { edges.push_back(e); });
  if (!s.ok()) return FromStatus(s);
  // Nodes: every end of an edge, with the country its code starts with and its events.
  std::map<std::string, long> events;
  for (const GraphEdge& e : edges) {
    long n = e.kind == "event" ? e.count : 0;
    events[e.source] += n;
    events[e.target] += n;
  }
  JsonWriter w;
  w.BeginObject().Key("nodes").BeginArray();
  for (const auto& [id, n] : events) {
    w.BeginObject().Key("id").String(id).Key("country").StringOrNull(
        id.size() >= 3 ? id.substr(0, 3) : "");
    w.Key("events").Int(n).EndObject();
  }
  w.EndArray().Key("edges").BeginArray();
  for (const GraphEdge& e : edges) {
    w.BeginObject()
        .Key("source")
        .String(e.source)
        .Key("target")
        .String(e.target)
        .Key("kind")
        .String(e.kind);
    w.Key("count").Int(e.count).Key("goldstein").Number(e.goldstein).EndObject();
  }
  w.EndArray().EndObject();
  return Json(w.take());
}

Response Api::Stats() const {
  auto store = pool_.Acquire();
  Result<StoreStats> st = store->Stats();
  if (!st.ok()) return FromStatus(st.status());
  JsonWriter w;
  w.BeginObject();
  WriteStatsFields(w, st.value());
  w.Key("engine_version").String(options_.engine_version);
  w.Key("bundle_id").String(options_.bundle_id).EndObject();
  return Json(w.take());
}

Response Api::Analyze(const Request& r) const {
  if (r.body.size() > options_.max_body)
    return ErrorResponse(413, "too_large",
                         "the body has " + std::to_string(r.body.size()) + " bytes; the limit is " +
                             std::to_string(options_.max_body));
  std::string type = r.content_type.substr(0, r.content_type.find(';'));
  Result<hadath::Document> doc = Status::InvalidInput("");
  if (type == "text/plain") {
    doc = ReadTxt("body", r.body);
  } else if (type == "application/json" || type.empty()) {
    doc = ReadJsonDocument("body", r.body, "posted");
  } else {
    return ErrorResponse(415, "unsupported_media_type",
                         "Content-Type " + type + ": send application/json or text/plain");
  }
  if (!doc.ok()) return ErrorResponse(400, "invalid_input", doc.status().message());
  if (type == "text/plain") doc.value().id = "posted";
  Result<Analysis> a = engine_.Analyze(doc.value());
  if (!a.ok()) return ErrorResponse(400, "invalid_input", a.status().message());
  return Json(AnalysisToJson(a.value(), false));
}

}  // namespace hadath::server
