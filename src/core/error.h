// Errors are values at stage boundaries: a bad record yields an Error, the batch goes on.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class Severity { Warning, Rejected };

struct Error {
  std::string file;     // the input file
  std::string locator;  // "line 12", "record 3", "byte 4096" or ""
  std::string message;
  Severity severity = Severity::Rejected;
  std::string where() const { return locator.empty() ? file : file + ":" + locator; }
};

template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace sitrep
