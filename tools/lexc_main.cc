// hadath-lexc: compiles the lexicon sources into one versioned bundle.
//   hadath-lexc --data DIR --isocodes FILE --words FILE --out FILE
// Sections: tsv/<name> for each data/*.tsv source; tsv/places_generated.tsv from
// iso-codes (FILE, made by scripts/gen_places_isocodes.py) plus ICU/CLDR Arabic
// display names of every country in countries.tsv; tsv/cities.tsv from libgeonames
// (tools/gen_cities.cc); tsv/common_words.tsv the hunspell stems of ordinary-word
// classes (--common, scripts/gen_wordlist.py); words/words.idx the sorted
// match-form known-word list (scripts/gen_wordlist.sh); meta.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "src/lexicon/bundle.h"
#include "src/lexicon/lexicon.h"
#include "src/lexicon/tsv.h"
#include "src/normalize/normalizer.h"
#include "src/util/utf8.h"

namespace {

const char* kSources[] = {"countries.tsv", "nationalities.tsv", "actors.tsv", "organisations.tsv",
                          "institutions.tsv", "roles.tsv", "titles.tsv", "months.tsv",
                          "cameo.tsv", "triggers.tsv", "nosplit.tsv", "given_names.tsv", "regions.tsv", "place_stopwords.tsv", "people.tsv",
                          "place_names.tsv"};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

std::string IcuArabicNames(const std::string& countries_tsv) {
  auto t = hadath::ParseTsv(countries_tsv, "countries.tsv", {"iso3", "iso2"});
  std::string out = "iso3\tar\tsource\n";
  if (!t.ok()) return out;
  const auto& tab = t.value();
  icu::Locale ar("ar");
  for (size_t r = 0; r < tab.rows.size(); ++r) {
    std::string iso2 = tab.At(r, tab.Col("iso2"));
    icu::UnicodeString name;
    icu::Locale("", iso2.c_str()).getDisplayCountry(ar, name);
    std::string utf8;
    name.toUTF8String(utf8);
    if (utf8.empty() || utf8 == iso2) continue;
    out += tab.At(r, tab.Col("iso3")) + "\t" + utf8 + "\tICU/CLDR " + iso2 + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, isocodes, words, common, cities, out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--data") data = argv[i + 1];
    else if (k == "--isocodes") isocodes = argv[i + 1];
    else if (k == "--words") words = argv[i + 1];
    else if (k == "--common") common = argv[i + 1];
    else if (k == "--cities") cities = argv[i + 1];
    else if (k == "--out") out = argv[i + 1];
  }
  if (data.empty() || out.empty()) {
    std::cerr << "usage: hadath-lexc --data DIR [--isocodes FILE] [--words FILE] --out FILE\n";
    return 2;
  }
  std::map<std::string, std::string> sections;
  for (const char* name : kSources) {
    std::string text;
    if (!ReadFile(data + "/" + name, &text)) {
      std::string n(name);
      if (n == "given_names.tsv" || n == "regions.tsv" || n == "place_stopwords.tsv" || n == "people.tsv" ||
          n == "place_names.tsv")
        continue;  // optional sources
      std::cerr << "hadath-lexc: " << data << "/" << name << ": cannot read\n";
      return 1;
    }
    hadath::Status v = hadath::ValidateUtf8(text);
    if (!v.ok()) {
      std::cerr << "hadath-lexc: " << name << ": " << v.message() << "\n";
      return 1;
    }
    sections[std::string("tsv/") + name] = text;
  }
  std::string generated = IcuArabicNames(sections["tsv/countries.tsv"]);
  std::string iso;
  if (!isocodes.empty() && ReadFile(isocodes, &iso)) {
    size_t nl = iso.find('\n');
    if (nl != std::string::npos) generated += iso.substr(nl + 1);  // skip its header
  }
  sections["tsv/places_generated.tsv"] = generated;
  std::string city_text = "geonameid\tar\tname_en\tiso2\tlat\tlon\tpopulation\n";
  if (!cities.empty() && !ReadFile(cities, &city_text))
    std::cerr << "hadath-lexc: " << cities << ": cannot read; no cities in the bundle\n";
  sections["tsv/cities.tsv"] = city_text;
  std::string common_text = "word\n";
  if (!common.empty() && !ReadFile(common, &common_text))
    std::cerr << "hadath-lexc: " << common << ": cannot read; no ordinary-word classes in the bundle\n";
  sections["tsv/common_words.tsv"] = common_text;

  std::vector<std::string> list;
  std::string wtext;
  if (!words.empty() && ReadFile(words, &wtext)) {
    size_t a = 0;
    while (a < wtext.size()) {
      size_t b = wtext.find('\n', a);
      if (b == std::string::npos) b = wtext.size();
      std::string w = wtext.substr(a, b - a);
      a = b + 1;
      if (w.empty() || !hadath::ValidateUtf8(w).ok()) continue;
      std::string m = hadath::EncodeUtf8(hadath::SegForm(hadath::ToU32(w)));
      if (m.size() >= 2 && m.find(' ') == std::string::npos) list.push_back(m);
    }
  }
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  std::string blob, idx;
  for (const std::string& w : list) {
    uint32_t off = static_cast<uint32_t>(blob.size());
    idx.append(reinterpret_cast<const char*>(&off), 4);
    blob += w;
    blob += '\n';
  }
  uint32_t end = static_cast<uint32_t>(blob.size());
  idx.append(reinterpret_cast<const char*>(&end), 4);
  sections["words"] = blob;
  sections["words.idx"] = idx;
  sections["meta"] = "hadath lexicon bundle\nwords\t" + std::to_string(list.size()) + "\n";
  // Compile once here so that loading at run time is a read of the snapshot.
  {
    std::map<std::string, std::string_view> views;
    for (const auto& [k, v] : sections) views[k] = v;
    hadath::Bundle b;
    b.sections = views;
    auto lex = hadath::Lexicon::FromBundle(b);
    if (!lex.ok()) {
      std::cerr << "hadath-lexc: " << lex.status().message() << "\n";
      return 1;
    }
    sections["compiled"] = lex.value()->Snapshot();
  }
  // The snapshot holds everything the tables gave; the sources stay in data/ (and in git).
  for (auto it = sections.begin(); it != sections.end();)
    it = it->first.rfind("tsv/", 0) == 0 ? sections.erase(it) : std::next(it);
  hadath::Status s = hadath::WriteBundle(out, sections);
  if (!s.ok()) {
    std::cerr << "hadath-lexc: " << s.message() << "\n";
    return 1;
  }
  std::cerr << "hadath-lexc: wrote " << out << " (" << list.size() << " known words)\n";
  return 0;
}
