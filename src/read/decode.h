// read: bytes in any charset -> NFC UTF-8, with invalid bytes replaced (U+FFFD) and counted.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace sitrep {

struct DecodedText {
  std::string text;             // NFC UTF-8
  std::string charset;          // what it was decoded from
  uint64_t invalid_bytes = 0;   // replaced bytes, NULs and stray control characters
};

// Rejects empty and binary content (Error without file/locator: the caller adds them).
// declared_charset comes from HTTP headers; for HTML the <meta charset> is looked up too.
Expected<DecodedText> decode_text(std::string_view bytes, std::string_view declared_charset, bool is_html);

}  // namespace sitrep
