#include "src/entities/translit.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>

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
  return out;
}

}  // namespace hadath
