// fuse: stories. Fused events grouped into the stories analysts follow ("Idlib, Feb–Mar 2020:
// RUS–TUR"): events join when the same article reports them, or when they are between the
// same two countries, in both cases with no more than 45 days between neighbours in time.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "fuse/fusion.h"

namespace sitrep {

struct StoryEvent {
  std::string id;                    // the fused event's id
  PartialDate date;                  // undated (no year) events belong to no story
  std::string source_country, target_country;
  std::string place;                 // location name, or ""
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
// An article reporting more events than this (a digest, a chronology) links none of them.
inline constexpr size_t kStoryMaxEventsPerDoc = 40;

std::vector<Story> group_stories(const std::vector<StoryEvent>& events);

// "Feb–Mar 2020", "Dec 2019–Jan 2020", "Mar 2020", "2020".
std::string month_range(const PartialDate& a, const PartialDate& b);

}  // namespace sitrep
