#include "src/lexicon/bundle.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hadath {
namespace {

constexpr char kMagic[8] = {'H', 'A', 'D', 'A', 'T', 'H', 'L', 'X'};

template <typename T>
void Put(std::string* s, T v) {
  s->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Get(std::string_view s, size_t* pos, T* v) {
  if (*pos + sizeof(T) > s.size()) return false;
  std::memcpy(v, s.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

uint64_t Fnv1a64(const void* data, size_t n, uint64_t h) {
  // FNV-1a over 8-byte words (then the tail bytes): the bundle is checked at every start.
  const unsigned char* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h ^= w;
    h *= 1099511628211ull;
    h ^= h >> 29;
  }
  for (; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return h;
}

Status WriteBundle(const std::string& path, const std::map<std::string, std::string>& sections) {
  std::string out(kMagic, 8);
  Put<uint32_t>(&out, kBundleFormatVersion);
  Put<uint32_t>(&out, static_cast<uint32_t>(sections.size()));
  for (const auto& [name, bytes] : sections) {
    Put<uint32_t>(&out, static_cast<uint32_t>(name.size()));
    out += name;
    Put<uint64_t>(&out, bytes.size());
    out += bytes;
  }
  Put<uint64_t>(&out, Fnv1a64(out.data(), out.size()));
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IoError(tmp + ": cannot open for writing");
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) return Status::IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError(path + ": rename failed");
  return Status::Ok();
}

Result<Bundle> ParseBundle(std::string bytes, const std::string& name) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  std::string_view view(*owned);
  return ParseBundleView(owned, view, name);
}

Result<Bundle> ParseBundleView(std::shared_ptr<const void> owner, std::string_view s,
                               const std::string& name) {
  if (s.size() < 24 || std::memcmp(s.data(), kMagic, 8) != 0)
    return Status::Corrupt(name + ": not a hadath lexicon bundle (bad magic)");
  uint64_t sum;
  std::memcpy(&sum, s.data() + s.size() - 8, 8);
  if (Fnv1a64(s.data(), s.size() - 8) != sum)
    return Status::Corrupt(name + ": checksum mismatch (truncated or damaged bundle)");
  size_t pos = 8;
  uint32_t version = 0, count = 0;
  Get(s, &pos, &version);
  if (version != kBundleFormatVersion)
    return Status::Corrupt(name + ": bundle format version " + std::to_string(version) +
                           ", this hadath reads version " + std::to_string(kBundleFormatVersion) +
                           " (rebuild the bundle)");
  Get(s, &pos, &count);
  Bundle b;
  b.data = std::move(owner);
  const size_t limit = s.size() - 8;
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t nlen = 0;
    uint64_t size = 0;
    if (!Get(s, &pos, &nlen) || pos + nlen > limit)
      return Status::Corrupt(name + ": section " + std::to_string(k) + " header out of range");
    std::string sname(s.substr(pos, nlen));
    pos += nlen;
    if (!Get(s, &pos, &size) || pos + size > limit)
      return Status::Corrupt(name + ": section '" + sname + "' out of range");
    b.sections[sname] = s.substr(pos, size);
    pos += size;
  }
  b.id = Hex(sum);
  return b;
}

namespace {

// A read-only mapping of a whole file, unmapped when the last Bundle view goes.
struct Mapping {
  void* addr = nullptr;
  size_t size = 0;
  ~Mapping() {
    if (addr) munmap(addr, size);
  }
};

}  // namespace

Result<Bundle> ReadBundle(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open lexicon bundle");
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0) {
    close(fd);
    return Status::IoError(path + ": cannot read lexicon bundle");
  }
  auto m = std::make_shared<Mapping>();
  m->size = static_cast<size_t>(st.st_size);
  // MAP_POPULATE maps every page at once: far cheaper than a fault per page.
  m->addr = mmap(nullptr, m->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (m->addr == MAP_FAILED) {
    m->addr = nullptr;
    return Status::IoError(path + ": cannot map lexicon bundle");
  }
  std::string_view view(static_cast<const char*>(m->addr), m->size);
  return ParseBundleView(m, view, path);
}

}  // namespace hadath
