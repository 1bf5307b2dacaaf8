#include "src/store/search_query.h"

#include <gtest/gtest.h>

namespace hadath {
namespace {

std::string Fts(const std::string& q) {
  Result<std::string> r = ToFts5Query(q);
  return r.ok() ? r.value() : "ERROR " + r.status().message();
}

TEST(SearchQuery, WordsAreExactOrStemAndAllRequired) {
  EXPECT_EQ(Fts("الرئيس"), "(\"الرئيس\" OR \"~الرئيس\")");
  EXPECT_EQ(Fts("الرئيس  روسيا"), "((\"الرئيس\" OR \"~الرئيس\") AND (\"روسيا\" OR \"~روسيا\"))");
  EXPECT_EQ(Fts("a AND b"), Fts("a b"));
}

TEST(SearchQuery, PhrasesAndPrefixesAreExact) {
  EXPECT_EQ(Fts("\"الرئيس الروسي\""), "\"الرئيس الروسي\"");
  EXPECT_EQ(Fts("«الرئيس الروسي»"), "\"الرئيس الروسي\"");
  EXPECT_EQ(Fts("covi*"), "\"covi\"*");
  EXPECT_EQ(Fts("\"وزير الخار\"*"), "\"وزير الخار\"*");
  // The index keeps the article: an Arabic prefix also looks for it.
  EXPECT_EQ(Fts("انتخاب*"), "(\"انتخاب\"* OR \"الانتخاب\"*)");
  EXPECT_EQ(Fts("الانتخاب*"), "\"الانتخاب\"*");
}

TEST(SearchQuery, OperatorsAndGroupingKeepTheirMeaning) {
  EXPECT_EQ(Fts("a OR b c"), "((\"a\" OR \"~a\") OR ((\"b\" OR \"~b\") AND (\"c\" OR \"~c\")))");
  EXPECT_EQ(Fts("(a OR b) NOT \"c d\""), "(((\"a\" OR \"~a\") OR (\"b\" OR \"~b\")) NOT \"c d\")");
  EXPECT_EQ(Fts("a NOT b NOT c"),
            "(((\"a\" OR \"~a\") NOT (\"b\" OR \"~b\")) NOT (\"c\" OR \"~c\"))");
}

TEST(SearchQuery, UserTextNeverBecomesSyntax) {
  // Lower-case operators, column filters and FTS5 functions are words like any other.
  EXPECT_EQ(Fts("or"), "(\"or\" OR \"~or\")");
  EXPECT_EQ(Fts("title:x"), "(\"title:x\" OR \"~title:x\")");
  EXPECT_EQ(Fts("NEAR(a b)"),
            "((\"NEAR\" OR \"~NEAR\") AND ((\"a\" OR \"~a\") AND (\"b\" OR \"~b\")))");
  // The stem marker typed by the user is only a separator.
  EXPECT_EQ(Fts("~رئيس"), "(\" رئيس\" OR \"~ رئيس\")");
  // A quote inside «…» cannot end the FTS5 string.
  EXPECT_EQ(Fts("«قال \"لا\"»"), "\"قال  لا \"");
}

TEST(SearchQuery, WordsWithoutLettersOrDigitsAreLeftOut) {
  EXPECT_EQ(Fts("الرئيس ، -"), Fts("الرئيس"));
  EXPECT_EQ(Fts("\"\" الرئيس"), Fts("الرئيس"));
}

TEST(SearchQuery, MalformedQueriesSayWhatAndWhere) {
  EXPECT_EQ(Fts(""), "ERROR query: no words to search for");
  EXPECT_EQ(Fts(" ، ! "), "ERROR query: no words to search for");
  EXPECT_EQ(Fts("الرئيس \"الروسي"), "ERROR query: quote never closed (character 8)");
  EXPECT_EQ(Fts("«الرئيس"), "ERROR query: quote never closed (character 1)");
  EXPECT_EQ(Fts("OR روسيا"), "ERROR query: OR needs a term before it (character 1)");
  EXPECT_EQ(Fts("روسيا AND"), "ERROR query: AND needs a term after it (character 7)");
  EXPECT_EQ(Fts("a OR OR b"), "ERROR query: OR needs a term after it (character 3)");
  EXPECT_EQ(Fts("NOT a"),
            "ERROR query: NOT needs a term before it (write «A NOT B») (character 1)");
  EXPECT_EQ(Fts("(a b"), "ERROR query: ( never closed (character 1)");
  EXPECT_EQ(Fts("a b)"), "ERROR query: ) without a matching ( (character 4)");
  EXPECT_EQ(Fts("a ()"), "ERROR query: ( with nothing inside (character 3)");
  EXPECT_EQ(Fts("a (OR b)"), "ERROR query: OR needs a term before it (character 4)");
  EXPECT_EQ(Fts("a\xff"), "ERROR query: byte 1 (line 1): invalid UTF-8 lead byte");
}

TEST(SearchQuery, EnforcesItsLimits) {
  std::string many, deep;
  for (int i = 0; i <= kMaxQueryTerms; ++i) many += "w ";
  EXPECT_EQ(Fts(many).rfind("ERROR query: more than 64 terms", 0), 0u) << Fts(many);
  for (int i = 0; i <= kMaxQueryNesting; ++i) deep += "(";
  EXPECT_EQ(Fts(deep + "a").rfind("ERROR query: parentheses nested deeper", 0), 0u)
      << Fts(deep + "a");
  EXPECT_EQ(Fts(std::string(kMaxQueryBytes + 1, 'a')).rfind("ERROR query: 4097 bytes", 0), 0u);
}

}  // namespace
}  // namespace hadath
