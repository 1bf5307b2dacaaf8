// The hadath engine: loads the lexicon bundle once and analyses documents.
// Thread-safe: Analyze() may be called from many threads on one Engine.
#ifndef HADATH_ENGINE_H_
#define HADATH_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "include/hadath/document.h"
#include "include/hadath/options.h"
#include "include/hadath/status.h"

namespace hadath {

class Lexicon;
struct ReadText;  // src/engine/read_text.h

// One word of a segmented sentence (for CoNLL-U): its surface form and restored form.
struct SegWord {
  std::string form, restored;
  std::string stem;  // light stem for search (content words), empty for clitics
};
struct SegToken {
  std::string form;
  bool space_after = true;
  std::vector<SegWord> words;  // one word unless clitics were split
};
using SegSentence = std::vector<SegToken>;

// One term of a person of the lexicon (for `hadath actors`).
struct KnownActor {
  std::string id, name, code, country, sector, role, start, end;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const Options& options);
  ~Engine();

  Result<Analysis> Analyze(const Document& doc) const;
  // The same, also handing over the text as read (normalized, tokenized, segmented) when
  // `read` is not null, for the search index (Store::Prepare) to use instead of reading
  // the text again.
  Result<Analysis> Analyze(const Document& doc, std::shared_ptr<const ReadText>* read) const;
  // Tokenized and clitic-segmented sentences of raw text; with `one_per_line` each input
  // line is one sentence.
  Result<std::vector<SegSentence>> Segment(const std::string& utf8, bool one_per_line) const;

  const std::string& bundle_id() const;
  // The compiled lexicon (opaque outside the library), shared with whatever needs to read
  // text the engine's way, such as the store's search index.
  std::shared_ptr<const Lexicon> lexicon() const { return lex_; }
  // Every person of the lexicon, one entry per term.
  std::vector<KnownActor> KnownActors() const;
  static const char* Version();

 private:
  Engine(Options o, std::shared_ptr<const Lexicon> lex);
  Options options_;
  std::shared_ptr<const Lexicon> lex_;
};

// Where the bundle is looked for when Options::bundle_path is empty.
std::vector<std::string> DefaultBundlePaths();

}  // namespace hadath

#endif  // HADATH_ENGINE_H_
