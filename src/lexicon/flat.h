// Flat, allocation-free hash tables keyed by 64-bit hashes (open addressing, linear
// probing, power-of-two sizes). They serialize as plain arrays, so the lexicon snapshot
// loads them with one copy. Keys are hashes already: a key of 0 marks an empty slot, so
// stored keys have their low bit set (Key()).
#ifndef HADATH_SRC_LEXICON_FLAT_H_
#define HADATH_SRC_LEXICON_FLAT_H_

#include <cstdint>
#include <vector>

namespace hadath {

template <typename V>
class FlatMap64 {
 public:
  struct Slot {
    uint64_t key = 0;
    V value{};
  };
  static uint64_t Key(uint64_t h) { return h | 1; }

  void Build(const std::vector<std::pair<uint64_t, V>>& items) {
    size_t n = 16;
    while (n < items.size() * 2 + 1) n <<= 1;
    slots_.assign(n, Slot{});
    for (const auto& [h, v] : items) {
      size_t i = Key(h) & (n - 1);
      while (slots_[i].key != 0 && slots_[i].key != Key(h)) i = (i + 1) & (n - 1);
      slots_[i] = {Key(h), v};
    }
  }
  const V* Find(uint64_t h) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    const uint64_t k = Key(h);
    for (size_t i = k & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == k) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  std::vector<Slot>& slots() { return slots_; }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  std::vector<Slot> slots_;
};

}  // namespace hadath

#endif  // HADATH_SRC_LEXICON_FLAT_H_
