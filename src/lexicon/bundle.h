// The compiled lexicon bundle: one versioned, self-describing binary file holding
// every lexicon section (the TSV sources as compiled text, the known-word list).
// Format (doc/formats/bundle.md):
//   "HADATHLX" | u32 format version | u32 section count |
//   per section: u32 name length | name | u64 size | bytes |
//   u64 FNV-1a 64 checksum of everything before it.
// The bundle id is the checksum in hex; every stored row records it.
#ifndef HADATH_SRC_LEXICON_BUNDLE_H_
#define HADATH_SRC_LEXICON_BUNDLE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "include/hadath/status.h"

namespace hadath {

inline constexpr uint32_t kBundleFormatVersion = 1;

struct Bundle {
  std::shared_ptr<const void> data;                        // owns the bytes (string or mapping)
  std::map<std::string, std::string_view> sections;        // views into `data`
  std::string id;  // 16 hex digits
};

uint64_t Fnv1a64(const void* data, size_t n, uint64_t h = 1469598103934665603ull);

Status WriteBundle(const std::string& path, const std::map<std::string, std::string>& sections);
Result<Bundle> ReadBundle(const std::string& path);
Result<Bundle> ParseBundle(std::string bytes, const std::string& name);
// Parses bytes owned by `owner` (kept alive by the returned Bundle).
Result<Bundle> ParseBundleView(std::shared_ptr<const void> owner, std::string_view bytes,
                               const std::string& name);

}  // namespace hadath

#endif  // HADATH_SRC_LEXICON_BUNDLE_H_
