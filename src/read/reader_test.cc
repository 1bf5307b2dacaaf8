#include "src/read/reader.h"

#include <gtest/gtest.h>

namespace hadath {
namespace {

TEST(ReadTxt, MarksTitleCaptionRelatedAndBoilerplate) {
  std::string t =
      "عنوان الخبر\n\nالفقرة الأولى من الخبر.\n  •  صورة الوزير\n    صورة الوزير\n"
      "نص الخبر.\nاقرأ أيضاً: خبر آخر\nاخترنا لك";
  auto d = ReadTxt("a.txt", t);
  ASSERT_TRUE(d.ok());
  std::vector<Section> got;
  for (const Block& b : d.value().blocks) got.push_back(b.section);
  EXPECT_EQ(got, (std::vector<Section>{Section::kTitle, Section::kLead, Section::kCaption,
                                        Section::kCaption, Section::kBody, Section::kRelated,
                                        Section::kBoilerplate}));
  EXPECT_EQ(d.value().title.value_or(""), "عنوان الخبر");
}

// One line that ends as a sentence is a report with no headline; one without a final stop
// is a headline.
TEST(ReadTxt, ASingleSentenceIsNoHeadline) {
  auto d = ReadTxt("a.txt", "قصفت الطائرات مواقع المسلحين في شمال البلاد.\n");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d.value().blocks.size(), 1u);
  EXPECT_EQ(d.value().blocks[0].section, Section::kLead);
  EXPECT_FALSE(d.value().title.has_value());
  auto h = ReadTxt("b.txt", "الطائرات تقصف مواقع المسلحين\n");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h.value().blocks[0].section, Section::kTitle);
}

TEST(ReadTxt, RejectsInvalidUtf8AndNulWithPosition) {
  auto d = ReadTxt("bad.txt", std::string("abc\n\xff"));
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("bad.txt: byte 4 (line 2)"), std::string::npos);
  auto n = ReadTxt("nul.txt", std::string("ab\0c", 4));
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("NUL"), std::string::npos);
  EXPECT_FALSE(ReadTxt("empty.txt", "  \n ").ok());
}

TEST(ReadJsonl, NamesBadLinesAndKeepsGoodOnes) {
  std::string in =
      "{\"id\":\"a\",\"text\":\"نص\",\"published\":\"2023-09-20T10:00:00Z\"}\n"
      "{not json}\n"
      "{\"id\":\"c\"}\n"
      "\n"
      "{\"id\":\"d\",\"text\":\"نص آخر\"}\n"
      "4e444444\n";
  std::vector<std::string> ok, bad;
  ReadJsonl("in.jsonl", in, [&](ReadItem it) {
    if (it.doc.ok()) ok.push_back(it.doc.value().id + "@" + it.doc.value().published.value_or("-"));
    else bad.push_back(it.doc.status().message());
  });
  EXPECT_EQ(ok, (std::vector<std::string>{"a@2023-09-20", "d@-"}));
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[0].rfind("in.jsonl:2: malformed JSON", 0), 0u);
  EXPECT_EQ(bad[1].rfind("in.jsonl:3: field 'text'", 0), 0u);
  EXPECT_EQ(bad[2].rfind("in.jsonl:6: malformed JSON", 0), 0u);  // number out of range
}

}  // namespace
}  // namespace hadath
