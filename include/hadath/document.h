// Document (what a reader produces) and Analysis (what the engine returns).
// These mirror the hadath/1 analysis JSON contract (doc/formats/analysis-json.md).
// All offsets are Unicode code points into Document::text, end exclusive.
#ifndef HADATH_DOCUMENT_H_
#define HADATH_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

namespace hadath {

enum class Section { kTitle, kLead, kCaption, kHeading, kBody, kRelated, kBoilerplate };
const char* SectionName(Section s);

// A span of lines of the text with the section it belongs to (set by the reader).
struct Block {
  int start = 0;  // code points
  int end = 0;
  Section section = Section::kBody;
};

// One input article. `text` is UTF-8; `title` is separate only for inputs that carry
// it apart from the text (JSON Lines); for .txt the title is the first line of `text`.
struct Document {
  std::string id;
  std::string text;
  std::optional<std::string> title;
  std::optional<std::string> published;  // YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> source;
  std::vector<Block> blocks;  // covers the text; empty = one body block
  std::string origin;         // "FILE" or "FILE:LINE", for messages
};

struct Span {
  int start = 0;
  int end = 0;
  std::string text;
};

struct ActorCode {
  std::string code;     // e.g. RUSGOV, IGOUNO
  std::string country;  // ISO alpha-3, IGO, NGO; empty = null
  std::string sector;   // GOV, MIL, ...; empty = null
};

struct Geo {
  std::optional<long> geonameid;
  double lat = 0, lon = 0;
  std::string country;
};

struct SentenceInfo {
  int i = 0;
  int start = 0, end = 0;
  Section section = Section::kBody;
};

struct Entity {
  std::string id;  // "m1"
  Span span;
  std::string type;  // PER ORG GPE LOC NORP FAC EVENT MISC
  std::string canonical;
  std::optional<ActorCode> actor;
  std::string role;
  std::optional<Geo> geo;
  std::string ref;  // id of the first mention of the same entity, or empty
  bool learned = false;  // canonical name learned from an apposition in this document
  bool transliterated = false;  // canonical name is ICU's Arabic→Latin transliteration
  // Internal to the engine, not written: a description rather than a name («الرئيس
  // الروسي», «الجيش اللبناني»). Such mentions steer coreference and event arguments;
  // only those a quote needs as its speaker stay in the output (see PruneNominals).
  bool nominal = false;
};

struct TimeExpr {
  Span span;
  std::string type;   // DATE TIME DURATION SET
  std::string value;  // TIMEX3 value
  std::string grain;  // day month year week season ...
  std::string anchor; // absolute published unresolved
  std::string mod;    // TIMEX3 mod: START («مطلع»), MID («منتصف»), END («نهاية»), or empty
};

struct NumberExpr {
  Span span;
  double value = 0;
  std::string unit;
  bool approx = false;
};

struct Quote {
  std::string id;  // "q1"
  Span span;
  std::string speaker;  // entity id or empty
  std::string cue;
};

struct EventActor {
  Span span;
  std::string entity;  // entity id or empty
  ActorCode actor;
};

struct EventDate {
  std::string value;
  std::optional<std::string> text;
  std::string from;  // text | published
};

struct EventLocation {
  std::string text;
  std::optional<long> geonameid;
  std::optional<double> lat, lon;
  std::string country;
};

struct Event {
  std::string id;  // "ev1"
  int sentence = 0;
  Span trigger;
  std::string cameo, root;
  int quad = 1;
  double goldstein = 0;
  std::string plover, plover_mode;
  std::optional<EventActor> source, target;
  std::optional<EventDate> date;
  std::optional<EventLocation> location;
  std::string modality = "asserted";
  std::string quote;  // quote id or empty
  double confidence = 0;
  // Either side may be told first («اجتمع بوتين مع شي» and «اجتمع شي مع بوتين» are one
  // meeting); used to merge tellings, not written out.
  bool symmetric = false;
  // PLOVER size: counts stated in the event's sentence («قتل 20 شخصاً وجرح 35»), by kind
  // (dead, injured, arrested), each with the text it was read from.
  struct Count {
    std::string kind;
    double value = 0;
    bool approx = false;
    Span span;
  };
  std::vector<Count> size;
  // Every place the document tells this event — headline, lead, body — in text order; the
  // first is `trigger`. One event told three times is one event with three mentions.
  struct Mention {
    int sentence = 0;
    Span trigger;
  };
  std::vector<Mention> mentions;
};

struct Relation {
  std::string a, b, type;
  int sentence = 0;
  Span evidence;  // the word that states it («حليفان», «شراكة», «توتر»)
};

struct Analysis {
  std::string id;
  std::optional<std::string> title, published, url, source;
  std::vector<SentenceInfo> sentences;
  std::vector<Entity> entities;
  // Descriptions that name no one («الرئيس الروسي»), ids "n1"…; `ref` is an id in entities.
  std::vector<Entity> nominals;
  std::vector<TimeExpr> times;
  std::vector<NumberExpr> numbers;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  std::vector<Relation> relations;
};

}  // namespace hadath

#endif  // HADATH_DOCUMENT_H_
