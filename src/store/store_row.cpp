#include "store/store_row.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstring>

namespace sitrep {
namespace {

// [[begin,end],...]: integers only, so written directly rather than through a JSON tree.
std::string paragraphs_json(const std::vector<Span>& paragraphs) {
  std::string out;
  out.reserve(paragraphs.size() * 14 + 2);
  out.push_back('[');
  char buf[24];
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('[');
    auto r = std::to_chars(buf, buf + sizeof buf, paragraphs[i].begin);
    out.append(buf, r.ptr);
    out.push_back(',');
    r = std::to_chars(buf, buf + sizeof buf, paragraphs[i].end);
    out.append(buf, r.ptr);
    out.push_back(']');
  }
  out.push_back(']');
  return out;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

StoreRow prepare_row(Doc d) {
  StoreRow r;
  r.id = std::move(d.id);
  r.origin = std::move(d.origin);
  r.format = std::move(d.format);
  r.url = std::move(d.meta.url);
  r.source_id = std::move(d.meta.source_id);
  r.title = std::move(d.meta.title);
  r.pub_date = d.meta.date.iso();
  r.date_precision = to_string(d.meta.date.precision);
  r.date_evidence = std::move(d.meta.date.evidence);
  r.date_is_crawl = d.meta.date.crawl_fallback;
  r.outlet = std::move(d.meta.outlet);
  r.byline = std::move(d.meta.byline);
  r.dateline = std::move(d.meta.dateline);
  r.charset = std::move(d.charset);
  r.invalid_bytes = d.invalid_bytes;
  r.body = std::move(d.body);
  r.body_hash = d.body_hash;
  r.paragraphs = paragraphs_json(d.paragraphs);
  r.captions = dump(nlohmann::json(d.captions));
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& b : d.removed) removed.push_back({{"reason", b.reason}, {"text", b.text}});
  r.removed = dump(removed);
  if (d.minhash.size() == static_cast<size_t>(kMinHashSize)) {
    r.has_minhash = true;
    std::memcpy(r.minhash.data(), d.minhash.data(), sizeof r.minhash);
    r.bands = lsh_bands(r.minhash);
  }
  return r;
}

}  // namespace sitrep
