#include "src/normalize/normalizer.h"

#include <dirent.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "src/util/utf8.h"

namespace hadath {
namespace {

std::string MF(const std::string& s) { return MatchFormUtf8(s); }

TEST(Normalizer, StripsHarakatTatweelAndBidi) {
  EXPECT_EQ(MF("أكّدَ"), MF("أكد"));
  EXPECT_EQ(MF("الـ17"), "ال17");
  EXPECT_EQ(MF("\u200Fروسيا\u200E"), "روسيا");
  EXPECT_EQ(MF("\uFEFFبكين"), "بكين");
}

TEST(Normalizer, UnifiesAlefYaTaMarbutaInMatchForm) {
  EXPECT_EQ(MF("أإآٱ"), "اااا");
  EXPECT_EQ(MF("مستشفى"), "مستشفي");
  EXPECT_EQ(MF("حكومة"), "حكومه");
}

TEST(Normalizer, NfcBeforeFolding) {
  // NFD alef + hamza above composes to أ before folding.
  EXPECT_EQ(MF("\u0627\u0654\u0631\u0645\u064A\u0646\u064A\u0627"), MF("أرمينيا"));
}

TEST(Normalizer, FoldsDigitSets) {
  EXPECT_EQ(MF("٢٠٢٣"), "2023");
  EXPECT_EQ(MF("۱۲"), "12");
}

TEST(Normalizer, FoldsPresentationForms) {
  EXPECT_EQ(MF("\uFEFB"), "لا");  // lam-alef ligature
  EXPECT_EQ(MF("\uFDD0\uFDFD"), MF("\uFDD0") + MF("\uFDFD"));  // no endless folding
}

TEST(Normalizer, OffsetsMapBackIntoTheOriginal) {
  std::u32string orig = ToU32("وأكّدَ الـرئيسُ ٢٠٢٣ «نعم»");
  NormText t = Normalize(orig);
  ASSERT_EQ(t.match.size(), t.start.size());
  for (size_t i = 0; i < t.match.size(); ++i) {
    ASSERT_LT(t.start[i], t.end[i]);
    ASSERT_LE(static_cast<size_t>(t.end[i]), orig.size());
    if (t.match[i] >= U'\u0621' && t.match[i] <= U'\u064A') {
      EXPECT_EQ(MatchForm(orig.substr(t.start[i], 1))[0], t.match[i]);
    }
  }
}

TEST(Normalizer, RandomInputKeepsOffsetsInsideText) {
  std::mt19937 rng(7);
  const char32_t pool[] = {U'\u0627', U'\u0654', U'\u064E', U'\u0640', U'\u200F', U' ', U'\uFEFB',
                           U'\u0663', U'a', U'\u0629', U'\u0301', U'\n', U'\uFE70'};
  for (int round = 0; round < 500; ++round) {
    std::u32string s;
    int n = rng() % 40;
    for (int i = 0; i < n; ++i) s.push_back(pool[rng() % (sizeof pool / sizeof pool[0])]);
    NormText t = Normalize(s);
    for (size_t i = 0; i < t.match.size(); ++i) {
      ASSERT_GE(t.start[i], 0);
      ASSERT_LE(static_cast<size_t>(t.end[i]), s.size());
      ASSERT_LT(t.start[i], t.end[i]);
      if (i) {
        ASSERT_GE(t.start[i], t.start[i - 1]);
      }
    }
  }
}

// Every match-form code point of the bundled sample articles maps back into the
// original span that produced it: folding that span gives the code point back.
TEST(Normalizer, RealArticlesMapBackToTheirSpans) {
  std::string dir = std::string(HADATH_SOURCE_DIR) + "/examples";
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr);
  int files = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".txt") continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    NormText t = Normalize(ToU32(ss.str()));
    for (size_t i = 0; i < t.match.size(); ++i) {
      std::u32string span = t.original.substr(t.start[i], t.end[i] - t.start[i]);
      EXPECT_NE(MatchForm(span).find(t.match[i]), std::u32string::npos) << name << " at " << i;
    }
    ++files;
  }
  closedir(d);
  EXPECT_GE(files, 5);
}

}  // namespace
}  // namespace hadath
