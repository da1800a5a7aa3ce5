#include "code/tsv.h"

namespace sitrep::code {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<TsvRow> read_tsv(std::string_view text, std::vector<std::string_view>* header) {
  std::vector<TsvRow> rows;
  bool seen_header = false;
  for_each_line(text, [&](std::string_view l, int line) {
    if (trim(l).empty() || l.front() == '#') return;
    TsvRow row{line, {}};
    size_t b = 0;
    while (true) {
      size_t t = l.find('\t', b);
      row.cells.push_back(trim(l.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b)));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    if (!seen_header) {
      seen_header = true;
      if (header) *header = row.cells;
      return;
    }
    rows.push_back(std::move(row));
  });
  return rows;
}

}  // namespace sitrep::code
