// out: a cleaned document as JSON (the `sitrep clean --format json` contract).
#pragma once
#include <string>

#include "core/doc.h"

namespace sitrep {

// Keys: id, origin, format, title, pub_date, date_precision, date_evidence, date_is_crawl,
// outlet, byline, dateline, url, charset, invalid_bytes, body, paragraphs ([begin, end]
// offsets into body), captions, removed ([{reason, text}]).
std::string doc_to_json(const Doc& doc, int indent = -1);

}  // namespace sitrep
