// The report's timeline: events grouped by date, each with who did what to whom, where, how many
// mentions, sources and articles, the outlets, the best evidence sentence and every other report.
#include <algorithm>

#include "out/report_parts.h"

namespace sitrep::report {
namespace {

std::string actor(const std::string& name, const std::string& code) {
  if (name.empty() && code.empty()) return "(unknown actor)";
  if (name.empty()) return code;
  return code.empty() ? name : name + " (" + code + ")";
}

// Dates the store could only read in part still deserve a readable heading.
std::string date_heading(const EventRow& e) {
  if (e.date.empty()) return "Date unknown";
  if (e.date.rfind("--", 0) == 0) return e.date.substr(2) + " (year unknown)";
  if (parse_day(e.date)) return e.date;
  return e.date + (e.date_precision.empty() ? "" : " (" + e.date_precision + ")");
}

std::string plural(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string event_entry(const ReportEvent& re) {
  const EventRow& e = re.event;
  std::string out = "<li class=\"event\" id=\"event-" + html_escape(e.id) + "\" data-date=\"" + html_escape(e.date) +
                    "\" style=\"border-left-color:" + std::string(quad_colour(e.quad_class)) + "\">";
  out += "<div class=\"what\">" + html_escape(actor(e.source_name, e.source_code)) + " → " +
         html_escape(e.plover.empty() ? e.cameo : e.plover) + " → " + html_escape(actor(e.target_name, e.target_code)) +
         "</div>";
  out += "<div class=\"codes\">CAMEO <code>" + html_escape(e.cameo) + "</code>" +
         (e.plover.empty() ? "" : " · PLOVER <code>" + html_escape(e.plover) + "</code>") +
         (e.plover_mode.empty() ? "" : " " + html_escape(e.plover_mode)) + " · " +
         std::string(quad_name(e.quad_class)) + " · Goldstein " + num(e.goldstein) + "</div>";
  if (!e.location_name.empty() || !e.country.empty())
    out += "<div class=\"where\">" + html_escape(e.location_name) +
           (e.location_name.empty() || e.country.empty() ? "" : ", ") + html_escape(e.country) + "</div>";
  out += "<div class=\"counts\">" + plural(e.num_mentions, "mention", "mentions") + " · " +
         plural(e.num_sources, "source", "sources") + " · " + plural(e.num_articles, "article", "articles") +
         (e.first_report.empty() ? "" : " · first reported " + html_escape(e.first_report)) + "</div>";
  // Outlets in the order they first reported, with how often each did.
  std::vector<std::pair<std::string, int>> outlets;
  for (const auto& m : re.mentions) {
    std::string o = m.outlet.empty() ? m.origin : m.outlet;
    auto it = std::find_if(outlets.begin(), outlets.end(), [&](const auto& p) { return p.first == o; });
    if (it == outlets.end()) outlets.push_back({o, 1});
    else ++it->second;
  }
  if (!outlets.empty()) {
    out += "<div class=\"outlets\">Reported by ";
    for (size_t i = 0; i < outlets.size(); ++i)
      out += (i ? ", " : "") + std::string("<span class=\"outlet\">") + html_escape(outlets[i].first) + "</span>" +
             (outlets[i].second > 1 ? " ×" + std::to_string(outlets[i].second) : "");
    out += "</div>";
  }
  const MentionRow* best = nullptr;
  for (const auto& m : re.mentions)
    if (m.id == e.best_mention) best = &m;
  if (!e.evidence.empty()) {
    std::string cite = best ? (best->outlet.empty() ? best->origin : best->outlet) +
                                  (best->pub_date.empty() ? "" : ", " + best->pub_date)
                            : "";
    std::string url = best ? (best->url.empty() ? "" : best->url) : e.source_url;
    out += "<blockquote class=\"evidence\">" + html_escape(e.evidence);
    if (!cite.empty() || !url.empty())
      out += "<cite>" + html_escape(cite) + (url.empty() ? "" : " <span class=\"url\">" + html_escape(url) + "</span>") +
             "</cite>";
    out += "</blockquote>";
  }
  // Source addresses are printed, not linked: the file must not invite requests, and an analyst
  // copying a citation wants the address as text anyway.
  if (re.mentions.size() > 1 || (re.mentions.size() == 1 && re.mentions[0].id != e.best_mention)) {
    out += "<details><summary>All " + plural(static_cast<int64_t>(re.mentions.size()), "report", "reports") +
           "</summary><ul>";
    for (const auto& m : re.mentions) {
      std::string src = (m.outlet.empty() ? m.origin : m.outlet) + (m.pub_date.empty() ? "" : ", " + m.pub_date);
      out += "<li class=\"mention\"><b>" + html_escape(src) + "</b>" +
             (m.modality.empty() || m.modality == "asserted" ? "" : " <i>" + html_escape(m.modality) + "</i>") + ": " +
             html_escape(m.text) + (m.url.empty() ? "" : " <span class=\"url\">" + html_escape(m.url) + "</span>") +
             "</li>";
    }
    out += "</ul></details>";
  }
  return out + "</li>\n";
}

}  // namespace

std::string render_timeline(const std::vector<ReportEvent>& events) {
  std::string out;
  std::string current;
  bool open = false;
  for (const auto& re : events) {
    std::string heading = date_heading(re.event);
    if (!open || heading != current) {
      if (open) out += "</ol></div>\n";
      out += "<div class=\"day-group\"><h3>" + html_escape(heading) + "</h3><ol class=\"events\">\n";
      current = heading;
      open = true;
    }
    out += event_entry(re);
  }
  if (open) out += "</ol></div>\n";
  return out;
}

}  // namespace sitrep::report
