#include "fuse/stories.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <unordered_map>

namespace sitrep {
namespace {

// Days since 1970-01-01 (civil calendar); a missing month or day counts as the first.
long days_of(const PartialDate& d) {
  int y = d.year, m = d.month ? d.month : 1, day = d.day ? d.day : 1;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Union-find that also keeps each component's first and last day.
struct Components {
  std::vector<size_t> parent;
  std::vector<long> first, last;
  explicit Components(const std::vector<long>& day) : parent(day.size()), first(day), last(day) {
    std::iota(parent.begin(), parent.end(), size_t(0));
  }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // Joins unless the story would then cover more than `max_span` days.
  void join(size_t a, size_t b, long max_span) {
    a = find(a), b = find(b);
    if (a == b) return;
    long f = std::min(first[a], first[b]), l = std::max(last[a], last[b]);
    if (l - f > max_span) return;
    parent[a] = b;
    first[b] = f;
    last[b] = l;
  }
};

std::string hex_id(const std::string& seed) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a: ids only need to be stable
  for (unsigned char c : seed) h = (h ^ c) * 1099511628211ULL;
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[size_t(i)] = kHex[h & 15];
  return out;
}

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A date precise enough to place an event in a story: a month at least.
bool in_story(const PartialDate& d) { return d.year && d.month; }

}  // namespace

bool is_role_code(std::string_view code) {
  static const char* kRoles[] = {"AGR", "AMN", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "GRP",
                                 "HLH", "HRI", "IGO", "IMG", "INS", "INT", "IRC", "JUD", "LAB", "LEG", "MED", "MIL",
                                 "MNC", "MOD", "NGM", "NGO", "OPP", "PKO", "RAD", "REB", "REF", "SEP", "SET", "SPY",
                                 "UAF", "UIS", "UNO"};
  for (const char* r : kRoles)
    if (code == r) return true;
  return false;
}

std::string month_range(const PartialDate& a, const PartialDate& b) {
  auto mon = [](int m) { return m >= 1 && m <= 12 ? std::string(kMonths[m - 1]) : std::string(); };
  std::string y1 = std::to_string(a.year), y2 = std::to_string(b.year);
  if (!a.month || !b.month) return a.year == b.year ? y1 : y1 + "\xE2\x80\x93" + y2;
  if (a.year == b.year && a.month == b.month) return mon(a.month) + " " + y1;
  if (a.year == b.year) return mon(a.month) + "\xE2\x80\x93" + mon(b.month) + " " + y1;
  return mon(a.month) + " " + y1 + "\xE2\x80\x93" + mon(b.month) + " " + y2;
}

std::vector<Story> group_stories(const std::vector<StoryEvent>& events) {
  const size_t n = events.size();
  std::vector<long> day(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (events[i].date.year) day[i] = days_of(events[i].date);
  // Links between neighbours in time within one group (a country pair, an article), at most
  // the gap apart; joined closest first, and never into a story longer than kStoryMaxSpanDays,
  // so that a pair in the news every week does not become one story for a decade.
  struct Link {
    long gap;
    size_t a, b;
  };
  std::vector<Link> links;
  auto link_in_time = [&](std::vector<size_t>& idx) {
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return day[x] < day[y] || (day[x] == day[y] && x < y); });
    for (size_t k = 1; k < idx.size(); ++k)
      if (day[idx[k]] - day[idx[k - 1]] <= kStoryGapDays) links.push_back({day[idx[k]] - day[idx[k - 1]], idx[k - 1], idx[k]});
  };
  auto is_country = [](const std::string& c) { return c.size() == 3 && !is_role_code(c); };
  std::unordered_map<std::string, std::vector<size_t>> by_pair, by_doc;
  for (size_t i = 0; i < n; ++i) {
    const auto& e = events[i];
    if (!in_story(e.date)) continue;
    std::string a = is_country(e.source_country) ? e.source_country : "";
    std::string b = is_country(e.target_country) ? e.target_country : "";
    if (b < a) std::swap(a, b);
    // Only a true pair links across articles; one country alone ("USA") is every story.
    if (!a.empty() && !b.empty() && a != b) by_pair[a + '|' + b].push_back(i);
    for (const auto& d : e.docs) by_doc[d].push_back(i);
  }
  for (auto& [key, idx] : by_pair) link_in_time(idx);
  // Within an article, events join when they happened in the same country, or when one has no
  // place and they share a side: the article's other topics stay other stories.
  auto related = [&](const StoryEvent& x, const StoryEvent& y) {
    if (!x.country.empty() && x.country == y.country) return true;
    if (!x.country.empty() && !y.country.empty()) return false;
    for (const std::string* c : {&x.source_country, &x.target_country})
      if (is_country(*c) && (*c == y.source_country || *c == y.target_country)) return true;
    return false;
  };
  for (auto& [doc, idx] : by_doc) {
    if (idx.size() > kStoryMaxEventsPerDoc) continue;
    for (size_t p = 0; p < idx.size(); ++p)
      for (size_t q = p + 1; q < idx.size(); ++q) {
        size_t a = idx[p], b = idx[q];
        long gap = std::labs(day[a] - day[b]);
        if (gap <= kStoryGapDays && related(events[a], events[b])) links.push_back({gap, std::min(a, b), std::max(a, b)});
      }
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    return x.gap != y.gap ? x.gap < y.gap : x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  Components comp(day);
  for (const auto& l : links) comp.join(l.a, l.b, kStoryMaxSpanDays);

  std::map<size_t, std::vector<size_t>> members;
  for (size_t i = 0; i < n; ++i)
    if (in_story(events[i].date)) members[comp.find(i)].push_back(i);
  std::vector<Story> out;
  for (auto& [root, idx] : members) {
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
      return day[x] < day[y] || (day[x] == day[y] && events[x].id < events[y].id);
    });
    Story s;
    s.events = idx;
    std::map<std::string, int> places, countries;
    for (size_t i : idx) {
      if (!events[i].place.empty()) ++places[events[i].place];
      const std::string& sc = events[i].source_country;
      const std::string& tc = events[i].target_country;
      if (sc.size() == 3 && !is_role_code(sc)) ++countries[sc];
      if (tc.size() == 3 && !is_role_code(tc) && tc != sc) ++countries[tc];
    }
    int best = 0;
    for (const auto& [p, c] : places)
      if (c > best) best = c, s.place = p;
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [c, k] : countries) ranked.push_back({-k, c});
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> top;
    for (size_t k = 0; k < ranked.size() && k < 2; ++k) top.push_back(ranked[k].second);
    std::sort(top.begin(), top.end());
    for (const auto& c : top) s.countries += (s.countries.empty() ? "" : "\xE2\x80\x93") + c;
    PartialDate first = events[idx.front()].date, last = events[idx.back()].date;
    s.first_date = first.str();
    s.last_date = last.str();
    s.label = (s.place.empty() ? "" : s.place + ", ") + month_range(first, last) + (s.countries.empty() ? "" : ": " + s.countries);
    s.id = hex_id(events[idx.front()].id);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const Story& a, const Story& b) {
    return a.first_date != b.first_date ? a.first_date < b.first_date : a.id < b.id;
  });
  return out;
}

}  // namespace sitrep
