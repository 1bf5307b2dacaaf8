// libFuzzer target: time expressions and numbers. The first 2 bytes pick a publication
// date (or none) so relative expressions resolve against many anchors; the rest is text.
// Invariants: no crash; every time and number lies inside the text and its text is the
// text at its offsets; values are well formed (ISO dates with X for unknown parts, TIMEX
// references, intervals with START <= END, durations P…/PT…); numbers are finite.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>

#include "fuzz/fuzz_engine.h"
#include "include/hadath/engine.h"
#include "src/util/utf8.h"

namespace {

bool WellFormed(const std::string& v) {
  static const std::regex kDate(
      R"(^([0-9X]{4}(-[0-9X]{2}(-[0-9X]{2}(T[0-9]{2}:[0-9]{2})?)?)?|[0-9X]{4}-W[0-9X]{2}(-[1-7])?|[0-9]{4}-(SP|SU|FA|WI)|[0-9X]{3}|PAST_REF|FUTURE_REF|P[0-9.YMWD]+|PT[0-9.HMS]+)$)");
  size_t slash = v.find('/');
  if (slash == std::string::npos) return std::regex_match(v, kDate);
  std::string a = v.substr(0, slash), b = v.substr(slash + 1);
  return std::regex_match(a, kDate) && std::regex_match(b, kDate) && a <= b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  hadath::Document d;
  d.id = "fuzz";
  if (data[0] & 1) {
    char buf[16];
    int days = (data[0] << 8 | data[1]) % 20000;  // 1970 … 2024
    long y = 1970 + days / 365, doy = days % 365;
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, doy / 31 % 12 + 1, doy % 28 + 1);
    d.published = buf;
  }
  d.text.assign(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!hadath::ValidateUtf8(d.text).ok()) return 0;
  auto r = hadath::fuzz::FuzzEngine().Analyze(d);
  if (!r.ok()) return 0;
  const hadath::Analysis& a = r.value();
  auto cps = hadath::DecodeUtf8(d.text);
  if (!cps.ok()) return 0;
  const std::u32string& text = cps.value();
  auto check = [&](const hadath::Span& s) {
    if (s.start < 0 || s.end > static_cast<int>(text.size()) || s.start > s.end) abort();
    if (hadath::EncodeUtf8(text.substr(s.start, s.end - s.start)) != s.text) abort();
  };
  for (const hadath::TimeExpr& t : a.times) {
    check(t.span);
    if (!WellFormed(t.value)) {
      std::fprintf(stderr, "bad time value: %s\n", t.value.c_str());
      abort();
    }
  }
  for (const hadath::NumberExpr& n : a.numbers) {
    check(n.span);
    if (!std::isfinite(n.value)) abort();
  }
  return 0;
}
