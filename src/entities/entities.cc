#include "src/entities/entities.h"

#include <unordered_map>
#include <unordered_set>

#include "src/entities/translit.h"
#include "src/lexicon/matcher.h"
#include "src/normalize/normalizer.h"
#include "src/segment/segmenter.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {


const std::unordered_set<std::u32string>& FunctionWords() {
  static const auto* s = [] {
    auto* set = new std::unordered_set<std::u32string>;
    for (const char* w :
         {"في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "أنها", "الذي", "التي",
          "الذين", "قد", "لا", "لم", "لن", "هذا", "هذه", "ذلك", "تلك", "كما", "حيث", "بعد", "قبل",
          "خلال", "حول", "عبر", "ضد", "بين", "منذ", "عند", "أو", "ثم", "كل", "بعض", "غير", "أي",
          "هو", "هي", "هم", "نحن", "كان", "كانت", "اليوم", "أمس", "غدا", "لدى", "لكن", "إذ", "إذا",
          "حتى", "أيضا", "فقط", "جدا", "ما", "ماذا", "كيف", "متى", "أين", "لماذا", "وقال", "قال",
          "أعلن", "أكد", "أشار", "أضاف", "يوم", "عام", "نظيره", "نظيرته", "الرئيس", "رئيس",
          // prepositions with a pronoun, name words that are no name alone, numbers
          "منه", "منها", "منهم", "له", "لها", "لهم", "عليه", "عليها", "عليهم", "إليه", "إليها", "عنه",
          "عنها", "فيه", "فيها", "به", "بها", "معه", "معها", "لديه", "أمره", "ابن", "بن", "بنت", "أبو",
          "أبي", "الله", "عشر", "إلا", "ولكن", "لأن", "لان", "لانه", "لأنه", "لأنها", "لانها", "عشرة", "كثير", "قليل", "وحده", "نفسه", "نفسها", "ذاته", "أيدي", "رسول",
          // «المتحدث باسم», «صاحب السمو»: far more often these than the names Bassem, Saheb
          "باسم", "صاحب",
          // more prepositions, pronouns and quantifiers; nouns far more often than names
          "أمام", "خلف", "فوق", "تحت", "وراء", "دون", "سوى", "نحو", "ضمن", "إثر", "عقب", "جراء", "أنا",
          "أنت", "أنتم", "هما", "عدة", "ملك", "دين"})
      set->insert(MatchFormOf(w));
    return set;
  }();
  return *s;
}


class EntityFinder {
 public:
  EntityFinder(DocContext* c, Analysis* out) : c_(*c), out_(*out), lex_(*c->lex) {}

  void Run() {
    c_.token_entity.assign(c_.tokens.size(), -1);
    for (size_t s = 0; s < c_.sentences.size(); ++s) {
      const Sentence& sent = c_.sentences[s];
      int i = sent.begin;
      while (i < sent.end) {
        int j = Try(i, sent.end, static_cast<int>(s));
        i = j > i ? j : i + 1;
      }
    }
    ResolveGenericCountries();
    c_.dateline_entity = DatelinePlace();
    ResolveStateBodies();
  }

 private:
  int Try(int i, int end, int sent) {
    if (c_.tokens[i].kind != TokKind::kArabic) return i;
    if (int j = Counterpart(i, end, sent)) return j;
    // Candidates: role apposition, institution + nationality, a plain lexicon entity.
    static const LexPredicate kWants[] = {
        [](const LexEntry& e) { return e.kind == LexKind::kRole; },
        [](const LexEntry& e) { return e.kind == LexKind::kInstitution; },
        [](const LexEntry& e) {
          switch (e.kind) {
            case LexKind::kCountry: case LexKind::kCapital: case LexKind::kPerson: case LexKind::kCity:
            case LexKind::kRegion: case LexKind::kPeople:
              return true;
            case LexKind::kOrg:
              return e.form == kOrgFull;
            case LexKind::kPersonShort:
              return e.form == 0;
            default:
              return false;
          }
        }};
    LexMatch found[3];
    MatchAtEach(lex_, c_.tokens, i, end, kWants, found, 3);
    const LexMatch role = found[0], inst = found[1];
    LexMatch ent = found[2];
    // A learned name (full or surname) from an earlier apposition or an earlier
    // unknown person («خالد العمري» … «العمري»).
    int learned_n = 0, learned_ent = -1;
    if (auto it = surnames_.find(c_.tokens[i].Key()); it != surnames_.end()) {
      learned_n = 1;
      learned_ent = it->second;
    }
    if (learned_first_.count(c_.tokens[i].Key())) {
      for (const auto& [key, idx] : learned_) {
        int n = MatchLearned(key, i, end);
        if (n > learned_n) {
          learned_n = n;
          learned_ent = idx;
        }
      }
    }
    int ent_n = ent.entry ? ent.ntokens : 0;
    if (int j = OrgAlias(i, end, sent, ent_n)) return j;
    // A family name shared by several persons of the lexicon is the one this document
    // named in full («كوندوليزا رايس» … «رايس», not Susan Rice).
    if (learned_n == 1 && ent_n == 1 && ent.entry->kind == LexKind::kPersonShort) ent_n = 0;
    if (role.entry && role.ntokens >= ent_n && role.ntokens >= (inst.entry ? inst.ntokens : 0)) {
      if (int j = RoleApposition(i, end, sent, role)) return j;
    }
    if (inst.entry && inst.ntokens >= ent_n) {
      if (int j = InstitutionWithCountry(i, end, sent, inst)) return j;
    }
    if (!ent.entry || (inst.entry && inst.ntokens > ent_n)) {
      if (int j = GenericActor(i, end, sent, inst.entry && inst.ntokens >= ent_n ? inst : LexMatch{})) return j;
    }
    if (learned_n > ent_n) {
      Entity e = out_.entities[learned_ent];
      int idx = AddEntity(i, i + learned_n, sent, e.type, e.canonical, e.actor, e.role, FirstOf(learned_ent),
                          c_.mentions[learned_ent].person, e.learned);
      out_.entities[idx].transliterated = e.transliterated;
      return i + learned_n;
    }
    if (ent.entry) return AddLexEntity(i, sent, ent);
    // A family name that is also a word («رايس», «أنان»): when the person was named in
    // full before, or with a cue («استبعدت رايس», «عن أنان قوله»).
    LexMatch ws = MatchAt(lex_, c_.tokens, i, end, [](const LexEntry& e) {
      return e.kind == LexKind::kPersonShort && e.form == 1;
    });
    if (ws.entry && (FirstPerson(ws.entry->index) >= 0 || SpeechAfter(i + ws.ntokens, end) ||
                     PersonCueBefore(i, sent, false) != kNoCue))
      return AddLexEntity(i, sent, ws);
    if (int j = PeopleByNationality(i, end, sent)) return j;
    if (int j = UnknownPerson(i, end, sent)) return j;
    return i;
  }

  // A plural nationality standing for its people, not describing a noun before it:
  // «مساعدات للفلسطينيين», «مقتل ثلاثة فلسطينيين», «آلاف السوريين» — after «ل»/«ب», a
  // number or a word of quantity («المسؤولين الفلسطينيين» is officials, not people).
  int PeopleByNationality(int i, int end, int sent) {
    static const WordSet kQuantity = MatchFormSet(
        {"عشرات", "مئات", "آلاف", "ملايين", "مئات آلاف", "عشرات آلاف", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة",
         "ثمانية", "تسعة", "عشرة", "اثنين", "اثنان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
         "عشرين", "عشرون", "مئة", "مائة", "ألف", "عدد", "بعض", "جميع", "كل", "آلاف من", "من"});
    LexMatch m = MatchAt(lex_, c_.tokens, i, end,
                         [](const LexEntry& e) { return e.kind == LexKind::kNationality && e.form == 2; });
    if (!m.entry || m.ntokens != 1) return 0;
    const Token& t = c_.tokens[i];
    const std::u32string& k = t.Key();
    bool plural = k.size() > 4 && k[k.size() - 2] != U'\u0627' &&  // «…ان» is a dual
                  (k.back() == U'\u0646') && (k[k.size() - 2] == U'\u064A' || k[k.size() - 2] == U'\u0648');
    if (!plural) return 0;
    bool standalone = t.proclitics == U"\u0644" || t.proclitics == U"\u0628";
    if (!standalone && i > c_.sentences[sent].begin) {
      const Token& prev = c_.tokens[i - 1];
      standalone = prev.kind == TokKind::kNumber || (prev.proclitics.empty() && kQuantity.count(prev.Key()) > 0);
    }
    if (!standalone) return 0;
    const Country& c = lex_.countries[m.entry->index];
    AddEntity(i, i + 1, sent, "NORP", c.name_en, ActorCode{c.iso3, c.iso3, ""}, "", -1, -1);
    return i + 1;
  }

  // A token that can be part of a person's name it does not know: no clitic, not a
  // function word, not a word of another lexicon kind (role, trigger, month …); with ال
  // only a nisba-like family name that is not an ordinary word («العمري»).
  bool NameLikeLoose(int k, bool any_al = false) const {
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic || !t.proclitics.empty() || t.enclitic || t.form.size() < 2) return false;
    if (FunctionWords().count(t.Key())) return false;
    if (Lexicon::EntryList v = lex_.Lookup(t.form)) {
      for (const LexEntry& e : v)
        if (e.kind != LexKind::kGivenName && e.kind != LexKind::kNameParticle && e.kind != LexKind::kPerson &&
            e.kind != LexKind::kPersonShort && e.kind != LexKind::kCity)
          return false;
    }
    if (StartsWithAl(t.form)) {
      // Family names with the article are nisba-like («العمري», «المصري»).
      // After a sure start of a name, any such word («حسين الفردان», «محمد القباج»).
      std::u32string rest = t.form.substr(2);
      if (rest.size() < 3) return false;
      // A plural is no family name («حمدان الإجراءات»).
      auto ends = [&](const char32_t* suf) {
        std::u32string x(suf);
        return rest.size() > x.size() + 2 && rest.compare(rest.size() - x.size(), x.size(), x) == 0;
      };
      if (ends(U"\u0627\u062A") || ends(U"\u0648\u0646") || ends(U"\u064A\u0646")) return false;
      if (any_al) return true;
      // «الأعلى» folds to «الاعلي»: the ى of the text is no nisba.
      return rest.back() == U'\u064A' && LastLetter(t) == U'\u064A';
    }
    return true;
  }

  // Not an ordinary word of the dictionaries (names of our lexicons do not count).
  bool NotDictionaryWord(int k) const {
    const Token& t = c_.tokens[k];
    const std::u32string& w = t.Key();
    if (lex_.IsPersonNameWord(w)) return true;
    // Inflected forms count as words too («هجوما», «عنيفا»).
    return !Segmenter(lex_).KnownInflected(SegFormOf(c_.norm, t.mstart, t.mend));
  }

  bool IsGivenAt(int k, int end, int* n, bool* weak, bool conj = false) const {
    const Token& t = c_.tokens[k];
    if (FunctionWords().count(t.Key())) return false;  // «آن» (Anne) folds to «أن»
    LexMatch m = MatchAt(lex_, c_.tokens, k, end, [](const LexEntry& e) { return e.kind == LexKind::kGivenName; });
    // After a conjunction only («ومحمد عبدالواحد»): «بسام» is no «ب» + «سام».
    if (!m.entry || (m.via_key && (!conj || t.proclitics != U"\u0648"))) return false;
    // «على» (on) folds to «علي» (Ali): a final ى in the text is no ي of a name.
    if (LastLetter(t) == U'\u0649') return false;
    *n = m.ntokens;
    // Short names («هو», «لي») and function words are weak: they need another cue.
    *weak = lex_.given_names[m.entry->index].weak || (m.ntokens == 1 && t.form.size() <= 2) ||
            FunctionWords().count(t.Key()) > 0;
    // A weak name voweled with a shadda is the word written out: «قد تشنّ إسرائيل» launches.
    if (*weak && m.ntokens == 1)
      for (int q = t.start; q < t.end; ++q)
        if (c_.norm.original[q] == U'\u0651') return false;
    return true;
  }

  // «علي» written with a final ي, which the folding shares with «على» (on). Many texts
  // write «على» so too: alone it is no name.
  bool AliAt(int k) const {
    static const std::u32string kAli = MatchForm(U"علي");
    const Token& t = c_.tokens[k];
    return t.Key() == kAli && t.proclitics.empty() && LastLetter(t) == U'\u064A';
  }

  // The token's last letter as the text writes it (ى and ي are one after folding).
  char32_t LastLetter(const Token& t) const {
    int last = t.end - 1;
    while (last > t.start && IsIgnorable(c_.norm.original[last])) --last;
    return c_.norm.original[last];
  }

  // «أبو/أبي/أبا» (father of) before a name: a kunya, the start of a person's name
  // («أبو عبد الله», «أبي طالب»). Returns the tokens of the kunya and its name word.
  int KunyaAt(int k, int end) const {
    static const std::unordered_set<std::u32string> kAbu = {MatchForm(U"أبو"), MatchForm(U"أبي"),
                                                             MatchForm(U"أبا")};
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic || t.enclitic || !kAbu.count(t.Key()) || k + 1 >= end) return 0;
    if (!t.proclitics.empty() && t.proclitics != U"\u0648" && t.proclitics != U"\u0644" &&
        t.proclitics != U"\u0628" && t.proclitics != U"\u0641")
      return 0;
    int n = 0;
    bool w = false;
    if (IsGivenAt(k + 1, end, &n, &w) && c_.tokens[k + 1].form.size() > 2) return 1 + n;
    if (NameLikeLoose(k + 1, true) && (StartsWithAl(c_.tokens[k + 1].form) || NotDictionaryWord(k + 1)))
      return 2;
    return 0;
  }

  // A regnal number after a name: «تشارلز الأول», «ألفونسو الثالث عشر».
  int RegnalAt(int k, int end) const {
    static const std::unordered_set<std::u32string> kOrdinals = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                            "التاسع", "العاشر", "الحادي"})
        s.insert(MatchFormOf(w));
      return s;
    }();
    static const std::u32string kAshar = MatchForm(U"عشر");
    if (k >= end || c_.tokens[k].kind != TokKind::kArabic || !c_.tokens[k].proclitics.empty() ||
        !kOrdinals.count(c_.tokens[k].Key()))
      return 0;
    return (k + 1 < end && c_.tokens[k + 1].Key() == kAshar) ? 2 : 1;
  }

  // Persons the lexicon does not know: a given name (or a title, or a kunya) followed by
  // up to three name words and particles: «خالد العمري», «السيد أحمد بن علي», «مايكل براون»,
  // «أبو جميل زيان», «تشارلز الأول».
  int UnknownPerson(int i, int end, int sent) {
    int gn = 0;
    bool weak = false, given = IsGivenAt(i, end, &gn, &weak, /*conj=*/true);
    int kunya = given ? 0 : KunyaAt(i, end);
    Cue cue = kNoCue;
    bool cue_known = false;
    auto cue_before = [&] {
      if (!cue_known) cue = PersonCueBefore(i, sent, given), cue_known = true;
      return cue;
    };
    // After a cue, a name the dictionaries do not know («قال غادان», «المهاجم ليتمانن»).
    // (The cheap tests first: this runs at most tokens.)
    if (!given && !kunya) {
      if (!NameLikeLoose(i) || !NotDictionaryWord(i) || cue_before() == kNoCue) return 0;
    }
    // A given name that is also a word («حسين», «أمل») starts a name after a title
    // («السيد حسين الفردان») or with a surname after it.
    bool strong = (given && !weak) || kunya > 0;
    if (given && weak && c_.tokens[i].form.size() > 2 && cue_before() == kTitleCue) strong = true;
    int k = kunya ? i + kunya : given ? i + gn : i + 1, added = kunya ? 1 : 0;
    bool after_given = kunya > 0 || given;  // the last word read is a given name
    while (k < end && added < 3) {
      int n2 = 0;
      bool w2 = false;
      LexMatch pm = MatchAt(lex_, c_.tokens, k, end, [](const LexEntry& e) { return e.kind == LexKind::kNameParticle; });
      if (pm.entry && !pm.via_key && k + pm.ntokens < end) {
        int q = k + pm.ntokens;
        if (int kn = KunyaAt(q, end)) {  // «علي بن أبي طالب»
          k = q + kn;
          ++added;
          after_given = true;
          continue;
        }
        if (IsGivenAt(q, end, &n2, &w2) || NameLikeLoose(q)) {
          after_given = n2 > 0;
          k = q + (n2 ? n2 : 1);
          ++added;
          continue;
        }
      }
      if (IsGivenAt(k, end, &n2, &w2) && (!w2 || NotDictionaryWord(k))) {
        k += n2;
        ++added;
        after_given = true;
      } else if (NameLikeLoose(k, strong && after_given) &&
                 ((StartsWithAl(c_.tokens[k].form) && (strong || added > 0)) || NotDictionaryWord(k) ||
                  (strong && after_given && !lex_.IsCommonWord(SegFormOf(c_.norm, c_.tokens[k].mstart, c_.tokens[k].mend))))) {
        ++k;
        ++added;
        after_given = false;
      } else {
        break;
      }
    }
    // (An ordinal after an indefinite word is no adjective of it: «فيليب الخامس» is a king.)
    if (given && (strong || added > 0 || c_.tokens[i].form.size() > 2)) {
      if (int r = RegnalAt(k, end)) k += r, ++added;
    }
    if (added == 0) {
      if (!given) {
        if (cue_before() == kNoCue) return 0;
      } else if (!strong) {
        return 0;
      }
    }
    std::string name = c_.EncodeSpan(c_.tokens[i].start, c_.tokens[k - 1].end);
    int idx = AddEntity(i, k, sent, "PER", TransliterateName(name), std::nullopt, "", -1, -1);
    out_.entities[idx].transliterated = true;
    if (added > 0) surnames_[c_.tokens[k - 1].Key()] = idx;
    return k;
  }

  enum Cue { kNoCue = 0, kVerbCue = 1, kTitleCue = 2 };

  // What follows a speaker: «قوله» («نقلت عن X قوله»), a colon.
  bool SpeechAfter(int k, int end) const {
    static const std::unordered_set<std::u32string> kSaying = {MatchForm(U"قوله"), MatchForm(U"قولها")};
    if (k >= end) return false;
    const Token& t = c_.tokens[k];
    if (t.form == U":") return true;
    return t.kind == TokKind::kArabic && t.proclitics.empty() && kSaying.count(t.form) > 0;
  }

  // Words before i that announce a person: a title or profession («الشيخ», «المهاجم»),
  // possibly followed by a nationality («اللاعب البرازيلي»), a role without a country
  // («الرئيس», «وزير الدفاع»), a nationality right before a given name («الفرنسي نيكولا»);
  // or, weaker, a verb whose subject follows it (VSO: «وقال», «وأضاف», «أعلن»).
  Cue PersonCueBefore(int i, int sent, bool given) const {
    int b = c_.sentences[sent].begin;
    if (i <= b) return kNoCue;
    auto kind_ends_at = [&](int k, LexKind kind) {
      for (int s = std::max(b, k - 3); s < k; ++s) {
        LexMatch m = MatchAt(lex_, c_.tokens, s, k, [kind](const LexEntry& e) { return e.kind == kind; });
        if (m.entry && s + m.ntokens == k) return true;
      }
      return false;
    };
    int k = i;
    // «اللاعب البرازيلي X», «المهاجم المخضرم X»: one nationality or other adjective
    // between a title or profession and the name.
    if (k - 1 > b) {
      const Token& a = c_.tokens[k - 1];
      bool nationality = MatchAt(lex_, c_.tokens, k - 1, k, [](const LexEntry& e) {
                           return e.kind == LexKind::kNationality;
                         }).entry != nullptr;
      bool adjective = a.kind == TokKind::kArabic && a.proclitics.empty() && StartsWithAl(a.form) &&
                       !lex_.Lookup(a.form) && lex_.LooksLikeWord(SegFormOf(c_.norm, a.mstart, a.mend));
      if ((nationality || adjective) &&
          (kind_ends_at(k - 1, LexKind::kTitle) || kind_ends_at(k - 1, LexKind::kRole)))
        return kTitleCue;
      if (nationality) return given && StartsWithAl(a.form) ? kTitleCue : kNoCue;
    }
    if (kind_ends_at(k, LexKind::kTitle) || kind_ends_at(k, LexKind::kRole)) return kTitleCue;
    LexMatch v = MatchAt(lex_, c_.tokens, k - 1, k, [this](const LexEntry& e) {
      return e.kind == LexKind::kTrigger && lex_.triggers[e.index].pos == "verb";
    });
    return v.entry ? kVerbCue : kNoCue;
  }

  // «نظيره الصيني» (his Chinese counterpart): the holder, on the publication date, of
  // the role of the person the pronoun refers to — the latest person mentioned before
  // it — in the country the adjective names. «بوتين ونظيره الصيني» → Xi Jinping.
  int Counterpart(int i, int end, int sent) {
    static const std::u32string kNazir = MatchForm(U"نظير");
    const Token& t = c_.tokens[i];
    if (t.Key() != kNazir || !t.enclitic) return 0;
    std::string iso3;
    int n = CountryAt(i + 1, end, &iso3);
    if (!n) return 0;
    int j = i + 1 + n;
    // A name right after («نظيره الروسي سيرغي لافروف») is handled as a person mention.
    if (j < end && c_.tokens[j].kind == TokKind::kArabic) {
      LexMatch pm = MatchAt(lex_, c_.tokens, j, end, [](const LexEntry& e) {
        return e.kind == LexKind::kPerson || e.kind == LexKind::kPersonShort;
      });
      if (pm.entry) return 0;
    }
    std::string role;
    for (int q = static_cast<int>(out_.entities.size()) - 1; q >= 0 && role.empty(); --q) {
      if (c_.mentions[q].sentence < sent - 1) break;
      if (out_.entities[q].type == "PER" && !out_.entities[q].role.empty()) role = out_.entities[q].role;
    }
    if (role.empty()) return 0;
    for (int p : SingleHolderRole(role) ? LookupByRole(role) : std::vector<int>{}) {
      if (!lex_.persons[p].HoldsOn(role, iso3, c_.pubdate)) continue;
      Nominal(AddEntity(i, j, sent, "PER", lex_.persons[p].name_en, PersonActor(p, role), role, FirstPerson(p), p));
      return j;
    }
    Nominal(AddEntity(i, j, sent, "PER", "", ActorCode{iso3 + "GOV", iso3, "GOV"}, role, -1, -1));
    return j;
  }

  int MatchLearned(const std::u32string& key, int i, int end) const {
    int n = 0;
    size_t pos = 0;
    while (pos < key.size()) {
      size_t sp = key.find(U' ', pos);
      if (sp == std::u32string::npos) sp = key.size();
      std::u32string w = key.substr(pos, sp - pos);
      if (i + n >= end) return 0;
      const Token& t = c_.tokens[i + n];
      if (t.Key() != w && t.form != w) return 0;
      ++n;
      pos = sp + 1;
    }
    return n;
  }

  int FirstOf(int idx) const {
    const std::string& r = out_.entities[idx].ref;
    return r.empty() ? idx : EntityIndex(r);
  }


  // Country (ISO3) from a nationality adjective or a country name at j; tokens consumed.
  int CountryAt(int j, int end, std::string* iso3) const {
    LexMatch m = MatchAt(lex_, c_.tokens, j, end, [](const LexEntry& e) {
      return e.kind == LexKind::kNationality || e.kind == LexKind::kCountry || e.kind == LexKind::kPeople;
    });
    if (!m.entry) return 0;
    *iso3 = lex_.countries[m.entry->index].iso3;
    return m.ntokens;
  }

  std::optional<ActorCode> PersonActor(int person, const std::string& role_hint) const {
    const Person& p = lex_.persons[person];
    const PersonTerm& t = p.TermOn(c_.pubdate);
    ActorCode a;
    a.country = t.country;
    a.sector = t.sector;
    a.code = t.code.empty() ? t.country + t.sector : t.code;
    return a;
  }

  int AddLexEntity(int i, int sent, const LexMatch& m) {
    int j = i + m.ntokens;
    const LexEntry& e = *m.entry;
    // The name without a descriptor around it: «حركة حماس» → «حماس», «مكة المكرمة» →
    // «مكة», «حزب الله اللبناني» → «حزب الله». The whole phrase still belongs to it.
    int hb = i;
    if (e.kind == LexKind::kOrg || e.kind == LexKind::kCity || e.kind == LexKind::kRegion ||
        e.kind == LexKind::kCountry) {
      auto [cb, ce] = CoreSpan(i, j, e);
      if (cb != i || ce != j) {
        LexMatch core = m;
        core.ntokens = ce - cb;
        int idx_before = static_cast<int>(out_.entities.size());
        AddLexEntity(cb, sent, core);
        if (static_cast<int>(out_.entities.size()) > idx_before) {
          c_.mentions[idx_before].hb = hb;
          c_.mentions[idx_before].te = j;
          for (int k = i; k < j; ++k) c_.token_entity[k] = idx_before;
        }
        return j;
      }
    }
    // «شارع الجزائر» in Basra, «ساحة باريس»: a street named after a place is no actor and
    // not where that place is.
    if ((e.kind == LexKind::kCountry || e.kind == LexKind::kCapital || e.kind == LexKind::kCity) &&
        StreetBefore(i)) {
      const std::string canon = e.kind == LexKind::kCity      ? lex_.cities[e.index].name_en
                                : e.kind == LexKind::kCountry ? lex_.countries[e.index].name_en
                                                              : lex_.countries[e.index].capital_en;
      AddEntity(i, j, sent, "FAC", canon, std::nullopt, "", -1, -1);
      return j;
    }
    switch (e.kind) {
      case LexKind::kPerson:
      case LexKind::kPersonShort: {
        const Person& p = lex_.persons[e.index];
        // A title the spelling starts with stays out of the name («الإمام الرضا» → «الرضا»).
        int nb = i;
        LexMatch tm = MatchAt(lex_, c_.tokens, i, j, [](const LexEntry& x) { return x.kind == LexKind::kTitle; });
        if (tm.entry && i + tm.ntokens < j) nb = i + tm.ntokens;
        int idx = AddEntity(nb, j, sent, "PER", p.name_en, PersonActor(e.index, ""),
                            lex_.persons[e.index].TermOn(c_.pubdate).role, FirstPerson(e.index), e.index, false, i);
        if (j - nb >= 2) surnames_[c_.tokens[j - 1].Key()] = FirstOf(idx);
        return j;
      }
      case LexKind::kCountry:
      case LexKind::kCapital: {
        const Country& c = lex_.countries[e.index];
        ActorCode a{c.iso3, c.iso3, ""};
        std::string canon = e.kind == LexKind::kCountry ? c.name_en : c.capital_en;
        int idx = AddEntity(i, j, sent, "GPE", canon, a, "", FirstCanonical(canon), -1);
        if (e.kind == LexKind::kCapital && c.capital_city >= 0) SetGeo(idx, lex_.cities[c.capital_city]);
        return j;
      }
      case LexKind::kRegion: {
        const Lexicon::Region& g = lex_.regions[e.index];
        std::optional<ActorCode> a;
        if (!g.iso3.empty() && g.type != "FAC") a = ActorCode{g.iso3, g.iso3, ""};
        int idx = AddEntity(i, j, sent, g.type.empty() ? "LOC" : g.type, g.name_en, a, "",
                            FirstCanonical(g.name_en), -1);
        size_t before_nested = out_.entities.size();
        NestedPlaces(i, j, sent);
        // «جنوب لبنان», «غرب أفريقيا», «الجنوب اللبناني»: a direction and a place (or its
        // adjective) describe a part of that place; the name is the place. The region stays
        // a description of it (canonical and coordinates kept for event locations).
        if (g.type == "LOC" && DirectionWord(i) &&
            (out_.entities.size() > before_nested || NationalityAt(j - 1)))
          Nominal(idx);
        if (g.has_coords) {
          Geo geo;
          geo.lat = g.lat;
          geo.lon = g.lon;
          geo.country = g.iso3;
          out_.entities[idx].geo = geo;
        }
        return j;
      }
      case LexKind::kCity: {
        const City& city = ChooseCity(e.index);
        const Country* c = lex_.CountryByIso3(city.iso3);
        int idx = AddEntity(i, j, sent, "GPE", city.name_en, ActorCode{city.iso3, city.iso3, ""}, "",
                            FirstCanonical(city.name_en), -1);
        (void)c;
        SetGeo(idx, city);
        return j;
      }
      case LexKind::kOrg: {
        const Org& o = lex_.orgs[e.index];
        std::string code = o.code.empty() ? o.country + o.sector : o.code;
        ActorCode a{code, o.country, o.sector};
        AddEntity(i, j, sent, o.type.empty() ? "ORG" : o.type, o.name_en, a, "",
                  FirstCanonical(o.name_en), -1);
        return j;
      }
      case LexKind::kPeople: {
        const Country& c = lex_.countries[e.index];
        AddEntity(i, j, sent, "NORP", c.name_en, ActorCode{c.iso3, c.iso3, ""}, "", -1, -1);
        return j;
      }
      default:
        return i;
    }
  }

  void Nominal(int idx) { out_.entities[idx].nominal = true; }

  // The state of the body named after a verb of working at k: «يعملون في القنصليات
  // الفرنسية», «العاملين لدى السفارة الإيرانية».
  std::string WorkplaceCountry(int k) const {
    static const std::unordered_set<std::u32string> kWork = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"يعملون", "يعمل", "تعمل", "يعملان", "العاملين", "العاملون", "عاملين", "العاملة"})
        s.insert(MatchFormOf(w));
      return s;
    }();
    static const std::unordered_set<std::u32string> kAt = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"في", "لدى", "لصالح", "مع"}) s.insert(MatchFormOf(w));
      return s;
    }();
    const int n = static_cast<int>(c_.tokens.size());
    if (k + 2 >= n || !kWork.count(c_.tokens[k].Key())) return "";
    int q = k + 1;
    if (!kAt.count(c_.tokens[q].Key())) {
      if (c_.tokens[q].proclitics != U"\u0628") return "";  // «يعملون بالسفارة»
    } else {
      ++q;
    }
    int e = c_.token_entity[q];
    if (e < 0 || !out_.entities[e].actor || out_.entities[e].type == "GPE") return "";
    const std::string& c = out_.entities[e].actor->country;
    return c == "IGO" || c == "NGO" ? "" : c;
  }

  // A foreign name that starts with «و» the segmenter took for the conjunction («وينثاي»):
  // neither the whole word nor what is left of it is a word of the dictionaries.
  bool WawNameLike(int k) const {
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic || t.proclitics != U"\u0648" || t.form.size() < 4) return false;
    if (lex_.Lookup(t.form) || lex_.Lookup(t.Key()) || FunctionWords().count(t.Key())) return false;
    return !lex_.IsKnownMatchForm(t.Key()) && NotDictionaryWord(k);
  }

  // A relative adjective that is no name of the lexicons: «قنصليين», «العسكرية», «حكوميين».
  bool NisbaAdjective(int k) const {
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic || (!t.proclitics.empty() && t.proclitics != U"\u0627\u0644")) return false;
    const std::u32string& w = t.Key();
    auto ends = [&](const char32_t* suf) {
      const std::u32string x(suf);
      return w.size() >= x.size() + 2 && w.compare(w.size() - x.size(), x.size(), x) == 0;
    };
    if (!(ends(U"\u064A") || ends(U"\u064A\u0647") || ends(U"\u064A\u064A\u0646") || ends(U"\u064A\u0648\u0646")))
      return false;
    std::string iso3;
    if (CountryAt(k, k + 1, &iso3)) return false;
    if (Lexicon::EntryList v = lex_.Lookup(t.form))
      for (const LexEntry& e : v)
        if (e.kind != LexKind::kTrigger) return false;
    return true;
  }

  bool StreetBefore(int i) const {
    static const std::unordered_set<std::u32string> kStreet = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"شارع", "الشارع", "ساحة", "جادة", "نهج", "زنقة", "أوتوستراد", "كورنيش"}) s.insert(MatchFormOf(w));
      return s;
    }();
    return i > 0 && c_.tokens[i - 1].kind == TokKind::kArabic && c_.tokens[i - 1].proclitics.empty() &&
           kStreet.count(c_.tokens[i - 1].Key());
  }

  // Actors named by what they are, not by a name: a definite institution without a
  // nationality («الشرطة», «الجيش», «قوات الأمن») or a group of people («مسلحون»,
  // «متظاهرون», «انتحاري», «مستوطنون»). They are descriptions (nominals) whose country is
  // the one the sentence (else the document) is about, resolved once all names are known.
  int GenericActor(int i, int end, int sent, const LexMatch& inst) {
    static const std::unordered_map<std::u32string, std::pair<const char*, const char*>> kGroups = [] {
      std::unordered_map<std::u32string, std::pair<const char*, const char*>> m;
      auto add = [&](std::initializer_list<const char*> ws, const char* sector, const char* en) {
        for (const char* w : ws) m[MatchFormOf(w)] = {sector, en};
      };
      add({"مسلحون", "مسلحين", "المسلحون", "المسلحين", "مسلح", "المسلح", "مجهولون", "مجهولين", "ملثمون",
           "ملثمين", "قناصة", "القناصة", "انتحاري", "الانتحاري", "انتحارية", "الانتحارية", "إرهابيون",
           "إرهابيين", "الإرهابيين", "الإرهابيون"},
          "UAF", "armed men");
      add({"متظاهرون", "متظاهرين", "المتظاهرون", "المتظاهرين", "محتجون", "محتجين", "المحتجون", "المحتجين",
           "مئات المتظاهرين", "آلاف المتظاهرين"},
          "CVL", "protesters");
      add({"متمردون", "متمردين", "المتمردون", "المتمردين", "الثوار", "ثوار"}, "REB", "rebels");
      add({"مستوطنون", "مستوطنين", "المستوطنون", "المستوطنين"}, "CVL", "settlers");
      add({"نشطاء", "النشطاء", "ناشطون", "ناشطين", "الناشطين", "الناشطون", "طلاب", "الطلاب", "طلبة", "الطلبة",
           "عمال", "العمال", "مواطنون", "مواطنين", "المواطنين", "المواطنون", "أنصار", "مؤيدون", "مؤيدين",
           "معارضون", "معارضين", "المعارضين", "سكان", "السكان", "الأهالي", "أهالي", "محامون", "محامين",
           "المحامين", "صحفيون", "صحفيين", "الصحفيين", "أشخاص", "الأشخاص", "شبان", "الشبان", "لاجئون",
           "لاجئين", "اللاجئين", "موظفون", "موظفين", "الموظفين", "الموظفون", "مزارعون", "المزارعين"},
          "CVL", "civilians");
      add({"مدنيين", "مدنيون", "المدنيين", "المدنيون", "مدنيا", "مدنيان", "أطفال", "الأطفال", "نساء", "النساء",
           "سياح", "السياح", "مصلين", "المصلين", "ركاب", "الركاب", "زوار", "الزوار", "حجاج", "الحجاج",
           "رهائن", "الرهائن", "سجناء", "السجناء", "معتقلين", "المعتقلين", "صحافيين", "الصحافيين", "صحافيا"},
          "CVL", "civilians");
      add({"جنود", "الجنود", "جنديا", "جنديان", "جنديين", "عسكريين", "العسكريين", "عسكريا", "ضباط", "الضباط"},
          "MIL", "soldiers");
      add({"شرطيين", "شرطيا", "شرطيان", "الشرطيين", "رجال الشرطة", "عناصر الشرطة"}, "COP", "police officers");
      return m;
    }();
    const Token& t = c_.tokens[i];
    if (t.kind != TokKind::kArabic) return 0;
    std::string sector, en;
    int n = 0;
    const Institution* in = inst.entry ? &lex_.institutions[inst.entry->index] : nullptr;
    if (in && StartsWithAl(t.Key()) &&
        (in->sector == "MIL" || in->sector == "COP" || in->sector == "CVL" || in->sector == "OPP" ||
         in->sector == "REB")) {
      // Forces and groups act on their own; a ministry or a court needs its state named.
      sector = in->sector;
      en = in->en;
      n = inst.ntokens;
    } else if (in && (StartsWithAl(t.Key()) || inst.ntokens >= 2) && StateBody(*in, inst.ntokens) &&
               !BuildingBefore(i)) {
      // A state body named bare («وقالت وزارة الخارجية», «أعلنت السلطات») is the home
      // state's in a report datelined there; elsewhere it is no actor.
      int idx = AddEntity(i, i + inst.ntokens, sent, "ORG", in->en, ActorCode{"", "", in->sector}, "", -1, -1);
      Nominal(idx);
      state_bodies_.push_back(idx);
      return i + inst.ntokens;
    } else if (auto it = kGroups.find(t.Key());
               it != kGroups.end() && (t.proclitics.empty() || t.proclitics == U"\u0648" ||
                                       t.proclitics == U"\u0627\u0644" || t.proclitics == U"\u0648\u0627\u0644")) {
      sector = it->second.first;
      en = it->second.second;
      n = 1;
    } else {
      return 0;
    }
    int idx = AddEntity(i, i + n, sent, "ORG", en, ActorCode{"", "", sector}, "", -1, -1);
    Nominal(idx);
    generic_.push_back(idx);
    return i + n;
  }

  // The bodies of a state that wire copy names without it: its government, presidency,
  // authorities, parliament, courts and ministries. Not its missions abroad, delegations,
  // officials or «the regime»; one word only where it is not also an adjective
  // («الخارجية», «الداخلية» describe policies and affairs).
  static bool StateBody(const Institution& in, int ntokens) {
    if (in.sector != "GOV" && in.sector != "LEG" && in.sector != "JUD" && in.sector != "SPY") return false;
    static const std::unordered_set<std::string> kOne = {"government", "presidency", "authorities", "parliament",
                                                         "public prosecution", "court"};
    static const std::unordered_set<std::string> kNot = {
        "embassy", "consulate", "diplomatic mission", "delegation", "side", "officials", "diplomats", "lawmakers",
        "members of parliament", "regime", "diplomacy (foreign service)", "judiciary",
        "security council (national, with a nationality adjective)"};
    if (kNot.count(in.en)) return false;
    return ntokens >= 2 || kOne.count(in.en) > 0;
  }

  // «مبنى البرلمان», «مقر الحكومة», «أمام الرئاسة»: the body's building, a place.
  bool BuildingBefore(int i) const {
    static const std::unordered_set<std::u32string> kBuilding = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"مبنى", "مقر", "أمام", "مباني", "مقار", "مقرات"}) s.insert(MatchFormOf(w));
      return s;
    }();
    return i > 0 && kBuilding.count(c_.tokens[i - 1].Key()) > 0;
  }

  // The place a report is datelined in: a state's place in the dateline of the first
  // sentence of the body («الجزائر - "واج":», «نيامي (الأناضول) -»), or -1.
  int DatelinePlace() const {
    for (size_t s = 0; s < c_.sentences.size(); ++s) {
      const Sentence& sent = c_.sentences[s];
      if (sent.section == Section::kTitle) continue;
      const int end = c_.DatelineEnd(static_cast<int>(s));
      for (int q = sent.begin; q < end; ++q) {
        int e = c_.token_entity[q];
        if (e < 0 || !out_.entities[e].actor || (out_.entities[e].type != "GPE" && out_.entities[e].type != "LOC"))
          continue;
        const std::string& c = out_.entities[e].actor->country;
        if (!c.empty() && c != "IGO" && c != "NGO") return e;
      }
      break;
    }
    return -1;
  }

  void ResolveStateBodies() {
    const std::string home = c_.dateline_entity >= 0 ? out_.entities[c_.dateline_entity].actor->country : "";
    for (int idx : state_bodies_) {
      Entity& e = out_.entities[idx];
      if (home.empty()) {
        e.actor.reset();
        c_.mentions[idx].actor = false;
      } else {
        e.actor->country = home;
        e.actor->code = home + e.actor->sector;
      }
    }
  }

  // The country of each generic actor: the nearest state or place named in its sentence,
  // else the last one named before it, else the first one of the document.
  void ResolveGenericCountries() {
    for (int idx : generic_) {
      const MentionInfo& mi = c_.mentions[idx];
      std::string best;
      int bestd = 1 << 30;
      std::string before, first;
      for (size_t q = 0; q < out_.entities.size(); ++q) {
        const Entity& e = out_.entities[q];
        if (static_cast<int>(q) == idx || !e.actor || e.actor->country.empty() || e.actor->country == "IGO" ||
            e.actor->country == "NGO")
          continue;
        if (e.type != "GPE" && e.type != "LOC" && e.type != "NORP") continue;
        const MentionInfo& m = c_.mentions[q];
        if (first.empty()) first = e.actor->country;
        if (m.tb < mi.tb) before = e.actor->country;
        if (m.sentence == mi.sentence) {
          int d = std::abs(m.tb - mi.tb);
          if (d < bestd) bestd = d, best = e.actor->country;
        }
      }
      if (best.empty()) best = !before.empty() ? before : first;
      // «موظفين يعملون في القنصليات الفرنسية», «العاملين في السفارة الأمريكية»: people
      // told by where they work belong to its state.
      if (std::string w = WorkplaceCountry(mi.te); !w.empty()) best = w;
      Entity& e = out_.entities[idx];
      e.actor->country = best;
      e.actor->code = best + e.actor->sector;
    }
  }

  // The short form of an organisation that is also a word or a place, when the words
  // around it say which: «مراسل الجزيرة», «قال للجزيرة», «( الجزيرة )» (a media
  // credit), «لاعب برشلونة», «برشلونة الإسباني» (a club: the adjective is masculine),
  // «سيارات نيسان»; or when the document named the organisation in full before.
  int OrgAlias(int i, int end, int sent, int ent_n) {
    static const std::unordered_map<std::u32string, uint8_t> kCues = [] {
      std::unordered_map<std::u32string, uint8_t> m;
      for (const char* w : {"مراسل", "مراسلة", "مراسلو", "موفد", "موفدة", "قناة", "فضائية", "شبكة", "صحيفة",
                            "جريدة", "مجلة", "وكالة", "موقع", "إذاعة", "تلفزيون", "محطة", "لقناة", "لصحيفة",
                            "لمجلة", "لوكالة", "لموقع", "بثته", "نشرته", "نشرتها"})
        m[MatchFormOf(w)] = kOrgAliasMedia;
      for (const char* w : {"نادي", "النادي", "فريق", "لاعب", "لاعبو", "لاعبي", "مدرب", "حارس", "مرمى", "صفوف",
                            "مباراة", "منتخب", "شباك", "جماهير", "مهاجم", "مدافع", "لنادي", "لفريق", "ضيفه",
                            "مضيفه", "نجم", "قميص", "رئيس نادي"})
        m[MatchFormOf(w)] = kOrgAliasSports;
      for (const char* w : {"شركة", "مجموعة", "سيارات", "سيارة", "مركبة", "مركبات", "أسهم", "منتجات", "مصنع",
                            "قافلة", "لقافلة", "لشركة", "لسيارات", "طراز", "علامة"})
        m[MatchFormOf(w)] = kOrgAliasBusiness;
      return m;
    }();
    static const std::unordered_set<std::u32string> kToMedia = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"تصريحات", "تصريح", "حديث", "مقابلة", "حوار"}) s.insert(MatchFormOf(w));
      return s;
    }();
    const Token& t = c_.tokens[i];
    if (t.kind != TokKind::kArabic || t.fmax_key == 0) return 0;
    int b = c_.sentences[sent].begin;
    uint8_t want = kOrgFull;
    if (i > b && t.proclitics.empty()) {
      if (auto it = kCues.find(c_.tokens[i - 1].Key()); it != kCues.end()) want = it->second;
    }
    if (want == kOrgFull && i > b && t.proclitics == U"\u0644") {
      // «قال للجزيرة», «في تصريحات للجزيرة»
      const Token& p = c_.tokens[i - 1];
      bool verb = MatchAt(lex_, c_.tokens, i - 1, i, [this](const LexEntry& e) {
                    return e.kind == LexKind::kTrigger && lex_.triggers[e.index].pos == "verb";
                  }).entry != nullptr;
      if (verb || kToMedia.count(p.Key())) want = kOrgAliasMedia;
    }
    LexMatch am = MatchAt(lex_, c_.tokens, i, end, [](const LexEntry& e) {
      return e.kind == LexKind::kOrg && e.form != kOrgFull;
    });
    if (!am.entry || am.ntokens < ent_n) return 0;
    int j = i + am.ntokens;
    std::string club_country;  // «برشلونة الإسباني»: a club of that country
    if (want == kOrgFull && j < end) {
      const Token& n = c_.tokens[j];
      static const std::u32string kNet = MatchForm(U"نت");
      if (n.Key() == kNet && n.proclitics.empty()) {
        want = kOrgAliasMedia;
      } else if (n.form.back() != U'\u0629' && n.form.back() != U'\u0647' && CountryAt(j, j + 1, &club_country)) {
        want = kOrgAliasSports;
      }
    }
    if (want == kOrgFull && i > b && j < end) {
      // Alone between brackets or quotes: a media credit («( الجزيرة )»).
      const std::u32string& o = c_.tokens[i - 1].form;
      const std::u32string& c = c_.tokens[j].form;
      if ((o == U"(" && c == U")") || (o == U"\u00AB" && c == U"\u00BB") || (o == U"\"" && c == U"\""))
        want = kOrgAliasMedia;
    }
    bool common_word = lex_.IsCommonWord(SegFormOf(c_.norm, t.mstart, t.mend));
    LexMatch m = MatchAt(lex_, c_.tokens, i, end, [&](const LexEntry& e) {
      if (e.kind != LexKind::kOrg || e.form == kOrgFull) return false;
      const Org& o = lex_.orgs[e.index];
      // Named in full before — unless the short form is one ordinary word («الشعب»).
      if (FirstCanonical(o.name_en) >= 0 && (e.ntokens > 1 || !common_word)) return true;
      if (want == kOrgFull) return false;
      if (want == kOrgAliasSports) {
        bool club = e.form == kOrgAliasSports || o.sector == "CVL";
        return club && (club_country.empty() || club_country == o.country);
      }
      return e.form == want;
    });
    if (!m.entry || m.ntokens < ent_n) return 0;
    const Org& o = lex_.orgs[m.entry->index];
    std::string code = o.code.empty() ? o.country + o.sector : o.code;
    AddEntity(i, i + m.ntokens, sent, o.type.empty() ? "ORG" : o.type, o.name_en, ActorCode{code, o.country, o.sector},
              "", FirstCanonical(o.name_en), -1);
    return i + m.ntokens;
  }

  bool DirectionWord(int k) const {
    static const std::unordered_set<std::u32string> kDirections = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي", "الجنوب",
                            "الشمال", "الشرق", "الغرب", "الوسط"})
        s.insert(MatchFormOf(w));
      return s;
    }();
    return kDirections.count(c_.tokens[k].Key()) > 0;
  }

  bool NationalityAt(int k) const {
    return MatchAt(lex_, c_.tokens, k, k + 1, [](const LexEntry& e) {
             return e.kind == LexKind::kNationality;
           }).entry != nullptr;
  }

  // A token that only describes a name: a generic head noun before it («حركة حماس»,
  // «قطاع غزة», «صحيفة هآرتس»), an epithet after a place («مكة المكرمة»), a nationality
  // adjective after an organisation («حزب الله اللبناني»).
  bool Descriptor(int k, bool org, bool trailing) const {
    static const std::unordered_set<std::u32string> kOrgHeads = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"حركة", "جماعة", "تنظيم", "قناة", "فضائية", "صحيفة", "جريدة", "مجلة", "وكالة",
                            "شركة", "مجموعة", "فريق", "نادي", "النادي", "منتخب", "مصرف", "بنك", "موقع"})
        s.insert(MatchFormOf(w));
      return s;
    }();
    static const std::unordered_set<std::u32string> kPlaceHeads = [] {
      std::unordered_set<std::u32string> s;
      for (const char* w : {"قطاع", "إقليم", "ولاية", "محافظة", "مدينة", "ميناء", "بحيرة", "جزيرة", "منطقة",
                            "دولة", "بلدة", "قرية", "مخيم", "نهر", "جبل", "عاصمة", "العاصمة", "ممر", "معبر"})
        s.insert(MatchFormOf(w));
      return s;
    }();
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic) return false;
    bool nationality = MatchAt(lex_, c_.tokens, k, k + 1, [](const LexEntry& e) {
                         return e.kind == LexKind::kNationality;
                       }).entry != nullptr;
    if (!trailing) return (org ? kOrgHeads : kPlaceHeads).count(t.Key()) > 0;
    // After a place, a nationality adjective is part of the name («الولايات المتحدة
    // الأمريكية»); after an organisation it is the only word left out («مجلس الأمن الدولي»).
    if (org || nationality) return org && nationality;
    if (lex_.IsPersonNameWord(t.Key())) return false;
    return lex_.LooksLikeWord(SegFormOf(c_.norm, t.mstart, t.mend));
  }

  // The shortest span inside [i, j) that is a spelling of the same lexicon entry, when
  // what it leaves out is descriptors only; else [i, j).
  std::pair<int, int> CoreSpan(int i, int j, const LexEntry& e) const {
    bool org = e.kind == LexKind::kOrg;
    std::pair<int, int> best{i, j};
    for (int b = i; b < j; ++b) {
      if (b > i && !Descriptor(b - 1, org, false)) break;
      for (int end = j; end > b; --end) {
        if (end < j && !Descriptor(end, org, true)) break;
        if (b == i && end == j) continue;
        // After a place head («قطاع غزة»), any place the rest names is the name; the
        // mention keeps the identity of the whole phrase (the Gaza Strip).
        bool place_core = b > i && !org;
        LexMatch m = MatchAt(lex_, c_.tokens, b, end, [&](const LexEntry& x) {
          if (place_core)
            return x.kind == LexKind::kCountry || x.kind == LexKind::kCity || x.kind == LexKind::kRegion ||
                   x.kind == LexKind::kCapital;
          // A short form is the name unless it is a description itself: «الأنباء الجزائرية»
          // of «وكالة الأنباء الجزائرية» ends in a nationality.
          return x.kind == e.kind && x.index == e.index &&
                 (x.kind != LexKind::kOrg || x.form == kOrgFull || !NationalityAt(end - 1));
        });
        if (m.entry && b + m.ntokens == end && end - b < best.second - best.first) best = {b, end};
      }
    }
    return best;
  }

  // A mention that sits inside another and does not take its tokens: the country of
  // «وزير خارجية روسيا», the Lebanon of «جنوب لبنان».
  int AddNested(int tb, int te, int sent, const LexMatch& m) {
    std::vector<int> saved(c_.token_entity.begin() + tb, c_.token_entity.begin() + te);
    size_t before = out_.entities.size();
    AddLexEntity(tb, sent, m);
    std::copy(saved.begin(), saved.end(), c_.token_entity.begin() + tb);
    return out_.entities.size() > before ? static_cast<int>(before) : -1;
  }

  // The country name (not an adjective) at [b, e), as a nested mention.
  void NestedCountry(int b, int e, int sent) {
    LexMatch m = MatchAt(lex_, c_.tokens, b, e, [](const LexEntry& x) { return x.kind == LexKind::kCountry; });
    if (m.entry && b + m.ntokens == e) AddNested(b, e, sent, m);
  }

  // States, cities and regions named inside a longer place name.
  void NestedPlaces(int i, int j, int sent) {
    for (int k = i + 1; k < j; ++k) {
      LexMatch m = MatchAt(lex_, c_.tokens, k, j, [](const LexEntry& x) {
        return x.kind == LexKind::kCountry || x.kind == LexKind::kCapital || x.kind == LexKind::kCity ||
               x.kind == LexKind::kRegion;
      });
      if (!m.entry) continue;
      AddNested(k, k + m.ntokens, sent, m);
      k += m.ntokens - 1;
    }
  }

  // ROLE [NATIONALITY|COUNTRY] [،] [NAME]
  int RoleApposition(int i, int end, int sent, const LexMatch& rm) {
    const Role& role = lex_.roles[rm.entry->index];
    int j = i + rm.ntokens;
    std::string iso3 = role.country;
    std::string org_code;
    if (int n = CountryAt(j, end, &iso3)) {
      NestedCountry(j, j + n, sent);
      j += n;
    } else {
      // ROLE + ORGANISATION: «الأمين العام للأمم المتحدة», «رئيس المفوضية الأوروبية».
      LexMatch om = MatchAt(lex_, c_.tokens, j, end, [](const LexEntry& e) { return e.kind == LexKind::kOrg; });
      if (om.entry) {
        const Org& o = lex_.orgs[om.entry->index];
        AddEntity(j, j + om.ntokens, sent, o.type.empty() ? "ORG" : o.type, o.name_en,
                  ActorCode{o.code.empty() ? o.country + o.sector : o.code, o.country, o.sector}, "",
                  FirstCanonical(o.name_en), -1);
        iso3 = o.country;
        org_code = o.code;
        j += om.ntokens;
      }
    }
    int k = j;
    if (k < end && (c_.tokens[k].form == U"\u060C" || c_.tokens[k].form == U",")) ++k;
    // A rank or honorific between the role and the name: «المتحدث باسم الجيش التايلاندي
    // اللواء وينثاي سوفاري», «وزير الخارجية الدكتور بدر عبد العاطي».
    if (k < end) {
      LexMatch tm = MatchAt(lex_, c_.tokens, k, end, [](const LexEntry& e) { return e.kind == LexKind::kTitle; });
      if (tm.entry && k + tm.ntokens < end && c_.tokens[k + tm.ntokens].kind == TokKind::kArabic) k += tm.ntokens;
    }
    // A known person after the role.
    LexMatch pm = MatchAt(lex_, c_.tokens, k, end, [](const LexEntry& e) {
      return e.kind == LexKind::kPerson || e.kind == LexKind::kPersonShort;
    });
    if (pm.entry) {
      int pe = k + pm.ntokens;
      const Person& p = lex_.persons[pm.entry->index];
      AddEntity(k, pe, sent, "PER", p.name_en, PersonActor(pm.entry->index, role.role), role.role,
                FirstPerson(pm.entry->index), pm.entry->index, false, i);
      return pe;
    }
    // A learned name.
    for (const auto& [key, idx] : learned_) {
      if (k >= end || !learned_first_.count(c_.tokens[k].Key())) break;
      if (int n = MatchLearned(key, k, end)) {
        Entity e = out_.entities[idx];
        int li = AddEntity(k, k + n, sent, "PER", e.canonical, e.actor, e.role, FirstOf(idx), -1, true, i);
        out_.entities[li].transliterated = e.transliterated;
        return k + n;
      }
    }
    // An unknown name: up to three name-like tokens, given names among them («رئيس غيانا
    // عرفان علي»). Words of the dictionaries make a name only when it is closed by
    // punctuation or has a word no dictionary has, or a given name.
    int n = 0;
    bool unknown = false, given = false;
    while (k + n < end && n < 3) {
      int gn = 0;
      bool weak = false;
      if (NameLike(k + n) || (n == 0 && WawNameLike(k))) {
        unknown |= !lex_.IsKnownMatchForm(c_.tokens[k + n].Key());
      } else if ((IsGivenAt(k + n, k + n + 1, &gn, &weak) && (!weak || n > 0) &&
                  c_.tokens[k + n].proclitics.empty()) ||
                 (n > 0 && AliAt(k + n))) {
        // (A weak one only after the name's first word: «عرفان علي».)
        given = true;
      } else {
        break;
      }
      ++n;
    }
    bool closed = k + n >= end || c_.tokens[k + n].kind == TokKind::kPunct;
    if (n > 0 && !iso3.empty() && (unknown || closed || given)) {
      std::string name = c_.EncodeSpan(c_.tokens[k].start, c_.tokens[k + n - 1].end);
      ActorCode a = org_code.empty() ? ActorCode{iso3 + role.sector, iso3, role.sector}
                                     : ActorCode{org_code, iso3, role.sector};
      int idx = AddEntity(k, k + n, sent, "PER", TransliterateName(name), a, role.role, -1, -1, true, i);
      out_.entities[idx].transliterated = true;
      std::u32string key;
      for (int q = k; q < k + n; ++q) {
        if (!key.empty()) key += U' ';
        key += c_.tokens[q].Key();
      }
      learned_[key] = idx;
      learned_first_.insert(c_.tokens[k].Key());
      // The surname alone names the person later, unless it is a given name or a function
      // word itself («عرفان علي»: «علي» is also «على»).
      int last_n = 0;
      bool last_weak = false;
      if (n > 1 && !FunctionWords().count(c_.tokens[k + n - 1].Key()) &&
          !IsGivenAt(k + n - 1, k + n, &last_n, &last_weak)) {
        learned_[c_.tokens[k + n - 1].Key()] = idx;  // the surname alone
        learned_first_.insert(c_.tokens[k + n - 1].Key());
      }
      return k + n;
    }
    // A role-only mention: «الرئيس الروسي», «المتحدث باسم الكرملين».
    if (iso3.empty() || (j == i + rm.ntokens && role.country.empty())) return 0;
    int ref = -1;
    for (size_t q = 0; q < out_.entities.size(); ++q) {
      const Entity& e = out_.entities[q];
      if (e.type == "PER" && e.role == role.role && e.actor && e.actor->country == iso3) {
        ref = FirstOf(static_cast<int>(q));
        break;
      }
    }
    if (ref >= 0) {
      Entity e = out_.entities[ref];
      Nominal(AddEntity(i, j, sent, "PER", e.canonical, e.actor, role.role, ref, c_.mentions[ref].person));
      return j;
    }
    // Only offices with one holder per state resolve to a person («الرئيس الصيني» in 2023
    // is Xi); «السفير الإيراني», «الوزير», «المتحدث» have many.
    if (!SingleHolderRole(role.role)) {
      Nominal(AddEntity(i, j, sent, "PER", "",
                        org_code.empty() ? ActorCode{iso3 + role.sector, iso3, role.sector}
                                         : ActorCode{org_code, iso3, role.sector},
                        role.role, -1, -1));
      return j;
    }
    for (int p : LookupByRole(role.role)) {
      // Only the holder of the role on the publication date: «الرئيس الصيني» in 2023 is Xi.
      if (lex_.persons[p].HoldsOn(role.role, iso3, c_.pubdate)) {
        Nominal(AddEntity(i, j, sent, "PER", lex_.persons[p].name_en, PersonActor(p, role.role), role.role,
                          FirstPerson(p), p));
        return j;
      }
    }
    Nominal(AddEntity(i, j, sent, "PER", "",
                      org_code.empty() ? ActorCode{iso3 + role.sector, iso3, role.sector}
                                       : ActorCode{org_code, iso3, role.sector},
                      role.role, -1, -1));
    return j;
  }

  static bool SingleHolderRole(const std::string& r) {
    static const std::unordered_set<std::string> kSingle = {
        "president", "vice_president", "prime_minister", "king", "crown_prince", "emir", "sultan",
        "supreme_leader", "foreign_minister", "defence_minister", "interior_minister", "finance_minister",
        "spokesperson_presidency", "spokesperson_government", "spokesperson_foreign_ministry",
        "spokesperson_defence_ministry", "security_council_secretary", "national_security_adviser",
        "chief_of_staff_military", "secretary_general", "high_representative", "commission_president",
        "council_president", "speaker_parliament", "leader"};
    return kSingle.count(r) > 0;
  }

  std::vector<int> LookupByRole(const std::string& role) const {
    auto it = lex_.persons_by_role.find(role);
    return it == lex_.persons_by_role.end() ? std::vector<int>{} : it->second;
  }

  // INSTITUTION NATIONALITY|COUNTRY: «وزارة الدفاع الأذربيجانية», «الحكومة السورية».
  int InstitutionWithCountry(int i, int end, int sent, const LexMatch& im) {
    const Institution& in = lex_.institutions[im.entry->index];
    int j = i + im.ntokens;
    std::string iso3;
    int n = CountryAt(j, end, &iso3);
    int cb = j;
    // «مجلس الأمن القومي في جورجيا»: the state after «في» (a state, not a city: «وزارة
    // الداخلية في بغداد» is Iraq's by its capital, which the lexicon tells elsewhere).
    static const std::u32string kFi = MatchFormOf("في");
    if (!n && j + 1 < end && c_.tokens[j].Key() == kFi && c_.tokens[j].proclitics.empty()) {
      LexMatch m = MatchAt(lex_, c_.tokens, j + 1, end, [](const LexEntry& e) { return e.kind == LexKind::kCountry; });
      if (m.entry) {
        iso3 = lex_.countries[m.entry->index].iso3;
        cb = j + 1;
        n = 1 + m.ntokens;
      }
    }
    // «موظفين قنصليين فرنسيين», «الشرطة العسكرية الروسية»: a describing adjective first.
    if (!n && j + 1 < end && NisbaAdjective(j)) {
      if (int n2 = CountryAt(j + 1, end, &iso3)) {
        cb = j + 1;
        n = 1 + n2;
      }
    }
    if (!n) return 0;
    j += n;
    ActorCode a{iso3 + in.sector, iso3, in.sector};
    const Country* c = lex_.CountryByIso3(iso3);
    std::string canon = (c ? c->name_en + " " : std::string()) + in.en;
    Nominal(AddEntity(i, j, sent, in.type.empty() ? "ORG" : in.type, canon, a, "", FirstCanonical(canon), -1));
    NestedCountry(cb, j, sent);
    // Coordinated adjectives: «الجانبين الأرميني والأذربيجاني» are two actors.
    while (j < end && c_.tokens[j].proclitics == U"\u0648") {
      LexMatch m2 = MatchAt(lex_, c_.tokens, j, end,
                            [](const LexEntry& e) { return e.kind == LexKind::kNationality; });
      if (!m2.entry || !m2.via_key) break;
      const Country& c2 = lex_.countries[m2.entry->index];
      std::string canon2 = c2.name_en + " " + in.en;
      Nominal(AddEntity(j, j + m2.ntokens, sent, in.type.empty() ? "ORG" : in.type, canon2,
                        ActorCode{c2.iso3 + in.sector, c2.iso3, in.sector}, "", FirstCanonical(canon2), -1));
      j += m2.ntokens;
    }
    return j;
  }

  bool NameLike(int k) const {
    const Token& t = c_.tokens[k];
    if (t.kind != TokKind::kArabic || !t.proclitics.empty()) return false;
    if (StartsWithAl(t.form) || FunctionWords().count(t.Key())) return false;
    if (lex_.Lookup(t.form)) return false;  // a role, trigger, month, place … is no name part
    return t.form.size() >= 2;
  }

  void SetGeo(int idx, const City& city) {
    Geo g;
    g.geonameid = city.geonameid;
    g.lat = city.lat;
    g.lon = city.lon;
    g.country = city.iso3;
    out_.entities[idx].geo = g;
  }

  // A city name shared by several places: the one in a country the document has named
  // already (the most populous of those), else the most populous («موسكو» is Moscow,
  // Russia — unless the article is about Idaho).
  const City& ChooseCity(int head) const {
    const City& h = lex_.cities[head];
    if (h.homonyms.empty()) return h;
    const std::unordered_set<std::string>& named = named_countries_;
    const City* best = named.count(h.iso3) ? &h : nullptr;
    for (int k : h.homonyms) {
      const City& c = lex_.cities[k];
      if (named.count(c.iso3) && (!best || c.population > best->population)) best = &c;
    }
    return best ? *best : h;
  }

  // First mentions, kept as entities are added (documents can be long: no rescans).
  int FirstPerson(int person) const {
    auto it = first_person_.find(person);
    return it == first_person_.end() ? -1 : it->second;
  }

  int FirstCanonical(const std::string& canon) const {
    if (canon.empty()) return -1;
    auto it = first_canonical_.find(canon);
    return it == first_canonical_.end() ? -1 : it->second;
  }

  int AddEntity(int tb, int te, int sent, const std::string& type, const std::string& canonical,
                std::optional<ActorCode> actor, const std::string& role, int ref, int person,
                bool learned = false, int hb = -1) {
    Entity e;
    e.id = "m" + std::to_string(out_.entities.size() + 1);
    e.span = c_.SpanOf(tb, te);
    e.type = type;
    e.canonical = canonical;
    e.actor = std::move(actor);
    e.role = role;
    e.learned = learned;
    if (ref >= 0) e.ref = out_.entities[ref].id;
    MentionInfo mi;
    mi.tb = tb;
    mi.te = te;
    mi.hb = hb >= 0 ? hb : tb;
    mi.sentence = sent;
    mi.actor = e.actor.has_value();
    mi.person = person;
    mi.role_key = role;
    int idx = static_cast<int>(out_.entities.size());
    for (int k = mi.hb; k < te; ++k) c_.token_entity[k] = idx;
    if (person >= 0) first_person_.emplace(person, idx);
    if (!e.canonical.empty() && e.ref.empty()) first_canonical_.emplace(e.canonical, idx);
    if (e.actor && !e.actor->country.empty()) named_countries_.insert(e.actor->country);
    out_.entities.push_back(std::move(e));
    c_.mentions.push_back(mi);
    return idx;
  }

  DocContext& c_;
  Analysis& out_;
  const Lexicon& lex_;
  std::unordered_map<std::u32string, int> learned_;  // name or surname key → entity
  std::unordered_set<std::u32string> learned_first_;  // first words of those keys
  std::unordered_map<std::u32string, int> surnames_;  // family names of unknown persons
  std::unordered_map<int, int> first_person_;          // lexicon person → first entity
  std::unordered_map<std::string, int> first_canonical_;
  std::unordered_set<std::string> named_countries_;
  std::vector<int> generic_;  // generic actors whose country is resolved at the end
  std::vector<int> state_bodies_;  // bare state bodies, of the dateline's state
};

}  // namespace

bool IsFunctionWord(const std::u32string& key) { return FunctionWords().count(key) > 0; }

void PruneNominals(Analysis* out) {
  std::vector<Entity>& ents = out->entities;
  const int n = static_cast<int>(ents.size());
  bool any = false;
  for (const Entity& e : ents) any |= e.nominal;
  if (!any) return;
  // Chains: every mention's first mention; the first named mention of each chain.
  std::vector<int> root(n), named(n, -1);
  for (int i = 0; i < n; ++i) {
    int r = EntityIndex(ents[i].ref);
    root[i] = (r >= 0 && r < i) ? root[r] : i;
    if (!ents[i].nominal && named[root[i]] < 0) named[root[i]] = i;
  }
  std::vector<bool> keep(n);
  for (int i = 0; i < n; ++i) keep[i] = !ents[i].nominal;
  // A quote speaker named by a description only stays.
  for (const Quote& q : out->quotes) {
    int s = EntityIndex(q.speaker);
    if (s >= 0 && s < n && named[root[s]] < 0) keep[s] = true;
  }
  // What a dropped mention's references go to: the chain's first named mention, else the
  // first kept description of the chain, else none.
  std::vector<int> first_kept(n, -1);
  for (int i = 0; i < n; ++i)
    if (keep[i] && first_kept[root[i]] < 0) first_kept[root[i]] = i;
  auto target = [&](int i) {
    if (keep[i]) return i;
    return named[root[i]] >= 0 ? named[root[i]] : first_kept[root[i]];
  };
  std::vector<std::string> new_id(n);
  std::vector<Entity> kept;
  for (int i = 0; i < n; ++i)
    if (keep[i]) new_id[i] = "m" + std::to_string(kept.size() + 1), kept.push_back(ents[i]);
  int k = 0;
  for (int i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    Entity& e = kept[k++];
    e.id = new_id[i];
    int fk = first_kept[root[i]];
    e.ref = (fk >= 0 && fk != i) ? new_id[fk] : "";
  }
  auto remap = [&](std::string* id) {
    int i = EntityIndex(*id);
    if (i < 0 || i >= n) return;
    int t = target(i);
    *id = t >= 0 ? new_id[t] : "";
  };
  for (int i = 0; i < n; ++i) {
    if (keep[i]) continue;
    Entity e = ents[i];
    e.id = "n" + std::to_string(out->nominals.size() + 1);
    int t = named[root[i]] >= 0 ? named[root[i]] : first_kept[root[i]];
    e.ref = t >= 0 ? new_id[t] : "";
    out->nominals.push_back(std::move(e));
  }
  for (Quote& q : out->quotes) remap(&q.speaker);
  for (Event& ev : out->events) {
    if (ev.source) remap(&ev.source->entity);
    if (ev.target) remap(&ev.target->entity);
  }
  ents = std::move(kept);
}

void FindEntities(DocContext* ctx, Analysis* out) { EntityFinder(ctx, out).Run(); }

}  // namespace hadath
