// A tiny TSV reader for the lexicon sources: header row, tab-separated fields,
// '#'-comment and blank lines skipped. Errors name the section and line.
#ifndef HADATH_SRC_LEXICON_TSV_H_
#define HADATH_SRC_LEXICON_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "include/hadath/status.h"

namespace hadath {

// Rows hold views into the parsed text, which must outlive the table.
struct TsvTable {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string_view>> rows;
  std::vector<int> lines;  // source line of each row

  // Index of a column, or -1.
  int Col(std::string_view name) const;
  // Field of row r by column index (empty when the column is missing).
  std::string At(size_t r, int col) const { return std::string(View(r, col)); }
  std::string_view View(size_t r, int col) const;
};

// Parses `text` (kept alive by the caller); `required` columns must be in the header.
Result<TsvTable> ParseTsv(std::string_view text, const std::string& name,
                          const std::vector<std::string>& required);

// Splits "a|b|c" into non-empty trimmed parts.
std::vector<std::string> SplitBar(std::string_view s);

}  // namespace hadath

#endif  // HADATH_SRC_LEXICON_TSV_H_
