#include "time/timex_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace sitrep {

TimexEvalReport evaluate_timeml_dir(const std::string& dir, const std::function<void(const Error&)>& on_error,
                                    const TimexDocSink& on_document, TimexSplit split) {
  namespace fs = std::filesystem;
  TimexEvalReport report;
  report.total.name = fs::path(dir).filename().string();
  if (report.total.name.empty()) report.total.name = fs::path(dir).parent_path().filename().string();
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) {
    files.emplace_back(dir);
  } else {
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
    if (ec) on_error(Error{dir, "", ec.message()});
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, TimexEvalPart> parts;
  std::map<std::string, long> seen_in_folder;
  for (const auto& f : files) {
    long index = seen_in_folder[f.parent_path().string()]++;
    if (split == TimexSplit::Dev && index % 2 != 0) continue;
    if (split == TimexSplit::Test && index % 2 == 0) continue;
    auto doc = read_timeml(f.string());
    if (!doc) {
      ++report.rejected;
      on_error(doc.error());
      continue;
    }
    std::string part = fs::relative(f.parent_path(), dir, ec).string();
    if (ec || part.empty()) part = ".";
    std::vector<Timex> system = tag_timexes(doc->text, doc->dct);
    TimexCounts c = count_matches(doc->timexes, system);
    if (on_document) on_document(doc.value(), system);
    TimexEvalPart& p = parts[part];
    p.name = part;
    ++p.documents;
    p.counts.add(c);
    ++report.total.documents;
    report.total.counts.add(c);
  }
  for (auto& [name, p] : parts) report.parts.push_back(std::move(p));
  return report;
}

namespace {

// The sentence around a span, on one line, the span in [[ ]]: "... rose [[last year]] by ...".
std::string sentence_around(const std::string& text, Span s) {
  auto boundary = [&](size_t i) {
    char c = text[i];
    return c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ');
  };
  size_t b = s.begin, e = s.end;
  while (b > 0 && s.begin - b < 200 && !boundary(b - 1)) --b;
  while (e < text.size() && e - s.end < 200 && !boundary(e)) ++e;
  if (e < text.size() && text[e] != '\n') ++e;
  std::string out = text.substr(b, s.begin - b) + "[[" + text.substr(s.begin, s.end - s.begin) + "]]" +
                    text.substr(s.end, e - s.end);
  for (char& c : out)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return out;
}

}  // namespace

std::string timex_differences(const TimemlDoc& doc, const std::vector<Timex>& system) {
  std::string out;
  auto text = [&](Span s) { return doc.text.substr(s.begin, s.end - s.begin); };
  auto ctx = [&](Span s) { return "\t| " + sentence_around(doc.text, s) + "\n"; };
  std::vector<bool> seen(system.size(), false);
  for (const auto& g : doc.timexes) {
    bool found = false;
    for (size_t k = 0; k < system.size(); ++k) {
      const Timex& s = system[k];
      if (!(s.span.begin < g.span.end && g.span.begin < s.span.end)) continue;
      found = seen[k] = true;
      if (s.span.begin != g.span.begin || s.span.end != g.span.end || s.value != g.value || to_string(s.type) != g.type)
        out += "~ [" + text(g.span) + "] " + g.type + " " + g.value + " -> [" + text(s.span) + "] " +
               to_string(s.type) + " " + s.value + ctx(g.span);
      break;
    }
    if (!found) out += "- [" + text(g.span) + "] " + g.type + " " + g.value + ctx(g.span);
  }
  for (size_t k = 0; k < system.size(); ++k)
    if (!seen[k]) {
      bool overlap = false;
      for (const auto& g : doc.timexes) overlap |= system[k].span.begin < g.span.end && g.span.begin < system[k].span.end;
      if (!overlap) out += "+ [" + text(system[k].span) + "] " + to_string(system[k].type) + " " + system[k].value + ctx(system[k].span);
    }
  return out;
}

}  // namespace sitrep
