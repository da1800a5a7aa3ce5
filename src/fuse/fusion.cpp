#include "fuse/fusion.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "core/embedded.h"

namespace sitrep {
namespace {

int number(const std::string& s, size_t pos, size_t len) {
  if (pos + len > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool precise_date_better(const PartialDate& a, const PartialDate& b) {
  auto score = [](const PartialDate& d) { return (d.year > 0) * 4 + (d.month > 0) * 2 + (d.day > 0); };
  return score(a) > score(b);
}

// Root-level codes ("04", "040", "190") are the general form of their children.
bool codes_compatible(const std::string& a, const std::string& b) {
  if (a.size() < 2 || b.size() < 2 || a.compare(0, 2, b, 0, 2) != 0) return false;
  std::string ba = a.substr(0, 3), bb = b.substr(0, 3);
  if (ba == bb) return true;
  auto general = [](const std::string& c) { return c.size() == 2 || (c.size() >= 3 && c[2] == '0'); };
  return general(ba) || general(bb);
}

}  // namespace

PartialDate PartialDate::parse(const std::string& s) {
  PartialDate d;
  if (s.rfind("--", 0) == 0) {  // --MM-DD: month and day without a year
    d.month = std::max(0, number(s, 2, 2));
    d.day = std::max(0, number(s, 5, 2));
    return d;
  }
  d.year = std::max(0, number(s, 0, 4));
  if (s.size() >= 7 && s[4] == '-') d.month = std::max(0, number(s, 5, 2));
  if (s.size() >= 10 && s[7] == '-') d.day = std::max(0, number(s, 8, 2));
  return d;
}

std::string PartialDate::str() const {
  char buf[16];
  if (!year && month) std::snprintf(buf, sizeof buf, day ? "--%02d-%02d" : "--%02d", month, day);
  else if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else if (year) std::snprintf(buf, sizeof buf, "%04d", year);
  else return "";
  return buf;
}

bool dates_compatible(const PartialDate& a, const PartialDate& b) {
  if (!a.known() || !b.known()) return false;  // undated mentions only join within their article
  if (a.year && b.year && a.year != b.year) return false;
  if (a.month && b.month && a.month != b.month) return false;
  if (a.day && b.day && a.day != b.day) return false;
  return true;
}

EventFuser::EventFuser() {
  std::string_view data = embedded_data("fuse/symmetric.tsv");
  size_t pos = 0;
  while (pos < data.size()) {
    size_t e = data.find('\n', pos);
    if (e == std::string_view::npos) e = data.size();
    std::string_view line = data.substr(pos, e - pos);
    pos = e + 1;
    if (line.empty() || line[0] == '#') continue;
    symmetric_prefixes_.emplace_back(line.substr(0, line.find('\t')));
  }
}

bool EventFuser::symmetric(const std::string& cameo) const {
  for (const auto& p : symmetric_prefixes_)
    if (cameo.rfind(p, 0) == 0) return true;
  return false;
}

std::string EventFuser::block_key(const FusionMention& m) const {
  std::string a = m.source, b = m.target;
  if (symmetric(m.cameo) && b < a) std::swap(a, b);
  return a + '\x1f' + b + '\x1f' + m.cameo.substr(0, 2);
}

bool EventFuser::compatible(const FusedEvent& e, const FusionMention& m) const {
  if (!codes_compatible(e.cameo, m.cameo)) return false;
  bool same_article = false;
  // Undated, or with no actor at all ("two suspects were arrested"): only with mentions of the
  // same article (the same sentence told twice); across articles nothing says it is one event.
  if (!e.date.known() || !m.date.known() || (m.source.empty() && m.target.empty())) {
    const auto& groups = tallies_[&e - events_.data()].groups;
    same_article = std::find(groups.begin(), groups.end(), m.article_group) != groups.end();
    if (!same_article) return false;
  } else if (!dates_compatible(e.date, m.date)) {
    return false;
  }
  if (!e.country.empty() && !m.country.empty() && e.country != m.country) return false;
  if (e.geonames_id && m.geonames_id && e.geonames_id != m.geonames_id && e.country.empty()) return false;
  return true;
}

size_t EventFuser::add(const FusionMention& m) {
  if (auto it = fused_.find(m.id); it != fused_.end()) return it->second;  // already fused: no-op
  std::string key = block_key(m);
  auto& block = blocks_[key];
  size_t chosen = events_.size();
  for (size_t idx : block) {
    const FusedEvent& e = events_[idx];
    if (!compatible(e, m)) continue;
    // Prefer the event whose date agrees most precisely.
    if (chosen == events_.size() || precise_date_better(e.date, events_[chosen].date)) chosen = idx;
  }
  if (chosen == events_.size()) {
    FusedEvent e;
    char buf[17];
    std::string seed = m.doc_id + '\x1f' + (m.anchor.empty() ? std::to_string(m.id) : m.anchor) + '\x1f' + m.cameo +
                       '\x1f' + m.source + '\x1f' + m.target;
    // Two events may be founded in one sentence with the same codes (two strikes on different
    // days): the second seed gets a counter, so ids stay unique and still do not depend on
    // store ids.
    for (int n = 0;; ++n) {
      std::string s = n ? seed + '\x1f' + std::to_string(n) : seed;
      std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(s.data(), s.size())));
      if (ids_.insert(buf).second) break;
    }
    e.id = buf;
    events_.push_back(std::move(e));
    tallies_.emplace_back();
    block.push_back(chosen);
  }
  FusedEvent& e = events_[chosen];
  Tally& t = tallies_[chosen];
  e.mentions.push_back(m.id);
  fused_[m.id] = chosen;
  ++e.num_mentions;
  if (std::find(t.outlets.begin(), t.outlets.end(), m.outlet) == t.outlets.end()) {
    t.outlets.push_back(m.outlet);
    e.num_sources = static_cast<uint32_t>(t.outlets.size());
  }
  if (std::find(t.groups.begin(), t.groups.end(), m.article_group) == t.groups.end()) {
    t.groups.push_back(m.article_group);
    e.num_articles = static_cast<uint32_t>(t.groups.size());
  }
  if (!m.report_date.empty()) {
    if (e.first_report.empty() || m.report_date < e.first_report) e.first_report = m.report_date;
    if (m.report_date > e.last_report) e.last_report = m.report_date;
  }
  // The date is the most precise one the mentions agree on; the rest from the best evidence.
  if (precise_date_better(m.date, e.date)) e.date = m.date;
  if (m.confidence > e.best_confidence) {
    e.best_confidence = m.confidence;
    e.best_mention = m.id;
    e.source = m.source;
    e.target = m.target;
    e.cameo = m.cameo;
    if (!m.country.empty()) e.country = m.country;
    if (m.geonames_id) e.geonames_id = m.geonames_id;
  }
  if (e.country.empty()) e.country = m.country;
  return chosen;
}

}  // namespace sitrep
