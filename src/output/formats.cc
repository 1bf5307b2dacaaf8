// Event exports: RFC 4180 CSV, GDELT 2.0 event-table column order (the columns hadath
// can fill; the others empty), PLOVER JSONL (doc/formats/exports.md).
#include <nlohmann/json.hpp>

#include <string>

#include "src/output/analysis_json.h"
#include "src/util/json_writer.h"

namespace hadath {
namespace {

std::string Compact(const std::string& date) {  // 2023-09-20 → 20230920
  std::string s;
  for (char c : date)
    if (c != '-') s.push_back(c);
  return s;
}

bool FullDate(const std::string& d) { return d.size() == 10 && d[4] == '-' && d[0] != 'X'; }

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

std::string EventsCsvHeader() {
  return "doc_id,event_id,date,date_from,source_code,source_country,source_text,target_code,"
         "target_country,target_text,cameo,root,quad,goldstein,plover,plover_mode,modality,"
         "trigger,location,confidence,url\r\n";
}

std::string EventsToCsv(const Analysis& a) {
  std::string out;
  for (const Event& e : a.events) {
    auto f = [&](const std::string& s) { out += CsvField(s) + ","; };
    f(a.id);
    f(e.id);
    f(e.date ? e.date->value : "");
    f(e.date ? e.date->from : "");
    f(e.source ? e.source->actor.code : "");
    f(e.source ? e.source->actor.country : "");
    f(e.source ? e.source->span.text : "");
    f(e.target ? e.target->actor.code : "");
    f(e.target ? e.target->actor.country : "");
    f(e.target ? e.target->span.text : "");
    f(e.cameo);
    f(e.root);
    f(std::to_string(e.quad));
    char g[32];
    std::snprintf(g, sizeof g, "%.1f", e.goldstein);
    f(g);
    f(e.plover);
    f(e.plover_mode);
    f(e.modality);
    f(e.trigger.text);
    f(e.location ? e.location->text : "");
    std::snprintf(g, sizeof g, "%.2f", e.confidence);
    f(g);
    out += CsvField(a.url.value_or("")) + "\r\n";
  }
  return out;
}

std::string EventsToGdelt(const Analysis& a) {
  std::string out;
  for (const Event& e : a.events) {
    std::vector<std::string> c(61);
    c[0] = a.id + "-" + e.id;
    std::string d = e.date && FullDate(e.date->value) ? e.date->value : a.published.value_or("");
    if (FullDate(d)) {
      c[1] = Compact(d);
      c[2] = c[1].substr(0, 6);
      c[3] = c[1].substr(0, 4);
    }
    auto actor = [&](int base, const std::optional<EventActor>& x) {
      if (!x) return;
      c[base] = x->actor.code;
      c[base + 1] = x->span.text;
      c[base + 2] = x->actor.country;
      c[base + 7] = x->actor.sector;
    };
    actor(5, e.source);
    actor(15, e.target);
    c[25] = "1";
    c[26] = e.cameo;
    c[27] = e.cameo.substr(0, 3);
    c[28] = e.root;
    c[29] = std::to_string(e.quad);
    char g[32];
    std::snprintf(g, sizeof g, "%.1f", e.goldstein);
    c[30] = g;
    c[31] = c[32] = c[33] = "1";
    if (e.location) {
      c[51] = e.location->text;
      c[52] = e.location->country;
    }
    c[60] = a.url.value_or("");
    for (size_t k = 0; k < c.size(); ++k) {
      if (k) out += '\t';
      for (char ch : c[k]) out += (ch == '\t' || ch == '\n') ? ' ' : ch;
    }
    out += '\n';
  }
  return out;
}

std::string EventsToPlover(const Analysis& a) {
  std::string out;
  for (const Event& e : a.events) {
    JsonWriter w;
    w.BeginObject().Key("id").String(a.id + "-" + e.id);
    w.Key("date").String(e.date ? e.date->value : a.published.value_or(""));
    w.Key("event_type").String(e.plover).Key("mode").StringOrNull(e.plover_mode);
    w.Key("context").BeginArray().EndArray();
    w.Key("actor").BeginArray();
    if (e.source) w.String(e.source->actor.code);
    w.EndArray();
    w.Key("recipient").BeginArray();
    if (e.target) w.String(e.target->actor.code);
    w.EndArray();
    w.Key("actor_text").StringOrNull(e.source ? e.source->span.text : "");
    w.Key("recipient_text").StringOrNull(e.target ? e.target->span.text : "");
    w.Key("event_text").String(e.trigger.text);
    w.Key("location").StringOrNull(e.location ? e.location->text : "");
    w.Key("cameo").String(e.cameo);
    w.Key("historical").Bool(false).Key("future").Bool(e.modality == "future");
    w.Key("hypothetical").Bool(e.modality == "possible").Key("negation").Bool(e.modality == "negated");
    w.Key("url").OptString(a.url).EndObject();
    out += w.str() + "\n";
  }
  return out;
}

Result<Event> EventFromJson(const std::string& json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::InvalidInput("stored event: not a JSON object");
  auto str = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto num = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_number() ? it->get<double>() : 0.0;
  };
  auto span = [&](const nlohmann::json& o) {
    Span s;
    s.start = static_cast<int>(num(o, "start"));
    s.end = static_cast<int>(num(o, "end"));
    s.text = str(o, "text");
    return s;
  };
  Event e;
  e.id = str(j, "id");
  e.sentence = static_cast<int>(num(j, "sentence"));
  if (j.contains("trigger") && j["trigger"].is_object()) e.trigger = span(j["trigger"]);
  e.cameo = str(j, "cameo");
  e.root = str(j, "root");
  e.quad = static_cast<int>(num(j, "quad"));
  e.goldstein = num(j, "goldstein");
  e.plover = str(j, "plover");
  e.plover_mode = str(j, "plover_mode");
  for (const char* side : {"source", "target"}) {
    if (!j.contains(side) || !j[side].is_object()) continue;
    const nlohmann::json& o = j[side];
    EventActor a;
    a.span = span(o);
    a.entity = str(o, "entity");
    a.actor.code = str(o, "code");
    a.actor.country = str(o, "country");
    a.actor.sector = str(o, "sector");
    (side[0] == 's' ? e.source : e.target) = a;
  }
  if (j.contains("date") && j["date"].is_object()) {
    EventDate d;
    d.value = str(j["date"], "value");
    if (std::string t = str(j["date"], "text"); !t.empty()) d.text = t;
    d.from = str(j["date"], "from");
    e.date = d;
  }
  if (j.contains("location") && j["location"].is_object()) {
    EventLocation l;
    l.text = str(j["location"], "text");
    l.country = str(j["location"], "country");
    e.location = l;
  }
  e.modality = str(j, "modality");
  e.quote = str(j, "quote");
  e.confidence = num(j, "confidence");
  if (e.cameo.empty() || e.id.empty()) return Status::InvalidInput("stored event: no id or CAMEO code");
  return e;
}

}  // namespace hadath
