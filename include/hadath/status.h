// Status and Result<T>: how the hadath library reports errors. The library never
// throws across its public API, never exits and never prints; messages name the
// input (file, line, offset) and the rule that failed.
#ifndef HADATH_STATUS_H_
#define HADATH_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace hadath {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk = 0, kInvalidInput, kNotFound, kIoError, kCorrupt, kUnsupported, kInternal, kTimeout };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }
  static Status Timeout(std::string m) { return Status(Code::kTimeout, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or an error Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T&& take() { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace hadath

#endif  // HADATH_STATUS_H_
