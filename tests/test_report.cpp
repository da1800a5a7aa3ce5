// The situation report rendered from hand-made rows: timeline, chart, escaping, no external
// references, the empty report.
#include <gtest/gtest.h>

#include <regex>

#include "out/report.h"
#include "out/report_parts.h"

namespace sitrep {
namespace {

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

MentionRow mention(int64_t id, const std::string& event, const std::string& outlet, const std::string& text) {
  MentionRow m;
  m.id = id;
  m.event_id = event;
  m.doc_id = "doc-" + outlet;
  m.origin = outlet + ".html";
  m.url = "https://" + outlet + ".example/article";
  m.outlet = outlet;
  m.pub_date = "2020-02-28";
  m.text = text;
  m.modality = "asserted";
  return m;
}

ReportEvent event(const std::string& id, const std::string& date, int quad, double goldstein,
                  std::vector<std::string> outlets, const std::string& sentence) {
  ReportEvent re;
  EventRow& e = re.event;
  e.id = id;
  e.date = date;
  e.date_precision = "day";
  e.source_code = "RUS", e.source_name = "Vladimir Putin";
  e.target_code = "TUR", e.target_name = "Recep Tayyip Erdogan";
  e.cameo = "040", e.cameo_root = "04", e.plover = "CONSULT", e.plover_mode = "phone";
  e.quad_class = quad;
  e.goldstein = goldstein;
  e.location_name = "Idlib", e.country = "SYR", e.lat = 35.93, e.lon = 36.63, e.has_coordinates = true;
  e.num_mentions = static_cast<int64_t>(outlets.size());
  e.num_sources = static_cast<int64_t>(outlets.size());
  e.num_articles = static_cast<int64_t>(outlets.size());
  e.story_id = "story-1";
  e.evidence = sentence;
  for (size_t i = 0; i < outlets.size(); ++i)
    re.mentions.push_back(mention(static_cast<int64_t>(i + 1) + 10 * static_cast<int64_t>(id.size()), id, outlets[i], sentence));
  e.best_mention = re.mentions.front().id;
  return re;
}

ReportData sample() {
  ReportData d;
  d.events.push_back(event("e1", "2020-02-28", 1, 1.0, {"TASS", "SouthFront"}, "Putin and Erdogan spoke by phone."));
  d.events.push_back(event("e22", "2020-03-01", 4, -10.0, {"Reuters"}, "Turkish drones struck Syrian positions."));
  d.events.push_back(event("e333", "2020-03-05", 2, 6.0, {"TASS"}, "The leaders met in Moscow."));
  d.events.push_back(event("e4444", "2020-03-05", 3, -4.0, {"Anadolu"}, "Ankara threatened a response."));
  d.stories.push_back({"story-1", "Idlib, Feb–Mar 2020: Russia–Turkey", "2020-02-28", "2020-03-05", "SYR", "Idlib", 4});
  d.stories.push_back({"story-2", "Unrelated story", "2019-01-01", "2019-01-02", "FRA", "Paris", 2});
  d.quotes.push_back({"doc-TASS", "We agreed on a ceasefire.", "Vladimir Putin", "RUSGOV", "TASS", "2020-03-05"});
  return d;
}

TEST(Report, TimelineHasEveryEventWithDateSourcesAndEvidence) {
  ReportData d = sample();
  std::string html = render_report(d);
  EXPECT_EQ(count(html, "<li class=\"event\""), d.events.size());
  for (const auto& re : d.events) {
    EXPECT_NE(html.find("id=\"event-" + re.event.id + "\" data-date=\"" + re.event.date + "\""), std::string::npos);
    EXPECT_NE(html.find("<blockquote class=\"evidence\">" + re.event.evidence), std::string::npos) << re.event.id;
  }
  // One heading per date: 2020-03-05 holds two events.
  EXPECT_EQ(count(html, "<div class=\"day-group\"><h3>"), 3u);
  EXPECT_NE(html.find("<h3>2020-02-28</h3>"), std::string::npos);
  EXPECT_NE(html.find("2 mentions · 2 sources · 2 articles"), std::string::npos);
  EXPECT_NE(html.find("1 mention · 1 source · 1 article"), std::string::npos);
  EXPECT_NE(html.find("Reported by <span class=\"outlet\">TASS</span>, <span class=\"outlet\">SouthFront</span>"),
            std::string::npos);
  // Stories: only the one the events belong to; quotes by speaker.
  EXPECT_NE(html.find("Idlib, Feb–Mar 2020: Russia–Turkey"), std::string::npos);
  EXPECT_EQ(html.find("Unrelated story"), std::string::npos);
  EXPECT_NE(html.find("<h3>Vladimir Putin <code>RUSGOV</code>"), std::string::npos);
  EXPECT_NE(html.find("We agreed on a ceasefire."), std::string::npos);
}

TEST(Report, PartialDatesGetReadableHeadings) {
  ReportData d;
  d.events.push_back(event("a", "", 1, 1, {"TASS"}, "Undated."));
  d.events.push_back(event("b", "--02-28", 1, 1, {"TASS"}, "No year."));
  d.events.push_back(event("c", "2020-02", 1, 1, {"TASS"}, "A month."));
  d.events[2].event.date_precision = "month";
  std::string html = render_report(d);
  EXPECT_NE(html.find("<h3>Date unknown</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h3>02-28 (year unknown)</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h3>2020-02 (month)</h3>"), std::string::npos);
  EXPECT_NE(html.find("No event has a full date to chart."), std::string::npos);
}

TEST(Report, ChartHasOneBarGroupPerDayAndTheGoldsteinPath) {
  ReportData d = sample();
  std::string svg = report::svg_daily_chart(d.events);
  // 2020-02-28 .. 2020-03-05 is 7 calendar days (2020 is a leap year); 3 of them have events.
  EXPECT_EQ(count(svg, "<g class=\"day\""), 7u);
  EXPECT_NE(svg.find("<g class=\"day\" data-date=\"2020-02-29\"></g>"), std::string::npos);
  EXPECT_EQ(count(svg, "<rect class=\"q"), 4u);  // e333 and e4444 share a day but differ in QuadClass
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<path class=\"goldstein\" d=\"(M[^\"]*)\"")));
  EXPECT_EQ(count(m[1].str(), " L"), 2u);  // three days with events
  // The 5 March mean is (6 + -4) / 2 = 1.
  EXPECT_NE(svg.find("2020-03-05: mean Goldstein 1<"), std::string::npos);
  std::string html = render_report(d);
  EXPECT_NE(html.find("<svg class=\"chart daily\""), std::string::npos);
}

TEST(Report, ChartBreaksLongQuietStretches) {
  std::vector<ReportEvent> events = {event("a", "2020-02-28", 1, 2, {"TASS"}, "."),
                                     event("b", "2020-03-02", 4, -8, {"TASS"}, "."),
                                     event("c", "2022-03-29", 1, 4, {"TASS"}, ".")};
  std::string svg = report::svg_daily_chart(events);
  EXPECT_EQ(count(svg, "<g class=\"day\""), 5u);  // 28 Feb .. 2 Mar 2020, then 29 Mar 2022
  EXPECT_EQ(count(svg, "<g class=\"break\">"), 1u);
  EXPECT_NE(svg.find(">2 years</text>"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<path class=\"goldstein\" d=\"(M[^\"]*)\"")));
  EXPECT_EQ(count(m[1].str(), "M"), 2u);  // the line does not bridge the break
  EXPECT_EQ(count(m[1].str(), " L"), 1u);
}

TEST(Report, HostileTextStaysInert) {
  ReportData d = sample();
  const std::string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>\"><b>&amp;";
  auto& e = d.events[0];
  e.event.evidence = hostile;
  e.event.source_name = hostile;
  e.event.location_name = hostile;
  e.event.id = "e1\" onmouseover=\"alert(1)";
  e.mentions[0].outlet = hostile;
  e.mentions[1].text = hostile;
  d.stories[0].label = hostile;
  d.quotes[0].speaker_name = hostile;
  d.quotes[0].text = hostile;
  d.title = hostile;
  d.scope = hostile;
  std::string html = render_report(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
  EXPECT_EQ(html.find("onerror=alert(1)>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&amp;amp;"), std::string::npos);
  EXPECT_EQ(report::html_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST(Report, NoExternalResourceReferences) {
  ReportData d = sample();
  d.events[1].event.evidence = "See <a href=\"https://evil.example/\">this</a> and src=https://x.example/p.png";
  std::string html = render_report(d);
  // Source addresses appear as text; nothing the browser would fetch or follow.
  EXPECT_NE(html.find("https://TASS.example/article"), std::string::npos);
  // Text is escaped, so every "<" left opens a real tag: look for fetching attributes only there.
  std::regex tag(R"(<[a-zA-Z][^>]*>)");
  std::regex external(R"re(\b(src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(https?:)?//)re", std::regex::icase);
  size_t tags = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it, ++tags)
    EXPECT_FALSE(std::regex_search(it->str(), external)) << it->str();
  EXPECT_GT(tags, 100u);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(url\s*\()", std::regex::icase)));
  EXPECT_EQ(html.find("@import"), std::string::npos);
  for (const char* tag : {"<script", "<link", "<img", "<iframe", "<object", "<embed"})
    EXPECT_EQ(html.find(tag), std::string::npos) << tag;
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
}

TEST(Report, EmptyInputGivesAValidPageSayingThereAreNoEvents) {
  ReportData d;
  d.scope = "actor XYZ";
  std::string html = render_report(d);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</body>\n</html>\n"), std::string::npos);
  EXPECT_NE(html.find("No events match"), std::string::npos);
  EXPECT_NE(html.find("Events with actor XYZ"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(count(html, "<main>"), count(html, "</main>"));
}

TEST(Report, NetworkAndMap) {
  ReportData d = sample();
  d.events[1].event.source_code = "TUR";
  d.events[1].event.target_code = "SYR";
  d.events[1].event.lat = 36.2, d.events[1].event.lon = 37.16, d.events[1].event.location_name = "Aleppo";
  d.events[2].event.has_coordinates = false;
  std::string net = report::svg_actor_network(d.events);
  EXPECT_EQ(count(net, "<g class=\"actor\">"), 3u);
  EXPECT_EQ(count(net, "<line class=\"edge\""), 2u);
  EXPECT_NE(net.find("data-weight=\"3\""), std::string::npos);  // RUS–TUR: three events
  std::string map = report::svg_event_map(d.events);
  EXPECT_EQ(count(map, "<g class=\"place\">"), 2u);
  EXPECT_NE(map.find(">Idlib</text>"), std::string::npos);
  EXPECT_NE(map.find(">Aleppo</text>"), std::string::npos);
  EXPECT_NE(map.find("1 event has no coordinates."), std::string::npos);
  EXPECT_NE(map.find("class=\"graticule\""), std::string::npos);
}

TEST(Report, DescribeFilter) {
  EventFilter f;
  f.actors = {"RUS", "TUR"};
  f.date_from = "2020-02";
  f.quad_class = 4;
  EXPECT_EQ(describe_filter(f), "actor RUS, actor TUR, QuadClass 4, from 2020-02");
  EXPECT_EQ(describe_filter(EventFilter{}), "");
}

}  // namespace
}  // namespace sitrep
