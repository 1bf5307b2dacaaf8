#include "src/store/fts_arabic.h"

#include <new>

#include "src/engine/read_text.h"
#include "src/segment/segmenter.h"
#include "src/tokenize/tokenizer.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {

constexpr char32_t kAlef = U'\u0627', kWaw = U'\u0648', kYa = U'\u064A', kTaMarbuta = U'\u0629';

// Longer words are cut to this many code points, the same way in documents and queries,
// so that a hostile run of letters costs a bounded term and still matches itself.
constexpr size_t kMaxTermChars = 64;

bool EndsWith(const std::u32string& w, const std::u32string& s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

// A word the lexicon knows as a name when it stands alone: a country, city or region, a
// person or the short form of one, an organisation, a people, a nationality, a given
// name; or a word of a person's full name that has no ordinary lexicon entry (a role,
// title, institution or trigger): «رئيس» of «إبراهيم رئيس الساداتي» is still a role.
bool IsNameWord(const Lexicon& lex, const std::u32string& key) {
  bool ordinary_entry = false;
  for (const LexEntry& e : lex.Lookup(key)) {
    switch (e.kind) {
      case LexKind::kCountry:
      case LexKind::kCapital:
      case LexKind::kCity:
      case LexKind::kRegion:
      case LexKind::kPeople:
      case LexKind::kNationality:
      case LexKind::kPerson:
      case LexKind::kGivenName:
      case LexKind::kNameParticle:
        return true;
      case LexKind::kPersonShort:  // form 1: also an ordinary word («حرب» alone)
        if (e.form == 0) return true;
        ordinary_entry = true;
        break;
      case LexKind::kOrg:  // short forms that need a cue are ordinary words («الحياة»)
        if (e.form == kOrgFull) return true;
        ordinary_entry = true;
        break;
      default:
        ordinary_entry = true;
    }
  }
  return !ordinary_entry && lex.IsPersonNameWord(key);
}

// An ordinary word by the lexicon (hunspell-ar's classes), also as the feminine of a
// listed adjective, which the word lists often lack («الرئاسية» of «الرئاسي»).
bool IsOrdinaryWord(const Lexicon& lex, const std::u32string& seg) {
  if (lex.IsCommonWord(seg)) return true;
  return seg.size() > 3 && seg.back() == kTaMarbuta &&
         lex.IsCommonWord(seg.substr(0, seg.size() - 1));
}

// The stem shared by a word's inflections and close derivations: LightStem's article and
// one suffix removed (no protection check: names never get here), then the long vowels
// inside the word dropped when three letters remain, which brings a singular, a broken
// plural and a verbal noun together: «رئيس», «الرئاسة» → «رئس»; «اجتماع», «اجتمع» →
// «اجتمع»; «مدينة», «مدن» → «مدن».
std::u32string SearchStem(std::u32string w) {
  if (StartsWithAl(w) && w.size() >= 5) w.erase(0, 2);
  static const std::u32string kSuffixes[] = {U"يات", U"ات", U"ون", U"ين", U"ان", U"يه", U"ه", U"ي"};
  for (const std::u32string& suf : kSuffixes) {
    if (w.size() >= suf.size() + 3 && EndsWith(w, suf)) {
      w.resize(w.size() - suf.size());
      break;
    }
  }
  std::u32string skeleton(1, w[0]);
  for (size_t i = 1; i + 1 < w.size(); ++i)
    if (w[i] != kAlef && w[i] != kWaw && w[i] != kYa) skeleton.push_back(w[i]);
  if (w.size() > 1) skeleton.push_back(w.back());
  return skeleton.size() >= 3 ? skeleton : w;
}

// The segmentation form of a token's lexical key (what Lexicon::IsCommonWord reads).
std::u32string KeySegForm(const NormText& norm, const Token& t) {
  if (t.pieces.empty()) return SegFormOf(norm, t.mstart, t.mend);
  const Piece& stem = t.pieces[t.proclitics.size()];
  std::u32string seg = SegFormOf(norm, stem.mstart, stem.mend);
  if (stem.ta_marbuta && !seg.empty()) seg.back() = kTaMarbuta;
  if (stem.add_alef) seg.insert(seg.begin(), kAlef);
  return seg;
}

// The terms of a text read already: `byte_at` maps its code points to UTF-8 offsets.
std::vector<SearchTerm> TermsOf(const Lexicon& lex, const NormText& norm,
                                const std::vector<Token>& tokens, const std::vector<int>& byte_at,
                                TermMode mode) {
  std::vector<SearchTerm> out;
  auto emit = [&](std::u32string_view term, bool stem, int start, int end, bool colocated) {
    SearchTerm st;
    if (mode != TermMode::kPositions) {
      if (stem) st.text.push_back(kStemMarker);
      st.text += EncodeUtf8(term.substr(0, kMaxTermChars));
    }
    st.start = byte_at[start];
    st.end = byte_at[end];
    st.colocated = colocated;
    out.push_back(std::move(st));
  };
  // A word's stem term (whether it has one, and which) is the same every time the word
  // comes back with the same segmentation: the last word seen in each slot of a small
  // table is remembered per thread, which keeps the frequent words without the cost of
  // a map of every word.
  struct Slot {
    uint64_t hash = 0;
    std::u32string key, seg, stem;  // stem: "" when the word has none
  };
  struct StemCache {
    const Lexicon* lex = nullptr;
    std::vector<Slot> slots;
  };
  constexpr size_t kSlots = 4096;
  thread_local StemCache cache;
  if (cache.lex != &lex) {
    cache.slots.assign(kSlots, Slot());
    cache.lex = &lex;
  }
  out.reserve(tokens.size() * 2);
  for (const Token& t : tokens) {
    if (t.kind == TokKind::kArabic) {
      const std::u32string& key = t.Key();
      const std::u32string* stem = nullptr;
      std::u32string none;
      if ((mode == TermMode::kDocument || mode == TermMode::kQueryStem) && key.size() >= 3) {
        std::u32string seg = KeySegForm(norm, t);
        uint64_t h = Lexicon::WordHash(key) * 1099511628211ull ^ Lexicon::WordHash(seg);
        Slot& slot = cache.slots[h % kSlots];
        if (slot.hash != h || slot.key != key || slot.seg != seg) {
          slot.stem = IsOrdinaryWord(lex, seg) && !IsNameWord(lex, key) ? SearchStem(key) : none;
          slot.hash = h;
          slot.key = key;
          slot.seg = std::move(seg);
        }
        stem = &slot.stem;
      }
      if (!stem) stem = &none;
      if (mode == TermMode::kQueryStem) {
        // A name has no stem term: its own form behind the marker matches nothing.
        emit(stem->empty() ? key : *stem, true, t.start, t.end, false);
        continue;
      }
      emit(key, false, t.start, t.end, false);
      if (!stem->empty()) emit(*stem, true, t.start, t.end, true);
    } else if (t.kind == TokKind::kLatin || t.kind == TokKind::kNumber) {
      emit(t.form, mode == TermMode::kQueryStem, t.start, t.end, false);
    } else {
      // Dates, times, URLs, hashtags: each run of letters or digits is a term of its own,
      // so «2023» finds «20/9/2023» and «روسيا» finds «#روسيا».
      const std::u32string& f = t.form;
      for (size_t a = 0; a < f.size();) {
        if (!IsSearchable(f[a])) {
          ++a;
          continue;
        }
        size_t b = a;
        while (b < f.size() && IsSearchable(f[b])) ++b;
        int ms = t.mstart + static_cast<int>(a), me = t.mstart + static_cast<int>(b);
        emit(std::u32string_view(f).substr(a, b - a), mode == TermMode::kQueryStem,
             norm.OrigStart(ms), norm.OrigEnd(me), false);
        a = b;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<SearchTerm> SearchTerms(const Lexicon& lex, std::string_view utf8, TermMode mode) {
  std::vector<int> byte_at;
  NormText norm = Normalize(DecodeUtf8Lenient(utf8, &byte_at));
  std::vector<Token> tokens = Tokenize(norm);
  // Segmentation changes a word's terms, never where the words are.
  if (mode != TermMode::kQueryPrefix && mode != TermMode::kPositions) Segmenter(lex).Segment(&tokens, norm);
  return TermsOf(lex, norm, tokens, byte_at, mode);
}

std::vector<SearchTerm> SearchTerms(const Lexicon& lex, std::string_view utf8, const ReadText& read) {
  if (read.bytes != utf8.size()) return SearchTerms(lex, utf8, TermMode::kDocument);
  // The engine read valid UTF-8 (it refuses anything else): a code point starts at every
  // byte that is not a continuation byte.
  std::vector<int> byte_at;
  byte_at.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size(); ++i)
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) byte_at.push_back(static_cast<int>(i));
  byte_at.push_back(static_cast<int>(utf8.size()));
  return TermsOf(lex, read.norm, read.tokens, byte_at, TermMode::kDocument);
}

namespace {
thread_local const std::vector<PretokenizedText>* t_pretokenized = nullptr;
}  // namespace

ScopedSearchTerms::ScopedSearchTerms(const std::vector<PretokenizedText>* texts) : previous_(t_pretokenized) {
  t_pretokenized = texts;
}
ScopedSearchTerms::~ScopedSearchTerms() { t_pretokenized = previous_; }

namespace {

// What the registration owns: FTS5 hands it to every tokenizer instance it creates and
// frees it (Destroy) when the connection closes.
struct TokenizerData {
  std::shared_ptr<const Lexicon> lex;
};

int Create(void* data, const char** args, int nargs, Fts5Tokenizer** out) {
  if (nargs > 0) return SQLITE_ERROR;  // the tokenizer takes no options
  *out = reinterpret_cast<Fts5Tokenizer*>(data);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer*) {}  // instances share the registration's data

int Tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  const Lexicon& lex = *reinterpret_cast<TokenizerData*>(tokenizer)->lex;
  std::string_view s(text ? text : "", static_cast<size_t>(n));
  TermMode mode = TermMode::kDocument;
  int shift = 0;
  if (flags & FTS5_TOKENIZE_AUX) {
    mode = TermMode::kPositions;
  } else if (flags & FTS5_TOKENIZE_QUERY) {
    mode = flags & FTS5_TOKENIZE_PREFIX ? TermMode::kQueryPrefix : TermMode::kQueryExact;
    if (!s.empty() && s[0] == kStemMarker) {
      mode = TermMode::kQueryStem;
      s.remove_prefix(1);
      shift = 1;
    }
  }
  // No C++ exception may unwind through SQLite.
  try {
    const std::vector<SearchTerm>* ready = nullptr;
    if (mode == TermMode::kDocument && t_pretokenized) {
      for (const PretokenizedText& p : *t_pretokenized)
        if (p.text == s) ready = &p.terms;
    }
    // snippet() and highlight() read the same document twice in a row (to choose the
    // passage, then to mark it): the last document read on this thread is kept.
    struct Last {
      const Lexicon* lex = nullptr;
      std::string text;
      std::vector<SearchTerm> terms;
    };
    thread_local Last last;
    std::vector<SearchTerm> computed;
    if (!ready && mode == TermMode::kPositions && last.lex == &lex && last.text == s) ready = &last.terms;
    if (!ready) {
      computed = SearchTerms(lex, s, mode);
      if (mode == TermMode::kPositions) {
        last.lex = &lex;
        last.text.assign(s);
        last.terms = computed;
      }
      ready = &computed;
    }
    for (const SearchTerm& t : *ready) {
      int rc = token(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.text.data(),
                     static_cast<int>(t.text.size()), t.start + shift, t.end + shift);
      if (rc != SQLITE_OK) return rc;  // e.g. snippet() has seen enough
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

void Destroy(void* data) { delete static_cast<TokenizerData*>(data); }

}  // namespace

Status RegisterSearchTokenizer(sqlite3* db, std::shared_ptr<const Lexicon> lex) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  std::string why = sqlite3_errmsg(db);
  sqlite3_finalize(st);
  if (!api) return Status::Unsupported("no FTS5 (full-text search) in this SQLite library: " + why);
  fts5_tokenizer t = {Create, Delete, Tokenize};
  auto* data = new TokenizerData{std::move(lex)};
  if (int rc = api->xCreateTokenizer(api, kSearchTokenizerName, data, &t, Destroy);
      rc != SQLITE_OK) {
    delete data;  // FTS5 frees it only once registered
    return Status::Internal(std::string("registering the search tokenizer: ") + sqlite3_errstr(rc));
  }
  return Status::Ok();
}

}  // namespace hadath
