// Numbers written in words, read through the whole pipeline (segmentation splits «و»).
#include "src/temporal/numwords.h"

#include <gtest/gtest.h>

#include "include/hadath/engine.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

// The numbers of `text` as "TEXT=VALUE[unit]" strings, in order.
std::vector<std::string> Numbers(const std::string& text) {
  Document d;
  d.id = "n";
  d.text = text;
  auto a = testing::TestEngine().Analyze(d);
  std::vector<std::string> out;
  if (!a.ok()) return out;
  for (const NumberExpr& n : a.value().numbers) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", n.value);
    out.push_back(n.span.text + "=" + buf + (n.unit.empty() ? "" : "[" + n.unit + "]"));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(NumberWords, GenderAndCaseForms) {
  EXPECT_EQ(Numbers("وصل ثلاثة رجال وثلاث نساء."), (V{"ثلاثة=3", "وثلاث=3"}));
  EXPECT_EQ(Numbers("عشرون أو عشرين"), (V{"عشرون=20", "عشرين=20"}));
  EXPECT_EQ(Numbers("اثنا عشر وإحدى عشرة"), (V{"اثنا عشر=12", "وإحدى عشرة=11"}));
}

TEST(NumberWords, CompoundsWithTheConjunction) {
  EXPECT_EQ(Numbers("خمسة وعشرون"), (V{"خمسة وعشرون=25"}));
  EXPECT_EQ(Numbers("مئتين وخمسين"), (V{"مئتين وخمسين=250"}));
  EXPECT_EQ(Numbers("ثلاثمائة وستة وأربعون"), (V{"ثلاثمائة وستة وأربعون=346"}));
  EXPECT_EQ(Numbers("ثلاث مئة"), (V{"ثلاث مئة=300"}));
}

TEST(NumberWords, ScalesDualsAndFractions) {
  EXPECT_EQ(Numbers("ثلاثة آلاف"), (V{"ثلاثة آلاف=3000"}));
  EXPECT_EQ(Numbers("ألفان"), (V{"ألفان=2000"}));
  EXPECT_EQ(Numbers("6 آلاف و500"), (V{"6 آلاف و500=6500"}));
  EXPECT_EQ(Numbers("ثلاثة ملايين ونصف"), (V{"ثلاثة ملايين ونصف=3.5e+06"}));
  EXPECT_EQ(Numbers("2.5 مليار دولار"), (V{"2.5 مليار دولار=2.5e+09[USD]"}));
}

TEST(NumberWords, ListsAreSeveralNumbers) {
  // A second scale as large as the first starts a new number.
  EXPECT_EQ(Numbers("6 آلاف و500 وثلاثة ملايين"), (V{"6 آلاف و500=6500", "وثلاثة ملايين=3e+06"}));
  // Digits after words are another number.
  EXPECT_EQ(Numbers("خمسين و6"), (V{"خمسين=50", "و6=6"}));
}

TEST(NumberWords, OrdinalsAndPercentages) {
  EXPECT_EQ(Numbers("الفصل الحادي عشر"), (V{"الحادي عشر=11[ordinal]"}));
  EXPECT_EQ(Numbers("الخامس والعشرون"), (V{"الخامس والعشرون=25[ordinal]"}));
  EXPECT_EQ(Numbers("بنسبة 32 في المئة"), (V{"بنسبة 32 في المئة=32[percent]"}));
}

}  // namespace
}  // namespace hadath
