// cli: the read -> clean loop of the commands that work on article files without a store
// (`analyze`, `time`, `link`, `events`): every record of a file cleaned into a Doc, every
// error printed with its file and line/record.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/doc.h"

namespace sitrep::cli {

// Calls `fn` for each clean document of `path` (a file or - for stdin). Returns how many records
// were rejected (read errors and records the cleaner refused; warnings do not count).
uint64_t for_each_clean_doc(const std::string& path, const std::function<void(const Doc&)>& fn);

}  // namespace sitrep::cli
