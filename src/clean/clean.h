// clean: a raw record -> Doc. Decodes the bytes (read/decode.h), splits text or HTML into
// blocks, keeps the article's paragraphs as the body, sets captions aside, records every
// dropped block with its reason, and fills the metadata (title, date, outlet, byline, dateline).
#pragma once
#include "core/doc.h"
#include "core/error.h"
#include "read/reader.h"

namespace sitrep {

Expected<Doc> clean_record(const RawRecord& record);

}  // namespace sitrep
