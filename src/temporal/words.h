// Fixed Arabic time vocabulary in match form (built once, immutable, thread-safe).
#ifndef HADATH_SRC_TEMPORAL_WORDS_H_
#define HADATH_SRC_TEMPORAL_WORDS_H_

#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/tokenize/tokenizer.h"

namespace hadath {

struct TimeWords {
  static const TimeWords& Get();

  int WeekdayOf(const std::u32string& w) const;
  // −1 for «الماضي/الماضية/المنصرم/الفائت», +1 for «المقبل/المقبلة/القادم/القادمة», 0 else.
  int RelDir(const std::u32string& rel) const;
  WordSet rel_past, rel_next, this_words, hijri_marks, ad_marks, range_from, range_to;
  // «اليوم», «أمس», «أول أمس», «غداً», «يوم غد», «بعد غد», «الليلة»: tokens consumed.
  int RelativeDayAt(const std::vector<Token>& t, int i, int end, int* offset) const;

  WordSet year_words, month_rel, month_parts, month_preps, ambiguous_months, day_parts;
  std::u32string yawm, al, min, shahr;
  std::unordered_map<std::u32string, std::string> seasons;         // → FA SP SU WI
  std::unordered_map<std::u32string, char> units;                  // → W M Y
  // Every duration unit form: ISO unit (D W M Y H MIN DEC) and how many units the word
  // itself stands for (1; 2 for a dual: «يومين», «عقدين»; 0 for a plural that needs a count).
  struct DurUnit {
    std::string unit;
    int count;
  };
  std::unordered_map<std::u32string, DurUnit> dur;
  WordSet hour_marks, ago, after, since, except, timezone_marks;
  std::unordered_map<std::u32string, int> day_part_hours;  // صباحا → 0 (am), مساء → 12 …
  std::unordered_map<std::u32string, int> minute_fractions;  // النصف → 30, الربع → 15
  std::unordered_map<std::u32string, int> weekdays;
  std::u32string today, yesterday, tomorrow, tomorrow2, awwal, baad, tonight;
  // Lexicon::WordHash of every word above: tokens not in it (and not numbers or lexicon
  // phrase starts) cannot begin a time expression.
  std::unordered_set<uint64_t> any;
};

}  // namespace hadath

#endif  // HADATH_SRC_TEMPORAL_WORDS_H_
