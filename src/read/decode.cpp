#include "read/decode.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sitrep {
namespace {

bool has_magic(std::string_view b) {
  static constexpr std::array<std::string_view, 9> magics = {
      "\x1f\x8b", "%PDF", "\x89PNG", "GIF8", "\xff\xd8\xff", "PK\x03\x04", "\x7f" "ELF", "BZh", "\xfd" "7zXZ"};
  for (auto m : magics)
    if (b.substr(0, m.size()) == m) return true;
  return false;
}

bool is_control(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f; }

// C0 controls other than line breaks, tabs and form feeds, and DEL; sixteen bytes at a time.
size_t count_controls(std::string_view s) {
  size_t control = 0, i = 0;
#ifdef __SSE2__
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80)), limit = _mm_set1_epi8(static_cast<char>(0x20 ^ 0x80));
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), tab = _mm_set1_epi8('\t'), ff = _mm_set1_epi8('\f'),
                del = _mm_set1_epi8(0x7f);
  for (; i + 16 <= s.size(); i += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i below = _mm_cmplt_epi8(_mm_xor_si128(a, flip), limit);  // unsigned a < 0x20
    __m128i ok = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, nl), _mm_cmpeq_epi8(a, cr)),
                              _mm_or_si128(_mm_cmpeq_epi8(a, tab), _mm_cmpeq_epi8(a, ff)));
    __m128i bad = _mm_or_si128(_mm_andnot_si128(ok, below), _mm_cmpeq_epi8(a, del));
    control += static_cast<size_t>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(bad))));
  }
#endif
  for (; i < s.size(); ++i) control += is_control(static_cast<unsigned char>(s[i]));
  return control;
}

// Binary: a known file signature, or many control bytes in the first 8 KB.
bool looks_binary(std::string_view b) {
  if (has_magic(b)) return true;
  std::string_view head = b.substr(0, 8192);
  return count_controls(head) * 20 > head.size();  // > 5 %
}

struct Utf8Scan {
  size_t invalid = 0, multibyte = 0, controls = 0, visible = 0;
  bool ascii = true;
};

// One pass over the bytes: UTF-8 validity, control characters, visible characters.
// Eight bytes at a time while they are plain printable ASCII, the common case.
Utf8Scan scan_utf8(std::string_view b) {
  Utf8Scan s;
  const auto* p = reinterpret_cast<const uint8_t*>(b.data());
  int32_t i = 0, n = static_cast<int32_t>(b.size());
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (i < n) {
    if (s.visible && i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      bool below_space = ((x - kOnes * 0x20) & ~x & kHigh) != 0;
      uint64_t y = x ^ (kOnes * 0x7f);  // a zero byte where x holds DEL, a control too
      bool del = ((y - kOnes) & ~y & kHigh) != 0;
      if ((x & kHigh) == 0 && !below_space && !del) {
        i += 8;
        continue;
      }
    }
    uint8_t c0 = p[i];
    if (c0 < 0x80) {
      if (c0 > 0x20 && c0 != 0x7f) ++s.visible;
      else if (c0 != ' ' && c0 != '\n' && c0 != '\r' && c0 != '\t') ++s.controls;
      ++i;
      continue;
    }
    s.ascii = false;
    ++s.visible;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) ++s.invalid; else ++s.multibyte;
  }
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// <meta charset="x"> or <meta http-equiv content="...; charset=x"> in the first 4 KB.
std::string html_meta_charset(std::string_view b) {
  std::string head = lower_ascii(b.substr(0, 4096));
  size_t pos = head.find("charset=");
  if (pos == std::string::npos) return "";
  pos += 8;
  while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
  size_t end = pos;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_')) ++end;
  return head.substr(pos, end - pos);
}

bool is_utf8_name(std::string_view cs) {
  std::string l = lower_ascii(cs);
  return l == "utf-8" || l == "utf8";
}

// Converts with ICU, counting substituted characters through the callback context.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out, uint64_t& invalid) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset.c_str(), &err), &ucnv_close);
  if (U_FAILURE(err) || !conv) return false;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), err);
  if (U_FAILURE(err)) return false;
  invalid += static_cast<uint64_t>(std::count(u.getBuffer(), u.getBuffer() + u.length(), char16_t(0xFFFD)));
  out.clear();
  u.toUTF8String(out);
  return true;
}

void utf8_with_replacement(std::string_view bytes, std::string& out, uint64_t& invalid) {
  std::vector<UChar> buf(bytes.size() + 1);
  int32_t len = 0, subs = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(buf.data(), static_cast<int32_t>(buf.size()), &len, bytes.data(),
                       static_cast<int32_t>(bytes.size()), 0xFFFD, &subs, &err);
  invalid += static_cast<uint64_t>(subs);
  out.clear();
  icu::UnicodeString(false, buf.data(), len).toUTF8String(out);
}

// Drops NULs and C0 controls other than whitespace; they are never text.
uint64_t strip_controls(std::string& s) {
  uint64_t removed = 0;
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r) {
    unsigned char c = static_cast<unsigned char>(s[r]);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) { ++removed; continue; }
    s[w++] = s[r];
  }
  s.resize(w);
  return removed;
}

// True when every character at or above U+0300 is inert for NFC (typographic quotes, dashes,
// most scripts' letters): nothing can compose, reorder or decompose, so the text is NFC.
// Skips ASCII eight bytes at a time; much cheaper than ICU's check on mostly-ASCII markup.
bool inert_for_nfc(std::string_view s, const icu::Normalizer2& nfc) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x300 && !nfc.isInert(c)) return false;
  }
  return true;
}

void normalize_nfc(std::string& s, bool already_nfc) {
  if (already_nfc) return;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  if (inert_for_nfc(s, *nfc)) return;
  if (nfc->isNormalizedUTF8(s, err) && U_SUCCESS(err)) return;
  err = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, s, sink, nullptr, err);
  if (U_SUCCESS(err)) s.swap(out);
}

std::string detect_charset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
  if (U_FAILURE(err)) return "";
  std::string_view sample = bytes.substr(0, 65536);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || !m) return "";
  const char* name = ucsdet_getName(m, &err);
  return U_SUCCESS(err) && name ? name : "";
}

}  // namespace

Expected<DecodedText> decode_text(std::string_view bytes, std::string_view declared_charset, bool is_html) {
  if (looks_binary(bytes)) return Error{"", "", "binary content, not text (file signature or control bytes)"};

  DecodedText out;
  // A UTF-8 byte-order mark says it all; drop it.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::string charset(declared_charset);
  if (charset.empty() && is_html) charset = html_meta_charset(bytes);
  Utf8Scan scan = scan_utf8(bytes);
  if (scan.visible == 0) return Error{"", "", "empty: no text content"};

  // Valid UTF-8 wins over a wrong declaration; mostly-valid UTF-8 with a few bad bytes is
  // damaged UTF-8, not Latin-1.
  // Latin-1 or cp1252 text almost never forms valid multi-byte sequences by accident.
  bool utf8 = scan.invalid == 0 || (charset.empty() && scan.multibyte >= scan.invalid) || is_utf8_name(charset);
  if (utf8) {
    out.charset = "UTF-8";
    if (scan.invalid == 0) {
      out.text.assign(bytes);
    } else {
      utf8_with_replacement(bytes, out.text, out.invalid_bytes);
    }
  } else {
    if (charset.empty()) charset = detect_charset(bytes);
    if (charset.empty() || !convert_to_utf8(bytes, charset, out.text, out.invalid_bytes)) {
      out.charset = "UTF-8";
      utf8_with_replacement(bytes, out.text, out.invalid_bytes);
    } else {
      out.charset = charset;
    }
    scan.ascii = false;
  }
  if (scan.controls || !utf8) out.invalid_bytes += strip_controls(out.text);
  normalize_nfc(out.text, scan.ascii);
  return out;
}

}  // namespace sitrep
