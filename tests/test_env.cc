// Test helpers: the engine built on the bundle of this build.
#include "tests/test_env.h"

#include <gtest/gtest.h>

namespace hadath::testing {

const Engine& TestEngine() {
  static const Engine* e = [] {
    Options o;
    o.bundle_path = HADATH_TEST_BUNDLE;
    auto r = Engine::Create(o);
    if (!r.ok()) {
      fprintf(stderr, "test engine: %s\n", r.status().message().c_str());
      abort();
    }
    return r.take().release();
  }();
  return *e;
}

Analysis AnalyzeText(const std::string& text, const std::string& date) {
  Document d;
  d.id = "doc";
  d.text = text;
  if (!date.empty()) d.published = date;
  auto a = TestEngine().Analyze(d);
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? a.take() : Analysis{};
}

bool Coded(const Analysis& a, const std::string& root, const std::string& source, const std::string& target) {
  for (const Event& e : a.events)
    if (e.root == root && (source.empty() || (e.source && e.source->actor.country == source)) &&
        (target.empty() || (e.target && e.target->actor.country == target)))
      return true;
  return false;
}

}  // namespace hadath::testing
