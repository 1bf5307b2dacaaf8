#include "src/read/reader.h"

#include <nlohmann/json.hpp>

#include "src/util/utf8.h"

namespace hadath {
namespace {

bool StartsWith(const std::u32string& s, size_t a, const std::u32string& p) {
  return s.compare(a, p.size(), p) == 0;
}

bool IsBlank(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x200F || c == 0x200E; }

std::u32string Fold(std::u32string s) {  // hamza/alef and ى folding for line cues
  for (char32_t& c : s) {
    if (c == U'\u0623' || c == U'\u0625' || c == U'\u0622') c = U'\u0627';
    if (c == U'\u0649') c = U'\u064A';
  }
  return s;
}

}  // namespace

std::string ParsePublished(const std::string& s) {
  if (s.size() < 10) return "";
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return "";
  if (s[4] != '-' || s[7] != '-') return "";
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return "";
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  return s.substr(0, 10);
}

std::vector<Block> ClassifyLines(const std::u32string& text, bool title_first) {
  static const std::u32string kRelated[] = {U"اقرا ايضا", U"اقرا أيضا", U"اقرا المزيد",
                                            U"شاهد ايضا", U"اقرا كذلك", U"طالع ايضا"};
  static const std::u32string kBoiler[] = {U"اخترنا لك", U"تابعونا", U"شارك", U"المصدر:",
                                           U"جميع الحقوق", U"اشترك"};
  std::vector<Block> out;
  bool seen_title = !title_first, seen_lead = false, prev_caption = false;
  size_t a = 0;
  const size_t n = text.size();
  while (a <= n) {
    size_t b = text.find(U'\n', a);
    if (b == std::u32string::npos) b = n;
    size_t s = a;
    while (s < b && IsBlank(text[s])) ++s;
    size_t e = b;
    while (e > s && IsBlank(text[e - 1])) --e;
    if (e > s) {
      Block blk{static_cast<int>(s), static_cast<int>(e), Section::kBody};
      std::u32string line = Fold(text.substr(s, e - s));
      std::u32string plain;  // without diacritics, for cue matching
      for (char32_t c : line)
        if (!(c >= 0x064B && c <= 0x065F) && c != 0x0640) plain.push_back(c);
      bool indented = s > a;
      char32_t first = text[s];
      bool related = false, boiler = false;
      for (const auto& p : kRelated) related |= StartsWith(plain, 0, p);
      for (const auto& p : kBoiler) boiler |= StartsWith(plain, 0, p);
      int words = 1;
      for (size_t k = s; k < e; ++k) words += text[k] == ' ';
      char32_t last = text[e - 1];
      bool final_punct = last == '.' || last == U'\u061F' || last == '!' || last == '?' ||
                         last == ':' || last == U'\u2026' || last == '"' || last == U'\u00BB' ||
                         last == U'\u061B';
      if (!seen_title) {
        blk.section = Section::kTitle;
        seen_title = true;
      } else if (first == U'\u2022' || first == U'\u25CF' || first == U'\u25AA' ||
                 (prev_caption && indented)) {
        blk.section = Section::kCaption;
      } else if (related) {
        blk.section = Section::kRelated;
      } else if (boiler && words <= 6) {
        blk.section = Section::kBoilerplate;
      } else if (!seen_lead) {
        blk.section = Section::kLead;
        seen_lead = true;
      } else if (!final_punct && words <= 10) {
        blk.section = Section::kHeading;
      }
      prev_caption = blk.section == Section::kCaption;
      out.push_back(blk);
    }
    if (b == n) break;
    a = b + 1;
  }
  // A document of one line that ends as a sentence does («… في شمال العراق.») is a report,
  // not a headline over nothing.
  if (out.size() == 1 && out[0].section == Section::kTitle && out[0].end > out[0].start) {
    const char32_t last = text[out[0].end - 1];
    if (last == '.' || last == U'\u061F' || last == '!' || last == '?') out[0].section = Section::kLead;
  }
  return out;
}

Result<Document> ReadTxt(const std::string& name, const std::string& bytes) {
  Result<std::u32string> u = DecodeUtf8(bytes);
  if (!u.ok()) return Status::InvalidInput(name + ": " + u.status().message());
  const std::u32string& text = u.value();
  bool blank = true;
  for (char32_t c : text) blank &= c == ' ' || c == '\n' || c == '\r' || c == '\t';
  if (blank) return Status::InvalidInput(name + ": empty document (no text)");
  Document d;
  std::string base = name.substr(name.find_last_of('/') + 1);
  d.id = base.substr(0, base.rfind('.') == std::string::npos ? base.size() : base.rfind('.'));
  d.text = bytes;
  d.origin = name;
  d.blocks = ClassifyLines(text, true);
  if (!d.blocks.empty() && d.blocks[0].section == Section::kTitle)
    d.title = EncodeUtf8(text.substr(d.blocks[0].start, d.blocks[0].end - d.blocks[0].start));
  return d;
}

Result<Document> ReadJsonDocument(const std::string& origin, const std::string& json, const std::string& default_id) {
  auto fail = [&](const std::string& why) { return Status::InvalidInput(origin + ": " + why); };
  Status v = ValidateUtf8(json);
  if (!v.ok()) return fail(v.message());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(std::string("malformed JSON at byte ") + std::to_string(e.byte) + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {  // e.g. a number out of range
    return fail(std::string("malformed JSON: ") + e.what());
  }
  if (!j.is_object()) return fail("not a JSON object");
  auto str = [&](const char* k) -> std::optional<std::string> {
    auto it = j.find(k);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  Document d;
  std::optional<std::string> text = str("text");
  if (!text) return fail("field 'text' is missing or not a string");
  if (text->find('\0') != std::string::npos) return fail("field 'text' contains a NUL character");
  d.text = *text;
  if (auto it = j.find("id"); it != j.end() && it->is_number_integer()) d.id = std::to_string(it->get<long long>());
  else d.id = str("id").value_or(default_id);
  d.title = str("title");
  if (auto p = str("published")) {
    std::string pd = ParsePublished(*p);
    if (!pd.empty()) d.published = pd;
  }
  d.url = str("url");
  d.source = str("source");
  d.origin = origin;
  d.blocks = ClassifyLines(ToU32(d.text), false);
  return d;
}

void ReadJsonl(const std::string& name, const std::string& bytes,
               const std::function<void(ReadItem)>& each) {
  size_t a = 0;
  int line_no = 0;
  while (a < bytes.size()) {
    size_t b = bytes.find('\n', a);
    if (b == std::string::npos) b = bytes.size();
    std::string line = bytes.substr(a, b - a);
    a = b + 1;
    ++line_no;
    std::string origin = name + ":" + std::to_string(line_no);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    each({origin, ReadJsonDocument(origin, line, name.substr(name.find_last_of('/') + 1) + "-" + std::to_string(line_no))});
  }
}

}  // namespace hadath
