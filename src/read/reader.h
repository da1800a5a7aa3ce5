// read: files, directories, stdin -> raw records (bytes + hints), one per article.
// Containers (JSONL, WARC) yield one record per line / response; problems become Errors
// naming the file and line/record, and reading goes on with the next record.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"

namespace sitrep {

enum class Markup { Text, Html };

// What the container says about a record before we look at its content.
struct RecordHints {
  std::string id, url, title, date, source;
  bool date_is_crawl_time = false;  // WARC-Date: when it was fetched, not published
};

struct RawRecord {
  std::string file;     // input path ("-" for stdin)
  std::string locator;  // "line 12", "record 3" inside containers, else ""
  std::string format;   // txt, html, jsonl, warc
  Markup markup = Markup::Text;
  std::string bytes;             // as found; text fields of JSONL are already UTF-8
  std::string declared_charset;  // from HTTP Content-Type, empty if none
  RecordHints hints;
  std::string origin() const { return locator.empty() ? file : file + "#" + locator; }
};

struct ReadOptions {
  uint64_t max_record_bytes = 32ull << 20;  // larger records are rejected, not truncated
};

using RecordSink = std::function<void(RawRecord&&)>;
using ErrorSink = std::function<void(Error&&)>;

// Expands directories recursively (sorted); unsupported files inside directories are
// reported as warnings, never silently skipped. "-" stays as stdin.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const ErrorSink& on_error);

// Reads one input (file or "-"), choosing the reader by extension, else by content.
// Returns the number of records produced.
uint64_t read_input(const std::string& path, const RecordSink& on_record, const ErrorSink& on_error,
                    const ReadOptions& options = {});

// Total size in bytes of the inputs (for progress); stdin counts as 0.
uint64_t input_bytes(const std::vector<std::string>& paths);

}  // namespace sitrep
