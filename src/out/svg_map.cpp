// The report's map: event locations on an equirectangular projection (standard parallel at the
// middle of the view, so a regional view is not stretched), with a graticule and labelled
// points sized by their number of events. No basemap: tiles would be requests, and borders are
// map data sitrep does not author.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>

#include "out/report_parts.h"

namespace sitrep::report {
namespace {

constexpr double kWidth = 520, kHeight = 440, kPad = 28;
constexpr double kMinSpan = 8;  // degrees: one point still shows its region
constexpr size_t kMaxLabels = 16;

struct Place {
  std::string name, country;
  double lat = 0, lon = 0;
  int events = 0;
  std::array<int, 5> by_quad{};
};

std::string degrees(double v, char positive, char negative) {
  if (v == 0) return "0°";
  return num(std::abs(v), 0) + "°" + (v > 0 ? positive : negative);
}

}  // namespace

std::string svg_event_map(const std::vector<ReportEvent>& events) {
  std::map<std::string, Place> places;
  size_t unplaced = 0;
  for (const auto& re : events) {
    const EventRow& e = re.event;
    if (!e.has_coordinates || std::abs(e.lat) > 90 || std::abs(e.lon) > 180) {
      ++unplaced;
      continue;
    }
    // Nearby points with one name are one place: fused events carry the geocoder's coordinates.
    std::string key = e.location_name + "|" + num(e.lat, 2) + "|" + num(e.lon, 2);
    Place& p = places[key];
    p.name = e.location_name.empty() ? num(e.lat, 2) + ", " + num(e.lon, 2) : e.location_name;
    p.country = e.country;
    p.lat = e.lat;
    p.lon = e.lon;
    ++p.events;
    ++p.by_quad[static_cast<size_t>(e.quad_class >= 1 && e.quad_class <= 4 ? e.quad_class : 0)];
  }
  std::string note = unplaced ? "<p class=\"note\">" + std::to_string(unplaced) +
                                    (unplaced == 1 ? " event has" : " events have") + " no coordinates.</p>"
                              : "";
  if (places.empty()) return "<p class=\"note\">No event has coordinates to map.</p>";

  double lat0 = 90, lat1 = -90, lon0 = 180, lon1 = -180;
  for (const auto& [k, p] : places) {
    lat0 = std::min(lat0, p.lat), lat1 = std::max(lat1, p.lat);
    lon0 = std::min(lon0, p.lon), lon1 = std::max(lon1, p.lon);
  }
  // Pad the extent, then widen the short side so the view fills the frame undistorted.
  double clat = (lat0 + lat1) / 2, clon = (lon0 + lon1) / 2;
  double half_lat = std::max(kMinSpan, (lat1 - lat0) * 1.3) / 2, half_lon = std::max(kMinSpan, (lon1 - lon0) * 1.3) / 2;
  const double k = std::max(0.2, std::cos(std::clamp(clat, -80.0, 80.0) * std::numbers::pi / 180));
  const double plot_w = kWidth - 2 * kPad, plot_h = kHeight - 2 * kPad;
  if (half_lon * k / half_lat > plot_w / plot_h) half_lat = half_lon * k * plot_h / plot_w;
  else half_lon = half_lat * plot_w / plot_h / k;
  const double scale = plot_w / (2 * half_lon * k);
  auto x_of = [&](double lon) { return kWidth / 2 + (lon - clon) * k * scale; };
  auto y_of = [&](double lat) { return kHeight / 2 - (lat - clat) * scale; };

  std::string out = "<svg class=\"map\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                    "\" role=\"img\" aria-label=\"Map of event locations\">\n<rect class=\"sea\" x=\"" + num(kPad) +
                    "\" y=\"" + num(kPad) + "\" width=\"" + num(plot_w) + "\" height=\"" + num(plot_h) +
                    "\" fill=\"#eef3f8\" stroke=\"#b8c2d1\"/>\n";
  double step = 30;
  for (double s : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0})
    if (2 * half_lat / s <= 8) {
      step = s;
      break;
    }
  out += "<g class=\"graticule\" stroke=\"#c9d3e0\" stroke-width=\"0.8\">";
  std::string labels;
  for (double lat = std::ceil((clat - half_lat) / step) * step; lat <= clat + half_lat; lat += step) {
    double y = y_of(lat);
    out += "<line x1=\"" + num(kPad) + "\" x2=\"" + num(kWidth - kPad) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\"/>";
    labels += "<text x=\"" + num(kPad - 3) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
              degrees(lat, 'N', 'S') + "</text>";
  }
  for (double lon = std::ceil((clon - half_lon) / step) * step; lon <= clon + half_lon; lon += step) {
    double x = x_of(lon);
    out += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(kPad) + "\" y2=\"" + num(kHeight - kPad) + "\"/>";
    labels += "<text x=\"" + num(x) + "\" y=\"" + num(kHeight - kPad + 14) + "\" text-anchor=\"middle\">" +
              degrees(std::remainder(lon, 360.0), 'E', 'W') + "</text>";
  }
  out += "</g>\n<g class=\"graticule-labels\" font-size=\"10\" fill=\"#5b6475\">" + labels + "</g>\n";

  std::vector<const Place*> order;
  int max_events = 1;
  for (const auto& [key, p] : places) {
    order.push_back(&p);
    max_events = std::max(max_events, p.events);
  }
  std::stable_sort(order.begin(), order.end(), [](const Place* a, const Place* b) { return a->events > b->events; });
  auto radius = [&](const Place& p) { return 4 + 7 * std::sqrt(static_cast<double>(p.events) / max_events); };
  // Smaller points are drawn last so a busy place does not hide its neighbours; labels avoid
  // every point and the labels placed before them, the busiest places first.
  std::vector<std::array<double, 4>> taken;
  for (const Place* p : order) {
    const double x = x_of(p->lon), y = y_of(p->lat), r = radius(*p);
    taken.push_back({x - r, y - r, x + r, y + r});
  }
  std::string points, texts;
  for (size_t i = 0; i < order.size(); ++i) {
    const Place& p = *order[i];
    const double x = x_of(p.lon), y = y_of(p.lat), r = radius(p);
    int quad = static_cast<int>(std::max_element(p.by_quad.begin(), p.by_quad.end()) - p.by_quad.begin());
    std::string tip = p.name + (p.country.empty() ? "" : ", " + p.country) + ": " + std::to_string(p.events) +
                      (p.events == 1 ? " event" : " events");
    points = "<g class=\"place\"><title>" + html_escape(tip) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
             "\" r=\"" + num(r) + "\" fill=\"" + std::string(quad_colour(quad)) +
             "\" stroke=\"#1d2330\" stroke-width=\"1\" opacity=\"0.9\"/></g>\n" + points;
    // A label goes right of its point, or left when that spot is taken or off the frame.
    const double w = 6.5 * static_cast<double>(p.name.size());
    const std::array<std::array<double, 4>, 2> spots{{{x + r + 3, y - 9, x + r + 3 + w, y + 4},
                                                      {x - r - 3 - w, y - 9, x - r - 3, y + 4}}};
    for (size_t side = 0; side < spots.size() && i < kMaxLabels; ++side) {
      const auto& box = spots[side];
      bool clear = box[0] > 0 && box[2] < kWidth;
      for (const auto& t : taken)
        if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) clear = false;
      if (!clear) continue;
      taken.push_back(box);
      texts += "<text x=\"" + num(side ? box[2] : box[0]) + "\" y=\"" + num(y + 4) + "\"" +
               (side ? " text-anchor=\"end\"" : "") + ">" + html_escape(p.name) + "</text>";
      break;
    }
  }
  out += points + "<g class=\"place-labels\" font-size=\"12\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"3\" "
                  "paint-order=\"stroke\">" + texts + "</g>\n</svg>\n";
  return out + note;
}

}  // namespace sitrep::report
