// out: the pieces of the situation report (report.h), one file each: page, timeline, chart,
// network, map. Each returns an HTML fragment; every text that came from the data passes
// through html_escape, so a hostile sentence stays text.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "out/report.h"

namespace sitrep::report {

// Escapes & < > " ' for text and for quoted attribute values alike.
std::string html_escape(std::string_view text);

// A number for SVG coordinates and labels: fixed decimals, trailing zeros dropped, "C" locale.
std::string num(double value, int decimals = 1);

// QuadClass 1-4: its name and its colour in the chart, the timeline, the network and the map.
std::string_view quad_name(int quad_class);
std::string_view quad_colour(int quad_class);

// A full "YYYY-MM-DD" date as a day; nullopt for partial or malformed dates.
std::optional<std::chrono::sys_days> parse_day(std::string_view date);
std::string format_day(std::chrono::sys_days day);

std::string render_timeline(const std::vector<ReportEvent>& events);
std::string svg_daily_chart(const std::vector<ReportEvent>& events);
std::string svg_actor_network(const std::vector<ReportEvent>& events);
std::string svg_event_map(const std::vector<ReportEvent>& events);

}  // namespace sitrep::report
