#include "src/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "src/lexicon/bundle.h"

namespace hadath {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(TransliterationVariants, GAndChAndSpacing) {
  auto v = TransliterationVariants("شي جين بينغ");
  EXPECT_EQ(v[0], "شي جين بينغ");
  EXPECT_TRUE(Has(v, "شي جين بينج"));
  EXPECT_TRUE(Has(v, "شي جينبينغ"));
  EXPECT_TRUE(Has(TransliterationVariants("تشوي سون هوي"), "شوي سون هوي"));
  EXPECT_TRUE(Has(TransliterationVariants("سيرغي لافروف"), "سيرجي لافروف"));
  EXPECT_EQ(TransliterationVariants("بوتين").size(), 1u);  // single words are left alone
}

TEST(Bundle, DamagedBundleIsRejectedWithAReason) {
  auto ok = ParseBundle(std::string("HADATHLX") + std::string(16, '\0'), "x.lex");
  EXPECT_FALSE(ok.ok());
  auto bad = ParseBundle("not a bundle at all, just text", "y.lex");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("y.lex"), std::string::npos);
}

TEST(Person, TermsByDate) {
  Person p{"x", "X", {{"RUS", "GOV", "prime_minister", "2008-05-08", "2012-05-07", ""},
                      {"RUS", "GOV", "president", "2012-05-07", "", ""}}};
  EXPECT_EQ(p.TermOn("2010-01-01").role, "prime_minister");
  EXPECT_EQ(p.TermOn("2020-01-01").role, "president");
  EXPECT_TRUE(p.HoldsOn("president", "RUS", "2020-01-01"));
  EXPECT_FALSE(p.HoldsOn("president", "RUS", "2010-01-01"));
  EXPECT_EQ(p.TermActive("2001-01-01"), nullptr);
}

// The known-word list answers from the loaded bundle's hash table as from the list.
TEST(Lexicon, KnownWordsAfterLoadingTheBundle) {
  auto lex = Lexicon::Load(HADATH_TEST_BUNDLE);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  for (const char32_t* w : {U"قال", U"وزير", U"اجتماع", U"حكومة"}) EXPECT_TRUE(lex.value()->IsKnownWord(w));
  for (const char32_t* w : {U"قزبلطت", U"xyz", U""}) EXPECT_FALSE(lex.value()->IsKnownWord(w));
}

}  // namespace
}  // namespace hadath
