// out: the situation report, one self-contained HTML file an analyst can mail. Stories, a dated
// timeline of events with their sources and evidence, daily events by QuadClass with the mean
// Goldstein score, the actor network, key quotes by speaker and a map of event locations. The
// charts are inline SVG drawn here; the page has no script and loads nothing from outside.
#pragma once
#include <string>
#include <vector>

#include "store/event_query.h"

struct sqlite3;

namespace sitrep {

struct ReportEvent {
  EventRow event;
  std::vector<MentionRow> mentions;  // every report of the event, for outlets and evidence
};

struct ReportData {
  std::string title = "Situation report";
  std::string scope;      // the filters in words ("actor RUS, from 2020-02"); empty = all events
  std::string generated;  // shown in the header when set; left to the caller so output is reproducible
  std::vector<ReportEvent> events;  // in date order, as query_events returns them
  std::vector<StoryRow> stories;    // only those the events belong to are shown
  std::vector<QuoteRow> quotes;     // shown grouped by speaker
  bool truncated = false;           // the filter's limit cut the event list
};

// The whole page. Pure: the same data gives the same bytes.
std::string render_report(const ReportData& data);

// Reads what the report shows for the events matching `filter`: their mentions, their stories,
// and the quotes of the documents that reported them. Throws std::runtime_error on SQL errors.
ReportData collect_report(sqlite3* db, const EventFilter& filter);

// The filter in words for the report header.
std::string describe_filter(const EventFilter& filter);

}  // namespace sitrep
