// hadath-gen-cities: writes the cities of Debian's libgeonames (GeoNames cities with
// population, coordinates and country) with the Arabic name of its translations where
// it has one, as TSV for the lexicon bundle (build time).
//   hadath-gen-cities OUT.tsv
// Columns: geonameid, ar, name_en, iso2, lat, lon, population.
#include <geonames/geonames.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: hadath-gen-cities OUT.tsv\n");
    return 2;
  }
  // Arabic names come from libgeonames' own gettext catalogue.
  setenv("LANGUAGE", "ar", 1);
  if (!std::setlocale(LC_ALL, "C.UTF-8")) std::setlocale(LC_ALL, "");
  FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "hadath-gen-cities: cannot write %s\n", argv[1]);
    return 1;
  }
  std::fprintf(out, "geonameid\tar\tname_en\tiso2\tlat\tlon\tpopulation\n");
  int n = geonames_get_n_cities(), written = 0;
  for (int i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (!c) continue;
    GVariant* idv = g_variant_get_child_value(c, 0);
    GVariant* env = g_variant_get_child_value(c, 1);
    std::string id = g_variant_get_string(idv, nullptr);
    std::string en = g_variant_get_string(env, nullptr);
    g_variant_unref(idv);
    g_variant_unref(env);
    const char* ar = geonames_city_get_name(c);
    bool arabic = false;  // some "translations" are Latin transliterations («Şūr»)
    for (const unsigned char* p = reinterpret_cast<const unsigned char*>(ar ? ar : ""); *p; ++p)
      arabic |= *p == 0xD8 || *p == 0xD9;
    // Every city is written (its Arabic name left empty when the catalogue has none):
    // data/place_names.tsv adds Arabic spellings by English name and country.
    if (!ar || en == ar || !arabic) ar = "";
    {
      std::fprintf(out, "%s\t%s\t%s\t%s\t%.5f\t%.5f\t%u\n", id.c_str(), ar, en.c_str(),
                   geonames_city_get_country_code(c), geonames_city_get_latitude(c),
                   geonames_city_get_longitude(c), geonames_city_get_population(c));
      written += *ar != 0;
    }
    geonames_city_free(c);
  }
  std::fclose(out);
  std::fprintf(stderr, "hadath-gen-cities: %d cities, %d with an Arabic name\n", n, written);
  return 0;
}
