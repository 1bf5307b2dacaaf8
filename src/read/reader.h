// Readers: plain text (one article; first non-empty line is the title) and JSON Lines
// (one article per line: text, id, title, published, url, source). Lines are classified
// into sections (title, lead, caption, heading, body, related, boilerplate).
#ifndef HADATH_SRC_READ_READER_H_
#define HADATH_SRC_READ_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "include/hadath/document.h"
#include "include/hadath/status.h"

namespace hadath {

// A document or the error that rejected it; `origin` names FILE or FILE:LINE.
struct ReadItem {
  std::string origin;
  Result<Document> doc;
};

Result<Document> ReadTxt(const std::string& name, const std::string& bytes);
// One article as a JSON object (the fields of a JSON Lines line); `default_id` when it
// has no id. Errors name `origin` and the byte of malformed JSON.
Result<Document> ReadJsonDocument(const std::string& origin, const std::string& json, const std::string& default_id);
// Calls `each` for every non-blank line of a JSON Lines input.
void ReadJsonl(const std::string& name, const std::string& bytes,
               const std::function<void(ReadItem)>& each);

// Sections of the lines of `text`; offsets in code points.
std::vector<Block> ClassifyLines(const std::u32string& text, bool first_line_is_title);

// "YYYY-MM-DD" from YYYY-MM-DD or RFC 3339, or "" when not a valid date.
std::string ParsePublished(const std::string& s);

}  // namespace hadath

#endif  // HADATH_SRC_READ_READER_H_
