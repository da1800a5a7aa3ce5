// fuse: stories. Fused events grouped into the stories analysts follow ("Idlib, Feb–Mar 2020:
// RUS–TUR"): events join when the same article reports them, or when they are between the
// same two countries, with no more than 45 days between them and no story longer than 120
// days (closest first). Within an article, only events in the same country, or sharing a
// side when one has no place, join: an article's asides are other stories.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fuse/fusion.h"

namespace sitrep {

struct StoryEvent {
  std::string id;                    // the fused event's id
  PartialDate date;                  // undated (no year) events belong to no story
  std::string source_country, target_country;
  std::string place;                 // location name, or ""
  std::string country;               // location country (ISO alpha-3), or ""
  std::vector<std::string> docs;     // the articles that report it
};

struct Story {
  std::string id;                    // stable: from its earliest event
  std::string label;                 // "Idlib, Feb–Mar 2020: RUS–TUR"
  std::string first_date, last_date;
  std::string countries;             // "RUS–TUR": the two countries most involved
  std::string place;                 // the most reported location
  std::vector<size_t> events;        // indices into the input, in date order
};

inline constexpr int kStoryGapDays = 45;
// No story covers more than this: a pair in the news every week is a series of stories.
inline constexpr long kStoryMaxSpanDays = 120;
// An article reporting more events than this (a digest, a chronology) links none of them.
inline constexpr size_t kStoryMaxEventsPerDoc = 40;

// Events dated to the month at least take part; year-only and undated ones belong to no story.
std::vector<Story> group_stories(const std::vector<StoryEvent>& events);

// CAMEO role and sector codes ("GOV", "MIL", "REB", "IGO"): what a country field holds when
// the actor has no country; they name no side of a story.
bool is_role_code(std::string_view code);

// "Feb–Mar 2020", "Dec 2019–Jan 2020", "Mar 2020", "2020".
std::string month_range(const PartialDate& a, const PartialDate& b);

}  // namespace sitrep
