// time: the immutable word table behind the scanner, loaded once from data/time/words.tsv.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitrep::timelex {

enum Kind : uint32_t {
  kMonth = 1u << 0, kWeekday = 1u << 1, kNumber = 1u << 2, kOrdinal = 1u << 3, kUnit = 1u << 4,
  kSeason = 1u << 5, kDaypart = 1u << 6, kDayrel = 1u << 7, kRel = 1u << 8, kEdge = 1u << 9,
  kApprox = 1u << 10, kVague = 1u << 11, kSet = 1u << 12, kTense = 1u << 13, kHoliday = 1u << 14,
  kQuant = 1u << 15, kDecade = 1u << 16,
};

enum class Rel : int8_t { None, Last, Next, This, Past, Ago };
enum class Tense : int8_t { Unknown, Past, Present, Future };

struct Entry {
  uint32_t kinds = 0;
  int month = 0, weekday = 0, number = 0, ordinal = 0, dayrel = 0, decade = 0;
  std::string unit, season, daypart, edge, approx, vague, set, holiday;
  Rel rel = Rel::None;
  Tense tense = Tense::Unknown;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using Table = std::unordered_map<std::string, Entry, StringHash, std::equal_to<>>;

// The table, parsed on first use; a malformed line in the embedded file is a build-time bug,
// so it throws std::logic_error naming the line.
const Table& lexicon();

// Lookup of an already lower-cased word; nullptr if unknown.
inline const Entry* lookup(std::string_view lower) {
  const Table& t = lexicon();
  auto it = t.find(lower);
  return it == t.end() ? nullptr : &it->second;
}

}  // namespace sitrep::timelex
