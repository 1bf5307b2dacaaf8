#include "src/lexicon/lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <cstring>

#include "src/lexicon/tsv.h"
#include "src/normalize/normalizer.h"
#include "src/tokenize/tokenizer.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {

bool OnOrAfter(const std::string& date, const std::string& bound) {
  return bound.empty() || date.compare(0, bound.size(), bound) >= 0;
}
bool OnOrBefore(const std::string& date, const std::string& bound) {
  return bound.empty() || date.compare(0, bound.size(), bound) <= 0;
}


// Regular forms of a masculine nisba adjective (each word of a multiword adjective
// inflects: «كوري شمالي» → «الكورية الشمالية»).
std::vector<std::pair<std::string, uint8_t>> NisbaForms(const std::string& adj) {
  std::vector<std::string> words;
  size_t a = 0;
  while (a < adj.size()) {
    size_t b = adj.find(' ', a);
    if (b == std::string::npos) b = adj.size();
    if (b > a) words.push_back(adj.substr(a, b - a));
    a = b + 1;
  }
  static const std::pair<const char*, uint8_t> kSuffixes[] = {
      {"", 0}, {"ة", 1}, {"ون", 2}, {"ين", 2}, {"ان", 2}, {"تان", 2}, {"تين", 2}, {"ات", 1}};
  std::vector<std::pair<std::string, uint8_t>> out;
  for (const auto& [suf, form] : kSuffixes) {
    for (int def = 0; def < 2; ++def) {
      std::string s;
      for (size_t i = 0; i < words.size(); ++i) {
        if (i) s += ' ';
        if (def) s += "ال";
        s += words[i] + suf;
      }
      out.emplace_back(s, form);
    }
  }
  return out;
}

void ReplaceAll(std::string* s, const std::string& a, const std::string& b) {
  for (size_t p = s->find(a); p != std::string::npos; p = s->find(a, p + b.size())) s->replace(p, a.size(), b);
}


// Hash of a phrase key (words joined by one space), as the index stores it.
uint64_t PhraseHash(std::u32string_view key) {
  uint64_t h = 0;
  size_t a = 0;
  bool first = true;
  while (a <= key.size()) {
    size_t b = key.find(U' ', a);
    if (b == std::u32string_view::npos) b = key.size();
    uint64_t wh = Lexicon::WordHash(key.substr(a, b - a));
    h = first ? wh : Lexicon::Combine(h, wh);
    first = false;
    a = b + 1;
  }
  return h;
}
}  // namespace

uint32_t ParseTargets(const std::string& s) {
  static const std::pair<const char*, uint32_t> kMarkers[] = {
      {"obj", kTgtObj}, {"مع", kTgtMaa}, {"إلى", kTgtIla}, {"الى", kTgtIla}, {"ل", kTgtLi},
      {"ب", kTgtBi},    {"على", kTgtAla}, {"ضد", kTgtDidd}, {"عن", kTgtAn},  {"في", kTgtFi},
      {"من", kTgtMin},  {"بين", kTgtBayna}, {"أمام", kTgtAmam}, {"لدى", kTgtLada}};
  uint32_t m = 0;
  for (const std::string& part : SplitBar(s))
    for (const auto& [name, bit] : kMarkers)
      if (part == name) m |= bit;
  return m;
}

std::vector<std::string> TransliterationVariants(const std::string& name) {
  std::vector<std::string> out{name};
  if (name.find(' ') == std::string::npos) return out;  // full names only
  auto add = [&](const std::string& v) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  // g: غ / ج / ك («سيرغي», «سيرجي»; «بينغ», «بينج»); ch: تش / ش («تشوي», «شوي»).
  for (const char* g : {"غ", "ج", "ك"}) {
    if (name.find(g) == std::string::npos || std::string(g) == "ك") continue;
    for (const char* h : {"غ", "ج"}) {
      if (std::string(g) == h) continue;
      std::string v = name;
      ReplaceAll(&v, g, h);
      add(v);
    }
  }
  if (name.find("تش") != std::string::npos) {
    std::string v = name;
    ReplaceAll(&v, "تش", "ش");
    add(v);
  }
  // Spacing: the last two parts of an East Asian name written as one («جين بينغ» →
  // «جينبينغ») when both are short.
  size_t sp = name.rfind(' ');
  size_t sp2 = sp == std::string::npos || sp == 0 ? std::string::npos : name.rfind(' ', sp - 1);
  std::string before = sp2 == std::string::npos ? name.substr(0, sp) : name.substr(sp2 + 1, sp - sp2 - 1);
  std::string last = name.substr(sp + 1);
  if (ToU32(before).size() <= 4 && ToU32(last).size() <= 4) {
    size_t n = out.size();
    for (size_t k = 0; k < n; ++k) {
      std::string v = out[k];
      size_t q = v.rfind(' ');
      if (q != std::string::npos) add(v.substr(0, q) + v.substr(q + 1));
    }
  }
  return out;
}

const PersonTerm* Person::TermActive(const std::string& date) const {
  if (date.empty()) return nullptr;
  for (const PersonTerm& t : terms)
    if (OnOrAfter(date, t.start) && OnOrBefore(date, t.end)) return &t;
  return nullptr;
}

bool Person::HoldsOn(const std::string& role, const std::string& country, const std::string& date) const {
  if (date.empty()) return false;
  for (const PersonTerm& t : terms)
    if (t.role == role && t.country == country && OnOrAfter(date, t.start) && OnOrBefore(date, t.end))
      return true;
  return false;
}

const PersonTerm& Person::TermOn(const std::string& date) const {
  if (!date.empty()) {
    for (const PersonTerm& t : terms)
      if (OnOrAfter(date, t.start) && OnOrBefore(date, t.end)) return t;
    const PersonTerm* best = nullptr;  // latest term that started before the date
    for (const PersonTerm& t : terms)
      if (OnOrAfter(date, t.start) && (!best || t.start > best->start)) best = &t;
    if (best) return *best;
  }
  const PersonTerm* best = &terms.front();
  for (const PersonTerm& t : terms)
    if (t.end.empty() || t.start > best->start) best = &t;
  return *best;
}

std::u32string PhraseKey(std::string_view utf8) {
  std::u32string u = ToU32(utf8);
  // Fast path (most lexicon phrases): letters and spaces only, so tokens are the
  // space-separated words and the match form is a per-letter fold.
  bool simple = true;
  for (char32_t c : u)
    simple &= c == U' ' || (c >= 0x0621 && c <= 0x064A && c != 0x0640) || (c >= 'a' && c <= 'z');
  if (simple) {
    std::u32string m = MatchForm(u), key;
    key.reserve(m.size());
    for (char32_t c : m) {
      if (c == U' ') {
        if (!key.empty() && key.back() != U' ') key += U' ';
      } else {
        key += c;
      }
    }
    while (!key.empty() && key.back() == U' ') key.pop_back();
    return key;
  }
  NormText t = Normalize(std::move(u));
  std::u32string key;
  for (const Token& tok : Tokenize(t)) {
    if (!key.empty()) key += U' ';
    key += tok.form;
  }
  return key;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& path) {
  Result<Bundle> b = ReadBundle(path);
  if (!b.ok()) return b.status();
  return FromBundle(b.value());
}

Result<std::shared_ptr<const Lexicon>> Lexicon::FromBundle(const Bundle& bundle) {
  auto lex = std::make_shared<Lexicon>();
  lex->bundle_id_ = bundle.id;
  auto w = bundle.sections.find("words");
  auto wi = bundle.sections.find("words.idx");
  if (w != bundle.sections.end() && wi != bundle.sections.end()) {
    lex->bundle_data_ = bundle.data;
    lex->words_ = w->second;
    lex->word_offsets_.resize(wi->second.size() / 4);
    std::memcpy(lex->word_offsets_.data(), wi->second.data(), lex->word_offsets_.size() * 4);
    for (uint32_t o : lex->word_offsets_)
      if (o > lex->words_.size()) return Status::Corrupt("bundle section words.idx: offset out of range");
  }
  auto compiled = bundle.sections.find("compiled");
  Status s;
  if (compiled != bundle.sections.end()) {
    s = lex->LoadSnapshot(compiled->second);
    lex->known_hashed_ = s.ok();
  } else {
    s = lex->LoadTables(bundle);
    if (s.ok()) lex->Finalize();
  }
  if (!s.ok()) return s;
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

void Lexicon::Add(const std::string& phrase_utf8, LexEntry e) {
  std::u32string key = PhraseKey(phrase_utf8);
  if (key.empty()) return;
  int n = 1 + static_cast<int>(std::count(key.begin(), key.end(), U' '));
  e.ntokens = n;
  max_phrase_tokens_ = std::max(max_phrase_tokens_, n);
  uint64_t h = PhraseHash(key);
  uint64_t first = WordHash(std::u32string_view(key).substr(0, key.find(U' ')));
  int& fm = first_max_[first];
  fm = std::max(fm, n);
  if (e.kind == LexKind::kMonth) month_starts_.insert(first);
  auto& bucket = phrases_[h];
  Phrase* ph = nullptr;
  for (Phrase& p : bucket)
    if (p.key == key) ph = &p;
  if (!ph) {
    bucket.push_back({key, {}});
    ph = &bucket.back();
  }
  auto& v = ph->entries;
  for (const LexEntry& x : v)
    if (x.kind == e.kind && x.index == e.index && x.form == e.form) return;
  v.push_back(e);
  if (e.kind == LexKind::kOrg && e.form != kOrgFull) return;  // no word of its own
  bool name_like = e.kind == LexKind::kCountry || e.kind == LexKind::kCapital || e.kind == LexKind::kCity ||
                   e.kind == LexKind::kRegion ||
                   e.kind == LexKind::kPerson || e.kind == LexKind::kPersonShort ||
                   e.kind == LexKind::kOrg || e.kind == LexKind::kPeople ||
                   e.kind == LexKind::kNationality;
  // Words of names, roles, institutions, titles and months, and single-word triggers, are
  // known words (trigger phrases hold inflected forms with suffixes: «سحب سفيره»).
  if (name_like || e.kind == LexKind::kRole || e.kind == LexKind::kInstitution ||
      e.kind == LexKind::kTitle || e.kind == LexKind::kMonth ||
      (e.kind == LexKind::kTrigger && n == 1)) {
    size_t a = 0;
    while (a < key.size()) {
      size_t b = key.find(U' ', a);
      if (b == std::u32string::npos) b = key.size();
      std::u32string word = key.substr(a, b - a);
      // Later words of a phrase that start with a proclitic letter («وجزر» in «سانت
      // فنسنت وجزر غرينادين», «للأمم») are not words of their own.
      // (a conjunction, «لل», or ب/ل/ك before the article; «بينغ» of «شي جين بينغ» is a name).
      bool clitic_like =
          a > 0 && word.size() >= 3 &&
          (word[0] == U'\u0648' || word[0] == U'\u0641' ||
           (word[0] == U'\u0644' && word[1] == U'\u0644') ||
           ((word[0] == U'\u0628' || word[0] == U'\u0644' || word[0] == U'\u0643') &&
            word[1] == U'\u0627' && word[2] == U'\u0644'));
      if (word.size() >= 2 && (e.kind == LexKind::kPerson || e.kind == LexKind::kPersonShort))
        person_words_.insert(word);
      if (word.size() >= 2 && !clitic_like) {
        extra_words_.insert(word);
        // Short words that begin with a clitic letter («بان» of «بان كي مون») are not
        // protected: «بأن» folds to the same letters; the full name still matches.
        bool short_clitic = word.size() <= 3 && (word[0] == U'\u0648' || word[0] == U'\u0641' ||
                                                 word[0] == U'\u0628' || word[0] == U'\u0644' ||
                                                 word[0] == U'\u0643' || word[0] == U'\u0633');
        // Multi-word organisation names are made of ordinary words («حكومة الوفاق»):
        // only their one-word names («حماس») are protected.
        bool org_word =
            (e.kind == LexKind::kOrg || e.kind == LexKind::kPeople || e.kind == LexKind::kCity ||
             e.kind == LexKind::kRegion) && n > 1;
        if (name_like && e.kind != LexKind::kNationality && !short_clitic && !org_word)
          protected_.insert(word);
      }
      a = b + 1;
    }
  }
}

Status Lexicon::LoadTables(const Bundle& b) {
  auto table = [&](const std::string& name, const std::vector<std::string>& req,
                   bool optional = false) -> Result<TsvTable> {
    auto it = b.sections.find("tsv/" + name);
    if (it == b.sections.end()) {
      if (optional) return TsvTable{};
      return Status::Corrupt("bundle has no section tsv/" + name);
    }
    return ParseTsv(it->second, name, req);
  };
#define HADATH_TABLE(var, ...)                 \
  Result<TsvTable> var##_r = table(__VA_ARGS__); \
  if (!var##_r.ok()) return var##_r.status();  \
  const TsvTable& var = var##_r.value();

  // Ordinary words by hunspell-ar's classes (generated at build time): first, as the name
  // tables below ask whether a name is also a word.
  HADATH_TABLE(cw, "common_words.tsv", {"word"}, true);
  for (size_t r = 0; r < cw.rows.size(); ++r) common_words_.insert(SegForm(ToU32(cw.At(r, 0))));
  HADATH_TABLE(ct, "countries.tsv", {"iso3", "iso2", "name_en", "ar", "capital_en", "capital_ar"});
  for (size_t r = 0; r < ct.rows.size(); ++r) {
    Country c{ct.At(r, ct.Col("iso3")), ct.At(r, ct.Col("iso2")), ct.At(r, ct.Col("name_en")),
              ct.At(r, ct.Col("capital_en"))};
    int idx = static_cast<int>(countries.size());
    country_by_iso3[c.iso3] = idx;
    countries.push_back(c);
    for (const auto& n : SplitBar(ct.At(r, ct.Col("ar")))) Add(n, {LexKind::kCountry, idx});
    for (const auto& n : SplitBar(ct.At(r, ct.Col("capital_ar")))) Add(n, {LexKind::kCapital, idx});
  }
  HADATH_TABLE(gp, "places_generated.tsv", {"iso3", "ar"}, true);
  for (size_t r = 0; r < gp.rows.size(); ++r) {
    auto it = country_by_iso3.find(gp.At(r, gp.Col("iso3")));
    if (it == country_by_iso3.end()) continue;
    for (const auto& n : SplitBar(gp.At(r, gp.Col("ar")))) Add(n, {LexKind::kCountry, it->second});
  }
  HADATH_TABLE(nt, "nationalities.tsv", {"iso3", "adj", "people"});
  std::vector<std::pair<std::string, int>> accusatives, accusative_phrases;
  for (size_t r = 0; r < nt.rows.size(); ++r) {
    auto it = country_by_iso3.find(nt.At(r, nt.Col("iso3")));
    if (it == country_by_iso3.end()) continue;
    for (const auto& adj : SplitBar(nt.At(r, nt.Col("adj")))) {
      for (const auto& [form, f] : NisbaForms(adj)) Add(form, {LexKind::kNationality, it->second, 1, f});
      // The indefinite accusative, matched without its tanween («وفداً عمانياً»), once all
      // names are in: «روسيا», «تركيا», «أفريقيا» are names, not «روسيّاً».
      if (adj.find(' ') == std::string::npos) accusatives.emplace_back(adj + "ا", it->second);
    }
    for (const auto& p : SplitBar(nt.At(r, nt.Col("people")))) {
      Add(p, {LexKind::kPeople, it->second});
      Add("ال" + p, {LexKind::kPeople, it->second});
    }
  }
  HADATH_TABLE(at, "actors.tsv", {"id", "name_en", "ar", "short", "country", "sector", "role"});
  std::map<std::string, std::set<int>> surname_candidates;
  std::unordered_map<std::string, int> person_idx;
  for (size_t r = 0; r < at.rows.size(); ++r) {
    const std::string& id = at.At(r, at.Col("id"));
    auto [it, fresh] = person_idx.emplace(id, static_cast<int>(persons.size()));
    if (fresh) persons.push_back(Person{id, at.At(r, at.Col("name_en")), {}});
    Person& p = persons[it->second];
    PersonTerm t{at.At(r, at.Col("country")), at.At(r, at.Col("sector")), at.At(r, at.Col("role")),
                 at.At(r, at.Col("start")),   at.At(r, at.Col("end")),    at.At(r, at.Col("code"))};
    p.terms.push_back(t);
    auto& byrole = persons_by_role[t.role];
    if (std::find(byrole.begin(), byrole.end(), it->second) == byrole.end())
      byrole.push_back(it->second);
    for (const auto& n : SplitBar(at.At(r, at.Col("ar")))) {
      for (const std::string& v : TransliterationVariants(n)) Add(v, {LexKind::kPerson, it->second});
      size_t sp = n.rfind(' ');
      if (sp != std::string::npos) surname_candidates[n.substr(sp + 1)].insert(it->second);
    }
    for (const auto& n : SplitBar(at.At(r, at.Col("short"))))
      Add(n, {LexKind::kPersonShort, it->second});
  }
  // Public figures who hold no office (data/people.tsv): persons of sector CVL whose
  // "role" is their kind (writer, athlete …).
  HADATH_TABLE(pp, "people.tsv", {"id", "name_en", "ar", "short", "country", "kind"}, true);
  for (size_t r = 0; r < pp.rows.size(); ++r) {
    const std::string id = pp.At(r, pp.Col("id"));
    if (person_idx.count(id)) continue;
    int idx = static_cast<int>(persons.size());
    person_idx[id] = idx;
    PersonTerm t{pp.At(r, pp.Col("country")), "CVL", pp.At(r, pp.Col("kind")), "", "", ""};
    persons.push_back(Person{id, pp.At(r, pp.Col("name_en")), {t}});
    // No family names derived here: «إيمانويل كانت» would make «كانت» (was) a name; the
    // file's curated `short` column says which short forms are safe.
    for (const auto& n : SplitBar(pp.At(r, pp.Col("ar"))))
      for (const std::string& v : TransliterationVariants(n)) Add(v, {LexKind::kPerson, idx});
    for (const auto& n : SplitBar(pp.At(r, pp.Col("short"))))
      if (!CommonWordLike(SegForm(ToU32(n)))) Add(n, {LexKind::kPersonShort, idx});
  }
  HADATH_TABLE(ot, "organisations.tsv", {"id", "name_en", "ar", "type", "country", "sector", "code"});
  for (size_t r = 0; r < ot.rows.size(); ++r) {
    int idx = static_cast<int>(orgs.size());
    orgs.push_back({ot.At(r, 0), ot.At(r, ot.Col("name_en")), ot.At(r, ot.Col("type")),
                    ot.At(r, ot.Col("country")), ot.At(r, ot.Col("sector")),
                    ot.At(r, ot.Col("code"))});
    for (const auto& n : SplitBar(ot.At(r, ot.Col("ar")))) Add(n, {LexKind::kOrg, idx});
  }
  HADATH_TABLE(it, "institutions.tsv", {"ar", "sector", "type", "en"});
  for (size_t r = 0; r < it.rows.size(); ++r) {
    int idx = static_cast<int>(institutions.size());
    institutions.push_back({it.At(r, it.Col("sector")), it.At(r, it.Col("type")), it.At(r, it.Col("en"))});
    for (const auto& n : SplitBar(it.At(r, it.Col("ar")))) Add(n, {LexKind::kInstitution, idx});
  }
  HADATH_TABLE(rt, "roles.tsv", {"role", "ar", "sector", "en"});
  for (size_t r = 0; r < rt.rows.size(); ++r) {
    int idx = static_cast<int>(roles.size());
    roles.push_back({rt.At(r, rt.Col("role")), rt.At(r, rt.Col("sector")), rt.At(r, rt.Col("en")),
                     rt.At(r, rt.Col("country"))});
    for (const auto& n : SplitBar(rt.At(r, rt.Col("ar")))) Add(n, {LexKind::kRole, idx});
  }
  HADATH_TABLE(tt, "titles.tsv", {"ar", "kind"});
  for (size_t r = 0; r < tt.rows.size(); ++r) {
    int idx = static_cast<int>(titles.size());
    titles.push_back(tt.At(r, tt.Col("kind")));
    for (const auto& n : SplitBar(tt.At(r, tt.Col("ar")))) Add(n, {LexKind::kTitle, idx});
  }
  HADATH_TABLE(mt, "months.tsv", {"month", "set", "ar"});
  for (size_t r = 0; r < mt.rows.size(); ++r) {
    int idx = static_cast<int>(months.size());
    months.push_back({std::atoi(mt.At(r, mt.Col("month")).c_str()), mt.At(r, mt.Col("set"))});
    for (const auto& n : SplitBar(mt.At(r, mt.Col("ar")))) Add(n, {LexKind::kMonth, idx});
  }
  HADATH_TABLE(cm, "cameo.tsv", {"cameo", "name", "goldstein", "quad", "plover", "plover_mode"});
  for (size_t r = 0; r < cm.rows.size(); ++r) {
    CameoInfo c{cm.At(r, 0), cm.At(r, 1), std::atof(cm.At(r, 2).c_str()),
                std::atoi(cm.At(r, 3).c_str()), cm.At(r, 4), cm.At(r, 5)};
    cameo[c.code] = c;
  }
  HADATH_TABLE(tg, "triggers.tsv", {"form", "lemma", "pos", "tense", "cameo", "target", "symmetric"});
  for (size_t r = 0; r < tg.rows.size(); ++r) {
    const std::string& code = tg.At(r, tg.Col("cameo"));
    if (!cameo.count(code))
      return Status::Corrupt("triggers.tsv:" + std::to_string(tg.lines[r]) + ": unknown CAMEO code '" +
                             code + "'");
    int idx = static_cast<int>(triggers.size());
    triggers.push_back({tg.At(r, tg.Col("lemma")), tg.At(r, tg.Col("pos")), tg.At(r, tg.Col("tense")),
                        code, ParseTargets(tg.At(r, tg.Col("target"))),
                        tg.At(r, tg.Col("symmetric")) == "1"});
    Add(tg.At(r, tg.Col("form")), {LexKind::kTrigger, idx});
    // A verb and its indefinite object in the accusative («وقّعتا إعلاناً»): the object
    // with its tanween's alif, where no row lists that form.
    if (const std::string& t = tg.At(r, tg.Col("tense")); tg.At(r, tg.Col("pos")) == "phrase" &&
                                                         (t == "past" || t == "present")) {
      std::u32string f = ToU32(tg.At(r, tg.Col("form")));
      const size_t sp = f.find(U' ');
      if (sp != std::u32string::npos && f.find(U' ', sp + 1) == std::u32string::npos && f.size() - sp > 3) {
        const std::u32string obj = f.substr(sp + 1);
        const char32_t last = obj.back();
        const bool ends_fem_plural = obj.size() > 2 && obj.compare(obj.size() - 2, 2, U"\u0627\u062A") == 0;
        if (obj.compare(0, 2, U"\u0627\u0644") != 0 && last != U'\u0629' && last != U'\u0627' && last != U'\u0649' &&
            last != U'\u0621' && !ends_fem_plural)
          accusative_phrases.emplace_back(tg.At(r, tg.Col("form")) + "ا", idx);
      }
    }
    // The jussive of a singular present form after «لم» drops a long vowel: the middle one
    // of a hollow verb («يزور» → «لم يزر»), the last one of a defective verb («يلتقي» →
    // «لم يلتق», «يدعو» → «لم يدع»). Derived here, marked "jussive": the events stage
    // takes it only right after «لم»/«لما».
    if (tg.At(r, tg.Col("pos")) == "verb" && tg.At(r, tg.Col("tense")) == "present") {
      std::u32string f = ToU32(tg.At(r, tg.Col("form")));
      std::u32string lemma = ToU32(tg.At(r, tg.Col("lemma")));
      auto prefix = [](char32_t c) { return c == U'\u064A' || c == U'\u062A' || c == U'\u0646' || c == U'\u0623'; };
      auto long_vowel = [](char32_t c) { return c == U'\u0648' || c == U'\u064A' || c == U'\u0627'; };
      std::u32string j;
      if (f.size() == 4 && prefix(f[0]) && long_vowel(f[2]) && lemma.size() == 3) {
        // Hollow verbs of the simple form only (زار, قام, عاد): a derived form's jussive is
        // another verb's as often as not («تبيد» → «تبد», the jussive of «تبدي»).
        j = f.substr(0, 2) + f.substr(3);
      } else if (f.size() >= 4 && prefix(f[0]) && (f.back() == U'\u064A' || f.back() == U'\u0648') && !lemma.empty() &&
                 (lemma.back() == U'\u0649' || lemma.back() == U'\u0627')) {
        j = f.substr(0, f.size() - 1);
      }
      if (!j.empty()) {
        Trigger t = triggers.back();
        t.tense = "jussive";
        triggers.push_back(t);
        Add(EncodeUtf8(j), {LexKind::kTrigger, static_cast<int>(triggers.size()) - 1});
      }
    }
  }
  HADATH_TABLE(ps, "place_stopwords.tsv", {"word"}, true);
  for (size_t r = 0; r < ps.rows.size(); ++r) place_stopwords.insert(PhraseKey(ps.At(r, 0)));
  // Cities (libgeonames). One lexicon entry per Arabic name, pointing at the most
  // populous city of that name; the others are its homonyms (entities pick by the
  // countries of the document, see src/entities). One-word names that are ordinary
  // words («صور», pictures) are left out unless the city has a million people.
  HADATH_TABLE(cy, "cities.tsv", {"geonameid", "ar", "name_en", "iso2", "lat", "lon", "population"}, true);
  {
    std::unordered_map<std::string, std::string> iso2to3;
    for (const Country& c : countries) iso2to3[c.iso2] = c.iso3;
    // Arabic spellings written by us (data/place_names.tsv), joined by English name and
    // country to the most populous libgeonames city of that name.
    HADATH_TABLE(pn, "place_names.tsv", {"name_en", "iso2", "ar"}, true);
    std::unordered_map<std::string, std::vector<std::string>> extra;  // "name_en|iso2" → spellings
    for (size_t r = 0; r < pn.rows.size(); ++r)
      extra[pn.At(r, pn.Col("name_en")) + "|" + pn.At(r, pn.Col("iso2"))] = SplitBar(pn.At(r, pn.Col("ar")));
    std::unordered_map<std::string, size_t> top_row;  // "name_en|iso2" → most populous row
    for (size_t r = 0; r < cy.rows.size(); ++r) {
      std::string k = cy.At(r, 2) + "|" + cy.At(r, 3);
      if (!extra.count(k)) continue;
      auto [it, fresh] = top_row.emplace(k, r);
      if (!fresh && std::atol(cy.At(r, 6).c_str()) > std::atol(cy.At(it->second, 6).c_str())) it->second = r;
    }
    std::unordered_map<std::u32string, int> by_name;
    std::unordered_map<std::string, int> by_en;  // "name_en|iso3" → city
    for (size_t r = 0; r < cy.rows.size(); ++r) {
      std::vector<std::string> names;
      if (!cy.At(r, 1).empty()) names.push_back(cy.At(r, 1));
      std::string ek = cy.At(r, 2) + "|" + cy.At(r, 3);
      if (auto t = top_row.find(ek); t != top_row.end() && t->second == r)
        for (const std::string& n : extra[ek]) names.push_back(n);
      if (names.empty()) continue;  // no Arabic name: not a city the text can name
      // Transliterations of -burg/-bourg vary: «بطرسبرغ», «بطرسبورغ», «بطرسبيرغ», «بطرسبورج».
      for (size_t ni = 0, n0 = names.size(); ni < n0; ++ni) {
        static const char* kBurg[] = {"بورغ", "بيرغ", "برغ", "بورج", "برج"};
        const std::string name = names[ni];
        for (const char* suf : kBurg) {
          std::string sf(suf);
          size_t at = name.size() >= sf.size() + 4 ? name.rfind(sf) : std::string::npos;
          if (at == std::string::npos || at + sf.size() != name.size() || name[at - 1] == ' ') continue;
          for (const char* other : kBurg)
            if (sf != other) names.push_back(name.substr(0, at) + other);
          break;
        }
      }
      City c;
      c.geonameid = std::atol(cy.At(r, 0).c_str());
      c.name_en = cy.At(r, 2);
      auto iso = iso2to3.find(cy.At(r, 3));
      if (iso == iso2to3.end()) continue;
      c.iso3 = iso->second;
      c.lat = std::atof(cy.At(r, 4).c_str());
      c.lon = std::atof(cy.At(r, 5).c_str());
      c.population = std::atol(cy.At(r, 6).c_str());
      int idx = static_cast<int>(cities.size());
      cities.push_back(c);
      by_en[c.name_en + "|" + c.iso3] = idx;
      std::unordered_set<std::u32string> seen;
      for (size_t ni = 0; ni < names.size(); ++ni) {
        const std::string& name = names[ni];
        bool ours = ni > 0 || cy.At(r, 1).empty();  // from data/place_names.tsv
        std::u32string key = PhraseKey(name);
        if (key.empty() || !seen.insert(key).second) continue;
        if (key.find(U' ') == std::u32string::npos) {
          // A one-word name that is also an ordinary word («المدينة», «صور», «حديثه»): kept
          // only for a city of 100,000 people or more, and never when listed in
          // data/place_stopwords.tsv.
          std::u32string seg = SegForm(ToU32(name));
          if (place_stopwords.count(FoldSeg(seg))) continue;
          if (c.population < 100000 && LooksLikeWord(seg)) continue;
          // Of our spellings, below a million people, none that reads as a word once its
          // hamzas or its final letter are restored («بانه» is also «بأنه»), and none of
          // three letters or fewer.
          if (ours && c.population < 1000000 && (seg.size() <= 3 || WordLikeAnyHamza(seg))) continue;
          // «وان» (Van) is also «و + أن»; «آب» (Ibb) is also August: short names that start
          // like a clitic (unless a big city whose rest is no word: «فاس»), and names
          // another lexicon kind already has, are left out.
          if (seg.size() <= 3 && c.population < 1000000 &&
              (seg[0] == U'\u0648' || seg[0] == U'\u0641' || seg[0] == U'\u0628' || seg[0] == U'\u0644' ||
               seg[0] == U'\u0643') &&
              (c.population < 300000 || IsKnownWord(seg.substr(1))))
            continue;
          if (const std::vector<LexEntry>* v = BuildLookup(key); v && !v->empty()) continue;
        }
        auto [it, fresh] = by_name.emplace(key, idx);
        if (fresh || it->second == idx) continue;
        // Homonyms: the most populous city heads the name, the others are listed on it.
        City& head = cities[it->second];
        auto add_homonym = [](City& h, int k) {
          if (std::find(h.homonyms.begin(), h.homonyms.end(), k) == h.homonyms.end()) h.homonyms.push_back(k);
        };
        if (cities[idx].population > head.population) {
          for (int k : head.homonyms)
            if (k != idx) add_homonym(cities[idx], k);
          add_homonym(cities[idx], it->second);
          it->second = idx;
        } else {
          add_homonym(head, idx);
        }
      }
    }
    for (const auto& [key, idx] : by_name) Add(EncodeUtf8(key), {LexKind::kCity, idx});
    for (Country& c : countries) {
      auto it = by_en.find(c.capital_en + "|" + c.iso3);
      if (it != by_en.end()) c.capital_city = it->second;
    }
  }
  HADATH_TABLE(rg, "regions.tsv", {"id", "name_en", "ar", "type", "country", "lat", "lon"}, true);
  for (size_t r = 0; r < rg.rows.size(); ++r) {
    Region g;
    g.id = rg.At(r, rg.Col("id"));
    g.name_en = rg.At(r, rg.Col("name_en"));
    g.type = rg.At(r, rg.Col("type"));
    g.iso3 = rg.At(r, rg.Col("country"));
    const std::string& lat = rg.At(r, rg.Col("lat"));
    const std::string& lon = rg.At(r, rg.Col("lon"));
    if (!lat.empty() && !lon.empty()) {
      g.has_coords = true;
      g.lat = std::atof(lat.c_str());
      g.lon = std::atof(lon.c_str());
    }
    int idx = static_cast<int>(regions.size());
    regions.push_back(g);
    for (const auto& n : SplitBar(rg.At(r, rg.Col("ar")))) Add(n, {LexKind::kRegion, idx});
  }
  HADATH_TABLE(gn, "given_names.tsv", {"name", "kind", "note"}, true);
  for (size_t r = 0; r < gn.rows.size(); ++r) {
    const std::string& kind = gn.At(r, gn.Col("kind"));
    const std::string& note = gn.At(r, gn.Col("note"));
    int idx = static_cast<int>(given_names.size());
    // Weak: marked so, or an ordinary word once alef forms are folded («آلان» = «الآن»).
    std::u32string seg = SegForm(ToU32(gn.At(r, gn.Col("name"))));
    // Matching folds hamzas: «آن» (Anne) reads as «أن», «إلا» (Ella) as «إلا».
    std::u32string folded = FoldSeg(seg);
    for (char32_t& ch : folded)
      if (ch == U'\u0623' || ch == U'\u0625' || ch == U'\u0622') ch = U'\u0627';
    bool word = folded.size() <= 2 || WordLikeAnyHamza(folded, /*common_only=*/true) ||
                (seg.size() > 3 && seg[0] == U'\u0627' && seg[1] == U'\u0644' && IsKnownWord(seg.substr(2)));
    given_names.push_back({word || note.find("common-word") != std::string::npos ||
                           note.find("ambiguous") != std::string::npos});
    Add(gn.At(r, gn.Col("name")), {kind == "particle" ? LexKind::kNameParticle : LexKind::kGivenName, idx});
  }
  std::unordered_set<std::u32string> compound_tails = {PhraseKey("الله"), PhraseKey("الدين"),
                                                       PhraseKey("الرحمن"), PhraseKey("الرحيم")};
  for (size_t r = 0; r < gn.rows.size(); ++r) {
    const std::string& n = gn.At(r, gn.Col("name"));
    size_t sp = n.rfind(' ');
    if (sp != std::string::npos) compound_tails.insert(PhraseKey(n.substr(sp + 1)));
  }
  HADATH_TABLE(ns, "nosplit.tsv", {"word"}, true);
  for (size_t r = 0; r < ns.rows.size(); ++r) protected_.insert(PhraseKey(ns.At(r, 0)));
  for (const auto& [form, idx] : accusative_phrases)
    if (const std::vector<LexEntry>* v = BuildLookup(PhraseKey(form)); !v || v->empty())
      Add(form, {LexKind::kTrigger, idx});
  for (const auto& [form, idx] : accusatives)
    if (const std::vector<LexEntry>* v = BuildLookup(PhraseKey(form)); !v || v->empty())
      Add(form, {LexKind::kNationality, idx, 1, 0});
  // Family names as short forms («أنان», «شيراك»): the last word of a full name when it
  // has four letters or more, is no ordinary word, no given name and no other entry's
  // phrase; shared by several persons, it goes to the one whose last term is the latest.
  for (const auto& [surname, ids] : surname_candidates) {
    std::u32string key = PhraseKey(surname);
    std::u32string seg = SegForm(ToU32(surname));
    if (key.size() < 4 || key.find(U' ') != std::u32string::npos) continue;
    if (const std::vector<LexEntry>* v = BuildLookup(key); v && !v->empty()) continue;
    // One that reads as a word too («رايس», «أنان») is weak: alone, it needs a cue.
    // With the article it is an adjective or a noun («الكبير», «الأول»): left out; so is
    // the second word of a compound name («عبد الله», «نور الدين») and a clitic before a
    // word («وراي» reads «ورأي», and opinion).
    uint8_t weak = IsCommonWord(seg) ? 1 : 0;
    if (weak && StartsWithAl(seg)) continue;
    if (compound_tails.count(key)) continue;
    if (seg.size() >= 4 && (seg[0] == U'\u0648' || seg[0] == U'\u0641' || seg[0] == U'\u0628' ||
                            seg[0] == U'\u0644' || seg[0] == U'\u0643') &&
        WordLikeAnyHamza(seg.substr(1), /*common_only=*/true))
      continue;
    int best = -1;
    std::string best_start;
    for (int id : ids) {
      std::string latest;
      for (const PersonTerm& t : persons[id].terms) latest = std::max(latest, t.start);
      if (best < 0 || latest > best_start) {
        best = id;
        best_start = latest;
      }
    }
    Add(surname, {LexKind::kPersonShort, best, 1, weak});
  }
  // (Last: other tables skip names that are already entries.) Short forms: a spelling without its head noun («قناة الجزيرة» → «الجزيرة») or without
  // a trailing nationality («الأهلي المصري» → «الأهلي»), unless the short form is itself
  // a spelling of an organisation.
  static const std::pair<const char*, OrgAlias> kHeads[] = {
      {"قناة", kOrgAliasMedia},     {"فضائية", kOrgAliasMedia},   {"شبكة", kOrgAliasMedia},
      {"صحيفة", kOrgAliasMedia},    {"جريدة", kOrgAliasMedia},    {"مجلة", kOrgAliasMedia},
      {"وكالة", kOrgAliasMedia},    {"موقع", kOrgAliasMedia},     {"إذاعة", kOrgAliasMedia},
      {"نادي", kOrgAliasSports},    {"النادي", kOrgAliasSports},  {"فريق", kOrgAliasSports},
      {"منتخب", kOrgAliasSports},   {"شركة", kOrgAliasBusiness},  {"مجموعة", kOrgAliasBusiness},
      {"بنك", kOrgAliasBusiness},   {"مصرف", kOrgAliasBusiness}};
  std::unordered_map<std::u32string, OrgAlias> heads;
  for (const auto& [w, a] : kHeads) heads[PhraseKey(w)] = a;
  for (size_t r = 0; r < ot.rows.size(); ++r) {
    int idx = static_cast<int>(r);  // organisations.tsv is the only source of orgs
    for (const auto& n : SplitBar(ot.At(r, ot.Col("ar")))) {
      std::u32string key = PhraseKey(n);
      size_t sp = key.find(U' ');
      if (sp == std::u32string::npos) continue;
      std::u32string rest;
      OrgAlias kind = kOrgAliasSports;
      if (auto h = heads.find(key.substr(0, sp)); h != heads.end()) {
        rest = key.substr(sp + 1);
        kind = h->second;
      } else {
        size_t lp = key.rfind(U' ');
        const std::vector<LexEntry>* last = BuildLookup(key.substr(lp + 1));
        bool nat = false;
        for (const LexEntry& x : last ? *last : std::vector<LexEntry>{}) nat |= x.kind == LexKind::kNationality;
        if (!nat) continue;
        if (orgs[idx].sector != "CVL") continue;  // «الأهلي المصري» → «الأهلي»: clubs only
        rest = key.substr(0, lp);
      }
      bool full = false;
      if (const std::vector<LexEntry>* v = BuildLookup(rest))
        for (const LexEntry& x : *v) full |= x.kind == LexKind::kOrg && x.form == kOrgFull;
      if (!full && rest.size() >= 2) Add(EncodeUtf8(rest), {LexKind::kOrg, idx, 1, static_cast<uint8_t>(kind)});
    }
  }
  static const char* kWeekdays[] = {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
                                    "الخميس", "الجمعة", "السبت"};
  for (int d = 0; d < 7; ++d) {
    Add(kWeekdays[d], {LexKind::kWeekday, d});  // bare «أحد» is a common word: never alone
  }
  Add("الإثنين", {LexKind::kWeekday, 1});
#undef HADATH_TABLE
  return Status::Ok();
}

bool Lexicon::WordLikeAnyHamza(const std::u32string& seg, bool common_only) const {
  auto word = [&](const std::u32string& w) { return common_only ? IsCommonWord(w) : LooksLikeWord(w); };
  std::vector<std::u32string> forms = {seg};
  for (size_t i = 0; i < seg.size(); ++i) {
    if (seg[i] != U'\u0627') continue;
    for (char32_t h : {U'\u0623', U'\u0625', U'\u0622'}) {
      std::u32string v = seg;
      v[i] = h;
      forms.push_back(v);
    }
  }
  size_t n = forms.size();
  for (size_t k = 0; k < n; ++k) {
    std::u32string v = forms[k];
    if (v.back() == U'\u0647') v.back() = U'\u0629', forms.push_back(v);
    else if (v.back() == U'\u064A') v.back() = U'\u0649', forms.push_back(v);
  }
  for (const std::u32string& f : forms) {
    if (word(f)) return true;
    // A preposition or conjunction before a word once a hamza is restored: «بأنه».
    if (&f != &forms[0] && f.size() >= 4 && (f[0] == U'\u0628' || f[0] == U'\u0644' || f[0] == U'\u0643' || f[0] == U'\u0648' ||
                          f[0] == U'\u0641') &&
        word(f.substr(1)))
      return true;
  }
  return false;
}

// `seg` is a word by `known` (also with the article), or such a word with a suffix:
// accusative «دورا», pronoun «حديثه», plural.
template <typename Known>
static bool WordWithSuffixes(const std::u32string& seg, Known known_base) {
  auto known = [&](const std::u32string& w) {
    return known_base(w) || (w.size() > 4 && w[0] == U'\u0627' && w[1] == U'\u0644' && known_base(w.substr(2)));
  };
  if (known(seg)) return true;
  static const std::u32string kSuffixes[] = {U"\u0627", U"\u0647", U"\u0647\u0627", U"\u0627\u062A",
                                             U"\u0648\u0646", U"\u064A\u0646"};
  for (const std::u32string& suf : kSuffixes)
    if (seg.size() >= suf.size() + 3 && seg.compare(seg.size() - suf.size(), suf.size(), suf) == 0 &&
        known(seg.substr(0, seg.size() - suf.size())))
      return true;
  return false;
}

bool Lexicon::LooksLikeWord(const std::u32string& seg) const {
  return WordWithSuffixes(seg, [&](const std::u32string& w) { return IsKnownWord(w); });
}

bool Lexicon::IsCommonWord(const std::u32string& seg) const {
  return WordWithSuffixes(seg, [&](const std::u32string& w) {
    if (!common_words_.empty()) return common_words_.count(w) > 0;
    const uint8_t* f = word_flags_.Find(WordHash(w));
    return f && (*f & kWordCommon);
  });
}

bool Lexicon::CommonWordLike(const std::u32string& seg) const {
  if (seg.size() < 3 || (seg[0] != U'\u0648' && seg[0] != U'\u0641')) return false;
  // «وسوف» (and will), «فكان»: a conjunction before a particle.
  static const std::unordered_set<std::u32string> kParticles = {U"سوف", U"قد", U"لا", U"لم", U"لن",
                                                                U"كان", U"كانت", U"ان", U"هو", U"هي"};
  std::u32string rest = seg.substr(1);
  return kParticles.count(rest) > 0;
}

bool Lexicon::IsKnownMatchForm(const std::u32string& w) const {
  if (IsLexiconWord(w) || IsKnownWord(w)) return true;
  if (w.empty()) return false;
  std::u32string v = w;
  if (v.back() == U'\u0647') v.back() = U'\u0629';
  else if (v.back() == U'\u064A') v.back() = U'\u0649';
  else return false;
  return IsKnownWord(v);
}

bool Lexicon::IsKnownWord(std::u32string_view w) const {
  if (word_offsets_.size() < 2) return false;
  if (known_hashed_) {
    const uint8_t* f = word_flags_.Find(WordHash(w));
    return f && (*f & kWordKnown);
  }
  // While the tables load, before the hash table is built: a binary search of the list.
  std::string key = EncodeUtf8(w);
  size_t lo = 0, hi = word_offsets_.size() - 1;  // last offset is the end sentinel
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    size_t a = word_offsets_[mid], b = word_offsets_[mid + 1] - 1;  // minus '\n'
    int c = words_.substr(a, b - a).compare(key);
    if (c == 0) return true;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return false;
}

bool Lexicon::IsLexiconWord(std::u32string_view w) const {
  const uint8_t* f = word_flags_.Find(WordHash(w));
  return f && (*f & kWordLexicon);
}

bool Lexicon::IsProtected(std::u32string_view w) const {
  const uint8_t* f = word_flags_.Find(WordHash(w));
  return f && (*f & kWordProtected);
}

bool Lexicon::IsPersonNameWord(const std::u32string& w) const {
  const uint8_t* f = word_flags_.Find(WordHash(w));
  return f && (*f & kWordPerson);
}

uint64_t Lexicon::WordHash(std::u32string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (char32_t c : w) {
    h ^= static_cast<uint64_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

bool Lexicon::StartsMonth(uint64_t word_hash) const { return month_starts_.count(word_hash) > 0; }

int Lexicon::FirstMax(uint64_t word_hash) const {
  const int32_t* n = first_max_flat_.Find(word_hash);
  return n ? *n : 0;
}

Lexicon::EntryList Lexicon::Lookup(const std::u32string& phrase) const {
  uint64_t h = PhraseHash(phrase);
  EntryList out;
  ForCandidates(h, [&](std::u32string_view key, EntryList entries) {
    if (key == phrase) out = entries;
  });
  return out;
}

const std::vector<LexEntry>* Lexicon::BuildLookup(const std::u32string& key) const {
  auto it = phrases_.find(PhraseHash(key));
  if (it == phrases_.end()) return nullptr;
  for (const Phrase& p : it->second)
    if (p.key == key) return &p.entries;
  return nullptr;
}

void Lexicon::Finalize() {
  std::vector<std::pair<uint64_t, const Phrase*>> all;
  for (const auto& [h, bucket] : phrases_)
    for (const Phrase& p : bucket) all.emplace_back(h, &p);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->key < b.second->key;
  });
  recs_.clear();
  keybuf_.clear();
  entries_.clear();
  std::vector<std::pair<uint64_t, uint32_t>> heads;
  for (const auto& [h, p] : all) {
    if (recs_.empty() || recs_.back().hash != h) heads.emplace_back(h, static_cast<uint32_t>(recs_.size()));
    recs_.push_back({h, static_cast<uint32_t>(keybuf_.size()), static_cast<uint32_t>(p->key.size()),
                     static_cast<uint32_t>(entries_.size()), static_cast<uint32_t>(p->entries.size())});
    keybuf_ += p->key;
    entries_.insert(entries_.end(), p->entries.begin(), p->entries.end());
  }
  phrase_index_.Build(heads);
  std::vector<std::pair<uint64_t, int32_t>> fm(first_max_.begin(), first_max_.end());
  first_max_flat_.Build(fm);
  std::unordered_map<uint64_t, uint8_t> flags;
  for (const auto& w : extra_words_) flags[WordHash(w)] |= kWordLexicon;
  for (const auto& w : protected_) flags[WordHash(w)] |= kWordProtected;
  for (const auto& w : person_words_) flags[WordHash(w)] |= kWordPerson;
  for (const auto& w : common_words_) flags[WordHash(w)] |= kWordCommon;
  // The known-word list by hash too: segmentation asks about every word several times,
  // and a probe is cheaper than a binary search over 180,000 words.
  for (size_t i = 0; i + 1 < word_offsets_.size(); ++i) {
    std::string_view w(words_.data() + word_offsets_[i], word_offsets_[i + 1] - 1 - word_offsets_[i]);
    auto u = DecodeUtf8(std::string(w));
    if (u.ok()) flags[WordHash(u.value())] |= kWordKnown;
  }
  word_flags_.Build(std::vector<std::pair<uint64_t, uint8_t>>(flags.begin(), flags.end()));
  known_hashed_ = true;
  phrases_.clear();
  first_max_.clear();
  extra_words_.clear();
  protected_.clear();
  person_words_.clear();
  common_words_.clear();
}

const CameoInfo* Lexicon::Cameo(const std::string& code) const {
  auto it = cameo.find(code);
  return it == cameo.end() ? nullptr : &it->second;
}

const Country* Lexicon::CountryByIso3(const std::string& iso3) const {
  auto it = country_by_iso3.find(iso3);
  return it == country_by_iso3.end() ? nullptr : &countries[it->second];
}

}  // namespace hadath
