#include "src/normalize/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "src/util/utf8.h"

namespace hadath {
namespace {

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode e = U_ZERO_ERROR;
    return icu::Normalizer2::getNFCInstance(e);
  }();
  return n;
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode e = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKCInstance(e);
  }();
  return n;
}

std::u32string IcuNormalize(const icu::Normalizer2* norm, std::u32string_view in) {
  icu::UnicodeString u;
  for (char32_t c : in) u.append(static_cast<UChar32>(c));
  UErrorCode e = U_ZERO_ERROR;
  icu::UnicodeString out = norm->normalize(u, e);
  if (U_FAILURE(e)) return std::u32string(in);
  std::u32string r;
  for (int32_t i = 0; i < out.length();) {
    UChar32 c = out.char32At(i);
    r.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return r;
}

bool IsPresentationForm(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

// Appends the match form of one NFC code point.
template <typename Emit>
void Fold(char32_t c, Emit emit) {
  // Fast path: plain Arabic letters and ASCII other than upper case.
  if ((c >= 0x0621 && c <= 0x063A && c != 0x0622 && c != 0x0623 && c != 0x0625 && c != 0x0629) ||
      (c >= 0x0641 && c <= 0x064A && c != 0x0649) || (c < 0x80 && !(c >= 'A' && c <= 'Z'))) {
    emit(c);
    return;
  }
  if (IsIgnorable(c)) return;
  if (IsPresentationForm(c)) {
    if (c >= 0xFE70 && c <= 0xFE7F) return;  // harakat forms (with or without tatweel)
    char32_t one[1] = {c};
    for (char32_t d : IcuNormalize(Nfkc(), std::u32string_view(one, 1))) {
      if (d == ' ') continue;
      if (IsPresentationForm(d)) emit(d);  // no decomposition (noncharacters, unassigned)
      else Fold(d, emit);
    }
    return;
  }
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      emit(U'\u0627');
      return;
    case 0x0649: case 0x06CC: case 0x06D2:
      emit(U'\u064A');
      return;
    case 0x0629:
      emit(U'\u0647');
      return;
    case 0x06A9:
      emit(U'\u0643');
      return;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return emit(U'0' + (c - 0x0660));
  if (c >= 0x06F0 && c <= 0x06F9) return emit(U'0' + (c - 0x06F0));
  if (c >= 'A' && c <= 'Z') return emit(c + 32);
  if (c == 0x00A0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) || c == 0x3000)
    return emit(U' ');
  emit(c);
}

template <typename Sink>
void Run(std::u32string_view in, Sink sink) {
  const icu::Normalizer2* nfc = Nfc();
  size_t i = 0;
  const size_t n = in.size();
  // Characters that are NFC on their own and never combine with what precedes them:
  // a run of these needs no ICU call (the bulk of Arabic and Latin text).
  auto fast = [](char32_t c) {
    return c < 0x300 || (c >= 0x0600 && c <= 0x064A) || (c >= 0x0660 && c <= 0x066D) ||
           (c >= 0x0671 && c <= 0x06D3) || (c >= 0x2000 && c <= 0x206F);
  };
  while (i < n) {
    char32_t c = in[i];
    if (fast(c) && (i + 1 == n || fast(in[i + 1]))) {
      Fold(c, [&](char32_t d) { sink(d, i, i + 1); });
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && !nfc->hasBoundaryBefore(static_cast<UChar32>(in[j]))) ++j;
    if (j == i + 1 && (c < 0x300 || nfc->isInert(static_cast<UChar32>(c)))) {
      Fold(c, [&](char32_t d) { sink(d, i, j); });
    } else {
      for (char32_t d : IcuNormalize(nfc, in.substr(i, j - i))) {
        Fold(d, [&](char32_t e) { sink(e, i, j); });
      }
    }
    i = j;
  }
}

}  // namespace

bool IsIgnorable(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 &&
                                                          c != 0x06E6) ||
         (c >= 0x0610 && c <= 0x061A) || c == 0x0640 || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
         c == 0xFEFF || c == 0x00AD || c == 0x2060 || (c >= 0x08D3 && c <= 0x08FF);
}

NormText Normalize(std::u32string original) {
  NormText t;
  t.original = std::move(original);
  // Write through raw pointers into buffers sized for the common case (one output code
  // point per input code point); grow only on the rare expansions (ligatures).
  size_t cap = t.original.size() + 16, k = 0;
  t.match.resize(cap);
  t.start.resize(cap);
  t.end.resize(cap);
  char32_t* m = t.match.data();
  int* st = t.start.data();
  int* en = t.end.data();
  Run(t.original, [&](char32_t c, size_t a, size_t b) {
    if (k == cap) {
      cap *= 2;
      t.match.resize(cap);
      t.start.resize(cap);
      t.end.resize(cap);
      m = t.match.data();
      st = t.start.data();
      en = t.end.data();
    }
    m[k] = c;
    st[k] = static_cast<int>(a);
    en[k] = static_cast<int>(b);
    ++k;
  });
  t.match.resize(k);
  t.start.resize(k);
  t.end.resize(k);
  return t;
}

std::u32string MatchForm(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  Run(s, [&](char32_t c, size_t, size_t) { out.push_back(c); });
  return out;
}

std::string MatchFormUtf8(std::string_view utf8) { return EncodeUtf8(MatchForm(ToU32(utf8))); }

std::u32string MatchFormOf(const char* utf8) { return MatchForm(ToU32(utf8)); }

WordSet MatchFormSet(std::initializer_list<const char*> words) {
  WordSet s;
  for (const char* w : words) s.insert(MatchFormOf(w));
  return s;
}

std::u32string SegForm(std::u32string_view s) {
  // Plain Arabic letters: fold letter by letter (ة and ى kept).
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c >= 0x0621 && c <= 0x064A && c != 0x0640) {
      if (c == 0x0622 || c == 0x0623 || c == 0x0625) c = 0x0627;
      out.push_back(c);
      continue;
    }
    NormText t = Normalize(std::u32string(s));  // anything else: the full normalizer
    return SegFormOf(t, 0, static_cast<int>(t.match.size()));
  }
  return out;
}

std::u32string SegFormOf(const NormText& t, int a, int b) {
  std::u32string out = t.match.substr(a, b - a);
  for (int i = a; i < b; ++i) {
    char32_t o = t.original[t.start[i]];
    if (out[i - a] == U'\u0647' && o == U'\u0629') out[i - a] = U'\u0629';
    else if (out[i - a] == U'\u064A' && o == U'\u0649') out[i - a] = U'\u0649';
  }
  return out;
}

std::u32string FoldSeg(std::u32string s) {
  for (char32_t& c : s) {
    if (c == U'\u0629') c = U'\u0647';
    else if (c == U'\u0649') c = U'\u064A';
  }
  return s;
}

}  // namespace hadath
