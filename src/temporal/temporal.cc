#include "src/temporal/temporal.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <vector>

#include "src/lexicon/matcher.h"
#include "src/temporal/civil.h"
#include "src/temporal/numwords.h"
#include "src/temporal/words.h"

namespace hadath {

std::string HijriToGregorian(int year, int month, int day) {
  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> h(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), e));
  if (U_FAILURE(e)) return "";
  h->clear();
  h->set(year, month - 1, day);
  UDate t = h->getTime(e);
  if (U_FAILURE(e)) return "";
  icu::GregorianCalendar g(icu::TimeZone::getGMT()->clone(), e);
  g.setTime(t, e);
  if (U_FAILURE(e)) return "";
  Ymd d{g.get(UCAL_YEAR, e), g.get(UCAL_MONTH, e) + 1, g.get(UCAL_DATE, e)};
  return U_FAILURE(e) ? "" : FormatYmd(d);
}

int HijriYearOf(int year, int month, int day) {
  UErrorCode e = U_ZERO_ERROR;
  icu::GregorianCalendar g(icu::TimeZone::getGMT()->clone(), e);
  if (U_FAILURE(e)) return 0;
  g.clear();
  g.set(year, month - 1, day);
  UDate t = g.getTime(e);
  std::unique_ptr<icu::Calendar> h(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), e));
  if (U_FAILURE(e)) return 0;
  h->setTime(t, e);
  int y = h->get(UCAL_YEAR, e);
  return U_FAILURE(e) ? 0 : y;
}

namespace {

class TimeTagger {
 public:
  TimeTagger(DocContext* c, Analysis* out) : c_(*c), out_(*out), w_(TimeWords::Get()) {
    has_pub_ = ParseIsoDate(c_.pubdate, &pub_);
    if (has_pub_) pub_days_ = DaysFromCivil(pub_.y, pub_.m, pub_.d);
  }

  // A year without a mark that is Hijri by its value: in a numeric date, any year of the
  // Hijri centuries 13–15 («5/7/1436»: nobody dates a Gregorian day of 1436 so); alone
  // («عام 1434», «صيف 1434»), one close to the publication's Hijri year, where the
  // Gregorian reading would be six centuries off.
  bool HijriByValue(int year, bool numeric_date) const {
    if (numeric_date) return year >= 1300 && year < 1500;
    if (!has_pub_ || pub_.y < 1900) return false;
    // Hijri years run 33 to 32 Gregorian ones: most years are far off without asking ICU.
    const int approx = (pub_.y - 622) * 33 / 32;
    if (year < approx - 6 || year > approx + 4) return false;
    if (!pub_hijri_) pub_hijri_ = HijriYearOf(pub_.y, pub_.m, pub_.d);
    return pub_hijri_ > 0 && year >= pub_hijri_ - 3 && year <= pub_hijri_ + 1;
  }

  void Run() {
    for (const Sentence& s : c_.sentences) {
      int i = s.begin;
      while (i < s.end) {
        const Token& tok = c_.tokens[i];
        if (tok.kind != TokKind::kNumber && tok.kind != TokKind::kDate && tok.kind != TokKind::kTime &&
            !(tok.fmax_key && c_.lex->StartsMonth(tok.hkey)) && !(tok.fmax_form && c_.lex->StartsMonth(tok.hform)) &&
            !w_.any.count(tok.hkey) && !NumAt(i, s.end).ntokens) {
          ++i;  // cannot start a time expression
          continue;
        }
        TimeExpr t;
        int n = Match(i, s.end, &t);  // tokens consumed
        if (n > 0) {
          int j = i + n;
          t.span = c_.SpanOf(i, j);
          int idx = static_cast<int>(out_.times.size());
          for (int k = i; k < j; ++k) c_.token_time[k] = idx;
          out_.times.push_back(std::move(t));
          i = j;
        } else {
          ++i;
        }
      }
    }
  }

 private:
  const std::u32string& K(int i) const { return c_.tokens[i].Key(); }
  // A whole number in [lo, hi] written in words at token i («السابع عشر», «الثالثة»):
  // tokens consumed, 0 if none.
  int WholeNumberAt(int i, int end, int lo, int hi, int* v) const {
    NumberParse p = NumAt(i, end);
    if (!p.ntokens || p.value < lo || p.value > hi || p.value != static_cast<int>(p.value)) return 0;
    *v = static_cast<int>(p.value);
    return p.ntokens;
  }

  // ParseNumber at token i, once per token (the matchers ask again and again).
  NumberParse NumAt(int i, int end) const {
    if (i >= end) return NumberParse{};
    if (num_cache_.size() != c_.tokens.size()) {
      num_cache_.assign(c_.tokens.size(), NumberParse{});
      num_done_.assign(c_.tokens.size(), false);
    }
    if (!num_done_[i]) {
      num_cache_[i] = ParseNumber(c_.tokens, i, end);
      num_done_[i] = true;
    }
    NumberParse p = num_cache_[i];
    if (i + p.ntokens > end) return NumberParse{};
    return p;
  }
  bool Num(int i, int end, int* v) const {
    if (i >= end || c_.tokens[i].kind != TokKind::kNumber) return false;
    const std::u32string& f = c_.tokens[i].form;
    if (f.size() > 4) return false;
    int x = 0;
    for (char32_t ch : f) {
      if (!IsAsciiDigit(ch)) return false;
      x = x * 10 + static_cast<int>(ch - U'0');
    }
    *v = x;
    return true;
  }
  bool Punct(int i, int end, char32_t ch) const {
    return i < end && c_.tokens[i].kind == TokKind::kPunct && c_.tokens[i].form.size() == 1 &&
           c_.tokens[i].form[0] == ch;
  }

  // Month (with its doubled form) at i; returns tokens consumed or 0.
  int MonthAt(int i, int end, int* month, bool* hijri) const {
    LexMatch m = MatchAt(*c_.lex, c_.tokens, i, end,
                         [](const LexEntry& e) { return e.kind == LexKind::kMonth; });
    if (!m.entry) return 0;
    const Month& mo = c_.lex->months[m.entry->index];
    *month = mo.month;
    *hijri = mo.set == "hijri";
    int j = i + m.ntokens;
    // Doubled forms: «أيلول/سبتمبر», «سبتمبر (أيلول)».
    if (Punct(j, end, U'/') || Punct(j, end, U'(') || Punct(j, end, U'-')) {
      bool paren = Punct(j, end, U'(');
      LexMatch m2 = MatchAt(*c_.lex, c_.tokens, j + 1, end,
                            [](const LexEntry& e) { return e.kind == LexKind::kMonth; });
      if (m2.entry && c_.lex->months[m2.entry->index].month == mo.month) {
        j += 1 + m2.ntokens;
        if (paren && Punct(j, end, U')')) ++j;
      }
    }
    return j - i;
  }

  // Year at i: «2023», «عام 2023», «العام 2023», «سنة 2023»; returns tokens consumed.
  // «من العام 2022» after a month: with `of`, a leading «من» too. *hijri: a Hijri mark
  // follows («1445 هـ», «1437 للهجرة»).
  int YearAt(int i, int end, int* year, bool of = false, bool* hijri = nullptr) const {
    int j = i;
    if (of && j + 1 < end && K(j) == w_.min && w_.year_words.count(K(j + 1))) ++j;
    if (j < end && w_.year_words.count(K(j))) ++j;
    int v;
    if (Num(j, end, &v) && v >= 1000 && v <= 2200 && c_.tokens[j].form.size() == 4) {
      *year = v;
      ++j;
      if (hijri) *hijri = false;
      if (j < end && w_.hijri_marks.count(K(j))) {
        if (hijri) *hijri = true;
        ++j;
      } else if (j < end && w_.ad_marks.count(K(j))) {
        ++j;
      }
      return j - i;
    }
    return 0;
  }

  // Whether [i, j) is all the words of its sentence (a phrase on its own: a heading, a
  // table cell): «آذار», «2019».
  bool Alone(int i, int j) const {
    for (const Sentence& s : c_.sentences) {
      if (i < s.begin || i >= s.end) continue;
      for (int k = s.begin; k < s.end; ++k)
        if ((k < i || k >= j) && c_.tokens[k].kind != TokKind::kPunct) return false;
      return true;
    }
    return false;
  }

  // The Gregorian days of a Hijri month (or year, month = 0) as an ISO interval.
  static std::string HijriSpan(int year, int month) {
    std::string a = HijriToGregorian(year, month ? month : 1, 1);
    int ny = month == 0 || month == 12 ? year + 1 : year, nm = month == 0 || month == 12 ? 1 : month + 1;
    std::string b = HijriToGregorian(ny, nm, 1);
    Ymd e;
    if (a.empty() || !ParseIsoDate(b, &e)) return "";
    return a + "/" + FormatYmd(CivilFromDays(DaysFromCivil(e.y, e.m, e.d) - 1));
  }

  void SetDay(TimeExpr* t, int y, int m, int d, const char* anchor) const {
    t->type = "DATE";
    t->value = FormatYmd({y, m, d});
    t->grain = "day";
    t->anchor = anchor;
  }

  // A day and month with no year and no publication date: «XXXX-09-17».
  void SetUnanchoredDay(TimeExpr* t, int m, int d) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
    t->type = "DATE";
    t->value = buf;
    t->grain = "day";
    t->anchor = "unresolved";
  }

  // Year for a month/day stated without one: the one nearest the publication date.
  int NearestYear(int m, int d) const {
    long best = 0;
    int by = pub_.y;
    for (int y = pub_.y - 1; y <= pub_.y + 1; ++y) {
      long dist = std::labs(DaysFromCivil(y, m, d) - pub_days_);
      if (y == pub_.y - 1 || dist < best) {
        best = dist;
        by = y;
      }
    }
    return by;
  }

  int Match(int i, int end, TimeExpr* t) {
    if (int j = MatchRange(i, end, t)) return j;
    if (int j = MatchPart(i, end, t)) return j;
    return MatchOne(i, end, t);
  }

  // «نهاية عام 2020», «مطلع العام المقبل», «أواخر 2019», «منتصف الشهر الجاري»: the year,
  // month or week the part is of, with a TIMEX3 mod. (A part before a month name is read by
  // MatchMonth, which keeps the month.)
  static std::string ModOf(const std::u32string& key) {
    static const std::unordered_map<std::u32string, std::string> kMods = [] {
      std::unordered_map<std::u32string, std::string> m;
      for (const char* w : {"مطلع", "بداية", "أوائل", "مستهل", "بدايات", "أول"}) m[MatchFormOf(w)] = "START";
      for (const char* w : {"منتصف", "أواسط"}) m[MatchFormOf(w)] = "MID";
      for (const char* w : {"أواخر", "نهاية", "نهايات", "آخر", "ختام"}) m[MatchFormOf(w)] = "END";
      return m;
    }();
    auto it = kMods.find(key);
    return it == kMods.end() ? std::string() : it->second;
  }

  int MatchPart(int i, int end, TimeExpr* t) {
    std::string mod = ModOf(K(i));
    if (mod.empty() || i + 1 >= end) return 0;
    int year;
    TimeExpr inner;
    int n = 0;
    if (int ny = YearAt(i + 1, end, &year)) {
      inner.type = "DATE";
      inner.value = std::to_string(year);
      inner.grain = "year";
      inner.anchor = "absolute";
      n = ny;
    } else {
      n = MatchRelativeUnit(i + 1, end, &inner);
    }
    if (!n) return 0;
    *t = inner;
    t->mod = mod;
    return 1 + n;
  }

  int MatchOne(int i, int end, TimeExpr* t) {
    if (int j = MatchClock(i, end, t)) return j;
    if (int j = MatchOffset(i, end, t)) return j;
    if (int j = MatchNumericDate(i, end, t)) return j;
    if (int j = MatchDayMonth(i, end, t)) return j;
    if (int j = MatchMonth(i, end, t)) return j;
    if (int j = MatchSeason(i, end, t)) return j;
    if (int j = MatchRelativeDay(i, end, t)) return j;
    if (int j = MatchWeekday(i, end, t)) return j;
    if (int j = MatchRelativeUnit(i, end, t)) return j;
    if (int j = MatchVague(i, end, t)) return j;
    if (int j = MatchSet(i, end, t)) return j;
    if (int j = MatchYear(i, end, t)) return j;
    if (int j = MatchDuration(i, end, t)) return j;
    return 0;
  }

  // «من 12 إلى 17 أيلول 2023», «بين 1 و15 يناير», «من كانون الثاني إلى آذار 2020», «بين
  // عامي 2020 و2022», «من 2011 حتى 2014», «من الاثنين إلى الخميس»: START/END, END the
  // last day (month, year) inside. The left side takes what it leaves out from the right.
  int MatchRange(int i, int end, TimeExpr* t) {
    if (!w_.range_from.count(K(i)) || (!c_.tokens[i].proclitics.empty() && c_.tokens[i].proclitics != U"\u0648"))
      return 0;
    static const WordSet kYears = MatchFormSet({"عامي", "سنتي", "العامين", "عامين"});
    int j = i + 1;
    bool years = false;
    if (j < end && kYears.count(K(j))) years = true, ++j;
    if (j >= end) return 0;
    int left_day = 0, left_month = 0, left_year = 0, na = 0;
    bool hijri = false;
    TimeExpr a;
    int v;
    auto connector_at = [&](int q) {
      return q < end && ((w_.range_to.count(K(q)) && c_.tokens[q].proclitics.empty()) ||
                         c_.tokens[q].form == U"-" || c_.tokens[q].proclitics == U"\u0648");
    };
    int mn = 0;
    if (Num(j, end, &v) && connector_at(j + 1)) {
      if (c_.tokens[j].form.size() == 4 && v >= 1000 && v <= 2200) left_year = v;
      else if (v >= 1 && v <= 31 && !years) left_day = v;
      else return 0;
      na = 1;
    } else if ((mn = MonthAt(j, end, &left_month, &hijri)) && !hijri && connector_at(j + mn)) {
      na = mn;
    } else {
      left_month = 0;
      na = MatchOne(j, end, &a);
      if (!na || a.type != "DATE" || a.value.find('/') != std::string::npos) return 0;
    }
    int k = j + na;
    if (k >= end) return 0;
    // The connector: «إلى», «حتى», «و», «-», or «و» glued to the right side.
    if (w_.range_to.count(K(k)) && c_.tokens[k].proclitics.empty()) ++k;
    else if (c_.tokens[k].form == U"-" || c_.tokens[k].form == U"\u2013") ++k;
    else if (c_.tokens[k].proclitics != U"\u0648") return 0;
    if (k >= end) return 0;
    TimeExpr b;
    int nb = 0;
    if (left_year && Num(k, end, &v) && c_.tokens[k].form.size() == 4 && v >= 1000 && v <= 2200) {
      b.type = "DATE";
      b.value = std::to_string(v);
      b.grain = "year";
      b.anchor = "absolute";
      nb = 1;
    } else {
      nb = MatchOne(k, end, &b);
    }
    if (!nb || b.type != "DATE" || b.value.find('/') != std::string::npos || b.value[0] == 'X') return 0;
    std::string start;
    if (left_day) {
      if (b.grain != "day") return 0;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%s-%02d", b.value.substr(0, 7).c_str(), left_day);
      start = buf;
      if (start > b.value) return 0;
    } else if (left_month) {
      if (b.grain != "month") return 0;
      start = FormatYm(std::atoi(b.value.substr(0, 4).c_str()), left_month);
    } else if (left_year) {
      if (b.grain != "year") return 0;
      start = std::to_string(left_year);
    } else {
      if (a.grain != b.grain) return 0;
      start = a.value;
      if (start.compare(0, 4, "XXXX") == 0 && b.anchor == "absolute") {
        start = b.value.substr(0, 4) + start.substr(4);  // unresolved left side, dated right side
        a.anchor = "published";
      }
      if (start[0] == 'X') return 0;
      // «من 28 شباط إلى 2 آذار 2016»: a left side without its year takes the right one's.
      if (a.anchor == "published" && b.anchor == "absolute" && a.grain != "year" && start.size() >= 7) {
        start = b.value.substr(0, 4) + start.substr(4);
        if (start > b.value) start = std::to_string(std::atoi(b.value.substr(0, 4).c_str()) - 1) + start.substr(4);
      }
      if (b.value < start && b.grain == "day") {
        // «من الاثنين إلى الخميس»: the end comes after the start.
        Ymd e;
        if (!ParseIsoDate(b.value, &e)) return 0;
        b.value = FormatYmd(CivilFromDays(DaysFromCivil(e.y, e.m, e.d) + 7));
      }
    }
    if (b.value < start) return 0;
    t->type = "DATE";
    t->value = start + "/" + b.value;
    t->grain = b.grain;
    t->anchor = a.anchor == "published" || b.anchor == "published" ? "published" : "absolute";
    return k + nb - i;
  }

  // A numeric date token (20/9/2023, 2023-09-20, 15-7).
  int MatchNumericDate(int i, int end, TimeExpr* t) {
    const Token& tok = c_.tokens[i];
    if (tok.kind != TokKind::kDate) return 0;
    std::vector<int> parts(1, 0);
    std::vector<size_t> widths(1, 0);
    for (char32_t ch : tok.form) {
      if (IsAsciiDigit(ch)) {
        parts.back() = parts.back() * 10 + static_cast<int>(ch - U'0');
        ++widths.back();
      } else {
        parts.push_back(0);
        widths.push_back(0);
      }
    }
    int y = 0, m, d;
    if (parts.size() == 3) {
      if (widths[0] == 4) { y = parts[0]; m = parts[1]; d = parts[2]; }
      else { d = parts[0]; m = parts[1]; y = parts[2]; }
    } else {
      d = parts[0];
      m = parts[1];
    }
    if (y && HijriByValue(y, true)) {
      if (m < 1 || m > 12 || d < 1 || d > 30) return 0;
      std::string g = HijriToGregorian(y, m, d);
      if (g.empty()) return 0;
      t->type = "DATE";
      t->value = g;
      t->grain = "day";
      t->anchor = "absolute";
      return 1;
    }
    if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y ? y : 2000, m)) return 0;
    if (y) {
      SetDay(t, y, m, d, "absolute");
    } else if (has_pub_) {
      SetDay(t, NearestYear(m, d), m, d, "published");
    } else {
      SetUnanchoredDay(t, m, d);
    }
    return 1;
  }

  // [يوم] [weekday] [ال] DAY [من] MONTH [YEAR] [هـ] [الماضي|المقبل|الجاري]
  int MatchDayMonth(int i, int end, TimeExpr* t) {
    int j = i;
    if (j < end && K(j) == w_.yawm) ++j;
    if (j < end && w_.WeekdayOf(K(j)) >= 0) ++j;
    if (j < end && K(j) == w_.al) ++j;  // «الـ 17» (tatweel dropped in the match form)
    int day;
    if (Num(j, end, &day)) {
      ++j;
    } else {
      // «السابع عشر من أيلول», «الأول من مارس»
      int n = WholeNumberAt(j, end, 1, 31, &day);
      if (!n) return 0;
      j += n;
    }
    if (day < 1 || day > 31) return 0;
    if (j < end && K(j) == w_.min) ++j;
    int month;
    bool hijri;
    int n = MonthAt(j, end, &month, &hijri);
    if (!n) {
      // «الخامس عشر من الشهر الجاري», «يوم 15 من الشهر الماضي»
      TimeExpr m;
      int nm = MatchRelativeUnit(j, end, &m);
      if (!nm || m.grain != "month" || c_.tokens[j - 1].Key() != w_.min) return 0;
      t->type = "DATE";
      t->grain = "day";
      t->anchor = m.anchor;
      if (m.value[0] == 'X' || day > DaysInMonth(std::atoi(m.value.c_str()), std::atoi(m.value.c_str() + 5))) {
        t->value = "XXXX-XX-XX";
        t->anchor = "unresolved";
      } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s-%02d", m.value.c_str(), day);
        t->value = buf;
      }
      return j + nm - i;
    }
    j += n;
    int year = 0;
    int ny = YearAt(j, end, &year, /*of=*/true);
    j += ny;
    std::u32string rel;
    if (j < end && w_.month_rel.count(K(j))) rel = K(j++);
    if (hijri) {
      if (!ny) {
        t->type = "DATE";
        t->value = "XXXX-XX-XX";
        t->grain = "day";
        t->anchor = "unresolved";
        return j - i;
      }
      std::string g = HijriToGregorian(year, month, day);
      t->type = "DATE";
      t->value = g.empty() ? "XXXX-XX-XX" : g;
      t->grain = "day";
      t->anchor = g.empty() ? "unresolved" : "absolute";
      return j - i;
    }
    if (day > DaysInMonth(ny ? year : 2000, month)) return 0;
    if (ny) {
      SetDay(t, year, month, day, "absolute");
    } else if (has_pub_) {
      int y = pub_.y;
      if (w_.RelDir(rel) < 0) y = (month > pub_.m || (month == pub_.m && day > pub_.d)) ? pub_.y - 1 : pub_.y;
      else if (w_.RelDir(rel) > 0) y = (month < pub_.m || (month == pub_.m && day < pub_.d)) ? pub_.y + 1 : pub_.y;
      else if (rel.empty()) y = NearestYear(month, day);
      SetDay(t, y, month, day, "published");
    } else {
      SetUnanchoredDay(t, month, day);
    }
    return j - i;
  }

  // [مطلع|منتصف|أواخر|…] [شهر] MONTH [الماضي|المقبل|الجاري] [YEAR]
  int MatchMonth(int i, int end, TimeExpr* t) {
    int j = i;
    bool part = false, shahr = false;
    if (j < end && w_.month_parts.count(K(j))) { ++j; part = true; }
    if (j < end && K(j) == w_.shahr) { ++j; shahr = true; }
    int month;
    bool hijri;
    int n = MonthAt(j, end, &month, &hijri);
    if (!n) return 0;
    bool doubled = n > 1 && c_.tokens[j + 1].kind == TokKind::kPunct;
    j += n;
    std::u32string rel;
    if (j < end && w_.month_rel.count(K(j))) rel = K(j++);
    int year = 0;
    int ny = YearAt(j, end, &year, /*of=*/true);
    j += ny;
    bool cue = part || shahr || doubled || ny || !rel.empty() || Alone(i, j);  // a heading «آب»
    if (!cue && i > 0 && w_.month_preps.count(c_.tokens[i - 1].Key()) &&
        !w_.ambiguous_months.count(K(i)))
      cue = true;
    if (!cue) return 0;
    t->type = "DATE";
    t->grain = "month";
    if (part) t->mod = ModOf(K(i));
    if (hijri) {
      // «رمضان 1444 هـ»: the Gregorian days it covers.
      std::string span = ny ? HijriSpan(year, month) : "";
      t->value = span.empty() ? "XXXX-XX" : span;
      t->grain = "day";
      t->anchor = span.empty() ? "unresolved" : "absolute";
      return j - i;
    }
    if (ny) {
      t->value = FormatYm(year, month);
      t->anchor = "absolute";
    } else if (has_pub_) {
      int y = pub_.y;
      if (w_.RelDir(rel) < 0) y = month >= pub_.m ? pub_.y - 1 : pub_.y;
      else if (w_.RelDir(rel) > 0) y = month <= pub_.m ? pub_.y + 1 : pub_.y;
      else if (rel.empty()) y = NearestYear(month, 15);
      t->value = FormatYm(y, month);
      t->anchor = "published";
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", month);
      t->value = buf;
      t->anchor = "unresolved";
    }
    return j - i;
  }

  // خريف عام 2020 → 2020-FA
  int MatchSeason(int i, int end, TimeExpr* t) {
    auto it = w_.seasons.find(K(i));
    if (it == w_.seasons.end()) return 0;
    int year;
    bool hijri = false;
    int ny = YearAt(i + 1, end, &year, false, &hijri);
    if (!ny) return 0;
    if (hijri || HijriByValue(year, false)) {
      // The season of the Gregorian year that holds the Hijri year's middle.
      Ymd mid;
      if (!ParseIsoDate(HijriToGregorian(year, 7, 1), &mid)) return 0;
      year = mid.y;
    }
    t->type = "DATE";
    t->value = std::to_string(year) + "-" + it->second;
    t->grain = "season";
    t->anchor = "absolute";
    return 1 + ny;
  }

  // [صباح|مساء|…] (اليوم|أمس|أول أمس|غدا|يوم غد|بعد غد|الليلة) [weekday]
  int MatchRelativeDay(int i, int end, TimeExpr* t) {
    int j = i;
    if (j < end && w_.day_parts.count(K(j))) ++j;
    int offset = 0;
    int n = w_.RelativeDayAt(c_.tokens, j, end, &offset);
    if (!n) return 0;
    j += n;
    if (j < end && w_.WeekdayOf(K(j)) >= 0) ++j;
    t->type = "DATE";
    t->grain = "day";
    if (has_pub_) {
      t->value = FormatYmd(CivilFromDays(pub_days_ + offset));
      t->anchor = "published";
    } else {
      t->value = "XXXX-XX-XX";
      t->anchor = "unresolved";
    }
    return j - i;
  }

  // [صباح|مساء|ليل|فجر …] [يوم] WEEKDAY [الماضي|المقبل|القادم]
  int MatchWeekday(int i, int end, TimeExpr* t) {
    int j = i;
    // (Not before a full date, «صباح الاثنين 15 مارس 2021», which its own pattern reads.)
    if (j + 1 < end && w_.day_parts.count(K(j))) {
      int w = j + 1;
      if (w < end && K(w) == w_.yawm) ++w;
      if (w < end && w_.WeekdayOf(K(w)) >= 0 && !(w + 1 < end && c_.tokens[w + 1].kind == TokKind::kNumber)) ++j;
    }
    if (j < end && K(j) == w_.yawm) ++j;
    int wd = j < end ? w_.WeekdayOf(K(j)) : -1;
    if (wd < 0) return 0;
    ++j;
    std::u32string rel;
    if (j < end && w_.month_rel.count(K(j))) rel = K(j++);
    t->type = "DATE";
    t->grain = "day";
    if (!has_pub_) {
      t->value = "XXXX-XX-XX";
      t->anchor = "unresolved";
      return j - i;
    }
    int pw = Weekday(pub_days_);
    int back = (pw - wd + 7) % 7, fwd = (wd - pw + 7) % 7;
    long off;
    if (w_.RelDir(rel) < 0) off = -(back ? back : 7);
    else if (w_.RelDir(rel) > 0) off = fwd ? fwd : 7;
    else if (back == 0) off = 0;  // the publication day's own weekday: today
    else {
      int tense = TenseBefore(i);
      off = tense < 0 ? -back : tense > 0 ? fwd : (back <= fwd ? -back : fwd);  // else the nearest
    }
    return FinishWeekday(t, off, j - i);
  }

  // The direction the text points to before token i: +1 after a future marker in the
  // sentence («سيزور», «سوف») or for a bare phrase (a weekday and nothing before it);
  // −1 right after a verb in the past («التقى الأحد», «وصل يوم الخميس»); 0 otherwise
  // (news mostly tells of the days around publication: the nearest such day).
  int TenseBefore(int i) const {
    static const std::u32string kSawfa = MatchForm(U"سوف");
    int b = i;
    for (const Sentence& s : c_.sentences)
      if (s.begin <= i && i < s.end) b = s.begin;
    int words = 0;
    for (int k = b; k < i; ++k) {
      const Token& tok = c_.tokens[k];
      if (tok.future || tok.Key() == kSawfa) return 1;
      if (tok.kind == TokKind::kArabic) ++words;
    }
    if (words == 0) return 1;
    // The verb of the clause within three words before the weekday (VSO: «التقى الرئيسان
    // يوم الأحد»).
    int v = -1;
    for (int k = i - 1; k >= b && k >= i - 4; --k) {
      if (c_.tokens[k].kind == TokKind::kPunct) break;
      if (MatchAt(*c_.lex, c_.tokens, k, k + 1, [this](const LexEntry& e) {
            return e.kind == LexKind::kTrigger && c_.lex->triggers[e.index].pos == "verb";
          }).entry) {
        v = k;
        break;
      }
    }
    if (v < 0) return 0;
    const Token& vt = c_.tokens[v];
    if (vt.form.empty()) return 0;
    // An imperfect («يلتقي», «تعقد») tells of the present or the future.
    char32_t c0 = SegFormOf(c_.norm, vt.mstart, vt.mend)[0];
    bool imperfect = c0 == U'\u064A' || c0 == U'\u062A' || c0 == U'\u0646';
    return imperfect ? 1 : -1;
  }

  int FinishWeekday(TimeExpr* t, long off, int n) const {
    t->value = FormatYmd(CivilFromDays(pub_days_ + off));
    t->anchor = "published";
    return n;
  }

  // الأسبوع/الشهر/العام + الماضي/المقبل/الجاري/الحالي
  int MatchRelativeUnit(int i, int end, TimeExpr* t) {
    if (i + 1 >= end) return 0;
    // «هذا الأسبوع», «هذه السنة»: the current one.
    bool this_one = w_.this_words.count(K(i)) > 0;
    int u = this_one ? i + 1 : i;
    auto it = w_.units.find(K(u));
    if (it == w_.units.end()) return 0;
    if (!this_one && !w_.month_rel.count(K(i + 1))) return 0;
    int dir = this_one ? 0 : w_.RelDir(K(i + 1));
    t->type = "DATE";
    t->anchor = has_pub_ ? "published" : "unresolved";
    char buf[32];
    if (it->second == 'W') {
      t->grain = "week";
      if (has_pub_) {
        // ISO week of the publication date shifted by dir weeks.
        long d = pub_days_ + 7 * dir;
        Ymd x = CivilFromDays(d);
        int wd = (Weekday(d) + 6) % 7;  // Monday = 0
        long thursday = d - wd + 3;
        Ymd th = CivilFromDays(thursday);
        int week = static_cast<int>((thursday - DaysFromCivil(th.y, 1, 1)) / 7 + 1);
        (void)x;
        std::snprintf(buf, sizeof buf, "%04d-W%02d", th.y, week);
        t->value = buf;
      } else {
        t->value = "XXXX-WXX";
      }
    } else if (it->second == 'M') {
      t->grain = "month";
      if (has_pub_) {
        int m = pub_.m + dir, y = pub_.y;
        if (m < 1) { m = 12; --y; }
        if (m > 12) { m = 1; ++y; }
        t->value = FormatYm(y, m);
      } else {
        t->value = "XXXX-XX";
      }
    } else {
      t->grain = "year";
      t->value = has_pub_ ? std::to_string(pub_.y + dir) : "XXXX";
    }
    return 2;  // «الأسبوع الماضي», «هذا الأسبوع»
  }

  // «العقد الماضي» (TIMEX decade «201»), «خلال الأيام المقبلة» (FUTURE_REF), «في السنوات
  // الأخيرة» (PAST_REF): a stretch of time the text leaves open.
  int MatchVague(int i, int end, TimeExpr* t) {
    if (i + 1 >= end) return 0;
    static const std::u32string kDecade = MatchForm(U"العقد");
    static const std::unordered_map<std::u32string, std::string> kPlural = {
        {MatchForm(U"الأيام"), "day"}, {MatchForm(U"الأسابيع"), "week"}, {MatchForm(U"الأشهر"), "month"},
        {MatchForm(U"الشهور"), "month"}, {MatchForm(U"السنوات"), "year"}, {MatchForm(U"الأعوام"), "year"},
        {MatchForm(U"العقود"), "decade"}, {MatchForm(U"الساعات"), "hour"}};
    static const WordSet kRecent = MatchFormSet({"الأخيرة", "الاخيرة", "القليلة"});
    const std::u32string& k = K(i);
    const std::u32string& r = K(i + 1);
    if (k == kDecade && w_.month_rel.count(r)) {
      int dir = w_.RelDir(r);
      t->type = "DATE";
      t->grain = "decade";
      if (has_pub_) {
        t->value = std::to_string(pub_.y / 10 + dir);
        t->anchor = "published";
      } else {
        t->value = "XXX";
        t->anchor = "unresolved";
      }
      return 2;
    }
    auto it = kPlural.find(k);
    if (it == kPlural.end()) return 0;
    int n = 2;
    int dir = w_.RelDir(r);
    if (kRecent.count(r)) {
      dir = -1;
      // «الأيام القليلة الماضية»
      if (i + 2 < end && w_.month_rel.count(K(i + 2))) dir = w_.RelDir(K(i + 2)) >= 0 ? w_.RelDir(K(i + 2)) : -1, n = 3;
    }
    if (!dir) return 0;
    t->type = "DATE";
    t->value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
    t->grain = it->second;
    t->anchor = "published";
    return n;
  }

  // Recurring times: «كل يوم جمعة» (XXXX-WXX-5), «كل أسبوع» (P1W), «يومياً», «سنوياً».
  int MatchSet(int i, int end, TimeExpr* t) {
    static const std::u32string kKull = MatchForm(U"كل");
    static const std::unordered_map<std::u32string, std::string> kAdverbs = {
        {MatchForm(U"يوميا"), "P1D"}, {MatchForm(U"أسبوعيا"), "P1W"}, {MatchForm(U"شهريا"), "P1M"},
        {MatchForm(U"سنويا"), "P1Y"}, {MatchForm(U"اسبوعيا"), "P1W"}};
    static const std::unordered_map<std::u32string, std::string> kEvery = {
        {MatchForm(U"يوم"), "P1D"}, {MatchForm(U"أسبوع"), "P1W"}, {MatchForm(U"شهر"), "P1M"},
        {MatchForm(U"عام"), "P1Y"}, {MatchForm(U"سنة"), "P1Y"}, {MatchForm(U"ساعة"), "PT1H"}};
    t->type = "SET";
    t->anchor = "absolute";
    if (auto a = kAdverbs.find(K(i)); a != kAdverbs.end() && c_.tokens[i].proclitics.empty()) {
      t->value = a->second;
      t->grain = a->second == "P1D" ? "day" : a->second == "P1W" ? "week" : a->second == "P1M" ? "month" : "year";
      return 1;
    }
    if (K(i) != kKull || i + 1 >= end) return 0;
    int j = i + 1;
    bool yawm = K(j) == w_.yawm;
    int wd = w_.WeekdayOf(K(yawm && j + 1 < end ? j + 1 : j));
    // «كل جمعة», «كل يوم جمعة» (the weekday without its article)
    if (wd < 0) {
      std::u32string with_al = U"\u0627\u0644" + K(yawm && j + 1 < end ? j + 1 : j);
      wd = w_.WeekdayOf(with_al);
    }
    if (wd >= 0) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd == 0 ? 7 : wd);
      t->value = buf;
      t->grain = "day";
      return (yawm ? 2 : 1) + 1;
    }
    auto e = kEvery.find(K(j));
    if (e == kEvery.end()) return 0;
    t->value = e->second;
    t->grain = e->second == "P1D" ? "day" : e->second == "P1W" ? "week" : e->second == "P1M" ? "month"
             : e->second == "PT1H" ? "hour" : "year";
    return 2;
  }

  int MatchYear(int i, int end, TimeExpr* t) {
    int year;
    bool hijri = false;
    int n = YearAt(i, end, &year, false, &hijri);
    if (!n) return 0;
    // A bare number is a year with a mark («1445 هـ», «2011م») or alone («2019»).
    if (!w_.year_words.count(K(i)) && !hijri && !(n == 2) && !Alone(i, i + n)) return 0;
    t->type = "DATE";
    t->anchor = "absolute";
    if (hijri || HijriByValue(year, false)) {
      std::string span = HijriSpan(year, 0);
      t->value = span.empty() ? "XXXX" : span;
      t->grain = span.empty() ? "year" : "day";
      if (span.empty()) t->anchor = "unresolved";
      return n;
    }
    t->value = std::to_string(year);
    t->grain = "year";
    return n;
  }

  // A length of time: [NUMBER] UNIT [ونصف] — «11 شهراً», «ثلاثة أيام», «يومين», «عقدين»,
  // «نصف ساعة», «ساعة ونصف». Sets *unit (D W M Y H MIN) and *amount; tokens consumed.
  int DurationAt(int i, int end, std::string* unit, double* amount, bool single = false) const {
    if (i >= end) return 0;
    int j = i;
    double count = 0;
    NumberParse p = NumAt(i, end);
    if (p.ntokens && !p.ordinal) {
      count = p.value;
      j += p.ntokens;
    }
    if (j >= end) return 0;
    auto u = w_.dur.find(K(j));
    if (u == w_.dur.end() || (j > i && !c_.tokens[j].proclitics.empty())) return 0;
    const TimeWords::DurUnit& du = u->second;
    if (j == i) {
      if (du.count == 0) return 0;  // «سنوات» alone: no length
      // «عام», «ساعة» alone: no length (but «قبل عام», «أسبوع واحد», «ساعة ونصف»).
      if (du.count == 1 && !single && j + 1 < end) {
        static const WordSet kOne = MatchFormSet({"واحد", "واحدا", "واحدة"});
        const Token& nx = c_.tokens[j + 1];
        single = (kOne.count(nx.Key()) && nx.proclitics.empty()) ||
                 (nx.proclitics == U"\u0648" && w_.minute_fractions.count(nx.Key()));
      }
      if (du.count == 1 && !single) return 0;
      count = du.count;
    } else if (du.count == 2) {
      return 0;  // «ثلاثة يومين»
    }
    ++j;
    static const WordSet kOne = MatchFormSet({"واحد", "واحدا", "واحدة"});
    if (j < end && du.count == 1 && kOne.count(K(j)) && c_.tokens[j].proclitics.empty()) ++j;  // «أسبوع واحد»
    // «ساعة ونصف», «عامين ونصف»
    if (j < end && c_.tokens[j].proclitics == U"\u0648") {
      auto f = w_.minute_fractions.find(K(j));
      if (f != w_.minute_fractions.end()) {
        count += f->second / 60.0;
        ++j;
      }
    }
    *unit = du.unit;
    *amount = count;
    if (du.unit == "DEC") {
      *unit = "Y";
      *amount = count * 10;
    }
    return j - i;
  }

  static std::string Iso(const std::string& unit, double amount) {
    char buf[48];
    auto num = [&](double v) {
      char b[24];
      std::snprintf(b, sizeof b, "%.10g", v);
      return std::string(b);
    };
    if (unit == "S") return "PT" + num(amount) + "S";
    if (unit == "H" || unit == "MIN") {
      double minutes = unit == "H" ? amount * 60 : amount;
      int h = static_cast<int>(minutes / 60), m = static_cast<int>(std::lround(minutes - h * 60.0));
      std::string v = "PT";
      if (h) v += std::to_string(h) + "H";
      if (m || !h) v += std::to_string(m) + "M";
      return v;
    }
    std::snprintf(buf, sizeof buf, "P%s%s", num(amount).c_str(), unit.c_str());
    return buf;
  }

  int MatchDuration(int i, int end, TimeExpr* t) {
    static const WordSet kFor = MatchFormSet({"خلال", "لمدة", "طوال", "مدة", "طيلة"});
    std::string unit;
    double amount = 0;
    int n = DurationAt(i, end, &unit, &amount, i > 0 && kFor.count(K(i - 1)) > 0);
    if (!n || amount <= 0 || amount > 1e6) return 0;  // no length of a million years
    t->type = "DURATION";
    t->value = Iso(unit, amount);
    t->grain = unit == "D" ? "day" : unit == "W" ? "week" : unit == "M" ? "month" : unit == "Y" ? "year"
             : unit == "H" ? "hour" : unit == "S" ? "second" : "minute";
    t->anchor = "absolute";
    return n;
  }

  // «قبل ثلاثة أيام», «منذ شهرين», «بعد أسبوعين»: a date that far from the publication
  // date (day grain; month and year grain for months and years); «منذ عام 2019» → 2019.
  int MatchOffset(int i, int end, TimeExpr* t) {
    const std::u32string& k = K(i);
    int dir = w_.ago.count(k) || w_.since.count(k) ? -1 : w_.after.count(k) ? 1 : 0;
    if (!dir || (!c_.tokens[i].proclitics.empty() && c_.tokens[i].proclitics != U"\u0648")) return 0;
    if (w_.since.count(k) && i + 1 < end) {
      // «منذ عام 2019», «منذ مارس 2011», «منذ 15 آذار»: the date itself.
      int year;
      if (int ny = YearAt(i + 1, end, &year)) {
        t->type = "DATE";
        t->value = std::to_string(year);
        t->grain = "year";
        t->anchor = "absolute";
        return 1 + ny;
      }
      if (int n = MatchDayMonth(i + 1, end, t)) return 1 + n;
      if (int n = MatchMonth(i + 1, end, t)) return 1 + n;  // «منذ» is a month's cue
    }
    std::string unit;
    double amount = 0;
    int n = DurationAt(i + 1, end, &unit, &amount, /*single=*/true);
    if (!n || amount <= 0 || amount > 10000 || unit == "H" || unit == "MIN" || unit == "S" ||
        amount != static_cast<int>(amount))
      return 0;
    int a = static_cast<int>(amount) * dir;
    t->type = "DATE";
    if (!has_pub_) {
      t->value = unit == "M" ? "XXXX-XX" : unit == "Y" ? "XXXX" : "XXXX-XX-XX";
      t->grain = unit == "M" ? "month" : unit == "Y" ? "year" : "day";
      t->anchor = "unresolved";
      return 1 + n;
    }
    t->anchor = "published";
    if (unit == "D" || unit == "W") {
      t->value = FormatYmd(CivilFromDays(pub_days_ + a * (unit == "W" ? 7 : 1)));
      t->grain = "day";
    } else if (unit == "M") {
      int m0 = pub_.y * 12 + (pub_.m - 1) + a;
      t->value = FormatYm(m0 / 12, m0 % 12 + 1);
      t->grain = "month";
    } else {
      t->value = std::to_string(pub_.y + a);
      t->grain = "year";
    }
    return 1 + n;
  }

  // Clock times: «الساعة الثالثة عصراً», «الساعة 10 صباحاً», «الساعة السابعة والنصف»,
  // «التاسعة إلا ربعاً مساءً», «15:30 بتوقيت موسكو» — on the publication day.
  int MatchClock(int i, int end, TimeExpr* t) {
    int j = i;
    int h = -1, m = 0;
    bool minutes = false;
    if (c_.tokens[j].kind == TokKind::kTime) {
      const std::u32string& f = c_.tokens[j].form;
      size_t colon = f.find(U':');
      h = 0;
      for (size_t q = 0; q < colon; ++q) h = h * 10 + static_cast<int>(f[q] - U'0');
      for (size_t q = colon + 1; q < colon + 3 && q < f.size(); ++q) m = m * 10 + static_cast<int>(f[q] - U'0');
      if (h > 24 || m > 59) return 0;
      minutes = true;
      ++j;
    } else if (w_.hour_marks.count(K(j)) && j + 1 < end && c_.tokens[j + 1].kind == TokKind::kTime) {
      int n = MatchClock(j + 1, end, t);  // «الساعة 15:30»
      return n ? n + 1 : 0;
    } else {
      static const std::u32string kWahida = MatchForm(U"الواحدة");
      // Without «الساعة» only an hour word followed by a part of the day: «السادسة مساءً».
      bool mark = w_.hour_marks.count(K(j)) > 0;
      if (mark) ++j;
      if (j >= end) return 0;
      if (!mark) {
        int q = j;
        if (K(q) == kWahida) ++q;
        else if (NumberParse p = NumAt(q, end); p.ntokens && p.ordinal) q += p.ntokens;
        else return 0;
        // «الثامنة والنصف صباحاً», «السادسة إلا ربعاً مساءً»
        if (q < end && c_.tokens[q].proclitics == U"\u0648" && w_.minute_fractions.count(K(q))) ++q;
        else if (q + 1 < end && w_.except.count(K(q)) && w_.minute_fractions.count(K(q + 1))) q += 2;
        if (q >= end || !w_.day_part_hours.count(K(q))) return 0;
      }
      int v;
      if (mark && Num(j, end, &v) && v <= 24) {
        h = v;
        ++j;
      } else if (K(j) == kWahida) {
        h = 1;
        ++j;
      } else {
        int n = WholeNumberAt(j, end, 1, 12, &h);
        if (!n) return 0;
        j += n;
      }
      // «والنصف», «والربع», «وعشر دقائق», «إلا ربعاً»
      if (j < end && c_.tokens[j].proclitics == U"\u0648") {
        auto f = w_.minute_fractions.find(K(j));
        if (f != w_.minute_fractions.end()) {
          m = f->second;
          minutes = true;
          ++j;
        } else if (NumberParse p = NumAt(j, end); p.ntokens && p.value < 60) {
          int q = j + p.ntokens;
          static const WordSet kMin = MatchFormSet({"دقيقة", "دقائق", "دقيقه"});
          if (q < end && kMin.count(K(q))) {
            m = static_cast<int>(p.value);
            minutes = true;
            j = q + 1;
          }
        }
      } else if (j + 1 < end && w_.except.count(K(j))) {
        auto f = w_.minute_fractions.find(K(j + 1));
        if (f != w_.minute_fractions.end()) {
          m = 60 - f->second;
          h = h == 0 ? 23 : h - 1;
          minutes = true;
          j += 2;
        }
      }
    }
    // Part of the day: «صباحاً», «عصراً», «مساءً», «ليلاً», «من صباح اليوم», «بعد الظهر».
    static const std::u32string kDhuhr = MatchForm(U"الظهر");
    int day_offset = 0;
    if (j + 1 < end && (w_.after.count(K(j)) || w_.ago.count(K(j))) && K(j + 1) == kDhuhr) {
      if (w_.after.count(K(j)) && h < 12) h += 12;
      j += 2;
    } else if (j < end) {
      if (K(j) == w_.min && j + 1 < end && w_.day_part_hours.count(K(j + 1))) ++j;
      auto dp = w_.day_part_hours.find(K(j));
      if (dp != w_.day_part_hours.end()) {
        if (dp->second == 12 && h < 12) {
          static const WordSet kNoon = MatchFormSet({"ظهرا", "ظهر", "الظهر"});
          static const WordSet kNight = MatchFormSet({"ليلا", "ليل", "الليل"});
          bool noon = kNoon.count(K(j)) > 0;
          if (noon) { if (h <= 4) h += 12; }
          else if (kNight.count(K(j)) && h < 5) { /* «الثالثة ليلاً» is 03:00 */ }
          else h += 12;
        } else if (dp->second == 0 && h == 12) {
          h = 0;
        }
        ++j;
        // «صباح اليوم», «مساء أمس»
        int n = w_.RelativeDayAt(c_.tokens, j, end, &day_offset);
        j += n;
      }
    }
    // «بتوقيت موسكو», «بتوقيت غرينتش»
    if (j + 1 < end && w_.timezone_marks.count(K(j))) j += 2;
    if (h < 0 || h > 24) return 0;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", h % 24, m);
    t->type = "TIME";
    t->grain = minutes ? "minute" : "hour";
    t->value = (has_pub_ ? FormatYmd(CivilFromDays(pub_days_ + day_offset)) : std::string("XXXX-XX-XX")) + buf;
    t->anchor = has_pub_ ? "published" : "unresolved";
    return j - i;
  }

  DocContext& c_;
  Analysis& out_;
  const TimeWords& w_;
  mutable std::vector<NumberParse> num_cache_;
  mutable std::vector<bool> num_done_;
  Ymd pub_;
  long pub_days_ = 0;
  bool has_pub_ = false;
  mutable int pub_hijri_ = 0;  // the publication's Hijri year, once asked
};

}  // namespace

void TagTimes(DocContext* ctx, Analysis* out) {
  ctx->token_time.assign(ctx->tokens.size(), -1);
  TimeTagger(ctx, out).Run();
}

}  // namespace hadath
