#include "src/lexicon/tsv.h"

namespace hadath {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  out.reserve(10);
  size_t a = 0;
  while (true) {
    size_t b = line.find('\t', a);
    out.push_back(Trim(line.substr(a, b == std::string_view::npos ? line.npos : b - a)));
    if (b == std::string_view::npos) break;
    a = b + 1;
  }
  return out;
}

}  // namespace

int TsvTable::Col(std::string_view n) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == n) return static_cast<int>(i);
  return -1;
}

std::string_view TsvTable::View(size_t r, int col) const {
  if (col < 0 || r >= rows.size() || static_cast<size_t>(col) >= rows[r].size()) return {};
  return rows[r][col];
}

Result<TsvTable> ParseTsv(std::string_view text, const std::string& name,
                          const std::vector<std::string>& required) {
  TsvTable t;
  t.name = name;
  size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == text.npos ? text.npos : nl - pos);
    pos = nl == text.npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (Trim(line).empty() || line[0] == '#') continue;
    if (t.header.empty()) {
      for (std::string_view h : SplitTabs(line)) t.header.emplace_back(h);
      continue;
    }
    auto fields = SplitTabs(line);
    if (fields.size() > t.header.size())
      return Status::Corrupt(name + ":" + std::to_string(line_no) + ": " +
                             std::to_string(fields.size()) + " fields, header has " +
                             std::to_string(t.header.size()));
    fields.resize(t.header.size());
    t.rows.push_back(std::move(fields));
    t.lines.push_back(line_no);
  }
  for (const auto& r : required)
    if (t.Col(r) < 0) return Status::Corrupt(name + ": missing column '" + r + "' in header");
  return t;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t a = 0;
  while (a <= s.size()) {
    size_t b = s.find('|', a);
    std::string_view part = Trim(s.substr(a, b == s.npos ? s.npos : b - a));
    if (!part.empty()) out.emplace_back(part);
    if (b == s.npos) break;
    a = b + 1;
  }
  return out;
}

}  // namespace hadath
