// CoNLL-U output of segmented sentences (UD): a clitic-split token is a multiword token
// line `N-M FORM` followed by its words; SpaceAfter=No in MISC; restored forms in LEMMA.
#ifndef HADATH_SRC_SEGMENT_CONLLU_H_
#define HADATH_SRC_SEGMENT_CONLLU_H_

#include <string>
#include <vector>

#include "include/hadath/engine.h"

namespace hadath {

std::string ToConllu(const std::vector<SegSentence>& sents, int first_id = 1);
std::string ToPlainSegmented(const std::vector<SegSentence>& sents);

}  // namespace hadath

#endif  // HADATH_SRC_SEGMENT_CONLLU_H_
