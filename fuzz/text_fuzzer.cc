// libFuzzer target: normalizer, tokenizer, sentence splitter, clitic segmenter and the
// whole analysis on arbitrary bytes. Invariants: no crash, offsets always inside the
// text, every reported text equals the text at its offsets.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_engine.h"
#include "include/hadath/engine.h"
#include "src/normalize/normalizer.h"
#include "src/read/reader.h"
#include "src/tokenize/tokenizer.h"
#include "src/util/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) abort();
}

void CheckSpan(const std::u32string& text, int start, int end, const std::string& t) {
  Check(0 <= start && start <= end && static_cast<size_t>(end) <= text.size());
  Check(hadath::EncodeUtf8(text.substr(start, end - start)) == t);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto u = hadath::DecodeUtf8(bytes);
  if (!u.ok()) {
    Check(!hadath::ReadTxt("fuzz.txt", bytes).ok());  // rejected, with a message
    return 0;
  }
  const std::u32string& text = u.value();
  hadath::NormText n = hadath::Normalize(text);
  for (size_t i = 0; i < n.match.size(); ++i)
    Check(n.start[i] >= 0 && n.start[i] < n.end[i] && static_cast<size_t>(n.end[i]) <= text.size());
  auto toks = hadath::Tokenize(n);
  int prev = 0;
  for (const auto& t : toks) {
    Check(t.start >= prev && t.start < t.end && static_cast<size_t>(t.end) <= text.size());
    prev = t.end;
  }
  auto sents = hadath::SplitSentences(n, toks, {}, 400);
  for (const auto& s : sents) Check(s.begin < s.end && static_cast<size_t>(s.end) <= toks.size());
  auto seg = hadath::fuzz::FuzzEngine("2023-09-20").Segment(bytes, false);
  Check(seg.ok());
  for (const auto& s : seg.value())
    for (const auto& t : s) {
      std::string joined;
      for (const auto& w : t.words) joined += w.form;
      Check(joined == t.form);
    }
  auto doc = hadath::ReadTxt("fuzz.txt", bytes);
  if (!doc.ok()) return 0;
  auto a = hadath::fuzz::FuzzEngine("2023-09-20").Analyze(doc.value());
  Check(a.ok());
  for (const auto& e : a.value().entities) CheckSpan(text, e.span.start, e.span.end, e.span.text);
  for (const auto& t : a.value().times) CheckSpan(text, t.span.start, t.span.end, t.span.text);
  for (const auto& q : a.value().quotes) CheckSpan(text, q.span.start, q.span.end, q.span.text);
  for (const auto& ev : a.value().events) CheckSpan(text, ev.trigger.start, ev.trigger.end, ev.trigger.text);
  return 0;
}
