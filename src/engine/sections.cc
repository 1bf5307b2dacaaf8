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
#include "src/util/utf8.h"

namespace hadath {

std::string DocContext::EncodeSpan(int a, int b) const {
  return EncodeUtf8(std::u32string_view(norm.original).substr(a, b - a));
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
