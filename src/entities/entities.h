// Entity mentions: lexicon matches (persons, states, capitals, organisations,
// institutions with a nationality, peoples), appositions ROLE [NATIONALITY|COUNTRY] NAME
// that teach unknown names for the rest of the document, and in-document coreference
// (surnames, role-only mentions, repeated names → `ref`). Actor codes are those valid
// on the publication date.
#ifndef HADATH_SRC_ENTITIES_ENTITIES_H_
#define HADATH_SRC_ENTITIES_ENTITIES_H_

#include "include/hadath/document.h"
#include "src/engine/context.h"

namespace hadath {

// Fills out->entities, ctx->mentions and ctx->token_entity. Needs segmented tokens.
void FindEntities(DocContext* ctx, Analysis* out);

// Drops the nominal mentions no quote needs as its speaker and renumbers the rest:
// `ref`, quote speakers and event arguments are rewritten to the kept ids (an event
// argument or speaker that was a nominal mention points to the first named mention of
// the same entity, or to none). Call after quotes and events are found.
void PruneNominals(Analysis* out);

// True for Arabic function words that never start or continue a name.
bool IsFunctionWord(const std::u32string& key);

}  // namespace hadath

#endif  // HADATH_SRC_ENTITIES_ENTITIES_H_
