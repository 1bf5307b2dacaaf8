#include "src/temporal/numwords.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "src/lexicon/lexicon.h"

#include "src/normalize/normalizer.h"

namespace hadath {
namespace {

enum class Cls { kUnit, kTeen, kTens, kHundred, kScale, kScaleDual, kScalePlural, kFraction };

struct Word {
  Cls cls;
  double value;
};

struct Tables {
  std::unordered_map<std::u32string, Word> card;
  std::unordered_map<std::u32string, int> ordinal;       // «الثالث» → 3 (1–10, الحادي → 1)
  std::unordered_map<std::u32string, int> ordinal_tens;  // «العشرون» → 20
  std::u32string wa;
  std::unordered_set<uint64_t> hashes;  // Lexicon::WordHash of every key above: a quick «no»

  static const Tables& Get() {
    static const Tables* t = [] {
      auto* x = new Tables;
      auto add = [&](std::initializer_list<const char*> ws, Cls c, double v) {
        for (const char* w : ws) x->card[MatchFormOf(w)] = {c, v};
      };
      add({"واحد", "واحدة", "أحد", "إحدى"}, Cls::kUnit, 1);
      add({"اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "إثنان", "إثنين"}, Cls::kUnit, 2);
      add({"ثلاثة", "ثلاث", "ثلاثا"}, Cls::kUnit, 3);
      add({"أربعة", "أربع", "أربعا"}, Cls::kUnit, 4);
      add({"خمسة", "خمس", "خمسا"}, Cls::kUnit, 5);
      add({"ستة", "ست", "ستا"}, Cls::kUnit, 6);
      add({"سبعة", "سبع", "سبعا"}, Cls::kUnit, 7);
      add({"ثمانية", "ثماني", "ثمان", "ثمانيا"}, Cls::kUnit, 8);
      add({"تسعة", "تسع", "تسعا"}, Cls::kUnit, 9);
      add({"عشرة", "عشر", "عشرا"}, Cls::kTeen, 10);
      add({"عشرون", "عشرين"}, Cls::kTens, 20);
      add({"ثلاثون", "ثلاثين"}, Cls::kTens, 30);
      add({"أربعون", "أربعين"}, Cls::kTens, 40);
      add({"خمسون", "خمسين"}, Cls::kTens, 50);
      add({"ستون", "ستين"}, Cls::kTens, 60);
      add({"سبعون", "سبعين"}, Cls::kTens, 70);
      add({"ثمانون", "ثمانين"}, Cls::kTens, 80);
      add({"تسعون", "تسعين"}, Cls::kTens, 90);
      add({"مئة", "مائة", "مئه", "مائه", "مية"}, Cls::kHundred, 100);
      add({"مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"}, Cls::kHundred, 200);
      const char* units[] = {"ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
      for (int u = 0; u < 7; ++u)
        for (const char* h : {"مئة", "مائة"}) x->card[MatchFormOf((std::string(units[u]) + h).c_str())] = {Cls::kHundred, 100.0 * (u + 3)};
      x->card[MatchFormOf("ثمانمئة")] = {Cls::kHundred, 800};
      x->card[MatchFormOf("ثمانمائة")] = {Cls::kHundred, 800};
      add({"ألف", "ألفا"}, Cls::kScale, 1e3);
      add({"ألفان", "ألفين", "ألفي"}, Cls::kScaleDual, 1e3);
      add({"آلاف", "الاف"}, Cls::kScalePlural, 1e3);
      add({"مليون", "مليونا"}, Cls::kScale, 1e6);
      add({"مليونان", "مليونين", "مليوني"}, Cls::kScaleDual, 1e6);
      add({"ملايين"}, Cls::kScalePlural, 1e6);
      add({"مليار", "مليارا", "بليون", "بليونا"}, Cls::kScale, 1e9);
      add({"ملياران", "مليارين", "ملياري", "بليونين"}, Cls::kScaleDual, 1e9);
      add({"مليارات", "بلايين"}, Cls::kScalePlural, 1e9);
      add({"نصف"}, Cls::kFraction, 0.5);
      add({"ربع"}, Cls::kFraction, 0.25);
      add({"ثلث"}, Cls::kFraction, 1.0 / 3);
      const std::pair<const char*, int> ords[] = {
          {"الأول", 1},    {"الأولى", 1},   {"الحادي", 1},   {"الحادية", 1}, {"الثاني", 2},
          {"الثانية", 2},  {"الثالث", 3},   {"الثالثة", 3},  {"الرابع", 4},  {"الرابعة", 4},
          {"الخامس", 5},   {"الخامسة", 5},  {"السادس", 6},   {"السادسة", 6}, {"السابع", 7},
          {"السابعة", 7},  {"الثامن", 8},   {"الثامنة", 8},  {"التاسع", 9},  {"التاسعة", 9},
          {"العاشر", 10},  {"العاشرة", 10}};
      for (const auto& [w, v] : ords) x->ordinal[MatchFormOf(w)] = v;
      const std::pair<const char*, int> otens[] = {
          {"العشرون", 20}, {"العشرين", 20}, {"الثلاثون", 30}, {"الثلاثين", 30}, {"الأربعون", 40},
          {"الأربعين", 40}, {"الخمسون", 50}, {"الخمسين", 50}, {"الستون", 60}, {"الستين", 60},
          {"السبعون", 70}, {"السبعين", 70}, {"الثمانون", 80}, {"الثمانين", 80}, {"التسعون", 90},
          {"التسعين", 90}, {"المئة", 100}, {"المائة", 100}};
      for (const auto& [w, v] : otens) x->ordinal_tens[MatchFormOf(w)] = v;
      x->wa = MatchFormOf("و");
      for (const auto& [k, v] : x->card) x->hashes.insert(Lexicon::WordHash(k));
      for (const auto& [k, v] : x->ordinal) x->hashes.insert(Lexicon::WordHash(k));
      for (const auto& [k, v] : x->ordinal_tens) x->hashes.insert(Lexicon::WordHash(k));
      return x;
    }();
    return *t;
  }
};

bool DigitsValue(const Token& tok, double* v) {
  if (tok.kind != TokKind::kNumber) return false;
  std::string s;
  for (char32_t c : tok.form) {
    if (c >= U'0' && c <= U'9') s.push_back(static_cast<char>(c));
    else if (c == U'.' || c == 0x066B) s.push_back('.');
    else if (c == U',' || c == 0x066C) continue;
    else return false;
  }
  if (s.empty()) return false;
  *v = std::atof(s.c_str());
  return std::isfinite(*v);
}

// The number word of a token, and whether a conjunction «و» is glued to it
// («وعشرون» split by the segmenter, or «ومئتين» left whole).
const Word* WordOf(const Tables& tb, const Token& t, bool* conj) {
  *conj = false;
  if (t.kind != TokKind::kArabic) return nullptr;
  if (!tb.hashes.count(t.hkey) && (t.form.empty() || t.form[0] != U'\u0648')) return nullptr;
  if (t.proclitics.empty() || t.proclitics == tb.wa) {
    auto it = tb.card.find(t.Key());
    if (it != tb.card.end()) {
      *conj = t.proclitics == tb.wa;
      return &it->second;
    }
  }
  if (t.proclitics.empty() && t.form.size() > 3 && t.form[0] == U'\u0648') {
    auto it = tb.card.find(t.form.substr(1));
    if (it != tb.card.end()) {
      *conj = true;
      return &it->second;
    }
  }
  return nullptr;
}

NumberParse ParseOrdinal(const Tables& tb, const std::vector<Token>& t, int i, int end) {
  NumberParse p;
  const Token& a = t[i];
  if (a.kind != TokKind::kArabic || !(a.proclitics.empty() || a.proclitics == tb.wa)) return p;
  auto it = tb.ordinal.find(a.Key());
  int v = 0;
  if (it != tb.ordinal.end()) {
    v = it->second;
  } else if (auto ot = tb.ordinal_tens.find(a.Key()); ot != tb.ordinal_tens.end()) {
    p.ntokens = 1;
    p.value = ot->second;
    p.ordinal = p.words = true;
    return p;
  } else {
    return p;
  }
  int j = i + 1;
  bool conj = false;
  // «الحادي عشر», «الثالثة عشرة»
  if (j < end) {
    const Word* w = WordOf(tb, t[j], &conj);
    if (w && w->cls == Cls::kTeen && !conj) {
      v += 10;
      ++j;
    }
  }
  // «الخامس والعشرون»
  if (v < 10 && j < end && t[j].proclitics == tb.wa) {
    auto ot = tb.ordinal_tens.find(t[j].Key());
    if (ot != tb.ordinal_tens.end() && ot->second < 100) {
      v += ot->second;
      ++j;
    }
  }
  if (v == 1 && j == i + 1 && tb.ordinal.count(a.Key()) &&
      (a.Key() == MatchFormOf("الحادي") || a.Key() == MatchFormOf("الحادية")))
    return NumberParse{};  // «الحادي» alone is no ordinal
  p.ntokens = j - i;
  p.value = v;
  p.ordinal = p.words = true;
  return p;
}

}  // namespace

int SmallCardinal(const std::u32string& key) {
  const Tables& tb = Tables::Get();
  auto it = tb.card.find(key);
  if (it == tb.card.end()) return 0;
  if (it->second.cls == Cls::kUnit || (it->second.cls == Cls::kTeen && it->second.value == 10))
    return static_cast<int>(it->second.value);
  return 0;
}

NumberParse ParseNumber(const std::vector<Token>& t, int i, int end) {
  const Tables& tb = Tables::Get();
  NumberParse out;
  if (i >= end) return out;
  const Token& first = t[i];
  if (first.kind == TokKind::kArabic && !tb.hashes.count(first.hkey) &&
      (first.form.empty() || first.form[0] != U'\u0648'))
    return out;
  if (first.kind != TokKind::kArabic && first.kind != TokKind::kNumber) return out;
  if (NumberParse o = ParseOrdinal(tb, t, i, end); o.ntokens) return o;
  double total = 0, group = 0, last_scale = 0;
  // What may follow with «و»: below this value (a new component must be smaller than the
  // last scale or hundred; after a unit only tens: «خمسة وعشرون»).
  double limit = 1e18;
  bool last_unit = false, any_words = false, had_hundred = false;
  double last_unit_value = 0;
  int j = i, consumed = 0;
  struct {
    double total, group;
    int consumed;
  } snap{0, 0, 0};
  while (j < end) {
    const Token& tok = t[j];
    bool conj = false;
    int step = 1;
    double digits = 0;
    const Word* w = nullptr;
    bool is_digits = false;
    if (tok.kind == TokKind::kNumber) {
      if (!DigitsValue(tok, &digits)) break;
      is_digits = true;
    } else if (tok.kind == TokKind::kArabic && tok.form == tb.wa && tok.proclitics.empty() && j + 1 < end &&
               t[j + 1].kind == TokKind::kNumber && !tok.space_after) {
      // «و500»: the conjunction is a token of its own before digits.
      if (!DigitsValue(t[j + 1], &digits)) break;
      is_digits = true;
      conj = true;
      step = 2;
    } else {
      w = WordOf(tb, tok, &conj);
      if (!w) break;
    }
    bool first = consumed == 0;
    if (conj && !first) snap = {total, group, consumed};
    if (first) {
      // A number may start after a conjunction («وثلاثة»): the caller's span starts there.
      conj = false;
    } else if (conj) {
      double v = is_digits ? digits : w->value;
      if (!is_digits && (w->cls == Cls::kScale || w->cls == Cls::kScalePlural)) break;
      // Digits continue words only after a scale («6 آلاف و500»); a hundred only once.
      if (is_digits && !(last_scale > 0 && group == 0)) break;
      if (w && w->cls == Cls::kHundred && had_hundred) break;
      if (w && w->cls == Cls::kUnit && had_hundred && j + 1 < end) {
        bool c2 = false;
        const Word* nx = WordOf(tb, t[j + 1], &c2);
        if (nx && nx->cls == Cls::kHundred && !c2) break;  // «ثلاثمائة وثلاث مئة»: two numbers
      }
      if (w && w->cls == Cls::kFraction) {
        if (last_scale == 0 && group == 0) break;
      } else if (last_unit) {
        if (!(w && w->cls == Cls::kTens)) break;
      } else if (!(v < limit)) {
        break;
      }
    } else {
      // Without «و» only: a teen after a unit («ثلاثة عشر»), a scale after a count
      // («ثلاثة آلاف», «6 آلاف»), «مئة» after a unit («ثلاث مئة»).
      if (is_digits) break;
      bool scale = w->cls == Cls::kScale || w->cls == Cls::kScalePlural;
      bool ok = (w->cls == Cls::kTeen && last_unit) || (scale && group > 0) ||
                (w->cls == Cls::kHundred && w->value == 100 && last_unit);
      if (!ok) break;
      if (scale && last_scale > 0 && w->value >= last_scale) {
        // «6 آلاف و500 وثلاثة ملايين»: the count belongs to a new number.
        total = snap.total;
        group = snap.group;
        consumed = snap.consumed;
        break;
      }
    }
    if (is_digits) {
      group += digits;
      last_unit = false;
      limit = digits;
    } else {
      any_words = true;
      switch (w->cls) {
        case Cls::kUnit:
          group += w->value;
          last_unit = true;
          last_unit_value = w->value;
          limit = w->value;
          break;
        case Cls::kTeen:
          group += 10;
          last_unit = false;
          limit = 0;  // nothing joins a teen with «و» («اثنا عشر وإحدى عشرة» are two)
          break;
        case Cls::kTens:
          group += w->value;
          last_unit = false;
          limit = 10;
          break;
        case Cls::kHundred:
          if (!conj && last_unit && w->value == 100) group += last_unit_value * 99;  // «ثلاث مئة»
          else group += w->value;
          had_hundred = true;
          last_unit = false;
          limit = 100;
          break;
        case Cls::kScale:
        case Cls::kScalePlural:
          total += (group > 0 ? group : 1) * w->value;
          group = 0;
          had_hundred = false;
          last_scale = w->value;
          last_unit = false;
          limit = w->value;
          break;
        case Cls::kScaleDual:
          if (!first && !conj) goto done;
          total += 2 * w->value;
          last_scale = w->value;
          last_unit = false;
          limit = w->value;
          break;
        case Cls::kFraction:
          if (first) {
            group += w->value;  // «نصف», «ربع» alone
          } else if (group > 0 && last_scale == 0) {
            group += w->value;
          } else {
            total += w->value * last_scale;
          }
          last_unit = false;
          limit = 0;
          break;
      }
    }
    j += step;
    consumed = j - i;
  }
done:
  if (!consumed) return out;
  out.ntokens = consumed;
  out.value = total + group;
  out.words = any_words;
  return out;
}

}  // namespace hadath
