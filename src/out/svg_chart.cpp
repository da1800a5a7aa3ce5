// The report's daily chart: events per day stacked by QuadClass, with the day's mean Goldstein
// score as a line on its own axis. Every calendar day of a run of activity gets a bar group,
// empty or not, so the axis is honest time; a quiet stretch longer than kMaxQuietDays becomes a
// marked break instead, so that two bursts years apart do not shrink every bar to a hairline.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "out/report_parts.h"

namespace sitrep::report {
namespace {

constexpr double kWidth = 960, kHeight = 300, kLeft = 44, kRight = 48, kTop = 14, kBottom = 46;
constexpr double kPlotW = kWidth - kLeft - kRight, kPlotH = kHeight - kTop - kBottom;
constexpr int kMaxQuietDays = 21, kBreakSlots = 3;

// One position on the horizontal axis: a calendar day, or a break standing for quiet days.
struct Slot {
  std::chrono::sys_days day;
  int quiet_days = 0;  // > 0: a break
};

struct Day {
  std::array<int, 5> by_quad{};  // index 0: unclassified
  int total = 0;
  double goldstein_sum = 0;
};

// A tick step of 1, 2 or 5 times a power of ten giving at most about five ticks.
int count_step(int max_count) {
  for (int base = 1;; base *= 10)
    for (int m : {1, 2, 5})
      if (max_count / (base * m) <= 5) return base * m;
}

std::string short_day(std::chrono::sys_days day) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::chrono::year_month_day ymd(day);
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

}  // namespace

std::string svg_daily_chart(const std::vector<ReportEvent>& events) {
  std::map<std::chrono::sys_days, Day> days;
  size_t undated = 0;
  for (const auto& re : events) {
    auto d = parse_day(re.event.date);
    if (!d) {
      ++undated;
      continue;
    }
    Day& day = days[*d];
    int q = re.event.quad_class >= 1 && re.event.quad_class <= 4 ? re.event.quad_class : 0;
    ++day.by_quad[static_cast<size_t>(q)];
    ++day.total;
    day.goldstein_sum += re.event.goldstein;
  }
  std::string note = undated ? "<p class=\"note\">" + std::to_string(undated) +
                                   (undated == 1 ? " event has no full date and is" : " events have no full date and are") +
                                   " not in the chart.</p>"
                             : "";
  if (days.empty()) return "<p class=\"note\">No event has a full date to chart.</p>";

  std::vector<Slot> slots;
  for (auto it = days.begin(); it != days.end(); ++it) {
    if (it != days.begin()) {
      const auto prev = std::prev(it)->first;
      const int quiet = static_cast<int>((it->first - prev).count()) - 1;
      if (quiet > kMaxQuietDays) slots.push_back({prev, quiet});
      else
        for (int k = 1; k <= quiet; ++k) slots.push_back({prev + std::chrono::days(k), 0});
    }
    slots.push_back({it->first, 0});
  }
  int width_slots = 0;
  for (const auto& slot : slots) width_slots += slot.quiet_days ? kBreakSlots : 1;
  int max_count = 1;
  for (const auto& [d, day] : days) max_count = std::max(max_count, day.total);
  const int step = count_step(max_count);
  const int top_count = (max_count + step - 1) / step * step;
  const double band = kPlotW / width_slots, bar = std::min(band * 0.8, 48.0);
  auto y_count = [&](double c) { return kTop + kPlotH - c / top_count * kPlotH; };
  auto y_gold = [&](double g) { return kTop + (10 - g) / 20 * kPlotH; };

  std::string out = "<svg class=\"chart daily\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                    "\" role=\"img\" aria-label=\"Events per day by QuadClass with the mean Goldstein score\">\n";
  // Axes and grid: counts on the left, Goldstein -10..10 on the right.
  for (int c = 0; c <= top_count; c += step)
    out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kLeft + kPlotW) + "\" y1=\"" + num(y_count(c)) + "\" y2=\"" +
           num(y_count(c)) + "\" stroke=\"#e3e7ee\"/><text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y_count(c) + 4) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6475\">" + std::to_string(c) + "</text>\n";
  for (int g : {-10, -5, 0, 5, 10})
    out += "<text x=\"" + num(kLeft + kPlotW + 6) + "\" y=\"" + num(y_gold(g) + 4) +
           "\" font-size=\"11\" fill=\"#1d2330\">" + (g > 0 ? "+" : "") + std::to_string(g) + "</text>\n";
  out += "<line class=\"goldstein-zero\" x1=\"" + num(kLeft) + "\" x2=\"" + num(kLeft + kPlotW) + "\" y1=\"" +
         num(y_gold(0)) + "\" y2=\"" + num(y_gold(0)) + "\" stroke=\"#1d2330\" stroke-dasharray=\"3 4\" opacity=\"0.5\"/>\n";
  out += "<text x=\"12\" y=\"" + num(kTop + kPlotH / 2) + "\" font-size=\"11\" fill=\"#5b6475\" transform=\"rotate(-90 12 " +
         num(kTop + kPlotH / 2) + ")\" text-anchor=\"middle\">events</text>\n";
  out += "<text x=\"" + num(kWidth - 6) + "\" y=\"" + num(kTop + kPlotH / 2) +
         "\" font-size=\"11\" fill=\"#1d2330\" transform=\"rotate(90 " + num(kWidth - 6) + " " +
         num(kTop + kPlotH / 2) + ")\" text-anchor=\"middle\">Goldstein</text>\n";

  // One group per calendar day; its title is the tooltip a reader gets on hover.
  const int label_every = std::max(1, (width_slots + 11) / 12);
  std::string gold_path, gold_points;
  int last_year = 0, since_label = label_every;
  bool line_open = false;
  double left = kLeft;
  for (const auto& slot : slots) {
    if (slot.quiet_days) {
      const double w = band * kBreakSlots, mid = left + w / 2, base = kTop + kPlotH;
      const int q = slot.quiet_days;
      std::string span = q >= 730 ? std::to_string(q / 365) + " years" : q >= 60 ? std::to_string(q / 30) + " months"
                                                                                : std::to_string(q) + " days";
      out += "<g class=\"break\"><title>" + std::to_string(q) + " days without events</title><rect x=\"" +
             num(left + 2) + "\" y=\"" + num(kTop) + "\" width=\"" + num(w - 4) + "\" height=\"" + num(kPlotH) +
             "\" fill=\"#f4f6f9\"/><path d=\"M" + num(mid - 5) + " " + num(base + 5) + " L" + num(mid - 1) + " " +
             num(base - 5) + " M" + num(mid + 1) + " " + num(base + 5) + " L" + num(mid + 5) + " " + num(base - 5) +
             "\" stroke=\"#5b6475\" stroke-width=\"1.5\"/><text x=\"" + num(mid) + "\" y=\"" +
             num(kTop + kPlotH / 2) + "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6475\">" + span +
             "</text></g>\n";
      left += w;
      since_label = label_every;  // the next run starts with a dated label
      line_open = false;
      continue;
    }
    const auto d = slot.day;
    const double x = left + (band - bar) / 2, cx = left + band / 2;
    left += band;
    auto it = days.find(d);
    out += "<g class=\"day\" data-date=\"" + format_day(d) + "\">";
    if (it != days.end()) {
      const Day& day = it->second;
      std::string tip = format_day(d) + ": " + std::to_string(day.total) + (day.total == 1 ? " event" : " events");
      std::string rects;
      double base = 0;
      for (int q : {1, 2, 3, 4, 0}) {
        int c = day.by_quad[static_cast<size_t>(q)];
        if (!c) continue;
        tip += "\n" + std::string(quad_name(q)) + ": " + std::to_string(c);
        rects += "<rect class=\"q" + std::to_string(q) + "\" x=\"" + num(x) + "\" y=\"" + num(y_count(base + c)) +
                 "\" width=\"" + num(bar) + "\" height=\"" + num(y_count(base) - y_count(base + c)) + "\" fill=\"" +
                 std::string(quad_colour(q)) + "\"/>";
        base += c;
      }
      const double mean = day.goldstein_sum / day.total;
      tip += "\nmean Goldstein " + num(mean);
      // The title comes first: SVG takes the first <title> child as the element's tooltip.
      out += "<title>" + html_escape(tip) + "</title>" + rects;
      // A break ends the line: the mean of a quiet stretch is unknown, not in between.
      gold_path += std::string(gold_path.empty() ? "M" : line_open ? " L" : " M") + num(cx) + " " + num(y_gold(mean));
      line_open = true;
      gold_points += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(y_gold(mean)) +
                     "\" r=\"3\" fill=\"#1d2330\"><title>" + format_day(d) + ": mean Goldstein " + num(mean) +
                     "</title></circle>";
    }
    out += "</g>\n";
    if (since_label++ >= label_every) {
      since_label = 1;
      const int year = static_cast<int>(std::chrono::year_month_day(d).year());
      out += "<text x=\"" + num(cx) + "\" y=\"" + num(kTop + kPlotH + 16) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6475\">" + short_day(d) + "</text>";
      if (year != last_year)
        out += "<text x=\"" + num(cx) + "\" y=\"" + num(kTop + kPlotH + 30) +
               "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6475\">" + std::to_string(year) + "</text>";
      last_year = year;
      out += "\n";
    }
  }
  out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kLeft + kPlotW) + "\" y1=\"" + num(kTop + kPlotH) + "\" y2=\"" +
         num(kTop + kPlotH) + "\" stroke=\"#5b6475\"/>\n";
  out += "<path class=\"goldstein\" d=\"" + gold_path +
         "\" fill=\"none\" stroke=\"#1d2330\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n" + gold_points + "\n";
  return out + "</svg>\n" + note;
}

}  // namespace sitrep::report
