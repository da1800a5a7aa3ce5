#include "out/doc_json.h"

#include <nlohmann/json.hpp>

namespace sitrep {

std::string doc_to_json(const Doc& d, int indent) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json j;
  j["id"] = d.id;
  j["origin"] = d.origin;
  j["format"] = d.format;
  j["title"] = or_null(d.meta.title);
  j["pub_date"] = or_null(d.meta.date.iso());
  j["date_precision"] = to_string(d.meta.date.precision);
  j["date_evidence"] = or_null(d.meta.date.evidence);
  j["date_is_crawl"] = d.meta.date.crawl_fallback;
  j["outlet"] = or_null(d.meta.outlet);
  j["byline"] = or_null(d.meta.byline);
  j["dateline"] = or_null(d.meta.dateline);
  j["url"] = or_null(d.meta.url);
  j["charset"] = d.charset;
  j["invalid_bytes"] = d.invalid_bytes;
  j["body"] = d.body;
  auto& pars = j["paragraphs"] = nlohmann::json::array();
  for (const auto& p : d.paragraphs) pars.push_back({p.begin, p.end});
  j["captions"] = d.captions;
  auto& rem = j["removed"] = nlohmann::json::array();
  for (const auto& r : d.removed) rem.push_back({{"reason", r.reason}, {"text", r.text}});
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sitrep
