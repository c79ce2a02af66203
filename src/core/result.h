// Result<T>: the outcome of an operation that can fail on an expected path
// (bad input, a record outside the caller's scope, a rule of the procedure).
// Holds either a value or an Error whose message is written for the person
// using the service, naming the form field where there is one. Exceptions are
// kept for the impossible (a broken database, a bug).
//
// Values are plain data: safe to copy and to read from several threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace casepanel::core {

enum class ErrorKind {
  invalid,    // bad input: shown next to the field, nothing changes
  not_found,  // no such record, or one outside the caller's scope (HTTP 404)
  forbidden,  // the caller may not do this to a record they can see (HTTP 403)
  conflict,   // the record is not in a state that allows this (HTTP 409)
};

struct FieldError {
  std::string field;    // form field name, e.g. "reason"
  std::string message;  // "Enter the reason for the request"
};

struct Error {
  ErrorKind kind = ErrorKind::invalid;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string field, std::string message) {
    Error e{ErrorKind::invalid, message, {}};
    e.fields.push_back({std::move(field), std::move(message)});
    return e;
  }
  static Error invalid_fields(std::vector<FieldError> fields) {
    std::string first = fields.empty() ? std::string("There is a problem") : fields[0].message;
    return Error{ErrorKind::invalid, std::move(first), std::move(fields)};
  }
  static Error not_found(std::string message = "Page not found") {
    return Error{ErrorKind::not_found, std::move(message), {}};
  }
  static Error forbidden(std::string message) {
    return Error{ErrorKind::forbidden, std::move(message), {}};
  }
  static Error conflict(std::string message) {
    return Error{ErrorKind::conflict, std::move(message), {}};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace casepanel::core

// TRY(expr): the value of a Result, or return its error from the calling
// function (which must itself return a Result). Passing an error up is one line:
//
//   const RequestRecord request = TRY(requests.load(tx, id));
//   TRY(core::next_state(request.state, core::RequestEvent::approve));
//
// A GNU statement expression (g++ and clang both have them), as SerenityOS's
// TRY is; `expr` is evaluated once.
#define TRY(expr)                             \
  ({                                          \
    auto&& casepanel_try_result_ = (expr);    \
    if (!casepanel_try_result_.ok()) {        \
      return casepanel_try_result_.error();   \
    }                                         \
    std::move(casepanel_try_result_).value(); \
  })
