#include "src/events/events.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "src/events/event_passes.h"
#include "src/events/quotes.h"
#include "src/events/sentence_reader.h"
#include "src/lexicon/matcher.h"
#include "src/normalize/normalizer.h"
#include "src/temporal/civil.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {



class Coder : public SentenceReader {
 public:
  Coder(DocContext* c, Analysis* out) : SentenceReader(c, out) {}

  void Run() {
    for (size_t s = 0; s < c_.sentences.size(); ++s) {
      const Sentence& sent = c_.sentences[s];
      if (sent.section == Section::kCaption || sent.section == Section::kRelated ||
          sent.section == Section::kBoilerplate)
        continue;
      for (int i = sent.begin; i < sent.end;) {
        // Arms and troops sent or given: coded at the verb, the object noun with it
        // («تسليم دفعة جديدة من الذخائر الأمريكية إلى أوكرانيا»); «صواريخ» is no attack there.
        int object = -1;
        if (const Trigger* tr = TransferAt(static_cast<int>(s), i, &object)) {
          const bool noun = tr->pos == "noun";
          Code(static_cast<int>(s), i, noun ? object + 1 : i + 1, *tr);
          consumed_.insert(object);
          i = noun ? object + 1 : i + 1;
          continue;
        }
        LexMatch m = MatchAt(lex_, c_.tokens, i, sent.end,
                             [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
        // («شنت طائرات حربية إسرائيلية غارات»: a phrase whose tail is the subject's name
        // is no phrase here; the verb's own phrase may come after the subject.)
        const bool tail_actor = m.entry && m.ntokens > 1 && InsideActor(i + 1, i + m.ntokens) && !InsideActor(i, i + 1);
        if (!m.entry || m.ntokens == 1 || tail_actor) {
          // A verb phrase with its subject inside (VSO): «وقّعت مصر والإمارات اتفاقاً»,
          // «أبدت إيران استعدادها», «خففت كندا في 12 آذار القيود». When the phrase's noun
          // is a trigger of the same kind by itself («وأعلنت أنقرة رفض بغداد …»), the
          // noun tells the event with its own arguments, once.
          int tail = -1;
          if (const Trigger* g = GappedTrigger(static_cast<int>(s), i, &tail)) {
            LexMatch t = MatchAt(lex_, c_.tokens, tail, sent.end,
                                 [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
            // (The noun tells it when it has an actor of its own after it: «رفض بغداد».)
            const int after = tail + (t.entry ? t.ntokens : 1);
            // («هدنة مع حركة حماس»: or one its marker introduces.)
            // (A partner: the noun of a joint act with «مع».)
            const bool marked_actor = t.entry && after + 1 < sent.end &&
                                      (MarkerBefore(after + 1, sent.begin) & kTgtMaa) &&
                                      (lex_.triggers[t.entry->index].targets & kTgtMaa) &&
                                      IsActor(Ent(after + 1)) && c_.mentions[Ent(after + 1)].hb == after + 1;
            const bool own_actor =
                (after < sent.end && IsActor(Ent(after)) && c_.mentions[Ent(after)].hb == after) || marked_actor;
            if (!t.entry || lex_.triggers[t.entry->index].cameo.compare(0, 2, g->cameo, 0, 2) != 0 || !own_actor) {
              // Coded at its verb, the phrase takes its arguments as the verb does (VSO).
              Trigger as_verb = *g;
              if (as_verb.tense == "past" || as_verb.tense == "present") as_verb.pos = "verb";
              // (The noun's own markers go with it: «أعلنت …، الأحد، هدنة مع حركة حماس».)
              if (t.entry) as_verb.targets |= lex_.triggers[t.entry->index].targets;
              Code(static_cast<int>(s), i, i + 1, as_verb);
              // Otherwise the noun is the phrase's object, not an event of its own:
              // «علّقت إثيوبيا المفاوضات مع مصر» suspends; it does not negotiate, and «قد
              // تشنّ إسرائيل هجوماً» is one attack.
              if (t.entry) consumed_.insert(tail);
            }
            ++i;
            continue;
          }
        }
        if (!m.entry || consumed_.count(i)) {
          i += m.entry ? m.ntokens : 1;
          continue;
        }
        // A trigger inside an actor's name is part of the name: «قوات حفظ السلام»,
        // «مجلس التعاون الخليجي», «وزارة الدفاع», «قوة حفظ السلام الأفريقية». «بوساطة
        // روسية» after an event is how that event came about, not one of its own.
        // «اتهمت إيران واشنطن بدعم الإرهاب»: a verbal noun with «ب» just after an
        // accusation (CAMEO 112) is the charge, which the accuser alleges; it is not an
        // event told. What is condemned («ندد الأردن باعتقال ناشطين») did happen.
        // «بهجوم انتحاري»: a phrase whose tail is an actor («انتحاري», a suicide bomber) is
        // read without it, the actor being its agent.
        if (m.ntokens > 1 && InsideActor(i + 1, i + m.ntokens) && !InsideActor(i, i + 1)) {
          LexMatch one = MatchAt(lex_, c_.tokens, i, i + 1,
                                 [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
          if (one.entry) {
            m = one;
          } else if (const Trigger& ph = lex_.triggers[m.entry->index];
                     ph.pos == "phrase" && (ph.tense == "past" || ph.tense == "present")) {
            // «استدعت السفير الإيراني», «نشرت قوات روسية»: a verb whose phrase ends in its
            // object's name is coded at the verb, the object being its target.
            Trigger as_verb = ph;
            as_verb.pos = "verb";
            Code(static_cast<int>(s), i, i + 1, as_verb);
            ++i;
            continue;
          } else if (ph.pos == "phrase" && ph.tense == "phrase" && InsideActor(i + m.ntokens - 1, i + m.ntokens) &&
                     (ph.cameo.compare(0, 2, "17") == 0 || ph.cameo.compare(0, 2, "18") == 0)) {
            // «بتفريق المحتجين»: so is a verbal noun of coercion whose phrase ends in its
            // object's name. (Not a deployment told as terms: «وانتشار قوات حفظ السلام».)
            Trigger as_noun = ph;
            as_noun.pos = "noun";
            as_noun.tense = "masdar";
            Code(static_cast<int>(s), i, i + 1, as_noun);
            ++i;
            continue;
          }
        }
        const Trigger& tg = lex_.triggers[m.entry->index];
        // (A word with «ب» before it is a noun, whatever the row: «دعم» is listed as a verb.)
        // («بشن حملة تطهير عرقي»: the charge may open with a light verbal noun.)
        static const WordSet kLight = MatchFormSet({"شن", "ارتكاب", "تنفيذ", "قيام", "ممارسة"});
        bool charge = !out_.events.empty() && out_.events.back().sentence == static_cast<int>(s) &&
                      out_.events.back().cameo.compare(0, 3, "112") == 0 &&
                      T(i).start - out_.events.back().trigger.end < 60;
        if (charge && T(i).proclitics != U"\u0628") {
          bool by_light = false;  // within three words back, quote marks aside
          for (int q = i - 1, words = 0; q >= sent.begin && words < 3 && !by_light; --q) {
            if (T(q).kind == TokKind::kPunct) continue;
            ++words;
            by_light = T(q).proclitics == U"\u0628" && kLight.count(T(q).Key());
          }
          charge = by_light;
        }
        if (InsideActor(i, i + m.ntokens) || ForceName(i) || charge ||
            (tg.cameo == "045" && T(i).proclitics == U"\u0628" && !out_.events.empty() &&
             out_.events.back().sentence == static_cast<int>(s))) {
          i += m.ntokens;
          continue;
        }
        Code(static_cast<int>(s), i, i + m.ntokens, lex_.triggers[m.entry->index]);
        i += m.ntokens;
      }
      CrowdProtest(static_cast<int>(s));
    }
  }

 private:
  // Protesters told by what they do in the street: «ونزل المتظاهرون إلى الشوارع», «وأضرم
  // المتظاهرون النار في إطارات», «وتجمع نحو 40 متظاهراً أمام السفارة». A verb of gathering
  // or of street action whose subject is a crowd of protesters — or any crowd, with the
  // street or a purpose of protest in its clause («خرج الآلاف إلى الشوارع») — is a
  // demonstration (141) when the sentence has told no protest already. The crowd is its
  // source: civilians of the place where it happened, else of no named country.
  void CrowdProtest(int s) {
    static const WordSet kGather = MatchFormSet(
        {"خرج", "خرجت", "خرجوا", "نزل", "نزلت", "نزلوا", "تجمع", "تجمعت", "تجمعوا", "احتشد", "احتشدت",
         "احتشدوا", "تظاهر", "تظاهرت", "تظاهروا", "اعتصم", "اعتصمت", "اعتصموا", "تدفق", "تدفقت",
         "تدفقوا", "جاب", "جابت", "جابوا", "سار", "سارت", "ساروا", "زحف", "زحفت", "زحفوا"});
    static const WordSet kStreetAct = MatchFormSet(
        {"هتف", "هتفت", "هتفوا", "ردد", "رددت", "رددوا", "رفع", "رفعت", "رفعوا", "أضرم", "أضرمت",
         "أضرموا", "أحرق", "أحرقت", "أحرقوا", "أغلق", "أغلقت", "أغلقوا", "قطع", "قطعت", "قطعوا", "سد",
         "سدت", "سدوا", "رشق", "رشقت", "رشقوا"});
    const WordSet& kProtesters = ProtesterWords();
    const WordSet& kCrowd = CrowdWords();
    static const WordSet kStreet = MatchFormSet({"الشوارع", "شوارع", "الشارع", "الساحات", "ساحة", "الميدان",
                                                 "احتجاجا", "للاحتجاج", "للمطالبة", "للتنديد", "تنديدا",
                                                 "رافعين", "هاتفين", "مرددين", "يهتفون", "يرددون",
                                                 // a crowd gathered before a seat of power:
                                                 // «أمام مقر المفوضية», «أمام البرلمان»
                                                 "أمام"});
    // What is closed or cut is a road: «قطعوا مئات الكيلومترات» is a journey.
    static const WordSet kRoadAct = MatchFormSet({"أغلق", "أغلقت", "أغلقوا", "قطع", "قطعت", "قطعوا", "سد",
                                                  "سدت", "سدوا"});
    static const WordSet kRoad = MatchFormSet({"الطريق", "طريق", "طريقا", "الطرق", "طرقا", "الشارع", "شارع",
                                               "الشوارع", "شوارع", "مدخل", "مداخل", "المدخل", "الجسر", "جسر"});
    const Sentence& sent = c_.sentences[s];
    for (const Event& e : out_.events)
      if (e.sentence == s && e.root == "14") return;
    // Most sentences name no crowd: look for one first, by last letter and length before
    // any hashing.
    static const WordShapes kShape = [] {
      WordShapes t;
      for (const WordSet* set : {&ProtesterWords(), &CrowdWords()})
        for (const std::u32string& w : *set) t.Add(w);
      return t;
    }();
    bool any_crowd = false;
    for (int k = sent.begin; k < sent.end && !any_crowd; ++k) {
      const std::u32string& key = T(k).Key();
      any_crowd = kShape.Maybe(key) && (kProtesters.count(key) || kCrowd.count(key));
    }
    if (!any_crowd) return;
    for (int k = sent.begin; k < sent.end; ++k) {
      const bool gather = InSet(kGather, k);
      if (!gather && !InSet(kStreetAct, k)) continue;
      if (k > sent.begin && (w_.negation.count(T(k - 1).Key()) || Relative(k - 1))) continue;
      if (c_.token_quote[k] >= 0) continue;
      const int ce = ClauseEnd(s, k + 1);
      // The subject: right after the verb (VSO, a few words of count between: «نحو 40
      // متظاهراً», «آلاف من المتظاهرين»), or right before it (SVO).
      int crowd = -1;
      bool protesters = false;
      for (int q = k + 1; q < std::min(ce, k + 5) && crowd < 0; ++q) {
        if (T(q).kind == TokKind::kPunct) break;
        if (kProtesters.count(T(q).Key())) crowd = q, protesters = true;
        else if (kCrowd.count(T(q).Key())) crowd = q;
      }
      if (crowd < 0 && k > sent.begin && kProtesters.count(T(k - 1).Key())) crowd = k - 1, protesters = true;
      if (crowd < 0) continue;
      // «ورفع المتظاهرون لافتات», «وهتف المتظاهرون»: the protesters with the article are
      // those of a protest told already; what they do there is part of it. New protesters
      // («وأحرق متظاهرون», «وهتف نحو ألف متظاهر») or a gathering tell a protest.
      if (!gather && StartsWithAl(T(crowd).Key())) continue;
      if (InSet(kRoadAct, k)) {
        bool road = false;
        for (int q = k + 1; q < std::min(ce, k + 8) && !road; ++q) road = kRoad.count(T(q).Key()) > 0;
        if (!road) continue;
      }
      if (!protesters) {
        // Any crowd gathers for many things: the street or a purpose of protest tells it.
        bool street = false;
        for (int q = k + 1; q < ce && !street; ++q) street = kStreet.count(T(q).Key()) > 0;
        if (!gather || !street) continue;
      }
      Trigger trig;
      trig.lemma = EncodeUtf8(T(k).Key());
      trig.pos = "verb";
      trig.tense = "past";
      trig.cameo = "141";
      Event ev;
      ev.sentence = s;
      ev.trigger = c_.SpanOf(k, k + 1);
      ev.cameo = "141";
      ev.root = "14";
      ev.modality = Modality(s, k, k + 1, trig);
      if (const CameoInfo* ci = lex_.Cameo(ev.cameo)) {
        ev.quad = ci->quad;
        ev.goldstein = ci->goldstein;
        ev.plover = ci->plover;
        ev.plover_mode = ci->plover_mode;
      }
      const int cb = crowd < k ? crowd : k;
      if (int p = PlaceInClause(s, k, cb); p >= 0) {
        ev.source = ActorOf(p);
        ev.source->actor = StateOf(ev.source->actor.country, "CVL");
      } else {
        ev.source = EventActor{c_.SpanOf(crowd, crowd + 1), "", StateOf("", "CVL")};
      }
      // «نحو 500 مزارع بلجيكي»: the crowd's nationality names its people.
      if (auto a = NationalityAfter(crowd + 1, std::min(sent.end, crowd + 2), Trigger{}))
        ev.source->actor = StateOf(a->actor.country, "CVL");
      // «أمام مقر المفوضية الأوروبية», «أمام السفارة الدنماركية»: against the body whose
      // seat it gathers before.
      static const WordSet kSeat = MatchFormSet({"مقر", "السفارة", "سفارة", "القنصلية", "قنصلية"});
      static const std::u32string kAmam = MatchFormOf("أمام");
      for (int q = k + 1; q + 2 < std::min(ce, k + 14) && !ev.target; ++q) {
        if (T(q).Key() != kAmam || !kSeat.count(T(q + 1).Key())) continue;
        if (int e = Ent(q + 2); e >= 0 && out_.entities[e].actor && !out_.entities[e].actor->country.empty())
          ev.target = ActorOf(e);
        else if (auto n = NationalityAfter(q + 2, std::min(sent.end, q + 3), Trigger{}))
          ev.target = EventActor{n->span, "", StateOf(n->actor.country, "GOV")};
      }
      HomeState(&ev.source);
      HomeState(&ev.target);
      if (ev.target && ev.source && ev.target->actor.code == ev.source->actor.code) ev.target.reset();
      Date(s, k, &ev);
      Location(s, k + 1, &ev);
      DomesticTarget(s, k + 1, &ev);
      ev.confidence = 0.5 + (ev.date && ev.date->from == "text" ? 0.1 : 0);
      Push(std::move(ev), false);
      return;  // one demonstration per sentence
    }
  }

  void Code(int s, int tb, int te, const Trigger& trig_in) {
    // A jussive form («لم يزر», «لم يلتق») is a trigger only after «لم»/«لما», where it
    // is the present form shortened; it is read as that.
    Trigger jussive;
    if (trig_in.tense == "jussive") {
      if (tb == c_.sentences[s].begin || !w_.jussive_particle.count(T(tb - 1).Key())) return;
      jussive = trig_in;
      jussive.tense = "present";
    }
    // A past verb's form after a preposition is its verbal noun («أعربت عن دعمها لترشيح
    // البرازيل», «بدعم من»): prepositions govern nouns.
    Trigger as_noun;
    // So is one that is the object of a verb of announcing or judging: «أعلنت السلطات،
    // الخميس، طرد ثلاثة دبلوماسيين», «أدانت الخارجية السورية توغل قوة إسرائيلية».
    const bool noun_reading =
        trig_in.pos == "verb" && trig_in.tense == "past" && te - tb == 1 &&
        (AfterPreposition(tb) || MasdarHeadBefore(tb) ||
         (T(tb).proclitics.empty() && AnnouncerBefore(tb, DatelineEnd(s), /*judging=*/true) >= 0));
    if (noun_reading) {
      as_noun = trig_in;
      as_noun.pos = "noun";
      as_noun.tense = "masdar";
    }
    // «مسيرات» are drones in today's wars and marches in the streets: «خرجوا في مسيرات»,
    // «مسيرات تندد بالانقلاب» are protests.
    Trigger march;
    if (trig_in.cameo == "1952" && te - tb == 1 && MarchContext(s, tb, te)) {
      march = noun_reading ? as_noun : trig_in;
      march.cameo = "141";
    }
    // A weapon's name is an event only where the weapon is fired: «تطوير نظم الصواريخ»,
    // «تمويل 28 طائرة بدون طيار» tell of arms, not of an attack.
    // (Fired by a verb, «أطلقت حماس عشرات الصواريخ», the weapon takes that verb's subject.)
    WeaponUse weapon = march.cameo.empty() && WeaponName(trig_in) ? WeaponInUse(s, tb, te) : WeaponUse::kAimed;
    if (weapon == WeaponUse::kUnused) return;
    // So does a noun of force after a verb of firing or launching: «أطلقت قوات الأمن الغاز
    // المسيل للدموع», «وكانت روسيا قد شنت غزوها الشامل».
    static const WordSet kLaunch = MatchFormSet({"شن", "شنت", "شنوا", "يشن", "تشن", "يشنون", "بدأ", "بدأت",
                                                 "واصل", "واصلت", "نفذ", "نفذت", "نفذوا", "أطلق", "أطلقت",
                                                 "أطلقوا", "يطلق", "تطلق"});
    if (trig_in.pos != "verb" && march.cameo.empty() && !WeaponName(trig_in) &&
        (trig_in.cameo.compare(0, 2, "17") == 0 || trig_in.cameo.compare(0, 2, "18") == 0 ||
         trig_in.cameo.compare(0, 2, "19") == 0 || trig_in.cameo.compare(0, 2, "20") == 0) &&
        tb > c_.sentences[s].begin && !AfterPreposition(tb) &&
        (kLaunch.count(T(tb - 1).Key()) || WeaponInUse(s, tb, te) == WeaponUse::kFired))
      weapon = WeaponUse::kFired;
    const Trigger& trig = !march.cameo.empty() ? march
                          : noun_reading       ? as_noun
                          : trig_in.tense == "jussive" ? jussive
                                                       : trig_in;
    const Sentence& sent = c_.sentences[s];
    // «…، داعياً طرفي النزاع إلى …», «…، متهمةً كوتونو بـ…»: a circumstantial participle
    // continues its sentence after a comma; the actor after it is its object. («متهم
    // بـ», with no object, is the passive: accused of.)
    const bool participle = trig.pos == "participle";
    if (participle) {
      if (tb == sent.begin || (T(tb - 1).form != U"\u060C" && T(tb - 1).form != U",")) return;
      if (trig.lemma == "اتهم" && te < sent.end && T(te).proclitics == U"\u0628") return;
    }
    // «أوقفت الشرطة 312 شخصاً» arrests; «أوقفت الحكومة الدعم» stops: people as its object.
    if (trig.lemma == "أوقف" && trig.pos == "verb") {
      bool people = false;
      for (int q = te; q < std::min(c_.sentences[s].end, te + 8) && !people; ++q)
        people = CountedAt(q, q + 1) || (Ent(q) >= 0 && out_.entities[Ent(q)].type == "PER");
      if (!people) return;
    }
    // «استدعت السفير للاحتجاج على …», «استقال احتجاجاً على …»: protest as the motive of an
    // act told before it in its sentence is that act's reason, no demonstration.
    static const std::u32string kInProtest = MatchFormOf("احتجاجا");
    if (trig.lemma == "احتجاج" && te - tb == 1 && !out_.events.empty() && out_.events.back().sentence == s &&
        (T(tb).proclitics == U"\u0644" || T(tb).Key() == kInProtest))
      return;
    const bool verb = trig.pos == "verb" || participle;
    // Clause start: the last clause break before the trigger. A relative clause closed by a
    // comma before the trigger («فيدان، الذي يزور العراق حالياً، أجرى محادثات») is an
    // insertion: the clause goes on before it, and its actors are not this verb's.
    const int opening = DatelineEnd(s);
    int cb = tb >= opening ? opening : sent.begin, rel_b = -1, rel_e = -1;
    for (int k = tb - 1; k >= cb; --k) {
      if (!w_.clause_break.count(T(k).Key()) && T(k).form != U":") continue;
      if (rel_b < 0 && Relative(k)) {
        int comma = -1;
        for (int q = k + 1; q < tb && comma < 0; ++q)
          if (T(q).form == U"\u060C" || T(q).form == U",") comma = q;
        if (comma >= 0) {
          rel_b = k, rel_e = comma;
          continue;
        }
      }
      cb = k + 1;
      break;
    }
    auto in_rel = [&](int e) { return rel_b >= 0 && c_.mentions[e].hb >= rel_b && c_.mentions[e].hb < rel_e; };
    // Source.
    int src = -1, tgt = -1;
    bool visited = false;  // the target is the place a visit's genitive names
    int after_end = std::min(sent.end, te + 14);
    int k = te;
    if (FirstPerson(tb, trig)) {
      // «نواصل», «لا نقبل», «اتصالاتنا»: the speaker acts — the quote's speaker, or in a
      // headline «الكرملين: لا نقبل …» the actor before the colon.
      if (c_.token_quote[tb] >= 0) {
        src = EntityIndex(out_.quotes[c_.token_quote[tb]].speaker);
      }
      for (int q = tb - 1; q >= sent.begin && src < 0; --q) {
        if (T(q).form != U":") continue;
        for (int r = q - 1; r >= sent.begin && src < 0; --r)
          if (IsActor(Ent(r))) src = Ent(r);
      }
    }
    // «قتل 18 شخصاً», «اعتقل 5 ناشطين», «ثلاثة جنود أميركيين قتلوا»: a verb of violence
    // or arrest with a count of people right after it, or right before it as its
    // subject, tells what befell them; news writes it unvoweled, but it is the passive.
    const bool harm = verb && (trig.cameo.compare(0, 2, "17") == 0 || trig.cameo.compare(0, 2, "18") == 0 ||
                               trig.cameo.compare(0, 2, "19") == 0 || trig.cameo.compare(0, 2, "20") == 0);
    // (Only a verb that opens its clause: «المتشددون … اختطفوا سبعة جنود» has its subject
    // before it. What explodes, «انفجرت خمس قذائف», suffers nothing.)
    static const WordSet kOpener = MatchFormSet({"قد", "لقد", "كما", "حيث", "أن", "إن", "أنه", "إنه", "ثم",
                                                 "كان", "كانت", "وكان", "وكانت", "بعدما", "عندما"});
    const bool opens = tb == cb || T(tb - 1).kind == TokKind::kPunct || c_.token_time[tb - 1] >= 0 ||
                       kOpener.count(T(tb - 1).Key());
    // A past verb with its plural subject's suffix («اختطفوا», «هاجموا») agrees with a
    // subject before it (VSO verbs stay singular): the actor after it is its object.
    const std::u32string& vk = T(tb).Key();
    // (So does a feminine dual's «تا»: «واليابان والفلبين … وحثّتا بكين».)
    const bool plural_subject = verb && trig.tense == "past" && te - tb == 1 && vk.size() >= 4 &&
                                ((vk.size() >= 5 && vk.compare(vk.size() - 2, 2, U"\u0648\u0627") == 0) ||
                                 (vk.compare(vk.size() - 2, 2, U"\u062A\u0627") == 0 && !trig.lemma.empty() &&
                                  MatchFormOf(trig.lemma.c_str()).back() != U'\u062A'));
    // (A verb joined by «و» after a comma goes on with its subject, «وأطلقت قوات الأمن
    // الغاز …، واعتقلت 32 شخصاً»: the count is its object.)
    const bool joined = verb && tb > cb && T(tb).proclitics == U"\u0648" &&
                        (T(tb - 1).form == U"\u060C" || T(tb - 1).form == U",");
    const bool counted_after = harm && opens && !joined && trig.lemma != "انفجر" && trig.lemma != "تفجر" &&
                               CountedAt(te, std::min(sent.end, te + 8));
    const bool finite_phrase = trig.pos == "phrase" && (trig.tense == "past" || trig.tense == "present");
    // «غارة إسرائيلية تقتل …», «قوات روسية تسيطر …»: a force or an attack named by its
    // nationality right before the verb is its subject.
    std::optional<EventActor> svo_nationality;
    if (src < 0 && (verb || finite_phrase) && !participle && tb - 2 >= cb && Ent(tb - 1) < 0) {
      bool force_noun = KForceWords().count(T(tb - 2).Key()) > 0;
      if (!force_noun) {
        LexMatch m = MatchAt(lex_, c_.tokens, tb - 2, tb - 1,
                             [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
        const std::string r = m.entry ? lex_.triggers[m.entry->index].cameo.substr(0, 2) : "";
        force_noun = r == "18" || r == "19" || r == "20";
      }
      // («مزارعون فرنسيون يتظاهرون»: people of a nation, its civilians.)
      const bool crowd = !force_noun && (ProtesterWords().count(T(tb - 2).Key()) || CrowdWords().count(T(tb - 2).Key()));
      if (force_noun || crowd)
        if ((svo_nationality = NationalityAfter(tb - 1, tb, trig)))
          svo_nationality->actor = StateOf(svo_nationality->actor.country, crowd ? "CVL" : "MIL");
    }
    if (src < 0 && (verb || finite_phrase) && !participle && tb - 1 >= cb) {
      // SVO: an actor right before the verb is its subject («طهران ترفض …», «إن القوات
      // الروسية استخدمت غاز الكلور»).
      // («وكانت طائرات إسرائيلية قد قصفت …»: «قد» between.)
      // (Nor a quote mark: «إن مانيلا "تنتهك سيادة الصين"».)
      int before = tb - 1;
      if (before > cb && T(before).Key() == w_.qad && T(before).proclitics.empty()) --before;
      if (before > cb && (T(before).form == U"\"" || T(before).form == U"\u00AB")) --before;
      // (Nor «من جانبها», «من جهته», «بدورها»: «وقوات الدعم السريع من جانبها نفت».)
      static const WordSet kSide = MatchFormSet({"جانب", "جهة", "بدور", "دور"});
      static const std::u32string kMin = MatchFormOf("من");
      if (before > cb + 1 && T(before).enclitic && kSide.count(T(before).Key()))
        before -= T(before - 1).Key() == kMin ? 2 : 1;
      int e = Ent(before);
      if (IsActor(e) && c_.mentions[e].te == before + 1 && !MarkerBefore(c_.mentions[e].hb, sent.begin)) {
        bool counted = false;
        for (int q = std::max(cb, c_.mentions[e].hb - 2); q <= c_.mentions[e].hb && !counted; ++q)
          counted = harm && CountedAt(q, q + 1);
        if (counted) tgt = e;
        else src = e;
      }
    }
    if (src < 0 && verb && tb - 1 >= sent.begin && Relative(tb - 1)) {
      // A verb opening a relative clause has its antecedent as subject: «وانغ يي، الذي
      // يزور روسيا» — Russia is what he visits.
      int q = tb - 2;
      if (q >= sent.begin && (T(q).form == U"\u060C" || T(q).form == U",")) --q;
      int e = q >= sent.begin ? Ent(q) : -1;
      if (IsActor(e) && c_.mentions[e].te == q + 1) src = e;
    }
    const std::string vroot = trig.cameo.substr(0, 2);
    const bool violent_root = vroot == "17" || vroot == "18" || vroot == "19" || vroot == "20";
    if (!violent_root && T(tb).enclitic && tb > sent.begin && T(tb).proclitics.empty() &&
        (T(tb - 1).Key() == w_.anna || T(tb - 1).Key() == w_.inna))
      // «وأن تنسيقهما لا يستهدف أي طرف», «إن زيارته كانت ناجحة»: a verbal noun with its
      // owner's pronoun opening what is said is the topic of a judgement about an event or
      // a state known already, not the telling of one.
      return;
    if (src >= 0) {
    } else if (!verb) {  // genitive after a verbal noun: «زيارة بوتين»
      const std::string root = trig.cameo.substr(0, 2);
      const bool violent = root == "17" || root == "18" || root == "19" || root == "20";
      // After the noun's adjectives, a person introduced by «ل» makes the visit: «زيارة
      // منتظرة لأردوغان إلى مصر», «الزيارة المنتظرة للرئيس التركي للقاهرة» (a place after
      // «ل» is where it goes).
      int g = k;
      while (g < std::min(sent.end, te + 2) && Ent(g) < 0 && AdjectiveOf(tb, g)) ++g;
      // «اتفاق الهدنة بين المتمردين في إقليم أمهرة وإثيوبيا»: the two
      // sides of a symmetric noun after «بين», whoever else the clause names.
      if (trig.symmetric && g < sent.end && T(g).Key() == w_.bayna) {
        int a = -1, b = -1;
        for (int q = g + 1; q < std::min(sent.end, g + 4) && a < 0; ++q)
          if (IsActor(Ent(q)) && c_.mentions[Ent(q)].hb == q) a = Ent(q);
        const int from_a = a >= 0 ? c_.mentions[a].te : sent.end;
        for (int q = from_a; q < std::min(sent.end, from_a + 6) && b < 0; ++q) {
          if (T(q).kind == TokKind::kPunct) break;
          int e = Ent(q);
          if (IsActor(e) && e != a && c_.mentions[e].hb == q && !T(q).proclitics.empty() &&
              T(q).proclitics[0] == U'\u0648') {
            b = e;
            break;
          }
        }
        if (a >= 0 && b >= 0) src = a, tgt = b;
      }
      if (src >= 0) {
      } else if (trig.cameo.compare(0, 2, "04") == 0 && g < sent.end && IsActor(Ent(g)) && c_.mentions[Ent(g)].hb == g &&
          MarkerBefore(g, sent.begin) == kTgtLi && out_.entities[Ent(g)].type == "PER")
        src = Ent(g);
      if (src >= 0) {
      } else if (k < sent.end && IsActor(Ent(k)) && !MarkerBefore(k, sent.begin) && violent && !trig.symmetric) {
        // The genitive of a noun of violence or coercion is who suffers it: «مقتل
        // جنود»، «اعتقال ناشطين»، «قصف غزة». The actor, if any, comes later or before.
        // («هجوم انتحاري»: the suicide bomber describing the attack carried it out.)
        static const WordSet kAgentAdj = MatchFormSet({"انتحاري", "انتحارية", "الانتحاري", "الانتحارية"});
        if (kAgentAdj.count(T(k).Key())) src = Ent(k);
        else tgt = Ent(k);
      } else if (k < sent.end && IsActor(Ent(k)) && !MarkerBefore(k, sent.begin) && T(te - 1).enclitic) {
        // «جددت فرنسا مطالبتها إيران بالإفراج»: a verbal noun with its owner's pronoun has
        // its agent in the pronoun (the subject before, below); the actor after it is its
        // object, not its genitive. Told already, it is the event told before: «رافقه في
        // زيارته وزيرة الخارجية».
        if (SeenRoot(trig.cameo.substr(0, 2))) return;
      } else if (k < sent.end && IsActor(Ent(k)) && !MarkerBefore(k, sent.begin)) {
        // «زيارة بوتين» is his visit; «يعتزم زيارة طهران» visits the place.
        if (trig.cameo == "042" && out_.entities[Ent(k)].type == "GPE") tgt = Ent(k), visited = true;
        else src = Ent(k);
      } else if (trig.pos == "noun" && te - tb == 1 && (StartsWithAl(T(tb).Key()) || TemporalBefore(tb, cb)) &&
                 SeenRoot(trig.cameo.substr(0, 2)) && !NationalityAfter(te, sent.end, trig)) {
        // A definite verbal noun without its own actor («الزيارة», «الاتهامات»), or one
        // that only times another event («عقب ختام جولة دامت ثلاثة أيام»), after an
        // event of the same kind refers back to it; it is not a new one.
        return;
      }
    } else if (tgt >= 0) {
      // («ثلاثة جنود أميركيين قتلوا»: the subject before suffered it; no other subject.)
    } else if (svo_nationality) {
      // (The subject stands before the verb; what follows it is its object.)
    } else if (PronounSubjectBefore(tb, sent.begin) || OwnCountryBefore(s, tb)) {
      // «أعلنت إسرائيل أنها ستفرج عن مئات الأسرى»: the pronoun on «أنّ» is the subject;
      // what follows the verb is its object. (Its referent comes from the sentence's
      // previous verb, below.)
    } else {
      for (; k < after_end; ++k) {
        if (T(k).kind == TokKind::kPunct && (T(k).form == U"." || T(k).form == U":")) break;
        if (w_.clause_break.count(T(k).Key())) break;
        // A comma ends the verb's clause: «لا ترى أي أساس …، متهمة واشنطن وبرلين» — Berlin is
        // no subject of «ترى». (Not a comma before a time: «أعلنت، الخميس، وزارة …».)
        if ((T(k).form == U"\u060C" || T(k).form == U",") && k > te &&
            !(k + 1 < sent.end && c_.token_time[k + 1] >= 0) && c_.token_time[k - 1] < 0)
          break;
        int e = Ent(k);
        if (IsActor(e) && c_.mentions[e].hb == k) {
          // «وصل الرئيس الفرنسي إلى الجزائر …، وغادر الجزائر»: a joined verb goes on with
          // the subject before; the place after it is its object.
          if (joined && k == te && (trig.targets & kTgtObj) && out_.entities[e].type == "GPE") {
            // (The first subject of the verb before: its copies for subjects joined to it
            // follow from it here too.)
            const Event* prev = nullptr;
            for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it)
              if (it->trigger.start < T(tb).start && it->source && (!prev || it->trigger.start >= prev->trigger.start))
                prev = &*it;
            const int p = prev ? EntityIndex(prev->source->entity) : -1;
            if (p >= 0 && p < static_cast<int>(out_.entities.size()) && p != e) {
              src = p;
              tgt = e;
              break;
            }
          }
          if (!(MarkerBefore(k, sent.begin) & ~kTgtObj) || MemberOf(te, k)) {
            // A passive verb («قُتل ثلاثة أشخاص», «اعتُقل ناشطون») has its patient there.
            if (Passive(tb) || counted_after || plural_subject || participle) tgt = e;
            else src = e;
            break;
          }
          k = c_.mentions[e].te - 1;  // an actor after a preposition: not the subject
        }
      }
    }
    // The subject before a violent noun belongs to another verb («ندد الأردن باعتقال
    // ناشطين»: Jordan condemns, it does not arrest): no agent is better than a wrong one.
    // The subject before a plural verb may name its group after «من» or «ل»: «المتشددين
    // من الموالين لحركة طالبان اختطفوا».
    if (plural_subject && src < 0) {
      for (int q = tb - 1; q >= cb && q >= tb - 8; --q) {
        int e = Ent(q);
        if (!IsActor(e) || e == tgt || c_.mentions[e].te > tb) continue;
        if (MarkerBefore(c_.mentions[e].hb, sent.begin) & ~(kTgtMin | kTgtLi)) break;
        src = e;
        // «اليابان والفلبين … وحثّتا»: the first of the subjects joined by «و»; the
        // others follow from it.
        for (int guard = 0; guard < 6; ++guard) {
          const int h = c_.mentions[src].hb;
          if (h <= cb || T(h).proclitics != U"\u0648") break;
          const int p = Ent(h - 1);
          if (!IsActor(p) || c_.mentions[p].te != h) break;
          src = p;
        }
        break;
      }
    }
    const bool patient_genitive = tgt >= 0 && !visited;
    // A verbal noun with a nationality adjective: «الهجوم الإسرائيلي», «الغارات الروسية»,
    // «الوساطة المصرية» — the adjective names who acts.
    std::optional<EventActor> adj_source = svo_nationality;
    if (!verb && src < 0 && !adj_source) adj_source = NationalityAfter(te, sent.end, trig);
    // «ووصفته بأنه "انتهاك صارخ لسيادة سوريا"», «احتجاج على انتهاك السيادة»: a violation
    // named without its violator judges another act; it is not the speaker's.
    if (!verb && src < 0 && !adj_source && trig.cameo.compare(0, 3, "128") == 0 &&
        trig.tense != "past" && trig.tense != "present")
      return;
    std::optional<EventActor> adj_source2;
    // «شنّت الطائرات الأمريكية غارات», «قصفت المدفعية الإسرائيلية»: a force named by its
    // nationality adjective, the subject before a noun of violence or after a verb.
    if (src < 0 && !adj_source && !patient_genitive && violent_root) {
      static const WordSet kForces = MatchFormSet(
          {"الطائرات", "طائرات", "المقاتلات", "مقاتلات", "القوات", "قوات", "الجيش", "البحرية", "الدبابات",
           "دبابات", "المدفعية", "السفن", "البوارج", "الزوارق", "المروحيات", "مروحيات", "الطيران", "الشرطة",
           "طائرة", "دبابة", "مقاتلة", "مروحية", "قوة", "سلاح"});
      int from = verb ? te : std::max(cb, tb - 6);
      const int to = verb ? std::min(sent.end, te + 4) : tb;
      // («وفي وقت لاحق، شنت طائرات أمريكية غارات»: the noun's own clause, after the comma.)
      // (A time between commas does not end it: «ونفّذت طائرات أمريكية، بعد ساعات، غارات».)
      if (!verb)
        for (int q = to - 1; q >= from; --q) {
          if (T(q).kind != TokKind::kPunct) continue;
          const bool by_time = (q + 1 < to && c_.token_time[q + 1] >= 0) || (q > 0 && c_.token_time[q - 1] >= 0);
          if (by_time) continue;
          from = q + 1;
          break;
        }
      for (int q = from; q < to && !adj_source; ++q) {
        if (T(q).kind == TokKind::kPunct) break;
        if (kForces.count(T(q).Key()) && T(q).proclitics.empty()) {
          int n = q + 1;
          static const WordSet kAir = MatchFormSet({"الجو", "الجوي"});  // «سلاح الجو الإسرائيلي»
          if (n < sent.end && kAir.count(T(n).Key())) ++n;
          if (auto a = NationalityAfter(n, std::min(sent.end, n + 1), trig)) {
            adj_source = a;
            // «الطائرات الأمريكية والبريطانية»: a second adjective joined by «و».
            const int a2 = n + 1;
            if (a2 < sent.end && T(a2).proclitics == U"\u0648") {
              LexMatch m = MatchAt(lex_, c_.tokens, a2, a2 + 1,
                                   [](const LexEntry& e) { return e.kind == LexKind::kNationality; });
              if (m.entry && lex_.countries[m.entry->index].iso3 != a->actor.country) {
                adj_source2 = EventActor{c_.SpanOf(a2, a2 + 1), "", a->actor};
                adj_source2->actor = StateOf(lex_.countries[m.entry->index].iso3, a->actor.sector);
              }
            }
          }
        }
      }
    }
    // An act announced or decided by its actor («أعلنت السلطات في النيجر طرد …») is the
    // announcer's.
    if (src < 0 && !adj_source && (trig.pos == "noun" || (trig.pos == "phrase" && trig.tense == "phrase")) &&
        !patient_genitive) {
      if (int ann = AnnouncerBefore(tb, cb); ann >= 0) {
        bool told = false;
        for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
          if (it->trigger.start != T(ann).start || !it->source) continue;
          int e = EntityIndex(it->source->entity);
          if (e >= 0 && e < static_cast<int>(out_.entities.size())) src = e;
          else adj_source = it->source;
          told = true;
          break;
        }
        // A verb of deciding that tells no event itself («قررت الجزائر طرد …»): its
        // subject, after it or right before it.
        for (int q = ann + 1; q < tb && !told && src < 0; ++q)
          if (int e = Ent(q); IsActor(e) && c_.mentions[e].hb == q && !MarkerBefore(q, sent.begin)) src = e;
        if (!told && src < 0 && ann - 1 >= cb)
          if (int e = Ent(ann - 1); IsActor(e) && c_.mentions[e].te == ann && !MarkerBefore(c_.mentions[e].hb, sent.begin))
            src = e;
        // («إن بلاده قررت استدعاء سفيرها»: the speaker's country.)
        if (!told && src < 0) adj_source = OwnCountryBefore(s, ann);
      }
    }
    // The participle's subject is the main verb's: that of the first event its sentence
    // told (a statement's too: «قال …، مضيفاً»), not of one inside what was said.
    if (participle && src < 0 && !adj_source) {
      const Event* main = nullptr;
      for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it)
        if (it->trigger.start < T(tb).start && it->source) main = &*it;
      if (main) {
        int e = EntityIndex(main->source->entity);
        if (e >= 0 && e < static_cast<int>(out_.entities.size()) && e != tgt) src = e;
        else if (e < 0) adj_source = main->source;
      } else {
        // («ووصف عطاف القرار بأنه …، متهماً روتايو»: a main verb that is no event; its
        // subject is the first actor of the sentence not introduced by a preposition.)
        for (int q = DatelineEnd(s); q < tb && src < 0; ++q) {
          int e = Ent(q);
          if (IsActor(e) && c_.mentions[e].hb == q && e != tgt && !MarkerBefore(q, sent.begin)) src = e;
          if (e >= 0) q = std::max(q, c_.mentions[e].te - 1);
        }
      }
    }
    // A phrase with its own verb («شنت غارة», «فجر نفسه») tells that it happened as a verb
    // does; a phrase without one («سيارة مفخخة», «ضربة جوية») is a noun.
    // A bare past form reads as a verbal noun too («تعتزم فرض حصار»): only a form no noun
    // has — an imperfect, a past with its subject's suffix («شنت», «قطعوا»), a reflexive
    // object («فجر نفسه») — is taken for the verb.
    const bool light_verb = trig.pos == "phrase" && (trig.tense == "past" || trig.tense == "present") &&
                            ClearVerbForm(tb, te, trig);
    const bool violent_noun = !verb && !light_verb && weapon != WeaponUse::kFired &&
                              (vroot == "17" || vroot == "18" || vroot == "19" || vroot == "20");
    // The nearest actor before a verbal noun of violence is mostly the subject of another
    // verb («ندد لبنان باغتيال …»): violent nouns take their actors from their own phrase.
    // (Not for a verb joined by «و» after a comma, «استقبل السيسي حفتر، وبحث معه»: it goes
    // on with the subject of the verb before, below.)
    if (src < 0 && !patient_genitive && !adj_source && !violent_noun && !joined) {
      for (int q = tb - 1; q >= cb; --q) {
        int e = Ent(q);
        if (IsActor(e) && e != tgt && !in_rel(e) && !MarkerBefore(c_.mentions[e].hb, sent.begin)) {
          src = e;
          break;
        }
      }
    }
    // A verb with no subject of its own continues the subject of the sentence's previous
    // verb: «وصل الرئيس التركي إلى الدوحة، حيث عقد مباحثات مع …», «ورحبت القاهرة …، وأكدت أن».
    const bool finite = trig.tense == "past" || trig.tense == "present";
    std::optional<EventActor> own_country = src < 0 ? OwnCountryBefore(s, tb) : std::nullopt;
    // («إن 60 شخصاً قتلوا»: the people counted before the verb suffered it; no one else's
    // subject carries over.)
    bool counted_before = false;
    for (int q = std::max(cb, tb - 3); q < tb && harm && !counted_before; ++q) counted_before = CountedAt(q, q + 1);
    if (src < 0 && tgt < 0 && finite && !Passive(tb) && !counted_after && !counted_before && !own_country) {
      for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
        if (it->trigger.start >= T(tb).start || !it->source) continue;
        int e = EntityIndex(it->source->entity);
        if (e >= 0 && e < static_cast<int>(out_.entities.size()) && !in_rel(e)) src = e;
        break;
      }
    }
    if (src < 0 && c_.token_quote[tb] >= 0) {
      src = EntityIndex(out_.quotes[c_.token_quote[tb]].speaker);
    }
    // An action that is only asked for («دعا إلى تشديد العقوبات», «طالب بوقف القصف») has
    // not happened: the appeal is the event, not its object.
    if (!verb && AppealBefore(s, tb, cb)) return;
    // The purpose of an act told before it in its sentence has not happened either: «سيزور
    // شولتس الهند لبحث التعاون الاقتصادي», «مستعدة للتوسط … من أجل التوصل إلى تسوية».
    // (Its object goes with it: «لبحث التعاون الاقتصادي». An intent's complement is the
    // intent's kind, which IntentComplements reads: «أبدت استعدادها لاستئناف المحادثات».)
    if (!verb && !light_verb && tb == purpose_object_) return;
    if (!verb && !light_verb && !violent_root && vroot != "14" && PurposeBefore(tb)) {
      for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
        if (it->root == "01" || it->trigger.end > T(tb).start) continue;
        if (it->root == "03") break;
        purpose_object_ = te;
        return;
      }
    }
    // «يعد انتهاكاً للاتفاق», «اعتبره عدواناً»: a verbal noun that a judgement predicates
    // of something characterises it; it tells no event of its own.
    if (!verb && tb > sent.begin) {
      static const WordSet kJudge = MatchFormSet({"يعد", "تعد", "يعتبر", "تعتبر", "اعتبر", "اعتبرت", "اعتبره",
                                                  "اعتبرها", "اعتبروا", "يعتبره", "تعتبره", "يعده", "بمثابة",
                                                  "يشكل", "تشكل", "شكل", "شكلت", "يمثل", "تمثل"});
      if (kJudge.count(T(tb - 1).Key()) || kJudge.count(T(tb - 1).form)) return;
    }
    // A question asks; it reports nothing («هل كان حزب الله يتوقع … اغتيال …؟»). What a
    // condition supposes has not happened either: «إذا فرضت واشنطن رسوماً …», «في حال تعرضت
    // إيران لأي هجوم».
    if (Question(s) || ConditionBefore(s, tb) >= 0) return;
    // A noun of violence names an event the text reports only with a sign that it took
    // place here and now: a count of victims, a verb of occurrence («وقع», «شنّ»,
    // «استهدف», «أسفر»), a date or a place in its clause. Otherwise it refers to one
    // known already («منذ اغتيال الحريري», «تأملات … حول اغتيال كينيدي»).
    // (Protests too: «منع مظاهرات سلمية» tells of none.)
    const auto handed = pending_patient_.find(tb);
    const bool told_by_victims = handed != pending_patient_.end();
    if (told_by_victims && tgt < 0 && handed->second >= 0 && handed->second != src) tgt = handed->second;
    if (!told_by_victims) {
      if ((violent_noun || (!verb && !light_verb && vroot == "14")) && !NounTold(s, tb, te, cb)) return;
      if ((violent_noun || (verb && (vroot == "18" || vroot == "19" || vroot == "20"))) && ReferenceBefore(tb, cb))
        return;
      if (((violent_noun && vroot != "17") || (!verb && !light_verb && vroot == "14")) &&
          AboutEarlierAct(s, tb, vroot == "14"))
        return;
    }
    // The imperfect of violence tells of an event only in a headline or with a
    // time of its own («يشن غارة … في 5 أكتوبر 2003»); in the body it is habitual, generic
    // or intended («قوات تقتل المدنيين», «ضربات يمكن أن تستهدف مطارات»). After «لـ», «كي»,
    // «لكي» it is a purpose, which tells of nothing done.
    const bool force_root = vroot == "18" || vroot == "19" || vroot == "20" || vroot == "14";
    // («لم تستهدف»: the jussive after «لم» is a past, denied.)
    const bool jussive_past = tb > sent.begin && w_.jussive_particle.count(T(tb - 1).Key());
    if (force_root && (verb || light_verb) && trig.tense == "present" && !jussive_past) {
      static const WordSet kPurpose = MatchFormSet({"كي", "لكي", "حتى", "لئلا"});
      const bool purpose = T(tb).proclitics.find(U'\u0644') != std::u32string::npos ||
                           (tb > sent.begin && kPurpose.count(T(tb - 1).Key()));
      if (purpose) return;
      // «جائزة لمن يقتل …», «كل من يهاجم»: whoever would do it, no one who did.
      static const std::u32string kMan = MatchFormOf("من");
      if (tb > sent.begin && T(tb - 1).Key() == kMan && T(tb - 1).kind == TokKind::kArabic) return;
      // (A protest goes on as it is told: «ويعتصم آلاف المتظاهرين».)
      // («قد تشنّ إسرائيل هجوماً»: a possible or future attack is told as such.)
      if (vroot != "14" && sent.section != Section::kTitle && !TimeInClause(s, tb, te, false)) {
        const std::string mod = Modality(s, tb, te, trig);
        if (mod != "possible" && mod != "future") return;
      }
    }
    // A violent verb opening a relative clause describes its antecedent («الماليزي أزهري،
    // الذي قتلته الشرطة», «الذين خطفوا سياحاً»): background, unless the clause dates it
    // recently or counts its victims.
    if (force_root && verb && tb > sent.begin && Relative(tb - 1) &&
        ((!TimeInClause(s, tb, te, true) && !VictimsIn(s)) || AboutEarlierAct(s, tb, vroot == "14")))
      return;
    // «احتل السهم المرتبة الثانية»: occupying takes a territory, not a rank.
    if (trig.cameo == "192") {
      if (!TerritoryAfter(te, sent.end)) return;
      // «واحتل القطاع المرتبة الثالثة»: a sector, not the Gaza Strip, takes a rank.
      static const WordSet kRank = MatchFormSet({"المرتبة", "مرتبة", "المركز", "مركزا", "الصدارة", "المراتب",
                                                 "المراكز", "الترتيب"});
      for (int k = te; k < std::min(sent.end, te + 4); ++k)
        if (kRank.count(T(k).Key())) return;
    }
    // «رحّلت السويد عشرات المهاجرين»: unvoweled, «رحل» mostly left or passed away; it
    // deports when voweled with its shadda or with people as its object.
    // («هجّر»: unvoweled, «هجر» is mostly abandoned: «ستهجر لندن وباريس».)
    if (trig.lemma == "رحل" || trig.lemma == "هجر") {
      bool shadda = false;
      for (int q = T(tb).start; q < T(tb).end && !shadda; ++q) shadda = c_.norm.original[q] == U'\u0651';
      static const WordSet kPeople = MatchFormSet(
          {"المهاجرين", "مهاجرين", "مهاجرا", "اللاجئين", "لاجئين", "لاجئا", "المقيمين", "العمال", "عمالا",
           "الأجانب", "أجانب", "المتسللين", "متسللين", "المواطنين", "مواطنين", "الرعايا", "رعايا", "السكان",
           "سكان", "الأهالي", "أهالي", "العائلات", "عائلات", "الأسر"});
      bool people = false;
      for (int q = te; q < std::min(sent.end, te + 5) && !people; ++q)
        people = kPeople.count(T(q).Key()) > 0 || PeopleCountIn(q);
      if (!shadda && !people) return;
    }
    // «اغتصاب السلطة», «اغتصاب حق …», «ما اغتصبته الجماعة من أرض»: what is usurped is
    // a right, power or land; rape is of people.
    if (trig.cameo == "1821") {
      static const WordSet kUsurped = MatchFormSet(
          {"حق", "حقوق", "الحق", "الحقوق", "السلطة", "سلطة", "السلطات", "الأرض", "أرض", "أراضي", "الأراضي",
           "منطقة", "المنطقة", "الحكم", "الرئاسة", "ملك", "أملاك", "مقعد", "المقعد", "إرادة", "الإرادة",
           "الشرعية", "الوطن", "وطن", "مقدرات", "ثروات", "الثروات", "مال", "أموال", "الأموال", "ممتلكات"});
      static const std::u32string kMa = MatchFormOf("ما");
      if (tb > sent.begin && T(tb - 1).Key() == kMa) return;
      if (te < sent.end) {
        const int e = Ent(te);
        if (kUsurped.count(T(te).Key()) ||
            (e >= 0 && (out_.entities[e].type == "GPE" || out_.entities[e].type == "LOC")))
          return;
      }
    }
    // «فجّر» takes what it blows up: «فجرت في مكتب …» is «فـ» + «جرت» (took place), and
    // a state that «فجرت قنبلتها الذرية» tested it.
    if (trig.lemma == "فجر" && verb && te < sent.end) {
      if (T(te).Key() == w_.fi) return;
      static const WordSet kNuclear = MatchFormSet({"الذرية", "النووية", "ذرية", "نووية", "النووي", "نوويا"});
      for (int q = te; q < std::min(sent.end, te + 4); ++q)
        if (kNuclear.count(T(q).Key())) return;
    }
    // «مسيرته المهنية», «لتتم مسيرتها»: a march with its owner's pronoun is a career or a
    // course.
    if (trig.lemma == "مسيرة" && te - tb == 1 && T(tb).enclitic) return;
    // «تأتي هجماتهم تضامناً مع الفلسطينيين», «رداً على …», «دعماً لـ…»: an indefinite
    // verbal noun in the accusative after its clause gives the reason for what the clause
    // tells; it is no event of its own.
    // (Also where the form reads as a dual past, «تضامنا», «ردا»: far rarer.)
    if (te - tb == 1 && tb > sent.begin) {
      static const WordSet kReason = MatchFormSet({"تضامنا", "دعما", "ردا", "تأييدا", "تنديدا", "استنكارا",
                                                   "تعبيرا", "ترحيبا", "انتقاما"});
      if (kReason.count(T(tb).Key()) && T(tb).proclitics.empty() &&
          T(tb - 1).kind != TokKind::kPunct)
        return;
    }
    // «قبل تحقيق جميع أهدافها», «تحقيق الاستقرار»: achieving, not an inquiry.
    if (trig.cameo == "090" && trig.lemma == "تحقيق" && te < sent.end) {
      static const WordSet kGoal = MatchFormSet(
          {"أهداف", "أهدافها", "أهدافه", "أهدافهم", "الأهداف", "هدف", "هدفها", "هدفه", "جميع", "كل", "مكاسب",
           "انتصار", "النصر", "السلام", "الاستقرار", "التنمية", "العدالة", "المصالحة", "تقدم", "نتائج", "الأمن",
           "التوازن", "مطالب", "المطالب", "الوحدة", "التكامل", "الرخاء", "الازدهار", "النمو", "الاكتفاء"});
      if (kGoal.count(T(te).Key())) return;
    }
    // «عقوبات … تستهدف 74 سفينة»: measures, not arms, take aim.
    if (trig.lemma == "استهدف") {
      static const WordSet kMeasures = MatchFormSet({"عقوبات", "العقوبات", "الحزمة", "حزمة", "الإجراءات",
                                                     "إجراءات", "القرار", "القانون", "الخطة", "المبادرة", "التدابير"});
      for (int q = std::max(cb, tb - 6); q < tb; ++q)
        if (kMeasures.count(T(q).Key())) return;
    }
    // «انفجرت فضيحة جديدة», «تفجر الخلاف»: what bursts is no bomb.
    if ((trig.lemma == "انفجر" || trig.lemma == "تفجر") && AbstractAround(s, tb, te)) return;
    // A war is told as an event when the text says what it did or when it broke out
    // («خلّفت حرب خريف 2020 … 6500 قتيل», «اندلعت الحرب»), not by its name in passing
    // («خلال الحرب الأخيرة في لبنان», «بعد الحرب»).
    if (trig.lemma == "حرب" && !Occurred(s, tb, te, cb, /*words_only=*/true)) return;
    // Two coordinated subjects of a symmetric event are its two sides: «بوتين ونظيره
    // الصيني سيناقشان», «الرئيسين الروسي فلاديمير بوتين، والصيني شي جين بينغ، قد يجريان
    // محادثات».
    if (trig.symmetric && src >= 0 && tgt < 0) {
      int f = CoordinatedBefore(src, cb);
      if (f >= 0) tgt = src, src = f;
    }
    // Target: an actor introduced by a marker of the frame, else the object.
    int from = src >= 0 && c_.mentions[src].hb >= te ? c_.mentions[src].te : te;
    if (tgt >= 0) from = sent.end;  // already found (the genitive of a violent noun)
    for (int q = from; q < std::min(sent.end, from + 14) && tgt < 0; ++q) {
      if (T(q).kind == TokKind::kPunct && (T(q).form == U"." || T(q).form == U":")) break;
      // A statement is said to someone before what is said: «قال كيشيدا إن بلاده لن تعترف
      // … لجزر الكوريل» is not said to the Kurils.
      if (vroot == "01" && (w_.clause_break.count(T(q).Key()) || c_.token_quote[q] >= 0)) break;
      int e = Ent(q);
      // A count of people is the object («ثلاثة مهندسين صينيين»); a place after it is where.
      if (e < 0 && verb && (trig.targets & kTgtObj) && !MarkerBefore(q, sent.begin) && CountedAt(q, q + 1)) {
        bool next_to_verb = true;  // only the subject's words between
        for (int r = from; r < q && next_to_verb; ++r) next_to_verb = Ent(r) >= 0;
        if (next_to_verb) break;
      }
      // «تدين توغلاً إسرائيلياً …»: an object noun whose nationality adjective names the
      // target (read below); an actor further on is not the object.
      if (e < 0 && q == from && verb && (trig.targets & kTgtObj) && !MarkerBefore(q, sent.begin) &&
          T(q).kind == TokKind::kArabic && NationalityAfter(q + 1, std::min(sent.end, q + 2), trig))
        break;
      if (!IsActor(e) || e == src || c_.mentions[e].hb != q) continue;
      if (src >= 0 && InChain(CoordinatedChain(src, -1), e)) {  // «انتقدت ألمانيا والنمسا …»: more subjects
        q = c_.mentions[e].te - 1;
        continue;
      }
      // «مسلحون مجهولون»: a word of the same actor right after the subject describes it;
      // so does its short name in parentheses: «المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس)».
      const bool bracketed = q > 0 && T(q - 1).form == U"(" && src >= 0 && q - 1 == c_.mentions[src].te;
      if (src >= 0 && (q == c_.mentions[src].te || bracketed) && out_.entities[e].actor && out_.entities[src].actor &&
          out_.entities[e].actor->code == out_.entities[src].actor->code) {
        q = c_.mentions[e].te - 1;
        continue;
      }
      uint32_t mk = MarkerBefore(q, sent.begin);
      // «اتهمت … وحدات من الجيش الأرميني», «عناصر من الحرس الثوري»: the force or body
      // whose part is the object.
      if (mk == kTgtMin && (trig.targets & kTgtObj) && q - 2 >= from && T(q - 1).proclitics.empty() &&
          (KForceWords().count(T(q - 2).Key()) || MemberOf(q - 2, q))) {
        tgt = e;
        break;
      }
      // «تقتل قيادياً في حزب الله»: the body whose member is the object.
      if (mk == kTgtFi && verb && (trig.targets & kTgtObj) && MemberOf(from, q)) {
        tgt = e;
        break;
      }
      // A verbal noun whose agent is its pronoun governs an object as its verb does:
      // «مطالبتها إيران بالإفراج».
      const bool object_of_noun = !verb && !violent_root && T(te - 1).enclitic && q == te;
      if ((mk & trig.targets) || (!mk && ((trig.targets & kTgtObj) || object_of_noun))) tgt = e;
      else if (mk) continue;
    }
    // A target named through a noun the frame's marker introduces: its genitive («دعمها
    // لترشيح البرازيل») or its nationality adjective («أشاد بالجهود القطرية»).
    std::optional<EventActor> adj_target;
    if (tgt < 0) {
      bool first_word = true;
      for (int q = from; q + 1 < std::min(sent.end, from + 10); ++q) {
        // («حق النقض (الفيتو) ضد مشروع قرار أمريكي»: a parenthesis is read through.)
        if (T(q).form == U"(" || T(q).form == U")") continue;
        // («أدانت الخارجية السورية، اليوم الخميس، توغل …»: so is a time between commas.)
        const bool comma = T(q).form == U"\u060C" || T(q).form == U",";
        if (comma && ((q + 1 < sent.end && c_.token_time[q + 1] >= 0) || (q > from && c_.token_time[q - 1] >= 0)))
          continue;
        if (T(q).kind == TokKind::kPunct || w_.clause_break.count(T(q).Key())) break;
        if (Ent(q) >= 0 || c_.token_time[q] >= 0) continue;
        // («رفضت أذربيجان في 5 كانون الأول وساطة فرنسية»: a date between is no object.)
        if (T(q).Key() == w_.fi && q + 1 < sent.end && c_.token_time[q + 1] >= 0) continue;
        uint32_t mk = MarkerBefore(q, sent.begin);
        // The direct object of a frame that takes one, when it is a noun whose genitive or
        // adjective names the target: «أدانت الجامعة العربية الاقتحامات الإسرائيلية»,
        // «انتقدت ألمانيا تصريحات وزير الداخلية الإيطالي».
        // (A count of people after the subject is the object too: «خطف مسلحون مجهولون
        // ثلاثة مهندسين صينيين».)
        const bool counted = !mk && (trig.targets & kTgtObj) && verb && CountedAt(q, q + 1);
        const bool object =
            (first_word && !mk && (trig.targets & kTgtObj) && T(q).kind == TokKind::kArabic) || counted;
        first_word = false;
        if (!object && (!(mk & trig.targets) || (mk & kTgtObj))) continue;
        int e = Ent(q + 1);
        // «جاهزة للتنسيق مع تركيا»: the noun's own preposition introduces the target.
        int e2 = -1;
        // «عقوبات على مسؤولين في فنزويلا»: people of a place are of its state.
        static const WordSet kPeopleOf = MatchFormSet(
            {"مسؤولين", "مسؤولي", "مسؤولون", "مواطنين", "أفراد", "كيانات", "شركات", "قادة", "أعضاء", "ضباط",
             "قائدين", "قائد", "قياديين", "قيادي", "عناصر", "مقاتلين"});
        const bool people_of = kPeopleOf.count(T(q).Key()) > 0;
        // (An adjective may follow them: «قائدين ميدانيين في قوات الدعم السريع».)
        const int at = people_of && q + 3 < sent.end && T(q + 1).proclitics.empty() && Ent(q + 1) < 0 &&
                               T(q + 2).Key() == w_.fi ? q + 1 : q;
        if (e < 0 && at + 2 < sent.end && T(at + 1).proclitics.empty()) {
          for (const auto& [w, b] : w_.markers)
            if (T(at + 1).Key() == w && ((b != kTgtFi && b != kTgtMin) || (b == kTgtFi && people_of)))
              e2 = Ent(at + 2);
          if (e2 >= 0 && (!IsActor(e2) || e2 == src || c_.mentions[e2].hb != at + 2)) e2 = -1;
        }
        if (IsActor(e) && e != src && c_.mentions[e].hb == q + 1) {
          tgt = e;
        } else if (e2 >= 0) {
          tgt = e2;
        } else if (auto a = NationalityAfter(q + 1, sent.end, trig)) {
          a->actor = StateOf(a->actor.country, counted ? "CVL" : "GOV");
          adj_target = a;
        } else if (q + 2 < sent.end && KForceWords().count(T(q + 1).Key())) {
          // «أدانت … توغل قوة إسرائيلية», «اعتداءات المستوطنين الإسرائيليين»: the force or
          // people the object's genitive names, by its nationality.
          if (auto f = NationalityAfter(q + 2, sent.end, trig)) {
            f->actor = StateOf(f->actor.country, "GOV");
            adj_target = f;
          }
        }
        // «وحماس من جهتها أدانت الغارات»: a condemned act told before, by the definite noun
        // of its kind, names its actor as the target.
        if (tgt < 0 && !adj_target && object && (vroot == "11" || vroot == "12") && StartsWithAl(T(q).Key())) {
          LexMatch m = MatchAt(lex_, c_.tokens, q, std::min(sent.end, q + 3),
                               [](const LexEntry& x) { return x.kind == LexKind::kTrigger; }, true);
          // («وأدان الرئيس الكوري الجنوبي الإطلاق»: any act told before, by its kind.)
          std::string r = m.entry ? lex_.triggers[m.entry->index].cameo.substr(0, 2) : "";
          // («الإطلاق», «التجربة»: nouns of a launch or test told by other words.)
          static const WordSet kLaunchNoun = MatchFormSet({"الإطلاق", "الإطلاقات", "التجربة", "التجارب"});
          const bool launch = r.empty() && kLaunchNoun.count(T(q).Key());
          if (launch || (!r.empty() && r != "01" && r != "11" && r != "12")) {
            const std::string own = src >= 0 ? CountryOf(ActorOf(src)) : "";
            for (auto it = out_.events.rbegin(); it != out_.events.rend(); ++it) {
              const bool kind = launch ? (it->root == "15" || it->root == "19") : it->root == r;
              if (!kind || !it->source || it->source->actor.country.empty()) continue;
              if (it->source->actor.country != own) adj_target = it->source;
              break;
            }
          }
        }
        // The object that names the target is the verb's theme, not an event of its own:
        // «رفضت أذربيجان وساطة فرنسية» rejects; France mediates nothing here.
        if (object && verb && (tgt >= 0 || adj_target)) consumed_.insert(q);
        break;
      }
    }
    // A protest before an embassy is against its state: «تظاهر مئات الأتراك أمام السفارة
    // الدنماركية».
    if (tgt < 0 && !adj_target && vroot == "14") {
      static const WordSet kMission = MatchFormSet({"السفارة", "سفارة", "القنصلية", "قنصلية", "مقر"});
      for (int q = te; q + 1 < std::min(sent.end, te + 10); ++q) {
        if (T(q).kind == TokKind::kPunct || w_.clause_break.count(T(q).Key())) break;
        if (!kMission.count(T(q).Key())) continue;
        if (int e = Ent(q + 1); IsActor(e) && e != src && c_.mentions[e].hb == q + 1) tgt = e;
        else if ((adj_target = NationalityAfter(q + 1, sent.end, trig)))
          adj_target->actor = StateOf(adj_target->actor.country, "GOV");
        break;
      }
    }
    // What is imposed on someone names them: «لن يرفع العقوبات المفروضة على روسيا», «خففت
    // القيود المفروضة على تأشيرات الطلاب الهنود» — the actor after «المفروضة على», or
    // the nationality of the noun there.
    if (tgt < 0 && !adj_target) {
      static const WordSet kImposed = MatchFormSet({"المفروضة", "المفروض", "المفروضين", "المفروضتين"});
      static const std::u32string kAla = MatchFormOf("على");
      for (int q = from; q + 2 < std::min(sent.end, from + 8); ++q) {
        if (T(q).kind == TokKind::kPunct || w_.clause_break.count(T(q).Key())) break;
        if (!kImposed.count(T(q).Key()) || T(q + 1).Key() != kAla) continue;
        int e = -1;  // the actor there, or within the noun phrase («تأشيرات الطلاب الهنود»)
        for (int n = q + 2; n < std::min(sent.end, q + 5) && e < 0; ++n) {
          if (n > q + 2 && T(n).kind == TokKind::kPunct) break;
          if (IsActor(Ent(n)) && Ent(n) != src && c_.mentions[Ent(n)].hb == n) e = Ent(n);
        }
        if (e >= 0) {
          tgt = e;
        } else if ((adj_target = NationalityAfter(q + 3, sent.end, trig))) {  // «على السلع الصينية»
          adj_target->actor = StateOf(adj_target->actor.country, "GOV");
        }
        break;
      }
    }
    // Diplomats expelled or recalled are of a mission whose state is the target: «طرد ثلاثة
    // دبلوماسيين من سفارة بنين», «طرد دبلوماسي يعمل في المفوضية العليا الباكستانية»,
    // «استدعت الجزائر سفيرها لدى باريس».
    if (tgt < 0 && !adj_target && (vroot == "16" || vroot == "17")) {
      static const WordSet kMission = MatchFormSet({"سفارة", "السفارة", "سفارتها", "سفارته", "المفوضية",
                                                    "مفوضية", "القنصلية", "قنصلية", "البعثة", "بعثة"});
      static const WordSet kMissionAdj = MatchFormSet({"العليا", "العامة", "الدبلوماسية"});
      static const std::u32string kLada = MatchFormOf("لدى");
      for (int q = from; q + 1 < std::min(sent.end, from + 12) && tgt < 0 && !adj_target; ++q) {
        if ((T(q).kind == TokKind::kPunct && T(q).form != U"\u060C") || w_.clause_break.count(T(q).Key())) break;
        const bool lada = T(q).Key() == kLada;
        if (!lada && !kMission.count(T(q).Key())) continue;
        int n = q + 1;
        if (!lada && n < sent.end && kMissionAdj.count(T(n).Key())) ++n;
        if (n >= sent.end) break;
        // (The state of a mission is named as a place, or the mission as its institution:
        // «سفارة بنين» may be one mention.)
        if (int e = Ent(n); e >= 0 && e != src && c_.mentions[e].hb >= q && out_.entities[e].actor &&
                            !out_.entities[e].actor->country.empty())
          tgt = e;
        else if (!lada && (adj_target = NationalityAfter(n, sent.end, trig)))
          adj_target->actor = StateOf(adj_target->actor.country, "GOV");
      }
    }
    // An appeal or demand about a place is addressed to its state: «طالب مجلس الأمن بوقف
    // فوري لإطلاق النار في السودان», «طالبت مصر طرفي النزاع في السودان بالعودة».
    // (Not when the addressees are «طرفي النزاع», «البلدين»: «في جدة» is then where.)
    if (tgt < 0 && !adj_target && src >= 0 && (vroot == "02" || vroot == "10") &&
        !PairAfter(s, CountryOf(ActorOf(src)), tb, from)) {
      for (int q = from; q + 1 < std::min(sent.end, from + 12); ++q) {
        if ((T(q).kind == TokKind::kPunct && T(q).form != U"\u060C") || w_.clause_break.count(T(q).Key())) break;
        if (T(q).Key() != w_.fi || !T(q).proclitics.empty()) continue;
        int e = Ent(q + 1);
        if (IsActor(e) && e != src && c_.mentions[e].hb == q + 1 && out_.entities[e].type == "GPE" &&
            CountryOf(ActorOf(e)) != CountryOf(ActorOf(src)))
          tgt = e;
        break;
      }
    }
    // Withdrawing from, fighting in, occupying a place of another state: that state. So
    // is a visit's («حلّ عطاف بتونس في زيارة عمل»).
    if (tgt < 0 && !adj_target && src >= 0 &&
        (vroot == "18" || vroot == "19" || vroot == "20" || trig.cameo.compare(0, 3, "087") == 0 ||
         trig.cameo == "042")) {
      int p = PlaceInClause(s, tb, cb);
      if (p < 0) p = PlaceAfterFrom(te, sent.end);
      if (p >= 0 && out_.entities[p].actor && out_.entities[src].actor &&
          out_.entities[p].actor->country != out_.entities[src].actor->country)
        tgt = p;
    }
    // An agent phrase after the trigger names who acted, whatever the word order or
    // voice: «قتل جنديان برصاص مسلحين» (killed by gunmen's bullets), «اعتقل على يد
    // الشرطة», «من قبل القوات». The actor first taken as subject then suffered it.
    if (int agent = AgentAfter(sent, te); agent >= 0 && agent != src) {
      if (src >= 0 && src != tgt) tgt = src;
      src = agent;
      if (tgt == src) tgt = -1;
    } else if (src < 0 && !adj_source && violent_root) {
      // «في غارة شنتها طائرة مسيّرة إسرائيلية»: the force that carried it out, by its
      // nationality; its weapon is part of this event, not one of its own.
      static const WordSet kDoneBy = MatchFormSet({"شنه", "شنته", "شنها", "شنتها", "نفذه", "نفذته", "نفذها",
                                                   "نفذتها", "أطلقتها", "أطلقها"});
      for (int k = te; k + 2 < std::min(sent.end, te + 4); ++k) {
        if (!kDoneBy.count(T(k).form)) continue;  // (the form: the key has lost its pronoun)
        Trigger probe;
        probe.pos = "phrase";
        probe.lemma = EncodeUtf8(T(k + 1).Key());
        if (!KForceWords().count(T(k + 1).Key()) && !WeaponName(probe)) break;
        for (int n = k + 2; n < std::min(sent.end, k + 4) && !adj_source; ++n)
          if ((adj_source = NationalityAfter(n, n + 1, trig))) {
            adj_source->actor = StateOf(adj_source->actor.country, "MIL");
            for (int w = k + 1; w < n; ++w) consumed_.insert(w);
          }
        break;
      }
    }
    // «قُتل خمسة جنود في انفجار عبوة ناسفة», «قُتل قيادي بضربة إسرائيلية»: a killing told
    // by its victims and the attack that caused it is one event, the attack, whose
    // target the victims are. The noun codes it, with the victims handed over.
    if (verb && vroot == "19" && src < 0 && (Passive(tb) || counted_after || tgt >= 0)) {
      if (int inst = InstrumentAfter(s, te); inst >= 0) {
        pending_patient_[inst] = tgt;
        return;
      }
    }
    // «اشتباكات بين القوات الأرمينية والأذربيجانية»: the first side found as the sufferer
    // of a violent noun is one side of a symmetric event.
    if (trig.symmetric && src < 0 && tgt >= 0) src = tgt, tgt = -1;
    // «بين X و Y» for symmetric events.
    if (trig.symmetric && tgt < 0 && src >= 0) {
      for (int q = c_.mentions[src].te; q < std::min(sent.end, c_.mentions[src].te + 4); ++q) {
        int e = Ent(q);
        if (IsActor(e) && e != src) { tgt = e; break; }
      }
    }
    // A violent event told without its actors («انفجرت قنبلة في سوق في ولاية يالا») is
    // coded against the state where it took place: its target is that place.
    int place_target = -1;
    std::optional<EventActor> border_tgt;
    if (src < 0 && tgt < 0 && !adj_source && trig.symmetric && (vroot == "18" || vroot == "19" || vroot == "20")) {
      // «اندلعت المواجهات على الحدود الإثيوبية الإريترية»: fighting on a border between
      // two named states is between their forces.
      if (auto sides = BorderSides(s, te)) adj_source = sides->first, border_tgt = sides->second;
    }
    if (src < 0 && tgt < 0 && !adj_source && (vroot == "18" || vroot == "19" || vroot == "20") &&
        (told_by_victims || Occurred(s, tb, te, cb)))
      place_target = PlaceInClause(s, tb, told_by_victims ? sent.begin : cb);
    if (src < 0 && !adj_source && vroot == "14" && Occurred(s, tb, te, cb)) {
      // «اندلعت في نواكشوط مظاهرات مناوئة للانقلاب»: a protest told without its
      // protesters is by the people of the place it happened in.
      int p = tgt < 0 ? PlaceInClause(s, tb, cb) : -1;
      if (p >= 0) {
        adj_source = ActorOf(p);
        adj_source->actor = StateOf(adj_source->actor.country, "CVL");
      } else if (int crowd = CrowdInClause(s, cb); crowd >= 0) {
        // «ونفذ المتظاهرون اعتصاما», «خرج آلاف الطلاب في مسيرات»: the crowd in its clause
        // protests, civilians of no country the text names — or of the country its
        // adjective names: «نظم المزارعون البولنديون احتجاجات».
        adj_source = EventActor{c_.SpanOf(crowd, crowd + 1), "", StateOf("", "CVL")};
        if (auto a = NationalityAfter(crowd + 1, std::min(sent.end, crowd + 2), trig))
          adj_source->actor = StateOf(a->actor.country, "CVL");
      }
    }
    std::optional<EventActor> inherited_src, inherited_tgt;
    if (src < 0 && tgt < 0 && !adj_source && place_target < 0 && !verb && ImpersonalBefore(tb)) {
      // «جرى إبرام هدنة … بوساطة قطرية»: an agentless passive has the mediator as
      // party, else the parties of the event its sentence told just before («أجرى
      // محادثات مع الرئيس بوتين، تمّ خلالها توقيع عدد من الوثائق»).
      adj_source = MediatorAfter(s, te, trig);
      for (auto it = out_.events.rbegin(); !adj_source && it != out_.events.rend() && it->sentence == s; ++it) {
        if (it->root == "01") continue;
        inherited_src = it->source, inherited_tgt = it->target;
        break;
      }
    }
    // «أسفر القصف الروسي … عن مقتل ثلاثة مدنيين»: the deaths an attack caused are its
    // outcome; they name its target when it has none.
    if (violent_noun && (trig.lemma == "مقتل" || trig.lemma == "إصابة") && OutcomeBefore(tb, cb)) {
      for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
        if (it->root != "18" && it->root != "19" && it->root != "20") continue;
        if (!it->target && tgt >= 0) it->target = ActorOf(tgt);
        return;
      }
    }
    // «قال الوزير الإيراني إن على الولايات المتحدة أن تسحب قواتها»: what a state must do,
    // in a speaker's words, is the speaker's demand of it (CAMEO 10): a withdrawal or
    // de-escalation 1056, another concession 105, a meeting 106, anything else 100.
    std::string demand;
    if ((verb || trig.pos == "phrase") && trig.tense == "present") {
      if (int x = ObligedBefore(s, tb); x >= 0) {
        std::optional<EventActor> speaker;
        for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it)
          if (it->root == "01" && it->source && it->trigger.start < T(tb).start) {
            speaker = it->source;
            break;
          }
        if (!speaker && c_.token_quote[tb] >= 0)
          if (int e = EntityIndex(out_.quotes[c_.token_quote[tb]].speaker); e >= 0) speaker = ActorOf(e);
        if (speaker && speaker->actor.country != (out_.entities[x].actor ? out_.entities[x].actor->country : "")) {
          demand = trig.cameo.compare(0, 3, "087") == 0 ? "1056"
                   : vroot == "08"                      ? "105"
                   : vroot == "04"                      ? "106"
                                                        : "100";
          src = -1, tgt = x, place_target = -1;
          adj_source = speaker, adj_target.reset(), own_country.reset();
        }
      }
    }
    // People counted before a verb of violence are its victims even unnamed: «إن 60 شخصاً
    // قتلوا» — civilians of no country the text names.
    if (src < 0 && tgt < 0 && !adj_source && !adj_target && place_target < 0 && counted_before) {
      for (int q = std::max(cb, tb - 3); q < tb; ++q)
        if (CountedAt(q, q + 1)) {
          adj_target = EventActor{c_.SpanOf(q, tb), "", StateOf("", "CVL")};
          break;
        }
    }
    // «واعتُقل سبعة أساتذة»: an arrest told in the passive with no agent is the authorities'
    // of the state the report is datelined in.
    if (src < 0 && !adj_source && !inherited_src && trig.cameo.compare(0, 3, "173") == 0 && trig.pos == "verb" &&
        Passive(tb) && c_.dateline_entity >= 0 && out_.entities[c_.dateline_entity].actor)
      adj_source = EventActor{c_.SpanOf(tb, te), "", StateOf(out_.entities[c_.dateline_entity].actor->country, "COP")};
    // «واتفق البلدان», «أن يلتقي الوزيران»: two sides named by a dual are the last two named.
    if (trig.symmetric && src < 0 && tgt < 0 && !adj_source && !adj_target && !own_country && !inherited_src)
      if (auto pair = PairSubject(s, tb, te)) adj_source = pair->first, adj_target = pair->second;
    if (src < 0 && tgt < 0 && !adj_source && !adj_target && !own_country && place_target < 0 && !inherited_src &&
        !inherited_tgt)
      return;  // no event without an actor
    // («متهمة بارتكاب»: accused, not accusing. The others need no named object: «داعيةً
    // جميع الأطراف إلى …».)
    if (participle && trig.lemma == "اتهم" && tgt < 0 && !adj_target && place_target < 0 &&
        !PairAfter(s, src >= 0 ? CountryOf(ActorOf(src)) : adj_source ? adj_source->actor.country : "", tb, from))
      return;
    Event ev;
    ev.sentence = s;
    ev.trigger = c_.SpanOf(tb, te);
    ev.cameo = !demand.empty() ? demand : VerbalAttack(s, te, trig, src, tgt) ? "111" : trig.cameo;
    ev.modality = !demand.empty() ? "asserted" : Modality(s, tb, te, trig);
    if (ev.modality == "negated" && ev.cameo.compare(0, 2, "08") == 0) {
      ev.cameo = "124";  // a refused concession is a refusal to yield: «لا نقبل», «لن نرضخ»
      ev.modality = "asserted";
    }
    if (MassKilling(s, te, trig)) ev.cameo = "202";
    // «دمرت قواتها أربعة زوارق مسيّرة مفخخة», «تدمير منصات إطلاق»: arms and positions
    // destroyed are fighting, not property destroyed to coerce.
    if (ev.cameo == "1712") {
      static const WordSet kMilitary = MatchFormSet(
          {"زوارق", "زورق", "مسيرات", "مسيرة", "طائرات", "طائرة", "صواريخ", "صاروخ", "منصة", "منصات", "دبابات",
           "دبابة", "مواقع", "موقع", "مخازن", "مستودعات", "أنفاق", "نفق", "آليات", "مدرعات", "قواعد", "رادارات",
           "رادار", "بطاريات", "ذخائر", "أسلحة", "سفن", "سفينة", "مقرات", "تحصينات"});
      for (int q = te; q < std::min(sent.end, te + 5); ++q)
        if (kMilitary.count(T(q).Key())) {
          ev.cameo = "190";
          break;
        }
    }
    const int threat_if = Threat(s, tb, src, ev.modality, &ev.cameo);
    if (threat_if != -2) ev.modality = "asserted";  // the threat was made
    const CameoInfo* ci = lex_.Cameo(ev.cameo);
    ev.root = ev.cameo.substr(0, 2);
    if (ci) {
      ev.quad = ci->quad;
      ev.goldstein = ci->goldstein;
      ev.plover = ci->plover;
      ev.plover_mode = ci->plover_mode;
    }
    if (src >= 0) ev.source = ActorOf(src);
    else if (adj_source) ev.source = adj_source;
    else if (own_country) ev.source = own_country;
    else if (inherited_src) ev.source = inherited_src;
    if (tgt >= 0) ev.target = ActorOf(tgt);
    else if (place_target >= 0) ev.target = ActorOf(place_target);
    else if (adj_target) ev.target = adj_target;
    else if (border_tgt) ev.target = border_tgt;
    else if (inherited_tgt) ev.target = inherited_tgt;
    // A threat bound to a condition is made against the one the condition names: «إذا
    // فرضت واشنطن رسوماً … فإن بكين ستردّ بالمثل».
    if (threat_if >= 0 && !ev.target) {
      for (int k = threat_if + 1; k < std::min(sent.end, threat_if + 8); ++k) {
        int e = Ent(k);
        if (IsActor(e) && (!ev.source || ActorOf(e).actor.country != ev.source->actor.country)) {
          ev.target = ActorOf(e);
          break;
        }
      }
    }
    HomeState(&ev.source);
    HomeState(&ev.target);
    // (One actor on both sides is none on the other; two named actors of one code — the
    // army and the Rapid Support Forces, both SDNMIL — are two sides.)
    if (ev.source && ev.target && ev.source->actor.code == ev.target->actor.code) {
      const int a = EntityIndex(ev.source->entity), b = EntityIndex(ev.target->entity);
      const int n = static_cast<int>(out_.entities.size());
      if (a < 0 || b < 0 || a >= n || b >= n || ev.source->actor.country.empty() ||
          out_.entities[a].canonical.empty() || out_.entities[a].canonical == out_.entities[b].canonical ||
          out_.entities[a].type == "GPE" || out_.entities[b].type == "GPE" || out_.entities[b].type == "LOC")
        ev.target.reset();
    }
    Date(s, tb, &ev);
    Location(s, te, &ev);
    DomesticTarget(s, te, &ev);
    if (c_.token_quote[tb] >= 0) {
      // Told inside a quote («سنواصل التنسيق مع الجانب الإثيوبي»): the quote is its evidence.
      ev.quote = out_.quotes[c_.token_quote[tb]].id;
    } else {
      for (int q = te; q < sent.end; ++q)
        if (c_.token_quote[q] >= 0) {
          if (ev.root == "01") ev.quote = out_.quotes[c_.token_quote[q]].id;
          break;
        }
    }
    ev.confidence = 0.4 + (ev.source ? 0.2 : 0) + (ev.target ? 0.2 : 0) +
                    (ev.date && ev.date->from == "text" ? 0.1 : 0);
    // «انتقدت ألمانيا والنمسا …», «حثّت الصين الهند وباكستان»: a side coordinated with «و»
    // acts or is acted on too (PLOVER lists compound actors; we code one event per pair).
    // («حذّرت فرنسا وألمانيا وبريطانيا»: every state of the chain.)
    const std::vector<int> src_more = src >= 0 ? CoordinatedChain(src, tgt) : std::vector<int>{};
    const std::vector<int> tgt_more = tgt >= 0 && !trig.symmetric ? CoordinatedChain(tgt, src) : std::vector<int>{};
    const bool second_adj = src_more.empty() && adj_source2 && src < 0 && ev.source && adj_source &&
                            ev.source->actor.code == adj_source->actor.code;
    // «دعت الصين البلدين إلى ضبط النفس»: «البلدين», «الجانبين», «طرفي النزاع» are the two
    // states the text named last.
    std::optional<EventActor> pair_second;
    if (!ev.target && tgt < 0 && !trig.symmetric) {
      if (auto pair = PairAfter(s, ev.source ? ev.source->actor.country : "", tb, from))
        ev.target = pair->first, pair_second = pair->second;
    }
    // «عقوبات على ثلاث شركات إماراتية وتركية»: a second nationality joined by «و».
    std::optional<EventActor> adj_target2;
    if (tgt < 0 && adj_target && ev.target && ev.target->span.start == adj_target->span.start) {
      for (int k = sent.begin; k + 1 < sent.end; ++k) {
        if (T(k).start != adj_target->span.start) continue;
        if (T(k + 1).proclitics == U"\u0648") {
          LexMatch m = MatchAt(lex_, c_.tokens, k + 1, k + 2,
                               [](const LexEntry& e) { return e.kind == LexKind::kNationality; });
          if (m.entry && lex_.countries[m.entry->index].iso3 != adj_target->actor.country)
            adj_target2 = EventActor{c_.SpanOf(k + 1, k + 2), "",
                                     StateOf(lex_.countries[m.entry->index].iso3, adj_target->actor.sector)};
        }
        break;
      }
    }
    std::vector<Event> copies;
    if (adj_target2) (copies.emplace_back(ev)).target = adj_target2;
    for (int x : src_more) (copies.emplace_back(ev)).source = ActorOf(x);
    if (second_adj) (copies.emplace_back(ev)).source = adj_source2;
    for (int x : tgt_more) (copies.emplace_back(ev)).target = ActorOf(x);
    if (pair_second) (copies.emplace_back(ev)).target = pair_second;
    Push(std::move(ev), trig.symmetric);
    for (Event& c : copies) Push(std::move(c), trig.symmetric);
  }

  // An act of force that its actor says it will do, or will do if something happens, is a
  // threat (CAMEO 13), made now: «قال الحرس الثوري إنه سيضرب القواعد الأمريكية إذا …»,
  // «وقال: "سنرد بقوة"». A future told by the text alone («ستشن إسرائيل هجوماً») stays a
  // future act. Rewrites *cameo and returns the condition particle's token, -1 for a
  // threat without condition, -2 for no threat.
  int Threat(int s, int tb, int src, const std::string& modality, std::string* cameo) const {
    if (modality != "future" && modality != "possible") return -2;
    const std::string r = cameo->substr(0, 2);
    static const std::pair<const char*, const char*> kThreat[] = {
        {"191", "1381"}, {"192", "1382"}, {"204", "1385"}, {"20", "1383"}, {"18", "1383"}, {"19", "138"},
        {"15", "138"},   {"17", "137"},   {"163", "1312"}, {"161", "1313"}, {"164", "1313"}, {"16", "131"},
        {"14", "133"}};
    const char* to = nullptr;
    for (const auto& [prefix, code] : kThreat)
      if (cameo->compare(0, std::strlen(prefix), prefix) == 0) {
        to = code;
        break;
      }
    if (!to && r != "13") return -2;
    const int cond = ConditionIn(s);
    bool spoken = cond >= 0 || c_.token_quote[tb] >= 0 || PronounSubjectBefore(tb, c_.sentences[s].begin);
    // «أعلن الجيش أنه سيشن …»: the subject of the sentence's statement acts.
    for (auto it = out_.events.rbegin(); !spoken && it != out_.events.rend() && it->sentence == s; ++it)
      spoken = it->root == "01" && it->trigger.start < T(tb).start && src >= 0 && it->source &&
               it->source->entity == out_.entities[src].id;
    if (!spoken) return -2;
    // («سيحاكم المتهمون»: a trial or arrest announced is the state's course, a threat only
    // on a condition.)
    if (r == "17" && cond < 0) return -2;
    if (to) *cameo = to;
    return cond >= 0 ? cond : -1;
  }

  void Push(Event ev, bool symmetric) {
    // (Told twice in one sentence with two dates of its own, it is two events: «وصل … في 3
    // أيار، وغادر … في 6 أيار».)
    auto key = std::make_tuple(ev.sentence, ev.cameo, ev.source ? ev.source->actor.code : "",
                               ev.target ? ev.target->actor.code : "",
                               ev.date && ev.date->from == "text" ? ev.date->value : "");
    if (!seen_.insert(key).second) return;
    ev.id = "ev" + std::to_string(out_.events.size() + 1);
    roots_.insert(ev.root);
    ev.symmetric = symmetric;
    out_.events.push_back(std::move(ev));
  }

 private:
  bool SeenRoot(const std::string& root) const { return roots_.count(root) > 0; }

  void Location(int s, int te, Event* ev) const {
    const Sentence& sent = c_.sentences[s];
    for (int k = te; k + 1 < sent.end; ++k) {
      if (T(k).Key() != w_.fi) continue;
      int e = Ent(k + 1);
      if (e < 0) continue;
      const Entity& en = out_.entities[e];
      if (en.type != "GPE" && en.type != "LOC" && en.type != "FAC") continue;
      EventLocation loc;
      loc.text = en.span.text;
      if (en.actor) loc.country = en.actor->country;
      if (en.geo) {
        loc.geonameid = en.geo->geonameid;
        loc.lat = en.geo->lat;
        loc.lon = en.geo->lon;
        loc.country = en.geo->country;
      }
      ev->location = loc;
      return;
    }
  }

  std::set<std::tuple<int, std::string, std::string, std::string, std::string>> seen_;
  std::unordered_set<int> consumed_;  // tokens of a trigger a gapped phrase has taken as its object
  int purpose_object_ = -1;           // the token after a purpose noun: its object, no event
  std::unordered_map<int, int> pending_patient_;  // instrument noun token → the victims a verb handed it
  std::unordered_set<std::string> roots_;
};

}  // namespace

void CodeEvents(DocContext* ctx, Analysis* out) {
  Coder coder(ctx, out);
  coder.Run();
  AttachCounts(*ctx, out);
  CountedVictims(out);
  Recognition(*ctx->lex, out);
  IntentComplements(*ctx->lex, out);
  DropBareStatements(out);
  WelcomedActs(*ctx, out);
  DropHalfDyads(out);
  DedupEvents(out);
  StatedRelations(*ctx, out);
}

}  // namespace hadath
