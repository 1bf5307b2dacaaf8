// The engine every fuzz target analyses with: built once from the bundle of the build,
// never freed (libFuzzer runs until it is killed).
#ifndef HADATH_FUZZ_FUZZ_ENGINE_H_
#define HADATH_FUZZ_FUZZ_ENGINE_H_

#include <cstdlib>
#include <string>

#include "include/hadath/engine.h"

namespace hadath::fuzz {

// `default_date`: the publication date for inputs without one ("" = none); the first
// call decides it for the process.
inline const Engine& FuzzEngine(const std::string& default_date = "") {
  static const Engine* e = [&] {
    Options o;
    o.bundle_path = HADATH_FUZZ_BUNDLE;
    o.default_date = default_date;
    auto r = Engine::Create(o);
    if (!r.ok()) abort();
    return r.take().release();
  }();
  return *e;
}

}  // namespace hadath::fuzz

#endif  // HADATH_FUZZ_FUZZ_ENGINE_H_
