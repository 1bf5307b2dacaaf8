// Event-coding behaviours on whole sentences and short articles written for the project:
// each test is one mechanism of the coder (src/events/), seen through Engine::Analyze.
#include <gtest/gtest.h>

#include "include/hadath/engine.h"
#include "tests/test_env.h"

namespace hadath {
namespace {

using testing::AnalyzeText;
using testing::Coded;

// A verb phrase whose last word is its object's name («استدعى السفير», «نشر قوات») is coded
// at the verb, in either word order and in reported speech; the object is the target.
TEST(Coder, SummoningAnAmbassadorInAnyWordOrder) {
  EXPECT_TRUE(Coded(AnalyzeText("استدعت النرويج السفير الإيراني في أوسلو.", "2025-01-08"), "11", "NOR", "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("النرويج تستدعي السفير الإيراني", "2025-01-08"), "11", "NOR", "IRN"));
  EXPECT_TRUE(Coded(AnalyzeText("وقال وزير الخارجية النرويجي إن بلاده استدعت السفير الإيراني.", "2025-01-08"), "11",
                    "NOR", "IRN"));
  // («يستدعي» alone means "requires": no event.)
  EXPECT_TRUE(AnalyzeText("وقال الوزير إن الوضع يستدعي الحذر.", "2025-01-08").events.empty());
}

}  // namespace
}  // namespace hadath
