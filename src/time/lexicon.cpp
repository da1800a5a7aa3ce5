#include "time/lexicon.h"

#include <stdexcept>

#include "core/embedded.h"

namespace sitrep::timelex {
namespace {

Rel parse_rel(std::string_view v) {
  if (v == "last") return Rel::Last;
  if (v == "next") return Rel::Next;
  if (v == "this") return Rel::This;
  if (v == "past") return Rel::Past;
  if (v == "ago") return Rel::Ago;
  return Rel::None;
}

Tense parse_tense(std::string_view v) {
  if (v == "past") return Tense::Past;
  if (v == "future") return Tense::Future;
  if (v == "present") return Tense::Present;
  return Tense::Unknown;
}

void add(Table& t, std::string_view word, std::string_view kind, std::string_view value, int line) {
  Entry& e = t[std::string(word)];
  auto num = [&] { return std::stoi(std::string(value)); };
  std::string v(value);
  if (kind == "month") e.kinds |= kMonth, e.month = num();
  else if (kind == "weekday") e.kinds |= kWeekday, e.weekday = num();
  else if (kind == "number") e.kinds |= kNumber, e.number = num();
  else if (kind == "ordinal") e.kinds |= kOrdinal, e.ordinal = num();
  else if (kind == "dayrel") e.kinds |= kDayrel, e.dayrel = num();
  else if (kind == "unit") e.kinds |= kUnit, e.unit = v;
  else if (kind == "season") e.kinds |= kSeason, e.season = v;
  else if (kind == "daypart") e.kinds |= kDaypart, e.daypart = v;
  else if (kind == "edge") e.kinds |= kEdge, e.edge = v;
  else if (kind == "approx") e.kinds |= kApprox, e.approx = v;
  else if (kind == "vague") e.kinds |= kVague, e.vague = v;
  else if (kind == "set") e.kinds |= kSet, e.set = v;
  else if (kind == "holiday") e.kinds |= kHoliday, e.holiday = v;
  else if (kind == "quant") e.kinds |= kQuant;
  else if (kind == "decade") e.kinds |= kDecade, e.decade = num();
  else if (kind == "rel") e.kinds |= kRel, e.rel = parse_rel(value);
  else if (kind == "tense") e.kinds |= kTense, e.tense = parse_tense(value);
  else throw std::logic_error("time/words.tsv line " + std::to_string(line) + ": unknown kind");
}

Table load() {
  Table t;
  std::string_view data = embedded_data("time/words.tsv");
  if (data.empty()) throw std::logic_error("time/words.tsv is not embedded");
  int line_no = 0;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t');
    size_t b = a == std::string_view::npos ? a : line.find('\t', a + 1);
    if (b == std::string_view::npos)
      throw std::logic_error("time/words.tsv line " + std::to_string(line_no) + ": expected 3 columns");
    add(t, line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1), line_no);
  }
  return t;
}

}  // namespace

const Table& lexicon() {
  static const Table table = load();
  return table;
}

}  // namespace sitrep::timelex
