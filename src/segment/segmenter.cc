#include "src/segment/segmenter.h"

#include <unordered_set>

namespace hadath {
namespace {

constexpr char32_t kWaw = U'\u0648', kFa = U'\u0641', kBa = U'\u0628', kLam = U'\u0644',
                   kKaf = U'\u0643', kSin = U'\u0633', kAlef = U'\u0627', kYa = U'\u064A',
                   kTa = U'\u062A', kNun = U'\u0646';

bool StartsWithAl(const std::u32string& w) { return w.size() > 2 && w[0] == kAlef && w[1] == kLam; }

// Closed-class words after which a leading و/ف is always the conjunction («وقد», «ولم»,
// «فإن», «وفي»), in match form.
bool IsParticle(const std::u32string& w) {
  static const std::unordered_set<std::u32string> kParticles = {
      U"قد", U"لا", U"لم", U"لن", U"ما", U"ان", U"في", U"من", U"علي", U"عن", U"مع", U"الي",
      U"هو", U"هي", U"هم", U"هما", U"نحن", U"انه", U"انها", U"كان", U"كانت", U"لكن", U"ليس",
      U"ليست", U"اذا", U"اذ", U"منذ", U"بعد", U"قبل", U"خلال", U"كما", U"حتي", U"ذلك", U"هذا",
      U"هذه", U"التي", U"الذي", U"سوف", U"ثم", U"او", U"عند", U"بين", U"تم", U"يتم", U"لدي"};
  return kParticles.count(w) > 0;
}

}  // namespace

bool Segmenter::Known(const std::u32string& w) const {
  if (w.size() < 2) return false;
  if (lex_.IsKnownWord(w)) return true;
  return StartsWithAl(w) && w.size() > 3 && lex_.IsKnownWord(w.substr(2));
}

void Segmenter::Segment(std::vector<Token>* tokens) const {
  for (Token& t : *tokens)
    if (t.kind == TokKind::kArabic) SegmentToken(&t);
}

void Segmenter::SegmentToken(Token* t) const {
  const std::u32string& w = t->form;
  t->key = w;
  t->pieces.clear();
  if (w.size() < 3 || lex_.IsProtected(w)) return;
  const bool whole_known = lex_.IsKnownWord(w);

  struct Split {
    size_t cut;            // letters removed
    std::u32string rest;   // restored remainder
    bool future = false;
    bool lil = false;      // لل → ل + ال
  };
  Split best{0, w};
  // Enumerate conj? (future | prep)? and accept the longest plausible split.
  for (size_t c = 0; c <= 1; ++c) {
    if (c == 1 && w[0] != kWaw && w[0] != kFa) continue;
    std::u32string after_conj = w.substr(c);
    // Future: س + imperfect prefix (ي ت ن) + a known verb of at least 3 letters.
    if (after_conj.size() >= 5 && after_conj[0] == kSin &&
        (after_conj[1] == kYa || after_conj[1] == kTa || after_conj[1] == kNun)) {
      std::u32string rest = after_conj.substr(1);
      if (Known(rest) && !lex_.IsProtected(after_conj) && c + 1 > best.cut)
        best = {c + 1, rest, true, false};
    }
    for (char32_t p : {kBa, kLam, kKaf}) {
      if (after_conj.size() < 4 || after_conj[0] != p) continue;
      if (lex_.IsProtected(after_conj)) continue;
      std::u32string rest = after_conj.substr(1);
      bool lil = false;
      if (p == kLam && rest[0] == kLam && rest.size() >= 3) {  // لل → ل + ال
        std::u32string restored = U"\u0627" + rest;
        if (Known(restored)) {
          rest = restored;
          lil = true;
        }
      }
      bool ok = lil || lex_.IsLexiconWord(rest) ||
                (StartsWithAl(rest) ? Known(rest) : Known(rest) && !whole_known);
      if (ok && c + 1 > best.cut) best = {c + 1, rest, false, lil};
    }
    if (c == 1 && best.cut == 0) {
      std::u32string rest = after_conj;
      bool ok = lex_.IsProtected(rest) || lex_.IsLexiconWord(rest) || IsParticle(rest) ||
                (StartsWithAl(rest) ? Known(rest) : Known(rest) && !whole_known);
      if (ok && rest.size() >= 2) best = {1, rest, false, false};
    }
  }
  if (best.cut == 0) return;
  t->key = best.rest;
  t->future = best.future;
  t->proclitics = w.substr(0, best.cut);
  for (size_t k = 0; k < best.cut; ++k) {
    Piece p;
    p.mstart = t->mstart + static_cast<int>(k);
    p.mend = p.mstart + 1;
    p.restored = w.substr(k, 1);
    t->pieces.push_back(p);
  }
  Piece last;
  last.mstart = t->mstart + static_cast<int>(best.cut);
  last.mend = t->mend;
  last.restored = best.rest;
  t->pieces.push_back(last);
}

}  // namespace hadath
