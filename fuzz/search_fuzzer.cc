// libFuzzer target: full-text search. The input is read both as stored text and as a
// user query. Invariants: no crash; every term's byte span lies inside the text, starts
// no later than it ends, and a colocated term shares the span of the term before it;
// every query is answered or rejected as InvalidInput (FTS5 never sees an expression it
// cannot parse).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_engine.h"
#include "include/hadath/engine.h"
#include "include/hadath/store.h"
#include "src/store/fts_arabic.h"

namespace {

// A store with a few documents, in memory: the fuzzer searches, it never writes.
hadath::Store& GetStore() {
  static hadath::Store* s = [] {
    auto r = hadath::Store::Open(":memory:", &hadath::fuzz::FuzzEngine());
    if (!r.ok()) abort();
    hadath::Store* st = r.take().release();
    const char* texts[] = {"التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني في بكين عام ٢٠٢٣.",
                           "أعلنت الرئاسة المصرية أن القمة ستعقد في القاهرة.",
                           "NATO said 2023 talks."};
    for (int i = 0; i < 3; ++i) {
      hadath::Document d;
      d.id = "d" + std::to_string(i);
      d.text = texts[i];
      auto a = hadath::fuzz::FuzzEngine().Analyze(d);
      if (!a.ok() || !st->Put(d, a.value(), "fuzz", hadath::fuzz::FuzzEngine().bundle_id()).ok()) abort();
    }
    return st;
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const hadath::Lexicon& lex = *hadath::fuzz::FuzzEngine().lexicon();
  for (hadath::TermMode m : {hadath::TermMode::kDocument, hadath::TermMode::kQueryExact,
                             hadath::TermMode::kQueryStem, hadath::TermMode::kQueryPrefix}) {
    int prev_start = -1, prev_end = -1;
    for (const hadath::SearchTerm& t : hadath::SearchTerms(lex, text, m)) {
      if (t.start < 0 || t.end > static_cast<int>(size) || t.start > t.end || t.text.empty())
        abort();
      if (t.colocated && (t.start != prev_start || t.end != prev_end)) abort();
      prev_start = t.start;
      prev_end = t.end;
    }
  }
  hadath::SearchQuery q;
  q.text = text;
  hadath::Status s = GetStore().Search(q, [](const hadath::SearchHit&) {});
  if (!s.ok() && s.code() != hadath::Status::Code::kInvalidInput) {
    std::fprintf(stderr, "search failed: %s\n", s.message().c_str());
    abort();
  }
  return 0;
}
