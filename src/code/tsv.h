// code: the small TSV reader shared by the ontology and lexicon loaders. Comment lines (#) and
// blank lines are skipped; the first remaining line is the column header.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::code {

struct TsvRow {
  int line = 0;  // 1-based line number in the file, for error messages
  std::vector<std::string_view> cells;
};

// Calls fn(line, number) for each line of `text` (1-based numbers, a final '\r' removed).
template <class Fn>
void for_each_line(std::string_view text, Fn fn) {
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    fn(l, ++number);
  }
}

// Rows after the header; `header` receives the header cells.
std::vector<TsvRow> read_tsv(std::string_view text, std::vector<std::string_view>* header = nullptr);
std::string_view trim(std::string_view s);

}  // namespace sitrep::code
