#include "fuse/stories.h"

#include <algorithm>
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

struct Components {
  std::vector<size_t> parent;
  explicit Components(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t(0)); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(size_t a, size_t b) { parent[find(a)] = find(b); }
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

}  // namespace

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
  Components comp(n);
  // Neighbours in time within one group (a country pair, an article) join.
  auto link_in_time = [&](std::vector<size_t>& idx) {
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return day[x] < day[y] || (day[x] == day[y] && x < y); });
    for (size_t k = 1; k < idx.size(); ++k)
      if (day[idx[k]] - day[idx[k - 1]] <= kStoryGapDays) comp.join(idx[k], idx[k - 1]);
  };
  std::unordered_map<std::string, std::vector<size_t>> by_pair, by_doc;
  for (size_t i = 0; i < n; ++i) {
    const auto& e = events[i];
    if (!e.date.year) continue;
    std::string a = e.source_country, b = e.target_country;
    if (b < a) std::swap(a, b);
    if (!a.empty() || !b.empty()) by_pair[a + '|' + b].push_back(i);
    for (const auto& d : e.docs) by_doc[d].push_back(i);
  }
  for (auto& [key, idx] : by_pair) link_in_time(idx);
  for (auto& [doc, idx] : by_doc)
    if (idx.size() <= kStoryMaxEventsPerDoc) link_in_time(idx);

  std::map<size_t, std::vector<size_t>> members;
  for (size_t i = 0; i < n; ++i)
    if (events[i].date.year) members[comp.find(i)].push_back(i);
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
      if (!events[i].source_country.empty()) ++countries[events[i].source_country];
      if (!events[i].target_country.empty() && events[i].target_country != events[i].source_country)
        ++countries[events[i].target_country];
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
