// The shared vocabulary of every stage: one Doc per article, text once, annotations as
// character offsets into it. Later stages add arrays; none rewrites another's.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sitrep {

enum class DatePrecision { Unknown, Year, Month, Day };
const char* to_string(DatePrecision p);

// A calendar date with the precision the evidence supports; unset fields are 0.
struct PubDate {
  int year = 0, month = 0, day = 0;
  DatePrecision precision = DatePrecision::Unknown;
  std::string evidence;  // where it came from, e.g. "text: 'Tuesday, 14 July, 2020 - 08:45'"
  bool crawl_fallback = false;  // taken from WARC-Date: when the page was fetched, not written
  std::string iso() const;      // "2020-07-14", "2020-07", "2020" or ""
};

struct Span {
  uint32_t begin = 0, end = 0;
};

// A block the cleaner did not keep in the body, and why.
struct RemovedBlock {
  std::string text;
  std::string reason;
};

struct Metadata {
  std::string title, outlet, byline, dateline, url, source_id;
  PubDate date;
};

struct Doc {
  std::string id;      // stable id: hash of the raw record
  std::string origin;  // file path, plus "#line N" / "#record N" inside containers
  std::string format;  // txt, html, jsonl, warc
  Metadata meta;
  std::string body;              // article paragraphs joined by "\n\n"
  std::vector<Span> paragraphs;  // offsets into body
  std::vector<std::string> captions;
  std::vector<RemovedBlock> removed;
  uint64_t body_hash = 0;
  std::vector<uint32_t> minhash;  // fuse: near-duplicate signature of the body (fuse/near_dup.h)
  uint64_t invalid_bytes = 0;  // bytes that were not valid text in the source encoding
  std::string charset;         // source encoding as detected or declared
};

}  // namespace sitrep
