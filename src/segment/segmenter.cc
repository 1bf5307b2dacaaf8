#include "src/segment/segmenter.h"

#include <unordered_map>
#include <vector>
#include <unordered_set>

namespace hadath {
namespace {

constexpr char32_t kWaw = U'\u0648', kFa = U'\u0641', kBa = U'\u0628', kLam = U'\u0644',
                   kKaf = U'\u0643', kSin = U'\u0633', kAlef = U'\u0627', kYa = U'\u064A',
                   kTa = U'\u062A', kNun = U'\u0646', kHa = U'\u0647', kTaMarbuta = U'\u0629';

using WordSet = std::unordered_set<std::u32string>;

// Builds a set of segmentation forms from ordinary spellings.
WordSet SegSet(std::initializer_list<const char32_t*> words) {
  WordSet out;
  for (const char32_t* w : words) out.insert(SegForm(w));
  return out;
}

bool EndsWith(const std::u32string& w, const std::u32string& s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

// Closed-class words (match form). A leading و/ف before them is the conjunction («وقد»,
// «ولم», «فإن»); ب/ل/ك before them a preposition («بأن», «لما»).
bool IsParticle(const std::u32string& w) {
  static const WordSet kParticles = SegSet(
      {U"قد", U"لا", U"لم", U"لن", U"ما", U"أن", U"إن", U"في", U"من", U"على", U"عن", U"مع",
       U"إلى", U"هو", U"هي", U"هم", U"هما", U"نحن", U"أنه", U"إنه", U"أنها", U"إنها", U"كان",
       U"كانت", U"لكن", U"ليس", U"ليست", U"إذا", U"إذ", U"منذ", U"بعد", U"قبل", U"خلال", U"كما",
       U"حتى", U"ذلك", U"هذا", U"هذه", U"التي", U"الذي", U"الذين", U"سوف", U"ثم", U"أو", U"عند",
       U"بين", U"تم", U"يتم", U"لدى", U"كل", U"بعض", U"غير", U"أي", U"هناك", U"هنا", U"تلك",
       U"أما", U"لها", U"له", U"مثل", U"حيث", U"أثناء", U"عبر", U"نحو", U"حول", U"ضد", U"دون",
       U"لقد"});
  return kParticles.count(w) > 0;
}

// Words that take a pronoun suffix even when shorter than a content word: «فيها», «منه»,
// «إنها», «عليه», «إليها», «لها», «به», «معه», «لديه».
bool IsEncliticHost(const std::u32string& w) {
  static const WordSet kHosts = SegSet(
      {U"أن", U"إن", U"لكن", U"في", U"من", U"عن", U"على", U"إلى", U"ل", U"ب", U"مع", U"عند",
       U"بين", U"حول", U"لدى", U"منذ", U"مثل", U"ضد", U"أمام", U"خلف", U"فوق", U"تحت", U"دون",
       U"عبر", U"كل", U"بعض", U"نفس", U"ذات", U"لعل", U"ليت", U"حيال", U"تجاه", U"بعد", U"قبل",
       U"خلال", U"وراء", U"إزاء", U"لدن", U"أي", U"غير", U"سوى", U"عل", U"إلي", U"لدي"});
  return kHosts.count(w) > 0;
}

// Preposition + noun that are words of their own in the dictionaries but in news are
// nearly always the preposition: «المتحدث باسم», «بشأن», «بسبب».
bool IsAlwaysSplit(const std::u32string& w) {
  static const WordSet kWords = SegSet({U"باسم", U"بشأن", U"بسبب", U"لصالح", U"بحسب", U"بفضل"});
  return kWords.count(w) > 0;
}

const std::u32string kEnclitics[] = {U"هما", U"كما", U"هم", U"هن", U"كم", U"كن", U"ها",
                                     U"نا", U"ني", U"ه", U"ك", U"ي"};

}  // namespace

bool Segmenter::Known(const std::u32string& w) const {
  if (w.size() < 2) return false;
  if (lex_.IsKnownWord(w) || lex_.IsLexiconWord(FoldSeg(w))) return true;
  return StartsWithAl(w) && w.size() > 3 && lex_.IsKnownWord(w.substr(2));
}

bool Segmenter::KnownInflected(const std::u32string& w) const {
  if (w.size() < 2) return false;
  if (Known(w)) return true;
  // Not «ا» or «ن» alone: with ة folded to ه they make «ديرها» look like «ديرة» + ا.
  static const std::u32string kSuffixes[] = {U"تان", U"تين", U"ات", U"ون", U"ين", U"ان",
                                             U"وا", U"تا", U"تي", U"تم", U"ت"};
  auto stem_known = [&](const std::u32string& x) {
    if (Known(x)) return true;
    for (const std::u32string& s : kSuffixes) {
      if (x.size() < s.size() + 2 || !EndsWith(x, s)) continue;
      std::u32string st = x.substr(0, x.size() - s.size());
      if (Known(st)) return true;
      if ((s == U"ات" || s == U"ان" || s == U"ين" || s == U"تان" || s == U"تين") &&
          Known(st + kTaMarbuta))
        return true;  // لغات → لغة
      if ((s == U"تي" || s == U"تا" || s == U"تان" || s == U"تين") && Known(st + kTaMarbuta))
        return true;  // the dual of a feminine noun: «وزارتي» (الخارجية والدفاع) → وزارة
    }
    return false;
  };
  if (stem_known(w)) return true;
  // A sound plural in construct drops its «ن»: «محققي الأمم المتحدة» (محققين), «مفتشي».
  if (w.size() >= 5 && w.back() == kYa && stem_known(w + U"\u0646")) return true;
  // Adverbial accusative «لاحقاً», «فوراً» (the tanween is gone in the match form).
  if (w.size() >= 4 && w.back() == kAlef && Known(w.substr(0, w.size() - 1))) return true;
  // Imperfect prefixes: «تراقب» → راقب, «يدير» → دير.
  if (w.size() >= 4 && (w[0] == kYa || w[0] == kTa || w[0] == kNun))
    return stem_known(w.substr(1));
  return false;
}

// Length of a pronoun suffix of `s` to split off, 0 if none.
int Segmenter::Enclitic(const std::u32string& s, bool* ta) const {
  *ta = false;
  for (const std::u32string& suf : kEnclitics) {
    if (s.size() <= suf.size() || !EndsWith(s, suf)) continue;
    std::u32string st = s.substr(0, s.size() - suf.size());
    if (IsEncliticHost(st)) return static_cast<int>(suf.size());
    if (StartsWithAl(st)) continue;  // a definite noun takes no pronoun suffix
    if (st.size() < 2 || lex_.IsProtected(FoldSeg(s)) || KnownInflected(s)) continue;
    if (suf == U"ي" || suf == U"ك") {
      if (st.size() < 3) continue;  // «أخي» and short forms are too ambiguous
    }
    if (st.back() == kTa && st.size() >= 3 && KnownInflected(st.substr(0, st.size() - 1) + kTaMarbuta)) {
      *ta = true;
      return static_cast<int>(suf.size());
    }
    if (KnownInflected(st) || lex_.IsLexiconWord(FoldSeg(st))) return static_cast<int>(suf.size());
  }
  return 0;
}

namespace {

// Per-thread memo of segmentation decisions: an open-addressing table keyed by a 64-bit
// hash of the word (a collision between two distinct words is ~1e-8 over a million
// distinct forms, and would only reuse a segmentation decision). One cache line per look-up.
class SegCache {
 public:
  static SegCache& ForThread(const Lexicon* owner) {
    thread_local SegCache c;
    if (c.owner_ != owner) {
      c.Reset();
      c.owner_ = owner;
    }
    return c;
  }
  const SegAnalysis* Find(uint64_t h) const {
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].h == h) return &slots_[i].a;
      if (slots_[i].h == 0) return nullptr;
    }
  }
  void Put(uint64_t h, const SegAnalysis& a) {
    if (++used_ * 2 > slots_.size()) {
      if (slots_.size() >= kMaxSlots) {
        Reset();  // forms repeat (Zipf): starting over costs little
      } else {
        Grow();
      }
    }
    Insert(h, a);
  }

 private:
  struct Slot {
    uint64_t h = 0;
    SegAnalysis a;
  };
  static constexpr size_t kMaxSlots = 1u << 20;
  void Insert(uint64_t h, const SegAnalysis& a) {
    size_t i = h & mask_;
    while (slots_[i].h != 0 && slots_[i].h != h) i = (i + 1) & mask_;
    slots_[i] = {h, a};
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.h) Insert(s.h, s.a);
  }
  void Reset() {  // small at first: a short run should not pay for a big table
    slots_.assign(1u << 12, Slot{});
    mask_ = slots_.size() - 1;
    used_ = 1;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, used_ = 0;
  const Lexicon* owner_ = nullptr;
};

uint64_t HashWord(std::u32string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (char32_t c : w) h = (h ^ c) * 1099511628211ull;
  return h | 1;  // never 0 (the empty slot)
}

}  // namespace

SegAnalysis Segmenter::Analyze(const std::u32string& w) const {
  SegCache& cache = SegCache::ForThread(&lex_);
  uint64_t h = HashWord(w);
  if (const SegAnalysis* a = cache.Find(h)) return *a;
  SegAnalysis a = AnalyzeUncached(w);
  cache.Put(h, a);
  return a;
}

SegAnalysis Segmenter::AnalyzeUncached(const std::u32string& w) const {
  SegAnalysis a;
  auto prot = [&](const std::u32string& x) { return lex_.IsProtected(FoldSeg(x)); };
  auto lexword = [&](const std::u32string& x) { return lex_.IsLexiconWord(FoldSeg(x)); };
  if (w.size() < 2 || prot(w)) return a;
  size_t pos = 0;
  // 1. The conjunction و / ف.
  if ((w[0] == kWaw || w[0] == kFa) && w.size() >= 3) {
    std::u32string rest = w.substr(1);
    bool future_form = rest.size() >= 4 && rest[0] == kSin &&
                       (rest[1] == kYa || rest[1] == kTa || rest[1] == kNun) && KnownInflected(rest.substr(1));
    bool split = prot(rest) || lexword(rest) || IsParticle(rest) || future_form ||
                 (w[0] == kWaw && rest[0] == kWaw && rest.size() >= 3) ||  // «وويلز»
                 (StartsWithAl(rest) && rest.size() >= 4) ||
                 (rest.size() >= 3 && !KnownInflected(w) &&
                  (KnownInflected(rest) || (rest.size() >= 3 && (rest[0] == kBa || rest[0] == kLam || rest[0] == kKaf) &&
                                            StartsWithAl(rest.substr(1)))));
    // «وبلاده»: the rest splits into a known word and clitics.
    if (!split && rest.size() >= 3 && !KnownInflected(w)) split = AnalyzeAfterConj(rest, a.conj).split();
    if (split) {
      a.conj = 1;
      pos = 1;
    }
  }
  SegAnalysis b = AnalyzeAfterConj(w.substr(pos), pos > 0);
  b.conj = a.conj;
  return b;
}

// Steps 2 and 3 (future or preposition, then a pronoun suffix) on `w`, the word after
// any conjunction (`after_conj`).
SegAnalysis Segmenter::AnalyzeAfterConj(const std::u32string& w, bool after_conj) const {
  SegAnalysis a;
  auto prot = [&](const std::u32string& x) { return lex_.IsProtected(FoldSeg(x)); };
  auto lexword = [&](const std::u32string& x) { return lex_.IsLexiconWord(FoldSeg(x)); };
  size_t pos = 0;
  // 2. The future marker or a preposition.
  std::u32string r = w;
  if (r.size() >= 4 && r[0] == kSin && (r[1] == kYa || r[1] == kTa || r[1] == kNun) &&
      !prot(r) && !KnownInflected(r) && KnownInflected(r.substr(1))) {
    a.future = 1;
    ++pos;
  } else if (r.size() >= 3 && (r[0] == kBa || r[0] == kLam || r[0] == kKaf) && !prot(r) &&
             !(!after_conj && IsParticle(r))) {
    std::u32string rest = r.substr(1);
    bool ok = false;
    if (r[0] == kLam && rest[0] == kLam && rest.size() >= 3) {
      ok = true;  // «للصحافيين» = ل + الصحافيين
      a.lil = true;
    } else if (StartsWithAl(rest) && rest.size() >= 4 && (!KnownInflected(r) || Known(rest))) {
      ok = true;  // «بالميانكيلي», but not «كاليفورنيا»
    } else if (IsAlwaysSplit(r) || (IsParticle(rest) && !IsParticle(r))) {
      ok = true;
    } else if (rest.size() >= 4 && (prot(rest) || lexword(rest))) {
      ok = true;  // «لبوتين»; not «كبرى» = ك + «برى» (as in Berri)
    } else if (rest.size() == 3 && r[0] != kKaf && prot(rest) && !lex_.IsKnownWord(r)) {
      ok = true;  // «بغزة», «لقطر»: a three-letter name when the whole is no dictionary word
    } else if (rest.size() >= (r[0] == kKaf ? 4u : 3u) && KnownInflected(rest) && !KnownInflected(r)) {
      ok = true;
    } else if (bool ta = false; rest.size() >= 5 && r[0] != kKaf && !lex_.IsKnownWord(r)) {
      // «بنظيره» = ب + نظير + ه: a known noun under its pronoun suffix. (The whole without
      // the suffix may be a name, «بنظير» Benazir, but a name takes no pronoun suffix.)
      if (int e = Enclitic(rest, &ta); e > 0 && rest.size() - e >= 3) {
        const std::u32string host = rest.substr(0, rest.size() - e);
        ok = (ta ? Known(host + kTaMarbuta) : Known(host)) && !lex_.IsKnownWord(r.substr(0, r.size() - e));
      }
    } else if (rest.size() == 2 && r[0] != kKaf) {
      // Verbal nouns of doubled roots are two letters unvoweled: «بضم روسيا» (ضمّ), «لحل
      // الأزمة» (حلّ), «بشن هجوم» (شنّ). (Not «رد», «حث»: «برد» is cold, «بحث» research.)
      static const std::unordered_set<std::u32string> kDoubled = {U"ضم", U"حل", U"شن", U"مد", U"صد", U"فك",
                                                                  U"سد", U"فض", U"بث", U"غض", U"حد"};
      ok = kDoubled.count(rest) > 0;
    }
    if (ok) {
      a.prep = 1;
      ++pos;
    }
  }
  // 3. A pronoun suffix on what remains.
  std::u32string stem = w.substr(pos);
  if (a.lil) stem = U"\u0627" + stem;
  // («لكن» is the conjunction «but», not ل + the pronoun كن, which news never addresses.)
  if (!IsParticle(stem) ||
      (stem != U"\u0644\u0643\u0646" && IsEncliticHost(stem.substr(0, stem.size() > 2 ? stem.size() - 2 : 0)))) {
    bool ta = false;
    int e = Enclitic(stem, &ta);
    if (e > 0 && static_cast<int>(w.size() - pos) > e) {
      a.enclitic = static_cast<uint8_t>(e);
      a.ta = ta;
    }
  }
  return a;
}

void Segmenter::Segment(std::vector<Token>* tokens, const NormText& text) const {
  SegCache& cache = SegCache::ForThread(&lex_);
  for (Token& t : *tokens) {
    if (t.kind != TokKind::kArabic) continue;
    // Hash the segmentation form without building it (most forms are cache hits).
    uint64_t h = 1469598103934665603ull;
    for (int i = t.mstart; i < t.mend; ++i) {
      char32_t c = text.match[i], o = text.original[text.start[i]];
      if (c == kHa && o == kTaMarbuta) c = kTaMarbuta;
      else if (c == kYa && o == U'\u0649') c = U'\u0649';
      h = (h ^ c) * 1099511628211ull;
    }
    h |= 1;
    SegAnalysis a;
    std::u32string w;
    if (const SegAnalysis* hit = cache.Find(h)) {
      a = *hit;
    } else {
      w = SegFormOf(text, t.mstart, t.mend);
      a = AnalyzeUncached(w);
      cache.Put(h, a);
    }
    if (!a.split()) continue;  // the tokenizer already set key = form
    if (w.empty()) w = SegFormOf(text, t.mstart, t.mend);
    Apply(&t, w, a);
  }
}

void Segmenter::SegmentToken(Token* t, const std::u32string& w) const {
  t->key_.clear();
  t->pieces.clear();
  t->proclitics.clear();
  t->future = false;
  t->enclitic = false;
  SegAnalysis a = Analyze(w);
  if (a.split()) Apply(t, w, a);
}

void Segmenter::Apply(Token* t, const std::u32string& w, const SegAnalysis& a) const {
  size_t pro = a.conj + a.future + a.prep;
  size_t stem_end = w.size() - a.enclitic;
  std::u32string stem = w.substr(pro, stem_end - pro);
  if (a.lil) stem = U"\u0627" + stem;
  if (a.ta) stem.back() = kTaMarbuta;
  t->key_ = FoldSeg(stem);
  t->future = a.future;
  t->enclitic = a.enclitic > 0;
  t->proclitics = FoldSeg(w.substr(0, pro));
  for (size_t k = 0; k < pro; ++k) {
    Piece p;
    p.mstart = t->mstart + static_cast<int>(k);
    p.mend = p.mstart + 1;
    p.restored = FoldSeg(w.substr(k, 1));
    t->pieces.push_back(p);
  }
  Piece sp;
  sp.mstart = t->mstart + static_cast<int>(pro);
  sp.mend = t->mstart + static_cast<int>(stem_end);
  sp.restored = FoldSeg(stem);
  sp.add_alef = a.lil;
  sp.ta_marbuta = a.ta;
  t->pieces.push_back(sp);
  if (a.enclitic) {
    Piece ep;
    ep.mstart = sp.mend;
    ep.mend = t->mend;
    ep.restored = FoldSeg(w.substr(stem_end));
    t->pieces.push_back(ep);
  }
}

std::u32string LightStem(const Lexicon& lex, const std::u32string& key) {
  if (key.size() < 4 || lex.IsProtected(key)) return key;
  std::u32string w = key;
  if (StartsWithAl(w) && w.size() >= 5) w = w.substr(2);
  if (lex.IsProtected(w)) return w;
  static const std::u32string kSuffixes[] = {U"يات", U"ات", U"ون", U"ين", U"ان", U"يه", U"ه", U"ي"};
  for (const std::u32string& suf : kSuffixes)
    if (w.size() >= suf.size() + 3 && EndsWith(w, suf)) return w.substr(0, w.size() - suf.size());
  return w;
}

}  // namespace hadath
