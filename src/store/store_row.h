// store: a document made ready for Store::put on any thread. Everything about a row that does
// not depend on what is already stored (its values as bound, the JSON columns serialized, the
// date formatted, the near-duplicate signature's LSH band keys) is computed here, on the
// cleaning workers, so the single writer does only the part that must be serial.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "core/doc.h"
#include "fuse/near_dup.h"

namespace sitrep {

struct StoreRow {
  std::string id, origin, format, url, source_id, title, pub_date, date_precision, date_evidence, outlet, byline,
      dateline, charset, body;
  bool date_is_crawl = false;
  uint64_t invalid_bytes = 0, body_hash = 0;
  std::string paragraphs, captions, removed;  // the JSON columns
  bool has_minhash = false;                   // a signature of kMinHashSize values came with the Doc
  MinHash minhash{};
  std::array<uint64_t, kLshBands> bands{};  // lsh_bands(minhash)
};

// Takes the document's strings (pass std::move(doc) to avoid copying them).
StoreRow prepare_row(Doc doc);

}  // namespace sitrep
