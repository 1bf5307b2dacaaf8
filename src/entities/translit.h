// Arabic → Latin transliteration of unknown names (ICU "Arabic-Latin; Latin-ASCII"),
// title-cased: «نيكولاي باتروشيف» → "Nykwlay Batrwshyf". Marks nothing itself: callers
// flag learned names. Thread-safe (one ICU transliterator per thread).
#ifndef HADATH_SRC_ENTITIES_TRANSLIT_H_
#define HADATH_SRC_ENTITIES_TRANSLIT_H_

#include <string>

namespace hadath {

std::string TransliterateName(const std::string& arabic_utf8);

}  // namespace hadath

#endif  // HADATH_SRC_ENTITIES_TRANSLIT_H_
