// Authored data files under data/, compiled into the binary (see cmake/embed.cmake).
#pragma once
#include <string_view>

namespace sitrep {

// The text of data/<name> as it was at build time; empty if no such file was embedded.
std::string_view embedded_data(std::string_view name);

}  // namespace sitrep
