#include "src/tokenize/tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "src/util/utf8.h"

namespace hadath {
namespace {

std::vector<std::string> Forms(const std::string& s) {
  NormText t = Normalize(ToU32(s));
  std::vector<std::string> out;
  for (const Token& k : Tokenize(t)) out.push_back(EncodeUtf8(t.original.substr(k.start, k.end - k.start)));
  return out;
}

std::vector<std::string> Sentences(const std::string& s) {
  NormText t = Normalize(ToU32(s));
  auto toks = Tokenize(t);
  std::vector<std::string> out;
  for (const Sentence& x : SplitSentences(t, toks, {}, 400))
    out.push_back(EncodeUtf8(t.original.substr(x.start, x.stop - x.start)));
  return out;
}

TEST(Tokenizer, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Forms("قال الوزير: \"نعم\"."),
            (std::vector<std::string>{"قال", "الوزير", ":", "\"", "نعم", "\"", "."}));
}

TEST(Tokenizer, KeepsNumbersWithSeparatorsWhole) {
  EXPECT_EQ(Forms("ارتفع 3.5 و١٬٢٠٠ و1,200"),
            (std::vector<std::string>{"ارتفع", "3.5", "و", "١٬٢٠٠", "و", "1,200"}));
}

TEST(Tokenizer, ArabicCommaIsNotADecimalSeparator) {
  EXPECT_EQ(Forms("628،1"), (std::vector<std::string>{"628", "،", "1"}));
}

TEST(Tokenizer, UrlIsOneToken) {
  EXPECT_EQ(Forms("المصدر https://example.org/a?b=1 اليوم")[1], "https://example.org/a?b=1");
}

TEST(SentenceSplitter, SplitsOnArabicAndLatinPunctuation) {
  EXPECT_EQ(Sentences("وصل الوفد. هل بدأت المحادثات؟ نعم!").size(), 3u);
}

TEST(SentenceSplitter, InitialsAndTitlesDoNotEndSentences) {
  EXPECT_EQ(Sentences("التقى د. أحمد بالوزير م. خالد في عمّان.").size(), 1u);
}

TEST(SentenceSplitter, ClosingQuoteStaysWithItsSentence) {
  auto s = Sentences("قال الوزير: \"سنواصل العمل.\" ثم غادر القاعة.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "قال الوزير: \"سنواصل العمل.\"");
}

TEST(SentenceSplitter, LinesAreSeparateSentences) {
  EXPECT_EQ(Sentences("عنوان بلا نقطة\nنص الخبر الأول.").size(), 2u);
}

TEST(Tokenizer, TokensTileTheTextEvenWithStrayMarks) {
  // A Syriac combining mark after an Arabic letter, tatweel, bidi marks, a ligature.
  std::u32string text = ToU32("ف\u0733ينا الـ96 \u200Fروسيا\u200E \uFEFBبد");
  NormText t = Normalize(text);
  int prev = 0;
  for (const Token& k : Tokenize(t)) {
    EXPECT_GE(k.start, prev);
    EXPECT_LT(k.start, k.end);
    for (int i = prev; i < k.start; ++i) EXPECT_TRUE(IsSpace(text[i])) << "gap at " << i;
    prev = k.end;
  }
  EXPECT_EQ(static_cast<size_t>(prev), text.size());
}

std::vector<std::pair<std::string, TokKind>> Kinds(const std::string& s) {
  NormText t = Normalize(ToU32(s));
  std::vector<std::pair<std::string, TokKind>> out;
  for (const Token& k : Tokenize(t))
    out.emplace_back(EncodeUtf8(t.original.substr(k.start, k.end - k.start)), k.kind);
  return out;
}

TEST(Tokenizer, DatesTimesEmailsAndHashtagsAreSingleTokens) {
  auto k = Kinds("في 2023/09/20 و٢٠-٩-٢٠٢٣ و15-7 الساعة 15:30 راسلوا info@example.org #غزة @وكالة");
  std::vector<std::pair<std::string, TokKind>> want = {
      {"في", TokKind::kArabic},       {"2023/09/20", TokKind::kDate}, {"و", TokKind::kArabic},
      {"٢٠-٩-٢٠٢٣", TokKind::kDate},  {"و", TokKind::kArabic},        {"15-7", TokKind::kDate},
      {"الساعة", TokKind::kArabic},   {"15:30", TokKind::kTime},      {"راسلوا", TokKind::kArabic},
      {"info@example.org", TokKind::kUrl}, {"#غزة", TokKind::kSymbol}, {"@وكالة", TokKind::kSymbol}};
  EXPECT_EQ(k, want);
}

TEST(Tokenizer, EveryQuoteMarkAndDashIsItsOwnToken) {
  auto f = Forms("«أ» \"ب\" “ج” „د“ ‹ه› 'و' – — … (ز)");
  for (const char* q : {"«", "»", "\"", "“", "”", "„", "‹", "›", "'", "–", "—", "…", "(", ")"})
    EXPECT_NE(std::find(f.begin(), f.end(), q), f.end()) << q;
}

TEST(Tokenizer, PercentagesAndRangesStaySeparate) {
  EXPECT_EQ(Forms("32% و٥٪"), (std::vector<std::string>{"32", "%", "و", "٥", "٪"}));
  EXPECT_EQ(Forms("1990-2000"), (std::vector<std::string>{"1990", "-", "2000"}));
}

TEST(SentenceSplitter, DatelineOpensTheFirstSentence) {
  auto s = Sentences("موسكو (أ ف ب) - أعلن الكرملين اليوم أن المحادثات ستستمر. وأضاف أن الوفد سيصل غداً.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].rfind("موسكو (أ ف ب) -", 0), 0u);
}

TEST(SentenceSplitter, PostBoxAndNumbersAreNotSentenceEnds) {
  EXPECT_EQ(Sentences("راسلونا على ص.ب 1234 في عمّان، وبلغت النسبة 3.5 في المئة.").size(), 1u);
}

TEST(SentenceSplitter, QuestionAndExclamationMarks) {
  EXPECT_EQ(Sentences("هل انتهت الحرب؟ لا! لكن الهدنة صامدة…").size(), 3u);
}

TEST(SentenceSplitter, BulletsAndHeadlinesWithoutPunctuationAreSentences) {
  EXPECT_EQ(Sentences("عنوان رئيسي بلا نقطة\n• بند أول\n• بند ثان\nنص الخبر.").size(), 4u);
}

}  // namespace
}  // namespace hadath
