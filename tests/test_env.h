#ifndef HADATH_TESTS_TEST_ENV_H_
#define HADATH_TESTS_TEST_ENV_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "include/hadath/engine.h"

namespace hadath::testing {
const Engine& TestEngine();

// The analysis of one text published on `date` (none when empty); a failure fails the test.
Analysis AnalyzeText(const std::string& text, const std::string& date = "2024-05-15");

// Whether `a` has an event of CAMEO `root` whose source and target are of these countries
// (empty: any country, or none).
bool Coded(const Analysis& a, const std::string& root, const std::string& source, const std::string& target);
}  // namespace hadath::testing

#endif  // HADATH_TESTS_TEST_ENV_H_
