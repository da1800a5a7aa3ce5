#include "cli/timeline_view.h"

#include <set>
#include <string>

namespace sitrep::cli {

void print_timeline(sqlite3* db, const std::vector<EventRow>& rows, std::ostream& out) {
  for (const auto& e : rows) {
    std::set<std::string> outlets;
    for (const auto& m : mentions_of(db, e.id)) outlets.insert(m.outlet.empty() ? "article " + m.doc_id.substr(0, 10) : m.outlet);
    std::string who = e.source_name.empty() ? e.source_code : e.source_name;
    std::string whom = e.target_name.empty() ? e.target_code : e.target_name;
    std::string date = e.date.empty() ? "?" : e.date;
    date.resize(std::max<size_t>(date.size(), 10), ' ');
    out << date << "  " << e.plover << " " << who << " -> " << (whom.empty() ? "-" : whom) << "  [" << e.cameo
        << (e.plover_mode.empty() ? "" : " " + e.plover_mode) << (e.location_name.empty() ? "" : ", " + e.location_name)
        << "]\n";
    std::string srcs;
    for (const auto& o : outlets) srcs += (srcs.empty() ? "" : ", ") + o;
    out << "            " << e.num_mentions << " mention(s), " << e.num_sources << " source(s): " << srcs << "\n"
        << "            \"" << e.evidence << "\"\n";
  }
  if (rows.empty()) out << "no events match\n";
}

}  // namespace sitrep::cli
