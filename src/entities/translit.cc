#include "src/entities/translit.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <unordered_map>

namespace hadath {

std::string TransliterateName(const std::string& arabic_utf8) {
  thread_local std::unique_ptr<icu::Transliterator> tr = [] {
    UErrorCode e = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Arabic-Latin; Latin-ASCII", UTRANS_FORWARD, e));
    if (U_FAILURE(e)) t.reset();
    return t;
  }();
  if (!tr) return "";
  // Names recur across articles, and ICU's rule-based transliterator is slow (a tenth of
  // the analysis time before this cache): remember each name's reading, within bounds.
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(arabic_utf8); it != cache.end()) return it->second;
  if (cache.size() > 100000) cache.clear();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(arabic_utf8);
  tr->transliterate(u);
  std::string s;
  u.toUTF8String(s);
  std::string out;
  bool start = true;
  for (char c : s) {
    if (c == '\'' || c == '`' || c == '~' || static_cast<unsigned char>(c) >= 0x80) continue;  // ʿ ʾ
    unsigned char uc = static_cast<unsigned char>(c);
    out.push_back(start && std::isalpha(uc) ? static_cast<char>(std::toupper(uc)) : c);
    start = c == ' ' || c == '-';
  }
  cache.emplace(arabic_utf8, out);
  return out;
}

}  // namespace hadath
