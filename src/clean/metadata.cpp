#include <algorithm>
#include "clean/metadata.h"

#include <cctype>

#include "clean/date_text.h"

namespace sitrep {
namespace {

bool kept(const Block& b) { return b.reason.empty() && !b.caption; }

bool headline_like(const Block& b) {
  size_t w = count_words(b.text);
  if (w < 2 || w > 30) return false;
  std::string_view t = b.text;
  if (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',')) return false;
  return std::isupper(static_cast<unsigned char>(t[0])) || (static_cast<unsigned char>(t[0]) & 0x80) ||
         std::isdigit(static_cast<unsigned char>(t[0]));
}

// A block that is nothing but a date (and weekday / time): "Tuesday, 14 July, 2020 - 08:45".
bool is_date_line(const std::string& text, DateMention& out) {
  if (count_words(text) > 10) return false;
  auto found = find_dates(text);
  if (found.empty()) return false;
  out = found.front();
  size_t letters_outside = 0;
  static const std::string_view weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday", "updated", "published", "posted", "on", "at", "gmt", "utc",
                                              "am", "pm", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string rest = text.substr(0, out.begin) + " " + text.substr(out.end);
  std::string norm = normalize_for_match(rest);
  size_t i = 0;
  while (i < norm.size()) {
    if (!std::isalpha(static_cast<unsigned char>(norm[i]))) { ++i; continue; }
    size_t b = i;
    while (i < norm.size() && std::isalpha(static_cast<unsigned char>(norm[i]))) ++i;
    std::string_view w(norm.data() + b, i - b);
    bool known = false;
    for (auto k : weekdays) known |= w == k;
    if (!known) letters_outside += w.size();
  }
  return letters_outside == 0;
}

// "Moscow – Raed Jabr": place, dash, name.
bool split_dateline_byline(const std::string& text, std::string& place, std::string& name) {
  if (count_words(text) > 7) return false;
  static const std::string_view dashes[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " -- "};
  for (auto d : dashes) {
    size_t p = text.find(d);
    if (p == std::string::npos) continue;
    place = text.substr(0, p);
    name = text.substr(p + d.size());
    auto cap = [](const std::string& s) { return !s.empty() && (std::isupper(static_cast<unsigned char>(s[0])) || (s[0] & 0x80)); };
    if (cap(place) && cap(name) && count_words(place) <= 3 && count_words(name) <= 4 && !ends_with_terminal(name))
      return true;
  }
  return false;
}

// "Brussels, Belgium (CNN) Police ...": a dateline in ordinary case closed by the outlet's credit
// (capitals, or Reuters), then the text; at most two places of at most two words each.
std::string credit_dateline(const std::string& text) {
  size_t i = 0, segments = 1, words = 0;
  while (i < text.size() && std::isupper(static_cast<unsigned char>(text[i]))) {
    while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '\''))
      ++i;
    if (++words > 2) return "";
    if (i < text.size() && text[i] == ',') ++i, ++segments, words = 0;
    if (segments > 2) return "";
    while (i < text.size() && text[i] == ' ') ++i;
  }
  if (i == 0 || i >= text.size() || text[i] != '(') return "";
  size_t close = text.find(')', i);
  if (close == std::string::npos || close - i > 12) return "";
  std::string credit = text.substr(i + 1, close - i - 1);
  bool caps = credit.size() >= 2 && std::all_of(credit.begin(), credit.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || c == ' ';
  });
  if (!caps && credit != "Reuters") return "";
  size_t j = close + 1;
  while (j < text.size() && text[j] == ' ') ++j;
  if (j >= text.size() || !(std::isupper(static_cast<unsigned char>(text[j])) || text[j] == '-')) return "";
  std::string place = text.substr(0, i);
  while (!place.empty() && (place.back() == ' ' || place.back() == ',')) place.pop_back();
  return place;
}

// "MOSCOW –", "ANKARA (Reuters) -", "WASHINGTON, D.C. —" at the start of the first paragraph.
std::string paragraph_dateline(const std::string& text) {
  if (std::string credit = credit_dateline(text); !credit.empty()) return credit;
  size_t i = 0;
  size_t upper = 0;
  while (i < text.size() && i < 60) {
    char c = text[i];
    if (std::isupper(static_cast<unsigned char>(c))) ++upper;
    else if (!(c == ' ' || c == ',' || c == '.' || c == '\'' || c == '-')) break;
    // A hyphen with a space after it is the dash that ends the dateline ("MOSCOW - The ..."),
    // not part of a name ("WINSTON-SALEM").
    if (c == '-' && (i + 1 == text.size() || text[i + 1] == ' ')) break;
    ++i;
  }
  if (upper < 3) return "";
  // "KYIV, March 3 (Reuters) -", "BEIRUT, Lebanon (AP) -": the capitals end at their last comma,
  // and a date or a country in ordinary case may follow it before the dash.
  size_t end = i;
  if (i < text.size() && std::islower(static_cast<unsigned char>(text[i]))) {
    size_t comma = text.rfind(',', i);
    if (comma == std::string::npos || comma < 3) return "";
    end = comma;
    i = comma + 1;
    for (int words = 0; words < 5; ++words) {
      while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
      if (i >= text.size() || text[i] == '(' || text[i] == '-' || static_cast<unsigned char>(text[i]) == 0xE2) break;
      size_t w = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
      // a word of its own, capitalized or a number ("Feb. 28", "2020")
      if (i == w || (i < text.size() && text[i] != ' ' && text[i] != ',')) return "";
      if (!std::isupper(static_cast<unsigned char>(text[w])) && !std::isdigit(static_cast<unsigned char>(text[w]))) return "";
    }
  }
  std::string place = text.substr(0, end);
  while (!place.empty() && (place.back() == ' ' || place.back() == '-' || place.back() == ',')) place.pop_back();
  // what follows must be a dash, possibly after an "(Agency)"
  size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  if (j < text.size() && text[j] == '(') {
    size_t close = text.find(')', j);
    if (close == std::string::npos || close - j > 30) return "";
    j = close + 1;
    while (j < text.size() && text[j] == ' ') ++j;
  }
  std::string_view rest(text.data() + j, text.size() - j);
  bool dash = rest.substr(0, 1) == "-" || rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94";
  // the place itself may end in the dash: "MOSCOW- ..."
  if (!dash && i > 0 && text[i - 1] == '-') dash = true;
  return dash ? place : "";
}

void set_date(PubDate& d, int y, int m, int day, std::string evidence) {
  d.year = y;
  d.month = m;
  d.day = day;
  d.precision = day ? DatePrecision::Day : m ? DatePrecision::Month : DatePrecision::Year;
  d.evidence = std::move(evidence);
}

bool try_value(PubDate& d, const std::string& value, const std::string& evidence) {
  if (value.empty()) return false;
  auto p = parse_date_value(value);
  if (!p) return false;
  d = *p;
  d.evidence = evidence + ": '" + value + "'";
  return true;
}

}  // namespace

void extract_metadata(std::vector<Block>& blocks, const RecordHints& hints, const PageMeta& page,
                      const BoilerplateFindings& found, Metadata& meta) {
  meta.url = !hints.url.empty() ? hints.url : page.url;
  meta.source_id = hints.id;

  size_t first_prose = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i)
    if (kept(blocks[i]) && is_prose(blocks[i])) { first_prose = i; break; }

  // Title: the container's, else a head block that repeats, else the first headline.
  meta.title = !hints.title.empty() ? hints.title : page.title;
  size_t title_at = blocks.size();
  if (meta.title.empty()) {
    for (size_t i = 0; i < first_prose && title_at == blocks.size(); ++i) {
      if (!kept(blocks[i]) || !headline_like(blocks[i])) continue;
      std::string n = normalize_for_match(blocks[i].text);
      for (size_t j = i + 1; j < first_prose; ++j)
        if (normalize_for_match(blocks[j].text) == n) { title_at = i; break; }
    }
    for (size_t i = 0; i < first_prose && title_at == blocks.size(); ++i)
      if (kept(blocks[i]) && headline_like(blocks[i])) title_at = i;
    if (title_at < blocks.size()) meta.title = blocks[title_at].text;
  }
  std::string title_norm = normalize_for_match(meta.title);
  bool title_marked = false;
  std::string banner_outlet;
  for (size_t i = 0; i < first_prose; ++i) {
    Block& b = blocks[i];
    if (!kept(b) || title_norm.empty()) continue;
    if (normalize_for_match(b.text) == title_norm) {
      b.reason = title_marked ? "repeated title" : "title (kept as metadata)";
      title_marked = true;
    } else if (i < title_at && headline_like(b) && title_at < blocks.size()) {
      b.reason = "site banner";
      if (banner_outlet.empty()) banner_outlet = find_known_outlet(b.text);
      // "Levant Ledger | Independent reporting ...": the name before the separator.
      size_t bar = b.text.find(" | ");
      if (banner_outlet.empty() && bar != std::string::npos && count_words(b.text.substr(0, bar)) <= 4)
        banner_outlet = b.text.substr(0, bar);
    }
  }

  // Date lines, bylines and datelines in the head.
  PubDate text_date;
  for (size_t i = 0; i < first_prose; ++i) {
    Block& b = blocks[i];
    if (!kept(b)) continue;
    DateMention dm;
    std::string place, name;
    if (is_date_line(b.text, dm)) {
      b.reason = "date line (kept as metadata)";
      if (dm.year && text_date.precision == DatePrecision::Unknown)
        set_date(text_date, dm.year, dm.month, dm.day, "text: '" + b.text + "'");
    } else if (normalize_for_match(b.text).rfind("by ", 0) == 0 && count_words(b.text) <= 6) {
      b.reason = "byline (kept as metadata)";
      meta.byline = b.text.substr(3);
    } else if (split_dateline_byline(b.text, place, name)) {
      b.reason = "dateline and byline (kept as metadata)";
      meta.dateline = place;
      meta.byline = name;
    }
  }
  size_t first_body = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i)
    if (kept(blocks[i])) { first_body = i; break; }
  if (meta.dateline.empty() && first_body < blocks.size()) meta.dateline = paragraph_dateline(blocks[first_body].text);
  if (meta.byline.empty()) meta.byline = page.byline;

  // Outlet.
  if (!hints.source.empty()) meta.outlet = hints.source;
  else if (!page.site_name.empty()) meta.outlet = page.site_name;
  else if (!found.outlet.empty()) meta.outlet = found.outlet;
  else if (!banner_outlet.empty()) meta.outlet = banner_outlet;
  if (meta.outlet.empty() && !found.source_line.empty()) {
    std::string s = found.source_line.substr(found.source_line.find(':') + 1);
    s = s.substr(0, s.find(','));
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    meta.outlet = s;
  }

  // Publication date, most trusted source first.
  PubDate& d = meta.date;
  if (!hints.date_is_crawl_time && try_value(d, hints.date, "record field 'date'")) return;
  if (try_value(d, page.published, page.published_evidence.empty() ? "page metadata" : page.published_evidence)) return;
  if (text_date.precision != DatePrecision::Unknown) { d = text_date; return; }
  if (!found.source_line.empty()) {
    for (const auto& dm : find_dates(found.source_line))
      if (dm.year) { set_date(d, dm.year, dm.month, dm.day, "text: '" + found.source_line + "'"); return; }
  }
  // "today, March 5th" in the lead: a month and day whose year must come from elsewhere in
  // the article, e.g. a caption's "Thursday, March 5, 2020".
  if (first_body < blocks.size()) {
    const std::string& lead = blocks[first_body].text;
    size_t today = lead.find("today");
    if (today == std::string::npos) today = lead.find("Today");
    if (today != std::string::npos) {
      auto ds = find_dates(std::string_view(lead).substr(today, 40));
      if (!ds.empty() && ds.front().month && ds.front().day) {
        const DateMention& md = ds.front();
        if (md.year) { set_date(d, md.year, md.month, md.day, "text: lead says today is '" + lead.substr(today, md.end) + "'"); return; }
        for (const auto& b : blocks) {
          for (const auto& full : find_dates(b.text)) {
            if (full.year && full.month == md.month && full.day == md.day) {
              set_date(d, full.year, md.month, md.day,
                       "text: lead says '" + lead.substr(today, md.end) + "'; year from '" +
                           b.text.substr(full.begin, full.end - full.begin) + "'");
              return;
            }
          }
        }
        d.evidence = "text says '" + lead.substr(today, md.end) + "' but gives no year";
        return;
      }
    }
  }
  if (hints.date_is_crawl_time && try_value(d, hints.date, "WARC-Date (crawl time, not publication)")) {
    d.crawl_fallback = true;
    return;
  }
  if (d.evidence.empty()) d.evidence = "no date in metadata or text";
}

}  // namespace sitrep
