// The compiled snapshot of a Lexicon: every table and index that LoadTables derives
// from the TSV sources, written by hadath-lexc into the bundle section "compiled" so
// that loading needs no TSV parsing, normalization or tokenization (start-up time).
// Format: a sequence of little-endian fields, strings as u32 length + bytes (UTF-8) or
// u32 length + code points (UTF-32); versioned by kSnapshotVersion.
#include <cstring>

#include "src/lexicon/lexicon.h"

namespace hadath {
namespace {

constexpr uint32_t kSnapshotVersion = 1;

class Writer {
 public:
  template <typename T>
  void Pod(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void Str(const std::string& s) {
    Pod<uint32_t>(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void U32(const std::u32string& s) {
    Pod<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(reinterpret_cast<const char*>(s.data()), s.size() * 4);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  template <typename T>
  T Pod() {
    T v{};
    if (pos_ + sizeof v > in_.size()) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string Str() {
    uint32_t n = Pod<uint32_t>();
    if (!ok_ || pos_ + n > in_.size()) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::u32string U32() {
    uint32_t n = Pod<uint32_t>();
    if (!ok_ || pos_ + static_cast<size_t>(n) * 4 > in_.size()) {
      ok_ = false;
      return {};
    }
    std::u32string s(n, U'\0');
    std::memcpy(s.data(), in_.data() + pos_, static_cast<size_t>(n) * 4);
    pos_ += static_cast<size_t>(n) * 4;
    return s;
  }
  uint32_t Count(uint32_t max = 10000000) {
    uint32_t n = Pod<uint32_t>();
    if (n > max) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void WriteSet(Writer& w, const std::unordered_set<std::u32string>& s) {
  w.Pod<uint32_t>(static_cast<uint32_t>(s.size()));
  for (const auto& x : s) w.U32(x);
}

void ReadSet(Reader& r, std::unordered_set<std::u32string>* s) {
  uint32_t n = r.Count();
  s->reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) s->insert(r.U32());
}

}  // namespace

std::string Lexicon::Snapshot() const {
  Writer w;
  w.Pod<uint32_t>(kSnapshotVersion);
  w.Pod<uint32_t>(static_cast<uint32_t>(countries.size()));
  for (const Country& c : countries) {
    w.Str(c.iso3), w.Str(c.iso2), w.Str(c.name_en), w.Str(c.capital_en);
    w.Pod<int32_t>(c.capital_city);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(persons.size()));
  for (const Person& p : persons) {
    w.Str(p.id), w.Str(p.name_en);
    w.Pod<uint32_t>(static_cast<uint32_t>(p.terms.size()));
    for (const PersonTerm& t : p.terms) w.Str(t.country), w.Str(t.sector), w.Str(t.role), w.Str(t.start), w.Str(t.end), w.Str(t.code);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(orgs.size()));
  for (const Org& o : orgs) w.Str(o.id), w.Str(o.name_en), w.Str(o.type), w.Str(o.country), w.Str(o.sector), w.Str(o.code);
  w.Pod<uint32_t>(static_cast<uint32_t>(institutions.size()));
  for (const Institution& x : institutions) w.Str(x.sector), w.Str(x.type), w.Str(x.en);
  w.Pod<uint32_t>(static_cast<uint32_t>(roles.size()));
  for (const Role& x : roles) w.Str(x.role), w.Str(x.sector), w.Str(x.en), w.Str(x.country);
  w.Pod<uint32_t>(static_cast<uint32_t>(titles.size()));
  for (const std::string& x : titles) w.Str(x);
  w.Pod<uint32_t>(static_cast<uint32_t>(months.size()));
  for (const Month& m : months) w.Pod<int32_t>(m.month), w.Str(m.set);
  w.Pod<uint32_t>(static_cast<uint32_t>(cameo.size()));
  for (const auto& [code, c] : cameo) {
    w.Str(c.code), w.Str(c.name), w.Pod<double>(c.goldstein), w.Pod<int32_t>(c.quad);
    w.Str(c.plover), w.Str(c.plover_mode);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(triggers.size()));
  for (const Trigger& t : triggers) {
    w.Str(t.lemma), w.Str(t.pos), w.Str(t.tense), w.Str(t.cameo);
    w.Pod<uint32_t>(t.targets), w.Pod<uint8_t>(t.symmetric);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(cities.size()));
  for (const City& c : cities) {
    w.Pod<int64_t>(c.geonameid), w.Str(c.name_en), w.Str(c.iso3), w.Pod<double>(c.lat), w.Pod<double>(c.lon);
    w.Pod<int64_t>(c.population);
    w.Pod<uint32_t>(static_cast<uint32_t>(c.homonyms.size()));
    for (int h : c.homonyms) w.Pod<int32_t>(h);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(regions.size()));
  for (const Region& g : regions) {
    w.Str(g.id), w.Str(g.name_en), w.Str(g.type), w.Str(g.iso3), w.Pod<uint8_t>(g.has_coords);
    w.Pod<double>(g.lat), w.Pod<double>(g.lon);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(given_names.size()));
  for (const GivenName& g : given_names) w.Pod<uint8_t>(g.weak);
  WriteSet(w, extra_words_);
  WriteSet(w, protected_);
  WriteSet(w, person_words_);
  w.Pod<uint32_t>(static_cast<uint32_t>(phrases_.size()));
  for (const auto& [h, bucket] : phrases_) {
    w.Pod<uint64_t>(h);
    w.Pod<uint32_t>(static_cast<uint32_t>(bucket.size()));
    for (const Phrase& p : bucket) {
      w.U32(p.key);
      w.Pod<uint32_t>(static_cast<uint32_t>(p.entries.size()));
      for (const LexEntry& e : p.entries)
        w.Pod<uint8_t>(static_cast<uint8_t>(e.kind)), w.Pod<int32_t>(e.index), w.Pod<int32_t>(e.ntokens), w.Pod<uint8_t>(e.form);
    }
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(first_max_.size()));
  for (const auto& [h, n] : first_max_) w.Pod<uint64_t>(h), w.Pod<int32_t>(n);
  w.Pod<int32_t>(max_phrase_tokens_);
  return w.take();
}

Status Lexicon::LoadSnapshot(std::string_view data) {
  Reader r(data);
  if (r.Pod<uint32_t>() != kSnapshotVersion)
    return Status::Corrupt("bundle section 'compiled': snapshot version differs (rebuild the bundle)");
  countries.resize(r.Count());
  for (size_t i = 0; i < countries.size() && r.ok(); ++i) {
    Country& c = countries[i];
    c.iso3 = r.Str(), c.iso2 = r.Str(), c.name_en = r.Str(), c.capital_en = r.Str();
    c.capital_city = r.Pod<int32_t>();
    country_by_iso3[c.iso3] = static_cast<int>(i);
  }
  persons.resize(r.Count());
  for (size_t i = 0; i < persons.size() && r.ok(); ++i) {
    Person& p = persons[i];
    p.id = r.Str(), p.name_en = r.Str();
    p.terms.resize(r.Count(1000));
    for (PersonTerm& t : p.terms) {
      t.country = r.Str(), t.sector = r.Str(), t.role = r.Str(), t.start = r.Str(), t.end = r.Str(), t.code = r.Str();
      auto& byrole = persons_by_role[t.role];
      if (byrole.empty() || byrole.back() != static_cast<int>(i)) byrole.push_back(static_cast<int>(i));
    }
  }
  orgs.resize(r.Count());
  for (Org& o : orgs) o.id = r.Str(), o.name_en = r.Str(), o.type = r.Str(), o.country = r.Str(), o.sector = r.Str(), o.code = r.Str();
  institutions.resize(r.Count());
  for (Institution& x : institutions) x.sector = r.Str(), x.type = r.Str(), x.en = r.Str();
  roles.resize(r.Count());
  for (Role& x : roles) x.role = r.Str(), x.sector = r.Str(), x.en = r.Str(), x.country = r.Str();
  titles.resize(r.Count());
  for (std::string& x : titles) x = r.Str();
  months.resize(r.Count());
  for (Month& m : months) m.month = r.Pod<int32_t>(), m.set = r.Str();
  uint32_t nc = r.Count();
  for (uint32_t i = 0; i < nc && r.ok(); ++i) {
    CameoInfo c;
    c.code = r.Str(), c.name = r.Str(), c.goldstein = r.Pod<double>(), c.quad = r.Pod<int32_t>();
    c.plover = r.Str(), c.plover_mode = r.Str();
    cameo[c.code] = c;
  }
  triggers.resize(r.Count());
  for (Trigger& t : triggers) {
    t.lemma = r.Str(), t.pos = r.Str(), t.tense = r.Str(), t.cameo = r.Str();
    t.targets = r.Pod<uint32_t>(), t.symmetric = r.Pod<uint8_t>() != 0;
  }
  cities.resize(r.Count());
  for (City& c : cities) {
    c.geonameid = static_cast<long>(r.Pod<int64_t>()), c.name_en = r.Str(), c.iso3 = r.Str();
    c.lat = r.Pod<double>(), c.lon = r.Pod<double>(), c.population = static_cast<long>(r.Pod<int64_t>());
    c.homonyms.resize(r.Count(100000));
    for (int& h : c.homonyms) h = r.Pod<int32_t>();
  }
  regions.resize(r.Count());
  for (Region& g : regions) {
    g.id = r.Str(), g.name_en = r.Str(), g.type = r.Str(), g.iso3 = r.Str(), g.has_coords = r.Pod<uint8_t>() != 0;
    g.lat = r.Pod<double>(), g.lon = r.Pod<double>();
  }
  given_names.resize(r.Count());
  for (GivenName& g : given_names) g.weak = r.Pod<uint8_t>() != 0;
  ReadSet(r, &extra_words_);
  ReadSet(r, &protected_);
  ReadSet(r, &person_words_);
  uint32_t np = r.Count();
  phrases_.reserve(np);
  for (uint32_t i = 0; i < np && r.ok(); ++i) {
    uint64_t h = r.Pod<uint64_t>();
    auto& bucket = phrases_[h];
    bucket.resize(r.Count(1000));
    for (Phrase& p : bucket) {
      p.key = r.U32();
      p.entries.resize(r.Count(100000));
      for (LexEntry& e : p.entries) {
        e.kind = static_cast<LexKind>(r.Pod<uint8_t>());
        e.index = r.Pod<int32_t>();
        e.ntokens = r.Pod<int32_t>();
        e.form = r.Pod<uint8_t>();
      }
    }
  }
  uint32_t nf = r.Count();
  first_max_.reserve(nf);
  for (uint32_t i = 0; i < nf && r.ok(); ++i) {
    uint64_t h = r.Pod<uint64_t>();
    first_max_[h] = r.Pod<int32_t>();
  }
  max_phrase_tokens_ = r.Pod<int32_t>();
  if (!r.ok()) return Status::Corrupt("bundle section 'compiled' is truncated or damaged");
  return Status::Ok();
}

}  // namespace hadath
