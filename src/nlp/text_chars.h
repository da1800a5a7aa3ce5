// UTF-8 decoding and ICU character classes shared by the tokenizer, splitter and features.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::nlp {

// A byte inside a multi-byte character (not where a character starts).
inline bool is_continuation_byte(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }
// Decodes the code point at byte offset i and advances i; invalid bytes yield U+FFFD.
int32_t next_code_point(std::string_view s, size_t& i);
int32_t last_code_point(std::string_view s);
int32_t first_code_point(std::string_view s);

bool is_space(int32_t c);
bool is_letter(int32_t c);
bool is_digit(int32_t c);
bool is_alnum(int32_t c);  // letters, digits and combining marks
bool is_upper(int32_t c);
bool is_lower(int32_t c);

std::string to_lower(std::string_view s);
// Word shape with runs collapsed: "Obama" -> "Xx", "2,500" -> "d,d", "U.S." -> "X.X."
std::string word_shape(std::string_view s);

}  // namespace sitrep::nlp
