// libFuzzer target: the JSON Lines reader on arbitrary bytes. Every line is either a
// document or a rejection whose message names the input and line.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "src/read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  hadath::ReadJsonl("fuzz.jsonl", bytes, [](hadath::ReadItem it) {
    if (it.origin.rfind("fuzz.jsonl:", 0) != 0) abort();
    if (!it.doc.ok() && it.doc.status().message().rfind(it.origin + ": ", 0) != 0) abort();
  });
  return 0;
}
