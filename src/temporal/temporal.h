// Time expressions: absolute dates in every month set (Levantine, Egyptian/Gulf,
// Maghrebi, Hijri) and their doubled forms, years, seasons, relative days and weekdays,
// durations — resolved against the publication date passed in (never the clock).
#ifndef HADATH_SRC_TEMPORAL_TEMPORAL_H_
#define HADATH_SRC_TEMPORAL_TEMPORAL_H_

#include <string>

#include "include/hadath/document.h"
#include "src/engine/context.h"

namespace hadath {

// Fills out->times and ctx->token_time.
void TagTimes(DocContext* ctx, Analysis* out);
// Fills out->numbers (after TagTimes: numbers inside dates are skipped).
void TagNumbers(DocContext* ctx, Analysis* out);

// Gregorian YYYY-MM-DD of a Hijri (Umm al-Qura) date, or "" when ICU cannot convert.
std::string HijriToGregorian(int year, int month, int day);
// The Umm al-Qura Hijri year of a Gregorian day (0 if ICU cannot say).
int HijriYearOf(int year, int month, int day);

}  // namespace hadath

#endif  // HADATH_SRC_TEMPORAL_TEMPORAL_H_
