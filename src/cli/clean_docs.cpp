#include "cli/clean_docs.h"

#include <iostream>

#include "clean/clean.h"
#include "read/reader.h"

namespace sitrep::cli {

uint64_t for_each_clean_doc(const std::string& path, const std::function<void(const Doc&)>& fn) {
  uint64_t rejected = 0;
  read_input(
      path,
      [&](RawRecord&& r) {
        auto d = clean_record(r);
        if (!d) {
          ++rejected;
          std::cerr << "sitrep: rejected: " << d.error().where() << ": " << d.error().message << "\n";
          return;
        }
        fn(d.value());
      },
      [&](Error&& e) {
        if (e.severity != Severity::Warning) ++rejected;
        std::cerr << "sitrep: " << e.where() << ": " << e.message << "\n";
      });
  return rejected;
}

}  // namespace sitrep::cli
