// Numbers: digits of every set (already ASCII in the match form) with separators, number
// words and compounds (numwords.h), ordinals (unit "ordinal"), percentages, approximation
// cues («نحو», «أكثر من», «عشرات») and units.
#include <cmath>
#include <string>
#include <unordered_map>

#include "src/normalize/normalizer.h"
#include "src/temporal/temporal.h"
#include "src/temporal/numwords.h"
#include "src/temporal/words.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {


struct NumberWords {
  std::unordered_map<std::u32string, std::string> units;
  WordSet approx, approx_two_first, percent_words, vague;
  std::u32string wa, min, fi;

  static const NumberWords& Get() {
    static const NumberWords* w = [] {
      auto* n = new NumberWords;
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
          {"أعوام", "year"}, {"طن", "ton"}, {"أطنان", "ton"}, {"برميل", "barrel"}, {"براميل", "barrel"},
          {"جنيه", "EGP"}, {"جنيها", "EGP"}, {"دينار", "dinar"}, {"دينارا", "dinar"}, {"درهم", "dirham"},
          {"درهما", "dirham"}, {"ليرة", "lira"}, {"روبل", "RUB"}, {"روبلا", "RUB"}, {"يوان", "CNY"},
          {"ين", "JPY"}, {"جنيه إسترليني", "GBP"}, {"كيلوغرام", "kg"}, {"كيلوغراما", "kg"}, {"كلغ", "kg"},
          {"كغ", "kg"}, {"متر", "m"}, {"مترا", "m"}, {"أمتار", "m"}, {"ميل", "mile"}, {"ميلا", "mile"},
          {"هكتار", "ha"}, {"هكتارا", "ha"}, {"لاجئ", "refugee"}, {"لاجئا", "refugee"}, {"نازح", "displaced"},
          {"نازحا", "displaced"}, {"مدني", "civilian"}, {"مدنيا", "civilian"}, {"مدنيين", "civilian"},
          {"طفل", "child"}, {"طفلا", "child"}, {"أطفال", "child"}, {"شهيد", "dead"}, {"شهيدا", "dead"},
          {"شهداء", "dead"}, {"القتلى", "dead"}, {"الشهداء", "dead"}, {"الجرحى", "injured"},
          {"المصابين", "injured"}, {"المعتقلين", "arrested"}, {"الأسرى", "prisoner"}, {"معتقلون", "arrested"},
          {"قتلوا", "dead"}, {"مصابون", "injured"}, {"موقوفا", "arrested"}, {"موقوفين", "arrested"},
          {"مسلح", "militant"}, {"مسلحا", "militant"}, {"مسلحين", "militant"},
          {"مهاجر", "migrant"}, {"مهاجرا", "migrant"}, {"مهاجرين", "migrant"}, {"لاجئين", "refugee"},
          {"شخص", "person"}};
      for (const auto& [s, u] : kUnits) n->units[MatchFormOf(s)] = u;
      n->approx = MatchFormSet({"نحو", "قرابة", "حوالي", "زهاء", "ما يقارب", "حوالى", "تقريبا"});
      n->approx_two_first = MatchFormSet({"أكثر", "أقل", "ما"});
      n->percent_words = MatchFormSet({"المئة", "المائة", "بالمئة", "بالمائة"});
      n->vague = MatchFormSet({"عشرات", "مئات", "آلاف", "ملايين", "مليارات"});
      n->wa = MatchFormOf("و");
      n->min = MatchFormOf("من");
      n->fi = MatchFormOf("في");
      return n;
    }();
    return *w;
  }

};

}  // namespace

void TagNumbers(DocContext* ctx, Analysis* out) {
  const NumberWords& w = NumberWords::Get();
  const auto& t = ctx->tokens;
  for (const Sentence& s : ctx->sentences) {
    for (int i = s.begin; i < s.end; ++i) {
      int tt = ctx->token_time[i];
      if (tt >= 0 && out->times[tt].type != "DURATION") continue;
      if (t[i].kind != TokKind::kNumber && t[i].kind != TokKind::kArabic) continue;
      NumberParse p = ParseNumber(t, i, s.end);
      if (!p.ntokens) continue;
      // A word number needs more than a vague plural or a lone fraction to be a number
      // of the text; «عشرات» and «مئات» are kept as approximations.
      int j = i + p.ntokens;
      // Inside a time expression (a date's day or year) the time has it.
      bool in_time = false;
      for (int k = i; k < j; ++k) in_time |= ctx->token_time[k] >= 0 && out->times[ctx->token_time[k]].type != "DURATION";
      if (in_time) continue;
      if (tt >= 0 && p.value < 1) continue;  // the «ونصف» of «ساعة ونصف» is the duration's
      NumberExpr n;
      n.value = p.value;
      if (p.ordinal) n.unit = "ordinal";
      if (!p.ordinal && j == i + 1 && t[i].kind == TokKind::kArabic && w.vague.count(t[i].Key())) n.approx = true;
      int a = i;
      if (a > s.begin && w.approx.count(t[a - 1].Key())) {
        n.approx = true;
        --a;
      } else if (a > s.begin + 1 && t[a - 1].Key() == w.min && w.approx_two_first.count(t[a - 2].Key())) {
        n.approx = true;
        a -= 2;
      }
      if (!p.ordinal) {
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
          // The unit is part of the quantity's span: «500 دولار», «قرابة 50 قتيلا».
          auto u = w.units.find(t[j].Key());
          if (u != w.units.end() && t[j].proclitics.empty()) {
            n.unit = u->second;
            ++j;
          }
        }
      }
      // «بنسبة 32 في المئة»: the percentage phrase.
      static const WordSet kRate = MatchFormSet({"بنسبة", "نسبة", "نسبته", "نسبتها"});
      if (n.unit == "percent" && a > s.begin && kRate.count(t[a - 1].form)) --a;
      n.span = ctx->SpanOf(a, j);
      out->numbers.push_back(std::move(n));
      i = j - 1;
    }
  }
}

}  // namespace hadath
