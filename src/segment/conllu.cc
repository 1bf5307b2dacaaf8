#include "src/segment/conllu.h"

namespace hadath {

std::string ToConllu(const std::vector<SegSentence>& sents, int first_id) {
  std::string out;
  int sid = first_id;
  for (const SegSentence& s : sents) {
    if (s.empty()) continue;
    out += "# sent_id = " + std::to_string(sid++) + "\n# text = ";
    for (size_t i = 0; i < s.size(); ++i) {
      out += s[i].form;
      if (s[i].space_after && i + 1 < s.size()) out += ' ';
    }
    out += '\n';
    int n = 1;
    for (const SegToken& t : s) {
      const std::string misc = t.space_after ? "_" : "SpaceAfter=No";
      if (t.words.size() > 1) {
        out += std::to_string(n) + "-" + std::to_string(n + t.words.size() - 1) + "\t" + t.form +
               "\t_\t_\t_\t_\t_\t_\t_\t" + misc + "\n";
        for (const SegWord& w : t.words)
          out += std::to_string(n++) + "\t" + w.form + "\t" + w.restored + "\t_\t_\t_\t_\t_\t_\t" +
                 (w.stem.empty() ? "_" : "Stem=" + w.stem) + "\n";
      } else {
        std::string m = misc;
        if (!t.words[0].stem.empty()) m = (misc == "_" ? "" : misc + "|") + "Stem=" + t.words[0].stem;
        out += std::to_string(n++) + "\t" + t.form + "\t" + t.words[0].restored + "\t_\t_\t_\t_\t_\t_\t" + m +
               "\n";
      }
    }
    out += '\n';
  }
  return out;
}

std::string ToPlainSegmented(const std::vector<SegSentence>& sents) {
  std::string out;
  for (const SegSentence& s : sents) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (i) out += ' ';
      for (size_t k = 0; k < s[i].words.size(); ++k) {
        if (k) out += '+';
        out += s[i].words[k].form;
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace hadath
