// Test helpers: the engine built on the bundle of this build.
#include "tests/test_env.h"

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

}  // namespace hadath::testing
