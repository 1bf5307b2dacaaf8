// A small streaming JSON writer (UTF-8 in, valid JSON out). Not thread-safe; one per output.
#ifndef HADATH_SRC_UTIL_JSON_WRITER_H_
#define HADATH_SRC_UTIL_JSON_WRITER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hadath {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view s);
  JsonWriter& OptString(const std::optional<std::string>& s);
  JsonWriter& StringOrNull(std::string_view s);  // empty -> null
  JsonWriter& Int(long long v);
  JsonWriter& Number(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // A value that is JSON already (trusted: written by this program), copied as it is.
  JsonWriter& RawJson(std::string_view json);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void Sep();
  void Indent();
  std::string out_;
  std::vector<int> counts_;  // items written in each open container
  bool after_key_ = false;
  bool pretty_;
};

void AppendJsonString(std::string_view s, std::string* out);

}  // namespace hadath

#endif  // HADATH_SRC_UTIL_JSON_WRITER_H_
