#ifndef HADATH_TESTS_TEST_ENV_H_
#define HADATH_TESTS_TEST_ENV_H_

#include <cstdio>
#include <cstdlib>

#include "include/hadath/engine.h"

namespace hadath::testing {
const Engine& TestEngine();
}  // namespace hadath::testing

#endif  // HADATH_TESTS_TEST_ENV_H_
