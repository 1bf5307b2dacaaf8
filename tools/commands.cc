#include "tools/commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace hadath::cli {

bool Args::Has(const std::string& f) const {
  for (const auto& x : flags)
    if (x == f) return true;
  return false;
}

std::string Args::Get(const std::string& k, const std::string& def) const {
  auto it = opts.find(k);
  return it == opts.end() ? def : it->second;
}

bool ParseArgs(int argc, char** argv, int first, const std::vector<std::string>& with_value,
               const std::vector<std::string>& flags, Args* out, std::string* err) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2), value;
      size_t eq = name.find('=');
      bool has_eq = eq != std::string::npos;
      if (has_eq) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      bool takes = false, is_flag = false;
      for (const auto& w : with_value) takes |= w == name;
      for (const auto& f : flags) is_flag |= f == name;
      if (takes) {
        if (!has_eq) {
          if (i + 1 >= argc) {
            *err = "option --" + name + " needs a value";
            return false;
          }
          value = argv[++i];
        }
        out->opts[name] = value;
      } else if (is_flag && !has_eq) {
        out->flags.push_back(name);
      } else {
        *err = "unknown option --" + name;
        return false;
      }
    } else {
      out->files.push_back(a);
    }
  }
  return true;
}

namespace {

std::string KindOf(const std::string& path, const std::string& kind) {
  if (!kind.empty()) return kind;
  auto ends = [&](const char* s) {
    std::string e(s);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".jsonl") || ends(".ndjson")) return "jsonl";
  if (ends(".html") || ends(".htm")) return "html";
  if (ends(".xml") || ends(".rss") || ends(".atom")) return "rss";
  return "txt";
}

}  // namespace

bool ForEachInput(const std::vector<std::string>& files_in, const std::string& kind,
                  const std::function<void(ReadItem)>& each, std::string* err) {
  if (!kind.empty() && kind != "txt" && kind != "jsonl" && kind != "html" && kind != "rss") {
    *err = "--input must be txt, jsonl, html or rss";
    return false;
  }
  std::vector<std::string> files = files_in;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) {
    std::string bytes, name = f == "-" ? "<stdin>" : f;
    if (f == "-") {
      bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        each({name, Status::NotFound(name + ": cannot open file")});
        continue;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      bytes = ss.str();
    }
    std::string k = KindOf(f, kind);
    if (k == "jsonl") {
      ReadJsonl(name, bytes, each);
    } else if (k == "txt") {
      each({name, ReadTxt(name, bytes)});
    } else {
      each({name, Status::Unsupported(name + ": " + k + " input is not supported yet (use txt or jsonl)")});
    }
  }
  return true;
}

int Usage(const std::string& msg) {
  std::cerr << "hadath: " << msg << "\n"
            << "usage:\n"
               "  hadath analyze [--date YYYY-MM-DD] [--input txt|jsonl] [--format jsonl|gdelt|plover|csv] [--pretty] [FILE...|-]\n"
               "  hadath segment [--format conllu|plain] [--one-sentence-per-line] [FILE|-]\n"
               "  hadath ingest  [--db PATH|postgresql://…] [--date YYYY-MM-DD] [--input txt|jsonl] [--threads N] FILE...\n"
               "  hadath events  [--db PATH] [--actor CODE] [--country ISO3] [--root NN] [--modality M] [--from D] [--to D]\n"
               "                 [--doc ID] [--limit N] [--offset N] [--format table|jsonl|csv|gdelt|plover] [--grouped]\n"
               "  hadath search  [--db PATH] [--from D] [--to D] [--source S] [--actor A] [--country C] [--root RR]\n"
               "                 [--limit N] [--offset N] [--format table|jsonl] QUERY...\n"
               "  hadath export  [--db PATH] [--format csv|gdelt|plover|jsonl] [filters as for events]\n"
               "  hadath stats   [--db PATH] [--format table|json]\n"
               "  hadath actors  [--db PATH] [--learned] [--format table|jsonl]\n"
               "  hadath serve   [--db PATH|postgresql://…] [--host 127.0.0.1] [--port 8080] [--threads 16]\n"
               "                 [--max-body BYTES] [--timeout-ms 10000] [--web DIR]\n"
               "  hadath version\n";
  return 2;
}

}  // namespace hadath::cli
