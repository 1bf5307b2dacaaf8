#include "src/temporal/temporal.h"

#include <gtest/gtest.h>

#include "src/temporal/civil.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

// Value of the first time expression in `text` published on `date`.
std::string TimeOf(const std::string& text, const std::string& date, std::string* anchor = nullptr) {
  Document d;
  d.id = "t";
  d.text = text;
  if (!date.empty()) d.published = date;
  auto a = testing::TestEngine().Analyze(d);
  if (!a.ok() || a.value().times.empty()) return "";
  if (anchor) *anchor = a.value().times[0].anchor;
  return a.value().times[0].value;
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

}  // namespace
}  // namespace hadath
