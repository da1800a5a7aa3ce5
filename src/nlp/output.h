// Printing an Analysis: CoNLL-U (one block per sentence, TokenRange and NE in MISC) or one
// JSON object (sentences with words, entities with character spans).
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "nlp/analysis.h"

namespace sitrep::nlp {

void write_conllu(std::string_view text, const Analysis& a, std::ostream& out, const std::string& doc_id = "");
std::string analysis_json(std::string_view text, const Analysis& a, const std::string& doc_id = "");

}  // namespace sitrep::nlp
