#include "src/output/analysis_json.h"

#include "src/util/json_writer.h"

namespace hadath {
namespace {

void WriteSpan(JsonWriter& w, const Span& s) {
  w.Key("start").Int(s.start).Key("end").Int(s.end).Key("text").String(s.text);
}

void WriteActor(JsonWriter& w, const std::optional<EventActor>& a) {
  if (!a) {
    w.Null();
    return;
  }
  w.BeginObject();
  WriteSpan(w, a->span);
  w.Key("entity").StringOrNull(a->entity);
  w.Key("code").StringOrNull(a->actor.code);
  w.Key("country").StringOrNull(a->actor.country);
  w.Key("sector").StringOrNull(a->actor.sector);
  w.EndObject();
}

void WriteEntity(JsonWriter& w, const Entity& e) {
  w.BeginObject().Key("id").String(e.id);
  WriteSpan(w, e.span);
  w.Key("type").String(e.type).Key("canonical").StringOrNull(e.canonical);
  w.Key("actor");
  if (e.actor) {
    w.BeginObject().Key("code").StringOrNull(e.actor->code).Key("country").StringOrNull(e.actor->country);
    w.Key("sector").StringOrNull(e.actor->sector).EndObject();
  } else {
    w.Null();
  }
  w.Key("role").StringOrNull(e.role);
  w.Key("geo");
  if (e.geo) {
    w.BeginObject().Key("geonameid");
    e.geo->geonameid ? w.Int(*e.geo->geonameid) : w.Null();
    w.Key("lat").Number(e.geo->lat).Key("lon").Number(e.geo->lon);
    w.Key("country").StringOrNull(e.geo->country).EndObject();
  } else {
    w.Null();
  }
  w.Key("ref").StringOrNull(e.ref).Key("learned").Bool(e.learned).Key("transliterated").Bool(e.transliterated);
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const Event& e) {
  w.BeginObject();
  w.Key("id").String(e.id).Key("sentence").Int(e.sentence);
  w.Key("trigger").BeginObject();
  WriteSpan(w, e.trigger);
  w.EndObject();
  w.Key("cameo").String(e.cameo).Key("root").String(e.root).Key("quad").Int(e.quad);
  w.Key("goldstein").Number(e.goldstein);
  w.Key("plover").String(e.plover).Key("plover_mode").StringOrNull(e.plover_mode);
  w.Key("source");
  WriteActor(w, e.source);
  w.Key("target");
  WriteActor(w, e.target);
  w.Key("date");
  if (e.date) {
    w.BeginObject().Key("value").String(e.date->value).Key("text").OptString(e.date->text);
    w.Key("from").String(e.date->from).EndObject();
  } else {
    w.Null();
  }
  w.Key("location");
  if (e.location) {
    w.BeginObject().Key("text").String(e.location->text);
    w.Key("geonameid");
    e.location->geonameid ? w.Int(*e.location->geonameid) : w.Null();
    w.Key("lat");
    e.location->lat ? w.Number(*e.location->lat) : w.Null();
    w.Key("lon");
    e.location->lon ? w.Number(*e.location->lon) : w.Null();
    w.Key("country").StringOrNull(e.location->country).EndObject();
  } else {
    w.Null();
  }
  w.Key("modality").String(e.modality).Key("quote").StringOrNull(e.quote);
  w.Key("confidence").Number(e.confidence);
  w.Key("size");
  if (e.size.empty()) {
    w.Null();
  } else {
    w.BeginArray();
    for (const Event::Count& c : e.size) {
      w.BeginObject().Key("kind").String(c.kind).Key("value").Number(c.value).Key("approx").Bool(c.approx);
      w.Key("start").Int(c.span.start).Key("end").Int(c.span.end).Key("text").String(c.span.text).EndObject();
    }
    w.EndArray();
  }
  w.Key("mentions").BeginArray();
  for (const Event::Mention& m : e.mentions) {
    w.BeginObject().Key("sentence").Int(m.sentence).Key("start").Int(m.trigger.start);
    w.Key("end").Int(m.trigger.end).Key("text").String(m.trigger.text).EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string EventToJson(const Analysis& a, const Event& e) {
  JsonWriter w;
  WriteEvent(w, e);
  return w.take();
}

std::string AnalysisToJson(const Analysis& a, bool pretty) {
  JsonWriter w(pretty);
  w.BeginObject();
  w.Key("schema").String("hadath/1").Key("id").String(a.id);
  w.Key("title").OptString(a.title).Key("published").OptString(a.published);
  w.Key("url").OptString(a.url).Key("source").OptString(a.source);
  w.Key("sentences").BeginArray();
  for (const SentenceInfo& s : a.sentences) {
    w.BeginObject().Key("i").Int(s.i).Key("start").Int(s.start).Key("end").Int(s.end);
    w.Key("section").String(SectionName(s.section)).EndObject();
  }
  w.EndArray();
  w.Key("entities").BeginArray();
  for (const Entity& e : a.entities) WriteEntity(w, e);
  w.EndArray();
  // Descriptions of actors that name no one («الرئيس الروسي», «الجيش اللبناني»); `ref`
  // is the entity (in "entities") they refer to, when the document names it.
  w.Key("nominals").BeginArray();
  for (const Entity& e : a.nominals) WriteEntity(w, e);
  w.EndArray();
  w.Key("times").BeginArray();
  for (const TimeExpr& t : a.times) {
    w.BeginObject();
    WriteSpan(w, t.span);
    w.Key("type").String(t.type).Key("value").String(t.value).Key("grain").StringOrNull(t.grain);
    w.Key("anchor").String(t.anchor).Key("mod").StringOrNull(t.mod).EndObject();
  }
  w.EndArray();
  w.Key("numbers").BeginArray();
  for (const NumberExpr& n : a.numbers) {
    w.BeginObject();
    WriteSpan(w, n.span);
    w.Key("value").Number(n.value).Key("unit").StringOrNull(n.unit).Key("approx").Bool(n.approx);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes").BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject().Key("id").String(q.id);
    WriteSpan(w, q.span);
    w.Key("speaker").StringOrNull(q.speaker).Key("cue").StringOrNull(q.cue).EndObject();
  }
  w.EndArray();
  w.Key("events").BeginArray();
  for (const Event& e : a.events) WriteEvent(w, e);
  w.EndArray();
  w.Key("relations").BeginArray();
  for (const Relation& r : a.relations) {
    w.BeginObject().Key("a").String(r.a).Key("b").String(r.b).Key("type").String(r.type);
    w.Key("sentence").Int(r.sentence);
    w.Key("evidence").BeginObject().Key("start").Int(r.evidence.start).Key("end").Int(r.evidence.end);
    w.Key("text").String(r.evidence.text).EndObject().EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.take();
}

}  // namespace hadath
