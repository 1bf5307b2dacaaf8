#include "src/events/sentence_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdlib>
#include <set>

#include "src/lexicon/matcher.h"
#include "src/temporal/civil.h"
#include "src/util/utf8.h"

namespace hadath {

ActorCode SentenceReader::StateOf(const std::string& country, const std::string& sector) {
  return ActorCode{country + sector, country, sector};
}

bool SentenceReader::Passive(int tb) const {
  const Token& t = T(tb);
  // (Letters counted from the verb's own first one: «واعتُقل».)
  int letters = -static_cast<int>(t.proclitics.size());
  for (int k = t.start; k < t.end && letters < 4; ++k) {
    char32_t ch = c_.norm.original[k];
    if (ch == U'\u064F') return letters >= 1;
    if (ch >= U'\u0621' && ch <= U'\u064A') ++letters;
  }
  return false;
}

bool SentenceReader::Relative(int k) const {
  static const WordSet kRel = MatchFormSet({"الذي", "التي", "الذين", "اللذان", "اللذين", "اللتان",
                                            "اللتين", "اللواتي", "اللاتي"});
  return kRel.count(T(k).Key()) > 0 && T(k).proclitics.empty();
}

bool SentenceReader::AdjectiveOf(int noun, int k) const {
  const Token& t = T(k);
  if (t.kind != TokKind::kArabic || !t.proclitics.empty() || t.enclitic || c_.token_time[k] >= 0) return false;
  if (StartsWithAl(t.Key()) != StartsWithAl(T(noun).Key())) return false;
  for (const auto& [w, b] : w_.markers)
    if (t.Key() == w) return false;
  return !w_.clause_break.count(t.Key()) && !w_.negation.count(t.Key());
}

bool SentenceReader::TemporalBefore(int tb, int cb) const {
  static const WordSet kWhen = MatchFormSet({"انتهاء", "ختام", "خلال", "أثناء", "عقب", "إثر", "قبيل",
                                             "نهاية", "هامش", "بداية", "مستهل", "مطلع", "اختتام", "افتتاح",
                                             "بعيد"});
  return tb - 1 >= cb && kWhen.count(T(tb - 1).Key()) > 0 && !T(tb - 1).enclitic;
}

bool SentenceReader::ImpersonalBefore(int tb) const {
  static const WordSet kTamma = MatchFormSet({"تم", "تمت", "يتم", "تتم", "جرى", "جرت", "يجري", "تجري"});
  for (int k = tb - 1; k >= 0 && k >= tb - 2; --k)
    if (kTamma.count(T(k).Key())) return true;
  return false;
}

std::optional<EventActor> SentenceReader::MediatorAfter(int s, int te, const Trigger& trig) const {
  static const std::u32string kWasata = MatchFormOf("وساطة");
  // («تمّ رفع حالة التأهب في صفوف الجيش الإسرائيلي»: the ranks it happened in are the party.)
  static const std::u32string kRanks = MatchFormOf("صفوف");
  const Sentence& sent = c_.sentences[s];
  for (int k = te; k + 1 < std::min(sent.end, te + 8); ++k) {
    if (w_.clause_break.count(T(k).Key()) || (T(k).kind == TokKind::kPunct && T(k).form != U"\u060C")) break;
    const bool ranks = T(k).Key() == kRanks && k > te && T(k - 1).Key() == w_.fi;
    if (T(k).Key() != kWasata && !ranks) continue;
    if (ranks) {
      if (int e = Ent(k + 1); IsActor(e)) return ActorOf(e);
      continue;
    }
    if (IsActor(Ent(k + 1))) return ActorOf(Ent(k + 1));
    if (auto a = NationalityAfter(k + 1, sent.end, trig)) {
      a->actor = StateOf(a->actor.country, "GOV");
      return a;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<EventActor, EventActor>> SentenceReader::BorderSides(int s, int te) const {
  static const WordSet kBorder = MatchFormSet({"الحدود", "حدود", "الحدودية", "خط"});
  const Sentence& sent = c_.sentences[s];
  auto mil = [&](const std::string& iso3, Span span) {
    EventActor a;
    a.span = span;
    a.actor = StateOf(iso3, "MIL");
    return a;
  };
  for (int k = te; k < std::min(sent.end, te + 6); ++k) {
    if (T(k).kind == TokKind::kPunct) break;
    if (!kBorder.count(T(k).Key())) continue;
    std::vector<std::pair<std::string, Span>> states;
    for (int q = k + 1; q < std::min(sent.end, k + 6) && states.size() < 2; ++q) {
      if (T(q).kind == TokKind::kPunct) break;
      int e = Ent(q);
      if (e >= 0 && out_.entities[e].actor && !out_.entities[e].actor->country.empty()) {
        states.emplace_back(out_.entities[e].actor->country, out_.entities[e].span);
        q = c_.mentions[e].te - 1;
        continue;
      }
      LexMatch m = MatchAt(lex_, c_.tokens, q, sent.end,
                           [](const LexEntry& x) { return x.kind == LexKind::kNationality; });
      if (m.entry) {
        states.emplace_back(lex_.countries[m.entry->index].iso3, c_.SpanOf(q, q + m.ntokens));
        q += m.ntokens - 1;
      } else if (T(q).Key() != w_.bayna) {
        break;
      }
    }
    if (states.size() == 2 && states[0].first != states[1].first)
      return std::make_pair(mil(states[0].first, states[0].second), mil(states[1].first, states[1].second));
    return std::nullopt;
  }
  return std::nullopt;
}

int SentenceReader::CoordinatedBefore(int e, int lo) const {
  static const std::u32string kWa = MatchFormOf("و");
  int h = c_.mentions[e].hb;
  bool conj = !T(h).proclitics.empty() && T(h).proclitics[0] == U'\u0648';
  for (int q = h - 1; q >= lo && q >= h - 3; --q) {
    const Token& t = T(q);
    if (t.form == U"\u060C" || t.form == U",") continue;
    if (t.Key() == kWa) { conj = true; continue; }
    int f = Ent(q);
    if (IsActor(f) && f != e && c_.mentions[f].te == q + 1) {
      if (!conj || !out_.entities[f].actor || !out_.entities[e].actor ||
          out_.entities[f].actor->country == out_.entities[e].actor->country)
        return -1;
      return f;
    }
    if (!t.proclitics.empty() && t.proclitics[0] == U'\u0648' &&
        MatchAt(lex_, c_.tokens, q, q + 1, [](const LexEntry& x) { return x.kind == LexKind::kNationality; }).entry) {
      conj = true;
      continue;
    }
    return -1;
  }
  return -1;
}

bool SentenceReader::ForceName(int tb) const {
  // («مكافحة الشغب», «مكافحة الإرهاب»: what a force combats names the force, or a policy.)
  static const WordSet kForce =
      MatchFormSet({"وحدة", "قوة", "قوات", "بعثة", "عناصر", "جنود", "كتيبة", "لواء", "فرقة", "وحدات",
                    "فرق", "مهمة", "عملية", "مكافحة", "محاربة"});
  // («قواتها سيطرت»: a noun with its owner's pronoun heads no name; it is a subject.)
  return tb > 0 && kForce.count(T(tb - 1).Key()) > 0 && !T(tb - 1).enclitic && T(tb).proclitics.empty();
}

bool SentenceReader::InsideActor(int tb, int te) const {
  for (int k = tb; k < te; ++k) {
    int e = Ent(k);
    if (IsActor(e) && c_.mentions[e].hb <= k && k < c_.mentions[e].te) return true;
  }
  return false;
}

const Trigger* SentenceReader::GappedTrigger(int s, int i, int* tail) const {
  const Sentence& sent = c_.sentences[s];
  if (T(i).kind != TokKind::kArabic || i + 2 >= sent.end) return nullptr;
  // The verb and the words from j on, side by side (buffers reused: tokens carry strings).
  auto phrase_at = [&](int j, bool counted) -> const Trigger* {
    if (j >= sent.end || j == i + 1) return nullptr;
    thread_local std::vector<Token> v;
    const int n = 1 + std::min(sent.end, j + 3) - j;
    v.resize(n);
    v[0] = T(i);
    for (int k = j; k < std::min(sent.end, j + 3); ++k) v[1 + k - j] = T(k);
    // («مئات الغارات»: the noun counted is definite in the construct; the phrase lists it
    // bare.)
    static const std::u32string kAl = MatchFormOf("ال");
    if (counted && v[1].Key().size() > 4 && v[1].Key().compare(0, 2, kAl) == 0) {
      v[1].key_ = v[1].Key().substr(2);
      v[1].hkey = Lexicon::WordHash(v[1].key_);
    }
    LexMatch m = MatchAt(lex_, v, 0, static_cast<int>(v.size()),
                         [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
    if (!m.entry || m.ntokens < 2) return nullptr;
    *tail = j;
    return &lex_.triggers[m.entry->index];
  };
  int j = i + 1;
  bool actor = false, counted = false, adverb = false, timed = false;
  // «استدعت بدورها سفيرها», «فرضت أيضاً عقوبات»: an adverb between the verb and the rest.
  static const WordSet kAdverb = MatchFormSet({"بدوره", "بدورها", "بدورهم", "بدورهما", "أيضا", "كذلك", "رسميا",
                                               "فورا", "مجددا", "مرة أخرى"});
  static const std::u32string kKull = MatchFormOf("كل"), kMin = MatchFormOf("من");
  for (int guard = 0; guard < 6 && j < sent.end; ++guard) {
    // «وقعت كل من مصر والأردن اتفاقاً»: «كل من» lists the subjects.
    if (!actor && j + 2 < sent.end && T(j).Key() == kKull && T(j + 1).Key() == kMin && T(j).proclitics.empty()) {
      j += 2;
      continue;
    }
    if (kAdverb.count(T(j).Key()) || kAdverb.count(T(j).form)) {
      adverb = true;
      ++j;
      continue;
    }
    int e = Ent(j);
    if (e >= 0 && c_.mentions[e].hb <= j) {
      // «استدعت غيانا السفير الفنزويلي»: the phrase may go on with an actor of its own
      // (its object) right after the subject.
      if (actor)
        if (const Trigger* g = phrase_at(j, counted)) return g;
      actor |= IsActor(e);
      j = std::max(j + 1, c_.mentions[e].te);
      // «مصر والإمارات»: a second actor joined by «و».
      continue;
    }
    if (c_.token_time[j] >= 0) {
      int t = c_.token_time[j];
      while (j < sent.end && c_.token_time[j] == t) ++j;
      timed = true;
      // («وأجرى وانغ يي، اليوم الثلاثاء، اتصالاً هاتفياً»: the time between commas.)
      if (j < sent.end && (T(j).form == U"\u060C" || T(j).form == U",")) ++j;
      continue;
    }
    if ((T(j).form == U"\u060C" || T(j).form == U",") && j + 1 < sent.end && c_.token_time[j + 1] >= 0) {
      ++j;
      continue;
    }
    if (T(j).Key() == w_.fi && j + 1 < sent.end && c_.token_time[j + 1] >= 0) {
      ++j;
      continue;
    }
    // «وقّعا في أثينا، في 7 كانون الأول، "إعلان أثينا"»: where it was done, a comma, a quote
    // mark before the phrase's noun.
    if (T(j).Key() == w_.fi && T(j).proclitics.empty() && j + 1 < sent.end && Ent(j + 1) >= 0 &&
        c_.mentions[Ent(j + 1)].hb == j + 1 &&
        (out_.entities[Ent(j + 1)].type == "GPE" || out_.entities[Ent(j + 1)].type == "LOC")) {
      j = c_.mentions[Ent(j + 1)].te;
      if (j < sent.end && (T(j).form == U"\u060C" || T(j).form == U",")) ++j;
      timed = true;
      continue;
    }
    // «وحمّلت الرئاسة، في بيان، الحكومة …»: where or how it was said, between commas.
    static const WordSet kVia = MatchFormSet({"في", "عبر", "خلال"});
    if (actor && (T(j).form == U"\u060C" || T(j).form == U",") && j + 2 < sent.end && kVia.count(T(j + 1).Key())) {
      int q = j + 2;
      while (q < sent.end && q < j + 6 && T(q).kind != TokKind::kPunct) ++q;
      if (q < sent.end && (T(q).form == U"\u060C" || T(q).form == U",")) {
        j = q + 1;
        continue;
      }
    }
    if ((actor || timed) && T(j).kind == TokKind::kPunct && (T(j).form == U"\"" || T(j).form == U"\u00AB")) {
      ++j;
      continue;
    }
    // «لم تبدِ كوريا الشمالية أي استعداد»: «any» before the noun; «شنت إسرائيل مئات
    // الغارات», «شن الجيش 12 غارة»: a count.
    // («أطلقت إيران دفعات من الصواريخ», «وكانت طائرات إسرائيلية قد شنت ليل الأحد سلسلة
    // غارات»: batches of, a series; the subject may have come before the verb.)
    static const WordSet kAny = MatchFormSet({"أي", "أية", "أدنى", "مئات", "عشرات", "آلاف", "عدة", "سلسلة",
                                              "موجة", "المزيد", "دفعة", "دفعات", "رشقة", "رشقات", "وابل",
                                              "موجات"});
    if ((actor || timed) && (kAny.count(T(j).Key()) || T(j).kind == TokKind::kNumber)) {
      counted = counted || kAny.count(T(j).Key()) > 0;
      ++j;
      if (counted && j + 1 < sent.end && T(j).Key() == kMin && T(j).proclitics.empty()) ++j;
      continue;
    }
    break;
  }
  if (!actor && !adverb && !timed) return nullptr;
  return phrase_at(j, counted);
}

bool SentenceReader::Question(int s) const {
  if (question_.empty()) question_.assign(c_.sentences.size(), -1);
  if (question_[s] >= 0) return question_[s] != 0;
  question_[s] = QuestionUncached(s) ? 1 : 0;
  return question_[s] != 0;
}

bool SentenceReader::QuestionUncached(int s) const {
  const Sentence& sent = c_.sentences[s];
  static const std::u32string kHal = MatchForm(U"هل");
  for (int k = sent.begin; k < sent.end; ++k) {
    const Token& t = T(k);
    if (t.form == U"\u061F" || t.form == U"?") return true;
    if (k == sent.begin && t.Key() == kHal) return true;
  }
  return false;
}

bool SentenceReader::ReferenceBefore(int tb, int cb) const {
  static const WordSet kRef = MatchFormSet({"تهمة", "تهم", "بتهمة", "بتهم", "قضية", "قضايا", "محاكمة",
                                            "جريمة", "جرائم", "ملف", "هدد", "هددت", "هددوا", "يهدد",
                                            "تهدد", "تهديد", "تهديدات", "منذ", "ذكرى", "بذكرى", "تحقيق",
                                            "التحقيق", "التحقيقات",
                                            // accused of, involved in, related to, behind it
                                            "المتهم", "متهم", "المتهمة", "متهمة", "المتهمين", "متهمين",
                                            "المتهمون", "متهمون", "التآمر", "المدان", "مدان", "المدانين",
                                            "علاقة", "علاقته", "علاقتهم", "المتعلقة", "المتعلق", "تتعلق",
                                            "يتعلق", "الضلوع", "ضلوع", "تورط", "المتورط", "المتورطين",
                                            "المتورطون", "وراء", "ملابسات", "الذكرى", "نظريات", "اتهامات",
                                            "اتهام", "الاتهامات", "مزاعم", "ادعاءات"});
  for (int k = tb - 1; k >= cb && k >= tb - 3; --k) {
    if (T(k).kind == TokKind::kPunct) break;
    if (kRef.count(T(k).Key())) return true;
  }
  return false;
}

bool SentenceReader::TerritoryAfter(int te, int end) const {
  static const WordSet kLand = MatchFormSet({"أراضي", "أرض", "مدينة", "بلدة", "قرية", "منطقة", "مناطق",
                                             "جزيرة", "مواقع", "موقع", "مبنى", "مقر", "مقرات", "الضفة",
                                             "القطاع", "الإقليم", "إقليم", "العاصمة", "مطار", "ميناء",
                                             "قاعدة", "تلة", "مرتفعات", "الأراضي", "المدينة", "البلدة",
                                             "القرية"});
  // The object, after the subject if it comes first (VSO): the first word that is no
  // actor must be a place or a word for land.
  for (int k = te; k < end && k < te + 6; ++k) {
    if (T(k).kind == TokKind::kPunct) break;
    if (T(k).Key() == w_.ala && T(k).proclitics.empty()) continue;  // «سيطرت القوات على قرية»
    int e = Ent(k);
    if (e >= 0) {
      const std::string& ty = out_.entities[e].type;
      if (ty == "GPE" || ty == "LOC" || ty == "FAC") return true;
      continue;
    }
    return kLand.count(T(k).Key()) > 0;
  }
  return false;
}

int SentenceReader::PlaceAfterFrom(int te, int end) const {
  static const std::u32string kMin = MatchFormOf("من");
  for (int k = te; k < std::min(end, te + 6); ++k) {
    if (T(k).kind == TokKind::kPunct) break;
    if (T(k).Key() != kMin) continue;
    for (int q = k + 1; q < std::min(end, k + 7); ++q) {
      int e = Ent(q);
      if (e < 0) continue;
      const Entity& en = out_.entities[e];
      if ((en.type == "GPE" || en.type == "LOC") && en.actor && !en.actor->country.empty()) return e;
    }
  }
  return -1;
}

int SentenceReader::ClauseEnd(int s, int from) const {
  const Sentence& sent = c_.sentences[s];
  for (int k = from; k < sent.end; ++k)
    if (w_.clause_break.count(T(k).Key()) || T(k).form == U":") return k;
  return sent.end;
}

std::pair<int, int> SentenceReader::DatingClause(int s, int tb, int te) const {
  const Sentence& sent = c_.sentences[s];
  auto is_break = [&](int k) {
    const Token& t = T(k);
    return w_.clause_break.count(t.Key()) > 0 || t.form == U":" ||
           (t.kind == TokKind::kPunct && IsQuoteChar(t.form[0]));
  };
  int a = sent.begin, b = sent.end;
  for (int k = tb - 1; k >= sent.begin; --k)
    if (is_break(k)) { a = k + 1; break; }
  for (int k = te; k < sent.end; ++k)
    if (is_break(k)) { b = k; break; }
  return {a, b};
}

int SentenceReader::PlaceInClause(int s, int tb, int cb) const {
  const int ce = ClauseEnd(s, tb + 1);
  for (int k = cb; k < ce; ++k) {
    if (!(T(k).Key() == w_.fi || T(k).proclitics == U"\u0628")) continue;
    for (int q = T(k).Key() == w_.fi ? k + 1 : k; q < ce && q < k + 4; ++q) {
      int e = Ent(q);
      if (e < 0) continue;
      const Entity& en = out_.entities[e];
      if ((en.type == "GPE" || en.type == "LOC" || en.type == "FAC") && en.actor && !en.actor->country.empty())
        return e;
    }
  }
  return -1;
}

bool SentenceReader::AbstractAround(int s, int tb, int te) const {
  static const WordSet kAbstract = MatchFormSet({"فضيحة", "الفضيحة", "خلاف", "الخلاف", "خلافات",
                                                 "الخلافات", "أزمة", "الأزمة", "غضب", "الغضب", "الوضع",
                                                 "الأوضاع", "الموقف", "صراع", "الصراع", "قضية", "القضية",
                                                 "جدل", "الجدل", "النزاع", "نزاع", "مشكلة", "المشكلة",
                                                 "الشارع", "الاحتقان", "توتر", "التوتر", "فقاعة",
                                                 "الفقاعة", "ثورة", "الثورة", "حرب", "الحرب", "سجال",
                                                 "السجال"});
  const Sentence& sent = c_.sentences[s];
  return (te < sent.end && kAbstract.count(T(te).Key())) || (tb > sent.begin && kAbstract.count(T(tb - 1).Key()));
}

const WordSet& SentenceReader::OccurWords() {
  static const WordSet kOccur = MatchFormSet({"وقع", "وقعت", "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا",
                                              "استهدف", "استهدفت", "أسفر", "أسفرت", "تعرض", "تعرضت", "جرى",
                                              "جرت", "أدى", "أدت", "خلف", "خلفت", "أوقع", "أوقعت", "تبنى",
                                              "تبنت", "أودى", "أودت", "سقط", "سقطت", "حصد", "حصدت",
                                              "اندلع", "اندلعت", "تجدد", "تجددت", "شهد", "شهدت", "قتل",
                                              "قتلت", "أصيب", "أصيبت", "جرح", "لقي", "لقيت", "دارت",
                                              "تواصل", "تواصلت", "استمر", "استمرت", "ندد", "نددت", "أدان",
                                              "أدانت", "استنكر", "استنكرت", "شجب", "شجبت", "نشب",
                                              "نشبت", "انتهت",
                                              // «قام مسلحون بخطف …»: did
                                              "قام", "قامت", "قاموا", "قاما", "يقوم", "تقوم", "يقومون",
                                              // what goes off, sets out, is organised or dispersed
                                              "انفجر", "انفجرت", "تفجر", "تفجرت", "انطلق", "انطلقت", "خرج",
                                              "خرجت", "خرجوا", "نظم", "نظمت", "نظمها", "نظمه", "فرقت", "فرق", "ينظم", "تنظم", "ينظمون",
                                              "أطلق", "أطلقت", "أطلقوا"});
  return kOccur;
}

bool SentenceReader::Occurred(int s, int tb, int te, int cb, bool words_only) const {
  const WordSet& kOccur = OccurWords();
  const int ce = ClauseEnd(s, te);
  for (int k = cb; k < ce; ++k) {
    if (kOccur.count(T(k).Key())) return true;
    if (words_only) continue;
    int ti = c_.token_time[k];
    if (ti >= 0 && out_.times[ti].type != "DURATION" && out_.times[ti].type != "SET") return true;
    // «في بغداد», «بمدينة الرمادي»: a place where it happened.
    if (k > tb && (T(k).Key() == w_.fi || T(k).proclitics == U"\u0628") && k + 1 < ce) {
      int e = Ent(T(k).Key() == w_.fi ? k + 1 : k);
      if (e >= 0) {
        const std::string& ty = out_.entities[e].type;
        if (ty == "GPE" || ty == "LOC" || ty == "FAC") return true;
      }
    }
  }
  // A count of victims in the sentence.
  return VictimsIn(s);
}

bool SentenceReader::InSet(const WordSet& set, int k) const {
  const std::u32string& key = T(k).Key();
  if (set.count(key)) return true;
  // («وقامت» is a dictionary word, which the segmenter leaves whole.)
  return T(k).proclitics.empty() && key.size() > 3 && (key[0] == U'\u0648' || key[0] == U'\u0641') &&
         set.count(key.substr(1));
}

bool SentenceReader::PeopleCountIn(int k) const {
  if (people_count_.empty()) {  // once per document: this is asked of many tokens
    static const std::set<std::string> kPeople = {"", "person", "soldier", "personnel", "civilian", "child",
                                                  "militant", "dead", "injured", "arrested", "prisoner",
                                                  "migrant", "refugee", "displaced"};
    people_count_.assign(c_.tokens.size() + 1, 0);
    for (const NumberExpr& n : out_.numbers) {
      if (!kPeople.count(n.unit)) continue;
      auto it = std::upper_bound(c_.tokens.begin(), c_.tokens.end(), n.span.start,
                                 [](int start, const Token& t) { return start < t.start; });
      if (it == c_.tokens.begin()) continue;
      const Token& t = *std::prev(it);
      if (n.span.start < t.end) people_count_[std::prev(it) - c_.tokens.begin()] = 1;
    }
  }
  return people_count_[k] != 0;
}

const WordSet& SentenceReader::ProtesterWords() {
  static const WordSet kProtesters = MatchFormSet(
      {"المتظاهرون", "المتظاهرين", "متظاهرون", "متظاهرين", "متظاهرا", "متظاهر", "المحتجون", "المحتجين",
       "محتجون", "محتجين", "محتجا", "المعتصمون", "المعتصمين", "معتصمون", "معتصمين", "المضربون", "المضربين"});
  return kProtesters;
}

const WordSet& SentenceReader::CrowdWords() {
  static const WordSet kCrowd = MatchFormSet(
      {"آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات", "حشود", "الحشود", "الطلاب", "طلاب", "العمال",
       "عمال", "السكان", "سكان", "الأهالي", "أهالي", "المواطنون", "المواطنين", "مواطنون", "مواطنين", "الشبان",
       "شبان", "الناس", "المصلون", "المصلين", "أنصار", "مناصرو", "مناصري", "المزارعون", "المزارعين",
       "مزارعون", "مزارعين", "المعلمون", "المعلمين", "الأطباء", "السائقون", "سائقو", "الموظفون", "موظفو",
       // counted in the singular: «نحو 500 مزارع بلجيكي»
       "مزارع", "عامل", "طالب", "معلم", "سائق", "موظف", "طبيب", "الأساتذة", "أساتذة", "أستاذ", "المدرسين",
       "مدرسين", "الممرضين", "ممرضين", "المحامين", "محامين", "القضاة", "النقابيين"});
  return kCrowd;
}

bool SentenceReader::NounTold(int s, int tb, int te, int cb) const {
  const Sentence& sent = c_.sentences[s];
  const int ce = ClauseEnd(s, te);
  if (ImpersonalBefore(tb)) return true;  // «تمّ احتجاز ناقلة»
  const WordSet& occur = OccurWords();
  for (int k = std::max(cb, tb - 8); k < std::min(ce, te + 5); ++k) {
    if (k >= tb && k < te) continue;
    if (InSet(occur, k)) return true;
    if (k > tb && T(k).kind == TokKind::kPunct) break;
  }
  if (VictimsBetween(T(cb).start, T(ce - 1).end)) return true;
  // «مقتل ثمانية أشخاص», «اختطاف 30 فرداً»: the people it befell, counted right after it.
  if (te < sent.end && c_.token_time[te] < 0 && PeopleCountIn(te)) return true;
  // A chronology's entry: «* 21 مايو 2005: اغتيال …» is dated by its opening time.
  {
    int open = sent.begin;
    while (open < tb && T(open).kind == TokKind::kPunct) ++open;
    if (open < cb && c_.token_time[open] >= 0 && cb > sent.begin && T(cb - 1).form == U":") return true;
  }
  // A date in its clause within 45 days before the publication (or after it, for what is
  // announced). A place after it tells nothing: «تفجيرات مدريد», «هجمات على مومباي» are
  // names of known events as often as news.
  for (int k = cb; k < ce; ++k) {
    int ti = c_.token_time[k];
    if (ti < 0) continue;
    const TimeExpr& t = out_.times[ti];
    if ((t.type != "DATE" && t.type != "TIME") || !IsAsciiDigit(t.value[0])) continue;
    if (c_.pubdate.empty() || DaysBefore(t.value, c_.pubdate) <= 45) return true;
  }
  return false;
}

int SentenceReader::AnnouncerBefore(int tb, int cb, bool judging) const {
  static const WordSet kAnnounce = MatchFormSet({"أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "قرر", "قررت",
                                                 "قرروا", "يقرر", "تقرر"});
  static const WordSet kJudge = MatchFormSet({"أدان", "أدانت", "يدين", "تدين", "استنكر", "استنكرت", "يستنكر",
                                              "تستنكر", "رفض", "رفضت", "يرفض", "ترفض", "انتقد", "انتقدت"});
  static const WordSet kOf = MatchFormSet({"في", "من", "لدى"});
  for (int k = tb - 1; k >= std::max(cb, tb - 12); --k) {
    if (kAnnounce.count(T(k).Key()) || (judging && kJudge.count(T(k).Key()))) return k;
    const bool comma = T(k).form == U"\u060C" || T(k).form == U",";
    const bool of = kOf.count(T(k).Key()) && T(k).proclitics.empty() && Ent(k + 1) >= 0;
    if (Ent(k) < 0 && c_.token_time[k] < 0 && !comma && !of) return -1;
  }
  return -1;
}

const std::string& SentenceReader::DatelineCountry() const {
  static const std::string kNone;
  return c_.dateline_entity >= 0 ? out_.entities[c_.dateline_entity].actor->country : kNone;
}

void SentenceReader::HomeState(std::optional<EventActor>* a) const {
  if (!*a || !(*a)->actor.country.empty()) return;
  const std::string& sector = (*a)->actor.sector;
  // (Civilians too: «تجمّع مئات الأساتذة أمام مقر وزارة التربية» in a report from Tunis.)
  if (sector != "GOV" && sector != "MIL" && sector != "COP" && sector != "JUD" && sector != "LEG" &&
      sector != "SPY" && sector != "CVL" && sector != "LAB" && sector != "EDU")
    return;
  const std::string& home = DatelineCountry();
  if (!home.empty()) (*a)->actor = StateOf(home, sector);
}

int SentenceReader::DatelineEnd(int s) const { return c_.DatelineEnd(s); }

bool SentenceReader::MarchContext(int s, int tb, int te) const {
  static const WordSet kBefore = MatchFormSet(
      {"خرج", "خرجت", "خرجوا", "يخرجون", "نظم", "نظمت", "نظموا", "ينظمون", "شارك", "شاركت", "شاركوا",
       "يشاركون", "انطلقت", "جابت", "سير", "سيروا", "اندلعت", "تواصلت", "عمت"});
  static const WordSet kAfter = MatchFormSet(
      {"احتجاجا", "احتجاجية", "تندد", "منددة", "تطالب", "مطالبة", "ضد", "مناهضة", "مناوئة", "مؤيدة",
       "شعبية", "حاشدة", "سلمية", "غاضبة", "جماهيرية", "تضامنية", "تضامنا", "للتنديد", "للمطالبة"});
  const Sentence& sent = c_.sentences[s];
  // The verb a few words back, its subject between: «وخرج آلاف الطلاب في مسيرات».
  for (int p = tb - 1; p >= std::max(sent.begin, tb - 5) && T(p).kind != TokKind::kPunct; --p)
    if (InSet(kBefore, p)) return true;
  return te < sent.end && kAfter.count(T(te).Key());
}

bool SentenceReader::WeaponName(const Trigger& trig) {
  static const WordSet kWeapon = MatchFormSet(
      {"صاروخ", "صاروخا", "صواريخ", "الصاروخ", "الصواريخ", "قذيفة", "قذائف", "القذيفة", "القذائف", "طائرة",
       "طائرات", "الطائرة", "الطائرات", "مسيرة", "مسيرات", "المسيرة", "المسيرات", "درون"});
  if (trig.pos != "phrase") return false;
  const std::u32string lemma = MatchFormOf(trig.lemma.c_str());
  return kWeapon.count(lemma.substr(0, lemma.find(U' '))) > 0;
}

SentenceReader::WeaponUse SentenceReader::WeaponInUse(int s, int tb, int te) const {
  static const WordSet kFire = MatchFormSet(
      {"أطلق", "أطلقت", "أطلقا", "أطلقوا", "يطلق", "تطلق", "يطلقون", "إطلاق", "الإطلاق", "سقط", "سقطت",
       "تسقط", "يسقط", "سقوط", "انفجر", "انفجرت", "انفجار", "أصاب", "أصابت", "رمى", "رمت", "قصف", "قصفت",
       "تبادل", "تبادلا", "أمطر", "أمطرت", "استخدم", "استخدمت", "استخدام"});
  static const WordSet kToward = MatchFormSet({"على", "ضد", "باتجاه", "اتجاه", "نحو", "تجاه", "صوب"});
  const Sentence& sent = c_.sentences[s];
  for (int p = tb - 1; p >= std::max(sent.begin, tb - 5) && T(p).kind != TokKind::kPunct; --p)
    if (InSet(kFire, p)) return WeaponUse::kFired;
  for (int q = te; q < std::min(sent.end, te + 6); ++q) {
    if (T(q).kind == TokKind::kPunct && T(q).form != U"\u00AB" && T(q).form != U"\u00BB") break;
    if (kToward.count(T(q).Key()) || InSet(kFire, q)) return WeaponUse::kAimed;
  }
  return WeaponUse::kUnused;
}

bool SentenceReader::CountedAt(int from, int to) const {
  static const WordSet kApprox = MatchFormSet({"نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما", "لا", "يقل",
                                               "عن", "أكثر", "أقل", "من"});
  // Duals count two: «قتل جنديان».
  static const WordSet kDual = MatchFormSet({"جنديان", "جنديين", "شخصان", "شخصين", "شرطيان", "شرطيين",
                                             "مدنيان", "طفلان", "طفلين", "رجلان", "رجلين", "صحافيان",
                                             "صحافيين", "ضابطان", "ضابطين", "عسكريان", "شقيقان", "شقيقين"});
  for (int k = from; k < to; ++k) {
    if (c_.token_time[k] >= 0 || kApprox.count(T(k).Key())) continue;  // «أمس 4 جنود», «نحو 40»
    return kDual.count(T(k).Key()) > 0 || PeopleCountIn(k);
  }
  return false;
}

int SentenceReader::InstrumentAfter(int s, int te) const {
  static const WordSet kCause = MatchFormSet({"في", "جراء", "إثر", "اثر", "نتيجة", "خلال"});
  const Sentence& sent = c_.sentences[s];
  const int ce = ClauseEnd(s, te);
  for (int k = te; k < std::min(ce, te + 14); ++k) {
    if (T(k).kind == TokKind::kPunct && T(k).form != U"\u060C") break;
    const bool by = T(k).proclitics == U"\u0628";
    if (!by && !(k > sent.begin && kCause.count(T(k - 1).Key()))) continue;
    LexMatch m = MatchAt(lex_, c_.tokens, k, sent.end,
                         [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
    if (!m.entry) continue;
    const Trigger& t = lex_.triggers[m.entry->index];
    const std::string r = t.cameo.substr(0, 2);
    if (t.pos != "verb" && (r == "18" || r == "19" || r == "20")) return k;
  }
  return -1;
}

bool SentenceReader::OutcomeBefore(int tb, int cb) const {
  static const WordSet kOutcome = MatchFormSet({"أسفر", "أسفرت", "أسفرا", "أدى", "أدت", "تسبب", "تسببت",
                                                "خلف", "خلفت", "أوقع", "أوقعت", "مما", "ما"});
  static const WordSet kPrep = MatchFormSet({"عن", "إلى", "في"});
  // The outcome right after its verb («أسفر عن مقتل»), or after its preposition with the
  // verb earlier in the clause («أسفر القصف الروسي على أوديسا … عن مقتل»).
  const bool prep = tb > cb && kPrep.count(T(tb - 1).Key());
  for (int k = tb - 1; k >= std::max(cb, prep ? tb - 20 : tb - 4); --k)
    if (kOutcome.count(T(k).Key())) return true;
  return false;
}

int SentenceReader::ObligedBefore(int s, int tb) const {
  const Sentence& sent = c_.sentences[s];
  if (tb - 2 < sent.begin || T(tb - 1).Key() != w_.anna) return -1;
  const int e = Ent(tb - 2);
  if (!IsActor(e) || c_.mentions[e].te != tb - 1) return -1;
  const int hb = c_.mentions[e].hb;
  if (hb - 1 < sent.begin || T(hb - 1).Key() != w_.ala || !T(hb - 1).proclitics.empty()) return -1;
  // «على» opens the clause: after «إن/أن», a comma, or the sentence's start.
  const int p = hb - 2;
  if (p >= sent.begin && T(p).Key() != w_.inna && T(p).Key() != w_.anna && T(p).kind != TokKind::kPunct) return -1;
  return e;
}

bool SentenceReader::MemberOf(int te, int k) const {
  static const WordSet kMember = MatchFormSet(
      {"ضابط", "قيادي", "عضو", "مسؤول", "عنصر", "عناصر", "مقاتل", "مقاتلين", "مقاتلو", "جندي", "مصدر",
       "متحدث", "ناطق", "قائد", "زعيم", "أعضاء", "قياديين", "قياديون", "مسؤولين", "ضباط", "مسؤولون",
       // the accusative: «تقتل قيادياً في حزب الله»
       "ضابطا", "قياديا", "عضوا", "مسؤولا", "عنصرا", "مقاتلا", "جنديا", "قائدا", "زعيما"});
  if (k - 2 < te || T(k - 1).Key() != w_.fi || !T(k - 1).proclitics.empty()) return false;
  // The member noun right after the verb, an adjective («رفيع», «كبير») between at most.
  for (int q = te; q <= std::min(k - 2, te + 1); ++q)
    if (kMember.count(T(q).Key()) && T(q).proclitics.empty()) return q == k - 2 || q + 1 == k - 2;
  return false;
}

int SentenceReader::CrowdInClause(int s, int cb) const {
  const int ce = ClauseEnd(s, cb);
  for (int k = cb; k < ce; ++k)
    if (ProtesterWords().count(T(k).Key()) || CrowdWords().count(T(k).Key())) return k;
  return -1;
}

bool SentenceReader::AboutEarlierAct(int s, int tb, bool protest) const {
  const Sentence& sent = c_.sentences[s];
  int act_end = -1;
  for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
    if (it->trigger.start >= T(tb).start) continue;
    const std::string& r = it->root;
    if (r == "01" || r == "14" || r == "18" || r == "19" || r == "20" || (protest && r == "17")) continue;
    act_end = it->trigger.end;
    break;
  }
  if (act_end < 0) return false;
  static const WordSet kOwnClause = MatchFormSet({"فيما", "بينما", "حين", "كما", "إذ"});
  static const WordSet kActs = MatchFormSet({"ندد", "نددت", "أدان", "أدانت", "استنكر", "استنكرت", "شجب", "شجبت"});
  const WordSet& occur = OccurWords();
  bool in_rel = false;
  for (int k = sent.begin; k < tb; ++k) {
    if (T(k).start < act_end) continue;
    if (T(k).form == U".") in_rel = false;
    if (Relative(k)) in_rel = true;
    if (kOwnClause.count(T(k).Key())) in_rel = false;
    if (!in_rel && !InSet(kActs, k) && InSet(occur, k)) return false;
  }
  return true;
}

bool SentenceReader::VictimsBetween(int start, int end) const {
  for (const NumberExpr& n : out_.numbers) {
    if (n.unit != "dead" && n.unit != "injured" && n.unit != "arrested" && n.unit != "prisoner") continue;
    if (n.span.start >= start && n.span.start < end) return true;
  }
  return false;
}

bool SentenceReader::VictimsIn(int s) const {
  if (victims_.empty()) {
    victims_.assign(c_.sentences.size() + 1, 0);
    for (const NumberExpr& n : out_.numbers) {
      if (n.unit != "dead" && n.unit != "injured" && n.unit != "arrested" && n.unit != "prisoner") continue;
      for (size_t q = 0; q < c_.sentences.size(); ++q)
        if (c_.sentences[q].start <= n.span.start && n.span.start < c_.sentences[q].stop) victims_[q] = 1;
    }
  }
  return victims_[s] != 0;
}

uint32_t SentenceReader::MarkerBefore(int k, int sb) const {
  uint32_t m = 0;
  const std::u32string& pro = T(k).proclitics;
  for (char32_t ch : pro) {
    if (ch == U'\u0628') m |= kTgtBi;
    if (ch == U'\u0644') m |= kTgtLi;
  }
  // A preposition with its own pronoun object («إليها») introduces nothing after it.
  // («أدانت كل من السعودية وقطر»: «كل من» lists the subjects.)
  static const std::u32string kKull = MatchFormOf("كل");
  if (k > sb && !T(k - 1).enclitic && !(k - 1 > sb && T(k - 2).Key() == kKull && T(k - 2).proclitics.empty())) {
    for (const auto& [w, b] : w_.markers)
      if (T(k - 1).Key() == w) m |= b;
  }
  // A person after the role that introduces them («مع المبعوث الأممي إلى اليمن هانس
  // غروندبرغ», «للمبعوث الأممي …»): the role's marker is theirs.
  if (m == 0 && Ent(k) >= 0 && out_.entities[Ent(k)].type == "PER") {
    for (int p = k - 1; p >= std::max(sb, k - 8); --p) {
      if (T(p).kind == TokKind::kPunct) break;
      LexMatch r = MatchAt(lex_, c_.tokens, p, k, [](const LexEntry& e) { return e.kind == LexKind::kRole; });
      if (!r.entry || k - (p + r.ntokens) > 3) continue;  // («إلى اليمن» between at most)
      for (char32_t ch : T(p).proclitics) {
        if (ch == U'\u0628') m |= kTgtBi;
        if (ch == U'\u0644') m |= kTgtLi;
      }
      if (p > sb && !T(p - 1).enclitic)
        for (const auto& [w, b] : w_.markers)
          if (T(p - 1).Key() == w) m |= b;
      break;
    }
  }
  return m;
}

EventActor SentenceReader::ActorOf(int e) const {
  const Entity& en = out_.entities[e];
  EventActor a;
  a.span = en.span;
  a.entity = en.id;
  if (en.actor) a.actor = *en.actor;
  if (en.type == "GPE" && a.actor.sector.empty() && !a.actor.country.empty()) {  // a state acting
    a.actor.sector = "GOV";
    a.actor.code = a.actor.country + "GOV";
  }
  return a;
}

bool SentenceReader::PronounSubjectBefore(int tb, int begin) const {
  static const WordSet kWithPronoun = MatchFormSet({"أنه", "أنها", "أنهم", "أنهما", "أنهن", "أننا", "إنه", "إنها",
                                                    "إنهم", "إنهما", "إننا"});
  int k = tb - 1;
  if (k > begin && w_.verb_particle.count(T(k).Key()) && T(k).proclitics.empty()) --k;
  if (k < begin) return false;
  if (kWithPronoun.count(T(k).Key()) > 0 || (T(k).enclitic && (T(k).Key() == w_.anna || T(k).Key() == w_.inna)))
    return true;
  // «أكدت وزارة الدفاع التركية أن طائراتها لم تستهدف …», «إن قواته سيطرت»: the forces of
  // the one who speaks, named by their pronoun, act for it.
  static const WordSet kForces = MatchFormSet({"قوات", "طائرات", "جيش", "مقاتلات", "وحدات", "عناصر", "سفن",
                                               "دبابات", "مدفعية", "قوة", "طائرة", "شرطة", "أجهزة", "مروحيات"});
  return k > begin && T(k).enclitic && T(k).proclitics.empty() && kForces.count(T(k).Key()) &&
         (T(k - 1).Key() == w_.anna || T(k - 1).Key() == w_.inna) && !T(k - 1).enclitic;
}

bool SentenceReader::AfterPreposition(int k) const {
  static const WordSet kPrepositions = MatchFormSet({"عن", "على", "إلى", "في", "من", "مع", "حول", "بشأن", "ضد"});
  const std::u32string& pro = T(k).proclitics;
  if (!pro.empty() && (pro.back() == U'\u0628' || pro.back() == U'\u0644')) return true;
  return k > 0 && T(k - 1).proclitics.empty() && kPrepositions.count(T(k - 1).Key()) > 0;
}

bool SentenceReader::MasdarHeadBefore(int tb) const {
  static const WordSet kHeads = MatchFormSet(
      {"عملية", "عمليات", "العمليات", "جريمة", "جرائم", "الجرائم", "أعمال", "عزم", "محاولة", "محاولات",
       "خطة", "خطط", "مخطط", "مخططات", "حملة", "حملات", "حادث", "حادثة", "حوادث", "تهمة", "تهم",
       "قضية", "قضايا", "ضحايا", "ارتكاب", "موجة", "سلسلة", "مسلسل", "وقف", "منع", "عدم", "ظاهرة",
       "أحداث", "مسؤولية", "ملف", "رفض", "إدانة", "تبرير", "التحريض", "تحريض",
       // adverbs of time and cause take nouns: «بعد خطف طائرة», «إثر قتل»
       "بعد", "قبل", "إثر", "عقب", "أعقاب", "منذ", "جراء", "بسبب", "خلال", "أثناء", "بين",
       // «قصة خطف», «سيناريو خطف», «شبهة قتل», «مرور 26 عاماً على خطف»
       "قصة", "سيناريو", "شبهة", "ذكرى", "استمرار", "مواصلة", "تجريم", "مسألة", "خطر", "واقعة",
       "وقائع", "ضحية",
       // «سبل دعم الاستقرار», «آفاق تعزيز التعاون»
       "سبل", "سبيل", "آليات", "إمكانية", "كيفية", "آفاق"});
  if (tb == 0 || T(tb - 1).kind != TokKind::kArabic) return false;
  if (kHeads.count(T(tb - 1).Key()) && !T(tb - 1).enclitic) return true;
  // «للقتل والخطف», «قتل وخطف»: joined by «و» to a verbal noun, a verbal noun too.
  if (T(tb).proclitics.empty() || T(tb).proclitics[0] != U'\u0648') return false;
  LexMatch m = MatchAt(lex_, c_.tokens, tb - 1, tb,
                       [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
  return m.entry && lex_.triggers[m.entry->index].pos == "noun";
}

bool SentenceReader::ClearVerbForm(int tb, int te, const Trigger& trig) const {
  if (trig.tense == "present") return true;
  static const WordSet kSelf = MatchFormSet({"نفسه", "نفسها", "أنفسهم", "أنفسهما", "نفسيهما"});
  if (te - tb >= 2 && kSelf.count(T(tb + 1).Key())) return true;
  const std::u32string& w = T(tb).Key();
  if (w.size() < 3) return false;
  const char32_t last = w.back(), before = w[w.size() - 2];
  return last == U'\u062A' || (last == U'\u0627' && before == U'\u0648') || (w.size() > 3 && last == U'\u0627');
}

bool SentenceReader::TimeInClause(int s, int tb, int te, bool recent) const {
  const Sentence& sent = c_.sentences[s];
  auto [a, b] = DatingClause(s, tb, te);
  // A time that opens the sentence scopes over it («* 5 أكتوبر 2003: …»).
  int open = sent.begin;
  while (open < tb && T(open).kind == TokKind::kPunct) ++open;
  if (open < a && c_.token_time[open] >= 0) a = open;
  for (int k = a; k < b; ++k) {
    int ti = c_.token_time[k];
    if (ti < 0) continue;
    const TimeExpr& t = out_.times[ti];
    if (t.type != "DATE" && t.type != "TIME") continue;
    if (!recent) return true;
    if (!IsAsciiDigit(t.value[0])) continue;
    if (c_.pubdate.empty() || DaysBefore(t.value, c_.pubdate) <= 45) return true;
  }
  return false;
}

long SentenceReader::DaysBefore(const std::string& v, const std::string& pub) {
  auto days = [](const std::string& d) {
    int y = std::atoi(d.substr(0, 4).c_str());
    if (d.size() >= 7 && d[5] == 'W') return DaysFromCivil(y, 1, 1) + 7L * std::atoi(d.substr(6).c_str()) - 1;
    int m = d.size() >= 7 ? std::atoi(d.substr(5, 2).c_str()) : 12;
    int dd = d.size() >= 10 ? std::atoi(d.substr(8, 2).c_str()) : 28;
    return DaysFromCivil(y, m, dd);
  };
  return days(pub) - days(v);
}

bool SentenceReader::VerbalAttack(int s, int te, const Trigger& trig, int src, int tgt) const {
  if (trig.lemma != "هاجم" && trig.lemma != "هجوم" && trig.lemma != "شن هجوما") return false;
  static const WordSet kSaying = MatchFormSet({"قائلا", "قائلة", "قائلين", "قائلتين", "واصفا", "واصفة",
                                                "معتبرا", "معتبرة", "متهما", "متهمة", "لاذعا", "لاذع",
                                                "حادا", "عنيفا", "كلامي", "كلاميا", "إعلامي"});
  // What is attacked may be a policy, a decision, words: «هاجم خطباء حماس إضرابات
  // الموظفين», «هاجم الرئيس سياسة واشنطن».
  static const WordSet kAbstract = MatchFormSet(
      {"سياسة", "سياسات", "السياسة", "السياسات", "قرار", "قرارات", "القرار", "القرارات", "موقف", "مواقف",
       "الموقف", "المواقف", "تصريحات", "التصريحات", "إضراب", "إضرابات", "الإضراب", "الإضرابات", "خطة",
       "الخطة", "خطط", "مشروع", "المشروع", "مبادرة", "المبادرة", "أداء", "نهج", "النهج", "دعوات", "الدعوات",
       "تقرير", "التقرير", "اتفاق", "الاتفاق", "فكرة", "الفكرة", "آراء", "أفكار", "خطاب", "الخطاب"});
  const Sentence& sent = c_.sentences[s];
  for (int k = te; k < std::min(sent.end, te + 12); ++k)
    if (kSaying.count(T(k).Key())) return true;
  for (int k = te; k < std::min(sent.end, te + 4); ++k) {
    if (T(k).kind == TokKind::kPunct) break;
    if (kAbstract.count(T(k).Key()) && T(k).proclitics.empty()) return true;
  }
  if (src < 0) return false;
  const Entity& a = out_.entities[src];
  if (a.type != "PER") return false;
  if (TerritoryAfter(te, sent.end)) return false;  // «هاجموا عدة قرى قرب نابلس»
  if (tgt >= 0 && out_.entities[tgt].type != "ORG" && out_.entities[tgt].type != "PER") return false;
  const std::string sector = a.actor ? a.actor->sector : "";
  return sector != "MIL" && sector != "REB" && sector != "UAF" && sector != "INS" && sector != "SPY";
}

bool SentenceReader::FirstPerson(int tb, const Trigger& trig) const {
  const std::u32string& f = T(tb).Key();
  if (f.empty()) return false;
  bool ends_na = f.size() > 3 && f[f.size() - 2] == U'\u0646' && f.back() == U'\u0627';
  if (trig.tense == "present") return f[0] == U'\u0646' || (f[0] == U'\u0627' && f.size() > 3);
  return ends_na;
}

std::optional<EventActor> SentenceReader::OwnCountryBefore(int s, int tb) const {
  static const WordSet kOwn = MatchFormSet({"بلاده", "بلادها", "بلادهم", "بلادنا", "بلادي"});
  static const std::u32string kBilad = MatchFormOf("بلاد");
  int k = tb - 1;
  if (k > c_.sentences[s].begin && w_.verb_particle.count(T(k).Key()) && T(k).proclitics.empty()) --k;
  if (k < c_.sentences[s].begin || Ent(k) >= 0) return std::nullopt;
  if (!(kOwn.count(T(k).Key()) || (T(k).Key() == kBilad && T(k).enclitic))) return std::nullopt;
  std::string c;
  for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s && c.empty(); ++it) {
    if (it->trigger.start >= T(tb).start || !it->source || it->source->actor.country.empty()) continue;
    c = it->source->actor.country;
  }
  // («ورد وزير الخارجية الإيراني عباس عراقجي على البيان قائلاً إن بلاده …»: with no event
  // told before, the person speaking, the sentence's first actor.)
  for (int q = c_.sentences[s].begin; q < k && c.empty(); ++q)
    if (int e = Ent(q); IsActor(e) && out_.entities[e].type == "PER" && out_.entities[e].actor)
      c = out_.entities[e].actor->country;
  if (c.empty() || c == "IGO" || c == "NGO") return std::nullopt;
  EventActor a;
  a.span = c_.SpanOf(k, k + 1);
  a.actor = StateOf(c, "GOV");
  return a;
}

std::optional<EventActor> SentenceReader::NationalityAfter(int te, int end, const Trigger& trig) const {
  for (int k = te; k < std::min(end, te + 2); ++k) {
    if (T(k).kind != TokKind::kArabic || !T(k).proclitics.empty()) return std::nullopt;
    LexMatch m = MatchAt(lex_, c_.tokens, k, end, [](const LexEntry& e) { return e.kind == LexKind::kNationality; });
    // The accusative of an indefinite nisba ends in alif: «توغلاً إسرائيلياً». (Not a
    // country's name, «روسيا», which is an entity of its own.)
    if (!m.entry && Ent(k) < 0) {
      const std::u32string& key = T(k).Key();
      if (key.size() >= 5 && key.back() == U'\u0627' && key[key.size() - 2] == U'\u064A')
        for (const LexEntry& e : lex_.Lookup(key.substr(0, key.size() - 1)))
          if (e.kind == LexKind::kNationality && e.ntokens == 1) m = LexMatch{&e, 1, false};
    }
    if (!m.entry) continue;
    const Country& c = lex_.countries[m.entry->index];
    const std::string root = trig.cameo.substr(0, 2);
    const bool force = root == "15" || root == "17" || root == "18" || root == "19" || root == "20";
    EventActor a;
    a.span = c_.SpanOf(k, k + m.ntokens);
    a.actor = StateOf(c.iso3, force ? "MIL" : "GOV");
    return a;
  }
  return std::nullopt;
}

int SentenceReader::AgentAfter(const Sentence& sent, int te) const {
  static const WordSet kOne = MatchFormSet({"برصاص", "بنيران", "بأيدي", "بيد", "بقذائف", "بصواريخ"});
  // «في هجوم شنه مسلحون صوماليون», «في تفجير تبنته القاعدة»: who carried out the attack.
  static const WordSet kDoneBy = MatchFormSet({"شنه", "شنته", "شنها", "شنوه", "نفذه", "نفذته", "نفذها",
                                               "نفذوه", "تبناه", "تبنته", "تبناها", "تبنتها"});
  static const std::u32string kYad = MatchFormOf("يد"), kMin = MatchFormOf("من"), kQibal = MatchFormOf("قبل");
  for (int k = te; k < std::min(sent.end, te + 10); ++k) {
    if (w_.clause_break.count(T(k).Key()) || (T(k).kind == TokKind::kPunct && T(k).form != U"\u060C")) break;
    int n = 0;
    if (kOne.count(T(k).form) || kDoneBy.count(T(k).form)) n = 1;
    else if (k + 1 < sent.end && T(k).Key() == w_.ala && T(k + 1).Key() == kYad) n = 2;
    else if (k + 1 < sent.end && T(k).Key() == kMin && T(k + 1).Key() == kQibal) n = 2;
    if (!n) continue;
    for (int q = k + n; q < std::min(sent.end, k + n + 3); ++q) {
      int e = Ent(q);
      if (IsActor(e)) return e;
    }
    return -1;
  }
  return -1;
}

bool SentenceReader::AppealBefore(int s, int tb, int cb) const {
  // What the appeal is for follows «إلى» or «بـ» («دعت إيكواس دول الساحل الثلاث، مالي
  // والنيجر وبوركينا فاسو، إلى "حوار صريح"»): then the addressees may stand long between.
  static const std::u32string kIla = MatchFormOf("إلى");
  int p = tb - 1;
  while (p > cb && T(p).kind == TokKind::kPunct && IsQuoteChar(T(p).form.empty() ? U' ' : T(p).form[0])) --p;
  const bool for_what = (p >= cb && T(p).Key() == kIla) || (!T(tb).proclitics.empty() && T(tb).proclitics.back() == U'\u0628');
  const int reach = for_what ? 30 : 10;
  for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it) {
    const Event& e = *it;
    if (e.root != "02" && e.root != "10") continue;
    int trig_end = -1;
    for (int k = cb; k < tb; ++k)
      if (T(k).start == e.trigger.start) trig_end = k;
    if (trig_end >= 0 && tb - trig_end <= reach) return true;
  }
  return false;
}

bool SentenceReader::IsImperfect(const std::u32string& w) {
  return w.size() >= 3 && (w[0] == U'\u064A' || w[0] == U'\u062A' || w[0] == U'\u0646') &&
         !(w[0] == U'\u062A' && w.back() == U'\u062A');
}

std::string SentenceReader::Modality(int s, int tb, int te, const Trigger& trig) const {
  const Sentence& sent = c_.sentences[s];
  bool neg = false, fut = T(tb).future, poss = false, rep = false;
  const bool finite = trig.tense == "past" || trig.tense == "present";
  for (int k = std::max(sent.begin, tb - 3); k < tb; ++k) {
    const std::u32string& key = T(k).Key();
    // A verbal noun is negated by a word right before it («عدم التدخل»); further back,
    // the negation is its verb's: «لا نقبل ادعاءات الخرطوم» — the accusations were made.
    if (w_.negation.count(key) && (finite || k == tb - 1)) neg = true;
    // «قد» + imperfect: may; «قد» + past («وقد خلّفت حرب …»): already.
    if (key == w_.qad &&
        (trig.tense == "present" || T(k + 1).future || (k + 1 < tb && IsImperfect(T(k + 1).Key()))))
      poss = true;
    if (key == w_.sawfa || T(k).future || w_.future_words.count(key)) fut = true;
    if (w_.possible.count(key)) poss = true;
  }
  if (trig.tense == "past" && poss) poss = false;  // «قد» + past = «already»
  // «قد يجري الرئيس … محادثات»: قد + an imperfect verb governing a verbal noun.
  if (!poss && trig.tense != "past" && trig.tense != "present") {
    for (int k = tb - 1; k >= std::max(sent.begin, tb - 14); --k) {
      if (w_.clause_break.count(T(k).Key()) ||
          (T(k).kind == TokKind::kPunct && T(k).form != U"\u060C" && T(k).form != U","))
        break;
      if (T(k).Key() == w_.qad && k + 1 < tb && IsImperfect(T(k + 1).Key())) poss = true;
      if (T(k).future || T(k).Key() == w_.sawfa || w_.future_words.count(T(k).Key())) fut = true;
    }
  }
  for (int k = sent.begin; k < tb; ++k)
    if (w_.reported.count(T(k).Key())) rep = true;
  if (neg) return "negated";
  if (poss) return "possible";
  if (fut) return "future";
  if (rep) return "reported";
  return "asserted";
}

namespace {
// «إذا», «لو», «طالما», and «حال/حالة» after «في» («في حال», «في حالة»).
bool ConditionAt(const std::vector<Token>& toks, int k, int begin, const std::u32string& fi) {
  static const WordSet kIf = MatchFormSet({"إذا", "لو", "لئن", "طالما"});
  static const std::u32string kHal = MatchFormOf("حال"), kHala = MatchFormOf("حالة");
  // «في حالة» is a condition before what may happen («في حالة وقوع هجوم»), not before a
  // state («في حالة حرب», «في حالة تأهب»).
  static const WordSet kEventful = MatchFormSet({"أن", "ما", "لم", "عدم", "وقوع", "حدوث", "تعرض", "تعرضت", "قيام",
                                                 "استمرار", "فشل", "رفض", "تم", "شن", "تنفيذ"});
  const std::u32string& key = toks[k].Key();
  if (kIf.count(key)) return true;
  if (k <= begin || toks[k - 1].Key() != fi || !toks[k - 1].proclitics.empty()) return false;
  if (key == kHal) return true;
  return key == kHala && k + 1 < static_cast<int>(toks.size()) && kEventful.count(toks[k + 1].Key());
}
}  // namespace

int SentenceReader::ConditionBefore(int s, int tb) const {
  static const WordSet kThen = MatchFormSet({"فإن", "فإنه", "فإنها", "فسوف"});
  const Sentence& sent = c_.sentences[s];
  for (int k = tb - 1; k >= std::max(sent.begin, tb - 8); --k) {
    if (T(k).kind == TokKind::kPunct || w_.clause_break.count(T(k).Key()) || kThen.count(T(k).Key())) return -1;
    if (ConditionAt(c_.tokens, k, sent.begin, w_.fi)) return k;
  }
  return -1;
}

int SentenceReader::ConditionIn(int s) const {
  const Sentence& sent = c_.sentences[s];
  for (int k = sent.begin; k < sent.end; ++k)
    if (ConditionAt(c_.tokens, k, sent.begin, w_.fi)) return k;
  return -1;
}


const Trigger* SentenceReader::TransferAt(int s, int i, int* object) const {
  // The verb forms, each with what it can move: arms (a), troops (t), the wanted (p).
  struct Form {
    const char* form;
    const char* tense;
    const char* moves;
    const char* targets;
  };
  static const Form kForms[] = {
      {"أرسل", "past", "at", "إلى|ل|في"},       {"أرسلت", "past", "at", "إلى|ل|في"},
      {"أرسلا", "past", "at", "إلى|ل|في"},      {"أرسلوا", "past", "at", "إلى|ل|في"},
      {"يرسل", "present", "at", "إلى|ل|في"},    {"ترسل", "present", "at", "إلى|ل|في"},
      {"يرسلون", "present", "at", "إلى|ل|في"},  {"نرسل", "present", "at", "إلى|ل|في"},
      {"إرسال", "masdar", "at", "إلى|ل|في"},    {"نشر", "past", "t", "إلى|في"},
      {"نشرت", "past", "t", "إلى|في"},          {"نشروا", "past", "t", "إلى|في"},
      {"ينشر", "present", "t", "إلى|في"},       {"تنشر", "present", "t", "إلى|في"},
      {"عزز", "past", "t", "في"},               {"عززت", "past", "t", "في"},
      {"يعزز", "present", "t", "في"},           {"تعزز", "present", "t", "في"},
      {"سلم", "past", "ap", "إلى|ل"},           {"سلمت", "past", "ap", "إلى|ل"},
      {"سلموا", "past", "ap", "إلى|ل"},         {"يسلم", "present", "ap", "إلى|ل"},
      {"تسلم", "present", "ap", "إلى|ل"},       {"تسليم", "masdar", "ap", "إلى|ل"},
      {"زود", "past", "a", "obj|إلى|ل"},        {"زودت", "past", "a", "obj|إلى|ل"},
      {"زودوا", "past", "a", "obj|إلى|ل"},      {"يزود", "present", "a", "obj|إلى|ل"},
      {"تزود", "present", "a", "obj|إلى|ل"},
      {"قدم", "past", "a", "إلى|ل"},            {"قدمت", "past", "a", "إلى|ل"},
      {"يقدم", "present", "a", "إلى|ل"},        {"تقدم", "present", "a", "إلى|ل"},
      {"تقديم", "masdar", "a", "إلى|ل"},        {"منحت", "past", "a", "إلى|ل"},
      {"يمنح", "present", "a", "إلى|ل"},        {"تمنح", "present", "a", "إلى|ل"},
      {"باع", "past", "a", "إلى|ل"},            {"باعت", "past", "a", "إلى|ل"},
      {"باعوا", "past", "a", "إلى|ل"},          {"يبيع", "present", "a", "إلى|ل"},
      {"تبيع", "present", "a", "إلى|ل"},        {"نبيع", "present", "a", "إلى|ل"},
      {"بيع", "masdar", "a", "إلى|ل"},          {"صفقة", "masdar", "a", "إلى|ل|مع"},
      {"شحنة", "masdar", "a", "إلى|ل"},         {"شحنات", "masdar", "a", "إلى|ل"},
      {"إمدادات", "masdar", "a", "إلى|ل"},      {"توريد", "masdar", "a", "إلى|ل"},
  };
  struct Entry {
    Trigger arms, troops, persons;
    bool moves_arms = false, moves_troops = false, moves_persons = false;
  };
  static const std::unordered_map<std::u32string, Entry> kVerbs = [] {
    std::unordered_map<std::u32string, Entry> m;
    for (const Form& f : kForms) {
      Entry e;
      Trigger t;
      t.lemma = f.form;
      t.tense = f.tense;
      t.pos = std::string(f.tense) == "masdar" ? "noun" : "verb";
      t.targets = ParseTargets(f.targets);
      e.arms = e.troops = e.persons = t;
      e.arms.cameo = "072";     // provide military aid (arms, ammunition, systems)
      e.troops.cameo = "154";   // mobilize or increase armed forces
      e.persons.cameo = "063";  // judicial cooperation: extradition of the wanted
      e.moves_arms = std::strchr(f.moves, 'a') != nullptr;
      e.moves_troops = std::strchr(f.moves, 't') != nullptr;
      e.moves_persons = std::strchr(f.moves, 'p') != nullptr;
      m.emplace(MatchFormOf(f.form), e);
    }
    return m;
  }();
  static const WordSet kArms = MatchFormSet(
      {"أسلحة", "الأسلحة", "سلاح", "السلاح", "ذخائر", "الذخائر", "ذخيرة", "الذخيرة", "صواريخ", "الصواريخ",
       "دبابات", "الدبابات", "مقاتلات", "المقاتلات", "منظومات", "المنظومات", "منظومة", "عتاد", "العتاد",
       "قذائف", "القذائف", "مدرعات", "المدرعات", "مدافع", "المدافع", "راجمات", "بطاريات", "أنظمة"});
  static const WordSet kTroops = MatchFormSet({"جندي", "جنديا", "جنود", "الجنود", "قوات", "القوات", "تعزيزات",
                                               "التعزيزات", "عسكري", "عسكريا", "عسكريين", "قطعات", "وحدات",
                                               "مقاتل", "مقاتلا", "مقاتلين", "كتائب", "كتيبة", "لواءين"});
  // What may stand between: the subject, a time, a count, «دفعة جديدة من».
  static const WordSet kBetween = MatchFormSet(
      {"من", "اثنين", "اثنان", "جديدة", "جديد", "إضافية", "إضافي", "إضافيين", "دفعة", "دفعات", "شحنة", "شحنات", "حزمة", "كمية",
       "كميات", "المزيد", "عدد", "عددا", "آلاف", "ألف", "ألفي", "مئات", "عشرات", "أخرى", "مزيدا", "نحو", "حوالي",
       "قرابة", "أكثر", "متطورة", "حديثة", "ثقيلة", "فتاكة", "هجومية", "دفاعية"});
  // Most words are none of these: look at the last letter and length before hashing.
  static const WordShapes kShape = [] {
    WordShapes t;
    for (const auto& [w, e] : kVerbs) t.Add(w);
    return t;
  }();
  const Sentence& sent = c_.sentences[s];
  const std::u32string& vkey = T(i).Key();
  if (!kShape.Maybe(vkey)) return nullptr;
  if (T(i).kind != TokKind::kArabic || (T(i).proclitics.find(U'\u0644') != std::u32string::npos)) return nullptr;
  auto it = kVerbs.find(vkey);
  if (it == kVerbs.end()) return nullptr;
  for (int k = i + 1; k < std::min(sent.end, i + 9); ++k) {
    if (T(k).kind == TokKind::kPunct || w_.clause_break.count(T(k).Key())) return nullptr;
    const std::u32string& key = T(k).Key();
    if (it->second.moves_arms && kArms.count(key) && !T(k).enclitic) {
      *object = k;
      return &it->second.arms;
    }
    if (it->second.moves_troops && kTroops.count(key) && (!T(k).enclitic || k > i + 1)) {
      *object = k;
      return &it->second.troops;
    }
    // «سلّمت تركيا إلى العراق اثنين من المطلوبين»: the wanted, handed over, are extradited.
    static const WordSet kWanted = MatchFormSet({"المطلوبين", "مطلوبين", "مطلوبا", "المتهمين", "متهمين",
                                                 "المشتبه", "مشتبها", "الفارين", "فارين", "المدانين"});
    if (it->second.moves_persons && kWanted.count(key)) {
      *object = k;
      return &it->second.persons;
    }
    // The one it goes to may come first: «إلى العراق».
    static const WordSet kTo = MatchFormSet({"إلى", "الى"});
    if (kTo.count(key) && T(k).proclitics.empty() && k + 1 < sent.end && IsActor(Ent(k + 1))) continue;
    const int e = Ent(k);
    // («بيع إيران أنظمة», «تقديم الجانب الأميركي أسلحة»: whether the actor after a verbal
    // noun gives or receives, its case does not show.)
    if (IsActor(e) && it->second.arms.tense == "masdar") return nullptr;
    if ((e >= 0 && c_.mentions[e].hb <= k) || c_.token_time[k] >= 0 || T(k).kind == TokKind::kNumber ||
        kBetween.count(key))
      continue;
    // A count in words: «أربعة آلاف جندي».
    bool counted = false;
    for (const NumberExpr& n : out_.numbers) counted |= n.span.start <= T(k).start && T(k).end <= n.span.end;
    if (!counted) return nullptr;
  }
  return nullptr;
}

bool SentenceReader::PurposeBefore(int tb) const {
  static const WordSet kFor = MatchFormSet({"بهدف", "بغية", "لأجل", "بقصد", "سعيا", "سعياً"});
  static const std::u32string kAjl = MatchFormOf("أجل"), kMin = MatchFormOf("من");
  const Token& t = T(tb);
  if (!t.proclitics.empty() && t.proclitics.back() == U'\u0644') return true;  // «لبحث», «للتوصل»
  if (tb >= 1 && kFor.count(T(tb - 1).Key())) return true;
  if (tb >= 2 && T(tb - 1).Key() == kAjl && T(tb - 2).Key() == kMin) return true;  // «من أجل»
  // «بحث معه سبل دعم الاستقرار», «ناقشا آفاق تعزيز التعاون»: the ways to an act discussed.
  static const WordSet kWays = MatchFormSet({"سبل", "سبيل", "آليات", "إمكانية", "إمكانيات", "كيفية", "طرق",
                                             "آفاق", "فرص", "ضرورة", "أهمية"});
  if (tb >= 1 && kWays.count(T(tb - 1).Key())) return true;
  // («ضرورة التوصل إلى تهدئة»: through «التوصل إلى».)
  static const WordSet kReach = MatchFormSet({"إلى", "التوصل", "الوصول", "للتوصل"});
  for (int p = tb - 1, n = 0; p >= 0 && n < 3 && kReach.count(T(p).Key()); --p, ++n)
    if (p >= 1 && kWays.count(T(p - 1).Key())) return true;
  // «سيزور طهران لإجراء محادثات»: a light verbal noun of purpose before the noun.
  static const WordSet kLight = MatchFormSet({"إجراء", "عقد", "تنظيم", "إطلاق", "توقيع", "مواصلة", "استئناف"});
  if (tb >= 1 && !T(tb - 1).proclitics.empty() && T(tb - 1).proclitics.back() == U'\u0644' &&
      kLight.count(T(tb - 1).Key()))
    return true;
  // «سعياً إلى», «سعيا للتوصل»
  return tb >= 2 && kFor.count(T(tb - 2).Key()) && T(tb - 1).kind != TokKind::kPunct && T(tb - 1).Key().size() <= 3;
}

bool SentenceReader::MassKilling(int s, int te, const Trigger& trig) const {
  static const std::set<std::string> kKill = {"قتل", "مقتل", "أعدم", "إعدام", "ذبح", "أباد", "إبادة"};
  if (!kKill.count(trig.lemma)) return false;
  static const WordSet kMany = MatchFormSet({"مئات", "المئات", "آلاف", "الآلاف", "ألوف"});
  // (A toll since a date, «قتل أكثر من 6500 شخص منذ اندلاع الصراع», counts many
  // events, not one.)
  static const std::u32string kSince = MatchFormOf("منذ");
  const int ce = ClauseEnd(s, te);
  for (int k = te; k < ce; ++k)
    if (T(k).Key() == kSince) return false;
  // The first count after the verb and its subject is the killed: «مقتل 27 شخصاً وإصابة
  // نحو 100» killed 27.
  const int end = std::min(c_.sentences[s].end, te + 7);
  for (int k = te; k < end; ++k) {
    if (kMany.count(T(k).Key())) return true;
    for (const NumberExpr& n : out_.numbers)
      if (n.span.start >= T(k).start && n.span.start < T(k).end)
        return n.value >= 100 && (n.unit.empty() || n.unit == "person" || n.unit == "civilian" || n.unit == "dead");
    // (The subject and its adjectives may stand between: «قتلت القوات الحكومية 143 شخصاً».)
    if (T(k).kind == TokKind::kPunct) break;
  }
  return false;
}

const WordSet& SentenceReader::KForceWords() {
  static const WordSet k = MatchFormSet(
      {"قوة", "قوات", "القوات", "طائرات", "الطائرات", "طائرة", "مقاتلات", "آليات", "آلية", "دبابات", "الدبابات",
       "جنود", "الجنود", "وحدات", "دوريات", "دورية", "زوارق", "سفن", "بوارج", "المستوطنين", "مستوطنين",
       "المدفعية", "الطيران", "البحرية", "الجيش", "جيش", "ميليشيات", "الميليشيات"});
  return k;
}

std::vector<int> SentenceReader::CoordinatedChain(int e, int other) const {
  std::vector<int> chain;
  for (int f = CoordinatedAfter(e, other); f >= 0 && chain.size() < 8; f = CoordinatedAfter(f, other)) {
    bool seen = false;
    for (int x : chain)
      seen |= out_.entities[x].actor && out_.entities[f].actor &&
              out_.entities[x].actor->country == out_.entities[f].actor->country;
    if (seen || (out_.entities[e].actor && out_.entities[f].actor &&
                 out_.entities[e].actor->country == out_.entities[f].actor->country))
      break;
    chain.push_back(f);
  }
  return chain;
}

bool SentenceReader::InChain(const std::vector<int>& chain, int e) {
  return std::find(chain.begin(), chain.end(), e) != chain.end();
}

std::optional<std::pair<EventActor, EventActor>> SentenceReader::PairAfter(int s, const std::string& own, int tb, int te) const {
  // (The accusative and genitive only: «البلدان», «الجانبان» are subjects.) Two states
  // are two countries; two sides («طرفي النزاع» in Sudan) may be of one.
  static const WordSet kPair = MatchFormSet({"البلدين", "الدولتين"});
  static const WordSet kSides = MatchFormSet({"الجانبين", "الطرفين", "طرفي"});
  const Sentence& sent = c_.sentences[s];
  int k = te;
  if (k < sent.end && (T(k).form == U"\u060C" || T(k).form == U",")) {  // «، الحليف الوثيق لباكستان،»
    int q = k + 1;
    while (q < std::min(sent.end, k + 8) && T(q).form != U"\u060C" && T(q).form != U",") ++q;
    k = q + 1;
  }
  if (k >= sent.end || !T(k).proclitics.empty()) return std::nullopt;
  const bool states_only = kPair.count(T(k).Key()) > 0;
  if (!states_only && !kSides.count(T(k).Key())) return std::nullopt;
  return LastPair(own, tb, k, states_only);
}

std::optional<std::pair<EventActor, EventActor>> SentenceReader::PairSubject(int s, int tb, int te) const {
  // The nominative duals: «واتفق البلدان», «يلتقي الوزيران مجدداً», «الجانبان سيجتمعان».
  static const WordSet kPair = MatchFormSet({"البلدان", "الدولتان"});
  static const WordSet kSides = MatchFormSet({"الجانبان", "الطرفان", "الوفدان"});
  // (Two office-holders are the last two persons named: «الوزيران».)
  static const WordSet kPersons = MatchFormSet({"الوزيران", "الرئيسان", "الزعيمان", "المسؤولان", "الرجلان"});
  const Sentence& sent = c_.sentences[s];
  for (int k : {te, tb - 1}) {
    if (k < sent.begin || k >= sent.end || !T(k).proclitics.empty()) continue;
    const bool states_only = kPair.count(T(k).Key()) > 0, persons = kPersons.count(T(k).Key()) > 0;
    // (Of the office the dual names: «الوزيران» are ministers, «الرئيسان» presidents.)
    static const std::u32string kMinisters = MatchFormOf("الوزيران"), kPresidents = MatchFormOf("الرئيسان");
    const char* office = T(k).Key() == kMinisters ? "minister" : T(k).Key() == kPresidents ? "president" : "";
    if (states_only || persons || kSides.count(T(k).Key())) return LastPair("", tb, k, states_only, persons, office);
  }
  return std::nullopt;
}

// The two states (or sides) the text named last before token tb, other than `own`, as
// actors whose text is token k.
std::optional<std::pair<EventActor, EventActor>> SentenceReader::LastPair(const std::string& own, int tb, int k,
                                                                          bool states_only, bool persons,
                                                                          const char* office) const {
  // The two sides of the last event told with both, when neither is `own`: «التقى وزير
  // الخارجية الأرميني نظيره الأذربيجاني … وعرضت روسيا … واتفق البلدان» — not Russia.
  if (!persons) {
    const int s = c_.SentenceOf(tb);
    for (auto it = out_.events.rbegin(); it != out_.events.rend(); ++it) {
      if (it->sentence < s - 3) break;
      if (it->trigger.start >= T(tb).start || !it->source || !it->target) continue;
      const std::string& a = it->source->actor.country;
      const std::string& b = it->target->actor.country;
      if (a.empty() || b.empty() || a == b || a == own || b == own || a == "IGO" || b == "IGO" || a == "NGO" ||
          b == "NGO")
        continue;
      return std::make_pair(EventActor{c_.SpanOf(k, k + 1), "", StateOf(a, "GOV")},
                            EventActor{c_.SpanOf(k, k + 1), "", StateOf(b, "GOV")});
    }
  }
  std::vector<std::tuple<int, std::string, std::string>> named;  // (token, code, state), latest first
  for (size_t m = 0; m < c_.mentions.size(); ++m) {
    const Entity& en = out_.entities[m];
    if (c_.mentions[m].hb >= tb || !en.actor || en.actor->country.empty() || en.actor->country == own ||
        en.actor->country == "IGO" || en.actor->country == "NGO")
      continue;
    // (A city is where things happen, not a side: «التقيا في جنيف».)
    if (en.geo || en.type == "LOC" || en.type == "FAC" || (persons && en.type != "PER")) continue;
    if (persons && *office && en.role.find(office) == std::string::npos) continue;
    named.emplace_back(c_.mentions[m].hb, states_only ? en.actor->country : en.actor->code, en.actor->country);
  }
  std::sort(named.begin(), named.end(), [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::vector<std::string> keys, states;
  for (const auto& [tok, key, c] : named)
    if (keys.size() < 2 && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key), states.push_back(c);
  if (keys.size() < 2) return std::nullopt;
  std::pair<EventActor, EventActor> pair{EventActor{c_.SpanOf(k, k + 1), "", StateOf(states[1], "GOV")},
                                         EventActor{c_.SpanOf(k, k + 1), "", StateOf(states[0], "GOV")}};
  return pair;  // (two sides of one state give one target after the copies' dedup)
}

int SentenceReader::CoordinatedAfter(int e, int other) const {
  int m = c_.mentions[e].te;
  if (m >= static_cast<int>(c_.tokens.size()) || c_.SentenceOf(m) != c_.mentions[e].sentence) return -1;
  const std::u32string& pro = T(m).proclitics;
  int f = Ent(m);
  if (pro.empty() || pro[0] != U'\u0648' || pro.size() > 1 || !IsActor(f) || c_.mentions[f].hb != m) return -1;
  auto country = [&](int x) { return out_.entities[x].actor ? out_.entities[x].actor->country : std::string(); };
  if (country(f).empty() || country(f) == country(e) || (other >= 0 && country(f) == country(other))) return -1;
  return f;
}

void SentenceReader::DomesticTarget(int s, int te, Event* ev) const {
  if (ev->target || !ev->source) return;
  const std::string& home = ev->source->actor.country;
  if (home.empty() || home == "IGO" || home == "NGO") return;
  if (ev->root != "14" && ev->root != "17" && ev->root != "18" && ev->root != "19" && ev->root != "20") return;
  // (One told already in the sentence by the same actor is this one, its instrument or
  // its outcome: «قصفت خاركيف بالصواريخ».)
  for (auto it = out_.events.rbegin(); it != out_.events.rend() && it->sentence == s; ++it)
    if (it->root == ev->root && it->source && it->source->actor.country == home) return;
  const std::string& sector = ev->source->actor.sector;
  const bool state = sector == "GOV" || sector == "MIL" || sector == "COP" || sector == "JUD" || sector == "SPY";
  std::string aimed = ev->root == "14" && !state ? "GOV" : (state && ev->root == "17" ? "CVL" : "");
  const Sentence& sent = c_.sentences[s];
  int place = -1;
  // (The place: after «في», «قرب» or «على» in the clause, a town or region of a state,
  // past the words that locate it: «في شمال ولاية راخين».)
  static const WordSet kAt = MatchFormSet({"في", "قرب", "على", "داخل", "بمحافظة", "بولاية", "بمدينة"});
  static const WordSet kPart = MatchFormSet({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
                                             "غربي", "ولاية", "إقليم", "محافظة", "مدينة", "بلدة", "قرية",
                                             "منطقة", "قرى", "مناطق", "ريف", "أطراف", "مخيم"});
  for (int k = te; k + 1 < std::min(sent.end, te + 16) && place < 0; ++k) {
    if (T(k).kind == TokKind::kPunct && T(k).form != U"\u060C" && T(k).form != U",") break;
    if (!kAt.count(T(k).Key()) && !kAt.count(T(k).form)) continue;
    int q = k + 1;
    while (q < std::min(sent.end, k + 4) && Ent(q) < 0 && kPart.count(T(q).Key())) ++q;
    int e = q < sent.end ? Ent(q) : -1;
    if (e >= 0 && out_.entities[e].actor && !out_.entities[e].actor->country.empty() &&
        (out_.entities[e].type == "GPE" || out_.entities[e].type == "LOC" || out_.entities[e].type == "FAC"))
      place = e;
  }
  // (A state's arms with no place named — strikes, missiles, «استهدفت» — are as often
  // aimed abroad as at home: no guess. Its police act at home.)
  const bool force = ev->root == "18" || ev->root == "19" || ev->root == "20";
  if (place < 0 && force && state && sector != "COP") return;
  if (place < 0 && DatelineCountry() == home) place = c_.dateline_entity;
  if (place >= 0) {
    EventActor a = ActorOf(place);
    a.actor = StateOf(a.actor.country, aimed);
    if (a.actor.country == "IGO" || a.actor.country == "NGO") return;
    ev->target = a;
  } else {
    ev->target = EventActor{ev->source->span, "", StateOf(home, aimed)};
  }
  if (ev->target->actor.code == ev->source->actor.code) ev->target->actor.code = ev->target->actor.country;
}

// The event's date is the time expression of its own clause (bounded by «أنّ», «الذي»,
// a colon or a quote mark), the nearest one; a time that opens the sentence before
// the trigger scopes over it too, except for statements (what they report has its own
// times). Else the publication date, but not for future or possible events.
void SentenceReader::Date(int s, int tb, Event* ev) const {
  const Sentence& sent = c_.sentences[s];
  const auto [cl_start, cl_end] = DatingClause(s, tb, tb + 1);
  static const WordSet kBound = MatchFormSet({"منذ", "حتى", "لغاية", "غاية"});
  auto pick = [&](int a, int b) {
    int best = -1, bestd = 1 << 30;
    for (int k = a; k < b; ++k) {
      int ti = c_.token_time[k];
      if (ti < 0 || !IsAsciiDigit(out_.times[ti].value[0])) continue;  // not XXXX-…, PAST_REF
      // «منذ عام 2019», «حتى عام 2030»: the start or end of a span the event falls in.
      int f = k;
      while (f > sent.begin && c_.token_time[f - 1] == ti) --f;
      if (kBound.count(T(f).Key()) || (f > sent.begin && kBound.count(T(f - 1).Key()))) continue;
      const TimeExpr& te = out_.times[ti];
      // Dates, ranges and clock times date an event (a clock time by its day).
      if (te.type != "DATE" && te.type != "TIME") continue;
      if (ev->root == "01" && te.grain != "day" && te.type != "TIME") continue;  // statements: by day
      int d = std::abs(k - tb) + (k < tb ? 2 : 0);
      if (d < bestd) { bestd = d; best = ti; }
    }
    return best;
  };
  int best = pick(cl_start, cl_end);
  if (best < 0 && ev->root != "01") best = pick(sent.begin, tb);
  if (best >= 0) {
    const TimeExpr& t = out_.times[best];
    std::string v = t.type == "TIME" ? t.value.substr(0, t.value.find('T')) : t.value;
    ev->date = EventDate{v, t.span.text, "text"};
  } else if (auto d = DuringDate(s, tb)) {
    ev->date = d;
  } else if (!c_.pubdate.empty() && ev->modality != "future" && ev->modality != "possible") {
    ev->date = EventDate{c_.pubdate, std::nullopt, "published"};
  }
}


// «وخلال الزيارة دعا …», «على هامش القمة»: an event timed by one told before takes its
// date from the text that dated that one.
std::optional<EventDate> SentenceReader::DuringDate(int s, int tb) const {
  static const WordSet kDuring = MatchFormSet({"خلال", "أثناء", "هامش", "ختام", "عقب", "إثر"});
  const Sentence& sent = c_.sentences[s];
  for (int k = sent.begin; k + 1 < tb; ++k) {
    if (!kDuring.count(T(k).Key()) || T(k).enclitic) continue;
    LexMatch m = MatchAt(lex_, c_.tokens, k + 1, tb,
                         [](const LexEntry& e) { return e.kind == LexKind::kTrigger; }, true);
    if (!m.entry) continue;
    const std::string& cameo = lex_.triggers[m.entry->index].cameo;
    for (auto it = out_.events.rbegin(); it != out_.events.rend(); ++it)
      if (it->cameo.compare(0, 2, cameo, 0, 2) == 0 && it->sentence <= s) {
        if (it->date && it->date->from == "text") return it->date;
        break;
      }
  }
  return std::nullopt;
}

}  // namespace hadath
