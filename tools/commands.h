// Shared CLI plumbing: argument parsing and reading inputs of every kind.
#ifndef HADATH_TOOLS_COMMANDS_H_
#define HADATH_TOOLS_COMMANDS_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "include/hadath/engine.h"
#include "src/read/reader.h"

namespace hadath::cli {

struct Args {
  std::map<std::string, std::string> opts;  // --name value
  std::vector<std::string> flags;           // --name (no value)
  std::vector<std::string> files;
  bool Has(const std::string& f) const;
  std::string Get(const std::string& k, const std::string& def = "") const;
};

// Parses argv after the subcommand. `with_value` lists the options taking a value.
// Returns false (and sets *err) on an unknown option.
bool ParseArgs(int argc, char** argv, int first, const std::vector<std::string>& with_value,
               const std::vector<std::string>& flags, Args* out, std::string* err);

// Reads every input (FILE... or '-' for stdin) as `kind` (txt|jsonl, or by extension) and
// calls `each` per document or rejected input. Returns false on a usage error.
bool ForEachInput(const std::vector<std::string>& files, const std::string& kind,
                  const std::function<void(ReadItem)>& each, std::string* err);

int Usage(const std::string& msg);

// hadath ingest into `db` with the parsed arguments (tools/ingest.cc).
int RunIngest(const Args& a, const Engine& engine, const std::string& db);

}  // namespace hadath::cli

#endif  // HADATH_TOOLS_COMMANDS_H_
