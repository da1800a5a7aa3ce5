#include "clean/eval_clean.h"

#include <zlib.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "clean/clean.h"
#include "clean/html_page.h"

namespace sitrep {
namespace {

using nlohmann::json;

Expected<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "", "cannot open"};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Expected<std::string> read_gzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Error{path, "", "cannot open"};
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  int err = 0;
  std::string msg = n < 0 ? gzerror(f, &err) : "";
  gzclose(f);
  if (n < 0) return Error{path, "", "gzip: " + msg};
  return out;
}

std::vector<std::string> strings_of(const json& item, const char* key) {
  std::vector<std::string> out;
  auto it = item.find(key);
  if (it == item.end() || !it->is_array()) return out;
  for (const auto& s : *it)
    if (s.is_string()) out.push_back(normalize_spaces(s.get_ref<const std::string&>()));
  return out;
}

// CPU time of this thread: on a shared machine wall time measures the neighbours too.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double pct(uint64_t a, uint64_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; }

}  // namespace

std::string normalize_spaces(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

double EvalCleanResult::precision() const { return pct(tp, tp + fp); }
double EvalCleanResult::recall() const { return pct(tp, tp + fn); }
double EvalCleanResult::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double EvalCleanResult::accuracy() const { return pct(tp + tn, tp + tn + fp + fn); }
double EvalCleanResult::pages_per_second() const {
  return clean_seconds > 0 ? static_cast<double>(pages) / clean_seconds : 0.0;
}

Expected<EvalCleanResult> eval_clean(const std::string& dir, const EvalCleanOptions& options) {
  namespace fs = std::filesystem;
  std::string index_path = (fs::path(dir) / "evaldata.json").string();
  auto index_text = read_file(index_path);
  if (!index_text) return index_text.error();
  json index = json::parse(index_text.value(), nullptr, false);
  if (index.is_discarded() || !index.is_object())
    return Error{index_path, "", "not a JSON object of url -> {file, with, without}"};

  EvalCleanResult r;
  r.dataset = fs::path(dir).lexically_normal().filename().string();
  if (r.dataset.empty()) r.dataset = fs::path(dir).lexically_normal().parent_path().filename().string();
  r.split = options.split == EvalSplit::All ? "all" : options.split == EvalSplit::Dev ? "dev" : "test";

  // nlohmann's object is ordered by key bytes, which is code point order for UTF-8: the
  // same order as Python's sorted(), so dev/test match the benchmark script's halves.
  size_t index_no = 0;
  for (auto it = index.begin(); it != index.end(); ++it, ++index_no) {
    if (options.split == EvalSplit::Dev && index_no % 2 != 0) continue;
    if (options.split == EvalSplit::Test && index_no % 2 != 1) continue;
    if (options.limit && r.pages >= options.limit) break;
    const json& item = it.value();
    auto file_it = item.find("file");
    if (file_it == item.end() || !file_it->is_string()) continue;
    std::string file = file_it->get<std::string>();
    auto with = strings_of(item, "with");
    auto without = strings_of(item, "without");

    std::string path = (fs::path(dir) / "html" / (file + ".gz")).string();
    if (!fs::exists(path)) path = (fs::path(dir) / "html" / file).string();
    auto bytes = path.ends_with(".gz") ? read_gzip(path) : read_file(path);

    std::string output;
    std::string error;
    if (!bytes) {
      error = bytes.error().message;
    } else {
      RawRecord rec;
      rec.file = path;
      rec.format = "html";
      rec.markup = Markup::Html;
      rec.bytes = std::move(bytes.value());
      double t0 = thread_cpu_seconds();
      auto doc = clean_record(rec);
      r.clean_seconds += thread_cpu_seconds() - t0;
      if (!doc) {
        error = doc.error().message;
      } else {
        output = doc->meta.title + "\n" + doc->body;
        if (options.include_captions)
          for (const auto& c : doc->captions) output += "\n" + c;
        output = normalize_spaces(output);
      }
    }
    ++r.pages;
    if (!error.empty()) ++r.failed;
    PageMisses m{it.key(), file, {}, {}, error};
    for (const auto& s : with) {
      bool found = error.empty() && output.find(s) != std::string::npos;
      found ? ++r.tp : ++r.fn;
      if (!found) m.missed.push_back(s);
    }
    for (const auto& s : without) {
      bool found = error.empty() && output.find(s) != std::string::npos;
      found ? ++r.fp : ++r.tn;
      if (found) m.leaked.push_back(s);
    }
    if (options.collect_misses && (!m.missed.empty() || !m.leaked.empty() || !m.error.empty()))
      r.misses.push_back(std::move(m));
  }
  if (r.pages == 0) return Error{index_path, "", "no pages in split '" + r.split + "'"};
  return r;
}

std::string eval_clean_json(const EvalCleanResult& r) {
  auto round_to = [](double v, double unit) { return static_cast<double>(static_cast<long long>(v / unit + 0.5)) * unit; };
  auto round2 = [&](double v) { return round_to(v, 0.01); };
  json j = {{"dataset", r.dataset},     {"split", r.split},
            {"pages", r.pages},         {"failed", r.failed},
            {"precision", round2(r.precision())}, {"recall", round2(r.recall())},
            {"f1", round2(r.f1())},     {"accuracy", round2(r.accuracy())},
            {"tp", r.tp},               {"fp", r.fp},
            {"fn", r.fn},               {"tn", r.tn},
            {"seconds", round_to(r.clean_seconds, 0.001)},
            {"pages_per_s", round2(r.pages_per_second())}};
  return j.dump();
}

}  // namespace sitrep
