// Proleptic Gregorian calendar arithmetic (days since 1970-01-01) and ISO formatting.
#ifndef HADATH_SRC_TEMPORAL_CIVIL_H_
#define HADATH_SRC_TEMPORAL_CIVIL_H_

#include <string>

namespace hadath {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

long DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(long z);
int Weekday(long days);  // 0 = Sunday … 6 = Saturday
bool ParseIsoDate(const std::string& s, Ymd* out);
std::string FormatYmd(const Ymd& d);
std::string FormatYm(int y, int m);
int DaysInMonth(int y, int m);

}  // namespace hadath

#endif  // HADATH_SRC_TEMPORAL_CIVIL_H_
