// The compiled lexicon: known words (for clitic segmentation), and the phrase index
// over places, nationalities, persons, organisations, institutions, roles, titles,
// months and event triggers. Immutable after Load(); shared across threads.
#ifndef HADATH_SRC_LEXICON_LEXICON_H_
#define HADATH_SRC_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "include/hadath/status.h"
#include "src/lexicon/bundle.h"
#include "src/lexicon/flat.h"

namespace hadath {

enum class LexKind : uint8_t {
  kCountry, kCapital, kNationality, kPeople, kPerson, kPersonShort, kOrg, kInstitution,
  kRole, kTitle, kMonth, kWeekday, kTrigger, kCity, kGivenName, kNameParticle, kRegion
};

// Short forms of organisations that are also ordinary words or places («الجزيرة» of
// «قناة الجزيرة», «برشلونة» of «نادي برشلونة», «الأهلي» of «الأهلي المصري»): the kind of
// word around them that makes them the organisation.
enum OrgAlias : uint8_t { kOrgFull = 0, kOrgAliasMedia = 1, kOrgAliasSports = 2, kOrgAliasBusiness = 3 };

struct LexEntry {
  LexKind kind;
  int index;        // into the table of that kind
  int ntokens = 1;  // phrase length in tokens
  uint8_t form = 0; // nationality: 0 masc sg, 1 fem sg, 2 plural/dual (people);
                    // person short form: 1 = also an ordinary word, needs a cue alone;
                    // organisation: a short form that needs a cue (OrgAlias)
};

struct Country {
  std::string iso3, iso2, name_en, capital_en;
  int capital_city = -1;  // index into Lexicon::cities, when libgeonames has it
};

// A city of libgeonames with an Arabic name.
struct City {
  long geonameid = 0;
  std::string name_en, iso3;
  double lat = 0, lon = 0;
  long population = 0;
  std::vector<int> homonyms;  // other cities with the same Arabic name (most populous first)
};

struct PersonTerm {
  std::string country, sector, role, start, end, code;
};

struct Person {
  std::string id, name_en;
  std::vector<PersonTerm> terms;
  // The term valid on `date` (YYYY-MM-DD; empty = latest term); when none contains the
  // date, the latest one that started before it (the actor keeps its code).
  const PersonTerm& TermOn(const std::string& date) const;
  // The term whose [start, end] contains `date`, or nullptr.
  const PersonTerm* TermActive(const std::string& date) const;
  // Held `role` for `country` on `date` (a person may hold several roles at once).
  bool HoldsOn(const std::string& role, const std::string& country, const std::string& date) const;
};

struct Org {
  std::string id, name_en, type, country, sector, code;
};

struct Institution {
  std::string sector, type, en;
};

struct Role {
  std::string role, sector, en, country;
};

struct Month {
  int month;
  std::string set;  // levantine egyptian maghrebi hijri
};

struct CameoInfo {
  std::string code, name;
  double goldstein = 0;
  int quad = 1;
  std::string plover, plover_mode;
};

// Target markers of a trigger frame.
enum TargetMarker : uint32_t {
  kTgtObj = 1, kTgtMaa = 2, kTgtIla = 4, kTgtLi = 8, kTgtBi = 16, kTgtAla = 32,
  kTgtDidd = 64, kTgtAn = 128, kTgtFi = 256, kTgtMin = 512, kTgtBayna = 1024,
  kTgtAmam = 2048,  // «ألقى كلمة أمام الجمعية العامة»
  kTgtLada = 4096   // «خفّضت تمثيلها لدى إسبانيا», «سفيرها لدى موسكو»
};

// The `target` column of triggers.tsv («obj|إلى|ل») as TargetMarker bits.
uint32_t ParseTargets(const std::string& s);

struct Trigger {
  std::string lemma, pos, tense, cameo;
  uint32_t targets = 0;
  bool symmetric = false;
};

class Lexicon {
 public:
  // Reads and compiles a bundle file.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& path);
  static Result<std::shared_ptr<const Lexicon>> FromBundle(const Bundle& bundle);
  // Serialized tables and indexes (bundle section "compiled", written by hadath-lexc);
  // FromBundle uses it when present instead of compiling the TSV sources again.
  std::string Snapshot() const;

  // In the known-word list (segmentation form: ة and ى kept, see SegForm).
  bool IsKnownWord(std::u32string_view w) const;
  // A match-form word known as a lexicon word or, with ه/ي read as ة/ى, a listed word.
  bool IsKnownMatchForm(const std::u32string& w) const;
  // A segmentation form that is an ordinary word, also with a common suffix.
  bool LooksLikeWord(const std::u32string& seg) const;
  // LooksLikeWord for any hamza on its alefs, a restored final ة/ى, or after a clitic.
  // With `common_only`, IsCommonWord instead of LooksLikeWord.
  bool WordLikeAnyHamza(const std::u32string& seg, bool common_only = false) const;
  // An ordinary word by hunspell-ar's own classes (nouns and adjectives that take the
  // article, verbs), also with a common suffix; names the dictionaries list are not.
  bool IsCommonWord(const std::u32string& seg) const;
  // A conjunction before a particle («وسوف», and will): no name, whoever's short form.
  bool CommonWordLike(const std::u32string& seg) const;
  bool IsProtected(std::u32string_view w) const;
  // A word of one of our own lexicon phrases (names, roles, triggers, months …).
  bool IsLexiconWord(std::u32string_view w) const;
  // A word of a person's name in the lexicon (not a common word that merely is protected).
  bool IsPersonNameWord(const std::u32string& w) const;

  // The entries of one phrase (a view into the lexicon).
  struct EntryList {
    const LexEntry* b = nullptr;
    const LexEntry* e = nullptr;
    const LexEntry* begin() const { return b; }
    const LexEntry* end() const { return e; }
    bool empty() const { return b == e; }
    explicit operator bool() const { return b != e; }
  };
  // Entries whose phrase (match-form tokens joined by one space) equals `phrase`.
  EntryList Lookup(const std::u32string& phrase) const;
  int max_phrase_tokens() const { return max_phrase_tokens_; }

  // Hashed phrase index (the fast path of the matcher). A phrase's hash is
  // Combine(...Combine(WordHash(w1), WordHash(w2))..., WordHash(wn)).
  static uint64_t WordHash(std::u32string_view w);
  static uint64_t Combine(uint64_t h, uint64_t w) {
    return (h ^ (w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdull;
  }
  // Calls f(key, entries) for every phrase with this hash (verify the key).
  template <typename F>
  void ForCandidates(uint64_t h, F f) const {
    const uint32_t* first = phrase_index_.Find(h);
    if (!first) return;
    for (uint32_t r = *first; r < recs_.size() && recs_[r].hash == h; ++r) {
      const PhraseRec& p = recs_[r];
      f(std::u32string_view(keybuf_).substr(p.key_off, p.key_len),
        EntryList{entries_.data() + p.ent_off, entries_.data() + p.ent_off + p.ent_n});
    }
  }
  // Longest phrase (in words) that starts with the word of this hash; 0 if none.
  int FirstMax(uint64_t word_hash) const;
  // Whether a month name («أيلول», «كانون الثاني», «ذو الحجة») starts with this word.
  bool StartsMonth(uint64_t word_hash) const;

  const std::string& bundle_id() const { return bundle_id_; }

  std::vector<Country> countries;
  std::unordered_map<std::string, int> country_by_iso3;
  std::vector<Person> persons;
  std::vector<Org> orgs;
  std::vector<Institution> institutions;
  std::vector<Role> roles;
  std::vector<std::string> titles;
  std::vector<Month> months;
  std::vector<Trigger> triggers;
  std::vector<City> cities;
  std::unordered_set<std::u32string> place_stopwords;  // match forms
  // Regions, disputed areas, features and sites (data/regions.tsv).
  struct Region {
    std::string id, name_en, type, iso3;
    bool has_coords = false;
    double lat = 0, lon = 0;
  };
  std::vector<Region> regions;
  // Given names (data/given_names.tsv); `weak` ones are also ordinary words or ambiguous
  // and start a person name only with another cue.
  struct GivenName {
    bool weak = false;
  };
  std::vector<GivenName> given_names;
  std::unordered_map<std::string, CameoInfo> cameo;
  // role key -> persons holding it (for «الرئيس الروسي» → the president of RUS on a date)
  std::unordered_map<std::string, std::vector<int>> persons_by_role;

  const CameoInfo* Cameo(const std::string& code) const;
  const Country* CountryByIso3(const std::string& iso3) const;

 private:
  void Add(const std::string& phrase_utf8, LexEntry e);
  Status LoadTables(const Bundle& b);
  Status LoadSnapshot(std::string_view data);

  std::shared_ptr<const void> bundle_data_;  // keeps the views below alive
  std::string_view words_;             // sorted '\n'-separated UTF-8 segmentation forms
  std::vector<uint32_t> word_offsets_;
  // Built by LoadTables, then flattened by Finalize() (the snapshot holds the flat form).
  struct Phrase {
    std::u32string key;  // words joined by one space
    std::vector<LexEntry> entries;
  };
  void Finalize();
  const std::vector<LexEntry>* BuildLookup(const std::u32string& key) const;
  std::unordered_set<std::u32string> extra_words_;  // tokens of lexicon names
  std::unordered_set<std::u32string> protected_;
  std::unordered_set<std::u32string> person_words_;
  std::unordered_set<std::u32string> common_words_;  // while loading; then kWordCommon
  std::unordered_map<uint64_t, std::vector<Phrase>> phrases_;
  std::unordered_map<uint64_t, int> first_max_;
  std::unordered_set<uint64_t> month_starts_;  // WordHash of the first word of every month name
  // Flat runtime index.
  struct PhraseRec {
    uint64_t hash;
    uint32_t key_off, key_len, ent_off, ent_n;
  };
  std::vector<PhraseRec> recs_;  // sorted by hash
  std::u32string keybuf_;
  std::vector<LexEntry> entries_;
  FlatMap64<uint32_t> phrase_index_;  // hash → first rec with it
  FlatMap64<int32_t> first_max_flat_;
  bool known_hashed_ = false;          // word_flags_ has kWordKnown (built or loaded)
  FlatMap64<uint8_t> word_flags_;     // WordHash → kWordLexicon | kWordProtected | kWordPerson | kWordCommon
  static constexpr uint8_t kWordLexicon = 1, kWordProtected = 2, kWordPerson = 4, kWordCommon = 8,
                            kWordKnown = 16;
  int max_phrase_tokens_ = 1;
  std::string bundle_id_;
};

// Spelling variants of a transliterated full name by the rules of data/actors.md: g as
// غ or ج, ch as تش or ش, the last two short parts joined. The name itself comes first.
std::vector<std::string> TransliterationVariants(const std::string& name);

// Splits a match-form phrase into tokens the way the tokenizer does, joined by ' '.
std::u32string PhraseKey(std::string_view utf8);

}  // namespace hadath

#endif  // HADATH_SRC_LEXICON_LEXICON_H_
