#include "src/util/json_writer.h"

#include <cmath>
#include <cstdio>

namespace hadath {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void JsonWriter::Indent() {
  if (!pretty_) return;
  out_.push_back('\n');
  out_.append(counts_.size() * 2, ' ');
}

void JsonWriter::Sep() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!counts_.empty()) {
    if (counts_.back()++ > 0) out_.push_back(',');
    Indent();
  }
}

JsonWriter& JsonWriter::BeginObject() {
  Sep();
  out_.push_back('{');
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  bool had = counts_.back() > 0;
  counts_.pop_back();
  if (had) Indent();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Sep();
  out_.push_back('[');
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  bool had = counts_.back() > 0;
  counts_.pop_back();
  if (had) Indent();
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::RawJson(std::string_view json) {
  Sep();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view k) {
  Sep();
  AppendJsonString(k, &out_);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Sep();
  AppendJsonString(s, &out_);
  return *this;
}

JsonWriter& JsonWriter::OptString(const std::optional<std::string>& s) {
  return s ? String(*s) : Null();
}

JsonWriter& JsonWriter::StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }

JsonWriter& JsonWriter::Int(long long v) {
  Sep();
  out_ += std::to_string(v);
  return *this;
}

JsonWriter& JsonWriter::Number(double v) {
  Sep();
  if (!std::isfinite(v)) {
    out_ += "0";
  } else if (v == std::floor(v) && std::fabs(v) < 1e15) {
    out_ += std::to_string(static_cast<long long>(v));
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    out_ += buf;
  }
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) {
  Sep();
  out_ += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Sep();
  out_ += "null";
  return *this;
}

}  // namespace hadath
