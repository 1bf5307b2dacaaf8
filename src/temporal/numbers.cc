// Numbers: digits of every set (already ASCII in the match form) with separators,
// scale words (ألف/آلاف، مليون، مليار), compounds «6 آلاف و500», percentages, a
// first set of number words, approximation cues and units.
#include <cmath>
#include <string>
#include <unordered_map>

#include "src/normalize/normalizer.h"
#include "src/temporal/temporal.h"
#include "src/temporal/words.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {


struct NumberWords {
  std::unordered_map<std::u32string, double> scales, words;
  std::unordered_map<std::u32string, std::string> units;
  WordSet approx, approx_two_first, percent_words;
  std::u32string wa, min, fi;

  static const NumberWords& Get() {
    static const NumberWords* w = [] {
      auto* n = new NumberWords;
      for (const char* s : {"ألف", "آلاف", "ألفا", "ألفين", "ألفان"}) n->scales[MatchFormOf(s)] = 1e3;
      for (const char* s : {"مليون", "ملايين", "مليونا", "مليونين", "مليونان"}) n->scales[MatchFormOf(s)] = 1e6;
      for (const char* s : {"مليار", "مليارات", "مليارا", "مليارين", "بليون"}) n->scales[MatchFormOf(s)] = 1e9;
      const std::pair<const char*, double> kWords[] = {
          {"واحد", 1}, {"واحدة", 1}, {"اثنان", 2}, {"اثنين", 2}, {"اثنتان", 2}, {"اثنتين", 2},
          {"ثلاثة", 3}, {"ثلاث", 3}, {"أربعة", 4}, {"أربع", 4}, {"خمسة", 5}, {"خمس", 5},
          {"ستة", 6}, {"ست", 6}, {"سبعة", 7}, {"سبع", 7}, {"ثمانية", 8}, {"ثماني", 8},
          {"تسعة", 9}, {"تسع", 9}, {"عشرة", 10}, {"عشر", 10}, {"عشرون", 20}, {"عشرين", 20},
          {"ثلاثون", 30}, {"ثلاثين", 30}, {"أربعون", 40}, {"أربعين", 40}, {"خمسون", 50},
          {"خمسين", 50}, {"مئة", 100}, {"مائة", 100}, {"مئات", 100}, {"عشرات", 10},
          {"آلاف", 1000}, {"ألف", 1000}, {"مليون", 1e6}, {"نصف", 0.5}, {"ربع", 0.25}};
      for (const auto& [s, v] : kWords) n->words[MatchFormOf(s)] = v;
      const std::pair<const char*, const char*> kUnits[] = {
          {"قتيل", "dead"}, {"قتيلا", "dead"}, {"قتلى", "dead"}, {"شخصا", "person"},
          {"أشخاص", "person"}, {"جريح", "injured"}, {"جريحا", "injured"}, {"جرحى", "injured"},
          {"مصابا", "injured"}, {"مصابين", "injured"}, {"معتقل", "arrested"}, {"معتقلا", "arrested"},
          {"معتقلين", "arrested"}, {"أسير", "prisoner"}, {"أسرى", "prisoner"}, {"عنصر", "personnel"},
          {"عنصرا", "personnel"}, {"عناصر", "personnel"}, {"جندي", "soldier"}, {"جنديا", "soldier"},
          {"جنود", "soldier"}, {"دولار", "USD"}, {"دولارا", "USD"}, {"دولارات", "USD"},
          {"يورو", "EUR"}, {"ريال", "SAR"}, {"ريالا", "SAR"}, {"كيلومتر", "km"}, {"كيلومترا", "km"},
          {"كيلومترات", "km"}, {"كلم", "km"}, {"شهرا", "month"}, {"أشهر", "month"},
          {"شهور", "month"}, {"يوما", "day"}, {"أيام", "day"}, {"عاما", "year"}, {"سنوات", "year"},
          {"أعوام", "year"}, {"طن", "ton"}, {"برميل", "barrel"}};
      for (const auto& [s, u] : kUnits) n->units[MatchFormOf(s)] = u;
      n->approx = MatchFormSet({"نحو", "قرابة", "حوالي", "زهاء", "ما يقارب", "حوالى", "تقريبا"});
      n->approx_two_first = MatchFormSet({"أكثر", "أقل", "ما"});
      n->percent_words = MatchFormSet({"المئة", "المائة", "بالمئة", "بالمائة"});
      n->wa = MatchFormOf("و");
      n->min = MatchFormOf("من");
      n->fi = MatchFormOf("في");
      return n;
    }();
    return *w;
  }

};

bool ParseDigits(const std::u32string& f, double* v) {
  std::string s;
  for (char32_t c : f) {
    if (c >= U'0' && c <= U'9') s.push_back(static_cast<char>(c));
    else if (c == U'.' || c == 0x066B) s.push_back('.');
    else if (c == U',' || c == 0x066C) continue;  // thousands separator
    else return false;
  }
  if (s.empty()) return false;
  // «1,5» (comma decimal) is rare in Arabic news; «1,200» is thousands: keep as parsed.
  *v = std::atof(s.c_str());
  return std::isfinite(*v);
}

}  // namespace

void TagNumbers(DocContext* ctx, Analysis* out) {
  const NumberWords& w = NumberWords::Get();
  const auto& t = ctx->tokens;
  for (const Sentence& s : ctx->sentences) {
    for (int i = s.begin; i < s.end; ++i) {
      int tt = ctx->token_time[i];
      if (tt >= 0 && out->times[tt].type != "DURATION") continue;
      double v = 0;
      int j = i;
      if (t[i].kind == TokKind::kNumber) {
        if (!ParseDigits(t[i].form, &v)) continue;
        j = i + 1;
        if (j < s.end) {
          auto sc = w.scales.find(t[j].Key());
          if (sc != w.scales.end()) {
            v *= sc->second;
            ++j;
            // «6 آلاف و500»
            if (j < s.end && t[j].form == w.wa && j + 1 < s.end && t[j + 1].kind == TokKind::kNumber &&
                !t[j].space_after) {
              double v2;
              if (ParseDigits(t[j + 1].form, &v2) && v2 < v) {
                v += v2;
                j += 2;
              }
            }
          }
        }
      } else if (t[i].kind == TokKind::kArabic) {
        auto it = w.words.find(t[i].Key());
        if (it == w.words.end() || !t[i].proclitics.empty()) continue;
        v = it->second;
        j = i + 1;
      } else {
        continue;
      }
      NumberExpr n;
      int a = i;
      if (a > s.begin && w.approx.count(t[a - 1].Key())) {
        n.approx = true;
        --a;
      } else if (a > s.begin + 1 && t[a - 1].Key() == w.min && w.approx_two_first.count(t[a - 2].Key())) {
        n.approx = true;
        a -= 2;
      }
      if (j < s.end && t[j].kind == TokKind::kPunct && (t[j].form == U"%" || t[j].form == U"\u066A")) {
        n.unit = "percent";
        ++j;
      } else if (j + 1 < s.end && t[j].Key() == w.fi && w.percent_words.count(t[j + 1].Key())) {
        n.unit = "percent";
        j += 2;
      } else if (j < s.end && w.percent_words.count(t[j].Key())) {
        n.unit = "percent";
        ++j;
      } else if (j < s.end) {
        auto u = w.units.find(t[j].Key());
        if (u != w.units.end()) n.unit = u->second;
      }
      n.value = v;
      n.span = ctx->SpanOf(a, j);
      out->numbers.push_back(std::move(n));
      i = j - 1;
    }
  }
}

}  // namespace hadath
