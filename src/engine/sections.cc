#include "include/hadath/document.h"

namespace hadath {

const char* SectionName(Section s) {
  switch (s) {
    case Section::kTitle: return "title";
    case Section::kLead: return "lead";
    case Section::kCaption: return "caption";
    case Section::kHeading: return "heading";
    case Section::kBody: return "body";
    case Section::kRelated: return "related";
    case Section::kBoilerplate: return "boilerplate";
  }
  return "body";
}

}  // namespace hadath

#include "src/engine/context.h"

#include <algorithm>
#include "src/util/utf8.h"

namespace hadath {

std::string DocContext::EncodeSpan(int a, int b) const {
  return EncodeUtf8(std::u32string_view(norm.original).substr(a, b - a));
}

int DocContext::DatelineEnd(int s) const {
  const Sentence& sent = sentences[s];
  auto dash = [&](int k) {
    const std::u32string& f = tokens[k].form;
    return f == U"-" || f == U"\u2013" || f == U"\u2014";
  };
  for (int k = sent.begin + 1; k < std::min(sent.end - 1, sent.begin + 14); ++k) {
    if (!dash(k)) continue;
    if (tokens[k - 1].form == U")") {  // «نيامي (الأناضول) -», «نيروبي، 18 يونيو (د ب أ) -»
      while (k + 1 < sent.end - 1 && dash(k + 1)) ++k;  // «(كونا) --»
      return k + 1;
    }
    if (k - sent.begin > 3) break;
    // «باريس - أ ف ب:», «القاهرة - "وكالة":»; «الكويت - 14 - 4 (كونا) --» goes on.
    for (int q = k + 1; q < std::min(sent.end - 1, k + 6); ++q)
      if (tokens[q].form == U":") return q + 1;
  }
  return sent.begin;
}

int DocContext::SentenceOf(int tok) const {
  int lo = 0, hi = static_cast<int>(sentences.size()) - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (tok < sentences[mid].begin) hi = mid - 1;
    else if (tok >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

}  // namespace hadath
