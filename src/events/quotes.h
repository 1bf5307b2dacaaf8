// Direct quotes («…», “…”, "…") with their speaker (cue verb + subject, or the
// discourse speaker of the previous statement) and cue word.
#ifndef HADATH_SRC_EVENTS_QUOTES_H_
#define HADATH_SRC_EVENTS_QUOTES_H_

#include "include/hadath/document.h"
#include "src/engine/context.h"

namespace hadath {

void FindQuotes(DocContext* ctx, Analysis* out);
bool IsSpeechCue(const std::u32string& key);
// «مضيفاً», «مؤكداً» …: the cue continues the speaker of the sentence's main verb.
bool IsParticipleCue(const std::u32string& key);

}  // namespace hadath

#endif  // HADATH_SRC_EVENTS_QUOTES_H_
