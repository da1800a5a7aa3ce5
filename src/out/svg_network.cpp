// The report's actor network: one node per actor code, one edge per pair of actors, as wide as
// the number of events between them and coloured by their most frequent QuadClass. Nodes sit
// on a circle, most active first: a deterministic layout that stays legible for the few dozen
// actors a filtered report holds, with no force simulation to tune.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

#include "out/report_parts.h"

namespace sitrep::report {
namespace {

constexpr double kWidth = 520, kHeight = 440, kRadius = 150;
constexpr size_t kMaxActors = 32;

struct Node {
  std::string code, name;
  int events = 0;
};

struct Edge {
  int forward = 0, backward = 0;  // events from the first code (alphabetically) to the second, and back
  std::array<int, 5> by_quad{};
  int total() const { return forward + backward; }
  int dominant_quad() const {
    return static_cast<int>(std::max_element(by_quad.begin(), by_quad.end()) - by_quad.begin());
  }
};

// Neighbours next to each other on the circle, so most edges are short chords instead of
// crossing the middle: breadth-first from the most active actor of each connected group, the
// strongest links first. `actors` is sorted most active first.
std::vector<const Node*> circle_order(const std::vector<const Node*>& actors,
                                      const std::map<std::pair<std::string, std::string>, Edge>& edges) {
  std::map<std::string, std::vector<std::pair<int, const Node*>>> next;
  std::map<std::string, const Node*> chosen;
  for (const Node* n : actors) chosen[n->code] = n;
  for (const auto& [pair, edge] : edges) {
    auto a = chosen.find(pair.first), b = chosen.find(pair.second);
    if (a == chosen.end() || b == chosen.end()) continue;
    next[pair.first].push_back({edge.total(), b->second});
    next[pair.second].push_back({edge.total(), a->second});
  }
  for (auto& [code, list] : next)
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<const Node*> order;
  std::set<std::string> placed;
  for (const Node* start : actors) {
    if (!placed.insert(start->code).second) continue;
    order.push_back(start);
    for (size_t at = order.size() - 1; at < order.size(); ++at)
      for (const auto& [weight, n] : next[order[at]->code])
        if (placed.insert(n->code).second) order.push_back(n);
  }
  return order;
}

}  // namespace

std::string svg_actor_network(const std::vector<ReportEvent>& events) {
  std::map<std::string, Node> nodes;
  std::map<std::pair<std::string, std::string>, Edge> edges;
  for (const auto& re : events) {
    const EventRow& e = re.event;
    if (e.source_code.empty() || e.target_code.empty() || e.source_code == e.target_code) continue;
    Node& s = nodes[e.source_code];
    s.code = e.source_code;
    if (s.name.empty()) s.name = e.source_name;
    ++s.events;
    Node& t = nodes[e.target_code];
    t.code = e.target_code;
    if (t.name.empty()) t.name = e.target_name;
    ++t.events;
    bool forward = e.source_code < e.target_code;
    Edge& edge = edges[forward ? std::pair{e.source_code, e.target_code} : std::pair{e.target_code, e.source_code}];
    ++(forward ? edge.forward : edge.backward);
    ++edge.by_quad[static_cast<size_t>(e.quad_class >= 1 && e.quad_class <= 4 ? e.quad_class : 0)];
  }
  if (nodes.empty()) return "<p class=\"note\">No event names both a source and a target actor.</p>";

  std::vector<const Node*> order;
  for (const auto& [code, node] : nodes) order.push_back(&node);
  std::stable_sort(order.begin(), order.end(), [](const Node* a, const Node* b) { return a->events > b->events; });
  const size_t shown = std::min(order.size(), kMaxActors);
  const std::vector<const Node*> ring = circle_order({order.begin(), order.begin() + static_cast<long>(shown)}, edges);
  std::map<std::string, std::pair<double, double>> pos;
  for (size_t i = 0; i < shown; ++i) {
    // Start at the top and go clockwise, so the most active actor is where the eye starts.
    double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(shown);
    pos[ring[i]->code] = {kWidth / 2 + kRadius * std::cos(angle), kHeight / 2 + kRadius * std::sin(angle)};
  }
  int max_edge = 1;
  for (const auto& [pair, edge] : edges) max_edge = std::max(max_edge, edge.total());
  const int max_events = order.front()->events;

  std::string out = "<svg class=\"network\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                    "\" role=\"img\" aria-label=\"Actor network: actors linked by the events between them\">\n";
  for (const auto& [pair, edge] : edges) {
    auto a = pos.find(pair.first), b = pos.find(pair.second);
    if (a == pos.end() || b == pos.end()) continue;
    std::string tip = pair.first + " → " + pair.second + ": " + std::to_string(edge.forward) + "\n" + pair.second +
                      " → " + pair.first + ": " + std::to_string(edge.backward);
    out += "<line class=\"edge\" data-weight=\"" + std::to_string(edge.total()) + "\" x1=\"" + num(a->second.first) +
           "\" y1=\"" + num(a->second.second) + "\" x2=\"" + num(b->second.first) + "\" y2=\"" +
           num(b->second.second) + "\" stroke=\"" + std::string(quad_colour(edge.dominant_quad())) +
           "\" stroke-width=\"" + num(1.5 + 7.0 * edge.total() / max_edge) + "\" stroke-linecap=\"round\" opacity=\"0.75\"><title>" +
           html_escape(tip) + "</title></line>\n";
  }
  for (size_t i = 0; i < shown; ++i) {
    const Node& node = *ring[i];
    auto [x, y] = pos[node.code];
    const double r = 5 + 9 * std::sqrt(static_cast<double>(node.events) / max_events);
    // Labels sit outside the circle, anchored away from its centre.
    const double dx = x - kWidth / 2, dy = y - kHeight / 2, len = std::max(1.0, std::hypot(dx, dy));
    const double lx = x + dx / len * (r + 6), ly = y + dy / len * (r + 6) + 4;
    const char* anchor = std::abs(dx) < 20 ? "middle" : dx > 0 ? "start" : "end";
    std::string tip = (node.name.empty() ? node.code : node.name + " (" + node.code + ")") + ": " +
                      std::to_string(node.events) + (node.events == 1 ? " event" : " events");
    out += "<g class=\"actor\"><title>" + html_escape(tip) + "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
           "\" r=\"" + num(r) + "\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"1.5\"/><text x=\"" + num(lx) +
           "\" y=\"" + num(ly + (std::abs(dx) < 20 ? (dy < 0 ? -4 : 8) : 0)) + "\" font-size=\"12\" font-weight=\"600\" text-anchor=\"" +
           anchor + "\" fill=\"#1d2330\">" + html_escape(node.code) + "</text></g>\n";
  }
  out += "</svg>\n";
  // The strongest links as text too: exact counts, readable in print and by screen readers.
  std::vector<std::pair<const std::pair<std::string, std::string>*, const Edge*>> strongest;
  for (const auto& [pair, edge] : edges) strongest.push_back({&pair, &edge});
  std::stable_sort(strongest.begin(), strongest.end(),
                   [](const auto& a, const auto& b) { return a.second->total() > b.second->total(); });
  out += "<table class=\"links\"><thead><tr><th>Actors</th><th>Events</th><th>Mostly</th></tr></thead><tbody>";
  for (size_t i = 0; i < strongest.size() && i < 6; ++i) {
    const auto& [pair, edge] = strongest[i];
    out += "<tr><td>" + html_escape(pair->first) + " – " + html_escape(pair->second) + "</td><td class=\"n\">" +
           std::to_string(edge->total()) + "</td><td>" + std::string(quad_name(edge->dominant_quad())) + "</td></tr>";
  }
  out += "</tbody></table>\n";
  if (shown < order.size())
    out += "<p class=\"note\">The " + std::to_string(shown) + " most active of " + std::to_string(order.size()) +
           " actors are shown.</p>";
  return out;
}

}  // namespace sitrep::report
