#include "src/events/event_passes.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/events/sentence_reader.h"
#include "src/lexicon/matcher.h"
#include "src/normalize/normalizer.h"
#include "src/util/utf8.h"

namespace hadath {

// Casualty and arrest counts («قتل 20 شخصاً», «وأصيب 35 آخرون», «اعتقال 12 ناشطاً»): a
// number whose unit says dead, injured or arrested goes to the nearest event of its
// sentence that can have such victims — violence (roots 18–20) for the dead and injured,
// an arrest (173) or a coercive act (17) for the arrested, else any violent event.
void AttachCounts(const DocContext& c, Analysis* out) {
  // A count of persons after a word of killing, wounding or arrest: «قتل 20 شخصاً»,
  // «وجرح 35 آخرون», «اعتقلت الشرطة 12 فلسطينياً».
  static const std::unordered_map<std::u32string, std::string> kCue = [] {
    std::unordered_map<std::u32string, std::string> m;
    for (const char* w : {"قتل", "قتلت", "مقتل", "سقوط", "استشهاد", "استشهد", "قضى", "لقي", "بحياة", "حصد", "حصدت"})
      m[MatchFormOf(w)] = "dead";
    for (const char* w : {"جرح", "جرحت", "إصابة", "أصيب", "أصيبوا", "أصابت", "إصابات", "اصابة"}) m[MatchFormOf(w)] = "injured";
    for (const char* w : {"اعتقال", "اعتقلت", "اعتقل", "توقيف", "أوقفت", "أوقف", "احتجاز", "احتجزت", "أسر", "أسرت"})
      m[MatchFormOf(w)] = "arrested";
    return m;
  }();
  for (const NumberExpr& n : out->numbers) {
    std::string kind = n.unit == "prisoner" ? "arrested" : n.unit;
    if (kind.empty() || kind == "person" || kind == "civilian" || kind == "soldier" || kind == "child" ||
        kind == "personnel" || kind == "militant" || kind == "refugee") {
      int ti = -1;
      auto it = std::lower_bound(c.tokens.begin(), c.tokens.end(), n.span.start,
                                 [](const Token& t, int start) { return t.start < start; });
      if (it != c.tokens.end() && it->start == n.span.start) ti = static_cast<int>(it - c.tokens.begin());
      std::string cue;
      for (int k = ti - 1; ti > 0 && k >= 0 && k >= ti - 4 && cue.empty(); --k) {
        if (c.tokens[k].kind == TokKind::kPunct) break;
        auto it = kCue.find(c.tokens[k].Key());
        if (it != kCue.end()) cue = it->second;
      }
      if (!cue.empty()) kind = cue;
    }
    if (kind != "dead" && kind != "injured" && kind != "arrested") continue;
    int sent = -1;
    for (size_t s = 0; s < c.sentences.size(); ++s)
      if (c.sentences[s].start <= n.span.start && n.span.start < c.sentences[s].stop) sent = static_cast<int>(s);
    if (sent < 0) continue;
    Event* best = nullptr;
    int bestd = 1 << 30;
    for (int pass = 0; pass < 2 && !best; ++pass) {
      for (Event& e : out->events) {
        if (e.sentence != sent) continue;
        bool violent = e.root == "18" || e.root == "19" || e.root == "20";
        bool fits = kind == "arrested" ? (pass == 0 ? e.cameo == "173" || e.root == "17" : violent) : violent;
        if (!fits) continue;
        int d = std::abs(e.trigger.start - n.span.start);
        if (d < bestd) bestd = d, best = &e;
      }
    }
    if (!best) continue;
    bool dup = false;
    for (const Event::Count& x : best->size) dup |= x.kind == kind && x.span.start == n.span.start;
    if (!dup) best->size.push_back({kind, n.value, n.approx, n.span});
  }
}

// «قتل ثلاثة فلسطينيين», «اعتقل 20 متظاهراً»: a count of persons right after a verb of
// violence or arrest, and the people counted, are those who suffered it (the verb is a
// passive, unvoweled): what was read as its subject is its target, and its author unknown.
void CountedVictims(Analysis* out) {
  for (Event& e : out->events) {
    const bool harm = e.root == "17" || e.root == "18" || e.root == "19" || e.root == "20";
    if (!harm || !e.source || e.target) continue;
    for (const Event::Count& n : e.size) {
      // The count right after the verb, the people counted inside it or right after it.
      if (n.span.start >= e.trigger.end && n.span.start - e.trigger.end <= 2 &&
          e.source->span.start > n.span.start && e.source->span.start <= n.span.end + 2) {
        e.target = e.source;
        e.source.reset();
        break;
      }
    }
  }
}

// «ستعترف المكسيك بدولة فلسطين», «لن تعترف اليابان بضم روسيا»: acknowledging a state (or
// what a state did) is diplomatic recognition (054), not owning up to something (015).
void Recognition(const Lexicon& lex, Analysis* out) {
  static const std::string kAcknowledge = "\u0639\u062A\u0631\u0641";  // «عترف» of اعترف/يعترف/الاعتراف
  for (Event& e : out->events) {
    if (e.cameo != "015" || e.trigger.text.find(kAcknowledge) == std::string::npos || !e.target) continue;
    const ActorCode& t = e.target->actor;
    if (t.country.empty() || t.country == "IGO" || t.country == "NGO" || !(t.sector.empty() || t.sector == "GOV"))
      continue;
    const CameoInfo* ci = lex.Cameo("054");
    if (!ci) continue;
    e.cameo = "054";
    e.root = "05";
    e.quad = ci->quad;
    e.goldstein = ci->goldstein;
    e.plover = ci->plover;
    e.plover_mode = ci->plover_mode;
  }
}

// The intent and its content: «أبدت إيران استعدادها لاستئناف المحادثات مع الولايات
// المتحدة», «تعهدت اليابان بتقديم مساعدات للفلسطينيين». The event in the complement right
// after an expression of intent (root 03) is what is intended, not something that took
// place: it gives the intent its kind (036 to meet, 033 aid …) and its target, and is not
// told on its own. So for a threat (root 13) and what it threatens: «هدد ترامب بفرض رسوم
// جمركية على الواردات المكسيكية» is a threat of sanctions against Mexico (1312), not
// sanctions imposed; «هددت بقصف» a threat of force (138).
namespace {
std::string IntentCode(const std::string& cameo) {
  static const std::pair<const char*, const char*> kByCode[] = {
      {"0333", "0333"}, {"073", "0333"}, {"071", "0331"}, {"072", "0332"}, {"074", "0334"}, {"07", "033"},
      {"0841", "0353"}, {"084", "0353"}, {"081", "0351"}, {"085", "0354"}, {"087", "0356"}, {"08", "035"},
      {"045", "039"},   {"046", "036"},  {"04", "036"},   {"057", "037"},  {"05", "032"},   {"06", "031"}};
  for (const auto& [prefix, code] : kByCode)
    if (cameo.compare(0, std::strlen(prefix), prefix) == 0) return code;
  return "";
}

std::string ThreatCode(const std::string& cameo) {
  static const std::pair<const char*, const char*> kByCode[] = {
      {"161", "1313"}, {"163", "1312"}, {"164", "134"}, {"16", "131"},  {"172", "132"}, {"17", "137"},
      {"14", "133"},   {"191", "1381"}, {"192", "1382"}, {"18", "138"}, {"19", "138"},  {"20", "138"}};
  for (const auto& [prefix, code] : kByCode)
    if (cameo.compare(0, std::strlen(prefix), prefix) == 0) return code;
  return "";
}

// Folds into each event of `root` the complement event told right after it (within a few
// words, same sentence, same or no source), whose code `code_of` maps to the kind the head
// event takes when it is still generic (`generic`).
void AbsorbComplements(const Lexicon& lex, const char* root, const char* generic,
                       std::string (*code_of)(const std::string&), int window, bool any_source, Analysis* out) {
  std::vector<Event>& ev = out->events;
  std::vector<bool> drop(ev.size(), false);
  auto country = [](const std::optional<EventActor>& a) { return a ? a->actor.country : std::string(); };
  for (size_t i = 0; i < ev.size(); ++i) {
    Event& e = ev[i];
    if (e.root != root || !e.source || drop[i]) continue;
    // The complement: the next trigger of the sentence, right after; of its copies (one
    // per side), the one with this event's target, else the first.
    int chosen = -1;
    for (size_t j = i + 1; j < ev.size() && ev[j].sentence == e.sentence; ++j) {
      const Event& f = ev[j];
      if (f.trigger.start == e.trigger.start) continue;
      if (f.trigger.start < e.trigger.end || f.trigger.start - e.trigger.end > window || code_of(f.cameo).empty())
        break;
      if (!any_source && f.source && country(f.source) != country(e.source)) break;
      if (chosen < 0 || (e.target && country(f.target) == country(e.target))) chosen = static_cast<int>(j);
      if (chosen >= 0 && ev[chosen].trigger.start != f.trigger.start) break;
    }
    if (chosen < 0) continue;
    const Event& f = ev[chosen];
    if (e.cameo == generic) {
      const std::string code = code_of(f.cameo);
      if (const CameoInfo* ci = lex.Cameo(code)) {
        e.cameo = code;
        e.quad = ci->quad;
        e.goldstein = ci->goldstein;
        e.plover = ci->plover;
        e.plover_mode = ci->plover_mode;
      }
    }
    if (!e.target && f.target && country(f.target) != country(e.source)) e.target = f.target;
    for (size_t j = i + 1; j < ev.size() && ev[j].sentence == e.sentence; ++j)
      if (ev[j].trigger.start == f.trigger.start) drop[j] = true;
  }
  size_t w = 0;
  for (size_t i = 0; i < ev.size(); ++i) {
    if (drop[i]) continue;
    if (w != i) ev[w] = std::move(ev[i]);
    ++w;
  }
  ev.resize(w);
}
}  // namespace

void IntentComplements(const Lexicon& lex, Analysis* out) {
  AbsorbComplements(lex, "03", "030", IntentCode, 40, false, out);
  // (What a warning threatens may stand further on, its agent misread: «حذّرت فرنسا … من
  // أنها ستلجأ إلى آلية "العودة السريعة" لإعادة فرض عقوبات الأمم المتحدة على طهران».)
  AbsorbComplements(lex, "13", "130", ThreatCode, 90, true, out);
}

// A plain statement (010) with no one it is addressed to or about («قال بيسكوف إن …»,
// «وأضاف»): the speech act itself is kept as the quote (speaker and cue), and what was said
// is coded as events of its own. As an event it would be a monad that tells an analyst
// nothing: CAMEO and our dyad measure code what a statement says, or the statement toward
// a target («قال … لنظيره الروسي», «شدد … على أن الروابط مع تونس»). It is dropped only after
// coding: the events of the sentence take their speaker and subject from it.
void DropBareStatements(Analysis* out) {
  std::vector<Event>& ev = out->events;
  ev.erase(std::remove_if(ev.begin(), ev.end(), [](const Event& e) { return e.cameo == "010" && !e.target; }),
           ev.end());
}

// Welcoming or backing an act told before («ورحّب غوتيريش بالإعلان», «أشادت مصر
// بالاتفاق»): the act's maker is who is welcomed — the source of the last event before it
// by another state (both sides of a joint act are its makers; the first is taken).
void WelcomedActs(const DocContext& c, Analysis* out) {
  static const WordSet kAct = MatchFormSet({"إعلان", "الإعلان", "اتفاق", "الاتفاق", "اتفاقية", "الاتفاقية",
                                            "قرار", "القرار", "خطوة", "الخطوة", "مبادرة", "المبادرة", "هدنة",
                                            "الهدنة", "التفاهم", "تفاهم", "بيان", "البيان", "جهود"});
  std::vector<Event>& ev = out->events;
  for (size_t i = 0; i < ev.size(); ++i) {
    Event& e = ev[i];
    if (e.root != "05" || e.target || !e.source || e.source->actor.country.empty()) continue;
    auto it = std::lower_bound(c.tokens.begin(), c.tokens.end(), e.trigger.end,
                               [](const Token& t, int start) { return t.start < start; });
    // The first word with «ب» after the verb and its subject is what is welcomed.
    bool act = false;
    for (int n = 0; it != c.tokens.end() && n < 10 && it->kind != TokKind::kPunct; ++it, ++n)
      if (!it->proclitics.empty() && it->proclitics.back() == U'\u0628') {
        act = kAct.count(it->Key()) > 0;
        break;
      }
    if (!act) continue;
    std::vector<EventActor> makers;
    // An agreement, a truce or a concession is what is mostly welcomed: the last one before,
    // else the last act told outside a quote.
    auto find = [&](bool agreement) {
      for (size_t j = i; j-- > 0 && makers.empty();) {
        const Event& f = ev[j];
        // (Not what someone said of it in a quote: «ونحن ملتزمون بالهدنة».)
        if (!f.source || f.source->actor.country.empty() || f.root == "01" || !f.quote.empty()) continue;
        if (f.source->actor.country == e.source->actor.country) continue;
        if (agreement && f.root != "08" && f.cameo.compare(0, 3, "057") != 0) continue;
        // (Each side of a joint act, told as one event per side: «أعلنت أرمينيا وأذربيجان».)
        for (size_t k = 0; k < ev.size(); ++k)
          if (ev[k].trigger.start == f.trigger.start && ev[k].source && !ev[k].source->actor.country.empty() &&
              ev[k].source->actor.country != e.source->actor.country)
            makers.push_back(*ev[k].source);
        // (A joint act told once, «وقف إطلاق النار بين أرمينيا وأذربيجان»: its other side.)
        if (!makers.empty() && f.symmetric && f.target && !f.target->actor.country.empty() &&
            f.target->actor.country != e.source->actor.country)
          makers.push_back(*f.target);
      }
    };
    find(true);
    if (makers.empty()) find(false);
    if (makers.empty()) continue;
    e.target = makers[0];
    std::vector<Event> copies;
    for (size_t m = 1; m < makers.size(); ++m) {
      copies.push_back(ev[i]);
      copies.back().target = makers[m];
    }
    ev.insert(ev.begin() + static_cast<std::ptrdiff_t>(i) + 1, copies.begin(), copies.end());
    i += copies.size();
  }
}

// CAMEO codes dyads, and some acts are dyadic by what they are: one consults, cooperates
// with or rejects someone. Told with no one on the other side — «خلال اجتماع طارئ»,
// «أعلنت دعمها الكامل», «رفضها أي وجود عسكري» — such an act names half of what happened,
// and an analyst counting who met, backed or rejected whom cannot use it. Dropped: meetings,
// calls and visits told as done (planned ones name their purpose), diplomatic cooperation
// but for agreements reached («التوصل إلى اتفاق»), formal complaints (114, «مذكرة احتجاج»
// lodged with no one named), and rejections other than a refusal to
// yield (124: «لن نرضخ للضغوط» refuses whoever presses). Mediation and negotiation stay.
void DropHalfDyads(Analysis* out) {
  std::vector<Event>& ev = out->events;
  ev.erase(std::remove_if(ev.begin(), ev.end(),
                          [](const Event& e) {
                            if (e.target && !e.target->actor.country.empty()) return false;
                            if (e.target && !e.target->actor.code.empty()) return false;
                            const std::string c3 = e.cameo.substr(0, 3);
                            return (e.root == "05" && c3 != "057") || (e.root == "12" && c3 != "124") ||
                                   c3 == "114" ||
                                   (e.root == "04" && c3 < "045" && e.modality == "asserted");
                          }),
           ev.end());
}

namespace {

// 1 same actor, 0 one side unknown, -1 different.
int SameSide(const std::optional<EventActor>& a, const std::optional<EventActor>& b) {
  std::string x = SentenceReader::CountryOf(a), y = SentenceReader::CountryOf(b);
  if (x.empty() || y.empty()) return 0;
  return x == y ? 1 : -1;
}

bool DatesAgree(const std::optional<EventDate>& a, const std::optional<EventDate>& b) {
  if (!a || !b) return true;
  if (a->from == b->from) {
    if (a->from == "published") return a->value == b->value;
    size_t n = std::min(a->value.size(), b->value.size());
    return a->value.compare(0, n, b->value, 0, n) == 0;
  }
  // A date from the text against the publication date (an event not dated where it was
  // told again): the same event only if the text's date is near the publication.
  const std::string& t = a->from == "text" ? a->value : b->value;
  const std::string& p = a->from == "text" ? b->value : a->value;
  if (t.size() < 7 || p.size() < 10 || !IsAsciiDigit(t[0])) return false;
  if (t.size() < 10) return t.compare(0, 7, p, 0, 7) == 0;
  auto days = [](const std::string& v) {
    int y = std::atoi(v.c_str()), m = std::atoi(v.c_str() + 5), d = std::atoi(v.c_str() + 8);
    return y * 372 + m * 31 + d;  // monotone; exact enough for a month's window
  };
  return std::abs(days(t) - days(p)) <= 31;
}

bool SameEvent(const Event& a, const Event& b, bool sym) {
  // (A rejection and a refusal to yield told of one thing are one: «رفض موسكو … لا نقبل».)
  const bool rejections = a.root == "12" && b.root == "12" && (a.cameo == "120" || b.cameo == "120");
  if ((a.cameo != b.cameo && !rejections) || (a.modality == "negated") != (b.modality == "negated")) return false;
  auto fits = [](int x, int y) { return x >= 0 && y >= 0 && (x == 1 || y == 1); };
  bool actors = fits(SameSide(a.source, b.source), SameSide(a.target, b.target)) ||
                (sym && fits(SameSide(a.source, b.target), SameSide(a.target, b.source)));
  if (!actors || !DatesAgree(a.date, b.date)) return false;
  if (a.location && b.location && a.location->text != b.location->text &&
      a.location->country != b.location->country)
    return false;
  return true;
}

void Merge(Event* a, Event* b) {
  for (Event::Mention& m : b->mentions) a->mentions.push_back(std::move(m));
  std::sort(a->mentions.begin(), a->mentions.end(),
            [](const Event::Mention& x, const Event::Mention& y) { return x.trigger.start < y.trigger.start; });
  if (b->source && b->target && !(a->source && a->target)) {  // the fuller telling names both sides
    a->source = b->source;
    a->target = b->target;
  }
  if (b->date && (!a->date || (a->date->from != "text" && b->date->from == "text") ||
                  (a->date->from == b->date->from && b->date->value.size() > a->date->value.size())))
    a->date = b->date;
  if (!a->location && b->location) a->location = b->location;
  if (a->quote.empty()) a->quote = b->quote;
  for (const Event::Count& c : b->size) {
    bool have = false;
    for (const Event::Count& x : a->size) have |= x.kind == c.kind;
    if (!have) a->size.push_back(c);
  }
  a->confidence = std::min(0.99, std::max(a->confidence, b->confidence) + 0.05);
}

}  // namespace

// One event per thing that happened: an event told again later in the document (the
// headline's «زيارة منتظرة لأردوغان إلى مصر», the body's «الإعداد لزيارة الرئيس التركي
// … إلى مصر») becomes a mention of the first telling, which takes what the others add
// (a missing side, a date from the text, a place, a count). Two tellings are
// one event when their CAMEO codes agree (arriving, meeting and leaving are three events
// of one visit, each with its own code or date), one side names the same state and the other
// does not contradict it (symmetric events in either order), they are both negated or
// both not, their dates agree, and their places do not differ. Statements stay apart:
// each is its own speech act with its own quote.
void DedupEvents(Analysis* out) {
  std::vector<Event> kept;
  for (size_t i = 0; i < out->events.size(); ++i) {
    Event& e = out->events[i];
    e.mentions.push_back({e.sentence, e.trigger});
    size_t j = 0;
    if (e.root != "01") {
      for (; j < kept.size(); ++j)
        if (SameEvent(kept[j], e, kept[j].symmetric || e.symmetric)) break;
    } else {
      j = kept.size();
    }
    if (j == kept.size()) {
      kept.push_back(std::move(e));
      continue;
    }
    Merge(&kept[j], &e);
  }
  for (size_t i = 0; i < kept.size(); ++i) kept[i].id = "ev" + std::to_string(i + 1);
  out->events = std::move(kept);
}

// Relations stated in the text («حليف», «شريك», «شراكة», «توتر»): between the two states a
// sentence names (the speaker's counted when the word is quoted), once per pair and kind.
void StatedRelations(const DocContext& c, Analysis* out) {
  const Words& w = Words::Get();
  for (size_t s = 0; s < c.sentences.size(); ++s) {
    const Sentence& sent = c.sentences[s];
    if (sent.section == Section::kCaption || sent.section == Section::kRelated ||
        sent.section == Section::kBoilerplate)
      continue;
    for (int k = sent.begin; k < sent.end; ++k) {
      const Token& t = c.tokens[k];
      auto rel = w.relations.find(t.Key());
      if (rel == w.relations.end() && t.form != t.Key()) rel = w.relations.find(t.form);
      if (rel == w.relations.end()) continue;
      std::set<std::string> countries;
      for (int q = sent.begin; q < sent.end; ++q) {
        int e = c.token_entity[q];
        if (e >= 0 && out->entities[e].actor && !out->entities[e].actor->country.empty())
          countries.insert(out->entities[e].actor->country);
      }
      if (c.token_quote[k] >= 0) {
        int sp = EntityIndex(out->quotes[c.token_quote[k]].speaker);
        if (sp >= 0 && out->entities[sp].actor) countries.insert(out->entities[sp].actor->country);
      }
      if (countries.size() != 2) continue;
      Relation r{*countries.begin(), *countries.rbegin(), rel->second, static_cast<int>(s), c.SpanOf(k, k + 1)};
      bool dup = false;
      for (const Relation& x : out->relations) dup |= x.a == r.a && x.b == r.b && x.type == r.type;
      if (!dup) out->relations.push_back(r);
    }
  }
}

}  // namespace hadath
