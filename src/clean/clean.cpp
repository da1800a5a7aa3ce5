#include "clean/clean.h"

#include <xxhash.h>

#include <cstdio>

#include "clean/blocks.h"
#include "clean/boilerplate.h"
#include "clean/metadata.h"
#include "read/decode.h"

namespace sitrep {
namespace {

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Same record bytes from the same place = same document, however often it is ingested.
std::string record_id(const RawRecord& r) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  XXH3_64bits_update(st, r.bytes.data(), r.bytes.size());
  for (const std::string* s : {&r.hints.id, &r.hints.url, &r.hints.title}) {
    XXH3_64bits_update(st, "\x1f", 1);
    XXH3_64bits_update(st, s->data(), s->size());
  }
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  return hex64(h);
}

}  // namespace

Expected<Doc> clean_record(const RawRecord& record) {
  bool html = record.markup == Markup::Html;
  auto decoded = decode_text(record.bytes, record.declared_charset, html);
  if (!decoded) {
    Error e = decoded.error();
    e.file = record.file;
    e.locator = record.locator;
    return e;
  }
  Doc doc;
  doc.id = record_id(record);
  doc.origin = record.origin();
  doc.format = record.format;
  doc.charset = decoded->charset;
  doc.invalid_bytes = decoded->invalid_bytes;

  std::vector<Block> blocks;
  PageMeta page;
  if (html) {
    HtmlPage p = extract_html(decoded->text);
    blocks = std::move(p.blocks);
    page = std::move(p.meta);
  } else {
    blocks = split_text_blocks(decoded->text);
  }
  BoilerplateFindings found;
  mark_boilerplate(blocks, found);
  extract_metadata(blocks, record.hints, page, found, doc.meta);

  // A record that is only a headline (wire flashes, list items) is still an article: give
  // back the blocks that only the head heuristics took away.
  bool any_body = false;
  for (const auto& b : blocks) any_body |= b.reason.empty() && !b.caption;
  if (!any_body) {
    for (auto& b : blocks)
      if (b.reason.rfind("title", 0) == 0 || b.reason == "site banner" || b.reason.rfind("dateline and byline", 0) == 0)
        b.reason.clear();
  }
  for (auto& b : blocks) {
    if (!b.reason.empty()) {
      doc.removed.push_back({std::move(b.text), std::move(b.reason)});
    } else if (b.caption) {
      doc.captions.push_back(std::move(b.text));
    } else {
      std::vector<std::string> previews;
      strip_link_previews(b.text, previews);
      for (auto& x : previews) doc.removed.push_back({std::move(x), "link preview inside a paragraph"});
      if (!doc.body.empty()) doc.body += "\n\n";
      uint32_t begin = static_cast<uint32_t>(doc.body.size());
      doc.body += b.text;
      doc.paragraphs.push_back({begin, static_cast<uint32_t>(doc.body.size())});
    }
  }
  if (doc.body.empty()) {
    return Error{record.file, record.locator,
                 "no article text found: all " + std::to_string(doc.removed.size() + doc.captions.size()) +
                     " blocks are boilerplate, captions or metadata"};
  }
  doc.body_hash = XXH3_64bits(doc.body.data(), doc.body.size());
  return doc;
}

}  // namespace sitrep
