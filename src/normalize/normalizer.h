// Normalization: NFC first, then the *match form* used for every lookup in hadath:
// no harakat/Quranic marks/tatweel/bidi/zero-width marks/BOM, presentation forms
// folded, أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك, Arabic-Indic and Persian
// digits → ASCII, ASCII lower case. The original text is kept; every match-form code
// point knows the original span [start, end) that produced it. See
// doc/formats/normalization.md. Thread-safe: stateless functions.
#ifndef HADATH_SRC_NORMALIZE_NORMALIZER_H_
#define HADATH_SRC_NORMALIZE_NORMALIZER_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace hadath {

struct NormText {
  std::u32string original;
  std::u32string match;
  std::vector<int> start;  // match[i] came from original[start[i], end[i])
  std::vector<int> end;

  // Original span of match-form span [a, b) (b > a).
  int OrigStart(int a) const { return start[a]; }
  int OrigEnd(int b) const { return end[b - 1]; }
};

NormText Normalize(std::u32string original);

// Match form of a string (no offset map): for lexicon keys.
std::u32string MatchForm(std::u32string_view s);
std::string MatchFormUtf8(std::string_view utf8);

// Match form of a UTF-8 literal (for the fixed word lists of the stages).
std::u32string MatchFormOf(const char* utf8);

// The match forms of a list of UTF-8 words (the fixed word lists of the stages).
using WordSet = std::unordered_set<std::u32string>;
WordSet MatchFormSet(std::initializer_list<const char*> words);

// Starts with the article «ال» followed by at least one letter (match or segmentation form).
inline bool StartsWithAl(const std::u32string& w) {
  return w.size() > 2 && w[0] == U'\u0627' && w[1] == U'\u0644';
}

// The *segmentation form*: the match form with ة and ى kept (not folded to ه and ي), so
// that «قربها» (قرب + ها) is not read as «قربة» + ا. Used by the clitic segmenter and
// its known-word list.
std::u32string SegForm(std::u32string_view s);
// Segmentation form of the match-form span [a, b) of a normalized text.
std::u32string SegFormOf(const NormText& t, int a, int b);
// Segmentation form → match form (ة → ه, ى → ي).
std::u32string FoldSeg(std::u32string s);

// Character classes on match-form text (inline: they run on every character).
inline bool IsArabicLetter(char32_t c) {
  if (c >= 0x0621 && c <= 0x064A) return c != 0x0640;  // the common case
  return c == 0x066E || c == 0x066F || (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 ||
         c == 0x06EE || c == 0x06EF || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF ||
         (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}
inline bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}
// A mark removed from the match form (harakat, tatweel, bidi, zero-width, BOM).
bool IsIgnorable(char32_t c);

}  // namespace hadath

#endif  // HADATH_SRC_NORMALIZE_NORMALIZER_H_
