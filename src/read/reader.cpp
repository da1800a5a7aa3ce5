#include "read/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "read/byte_source.h"

namespace fs = std::filesystem;

namespace sitrep {
namespace {

enum class Kind { Text, Html, Jsonl, Warc, Unknown };

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Kind kind_from_name(const std::string& path) {
  std::string p = lower(path);
  if (ends_with(p, ".gz")) p.resize(p.size() - 3);
  if (ends_with(p, ".txt") || ends_with(p, ".text")) return Kind::Text;
  if (ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml")) return Kind::Html;
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson")) return Kind::Jsonl;
  if (ends_with(p, ".warc")) return Kind::Warc;
  return Kind::Unknown;
}

Kind kind_from_content(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  head.remove_prefix(i);
  if (head.substr(0, 5) == "WARC/") return Kind::Warc;
  if (!head.empty() && head[0] == '{') return Kind::Jsonl;
  std::string l = lower(std::string(head.substr(0, 512)));
  if (l.rfind("<!doctype html", 0) == 0 || l.rfind("<html", 0) == 0 || l.find("<body") != std::string::npos ||
      l.find("<head") != std::string::npos)
    return Kind::Html;
  return Kind::Text;
}

const char* format_name(Kind k) {
  switch (k) {
    case Kind::Html: return "html";
    case Kind::Jsonl: return "jsonl";
    case Kind::Warc: return "warc";
    default: return "txt";
  }
}

struct Reading {
  const std::string& path;
  const RecordSink& on_record;
  const ErrorSink& on_error;
  const ReadOptions& options;
  uint64_t records = 0;

  void error(std::string locator, std::string message, Severity sev = Severity::Rejected) {
    on_error(Error{path, std::move(locator), std::move(message), sev});
  }
  void emit(RawRecord&& r) {
    ++records;
    on_record(std::move(r));
  }
};

void read_whole(Reading& rd, ByteStream& in, Kind kind) {
  RawRecord r;
  if (!in.read_all(r.bytes, rd.options.max_record_bytes)) {
    rd.error("", "document too large (over " + std::to_string(rd.options.max_record_bytes >> 20) +
                     " MB); not ingested");
    return;
  }
  if (!in.error().empty()) {
    rd.error("", "read error: " + in.error() + "; not ingested");
    return;
  }
  r.file = rd.path;
  r.format = format_name(kind);
  r.markup = kind == Kind::Html ? Markup::Html : Markup::Text;
  rd.emit(std::move(r));
}

std::string_view json_string(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

void read_jsonl(Reading& rd, ByteStream& in) {
  simdjson::dom::parser parser;
  if (parser.allocate(1 << 20) != simdjson::SUCCESS) return;
  std::string line;
  uint64_t lineno = 0;
  for (;;) {
    auto st = in.next_line(line, rd.options.max_record_bytes);
    if (st == ByteStream::Line::End) break;
    ++lineno;
    std::string loc = "line " + std::to_string(lineno);
    if (st == ByteStream::Line::TooLong) {
      rd.error(loc, "record too large (over " + std::to_string(rd.options.max_record_bytes >> 20) + " MB); skipped");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
    simdjson::padded_string padded(line);
    simdjson::dom::element doc;
    auto err = parser.parse(padded).get(doc);
    if (err) {
      rd.error(loc, std::string("malformed JSON: ") + simdjson::error_message(err));
      continue;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
      rd.error(loc, "JSON line is not an object");
      continue;
    }
    RawRecord r;
    r.file = rd.path;
    r.locator = loc;
    r.format = "jsonl";
    bool have_body = false;
    for (auto field : obj) {
      std::string_view key = field.key;
      if (key == "text" || key == "body" || key == "content") {
        if (!have_body) { r.bytes = json_string(field.value); have_body = !r.bytes.empty(); }
      } else if (key == "html") {
        std::string_view h = json_string(field.value);
        if (!h.empty()) { r.bytes = h; r.markup = Markup::Html; have_body = true; }
      } else if (key == "id") {
        if (field.value.is_string()) r.hints.id = json_string(field.value);
        else if (field.value.is_number()) r.hints.id = simdjson::to_string(field.value);
      } else if (key == "url") r.hints.url = json_string(field.value);
      else if (key == "title") r.hints.title = json_string(field.value);
      else if (key == "date" || key == "published" || key == "pub_date") r.hints.date = json_string(field.value);
      else if (key == "source" || key == "outlet") r.hints.source = json_string(field.value);
    }
    if (!have_body) {
      rd.error(loc, "no non-empty \"text\" or \"html\" field");
      continue;
    }
    rd.emit(std::move(r));
  }
  if (!in.error().empty()) rd.error("line " + std::to_string(lineno + 1), "read error: " + in.error());
}

std::map<std::string, std::string> parse_headers(const std::vector<std::string>& lines) {
  std::map<std::string, std::string> h;
  for (const auto& l : lines) {
    size_t c = l.find(':');
    if (c == std::string::npos) continue;
    std::string v = l.substr(c + 1);
    v.erase(0, v.find_first_not_of(" \t"));
    h[lower(l.substr(0, c))] = v;
  }
  return h;
}

std::string charset_of(const std::string& content_type) {
  std::string l = lower(content_type);
  size_t p = l.find("charset=");
  if (p == std::string::npos) return "";
  std::string cs = content_type.substr(p + 8);
  size_t e = cs.find_first_of("; \t\"'");
  cs = cs.substr(0, e);
  cs.erase(0, cs.find_first_not_of("\"'"));
  return cs;
}

// HTTP response block -> record, if it carries HTML or text.
void emit_http_response(Reading& rd, const std::map<std::string, std::string>& warc, std::string&& block,
                        const std::string& loc) {
  size_t split = block.find("\r\n\r\n");
  size_t skip = 4;
  if (split == std::string::npos) { split = block.find("\n\n"); skip = 2; }
  if (split == std::string::npos) {
    rd.error(loc, "malformed HTTP response in WARC record (no header end)");
    return;
  }
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < split) {
    size_t e = block.find('\n', start);
    if (e == std::string::npos || e > split) e = split;
    std::string l = block.substr(start, e - start);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(std::move(l));
    start = e + 1;
  }
  auto http = parse_headers(lines);
  std::string ctype = lower(http["content-type"]);
  bool html = ctype.find("html") != std::string::npos;
  bool text = ctype.rfind("text/plain", 0) == 0;
  if (!html && !text) return;  // images, scripts, feeds: not articles
  RawRecord r;
  r.file = rd.path;
  r.locator = loc;
  r.format = "warc";
  r.markup = html ? Markup::Html : Markup::Text;
  r.declared_charset = charset_of(http["content-type"]);
  r.bytes = block.substr(split + skip);
  auto it = warc.find("warc-target-uri");
  if (it != warc.end()) r.hints.url = it->second;
  it = warc.find("warc-date");
  if (it != warc.end()) { r.hints.date = it->second; r.hints.date_is_crawl_time = true; }
  it = warc.find("warc-record-id");
  if (it != warc.end()) r.hints.id = it->second;
  rd.emit(std::move(r));
}

void read_warc(Reading& rd, ByteStream& in) {
  std::string line, block;
  uint64_t record = 0;
  bool resync = false;
  for (;;) {
    auto st = in.next_line(line, 1 << 16);
    if (st == ByteStream::Line::End) break;
    if (st == ByteStream::Line::TooLong) continue;
    if (line.empty()) continue;
    if (line.rfind("WARC/", 0) != 0) {
      if (!resync) {
        rd.error("record " + std::to_string(record + 1),
                 "malformed WARC: expected a 'WARC/1.x' version line, found '" + line.substr(0, 40) +
                     "'; skipping to the next record");
        resync = true;
      }
      continue;
    }
    resync = false;
    ++record;
    std::string loc = "record " + std::to_string(record);
    std::vector<std::string> lines;
    while (in.next_line(line, 1 << 16) == ByteStream::Line::Ok && !line.empty()) lines.push_back(line);
    auto h = parse_headers(lines);
    auto cl = h.find("content-length");
    uint64_t length = 0;
    bool length_ok = cl != h.end() && !cl->second.empty() &&
                     std::all_of(cl->second.begin(), cl->second.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (length_ok) length = std::stoull(cl->second.substr(0, 18));
    if (!length_ok) {
      rd.error(loc, "malformed WARC header: missing or invalid Content-Length; skipping to the next record");
      resync = true;
      continue;
    }
    std::string type = lower(h["warc-type"]);
    bool wanted = type == "response" || type == "resource" || type == "conversion";
    if (!wanted || length > rd.options.max_record_bytes) {
      if (wanted) rd.error(loc, "record too large (" + std::to_string(length) + " bytes); skipped");
      if (!in.skip(length)) break;
      continue;
    }
    if (!in.read_exact(length, block)) {
      rd.error(loc, "truncated WARC record: " + std::to_string(block.size()) + " of " + std::to_string(length) +
                        " bytes" + (in.error().empty() ? "" : " (" + in.error() + ")"));
      return;
    }
    if (type == "response") {
      emit_http_response(rd, h, std::move(block), loc);
    } else {
      std::map<std::string, std::string> fake;
      std::string ct = lower(h["content-type"]);
      if (ct.find("html") == std::string::npos && ct.rfind("text/", 0) != 0) continue;
      RawRecord r;
      r.file = rd.path;
      r.locator = loc;
      r.format = "warc";
      r.markup = ct.find("html") != std::string::npos ? Markup::Html : Markup::Text;
      r.bytes = std::move(block);
      r.hints.url = h["warc-target-uri"];
      r.hints.date = h["warc-date"];
      r.hints.date_is_crawl_time = !r.hints.date.empty();
      rd.emit(std::move(r));
    }
  }
  if (!in.error().empty()) rd.error("record " + std::to_string(record + 1), "read error: " + in.error());
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const ErrorSink& on_error) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") { out.push_back(p); continue; }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      on_error(Error{p, "", "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) { out.push_back(p); continue; }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {  // hidden files and folders are not input
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      std::string file = it->path().string();
      if (kind_from_name(file) == Kind::Unknown) {
        on_error(Error{file, "", "skipped: not a supported file type (.txt .html .htm .jsonl .warc .warc.gz)",
                       Severity::Warning});
        continue;
      }
      found.push_back(file);
    }
    if (ec) on_error(Error{p, "", "cannot list directory: " + ec.message()});
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

uint64_t input_bytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-") total += fs::file_size(p, ec) * !ec;
  }
  return total;
}

uint64_t read_input(const std::string& path, const RecordSink& on_record, const ErrorSink& on_error,
                    const ReadOptions& options) {
  Reading rd{path, on_record, on_error, options};
  std::string err;
  std::unique_ptr<ByteStream> in = path == "-" ? ByteStream::from_stdin(err) : ByteStream::open_file(path, err);
  if (!in) {
    rd.error("", err);
    return 0;
  }
  Kind kind = path == "-" ? Kind::Unknown : kind_from_name(path);
  if (kind == Kind::Unknown) {  // sniff: stdin, or a file named without a known extension
    std::string all;
    if (!in->read_all(all, options.max_record_bytes * 64)) {
      rd.error("", "input too large to sniff its format; name it with a known extension");
      return 0;
    }
    kind = kind_from_content(all);
    in = ByteStream::from_memory(std::move(all));
  }
  switch (kind) {
    case Kind::Jsonl: read_jsonl(rd, *in); break;
    case Kind::Warc: read_warc(rd, *in); break;
    default: read_whole(rd, *in, kind); break;
  }
  return rd.records;
}

}  // namespace sitrep
