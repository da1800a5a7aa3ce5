#include "core/doc.h"

#include <cstdio>

namespace sitrep {

const char* to_string(DatePrecision p) {
  switch (p) {
    case DatePrecision::Day: return "day";
    case DatePrecision::Month: return "month";
    case DatePrecision::Year: return "year";
    default: return "unknown";
  }
}

std::string PubDate::iso() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
    case DatePrecision::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
    default: return "";
  }
  return buf;
}

}  // namespace sitrep
