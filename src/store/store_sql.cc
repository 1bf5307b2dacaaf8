#include "src/store/store_sql.h"

namespace hadath {

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string SearchFilterSql(const SearchQuery& q, const std::function<std::string(std::string)>& param,
                            const std::function<std::string(const std::string&, const std::string&)>& starts_with) {
  std::string sql;
  if (!q.from.empty()) sql += " AND d.published >= " + param(q.from);
  if (!q.to.empty()) {
    std::string p = param(q.to);
    sql += " AND substr(d.published, 1, length(" + p + ")) <= " + p;
  }
  if (!q.source.empty()) sql += " AND d.source = " + param(q.source);
  if (!q.actor.empty() || !q.country.empty() || !q.root.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id";
    if (!q.root.empty()) sql += " AND e.root = " + param(q.root);
    if (!q.actor.empty()) {
      std::string p = param(AsciiUpper(q.actor));
      sql += " AND (" + starts_with("e.source_code", p) + " OR " + starts_with("e.target_code", p) + ")";
    }
    if (!q.country.empty()) {
      std::string p = param(AsciiUpper(q.country));
      sql += " AND (e.source_country = " + p + " OR e.target_country = " + p + ")";
    }
    sql += ")";
  }
  return sql;
}

}  // namespace hadath
