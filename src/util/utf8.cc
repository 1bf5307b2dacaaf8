#include "src/util/utf8.h"

namespace hadath {
namespace {

// Decodes one code point at s[i]; returns bytes consumed or 0 with *why set.
int DecodeOne(std::string_view s, size_t i, char32_t* out, const char** why) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (c == 0) {
      *why = "NUL byte";
      return 0;
    }
    *out = c;
    return 1;
  }
  int n;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    *why = "invalid UTF-8 lead byte";
    return 0;
  }
  if (i + n > s.size()) {
    *why = "truncated UTF-8 sequence";
    return 0;
  }
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      *why = "invalid UTF-8 continuation byte";
      return 0;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  static const char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n]) {
    *why = "overlong UTF-8 encoding";
    return 0;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *why = "invalid code point";
    return 0;
  }
  *out = cp;
  return n;
}

std::string Where(std::string_view s, size_t i, const char* why) {
  size_t line = 1;
  for (size_t k = 0; k < i; ++k) line += s[k] == '\n';
  return "byte " + std::to_string(i) + " (line " + std::to_string(line) + "): " + why;
}

}  // namespace

Result<std::u32string> DecodeUtf8(std::string_view s) {
  std::u32string out(s.size(), U'\0');  // never more code points than bytes
  char32_t* w = out.data();
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Fast paths: ASCII (not NUL) and well-formed two-byte sequences (Arabic).
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80 && b0 != 0) {
      *w++ = b0;
      ++i;
      continue;
    }
    if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n) {
      unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
      if ((b1 & 0xC0) == 0x80) {
        *w++ = static_cast<char32_t>(((b0 & 0x1F) << 6) | (b1 & 0x3F));
        i += 2;
        continue;
      }
    }
    char32_t cp;
    const char* why = nullptr;
    int k = DecodeOne(s, i, &cp, &why);
    if (k == 0) return Status::InvalidInput(Where(s, i, why));
    *w++ = cp;
    i += k;
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

std::u32string DecodeUtf8Lenient(std::string_view s, std::vector<int>* byte_at) {
  std::u32string out;
  out.reserve(s.size());
  byte_at->clear();
  byte_at->reserve(s.size() + 1);
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    const char* why = nullptr;
    int n = DecodeOne(s, i, &cp, &why);
    byte_at->push_back(static_cast<int>(i));
    out.push_back(n > 0 ? cp : U'\uFFFD');
    i += n > 0 ? n : 1;
  }
  byte_at->push_back(static_cast<int>(s.size()));
  return out;
}

Status ValidateUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    const char* why = nullptr;
    int n = DecodeOne(s, i, &cp, &why);
    if (n == 0) return Status::InvalidInput(Where(s, i, why));
    i += n;
  }
  return Status::Ok();
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::u32string ToU32(std::string_view s) {
  Result<std::u32string> r = DecodeUtf8(s);
  return r.ok() ? r.take() : std::u32string();
}

}  // namespace hadath
