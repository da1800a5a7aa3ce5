// cli: opening an existing store for reading commands, with the error printed.
#pragma once
#include <memory>
#include <string>

#include "store/store.h"

namespace sitrep::cli {

// Null (after printing why) when the file does not exist or cannot be opened.
std::unique_ptr<Store> open_existing_store(const std::string& path);

}  // namespace sitrep::cli
