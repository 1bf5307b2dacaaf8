#include "include/hadath/engine.h"

#include <unistd.h>

#include <cstdlib>

#include "src/engine/context.h"
#include "src/engine/read_text.h"
#include "src/entities/entities.h"
#include "src/events/events.h"
#include "src/events/quotes.h"
#include "src/lexicon/lexicon.h"
#include "src/lexicon/matcher.h"
#include "src/segment/segmenter.h"
#include "src/temporal/temporal.h"
#include "src/util/utf8.h"

namespace hadath {

const char* Engine::Version() { return "0.1.0"; }

std::vector<std::string> DefaultBundlePaths() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("HADATH_BUNDLE")) out.push_back(env);
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    std::string dir = exe.substr(0, exe.find_last_of('/'));
    out.push_back(dir + "/hadath.lex");
    out.push_back(dir + "/../share/hadath/hadath.lex");
  }
  return out;
}

Engine::Engine(Options o, std::shared_ptr<const Lexicon> lex)
    : options_(std::move(o)), lex_(std::move(lex)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  std::vector<std::string> paths =
      options.bundle_path.empty() ? DefaultBundlePaths() : std::vector<std::string>{options.bundle_path};
  Status last = Status::NotFound("no lexicon bundle found (set HADATH_BUNDLE or build hadath.lex)");
  for (const std::string& p : paths) {
    if (access(p.c_str(), R_OK) != 0) continue;
    Result<std::shared_ptr<const Lexicon>> lex = Lexicon::Load(p);
    if (!lex.ok()) return lex.status();
    return std::unique_ptr<Engine>(new Engine(options, lex.take()));
  }
  return last;
}

const std::string& Engine::bundle_id() const { return lex_->bundle_id(); }

std::vector<KnownActor> Engine::KnownActors() const {
  std::vector<KnownActor> out;
  for (const Person& p : lex_->persons)
    for (const PersonTerm& t : p.terms)
      out.push_back({p.id, p.name_en, t.code.empty() ? t.country + t.sector : t.code, t.country, t.sector,
                     t.role, t.start, t.end});
  return out;
}

Result<Analysis> Engine::Analyze(const Document& doc) const { return Analyze(doc, nullptr); }

Result<Analysis> Engine::Analyze(const Document& doc, std::shared_ptr<const ReadText>* read) const {
  if (doc.text.size() > options_.max_document_bytes)
    return Status::InvalidInput(doc.origin + ": document of " + std::to_string(doc.text.size()) +
                                " bytes exceeds the limit of " +
                                std::to_string(options_.max_document_bytes));
  Result<std::u32string> text = DecodeUtf8(doc.text);
  if (!text.ok()) return Status::InvalidInput(doc.origin + ": " + text.status().message());
  DocContext c;
  c.lex = lex_.get();
  c.pubdate = doc.published.value_or(options_.default_date);
  c.norm = Normalize(text.take());
  c.tokens = Tokenize(c.norm);
  Segmenter(*lex_).Segment(&c.tokens, c.norm);
  HashTokens(*lex_, &c.tokens);
  c.sentences = SplitSentences(c.norm, c.tokens, doc.blocks, options_.max_tokens_per_sentence);
  Analysis a;
  a.id = doc.id;
  a.title = doc.title;
  a.published = doc.published ? doc.published
                              : (options_.default_date.empty() ? std::nullopt
                                                               : std::optional(options_.default_date));
  a.url = doc.url;
  a.source = doc.source;
  for (size_t i = 0; i < c.sentences.size(); ++i)
    a.sentences.push_back({static_cast<int>(i), c.sentences[i].start, c.sentences[i].stop,
                           c.sentences[i].section});
  FindEntities(&c, &a);
  TagTimes(&c, &a);
  TagNumbers(&c, &a);
  FindQuotes(&c, &a);
  CodeEvents(&c, &a);
  PruneNominals(&a);
  if (read) {  // the tokens' hashes (HashTokens) are the only change since segmentation
    auto r = std::make_shared<ReadText>();
    r->bytes = doc.text.size();
    r->norm = std::move(c.norm);
    r->tokens = std::move(c.tokens);
    *read = std::move(r);
  }
  return a;
}

Result<std::vector<SegSentence>> Engine::Segment(const std::string& utf8, bool one_per_line) const {
  Result<std::u32string> text = DecodeUtf8(utf8);
  if (!text.ok()) return text.status();
  NormText norm = Normalize(text.take());
  std::vector<Token> tokens = Tokenize(norm);
  Segmenter(*lex_).Segment(&tokens, norm);
  std::vector<Block> blocks;
  if (one_per_line) {
    size_t a = 0;
    const std::u32string& o = norm.original;
    while (a <= o.size()) {
      size_t b = o.find(U'\n', a);
      if (b == std::u32string::npos) b = o.size();
      blocks.push_back({static_cast<int>(a), static_cast<int>(b), Section::kBody});
      if (b == o.size()) break;
      a = b + 1;
    }
  }
  std::vector<Sentence> sents =
      SplitSentences(norm, tokens, blocks, one_per_line ? 1u << 30 : options_.max_tokens_per_sentence);
  if (one_per_line) {  // one sentence per line: merge what the splitter cut inside a line
    std::vector<Sentence> merged;
    for (const Block& b : blocks) {
      Sentence s;
      s.begin = -1;
      for (const Sentence& x : sents)
        if (x.start >= b.start && x.stop <= b.end) {
          if (s.begin < 0) s = x;
          s.end = x.end;
          s.stop = x.stop;
        }
      if (s.begin >= 0) merged.push_back(s);
      else merged.push_back(Sentence{0, 0, b.start, b.start, Section::kBody});  // empty line
    }
    sents = merged;
  }
  std::vector<SegSentence> out;
  for (const Sentence& s : sents) {
    SegSentence ss;
    for (int i = s.begin; i < s.end; ++i) {
      const Token& t = tokens[i];
      SegToken st;
      st.form = EncodeUtf8(std::u32string_view(norm.original).substr(t.start, t.end - t.start));
      st.space_after = t.space_after;
      if (t.pieces.size() > 1) {
        for (size_t p = 0; p < t.pieces.size(); ++p) {
          const Piece& pc = t.pieces[p];
          // Pieces tile the token: each ends where the next begins.
          int a = p == 0 ? t.start : norm.OrigStart(pc.mstart);
          int b = p + 1 == t.pieces.size() ? t.end : norm.OrigStart(t.pieces[p + 1].mstart);
          std::u32string surface = norm.original.substr(a, b - a);
          std::u32string restored = surface;
          if (pc.ta_marbuta) {  // «حكومت» → «حكومة» (keeping the diacritics before it)
            size_t k = restored.size();
            while (k > 0 && IsIgnorable(restored[k - 1])) --k;
            if (k > 0) restored[k - 1] = U'\u0629';
          }
          if (pc.add_alef) restored = U"\u0627" + restored;
          bool content = pc.mend - pc.mstart > 1 && (p + 1 < t.pieces.size() || !t.enclitic);
          st.words.push_back({EncodeUtf8(surface), EncodeUtf8(restored),
                              content ? EncodeUtf8(LightStem(*lex_, pc.restored)) : std::string()});
        }
      } else {
        st.words.push_back({st.form, st.form,
                            t.kind == TokKind::kArabic ? EncodeUtf8(LightStem(*lex_, t.Key())) : std::string()});
      }
      ss.push_back(std::move(st));
    }
    out.push_back(std::move(ss));
  }
  return out;
}

}  // namespace hadath
