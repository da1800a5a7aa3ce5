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

// Rows after the header; `header` receives the header cells.
std::vector<TsvRow> read_tsv(std::string_view text, std::vector<std::string_view>* header = nullptr);
std::string_view trim(std::string_view s);

}  // namespace sitrep::code
