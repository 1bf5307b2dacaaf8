// hadath: the command-line front end (a thin layer over the library).
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>

#include "include/hadath/engine.h"
#include "include/hadath/store.h"
#include "src/output/analysis_json.h"
#include "src/util/json_writer.h"
#include "src/read/reader.h"
#include "src/segment/conllu.h"
#include "src/server/api.h"
#include "src/server/server.h"
#include "tools/commands.h"

namespace hadath::cli {
namespace {

const char* kDefaultDb = "hadath.db";

Result<std::unique_ptr<Engine>> MakeEngine(const Args& a) {
  Options o;
  o.default_date = a.Get("date");
  return Engine::Create(o);
}

bool CheckDate(const Args& a) {
  std::string d = a.Get("date");
  return d.empty() || (d.size() == 10 && ParsePublished(d) == d);
}

bool IsNumber(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int Analyze(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"date", "input", "format"}, {"pretty"}, &a, &err)) return Usage(err);
  if (!CheckDate(a)) return Usage("--date must be YYYY-MM-DD");
  std::string fmt = a.Get("format", "jsonl");
  if (fmt != "jsonl" && fmt != "gdelt" && fmt != "plover" && fmt != "csv")
    return Usage("--format must be jsonl, gdelt, plover or csv");
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  int rc = 0;
  if (fmt == "csv") std::cout << EventsCsvHeader();
  bool ok = ForEachInput(a.files, a.Get("input"), [&](ReadItem item) {
    if (!item.doc.ok()) {
      std::cerr << item.doc.status().message() << "\n";
      rc = 1;
      return;
    }
    Result<Analysis> an = engine.value()->Analyze(item.doc.value());
    if (!an.ok()) {
      std::cerr << an.status().message() << "\n";
      rc = 1;
      return;
    }
    if (fmt == "jsonl") std::cout << AnalysisToJson(an.value(), a.Has("pretty")) << "\n";
    else if (fmt == "csv") std::cout << EventsToCsv(an.value());
    else if (fmt == "gdelt") std::cout << EventsToGdelt(an.value());
    else std::cout << EventsToPlover(an.value());
  }, &err);
  if (!ok) return Usage(err);
  std::cout.flush();
  return rc;
}

int Segment(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"format"}, {"one-sentence-per-line"}, &a, &err)) return Usage(err);
  std::string fmt = a.Get("format", "conllu");
  if (fmt != "conllu" && fmt != "plain") return Usage("--format must be conllu or plain");
  if (a.files.size() > 1) return Usage("segment takes one FILE or -");
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  std::string bytes, name = a.files.empty() || a.files[0] == "-" ? "<stdin>" : a.files[0];
  if (name == "<stdin>") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else {
    std::ifstream in(name, std::ios::binary);
    if (!in) {
      std::cerr << name << ": cannot open file\n";
      return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  auto sents = engine.value()->Segment(bytes, a.Has("one-sentence-per-line"));
  if (!sents.ok()) {
    std::cerr << name << ": " << sents.status().message() << "\n";
    return 1;
  }
  std::cout << (fmt == "conllu" ? ToConllu(sents.value()) : ToPlainSegmented(sents.value()));
  return 0;
}

int Ingest(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"db", "date", "input", "threads"}, {}, &a, &err)) return Usage(err);
  if (!CheckDate(a)) return Usage("--date must be YYYY-MM-DD");
  if (a.files.empty()) return Usage("ingest needs at least one FILE");
  if (a.opts.count("threads") && (!IsNumber(a.Get("threads")) || std::atoi(a.Get("threads").c_str()) < 1 ||
                                  std::atoi(a.Get("threads").c_str()) > 256))
    return Usage("--threads must be 1 to 256");
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  return RunIngest(a, *engine.value(), a.Get("db", kDefaultDb));
}

// The store named by --db, which must exist already (reading commands); null after
// printing the reason. `engine` is needed to search.
std::unique_ptr<Store> OpenExisting(const Args& a, const Engine* engine = nullptr) {
  std::string db = a.Get("db", kDefaultDb);
  if (db.rfind("postgres", 0) != 0 && access(db.c_str(), F_OK) != 0) {  // a URI names a server
    std::cerr << "hadath: " << db << ": no such database (run hadath ingest first)\n";
    return nullptr;
  }
  auto store = Store::Open(db, engine);
  if (!store.ok()) {
    std::cerr << "hadath: " << store.status().message() << "\n";
    return nullptr;
  }
  return store.take();
}

std::string Pad(const std::string& s, size_t w) {
  size_t n = 0;  // code points
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n >= w ? s : s + std::string(w - n, ' ');
}

// `events` lists (table by default), `export` writes a whole table for other tools (CSV by
// default). Both take the filters and every format: table, jsonl (the stored hadath/1
// event with its document), csv (RFC 4180), gdelt (GDELT 2.0 event-table columns, TSV),
// plover (PLOVER JSONL).
int Events(int argc, char** argv, bool export_mode) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2,
                 {"db", "actor", "country", "root", "modality", "from", "to", "doc", "format", "limit", "offset"},
                 {"grouped"}, &a, &err))
    return Usage(err);
  std::string fmt = a.Get("format", export_mode ? "csv" : "table");
  if (fmt != "table" && fmt != "jsonl" && fmt != "csv" && fmt != "gdelt" && fmt != "plover")
    return Usage("--format must be table, jsonl, csv, gdelt or plover");
  for (const char* d : {"from", "to"})
    if (a.opts.count(d) && !IsDatePrefix(a.Get(d))) return Usage(std::string("--") + d + " must be YYYY[-MM[-DD]]");
  if (a.opts.count("root") && (a.Get("root").size() != 2 || !IsNumber(a.Get("root"))))
    return Usage("--root must be a two-digit CAMEO root");
  for (const char* n : {"limit", "offset"})
    if (a.opts.count(n) && !IsNumber(a.Get(n))) return Usage(std::string("--") + n + " must be a number");
  std::unique_ptr<Store> store = OpenExisting(a);
  if (!store) return 1;
  EventQuery q;
  q.actor = a.Get("actor");
  q.country = a.Get("country");
  q.root = a.Get("root");
  q.modality = a.Get("modality");
  q.from = a.Get("from");
  q.to = a.Get("to");
  q.doc_id = a.Get("doc");
  q.limit = std::strtoul(a.Get("limit", "0").c_str(), nullptr, 10);
  q.offset = std::strtoul(a.Get("offset", "0").c_str(), nullptr, 10);
  if (a.Has("grouped")) {
    // One row per happening across documents (EventGroup), with its tellings.
    if (fmt != "table" && fmt != "jsonl") return Usage("--grouped takes --format table or jsonl");
    if (fmt == "table")
      std::cout << Pad("date", 11) << " " << Pad("source", 9) << " " << Pad("cameo", 5) << " " << Pad("target", 9)
                << " " << Pad("mentions", 8) << " " << Pad("docs", 5) << " place  [documents]\n";
    long n = 0;
    Status s = GroupEvents(*store, q, [&](const EventGroup& g) {
      ++n;
      if (fmt == "table") {
        std::string docs;
        for (const std::string& d : g.documents) docs += (docs.empty() ? "" : " ") + d;
        std::cout << Pad(g.date.empty() ? "-" : g.date, 11) << " " << Pad(g.source_code.empty() ? "-" : g.source_code, 9)
                  << " " << Pad(g.cameo, 5) << " " << Pad(g.target_code.empty() ? "-" : g.target_code, 9) << " "
                  << Pad(std::to_string(g.members.size()), 8) << " " << Pad(std::to_string(g.documents.size()), 5)
                  << " " << (g.location.empty() ? "-" : g.location) << "  [" << docs << "]\n";
        return;
      }
      JsonWriter w;
      server::WriteEventGroup(w, g);
      std::cout << w.str() << "\n";
    });
    if (!s.ok()) {
      std::cerr << "hadath: " << s.message() << "\n";
      return 1;
    }
    if (fmt == "table") std::cout << n << " events\n";
    return 0;
  }
  if (fmt == "table")
    std::cout << Pad("date", 11) << " " << Pad("source", 9) << " " << Pad("cameo", 5) << " " << Pad("target", 9) << " "
              << Pad("modality", 9) << " trigger  [document]\n";
  if (fmt == "csv") std::cout << EventsCsvHeader();
  long n = 0, unreadable = 0;
  Status s = store->Events(q, [&](const EventRow& r) {
    ++n;
    if (fmt == "table") {
      std::cout << Pad(r.date.empty() ? "-" : r.date, 11) << " " << Pad(r.source_code.empty() ? "-" : r.source_code, 9)
                << " " << Pad(r.cameo, 5) << " " << Pad(r.target_code.empty() ? "-" : r.target_code, 9) << " "
                << Pad(r.modality, 9) << " " << r.trigger << "  [" << r.doc_id << "]\n";
      return;
    }
    if (fmt == "jsonl") {
      JsonWriter w;
      w.BeginObject().Key("doc_id").String(r.doc_id).Key("title").StringOrNull(r.title);
      w.Key("published").StringOrNull(r.published).Key("url").StringOrNull(r.url);
      w.Key("event").RawJson(r.event_json).EndObject();
      std::cout << w.str() << "\n";
      return;
    }
    Result<Event> e = EventFromJson(r.event_json);
    if (!e.ok()) {
      ++unreadable;
      return;
    }
    Analysis one;  // the formatters take an analysis: this event and its document's fields
    one.id = r.doc_id;
    if (!r.url.empty()) one.url = r.url;
    if (!r.published.empty()) one.published = r.published;
    one.events.push_back(e.take());
    std::cout << (fmt == "csv" ? EventsToCsv(one) : fmt == "gdelt" ? EventsToGdelt(one) : EventsToPlover(one));
  });
  if (!s.ok()) {
    std::cerr << "hadath: " << s.message() << "\n";
    return 1;
  }
  if (unreadable) {
    std::cerr << "hadath: " << unreadable << " stored events could not be read back (database damaged?)\n";
    return 1;
  }
  if (fmt == "table") std::cout << n << " events\n";
  return 0;
}

int Stats(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"db", "format"}, {}, &a, &err)) return Usage(err);
  std::string fmt = a.Get("format", "table");
  if (fmt != "table" && fmt != "json") return Usage("--format must be table or json");
  auto engine = MakeEngine(a);  // opens (and migrates) the database the way ingest would
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<Store> store = OpenExisting(a, engine.value().get());
  if (!store) return 1;
  Result<StoreStats> st = store->Stats();
  if (!st.ok()) {
    std::cerr << "hadath: " << st.status().message() << "\n";
    return 1;
  }
  const StoreStats& x = st.value();
  if (fmt == "json") {
    JsonWriter w;
    w.BeginObject();
    server::WriteStatsFields(w, x);
    w.EndObject();
    std::cout << w.str() << "\n";
    return 0;
  }
  std::cout << "database   " << a.Get("db", kDefaultDb) << " (" << x.schema << ")\n"
            << "documents  " << x.documents << "\nsentences  " << x.sentences << "\nevents     " << x.events
            << "\nentities   " << x.entities << "\nquotes     " << x.quotes << "\ntimes      " << x.times
            << "\nrelations  " << x.relations << "\nlearned    " << x.learned_names << " names\n"
            << "dates      " << (x.first_event_date.empty() ? "-" : x.first_event_date) << " .. "
            << (x.last_event_date.empty() ? "-" : x.last_event_date) << "\nby root   ";
  for (const auto& [root, n] : x.events_by_root) std::cout << " " << root << ":" << n;
  std::cout << "\n";
  return 0;
}

int Search(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"db", "from", "to", "source", "actor", "country", "root", "limit", "offset", "format"}, {}, &a,
                 &err))
    return Usage(err);
  std::string fmt = a.Get("format", "table");
  if (fmt != "table" && fmt != "jsonl") return Usage("--format must be table or jsonl");
  if (a.files.empty()) return Usage("search needs a QUERY");
  for (const char* d : {"from", "to"})
    if (a.opts.count(d) && !IsDatePrefix(a.Get(d))) return Usage(std::string("--") + d + " must be YYYY[-MM[-DD]]");
  if (a.opts.count("root") && (a.Get("root").size() != 2 || !IsNumber(a.Get("root"))))
    return Usage("--root must be a two-digit CAMEO root");
  for (const char* n : {"limit", "offset"})
    if (a.opts.count(n) && !IsNumber(a.Get(n))) return Usage(std::string("--") + n + " must be a number");
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<Store> store = OpenExisting(a, engine.value().get());
  if (!store) return 1;
  SearchQuery q;
  for (const std::string& w : a.files) q.text += (q.text.empty() ? "" : " ") + w;
  q.from = a.Get("from");
  q.to = a.Get("to");
  q.source = a.Get("source");
  q.actor = a.Get("actor");
  q.country = a.Get("country");
  q.root = a.Get("root");
  q.limit = std::strtoul(a.Get("limit", "20").c_str(), nullptr, 10);
  q.offset = std::strtoul(a.Get("offset", "0").c_str(), nullptr, 10);
  if (fmt == "table" && isatty(STDOUT_FILENO)) {  // bold on a terminal, brackets in a pipe
    q.mark_start = "\x1b[1m";
    q.mark_end = "\x1b[0m";
  }
  long n = 0;
  Status s = store->Search(q, [&](const SearchHit& h) {
    if (fmt == "table" && n == 0) std::cout << Pad("score", 7) << " " << Pad("published", 11) << " title  [document]\n";
    ++n;
    if (fmt == "table") {
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", h.score);
      std::string snippet = h.snippet;
      for (char& c : snippet)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      std::cout << Pad(score, 7) << " " << Pad(h.published.empty() ? "-" : h.published, 11) << " " << h.title
                << "  [" << h.doc_id << "]\n        " << snippet << "\n";
    } else {
      JsonWriter w;
      w.BeginObject().Key("id").String(h.doc_id).Key("title").StringOrNull(h.title);
      w.Key("published").StringOrNull(h.published).Key("url").StringOrNull(h.url);
      w.Key("source").StringOrNull(h.source).Key("score").Number(h.score);
      w.Key("snippet").String(h.snippet).EndObject();
      std::cout << w.str() << "\n";
    }
  });
  if (!s.ok()) {
    std::cerr << "hadath: " << s.message() << "\n";
    return s.code() == Status::Code::kInvalidInput ? 2 : 1;  // a malformed query is a usage error
  }
  if (fmt == "table") std::cout << n << " documents\n";
  return 0;
}

int Actors(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"db", "format"}, {"learned"}, &a, &err)) return Usage(err);
  std::string fmt = a.Get("format", "table");
  if (fmt != "table" && fmt != "jsonl") return Usage("--format must be table or jsonl");
  if (a.Has("learned")) {
    std::unique_ptr<Store> store = OpenExisting(a);
    if (!store) return 1;
    if (fmt == "table") std::cout << Pad("documents", 10) << " " << Pad("code", 8) << " " << Pad("role", 26) << " name  [transliteration]\n";
    Status s = store->LearnedActors([&](const LearnedActor& l) {
      if (fmt == "table") {
        std::cout << Pad(std::to_string(l.documents), 10) << " " << Pad(l.code, 8) << " " << Pad(l.role, 26) << " "
                  << l.name << "  [" << l.canonical << "]\n";
      } else {
        JsonWriter w;
        w.BeginObject().Key("name").String(l.name).Key("canonical").String(l.canonical);
        w.Key("code").String(l.code).Key("country").String(l.country).Key("role").String(l.role);
        w.Key("documents").Int(l.documents).Key("example_doc").String(l.example_doc).EndObject();
        std::cout << w.str() << "\n";
      }
    });
    if (!s.ok()) {
      std::cerr << "hadath: " << s.message() << "\n";
      return 1;
    }
    return 0;
  }
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  for (const KnownActor& k : engine.value()->KnownActors()) {
    if (fmt == "table") {
      std::cout << Pad(k.code, 8) << " " << Pad(k.role, 26) << " " << Pad(k.start, 10) << " "
                << Pad(k.end.empty() ? "-" : k.end, 10) << " " << k.name << "\n";
    } else {
      JsonWriter w;
      w.BeginObject().Key("id").String(k.id).Key("name").String(k.name).Key("code").String(k.code);
      w.Key("country").String(k.country).Key("sector").String(k.sector).Key("role").String(k.role);
      w.Key("start").StringOrNull(k.start).Key("end").StringOrNull(k.end).EndObject();
      std::cout << w.str() << "\n";
    }
  }
  return 0;
}

int Serve(int argc, char** argv) {
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, 2, {"db", "host", "port", "threads", "web", "max-body", "timeout-ms"}, {}, &a, &err))
    return Usage(err);
  if (!a.files.empty()) return Usage("serve takes no FILE (use --db)");
  for (const char* n : {"port", "threads", "max-body", "timeout-ms"})
    if (a.opts.count(n) && !IsNumber(a.Get(n))) return Usage(std::string("--") + n + " must be a number");
  server::ServerOptions o;
  o.db = a.Get("db", kDefaultDb);
  o.host = a.Get("host", o.host);
  o.port = std::atoi(a.Get("port", "8080").c_str());
  o.threads = std::atoi(a.Get("threads", "16").c_str());
  o.web_dir = a.Get("web");
  if (a.opts.count("max-body")) o.max_body = std::strtoul(a.Get("max-body").c_str(), nullptr, 10);
  if (a.opts.count("timeout-ms")) o.timeout_ms = std::atoi(a.Get("timeout-ms").c_str());
  if (o.port > 65535) return Usage("--port must be at most 65535");
  if (o.threads < 1 || o.threads > 256) return Usage("--threads must be 1 to 256");
  if (o.db.rfind("postgres", 0) != 0 && access(o.db.c_str(), F_OK) != 0) {
    std::cerr << "hadath: " << o.db << ": no such database (run hadath ingest first)\n";
    return 1;
  }
  auto engine = MakeEngine(a);
  if (!engine.ok()) {
    std::cerr << "hadath: " << engine.status().message() << "\n";
    return 1;
  }
  return server::Serve(*engine.value(), o, std::cerr, [&](int port) {
    std::cerr << "hadath serve: http://" << (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host)
              << ":" << port << "/ (API under /api/, " << o.threads << " threads, database " << o.db << ")\n";
  });
}

int Main(int argc, char** argv) {
  if (argc < 2) return Usage("missing command");
  std::string cmd = argv[1];
  for (int i = 2; i < argc; ++i) {  // «hadath serve --help»: the usage, not an error
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      Usage(cmd + ": usage");
      return 0;
    }
  }
  if (cmd == "analyze") return Analyze(argc, argv);
  if (cmd == "segment") return Segment(argc, argv);
  if (cmd == "ingest") return Ingest(argc, argv);
  if (cmd == "events") return Events(argc, argv, false);
  if (cmd == "export") return Events(argc, argv, true);
  if (cmd == "actors") return Actors(argc, argv);
  if (cmd == "search") return Search(argc, argv);
  if (cmd == "stats") return Stats(argc, argv);
  if (cmd == "version" || cmd == "--version") {
    std::cout << "hadath " << Engine::Version() << "\n";
    return 0;
  }
  if (cmd == "serve") return Serve(argc, argv);
  if (cmd == "help" || cmd == "--help" || cmd == "-h") {
    Usage("commands");
    return 0;
  }
  return Usage("unknown command '" + cmd + "'");
}

}  // namespace
}  // namespace hadath::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return hadath::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "hadath: internal error: " << e.what() << "\n";
    return 70;
  }
}
