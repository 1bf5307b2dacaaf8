// Per-document working state shared by the stages (owned by Engine::Analyze, one per
// document, never shared across threads).
#ifndef HADATH_SRC_ENGINE_CONTEXT_H_
#define HADATH_SRC_ENGINE_CONTEXT_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "include/hadath/document.h"
#include "src/lexicon/lexicon.h"
#include "src/normalize/normalizer.h"
#include "src/tokenize/tokenizer.h"

namespace hadath {

// What the entity stage knows about each entity beyond the JSON fields.
struct MentionInfo {
  int tb = 0, te = 0;     // token range of the mention
  int hb = 0;             // first token of the whole phrase, e.g. the role before a name
  int sentence = 0;       // index into DocContext::sentences
  bool actor = false;     // can act in events (person, state, organisation)
  int person = -1;        // index into Lexicon::persons, or -1
  std::string role_key;   // role key of a person mention, if known
};

// Index of the entity with id "m<n>" (ids are given in order), or -1.
inline int EntityIndex(const std::string& id) {
  if (id.size() < 2 || id[0] != 'm') return -1;
  return std::atoi(id.c_str() + 1) - 1;
}

struct DocContext {
  const Lexicon* lex = nullptr;
  NormText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string pubdate;             // YYYY-MM-DD or empty
  std::vector<MentionInfo> mentions;  // parallel to Analysis::entities
  std::vector<int> token_entity;      // entity index per token, -1 if none
  std::vector<int> token_time;        // time index per token, -1 if none
  std::vector<int> token_quote;       // quote index per token, -1 if none
  // The place of the document's dateline («بورتسودان (رويترز) -»): an entity index with a
  // state's country, or -1. Set by the entity stage.
  int dateline_entity = -1;

  Span SpanOf(int tb, int te) const {
    Span s;
    s.start = tokens[tb].start;
    s.end = tokens[te - 1].end;
    s.text = EncodeSpan(s.start, s.end);
    return s;
  }
  std::string EncodeSpan(int a, int b) const;
  int SentenceOf(int tok) const;
  // The token after the dateline that opens sentence s («نيامي (الأناضول) -», «باريس - أ ف
  // ب:»), or its first token when it has none.
  int DatelineEnd(int s) const;
};

}  // namespace hadath

#endif  // HADATH_SRC_ENGINE_CONTEXT_H_
