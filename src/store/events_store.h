// store: coded events in the database. Documents not yet coded are loaded back as Docs, the
// coder's mentions and quotes are saved with them, and fusion rebuilds events and stories from
// every asserted mention (deterministic: the same mentions give the same events and ids, so
// running it twice changes nothing).
#pragma once
#include <cstdint>
#include <vector>

#include "code/code.h"
#include "core/doc.h"

struct sqlite3;

namespace sitrep {

// Stored documents that have not been coded yet, oldest first.
std::vector<Doc> load_uncoded_documents(sqlite3* db, int64_t limit);
// Saves the mentions and quotes of one document and marks it coded (inside the caller's
// transaction).
void save_coded_document(sqlite3* db, const Doc& doc, const code::CodedDoc& coded);

struct FusionSummary {
  uint64_t mentions = 0, events = 0, stories = 0;
  double seconds = 0;
};
// Rebuilds the events and stories tables from all asserted mentions, in one transaction.
FusionSummary fuse_stored_mentions(sqlite3* db);

}  // namespace sitrep
