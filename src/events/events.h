// The event coder: trigger lexicon matches → CAMEO/PLOVER events with source and
// target actors from the sentence, modality, date, location and quote link.
#ifndef HADATH_SRC_EVENTS_EVENTS_H_
#define HADATH_SRC_EVENTS_EVENTS_H_

#include "include/hadath/document.h"
#include "src/engine/context.h"

namespace hadath {

// Needs entities, times and quotes. Fills out->events and out->relations.
void CodeEvents(DocContext* ctx, Analysis* out);

}  // namespace hadath

#endif  // HADATH_SRC_EVENTS_EVENTS_H_
