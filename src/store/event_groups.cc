#include <map>
#include <set>
#include <tuple>

#include "include/hadath/store.h"

namespace hadath {

Status GroupEvents(Store& store, const EventQuery& q, const std::function<void(const EventGroup&)>& each) {
  EventQuery all = q;  // paging applies to groups, not to their members
  all.limit = 0;
  all.offset = 0;
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, size_t> index;
  std::vector<EventGroup> groups;
  Status s = store.Events(all, [&](const EventRow& r) {
    // Undated events stay apart: nothing says two of them are the same happening.
    Key k{r.date.empty() ? "\x01" + r.doc_id + ":" + r.event_id : r.date, r.source_code, r.target_code, r.cameo,
          r.location};
    auto [it, fresh] = index.emplace(k, groups.size());
    if (fresh) {
      EventGroup g;
      g.date = r.date;
      g.source_code = r.source_code;
      g.target_code = r.target_code;
      g.cameo = r.cameo;
      g.location = r.location;
      groups.push_back(std::move(g));
    }
    groups[it->second].members.push_back(r);
  });
  if (!s.ok()) return s;
  size_t end = q.limit ? std::min(groups.size(), q.offset + q.limit) : groups.size();
  for (size_t i = q.offset; i < end; ++i) {
    EventGroup& g = groups[i];
    std::set<std::string> docs, sources, urls;
    for (const EventRow& r : g.members) {
      docs.insert(r.doc_id);
      if (!r.news_source.empty()) sources.insert(r.news_source);
      if (!r.url.empty()) urls.insert(r.url);
    }
    g.documents.assign(docs.begin(), docs.end());
    g.sources.assign(sources.begin(), sources.end());
    g.urls.assign(urls.begin(), urls.end());
    each(g);
  }
  return Status::Ok();
}

}  // namespace hadath
