#include "src/store/fts_arabic.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "include/hadath/engine.h"
#include "src/engine/read_text.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

const Lexicon& Lex() { return *testing::TestEngine().lexicon(); }

// The terms of `text`, exact ones as they are and colocated ones after a '+'.
std::vector<std::string> Terms(const std::string& text, TermMode mode = TermMode::kDocument) {
  std::vector<std::string> out;
  for (const SearchTerm& t : SearchTerms(Lex(), text, mode))
    out.push_back(t.colocated ? "+" + t.text : t.text);
  return out;
}

// The exact term of a one-word text.
std::string Exact(const std::string& word) {
  std::vector<SearchTerm> t = SearchTerms(Lex(), word, TermMode::kQueryExact);
  return t.size() == 1 ? t[0].text : "<" + std::to_string(t.size()) + " terms>";
}

// The stem term of a one-word text ("" when it has none).
std::string Stem(const std::string& word) {
  std::vector<std::string> t = Terms(word);
  return t.size() == 2 ? t[1] : "";
}

using Strings = std::vector<std::string>;

TEST(SearchTokenizer, IndexesTheWordWithoutItsClitics) {
  EXPECT_EQ(Exact("وروسيا"), "روسيا");
  EXPECT_EQ(Exact("لروسيا"), "روسيا");
  EXPECT_EQ(Exact("والرئيس"), "الرئيس");
  EXPECT_EQ(Exact("للرئيس"), "الرئيس");  // ل + ال written «لل»
  EXPECT_EQ(Exact("حكومته"), "حكومه");   // the pronoun suffix off, ة restored
}

TEST(SearchTokenizer, UnifiesSpellings) {
  EXPECT_EQ(Exact("أعلن"), Exact("اعلن"));
  EXPECT_EQ(Exact("إعلان"), "اعلان");
  EXPECT_EQ(Exact("آمال"), "امال");
  EXPECT_EQ(Exact("مستشفى"), Exact("مستشفي"));    // alef maqsura
  EXPECT_EQ(Exact("القاهرة"), Exact("القاهره"));  // ta marbuta
  EXPECT_EQ(Exact("الرَّئِيسُ"), "الرئيس");           // diacritics
  EXPECT_EQ(Exact("الرئيـــس"), "الرئيس");        // tatweel
  EXPECT_EQ(Exact("٢٠٢٣"), "2023");               // Arabic-Indic digits
  EXPECT_EQ(Exact("۲۰۲۳"), "2023");               // Persian digits
  EXPECT_EQ(Exact("NATO"), "nato");
}

TEST(SearchTokenizer, SplitsDatesAndHashtagsIntoTheirParts) {
  EXPECT_EQ(Terms("20/9/2023", TermMode::kQueryExact), (Strings{"20", "9", "2023"}));
  EXPECT_EQ(Terms("#روسيا", TermMode::kQueryExact), (Strings{"روسيا"}));
}

TEST(SearchTokenizer, NeverStemsNames) {
  EXPECT_EQ(Terms("بوتين"), (Strings{"بوتين"}));
  EXPECT_EQ(Terms("لبوتين"), (Strings{"بوتين"}));  // the preposition off, not «وتين»
  EXPECT_EQ(Terms("روسيا"), (Strings{"روسيا"}));
  EXPECT_EQ(Terms("القاهرة"), (Strings{"القاهره"}));
  EXPECT_EQ(Terms("محمد"), (Strings{"محمد"}));  // a given name, though also a word
}

TEST(SearchTokenizer, ColocatesOneStemForOrdinaryWords) {
  EXPECT_EQ(Terms("الرئيس"), (Strings{"الرئيس", "+~رئس"}));
  // A role word that is also part of a person's full name is still a word.
  EXPECT_EQ(Stem("رئيس"), "+~رئس");
  EXPECT_EQ(Stem("الرئاسة"), "+~رئس");
  EXPECT_EQ(Stem("الرئاسية"), "+~رئس");  // the feminine of a listed adjective
  EXPECT_EQ(Stem("الاجتماعات"), Stem("اجتماع"));
  EXPECT_EQ(Stem("والمفاوضات"), Stem("المفاوضات"));
}

TEST(SearchTokenizer, QueryModes) {
  EXPECT_EQ(Terms("والرئيس بوتين", TermMode::kQueryExact), (Strings{"الرئيس", "بوتين"}));
  // A name has no stem: its marked exact form matches no stem term.
  EXPECT_EQ(Terms("والرئيس بوتين", TermMode::kQueryStem), (Strings{"~رئس", "~بوتين"}));
  EXPECT_EQ(Terms("والرئ", TermMode::kQueryPrefix),
            (Strings{"والرئ"}));  // a prefix is not segmented
}

TEST(SearchTokenizer, OffsetsAreBytesOfTheOriginalWord) {
  std::string text = "بوتين «والرَّئيس» 2023";
  std::vector<SearchTerm> t = SearchTerms(Lex(), text, TermMode::kDocument);
  ASSERT_EQ(t.size(), 4u);  // بوتين, الرئيس and its stem, 2023
  EXPECT_EQ(text.substr(t[1].start, t[1].end - t[1].start), "والرَّئيس");
  EXPECT_EQ(t[2].start, t[1].start);
  EXPECT_EQ(text.substr(t[3].start, t[3].end - t[3].start), "2023");
}

TEST(SearchTokenizer, ReadsInvalidUtf8WithoutLosingOffsets) {
  std::string text = "روسيا \xff\xfe مصر";
  std::vector<SearchTerm> t = SearchTerms(Lex(), text, TermMode::kDocument);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(text.substr(t[1].start, t[1].end - t[1].start), "مصر");
}

TEST(SearchTokenizer, CutsHostileWordsTheSameWayInDocumentsAndQueries) {
  std::string huge;
  for (int i = 0; i < 500; ++i) huge += "ب";
  std::vector<SearchTerm> t = SearchTerms(Lex(), huge, TermMode::kDocument);
  ASSERT_FALSE(t.empty());
  EXPECT_LE(t[0].text.size(), 64u * 2);
  EXPECT_EQ(t[0].text, SearchTerms(Lex(), huge, TermMode::kQueryExact)[0].text);
}

// The tokenizer inside SQLite: highlight() marks the words as written.
TEST(SearchTokenizer, HighlightsTheOriginalWordsInSqlite) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_TRUE(RegisterSearchTokenizer(db, testing::TestEngine().lexicon()).ok());
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='hadath');"
                         "INSERT INTO t VALUES('التقى الرَّئيسُ المصري وزيرَ خارجية روسيا في ٢٠٢٣');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  auto highlight = [&](const char* match) {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?", -1, &st,
                           nullptr) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
      if (sqlite3_step(st) == SQLITE_ROW)
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return out;
  };
  EXPECT_EQ(highlight("\"والرئيس\""), "التقى [الرَّئيسُ] المصري وزيرَ خارجية روسيا في ٢٠٢٣");
  EXPECT_EQ(highlight("\"~رئاسة\""), "التقى [الرَّئيسُ] المصري وزيرَ خارجية روسيا في ٢٠٢٣");
  EXPECT_EQ(highlight("\"2023\""), "التقى الرَّئيسُ المصري وزيرَ خارجية روسيا في [٢٠٢٣]");
  EXPECT_EQ(highlight("\"لروسيا\""), "التقى الرَّئيسُ المصري وزيرَ خارجية [روسيا] في ٢٠٢٣");
  EXPECT_EQ(highlight("\"روس\"*"), "التقى الرَّئيسُ المصري وزيرَ خارجية [روسيا] في ٢٠٢٣");
  EXPECT_EQ(highlight("\"~روسيا\""), "");  // a name has no stem term
  sqlite3_close(db);
}

// snippet() and highlight() count words and read offsets only: the positions mode finds
// the words exactly where the document's terms put them, clitics, dates and links included.
TEST(SearchTokenizer, PositionsAreTheWordsOfTheDocumentTerms) {
  for (const std::string text :
       {"وقال الرئيسُ الروسي فلاديمير بوتين لنظيره «إن العلاقات بين بلدينا متينة» في 20/9/2023.",
        "حظرت الولايات المتحدة ۲۰۲۴ تصدير 5.5 مليار دولار إلى #روسيا https://example.org/a?b=1 ،،",
        "ـــــ وللرئاسة والرئاسيات\u200f لبكين، وبكين؛ فبكين"}) {
    std::vector<std::string> words, positions;
    for (const SearchTerm& t : SearchTerms(Lex(), text, TermMode::kDocument))
      if (!t.colocated) words.push_back(std::to_string(t.start) + "-" + std::to_string(t.end));
    for (const SearchTerm& t : SearchTerms(Lex(), text, TermMode::kPositions)) {
      EXPECT_FALSE(t.colocated);
      EXPECT_TRUE(t.text.empty());
      positions.push_back(std::to_string(t.start) + "-" + std::to_string(t.end));
    }
    EXPECT_GE(words.size(), 5u);
    EXPECT_EQ(positions, words) << text;
  }
}

// Ingest takes a document's terms from the engine's reading of its text: they must be
// exactly the terms of reading it afresh, which is how FTS5 removes them again and how
// queries are read.
TEST(SearchTokenizer, TermsFromTheEnginesReadingAreTheTermsOfTheText) {
  std::vector<std::string> texts = {
      "التقى الرَّئيسُ المصري وزيرَ خارجية روسيا في ٢٠٢٣ وبحثا العلاقات الثنائية.",
      "موسكو (أ ف ب) - قال المتحدث باسم الكرملين ديمتري بيسكوف في 20/9/2023 إن «الحوار مستمر».",
      "زار Vladimir Putin الصين، ووقّع اتفاقيات مع شي جين بينغ #روسيا https://example.org/a?b=1",
      "ـــــ\u200f\u200fالأمم المتحدة\n\nحظرت الولايات المتحدة ۲۰۲۴ تصدير 5.5 مليار دولار.",
  };
  std::ifstream in(HADATH_SOURCE_DIR "/examples/02_visit_talks.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  texts.push_back(ss.str());
  auto strings = [](const std::vector<SearchTerm>& terms) {
    std::vector<std::string> out;
    for (const SearchTerm& t : terms)
      out.push_back(t.text + "@" + std::to_string(t.start) + "-" + std::to_string(t.end) +
                    (t.colocated ? "+" : ""));
    return out;
  };
  for (const std::string& text : texts) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    std::shared_ptr<const ReadText> read;
    ASSERT_TRUE(testing::TestEngine().Analyze(doc, &read).ok());
    ASSERT_TRUE(read);
    std::vector<SearchTerm> fresh = SearchTerms(Lex(), text, TermMode::kDocument);
    EXPECT_GT(fresh.size(), 5u);
    EXPECT_EQ(strings(SearchTerms(Lex(), text, *read)), strings(fresh)) << text;
  }
}

}  // namespace
}  // namespace hadath
