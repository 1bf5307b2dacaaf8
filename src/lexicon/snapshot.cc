// The compiled snapshot of a Lexicon: every table and index that LoadTables derives
// from the TSV sources, written by hadath-lexc into the bundle section "compiled" so
// that loading needs no TSV parsing, normalization or tokenization (start-up time).
// Format: a sequence of little-endian fields, strings as u32 length + bytes (UTF-8) or
// u32 length + code points (UTF-32); versioned by kSnapshotVersion.
#include <cstring>

#include "src/lexicon/lexicon.h"

namespace hadath {
namespace {

constexpr uint32_t kSnapshotVersion = 4;  // 3: known words in word_flags_; 4: month_starts_

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
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
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
  void Raw(void* p, size_t n) {
    if (!ok_ || pos_ + n > in_.size()) {
      ok_ = false;
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
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

// Arrays of trivially copyable records: count + raw bytes.
template <typename T>
void WriteArray(Writer& w, const std::vector<T>& v) {
  w.Pod<uint32_t>(static_cast<uint32_t>(v.size()));
  w.Raw(v.data(), v.size() * sizeof(T));
}

template <typename T>
void ReadArray(Reader& r, std::vector<T>* v) {
  uint32_t n = r.Count(100000000);
  v->resize(n);
  r.Raw(v->data(), static_cast<size_t>(n) * sizeof(T));
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
  w.Pod<uint32_t>(static_cast<uint32_t>(month_starts_.size()));
  for (uint64_t h : month_starts_) w.Pod<uint64_t>(h);
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
  WriteArray(w, recs_);
  w.U32(keybuf_);
  WriteArray(w, entries_);
  WriteArray(w, phrase_index_.slots());
  WriteArray(w, first_max_flat_.slots());
  WriteArray(w, word_flags_.slots());
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
  for (uint32_t n = r.Count(); n > 0; --n) month_starts_.insert(r.Pod<uint64_t>());
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
  ReadArray(r, &recs_);
  keybuf_ = r.U32();
  ReadArray(r, &entries_);
  ReadArray(r, &phrase_index_.slots());
  ReadArray(r, &first_max_flat_.slots());
  ReadArray(r, &word_flags_.slots());
  for (const PhraseRec& p : recs_)
    if (static_cast<size_t>(p.key_off) + p.key_len > keybuf_.size() ||
        static_cast<size_t>(p.ent_off) + p.ent_n > entries_.size())
      return Status::Corrupt("bundle section 'compiled': phrase record out of range");
  for (const auto& sl : phrase_index_.slots())
    if (sl.key && sl.value >= recs_.size()) return Status::Corrupt("bundle section 'compiled': index out of range");
  auto pow2 = [](size_t n) { return n == 0 || (n & (n - 1)) == 0; };
  if (!pow2(phrase_index_.slots().size()) || !pow2(first_max_flat_.slots().size()) ||
      !pow2(word_flags_.slots().size()))
    return Status::Corrupt("bundle section 'compiled': hash table size is not a power of two");
  max_phrase_tokens_ = r.Pod<int32_t>();
  if (!r.ok()) return Status::Corrupt("bundle section 'compiled' is truncated or damaged");
  return Status::Ok();
}

}  // namespace hadath
