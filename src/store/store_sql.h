// SQL both stores build the same way, each with its own placeholders and prefix test.
#ifndef HADATH_SRC_STORE_STORE_SQL_H_
#define HADATH_SRC_STORE_STORE_SQL_H_

#include <functional>
#include <string>

#include "include/hadath/store.h"

namespace hadath {

// `s` with a-z in upper case (actor and country codes are matched in any case).
std::string AsciiUpper(std::string s);

// The conditions of a search's filters (SearchQuery::HasFilters) over documents `d` and
// their events `e`, each starting with " AND ", "" when there are none. `param` adds a
// value and returns its placeholder; `starts_with(column, placeholder)` is the backend's
// test that a column starts with a value.
std::string SearchFilterSql(const SearchQuery& q, const std::function<std::string(std::string)>& param,
                            const std::function<std::string(const std::string&, const std::string&)>& starts_with);

}  // namespace hadath

#endif  // HADATH_SRC_STORE_STORE_SQL_H_
