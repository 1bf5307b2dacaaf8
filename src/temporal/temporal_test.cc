#include "src/temporal/temporal.h"

#include <gtest/gtest.h>

#include "src/temporal/civil.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

// The first time expression of `text` published on `date` (none: an empty one).
TimeExpr FirstTime(const std::string& text, const std::string& date) {
  Document d;
  d.id = "t";
  d.text = text;
  if (!date.empty()) d.published = date;
  auto a = testing::TestEngine().Analyze(d);
  if (!a.ok() || a.value().times.empty()) return TimeExpr{};
  return a.value().times[0];
}

// Value of the first time expression in `text` published on `date`.
std::string TimeOf(const std::string& text, const std::string& date, std::string* anchor = nullptr) {
  TimeExpr t = FirstTime(text, date);
  if (anchor) *anchor = t.anchor;
  return t.value;
}

// Its value and grain, "" when there is none.
std::string TimeGrain(const std::string& text, const std::string& date) {
  TimeExpr t = FirstTime(text, date);
  return t.value.empty() ? "" : t.value + "|" + t.grain;
}

TEST(Civil, WeekdayAndRoundTrip) {
  long d = DaysFromCivil(2023, 9, 20);
  EXPECT_EQ(Weekday(d), 3);  // Wednesday
  Ymd y = CivilFromDays(d + 10);
  EXPECT_EQ(FormatYmd(y), "2023-09-30");
}

TEST(Temporal, RelativeDaysWithWeekday) {
  EXPECT_EQ(TimeOf("وصل الوفد اليوم الأربعاء إلى القاهرة.", "2024-05-15"), "2024-05-15");
  EXPECT_EQ(TimeOf("يصل الوفد غداً الخميس.", "2024-05-15"), "2024-05-16");
  EXPECT_EQ(TimeOf("غادر الوفد أمس.", "2024-05-15"), "2024-05-14");
  EXPECT_EQ(TimeOf("وصل أول أمس.", "2024-05-15"), "2024-05-13");
  // A part of the day before a weekday is part of the time; a full date keeps its own.
  EXPECT_EQ(FirstTime("شنت الطائرات ليل الأحد غارات.", "2025-11-18").span.text, "ليل الأحد");
  EXPECT_EQ(TimeOf("شنت الطائرات ليل الأحد غارات.", "2025-11-18"), "2025-11-16");
  EXPECT_EQ(FirstTime("وقع الهجوم صباح الاثنين 15 مارس 2021.", "2025-11-18").span.text, "الاثنين 15 مارس 2021");
}

TEST(Temporal, DoubledMonthsWithQualifier) {
  EXPECT_EQ(TimeOf("زار الرئيس القاهرة في شباط/فبراير الماضي.", "2024-05-15"), "2024-02");
  EXPECT_EQ(TimeOf("تعقد القمة في تشرين الثاني/نوفمبر المقبل.", "2024-05-15"), "2024-11");
  EXPECT_EQ(TimeOf("وصل في الـ 3 من حزيران/يونيو الجاري.", "2024-06-20"), "2024-06-03");
}

TEST(Temporal, FullDatesInEverySet) {
  EXPECT_EQ(TimeOf("في 5 كانون الثاني 2021 وقع الاتفاق.", ""), "2021-01-05");
  EXPECT_EQ(TimeOf("في 15 مارس 2021 وقع الاتفاق.", ""), "2021-03-15");
  EXPECT_EQ(TimeOf("في 7 جويلية 2019 وقع الاتفاق.", ""), "2019-07-07");
  EXPECT_EQ(TimeOf("وقع الاتفاق يوم ٢٠/٩/٢٠٢٣.", ""), "2023-09-20");
}

TEST(Temporal, HijriDateConvertedToGregorian) {
  EXPECT_EQ(TimeOf("وصل الحجاج في 1 رمضان 1445 هـ.", ""), "2024-03-11");
}

// A year of the Hijri centuries in a numeric date is Hijri without its mark; so is a year
// alone close to the publication's Hijri year. A year far from it stays Gregorian.
TEST(Temporal, HijriYearsWithoutTheirMark) {
  EXPECT_EQ(TimeOf("صدر الأمر الملكي في 5/7/1436 بتعيين الوزير.", ""), "2015-04-24");
  EXPECT_EQ(TimeOf("صدر الأمر الملكي في 1436/9/29 بتعيين الوزير.", ""), "2015-07-16");
  EXPECT_EQ(TimeOf("صدر الأمر الملكي في 31/7/1436 بتعيين الوزير.", ""), "");  // no 31st
  EXPECT_EQ(TimeOf("بدأ المشروع في عام 1434 واكتمل.", "2015-05-01"), "2012-11-15/2013-11-03");
  EXPECT_EQ(TimeOf("بدأ المشروع في صيف 1434 واكتمل.", "2015-05-01"), "2013-SU");
  EXPECT_EQ(TimeOf("فتح العثمانيون القسطنطينية عام 1453.", "2015-05-01"), "1453");
  EXPECT_EQ(TimeOf("بدأ المشروع في عام 1434 واكتمل.", ""), "1434");  // no publication date
  EXPECT_EQ(TimeOf("وقع الاتفاق يوم 20/9/2015.", "2015-10-01"), "2015-09-20");
}

TEST(Temporal, NoPublicationDateLeavesRelativeUnresolved) {
  std::string anchor;
  EXPECT_EQ(TimeOf("وصل الوفد اليوم.", "", &anchor), "XXXX-XX-XX");
  EXPECT_EQ(anchor, "unresolved");
  EXPECT_EQ(TimeOf("وصل في الـ 17 من أيلول.", ""), "XXXX-09-17");
}

TEST(Temporal, SeasonsYearsAndWeekdays) {
  EXPECT_EQ(TimeOf("اندلعت الحرب في خريف عام 2016.", ""), "2016-FA");
  EXPECT_EQ(TimeOf("منذ عام 2019 لم يزرها.", ""), "2019");
  EXPECT_EQ(TimeOf("تعقد المفاوضات الخميس المقبل.", "2024-05-15"), "2024-05-16");
  EXPECT_EQ(TimeOf("عقد اجتماع السبت الماضي.", "2024-05-15"), "2024-05-11");
}

TEST(Temporal, WeekdaysFollowTheVerbBeforeThem) {
  EXPECT_EQ(TimeOf("زار الوفد القاهرة الأحد.", "2023-09-20"), "2023-09-17");      // nearest
  EXPECT_EQ(TimeOf("التقى الرئيسان يوم الأحد.", "2023-09-21"), "2023-09-17");     // past verb
  EXPECT_EQ(TimeOf("سيزور الوفد القاهرة الأحد.", "2023-09-20"), "2023-09-24");    // future
  EXPECT_EQ(TimeOf("سوف يلتقي الرئيسان الثلاثاء.", "2023-09-20"), "2023-09-26");  // future
  EXPECT_EQ(TimeOf("قُتل ثلاثة جنود السبت.", "2015-03-08"), "2015-03-07");
  EXPECT_EQ(TimeOf("أعلنت الوزارة الاثنين أنها ستفتح المعبر.", "2022-01-03"), "2022-01-03");  // that day
  EXPECT_EQ(TimeOf("الأربعاء", "2023-09-21"), "2023-09-27");  // a bare weekday: the next one
}

TEST(Temporal, RelativeUnitsAndDays) {
  EXPECT_EQ(TimeGrain("السنة الماضية", "2022-01-03"), "2021|year");
  EXPECT_EQ(TimeGrain("العام المنصرم", "2025-05-17"), "2024|year");
  EXPECT_EQ(TimeGrain("هذا الأسبوع", "2019-06-14"), "2019-W24|week");
  EXPECT_EQ(TimeGrain("الشهر المقبل", "2024-12-31"), "2025-01|month");
  EXPECT_EQ(TimeGrain("أول من أمس", "2022-01-03"), "2022-01-01|day");
  EXPECT_EQ(TimeGrain("صباح الغد", "2023-09-20"), "2023-09-21|day");
}

TEST(Temporal, OffsetsFromThePublicationDate) {
  EXPECT_EQ(TimeGrain("قبل ثلاثة أيام", "2023-09-20"), "2023-09-17|day");
  EXPECT_EQ(TimeGrain("بعد أسبوعين", "2023-09-20"), "2023-10-04|day");
  EXPECT_EQ(TimeGrain("قبل شهرين", "2024-01-10"), "2023-11|month");
  EXPECT_EQ(TimeGrain("قبل عامين", "2024-01-10"), "2022|year");
  EXPECT_EQ(TimeGrain("منذ مارس 2011", "2024-01-10"), "2011-03|month");
}

TEST(Temporal, ClockTimes) {
  EXPECT_EQ(TimeGrain("الساعة الثالثة عصراً", "2023-09-20"), "2023-09-20T15:00|hour");
  EXPECT_EQ(TimeGrain("الساعة السابعة والنصف صباحا", "2023-09-20"), "2023-09-20T07:30|minute");
  EXPECT_EQ(TimeGrain("الساعة التاسعة إلا ربعاً مساءً", "2023-09-20"), "2023-09-20T20:45|minute");
  EXPECT_EQ(TimeGrain("15:30 بتوقيت موسكو", "2023-09-20"), "2023-09-20T15:30|minute");
  EXPECT_EQ(TimeGrain("الساعة العاشرة من مساء أمس", "2023-09-20"), "2023-09-19T22:00|hour");
  EXPECT_EQ(TimeGrain("الساعة الثانية بعد الظهر", "2023-09-20"), "2023-09-20T14:00|hour");
}

TEST(Temporal, DurationsInWordsAndDuals) {
  EXPECT_EQ(TimeGrain("استمرت المعارك ثلاثة أيام.", ""), "P3D|day");
  EXPECT_EQ(TimeGrain("بعد حرب دامت 11 شهراً.", ""), "P11M|month");
  EXPECT_EQ(TimeGrain("على مدى عقدين", ""), "P20Y|year");
  EXPECT_EQ(TimeGrain("خلال يومين", ""), "P2D|day");
  EXPECT_EQ(TimeGrain("نصف ساعة", ""), "PT30M|hour");
  EXPECT_EQ(TimeGrain("ساعة ونصف", ""), "PT1H30M|hour");
  EXPECT_EQ(TimeGrain("خمس سنوات", ""), "P5Y|year");
  // A unit alone is no length: «ساعة الصفر», «العام» without a count.
  EXPECT_EQ(TimeGrain("ساعة الصفر", "2023-09-20"), "");
}

TEST(Temporal, RangesTakeWhatTheLeftSideLeavesOut) {
  EXPECT_EQ(TimeGrain("من 12 إلى 17 أيلول 2023", ""), "2023-09-12/2023-09-17|day");
  EXPECT_EQ(TimeGrain("بين عامي 2020 و2022", ""), "2020/2022|year");
  EXPECT_EQ(TimeGrain("من كانون الثاني إلى آذار 2020", ""), "2020-01/2020-03|month");
  EXPECT_EQ(TimeGrain("من 28 شباط إلى 2 آذار 2016", ""), "2016-02-28/2016-03-02|day");
  EXPECT_EQ(TimeGrain("من الاثنين إلى الخميس", "2019-06-14"), "2019-06-17/2019-06-20|day");
}

TEST(Temporal, HijriMonthsAndYearsAreGregorianIntervals) {
  EXPECT_EQ(TimeGrain("رمضان 1444 هـ", ""), "2023-03-23/2023-04-20|day");
  EXPECT_EQ(TimeGrain("العاشر من محرم 1437 للهجرة", ""), "2015-10-23|day");
  EXPECT_EQ(TimeGrain("عام 1445 هـ", ""), "2023-07-19/2024-07-06|day");
}

TEST(Temporal, DecadesOpenStretchesAndSets) {
  EXPECT_EQ(TimeGrain("العقد الماضي", "2023-09-20"), "201|decade");
  EXPECT_EQ(TimeGrain("خلال الأيام المقبلة", "2023-09-20"), "FUTURE_REF|day");
  EXPECT_EQ(TimeGrain("في السنوات الأخيرة", "2023-09-20"), "PAST_REF|year");
  EXPECT_EQ(TimeGrain("يصلي الناس كل يوم جمعة", "2023-09-20"), "XXXX-WXX-5|day");
  EXPECT_EQ(TimeGrain("تعقد اللجنة اجتماعها كل أسبوع", "2023-09-20"), "P1W|week");
}

TEST(Temporal, PartsOfAPeriodKeepItWithAMod) {
  Document d;
  d.id = "t";
  d.text = "تنتهي الأشغال نهاية عام 2020 وتبدأ مطلع يناير.";
  d.published = "2019-06-14";
  auto a = testing::TestEngine().Analyze(d);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a.value().times.size(), 2u);
  EXPECT_EQ(a.value().times[0].value, "2020");
  EXPECT_EQ(a.value().times[0].mod, "END");
  EXPECT_EQ(a.value().times[1].mod, "START");
  EXPECT_EQ(TimeGrain("في الخامس عشر من الشهر الجاري", "2023-09-20"), "2023-09-15|day");
  EXPECT_EQ(TimeGrain("مطلع العام المقبل", "2023-09-20"), "2024|year");
}

TEST(Temporal, MaghrebiAndDoubledMonths) {
  EXPECT_EQ(TimeOf("في 3 يوليوز 2021", ""), "2021-07-03");
  EXPECT_EQ(TimeOf("في 14 غشت 2020", ""), "2020-08-14");
  EXPECT_EQ(TimeOf("في 9 دجنبر 2019", ""), "2019-12-09");
  EXPECT_EQ(TimeOf("في 5 سبتمبر (أيلول) 2018", ""), "2018-09-05");
  EXPECT_EQ(TimeOf("السابع عشر من أيلول/سبتمبر 2023", ""), "2023-09-17");
}

}  // namespace
}  // namespace hadath
