#include "cli/open_store.h"

#include <filesystem>
#include <iostream>

namespace sitrep::cli {

std::unique_ptr<Store> open_existing_store(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "sitrep: " << path << ": no such database (run sitrep ingest first)\n";
    return nullptr;
  }
  auto st = Store::open(path);
  if (!st) {
    std::cerr << "sitrep: " << st.error().where() << ": " << st.error().message << "\n";
    return nullptr;
  }
  return std::move(st.value());
}

}  // namespace sitrep::cli
