// Arabic numbers written in words (and digits with scale words): cardinals in every
// gender and case form («ثلاثة/ثلاث», «عشرون/عشرين», «اثنا عشر/اثني عشر/إحدى عشرة»),
// hundreds («مئتين», «ثلاثمائة», «ثلاث مئة»), duals and plurals of the scales («ألفان»,
// «ثلاثة آلاف», «مليونان», «ملايين»), compounds joined by و («خمسة وعشرون», «مئتين وخمسين»,
// «6 آلاف و500», «ثلاثة ملايين ونصف»), and ordinals («الأول», «الحادية عشرة», «الخامس
// والعشرون»).
#ifndef HADATH_SRC_TEMPORAL_NUMWORDS_H_
#define HADATH_SRC_TEMPORAL_NUMWORDS_H_

#include <vector>

#include "src/tokenize/tokenizer.h"

namespace hadath {

struct NumberParse {
  int ntokens = 0;       // tokens consumed (0: no number at i)
  double value = 0;
  bool ordinal = false;  // «الثالث», «الحادية عشرة»
  bool words = false;    // at least one number word (not digits only)
  bool dual = false;     // a dual noun stands for the count («ألفان», «يومين» is read elsewhere)
};

// The number that starts at token i (before `end`). Digits alone count (value of the
// token); «و» before a continuation may be a proclitic of the next word («وعشرون») or a
// token of its own before digits («و500»).
NumberParse ParseNumber(const std::vector<Token>& t, int i, int end);

// Value of a one-word cardinal 1–10 in any form («ثلاث», «ثلاثة», «اثنين»), else 0.
int SmallCardinal(const std::u32string& key);

}  // namespace hadath

#endif  // HADATH_SRC_TEMPORAL_NUMWORDS_H_
