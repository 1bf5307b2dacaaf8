// What the sentence around a trigger says: the clause-reading predicates of the event
// coder (where a clause starts, whether a noun of violence is told as happening, who an
// actor is, what modality a trigger has), apart from the coding of events itself.
#ifndef HADATH_SRC_EVENTS_SENTENCE_READER_H_
#define HADATH_SRC_EVENTS_SENTENCE_READER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "include/hadath/document.h"
#include "src/engine/context.h"
#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"

namespace hadath {

// The last letters and lengths of a set of words: most words are none of them, and this
// says so before any hashing.
class WordShapes {
 public:
  void Add(const std::u32string& w) {
    if (!w.empty() && w.size() < 16) seen_[w.back() & 0xFF][w.size()] = true;
  }
  bool Maybe(const std::u32string& w) const {
    return !w.empty() && w.size() < 16 && seen_[w.back() & 0xFF][w.size()];
  }

 private:
  std::array<std::array<bool, 16>, 256> seen_{};
};

struct Words {
  WordSet negation, clause_break, reported, possible, future_words, jussive_particle, verb_particle;
  std::u32string qad, fi, sawfa, bayna, anna, inna, ala;
  std::vector<std::pair<std::u32string, uint32_t>> markers;
  std::unordered_map<std::u32string, std::string> relations;  // «حليف» → ally

  static const Words& Get() {
    static const Words* w = [] {
      auto* x = new Words;
      x->negation = MatchFormSet({"لا", "لم", "لن", "ليس", "ليست", "عدم", "غير", "دون"});
      x->jussive_particle = MatchFormSet({"لم", "لما"});
      x->verb_particle = MatchFormSet({"قد", "لن", "لم", "لا", "سوف"});  // between a subject and its verb
      x->clause_break = MatchFormSet({"أن", "إن", "أنه", "إنه", "أنها", "إنها", "الذي", "التي", "حيث", "بينما"});
      x->reported = MatchFormSet({"الأنباء", "تقارير", "مصادر", "وسائل", "أفادت", "نقلت", "ذكرت"});
      x->possible = MatchFormSet({"المحتمل", "يتوقع", "ربما", "يرجح", "يحتمل"});
      x->future_words = MatchFormSet({"المقرر", "سوف", "يعتزم", "تعتزم", "ينوي", "تنوي", "يعتزمون", "يخطط",
                                       "تخطط", "يخططون"});
      x->qad = MatchFormOf("قد");
      x->fi = MatchFormOf("في");
      x->sawfa = MatchFormOf("سوف");
      x->bayna = MatchFormOf("بين");
      x->anna = MatchFormOf("أن");
      x->inna = MatchFormOf("إن");
      x->ala = MatchFormOf("على");
      const std::pair<const char*, uint32_t> kMarkers[] = {
          {"مع", kTgtMaa}, {"إلى", kTgtIla}, {"على", kTgtAla}, {"ضد", kTgtDidd},
          {"عن", kTgtAn},  {"في", kTgtFi},   {"من", kTgtMin},  {"بين", kTgtBayna},
          {"أمام", kTgtAmam}, {"لدى", kTgtLada}};
      for (const auto& [s, b] : kMarkers) x->markers.emplace_back(MatchFormOf(s), b);
      const std::pair<const char*, const char*> kRel[] = {
          {"حليف", "ally"}, {"حليفنا", "ally"}, {"حليفان", "ally"}, {"حلفاء", "ally"},
          {"شريك", "partner"}, {"شريكنا", "partner"}, {"شركاء", "partner"}, {"الشراكة", "partner"},
          {"شراكة", "partner"}, {"عدو", "adversary"}, {"خصم", "adversary"}, {"أعداء", "adversary"},
          {"خصوم", "adversary"}, {"العداء", "adversary"}, {"الحليف", "ally"}, {"حليفين", "ally"},
          {"شريكان", "partner"}, {"شريكين", "partner"}, {"الشريك", "partner"},
          {"توتر", "tension"}, {"توترا", "tension"}, {"التوتر", "tension"}, {"المتوترة", "tension"}};
      for (const auto& [s, r] : kRel) x->relations.emplace(MatchFormOf(s), r);
      return x;
    }();
    return *w;
  }
};

class SentenceReader {
 public:
  // An actor's country, or its code when it has none; "" for no actor.
  static std::string CountryOf(const std::optional<EventActor>& a) {
    if (!a) return "";
    return a->actor.country.empty() ? a->actor.code : a->actor.country;
  }

 protected:
  SentenceReader(DocContext* c, Analysis* out) : c_(*c), out_(*out), lex_(*c->lex), w_(Words::Get()) {}

  const Token& T(int i) const { return c_.tokens[i]; }
  // The actor code of a state's `sector` (GOV, MIL, CVL): «USAGOV».
  static ActorCode StateOf(const std::string& country, const std::string& sector);
  int Ent(int k) const { return c_.token_entity[k]; }
  bool IsActor(int e) const { return e >= 0 && c_.mentions[e].actor; }
  // A passive verb as the text voweled it: a damma on the first letter («قُتل», «اعتُقل»
  // has it on the second or third).
  bool Passive(int tb) const;
  bool Relative(int k) const;
  // A word after a verbal noun that describes it: no clitic, no preposition, not a time,
  // and as definite as the noun («زيارة مرتقبة», «الزيارة المرتقبة»).
  bool AdjectiveOf(int noun, int k) const;
  // A word that only times another event right before a verbal noun: «بعد انتهاء
  // زيارة», «خلال الزيارة», «في ختام المحادثات».
  bool TemporalBefore(int tb, int cb) const;
  // «تم», «يتم», «سيتم», «جرى» (with «خلالها» between) right before a verbal noun.
  bool ImpersonalBefore(int tb) const;
  // «بوساطة روسية», «بوساطة مصر»: the mediator named after a verbal noun in its clause; or
  // the body in whose ranks it happened («في صفوف الجيش الإسرائيلي»).
  std::optional<EventActor> MediatorAfter(int s, int te, const Trigger& trig) const;
  // The two states of «الحدود الأرمينية الأذربيجانية» or «الحدود بين X و Y» in the
  // sentence after a verbal noun, as their forces.
  std::optional<std::pair<EventActor, EventActor>> BorderSides(int s, int te) const;
  // The actor coordinated right before mention e, of another state: «أردوغان ونظيره
  // المصري», «أردوغان، والمصري عبد الفتاح السيسي». -1 if none.
  int CoordinatedBefore(int e, int lo) const;
  // A noun of forces right before a trigger makes it a force's name: «وحدة حفظ السلام».
  bool ForceName(int tb) const;
  bool InsideActor(int tb, int te) const;
  // A phrase trigger whose first word is the verb at i and whose other words follow the
  // verb's subject (an actor) and, at most, a time expression; *tail is where they start.
  const Trigger* GappedTrigger(int s, int i, int* tail) const;
  // A transfer of arms or troops told by a verb of giving or sending and its object a few
  // words on: «أرسلت الولايات المتحدة دفعة جديدة من الذخائر إلى أوكرانيا» (072), «سيرسل
  // الحلف أربعة آلاف جندي إضافي إلى رومانيا» (154). Returns the trigger for token i and
  // sets *object to the object noun's token; nullptr if none.
  const Trigger* TransferAt(int s, int i, int* object) const;
  bool Question(int s) const;
  // A purpose before the verbal noun at tb: «لبحث», «من أجل التوصل», «بهدف», «بغية».
  bool PurposeBefore(int tb) const;
  // The condition particle («إذا», «لو», «في حال») opening the clause of token tb: what it
  // introduces has not happened. -1 if none.
  int ConditionBefore(int s, int tb) const;
  // A condition particle anywhere in sentence s, -1 if none.
  int ConditionIn(int s) const;
  mutable std::vector<signed char> question_;
  bool QuestionUncached(int s) const;
  // A noun of violence after a word that only refers to it: a charge or a trial («بتهمة
  // تفجير», «قضية خطف», «محاكمة»), a threat («هددوا بقتل»), «منذ» (since a known event),
  // an inquiry. (A condemnation does not: what is condemned has happened.)
  bool ReferenceBefore(int tb, int cb) const;
  // The sentence's news is an act told before the trigger («استنكر علاوي تفجيرات مدينة
  // الصدر», «دعا … بعد الاعتداء الذي وقع»): a noun of violence or protest after it is what
  // the act is about or follows, unless a verb of occurrence outside a relative clause
  // opens a clause of its own for it («…، فيما وقع انفجار»). Statements (root 01) pass
  // their content through; violence and protest are told, not acts about them; a
  // protest is dispersed or repressed (root 17) as it happens. (The coder asks this of
  // assaults, fights, mass violence and protests; an arrest that is condemned, «ندد
  // الأردن باعتقال ناشطين», is kept, as the arrest is rarely told apart from its protest.)
  bool AboutEarlierAct(int s, int tb, bool protest) const;
  bool TerritoryAfter(int te, int end) const;
  // «من ثلاث نقاط مراقبة في ريف حلب»: a place after «من» within a few words.
  int PlaceAfterFrom(int te, int end) const;
  // The place the clause around [cb, …) says the event happened in («في بغداد», «بمدينة»).
  int PlaceInClause(int s, int tb, int cb) const;
  // A word for a crowd of people in the clause starting at `cb` («المتظاهرون», «آلاف»,
  // «الطلاب», «المحتجين»): its token, or -1.
  int CrowdInClause(int s, int cb) const;
  // A count of people starts at `from`, after words of approximation and times and
  // before `to`: «18 شخصاً», «نحو 40 متظاهراً», «أمس 4 جنود».
  bool CountedAt(int from, int to) const;
  // A noun of violence that caused what the clause tells, after «في», «جراء», «إثر»,
  // «نتيجة» or «ب»: «في انفجار عبوة», «بضربة إسرائيلية». Its token, or -1.
  int InstrumentAfter(int s, int te) const;
  // «أسفر … عن», «أدى إلى», «تسبب في», «خلّف» a few words before a noun: it is an outcome.
  bool OutcomeBefore(int tb, int cb) const;
  // «إن على الولايات المتحدة أن تسحب»: the actor obliged to do what the verb says (the one
  // after «على», right before «أن»), or -1.
  int ObligedBefore(int s, int tb) const;
  // «قال ضابط رفيع في الشرطة», «قُتل قيادي في حزب الله»: the actor at `k`, after «في», is the
  // body whose member opens the phrase right after the verb (ending at `te`); the member
  // stands for it.
  bool MemberOf(int te, int k) const;
  // A word that is a march here, not a drone: after «خرج/نظم/شارك (في)», before
  // «احتجاجا», «تندد», «ضد», «حاشدة».
  bool MarchContext(int s, int tb, int te) const;
  // The first token after a dateline opening the sentence («نيامي (الأناضول) -», «باريس -
  // أ ف ب:»): its agency is no actor of the news. The sentence's first token if none.
  int DatelineEnd(int s) const;
  // «قتلت قوات الدعم السريع مئات المدنيين», «مقتل أكثر من 1200 شخص»: a killing of hundreds
  // or thousands is a mass killing (202).
  bool MassKilling(int s, int te, const Trigger& trig) const;
  // Nouns of armed forces and their arms, and of settlers: «قوة», «قوات», «طائرات»,
  // «آليات», «المستوطنين».
  static const WordSet& KForceWords();
  // The actors joined one after another to mention e by «و» («فرنسا وألمانيا
  // وبريطانيا»), each of another state than those before and than `other`.
  std::vector<int> CoordinatedChain(int e, int other) const;
  static bool InChain(const std::vector<int>& chain, int e);
  // «البلدين», «الجانبين», «الطرفين», «طرفي النزاع» as the object at `te` (right after the
  // trigger and its subject; an apposition between commas aside): the last two states the
  // document named before the trigger, other than the source's.
  std::optional<std::pair<EventActor, EventActor>> PairAfter(int s, const std::string& own, int tb, int te) const;
  // «واتفق البلدان», «يلتقي الوزيران»: a dual subject right after or before the trigger is
  // the two states the text named last.
  std::optional<std::pair<EventActor, EventActor>> PairSubject(int s, int tb, int te) const;
  std::optional<std::pair<EventActor, EventActor>> LastPair(const std::string& own, int tb, int k, bool states_only,
                                                           bool persons = false, const char* office = "") const;
  // The actor joined to mention e by «و» right after it, of another state than e and
  // than `other`; -1 if none.
  int CoordinatedAfter(int e, int other) const;
  // The state of the document's dateline place («بورتسودان (رويترز) -» → SDN), or "".
  const std::string& DatelineCountry() const;
  // A state institution named without its state («الجيش», «الحكومة», «وزارة الخارجية») in
  // a report datelined in a state is that state's: wire copy names the home country's
  // bodies bare.
  void HomeState(std::optional<EventActor>* a) const;
  // A protest, an act of coercion or of force that names no one it is aimed at is aimed
  // within the state where it happens: «تظاهر الآلاف في وسط العاصمة», «فرضت السلطات حظر
  // التجول», «اعتُقل 31 شخصاً», «اشتباكات بين القوات الحكومية ومسلحين». That state is the
  // one of the place its clause names («في», «قرب», «على» …), else the dateline's when it
  // is the actor's, else the actor's own; a state's own arms with no place get no guess. Protesters protest against its government; an act of
  // the state is aimed at its people.
  void DomesticTarget(int s, int te, Event* ev) const;
  // «أعلنت السلطات العسكرية في النيجر، الخميس، طرد …», «قررت الحكومة تعليق …»: the verb
  // of announcing or deciding whose object the verbal noun at tb is (its subject, a time
  // and commas between); its token, or -1.
  // With `judging`, also a verb that judges an act («أدانت … توغل», «رفضت»), whose object
  // is another's act.
  int AnnouncerBefore(int tb, int cb, bool judging = false) const;
  // Whether a trigger is only the name of a weapon («صواريخ», «قذيفة», «طائرة مسيرة»).
  static bool WeaponName(const Trigger& trig);
  // A weapon named at [tb, te) is used here, not owned, built or bought: a word of firing
  // or falling a few words before it («أطلقت عشرات الصواريخ», «سقطت قذيفة هاون»: kFired),
  // or where it went after it («… على البلدات», «باتجاه», «نحو»: kAimed); else kUnused.
  enum class WeaponUse { kUnused, kFired, kAimed };
  WeaponUse WeaponInUse(int s, int tb, int te) const;
  // The first clause break («أنّ», «الذي», «حيث», a colon) at or after token `from`, else
  // the sentence's end.
  int ClauseEnd(int s, int from) const;
  // The clause that dates tokens [tb, te): bounded by clause breaks, colons and quote marks.
  std::pair<int, int> DatingClause(int s, int tb, int te) const;
  // The event's date: the nearest time of its own clause, else one opening the sentence,
  // else the date of an event it is told during, else the publication date (not for
  // future or possible events).
  void Date(int s, int tb, Event* ev) const;
  // «وخلال الزيارة دعا …»: the date of the event told before that this one happens during.
  std::optional<EventDate> DuringDate(int s, int tb) const;
  // An abstract noun right before or after the trigger (its subject either way).
  bool AbstractAround(int s, int tb, int te) const;
  // Verbs that tell that an event took place: «وقع», «شنّ», «استهدف», «أسفر» …
  static const WordSet& OccurWords();
  // Words for protesters («المتظاهرون», «محتجين») and for crowds («آلاف», «الطلاب»).
  static const WordSet& ProtesterWords();
  static const WordSet& CrowdWords();
  // The token's word is in `set`, or is with a leading «و»/«ف» the segmenter left on it
  // («وقامت» is a dictionary word).
  bool InSet(const WordSet& set, int k) const;
  // A count of people (or of the dead, wounded, arrested) starts in token k.
  bool PeopleCountIn(int k) const;
  // `words_only`: only a verb of occurrence or a count of victims counts, not a time or a
  // place (a war is named with both in passing: «خلال الحرب الأخيرة في لبنان»).
  bool Occurred(int s, int tb, int te, int cb, bool words_only = false) const;
  // A noun of violence or protest is told as something that happened when its own phrase
  // says so: a verb of occurrence that governs it («شنت القوات الإسرائيلية غارات»,
  // «هجوم انتحاري استهدف», «أدى انفجار»), a count of victims in its clause («مقتل ستة
  // مدنيين»), a recent date in its clause, or the place it happened right after it
  // («انفجار في سوق»). A date long before the publication makes the place a reference to
  // a known event («تفجيرات 11 مارس في مدريد عام 2004»), as does a name in passing.
  bool NounTold(int s, int tb, int te, int cb) const;
  // A count of victims whose text starts within [start, end) (code points).
  bool VictimsBetween(int start, int end) const;
  // Sentences with a count of victims, computed once per document.
  bool VictimsIn(int s) const;
  mutable std::vector<char> victims_;
  mutable std::vector<char> people_count_;  // per token: a count of people starts in it
  // Marker bits that introduce the entity starting at token k.
  uint32_t MarkerBefore(int k, int sb) const;
  EventActor ActorOf(int e) const;
  // «أنها ستفرج», «إنه لن يزور», «أنهم قد يجرون»: «أنّ»/«إنّ» with a pronoun right before
  // the verb (a particle of tense or negation between them at most).
  bool PronounSubjectBefore(int tb, int begin) const;
  // Whether the word at k follows a preposition: a separate one («عن», «على», «إلى», «في»,
  // «من», «مع», «حول», «بشأن», «ضد») or «ب»/«ل» on the word itself.
  bool AfterPreposition(int k) const;
  // A noun that takes a verbal noun as its genitive right before a word that reads both
  // ways: «عمليات خطف», «جرائم قتل», «محاولة قتل», «عزمهم خطف» — the word is the noun.
  bool MasdarHeadBefore(int tb) const;
  bool ClearVerbForm(int tb, int te, const Trigger& trig) const;
  // A date or a clock time in the clause of the token range [tb, te) (bounded as Date()
  // bounds it); with `recent`, only one at most 45 days before the publication or after it.
  bool TimeInClause(int s, int tb, int te, bool recent) const;
  // Days from the start of the ISO date (or month, or year) `v` to `pub` (negative when
  // after it).
  static long DaysBefore(const std::string& v, const std::string& pub);
  // «هاجم» and «هجوم» of a politician are words: «وهاجمت رايس حماس قائلة …», «صعّد ماكين
  // من هجومه على روسيا», «شن هجوماً لاذعاً على معارضيه» criticize (111). An attack is
  // physical when its side is a state, a force or an armed group, or it hits a place.
  bool VerbalAttack(int s, int te, const Trigger& trig, int src, int tgt) const;
  // First person plural/singular: present «ن…/أ…», past «…نا», or a «…نا» suffix.
  bool FirstPerson(int tb, const Trigger& trig) const;
  // The state named by a nationality adjective right after a verbal noun (one or two
  // tokens, «الغارات الجوية الإسرائيلية»), as the event's actor: its army for force,
  // its government otherwise.
  // «أكد أردوغان أن بلاده مستعدة», «قال إن بلاده لن تعترف»: «بلاده/بلادها» right before
  // the trigger is the state of the sentence's earlier subject.
  std::optional<EventActor> OwnCountryBefore(int s, int tb) const;
  std::optional<EventActor> NationalityAfter(int te, int end, const Trigger& trig) const;
  // The actor of an agent phrase within the clause after the trigger, or -1.
  int AgentAfter(const Sentence& sent, int te) const;
  // An appeal or demand (CAMEO 02x, 10x) earlier in the clause, within ten tokens.
  bool AppealBefore(int s, int tb, int cb) const;
  // Starts like an imperfect verb; «تجددت», «تمت» (past, feminine) end in ت instead.
  static bool IsImperfect(const std::u32string& w);
  std::string Modality(int s, int tb, int te, const Trigger& trig) const;

  DocContext& c_;
  Analysis& out_;
  const Lexicon& lex_;
  const Words& w_;
};

}  // namespace hadath

#endif  // HADATH_SRC_EVENTS_SENTENCE_READER_H_
