#include "src/segment/segmenter.h"

#include <gtest/gtest.h>

#include "tests/test_env.h"

namespace hadath {
namespace {

// "w1+w2 w3" style rendering of the segmentation of one sentence.
std::string Seg(const std::string& s) {
  auto r = testing::TestEngine().Segment(s, true);
  if (!r.ok() || r.value().empty()) return "";
  std::string out;
  for (const SegToken& t : r.value()[0]) {
    if (!out.empty()) out += ' ';
    for (size_t k = 0; k < t.words.size(); ++k) out += (k ? "+" : "") + t.words[k].form;
  }
  return out;
}

TEST(Segmenter, SplitsConjunctionBeforeKnownName) {
  EXPECT_EQ(Seg("وبكين"), "و+بكين");
  EXPECT_EQ(Seg("وأذربيجان"), "و+أذربيجان");
  EXPECT_EQ(Seg("لروسيا"), "ل+روسيا");
}

TEST(Segmenter, ProtectsNamesStartingWithCliticLetters) {
  EXPECT_EQ(Seg("بوتين بيسكوف بكين واشنطن باشينيان"), "بوتين بيسكوف بكين واشنطن باشينيان");
}

TEST(Segmenter, KeepsWordsThatMerelyStartWithACliticLetter) {
  EXPECT_EQ(Seg("وزير لبنان فلسطين كان بلد"), "وزير لبنان فلسطين كان بلد");
}

TEST(Segmenter, LamLamIsPrepositionPlusArticle) {
  auto r = testing::TestEngine().Segment("للصحافيين", true);
  ASSERT_TRUE(r.ok());
  const SegToken& t = r.value()[0][0];
  ASSERT_EQ(t.words.size(), 2u);
  EXPECT_EQ(t.words[0].form, "ل");
  EXPECT_EQ(t.words[1].form, "لصحافيين");
  EXPECT_EQ(t.words[1].restored, "الصحافيين");
}

// A preposition before a noun under its pronoun suffix, even where the whole without the
// suffix reads as a name («بنظير», Benazir): a name takes no pronoun suffix.
TEST(Segmenter, PrepositionBeforeANounWithItsPronoun) {
  EXPECT_EQ(Seg("بنظيره"), "ب+نظير+ه");
  EXPECT_EQ(Seg("لنظيرها"), "ل+نظير+ها");
  EXPECT_EQ(Seg("بنظير بوتو"), "بنظير بوتو");
}

TEST(Segmenter, ConjunctionBeforeArticle) { EXPECT_EQ(Seg("والرئيس"), "و+الرئيس"); }

TEST(Segmenter, WordsConcatenateBackToTheToken) {
  auto r = testing::TestEngine().Segment("وَلِلصّحافيين وبالإضافة فسيناقش", true);
  ASSERT_TRUE(r.ok());
  for (const SegToken& t : r.value()[0]) {
    std::string joined;
    for (const SegWord& w : t.words) joined += w.form;
    EXPECT_EQ(joined, t.form);
  }
}

TEST(Segmenter, EncliticPronounsWithRestoredTaMarbuta) {
  auto r = testing::TestEngine().Segment("حكومته وبلاده فيها", true);
  ASSERT_TRUE(r.ok());
  const auto& s = r.value()[0];
  ASSERT_EQ(s[0].words.size(), 2u);
  EXPECT_EQ(s[0].words[0].form, "حكومت");
  EXPECT_EQ(s[0].words[0].restored, "حكومة");
  EXPECT_EQ(s[0].words[1].form, "ه");
  ASSERT_EQ(s[1].words.size(), 3u);  // و + بلاد + ه
  EXPECT_EQ(s[2].words.size(), 2u);  // في + ها
}

TEST(Segmenter, TaMarbutaIsNeverReadAsAPronoun) {
  // «غنية», «الموجودة» end in ة, which the match form writes as ه.
  EXPECT_EQ(Seg("غنية الموجودة كبرى"), "غنية الموجودة كبرى");
}

TEST(Segmenter, LightStemForSearchButNotForNames) {
  auto r = testing::TestEngine().Segment("الرئاسة المفاوضات بوتين", true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()[0][0].words[0].stem, "رئاس");
  EXPECT_EQ(r.value()[0][1].words[0].stem, "مفاوض");
  EXPECT_EQ(r.value()[0][2].words[0].stem, "بوتين");
}

// Verbal nouns of doubled roots are two letters unvoweled: «بضم» is ب + ضمّ, «لحل» ل + حلّ;
// «بحث» (research) and «برد» (cold) stay whole.
TEST(Segmenter, PrepositionBeforeADoubledRootNoun) {
  EXPECT_EQ(Seg("بضم لحل بشن"), "ب+ضم ل+حل ب+شن");
  EXPECT_EQ(Seg("بحث برد"), "بحث برد");
}

// A sound plural in construct has lost its «ن»: «لمحققي» is ل + محققي (محققين).
TEST(Segmenter, PrepositionBeforeAPluralInConstruct) { EXPECT_EQ(Seg("لمحققي لمفتشي"), "ل+محققي ل+مفتشي"); }

}  // namespace
}  // namespace hadath

