// Reading what the report shows from the store, through the same event reader as `sitrep query`.
#include <set>

#include "out/report.h"

namespace sitrep {

ReportData collect_report(sqlite3* db, const EventFilter& filter) {
  ReportData data;
  data.scope = describe_filter(filter);
  std::set<std::string> documents;
  for (auto& e : timeline_events(db, filter)) {
    ReportEvent re{std::move(e), {}};
    re.mentions = mentions_of(db, re.event.id);
    for (const auto& m : re.mentions) documents.insert(m.doc_id);
    data.events.push_back(std::move(re));
  }
  data.truncated = filter.limit > 0 && static_cast<int64_t>(data.events.size()) >= filter.limit;
  data.stories = query_stories(db);
  // Quotes from the articles that reported the selected events: a filtered report quotes the
  // people of its own story, not everyone in the store.
  constexpr int64_t kQuoteScan = 100000;
  for (auto& q : query_quotes(db, kQuoteScan))
    if (documents.count(q.doc_id)) data.quotes.push_back(std::move(q));
  return data;
}

}  // namespace sitrep
