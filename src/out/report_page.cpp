// The report page: head, summary, stories and quotes, with the timeline and the charts from
// their own files. No script and a Content-Security-Policy that forbids every fetch, so opening
// the mailed file never reaches the network, even if a later change slips in a reference.
#include <algorithm>
#include <map>
#include <set>

#include "out/report_parts.h"

namespace sitrep {
namespace {

using report::html_escape;

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d8dde6; --paper: #ffffff; --band: #f4f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--band); }
header.page { background: #1d2330; color: #fff; padding: 20px 32px 14px; }
header.page h1 { margin: 0 0 4px; font-size: 26px; }
header.page p { margin: 2px 0; color: #c9d1e0; }
header.page nav a { color: #fff; margin-right: 14px; font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 40px; }
section.panel { background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 14px 18px;
  margin: 16px 0; }
section.panel h2 { margin: 0 0 8px; font-size: 19px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
.grid > section.panel { margin: 0; }
.note, .empty { color: var(--muted); font-size: 13px; }
.empty { font-size: 16px; padding: 24px 0; }
dl.summary { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 0; }
dl.summary div { min-width: 110px; }
dl.summary dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
dl.summary dd { margin: 0; font-size: 20px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; margin: 6px 0 0; padding: 0; list-style: none; }
.legend span.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px;
  vertical-align: -1px; }
.day-group h3 { font-size: 15px; margin: 18px 0 6px; padding-bottom: 3px; border-bottom: 2px solid var(--ink); }
ol.events { list-style: none; margin: 0; padding: 0; }
li.event { border-left: 5px solid #999; padding: 6px 12px; margin: 8px 0; background: var(--band); border-radius: 0 4px 4px 0; }
li.event .what { font-weight: 600; }
li.event .codes, li.event .counts, li.event .outlets, li.event .where { font-size: 13px; color: var(--muted); }
li.event .codes code { color: var(--ink); }
blockquote { margin: 6px 0; padding: 2px 0 2px 12px; border-left: 3px solid var(--rule); font-style: italic; }
cite { display: block; font-style: normal; font-size: 12px; color: var(--muted); }
details { font-size: 13px; margin-top: 4px; }
details ul { margin: 4px 0; padding-left: 18px; }
.url { word-break: break-all; color: var(--muted); }
.speaker h3 { font-size: 15px; margin: 14px 0 4px; }
@media print { body { background: #fff; } header.page { background: #fff; color: #000; } header.page p,
  header.page nav a { color: #000; } section.panel { break-inside: avoid; border: none; } }
)css";

std::string outlet_of(const MentionRow& m) { return m.outlet.empty() ? m.origin : m.outlet; }

std::string summary_section(const ReportData& data) {
  int64_t mentions = 0, articles = 0;
  std::set<std::string> outlets, countries;
  std::string first, last;
  for (const auto& re : data.events) {
    mentions += re.event.num_mentions;
    articles += re.event.num_articles;
    for (const auto& m : re.mentions) outlets.insert(outlet_of(m));
    if (!re.event.country.empty()) countries.insert(re.event.country);
    if (report::parse_day(re.event.date)) {
      if (first.empty() || re.event.date < first) first = re.event.date;
      if (last.empty() || re.event.date > last) last = re.event.date;
    }
  }
  auto item = [](std::string_view label, const std::string& value) {
    return "<div><dt>" + std::string(label) + "</dt><dd>" + html_escape(value) + "</dd></div>";
  };
  std::string period = first.empty() ? "undated" : first == last ? first : first + " – " + last;
  return "<section class=\"panel\" id=\"summary\"><h2>Summary</h2><dl class=\"summary\">" +
         item("Events", std::to_string(data.events.size()) + (data.truncated ? "+" : "")) +
         item("Mentions", std::to_string(mentions)) + item("Articles", std::to_string(articles)) +
         item("Outlets", std::to_string(outlets.size())) + item("Countries", std::to_string(countries.size())) +
         item("Period", period) + "</dl>" +
         (data.truncated ? "<p class=\"note\">The event limit was reached: narrow the filters or raise --limit "
                           "to see every matching event.</p>"
                         : "") +
         "</section>\n";
}

std::string stories_section(const ReportData& data) {
  std::map<std::string, int> in_report;
  for (const auto& re : data.events)
    if (!re.event.story_id.empty()) ++in_report[re.event.story_id];
  std::string rows;
  for (const auto& s : data.stories) {
    auto it = in_report.find(s.id);
    if (it == in_report.end()) continue;
    std::string dates = s.first_date == s.last_date ? s.first_date : s.first_date + " – " + s.last_date;
    rows += "<tr class=\"story\"><td>" + html_escape(s.label) + "</td><td>" + html_escape(dates) +
            "</td><td class=\"n\">" + std::to_string(it->second) + "</td><td class=\"n\">" +
            std::to_string(s.num_events) + "</td><td>" + html_escape(s.place.empty() ? s.countries : s.place) +
            "</td></tr>\n";
  }
  std::string body = rows.empty() ? "<p class=\"note\">These events belong to no story.</p>"
                                  : "<table><thead><tr><th>Story</th><th>Dates</th><th>Events here</th><th>Events "
                                    "in all</th><th>Where</th></tr></thead><tbody>\n" +
                                        rows + "</tbody></table>";
  return "<section class=\"panel\" id=\"stories\"><h2>Stories</h2>" + body + "</section>\n";
}

// Speakers with the most quotes first; a quote syndicated to several outlets is shown once.
std::string quotes_section(const std::vector<QuoteRow>& quotes) {
  constexpr size_t kSpeakers = 10, kQuotesEach = 4;
  struct Speaker {
    std::string name, code;
    std::vector<const QuoteRow*> quotes;
  };
  std::map<std::string, Speaker> by_name;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& q : quotes) {
    if (q.speaker_name.empty() || !seen.insert({q.speaker_name, q.text}).second) continue;
    auto& s = by_name[q.speaker_name];
    s.name = q.speaker_name;
    if (s.code.empty()) s.code = q.speaker_code;
    s.quotes.push_back(&q);
  }
  std::vector<const Speaker*> speakers;
  for (const auto& [name, s] : by_name) speakers.push_back(&s);
  std::stable_sort(speakers.begin(), speakers.end(),
                   [](const Speaker* a, const Speaker* b) { return a->quotes.size() > b->quotes.size(); });
  std::string out = "<section class=\"panel\" id=\"quotes\"><h2>Key quotes</h2>";
  if (speakers.empty()) out += "<p class=\"note\">No attributed quotes in the reporting articles.</p>";
  for (size_t i = 0; i < speakers.size() && i < kSpeakers; ++i) {
    const Speaker& s = *speakers[i];
    out += "<div class=\"speaker\"><h3>" + html_escape(s.name) +
           (s.code.empty() ? "" : " <code>" + html_escape(s.code) + "</code>") + " <span class=\"note\">" +
           std::to_string(s.quotes.size()) + (s.quotes.size() == 1 ? " quote" : " quotes") + "</span></h3>";
    for (size_t k = 0; k < s.quotes.size() && k < kQuotesEach; ++k) {
      const QuoteRow& q = *s.quotes[k];
      std::string cite = q.outlet + (q.outlet.empty() || q.pub_date.empty() ? "" : ", ") + q.pub_date;
      out += "<blockquote class=\"quote\">" + html_escape(q.text) +
             (cite.empty() ? "" : "<cite>" + html_escape(cite) + "</cite>") + "</blockquote>";
    }
    out += "</div>\n";
  }
  return out + "</section>\n";
}

std::string legend() {
  std::string out = "<ul class=\"legend\">";
  for (int q = 1; q <= 4; ++q)
    out += "<li><span class=\"swatch\" style=\"background:" + std::string(report::quad_colour(q)) + "\"></span>" +
           std::string(report::quad_name(q)) + "</li>";
  return out + "<li><span class=\"swatch\" style=\"background:#1d2330;height:3px;vertical-align:3px\"></span>Mean "
               "Goldstein score of the day (right axis, −10 to +10)</li></ul>";
}

}  // namespace

std::string render_report(const ReportData& data) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"sitrep\">\n<title>" +
      html_escape(data.title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<header class=\"page\"><h1>" + html_escape(data.title) + "</h1><p class=\"scope\">" +
         (data.scope.empty() ? "All events in the store" : "Events with " + html_escape(data.scope)) + "</p>";
  if (!data.generated.empty()) out += "<p class=\"generated\">Generated " + html_escape(data.generated) + "</p>";
  if (!data.events.empty())
    out += "<nav><a href=\"#stories\">Stories</a><a href=\"#activity\">Daily activity</a><a "
           "href=\"#network\">Actor network</a><a href=\"#map\">Map</a><a href=\"#quotes\">Key quotes</a><a "
           "href=\"#timeline\">Timeline</a></nav>";
  out += "</header>\n<main>\n";
  if (data.events.empty()) {
    out += "<section class=\"panel\" id=\"summary\"><p class=\"empty\">No events match this report's "
           "filters.</p></section>\n</main>\n</body>\n</html>\n";
    return out;
  }
  out += summary_section(data);
  out += stories_section(data);
  out += "<section class=\"panel\" id=\"activity\"><h2>Daily activity</h2>" +
         report::svg_daily_chart(data.events) + legend() + "</section>\n";
  out += "<div class=\"grid\">\n<section class=\"panel\" id=\"network\"><h2>Actor network</h2>" +
         report::svg_actor_network(data.events) + "</section>\n";
  out += "<section class=\"panel\" id=\"map\"><h2>Event locations</h2>" + report::svg_event_map(data.events) +
         "</section>\n</div>\n";
  out += quotes_section(data.quotes);
  out += "<section class=\"panel\" id=\"timeline\"><h2>Timeline</h2>" + report::render_timeline(data.events) +
         "</section>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string describe_filter(const EventFilter& f) {
  std::vector<std::string> parts;
  for (const auto& a : f.actors) parts.push_back("actor " + a);
  auto add = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) parts.push_back(std::string(label) + " " + value);
  };
  add("CAMEO", f.cameo);
  add("PLOVER", f.plover);
  if (f.quad_class) parts.push_back("QuadClass " + std::to_string(f.quad_class));
  add("from", f.date_from);
  add("to", f.date_to);
  add("place", f.place);
  add("country", f.country);
  add("outlet", f.outlet);
  if (!f.text.empty()) parts.push_back("text \"" + f.text + "\"");
  add("story", f.story);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace sitrep
