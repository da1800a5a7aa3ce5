// The small shared vocabulary of the report's pieces: escaping, numbers, QuadClass, days.
#include <cstdio>

#include "out/report_parts.h"

namespace sitrep::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string num(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string_view quad_name(int quad_class) {
  switch (quad_class) {
    case 1: return "Verbal cooperation";
    case 2: return "Material cooperation";
    case 3: return "Verbal conflict";
    case 4: return "Material conflict";
    default: return "Unclassified";
  }
}

// A diverging blue-red scheme (ColorBrewer RdBu): cooperation blue, conflict red, material darker
// than verbal; it stays readable for the common colour-vision deficiencies and in greyscale.
std::string_view quad_colour(int quad_class) {
  switch (quad_class) {
    case 1: return "#92c5de";
    case 2: return "#0571b0";
    case 3: return "#f4a582";
    case 4: return "#ca0020";
    default: return "#999999";
  }
}

std::optional<std::chrono::sys_days> parse_day(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
      if (date[k] < '0' || date[k] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (date[k] - '0');
    }
  std::chrono::year_month_day ymd{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                  std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok() || parts[0] < 1) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

std::string format_day(std::chrono::sys_days day) {
  std::chrono::year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace sitrep::report
