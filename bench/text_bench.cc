// Throughput benchmarks (Google Benchmark): full analysis and the text layer
// (normalize + tokenize + segment) over a JSON Lines corpus, next to Snowball's Arabic
// stemmer (Debian libstemmer) over the same tokens as a baseline.
//   HADATH_BENCH_INPUT=../shared/data/saudinewsnet_dev.jsonl build/hadath_bench
// Counters: bytes_per_second (MB/s), items_per_second = words/s or sentences/s.
#include <benchmark/benchmark.h>
#include <libstemmer.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "include/hadath/engine.h"
#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"
#include "src/read/reader.h"
#include "src/segment/segmenter.h"
#include "src/store/fts_arabic.h"
#include "src/tokenize/tokenizer.h"
#include "src/util/utf8.h"

namespace {

struct Corpus {
  std::vector<hadath::Document> docs;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* c = [] {
    auto* corpus = new Corpus;
    const char* path = std::getenv("HADATH_BENCH_INPUT");
    std::string p = path ? path : "../shared/data/saudinewsnet_dev.jsonl";
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    size_t limit = std::getenv("HADATH_BENCH_DOCS") ? std::atoi(std::getenv("HADATH_BENCH_DOCS")) : 2000;
    hadath::ReadJsonl(p, ss.str(), [&](hadath::ReadItem it) {
      if (it.doc.ok() && corpus->docs.size() < limit) {
        corpus->bytes += it.doc.value().text.size();
        corpus->docs.push_back(it.doc.take());
      }
    });
    if (corpus->docs.empty()) std::fprintf(stderr, "bench: no documents read from %s\n", p.c_str());
    return corpus;
  }();
  return *c;
}

const hadath::Engine& GetEngine() {
  static const hadath::Engine* e = [] {
    hadath::Options o;
    o.bundle_path = HADATH_BENCH_BUNDLE;
    return hadath::Engine::Create(o).take().release();
  }();
  return *e;
}

void BM_Analyze(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const hadath::Engine& e = GetEngine();
  size_t sentences = 0;
  for (auto _ : state) {
    for (const auto& d : c.docs) {
      auto a = e.Analyze(d);
      if (a.ok()) sentences += a.value().sentences.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
  state.counters["docs"] = static_cast<double>(c.docs.size());
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Segment(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const hadath::Engine& e = GetEngine();
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& d : c.docs) {
      auto s = e.Segment(d.text, false);
      if (s.ok())
        for (const auto& sent : s.value()) words += sent.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The search index's terms of each text (what ingest adds to analysis for every
// document), read from scratch.
void BM_SearchTerms(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const hadath::Engine& e = GetEngine();
  size_t terms = 0;
  for (auto _ : state)
    for (const auto& d : c.docs)
      terms += hadath::SearchTerms(*e.lexicon(), d.text, hadath::TermMode::kDocument).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(terms));
}
BENCHMARK(BM_SearchTerms)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The text layer alone: decode + normalize + tokenize + clitic segmentation (no output
// strings). items_per_second = words (tokens) per second.
void BM_TextLayer(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  static std::shared_ptr<const hadath::Lexicon> lex = hadath::Lexicon::Load(HADATH_BENCH_BUNDLE).take();
  hadath::Segmenter seg(*lex);
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& d : c.docs) {
      hadath::NormText n = hadath::Normalize(hadath::ToU32(d.text));
      auto toks = hadath::Tokenize(n);
      seg.Segment(&toks, n);
      words += toks.size();
      benchmark::DoNotOptimize(toks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_TextLayer)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Baseline: Snowball Arabic stemmer over the whitespace tokens of the same corpus.
void BM_SnowballBaseline(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<std::string> tokens;
  for (const auto& d : c.docs) {
    std::istringstream ss(d.text);
    std::string t;
    while (ss >> t) tokens.push_back(t);
  }
  sb_stemmer* st = sb_stemmer_new("arabic", "UTF_8");
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& t : tokens) {
      const sb_symbol* r = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(t.data()),
                                           static_cast<int>(t.size()));
      benchmark::DoNotOptimize(r);
      ++n;
    }
  }
  sb_stemmer_delete(st);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_SnowballBaseline)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

// Time and number resolution: the phrases of tests/time/ (and blind/), each analysed as
// a document with its reference date. items_per_second = phrases/s.
void BM_TimePhrases(benchmark::State& state) {
  static const std::vector<hadath::Document>* phrases = [] {
    auto* v = new std::vector<hadath::Document>;
    const char* dir = std::getenv("HADATH_TIME_PHRASES");
    std::string root = dir ? dir : "tests/time";
    for (const char* cat : {"explicit_date", "month_year", "hijri", "relative_day", "weekday", "relative_unit",
                            "month_no_year", "offset", "time_of_day", "range", "duration", "numeral", "ordinal",
                            "money_quantity", "negative"}) {
      for (const std::string& sub : {std::string(""), std::string("blind/")}) {
        std::string p = root + "/" + sub + cat + ".jsonl";
        std::ifstream in(p, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        // Records carry "reference_time"; the reader wants "published": the date part.
        std::string text = ss.str(), out;
        size_t a = 0;
        while ((a = text.find("\"reference_time\": \"", a)) != std::string::npos) {
          size_t q = a + 19;
          text.replace(a, 19 + 29 + 1, "\"published\": \"" + text.substr(q, 10) + "\"");
          a += 10;
        }
        hadath::ReadJsonl(p, text, [&](hadath::ReadItem it) {
          if (it.doc.ok()) v->push_back(it.doc.take());
        });
      }
    }
    if (v->empty()) std::fprintf(stderr, "bench: no time phrases under %s\n", root.c_str());
    return v;
  }();
  const hadath::Engine& e = GetEngine();
  size_t bytes = 0;
  for (const auto& d : *phrases) bytes += d.text.size();
  for (auto _ : state)
    for (const auto& d : *phrases) benchmark::DoNotOptimize(e.Analyze(d));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * phrases->size()));
  state.counters["phrases"] = static_cast<double>(phrases->size());
}
BENCHMARK(BM_TimePhrases)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK_MAIN();
