#include "src/events/quotes.h"

#include <unordered_set>

#include "src/normalize/normalizer.h"
#include "src/util/utf8.h"

namespace hadath {
namespace {

const std::unordered_set<std::u32string>& Cues() {
  static const auto* s = [] {
    auto* set = new std::unordered_set<std::u32string>;
    for (const char* w : {"قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "أكد", "أكدت",
                          "يؤكد", "أعلن", "أعلنت", "أوضح", "أوضحت", "تابع", "تابعت", "صرح", "صرحت",
                          "أشار", "أشارت", "اعتبر", "اعتبرت", "شدد", "شددت", "ذكر", "ذكرت", "كتب",
                          "كتبت", "أفاد", "أفادت", "لفت", "لفتت", "قائلا", "قائلة", "مضيفا", "مضيفة",
                          "مؤكدا", "مؤكدة", "موضحا", "موضحة", "معتبرا", "مشيرا", "مشيرة", "وفقا",
                          "بحسب", "حسب"})
      set->insert(MatchForm(ToU32(w)));
    return set;
  }();
  return *s;
}

// «أنّ»/«إنّ» (with a pronoun) open what is said: no speaker after them.
bool OpensWhatIsSaid(const Token& t) {
  static const std::unordered_set<std::u32string> kThat = [] {
    std::unordered_set<std::u32string> set;
    for (const char* w : {"أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أننا", "إننا", "بأن"})
      set.insert(MatchForm(ToU32(w)));
    return set;
  }();
  return kThat.count(t.Key()) > 0 || kThat.count(t.form) > 0;
}

char32_t Closer(char32_t open) {
  switch (open) {
    case 0xAB: return 0xBB;
    case 0x201C: return 0x201D;
    case 0x201E: return 0x201D;
    case '"': return '"';
    default: return 0;
  }
}

}  // namespace

bool IsParticipleCue(const std::u32string& key) {
  static const auto* s = [] {
    auto* set = new std::unordered_set<std::u32string>;
    for (const char* w : {"قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "موضحا", "موضحة",
                          "معتبرا", "معتبرة", "مشيرا", "مشيرة", "لافتا", "لافتة", "مشددا", "مشددة"})
      set->insert(MatchForm(ToU32(w)));
    return set;
  }();
  return s->count(key) > 0;
}

bool IsSpeechCue(const std::u32string& key) {
  if (Cues().count(key)) return true;
  // «وأضاف», «فقال»: the conjunction is not always split off a known verb.
  return key.size() > 3 && (key[0] == U'\u0648' || key[0] == U'\u0641') && Cues().count(key.substr(1));
}

void FindQuotes(DocContext* ctx, Analysis* out) {
  ctx->token_quote.assign(ctx->tokens.size(), -1);
  const auto& t = ctx->tokens;
  int last_speaker = -1;  // entity index of the latest speaker (discourse)
  size_t i = 0;
  while (i < t.size()) {
    if (t[i].kind != TokKind::kPunct || !Closer(t[i].form[0])) {
      if (IsSpeechCue(t[i].Key()) && !IsParticipleCue(t[i].Key())) {  // remember who speaks, for cues without a subject later
        for (size_t k = i + 1; k < t.size() && k < i + 8; ++k) {
          if (OpensWhatIsSaid(t[k])) break;
          int e = ctx->token_entity[k];
          if (e >= 0 && ctx->mentions[e].actor) {
            last_speaker = e;
            break;
          }
          if (t[k].kind == TokKind::kPunct && t[k].form != U"\u060C") break;
        }
      }
      ++i;
      continue;
    }
    char32_t close = Closer(t[i].form[0]);
    int s_open = ctx->SentenceOf(static_cast<int>(i));
    // The closing mark: same block (line); quotes may span sentences.
    size_t j = i + 1;
    bool found = false;
    while (j < t.size() && j - i < 400) {
      if (ctx->norm.original.substr(t[j - 1].end, t[j].start - t[j - 1].end).find(U'\n') !=
          std::u32string::npos)
        break;
      if (t[j].kind == TokKind::kPunct && t[j].form[0] == close) {
        found = true;
        break;
      }
      ++j;
    }
    if (!found) {
      ++i;
      continue;
    }
    int words = 0;
    for (size_t k = i + 1; k < j; ++k) words += t[k].kind == TokKind::kArabic || t[k].kind == TokKind::kLatin;
    if (words < 3 || s_open < 0 || ctx->sentences[s_open].section == Section::kCaption) {
      i = j + 1;
      continue;
    }
    Quote q;
    q.id = "q" + std::to_string(out->quotes.size() + 1);
    q.span = ctx->SpanOf(static_cast<int>(i + 1), static_cast<int>(j));
    // Speaker: a cue before the quote in its sentence, then the subject entity after the
    // cue (VSO) or before it (SVO); else a cue right after the quote; else discourse.
    const Sentence& s = ctx->sentences[s_open];
    int cue = -1;
    for (int k = static_cast<int>(i) - 1; k >= s.begin; --k)
      if (IsSpeechCue(t[k].Key())) { cue = k; break; }
    int speaker = -1;
    if (cue >= 0) {
      const bool participle = IsParticipleCue(t[cue].Key());
      // (Not after a participle: «مؤكداً أن الصين "ستتخذ …"» — China is what is said; nor
      // after «أنّ»/«إنّ», which opens what is said: «وأعلن أنه أمر الجيش "…"».)
      for (int k = cue + 1; k < static_cast<int>(i) && speaker < 0 && !participle; ++k) {
        if (OpensWhatIsSaid(t[k])) break;
        int e = ctx->token_entity[k];
        if (e < 0 || !ctx->mentions[e].actor) continue;
        speaker = e;
        // «وقال نائب وزير الخارجية الروسي ألكسندر غروشكو»: the person the role introduces.
        if (out->entities[e].type != "PER")
          for (int m = ctx->mentions[e].te; m < std::min(static_cast<int>(i), ctx->mentions[e].te + 2); ++m)
            if (int f = ctx->token_entity[m]; f >= 0 && f != e && out->entities[f].type == "PER") {
              speaker = f;
              break;
            }
      }
      // «…، مضيفاً: "…"», «ورد عراقجي … قائلاً»: a circumstantial participle continues the
      // sentence's subject (its first person or body), else the speaker before.
      for (int k = s.begin; k < cue && speaker < 0 && participle; ++k) {
        int e = ctx->token_entity[k];
        if (e >= 0 && ctx->mentions[e].actor && (out->entities[e].type == "PER" || out->entities[e].type == "ORG"))
          speaker = e;
      }
      if (speaker < 0 && participle && last_speaker >= 0) speaker = last_speaker;
      // Else the subject before the cue, a person or organisation before a place.
      for (int pass = 0; pass < 2 && speaker < 0; ++pass) {
        for (int k = cue - 1; k >= s.begin && speaker < 0; --k) {
          int e = ctx->token_entity[k];
          if (e < 0 || !ctx->mentions[e].actor) continue;
          const std::string& type = out->entities[e].type;
          if (pass == 1 || type == "PER" || type == "ORG") speaker = e;
        }
      }
      if (speaker < 0) speaker = last_speaker;
      q.cue = EncodeUtf8(t[cue].form);
    } else {
      size_t k = j + 1;
      int e_end = ctx->SentenceOf(static_cast<int>(j));
      int stop = e_end >= 0 ? ctx->sentences[e_end].end : static_cast<int>(j + 1);
      for (; static_cast<int>(k) < stop; ++k) {
        if (IsSpeechCue(t[k].Key())) {
          q.cue = EncodeUtf8(t[k].form);
          for (int m = static_cast<int>(k) + 1; m < stop && speaker < 0; ++m) {
            int e = ctx->token_entity[m];
            if (e >= 0 && ctx->mentions[e].actor) speaker = e;
          }
          if (speaker < 0) speaker = last_speaker;
          break;
        }
      }
      // No verb of saying: a quote the sentence's own verb carries («ودعا … إلى "وقف فوري
      // لإطلاق النار"», «ووصف الهجوم بأنه "عمل جبان"») is its subject's words: the first
      // person before it, else the first body or state (past the dateline). A quote that
      // opens its sentence goes on with the speaker before.
      if (q.cue.empty()) {
        const int from = ctx->DatelineEnd(s_open);
        for (int pass = 0; pass < 2 && speaker < 0; ++pass)
          for (int k = from; k < static_cast<int>(i) && speaker < 0; ++k) {
            int e = ctx->token_entity[k];
            if (e >= 0 && ctx->mentions[e].actor && (pass == 1 || out->entities[e].type == "PER")) speaker = e;
          }
        if (speaker < 0 && static_cast<int>(i) <= from + 1) speaker = last_speaker;
      }
    }
    if (speaker >= 0) {
      q.speaker = out->entities[speaker].id;
      last_speaker = speaker;
    }
    int qi = static_cast<int>(out->quotes.size());
    for (size_t k = i; k <= j; ++k) ctx->token_quote[k] = qi;
    out->quotes.push_back(std::move(q));
    i = j + 1;
  }
}

}  // namespace hadath
