// Passes over a document's coded events, run after the sentence coder and before dedup:
// counts of victims, recognition, intents and their complements, bare statements, dedup,
// and the relations the text states.
#ifndef HADATH_SRC_EVENTS_EVENT_PASSES_H_
#define HADATH_SRC_EVENTS_EVENT_PASSES_H_

#include "include/hadath/document.h"
#include "src/engine/context.h"
#include "src/lexicon/lexicon.h"

namespace hadath {

void AttachCounts(const DocContext& c, Analysis* out);
void CountedVictims(Analysis* out);
void Recognition(const Lexicon& lex, Analysis* out);
void IntentComplements(const Lexicon& lex, Analysis* out);
void DropBareStatements(Analysis* out);
void WelcomedActs(const DocContext& c, Analysis* out);
void DropHalfDyads(Analysis* out);
// One event per thing that happened within a document (see event_passes.cc).
void DedupEvents(Analysis* out);
// Relations between states stated in the text, with the word that states them.
void StatedRelations(const DocContext& c, Analysis* out);

}  // namespace hadath

#endif  // HADATH_SRC_EVENTS_EVENT_PASSES_H_
