#include "src/temporal/words.h"

#include <initializer_list>

#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"
#include "src/util/utf8.h"

namespace hadath {

const TimeWords& TimeWords::Get() {
  static const TimeWords* w = [] {
    auto* t = new TimeWords;
    t->year_words = MatchFormSet({"عام", "العام", "سنة", "السنة", "عامي"});
    t->rel_past = MatchFormSet({"الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة"});
    t->rel_next = MatchFormSet({"المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الآتية"});
    t->month_rel = MatchFormSet({"الجاري", "الجارية", "الحالي", "الحالية"});
    for (const auto& w : t->rel_past) t->month_rel.insert(w);
    for (const auto& w : t->rel_next) t->month_rel.insert(w);
    t->this_words = MatchFormSet({"هذا", "هذه"});
    // (after a year only; «للهجرة» is read as ل + «الهجرة»)
    t->hijri_marks = MatchFormSet({"ه", "هـ", "للهجرة", "الهجرة", "هجري", "هجرية", "الهجري", "الهجرية"});
    t->ad_marks = MatchFormSet({"م", "ميلادي", "ميلادية", "للميلاد", "الميلاد", "الميلادي", "الميلادية"});
    t->range_from = MatchFormSet({"من", "بين", "منذ"});
    t->range_to = MatchFormSet({"إلى", "الى", "حتى", "و", "لغاية"});
    t->month_parts = MatchFormSet({"مطلع", "منتصف", "أواخر", "أوائل", "أواسط", "نهاية", "بداية", "مستهل",
                          "أول", "آخر", "نهايات", "بدايات"});
    t->month_preps = MatchFormSet({"في", "خلال", "منذ", "حتى", "بحلول", "قبل", "بعد", "منتصف", "شهر"});
    t->ambiguous_months = MatchFormSet({"صفر", "رجب", "آب", "ماي", "جوان", "شوال", "محرم", "رمضان", "شعبان"});
    t->day_parts = MatchFormSet({"صباح", "مساء", "ظهر", "فجر", "ليل", "ليلة", "عصر", "ظهيرة", "صبيحة"});
    t->yawm = MatchFormOf("يوم");
    t->al = MatchFormOf("ال");
    t->min = MatchFormOf("من");
    t->shahr = MatchFormOf("شهر");
    t->seasons = {{MatchFormOf("خريف"), "FA"}, {MatchFormOf("ربيع"), "SP"}, {MatchFormOf("صيف"), "SU"}, {MatchFormOf("شتاء"), "WI"}};
    t->units = {{MatchFormOf("الأسبوع"), 'W'}, {MatchFormOf("الشهر"), 'M'}, {MatchFormOf("العام"), 'Y'}, {MatchFormOf("السنة"), 'Y'}};
    auto dur = [&](std::initializer_list<const char*> ws, const char* unit, int count) {
      for (const char* w : ws) t->dur[MatchFormOf(w)] = {unit, count};
    };
    dur({"يوم", "يوما"}, "D", 1);
    dur({"يومين", "يومان"}, "D", 2);
    dur({"أيام"}, "D", 0);
    dur({"أسبوع", "أسبوعا"}, "W", 1);
    dur({"أسبوعين", "أسبوعان"}, "W", 2);
    dur({"أسابيع"}, "W", 0);
    dur({"شهر", "شهرا"}, "M", 1);
    dur({"شهرين", "شهران"}, "M", 2);
    dur({"أشهر", "شهور"}, "M", 0);
    dur({"عام", "عاما", "سنة"}, "Y", 1);
    dur({"عامين", "عامان", "سنتين", "سنتان"}, "Y", 2);
    dur({"أعوام", "سنوات", "سنين"}, "Y", 0);
    dur({"عقد", "عقدا"}, "DEC", 1);
    dur({"عقدين", "عقدان"}, "DEC", 2);
    dur({"عقود"}, "DEC", 0);
    dur({"ساعة"}, "H", 1);
    dur({"ساعتين", "ساعتان"}, "H", 2);
    dur({"ساعات"}, "H", 0);
    dur({"دقيقة"}, "MIN", 1);
    dur({"دقيقتين", "دقيقتان"}, "MIN", 2);
    dur({"دقائق"}, "MIN", 0);
    dur({"ثانية"}, "S", 1);
    dur({"ثانيتين", "ثانيتان"}, "S", 2);
    dur({"ثوان", "ثواني", "ثوانٍ"}, "S", 0);
    t->hour_marks = MatchFormSet({"الساعة", "الساعه"});
    t->ago = MatchFormSet({"قبل"});
    t->after = MatchFormSet({"بعد"});
    t->since = MatchFormSet({"منذ"});
    t->except = MatchFormSet({"إلا", "الا"});
    t->timezone_marks = MatchFormSet({"بتوقيت", "بالتوقيت", "توقيت"});
    for (const char* w : {"صباحا", "صباح", "صباحاً", "فجرا", "فجر", "الصباح", "الفجر"}) t->day_part_hours[MatchFormOf(w)] = 0;
    for (const char* w : {"ظهرا", "ظهر", "الظهر", "عصرا", "عصر", "العصر", "مساء", "مساءا", "المساء", "ليلا", "ليل", "الليل"})
      t->day_part_hours[MatchFormOf(w)] = 12;
    t->minute_fractions = {{MatchFormOf("النصف"), 30}, {MatchFormOf("نصف"), 30}, {MatchFormOf("الربع"), 15},
                           {MatchFormOf("ربع"), 15}, {MatchFormOf("ربعا"), 15}, {MatchFormOf("الثلث"), 20},
                           {MatchFormOf("ثلث"), 20}, {MatchFormOf("ثلثا"), 20}};
    const char* days[] = {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"};
    for (int d = 0; d < 7; ++d) t->weekdays[MatchFormOf(days[d])] = d;
    t->weekdays[MatchFormOf("الإثنين")] = 1;
    t->today = MatchFormOf("اليوم");
    t->yesterday = MatchFormOf("أمس");
    t->tomorrow = MatchFormOf("غدا");
    t->tomorrow2 = MatchFormOf("غد");
    t->awwal = MatchFormOf("أول");
    t->baad = MatchFormOf("بعد");
    t->tonight = MatchFormOf("الليلة");
    auto add = [&](const std::u32string& w) { t->any.insert(Lexicon::WordHash(w)); };
    for (const WordSet* set : {&t->year_words, &t->month_rel, &t->month_parts, &t->day_parts})
      for (const auto& w : *set) add(w);
    for (const auto& w : {t->yawm, t->al, t->shahr, t->today, t->yesterday, t->tomorrow, t->tomorrow2,
                          t->awwal, t->baad, t->tonight, MatchFormOf("الأمس"), MatchFormOf("الغد")})
      add(w);
    for (const auto& [w, v] : t->seasons) add(w);
    for (const auto& [w, v] : t->units) add(w);
    for (const auto& [w, v] : t->weekdays) add(w);
    for (const auto& [w, v] : t->dur) add(w);
    for (const char* w : {"كل", "العقد", "الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام", "العقود",
                          "الساعات", "يوميا", "أسبوعيا", "شهريا", "سنويا"})
      add(MatchFormOf(w));
    for (const WordSet* set : {&t->hour_marks, &t->ago, &t->after, &t->since, &t->this_words, &t->range_from})
      for (const auto& w : *set) add(w);
    return t;
  }();
  return *w;
}

int TimeWords::RelDir(const std::u32string& rel) const {
  return rel_past.count(rel) ? -1 : rel_next.count(rel) ? 1 : 0;
}

int TimeWords::WeekdayOf(const std::u32string& w) const {
  auto it = weekdays.find(w);
  return it == weekdays.end() ? -1 : it->second;
}

int TimeWords::RelativeDayAt(const std::vector<Token>& t, int i, int end, int* offset) const {
  if (i >= end) return 0;
  const std::u32string& k = t[i].Key();
  auto next_is = [&](const std::u32string& w) { return i + 1 < end && t[i + 1].Key() == w; };
  static const std::u32string kMin = MatchFormOf("من"), kHatha = MatchFormOf("هذا"), kAlghad = MatchFormOf("الغد"),
                               kAlawwal = MatchFormOf("الأول"), kAlams = MatchFormOf("الأمس");
  if (k == awwal && next_is(yesterday)) { *offset = -2; return 2; }
  if (k == awwal && next_is(kMin) && i + 2 < end && t[i + 2].Key() == yesterday) { *offset = -2; return 3; }
  if (k == yesterday && next_is(kAlawwal)) { *offset = -2; return 2; }
  if (k == kHatha && next_is(today)) { *offset = 0; return 2; }
  if (k == kAlghad) { *offset = 1; return 1; }
  if (k == baad && next_is(tomorrow2)) { *offset = 2; return 2; }
  if (k == yawm && next_is(tomorrow2)) { *offset = 1; return 2; }
  if (k == yawm && next_is(yesterday)) { *offset = -1; return 2; }
  if (k == today || k == tonight) { *offset = 0; return 1; }
  if (k == yesterday || k == kAlams) { *offset = -1; return 1; }
  if (k == tomorrow || k == tomorrow2) { *offset = 1; return 1; }
  return 0;
}

}  // namespace hadath
