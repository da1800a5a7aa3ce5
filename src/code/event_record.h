// code: the output record of `sitrep events` (one event mention per JSONL line, or a TSV row).
// Field names are a contract with later stages and outside users; see the issue-6 record list.
#pragma once
#include <string>

#include "code/code.h"

namespace sitrep::code {

std::string event_to_json(const Doc& doc, const EventMention& e);
std::string quote_to_json(const Doc& doc, const Quote& q);
std::string event_tsv_header();
std::string event_to_tsv(const Doc& doc, const EventMention& e);

}  // namespace sitrep::code
