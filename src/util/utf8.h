// UTF-8 decoding with validation, and encoding. Offsets in hadath are code points.
#ifndef HADATH_SRC_UTIL_UTF8_H_
#define HADATH_SRC_UTIL_UTF8_H_

#include <string>
#include <string_view>
#include <vector>

#include "include/hadath/status.h"

namespace hadath {

// Decodes UTF-8 strictly (no overlongs, no surrogates, no NUL). On error the message
// says "byte B (line L): reason".
Result<std::u32string> DecodeUtf8(std::string_view s);

// Decodes UTF-8 leniently, for text that was stored rather than read (a search index must
// tokenize whatever a column holds): every invalid byte becomes U+FFFD. `*byte_at` gets
// the byte offset of each code point, and the text's size at the end.
std::u32string DecodeUtf8Lenient(std::string_view s, std::vector<int>* byte_at);

// Returns an error describing the first invalid byte, or Ok.
Status ValidateUtf8(std::string_view s);

void AppendUtf8(char32_t c, std::string* out);
std::string EncodeUtf8(std::u32string_view s);
std::u32string ToU32(std::string_view utf8_known_valid);

}  // namespace hadath

#endif  // HADATH_SRC_UTIL_UTF8_H_
