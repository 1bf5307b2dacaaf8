// hadath ingest: a reader, several analysis threads and one writer.
//
// The reader turns the inputs into documents, in order, and asks the store (on a
// connection of its own) whether each is stored already unchanged, so that a resumed or
// repeated ingest does not analyse it again. Analysis threads take documents as they
// come; the writer stores the results in input order, in batched transactions, so the
// database after an interrupted run is a prefix of the input and a second run finishes it.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "include/hadath/engine.h"
#include "include/hadath/store.h"
#include "tools/commands.h"

namespace hadath::cli {
namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop = true; }

struct Work {
  long seq = 0;
  std::string origin;
  std::optional<Document> doc;  // null: rejected by the reader (error in `error`)
  Status error;
  bool unchanged = false;  // stored already: not analysed
  std::optional<Result<Analysis>> analysis;
  std::shared_ptr<const void> prepared;  // the store's share of the work, done here
};

// Documents in the inputs, counted without reading them as articles (for the ETA); -1
// when unknown (standard input).
long CountDocuments(const std::vector<std::string>& files, const std::string& kind) {
  long n = 0;
  for (const std::string& f : files) {
    if (f == "-") return -1;
    bool jsonl = kind == "jsonl" ||
                 (kind.empty() && (f.size() > 6 && (f.compare(f.size() - 6, 6, ".jsonl") == 0 ||
                                                    f.compare(f.size() - 7, 7, ".ndjson") == 0)));
    if (!jsonl) {
      ++n;
      continue;
    }
    std::FILE* in = std::fopen(f.c_str(), "rb");
    if (!in) continue;
    char buf[1 << 16];
    bool blank = true;
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, in)) > 0) {
      for (size_t i = 0; i < got; ++i) {
        char c = buf[i];
        if (c == '\n') {
          n += !blank;
          blank = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          blank = false;
        }
      }
    }
    n += !blank;
    std::fclose(in);
  }
  return n;
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char b[32];
  if (s >= 3600)
    std::snprintf(b, sizeof b, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(b, sizeof b, "%ld:%02ld", s / 60, s % 60);
  return b;
}

// A one-line progress bar on a terminal: done/total, percent, rate and time left.
class Progress {
 public:
  Progress(long total, bool tty)
      : total_(total), tty_(tty), start_(std::chrono::steady_clock::now()) {}
  void Update(long done, long events, bool force = false) {
    if (!tty_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? done / secs : 0;
    char line[256];
    if (total_ > 0) {
      int width = 24,
          filled = static_cast<int>(width * std::min(1.0, static_cast<double>(done) / total_));
      std::string bar = std::string(filled, '#') + std::string(width - filled, '.');
      std::string eta = rate > 0 && done < total_ ? Clock((total_ - done) / rate) : "0:00";
      std::snprintf(line, sizeof line,
                    "\r[%s] %ld/%ld documents %3.0f%%  %.0f docs/s  ETA %s  %ld events ",
                    bar.c_str(), done, total_, 100.0 * done / total_, rate, eta.c_str(), events);
    } else {
      std::snprintf(line, sizeof line, "\r%ld documents  %.0f docs/s  %s  %ld events ", done, rate,
                    Clock(secs).c_str(), events);
    }
    std::cerr << line << std::flush;
  }
  // Clears the bar before a message line (it is redrawn on the next update).
  void Clear() {
    if (tty_) std::cerr << "\r\x1b[K";
  }
  void Finish() {
    if (tty_) std::cerr << "\n";
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  long total_;
  bool tty_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace

int RunIngest(const Args& a, const Engine& engine, const std::string& db) {
  int threads = a.opts.count("threads")
                    ? std::atoi(a.Get("threads").c_str())
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto writer_store = Store::Open(db, &engine);
  if (!writer_store.ok()) {
    std::cerr << "hadath: " << writer_store.status().message() << "\n";
    return 1;
  }
  auto reader_store = Store::Open(db, &engine);  // asks what is stored already
  if (!reader_store.ok()) {
    std::cerr << "hadath: " << reader_store.status().message() << "\n";
    return 1;
  }
  Store& st = *writer_store.value();
  Store& seen = *reader_store.value();
  const std::string bundle = engine.bundle_id();

  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  // Shared state: the queue of documents to analyse, the results by sequence number, and
  // a bound on documents in flight so neither grows without limit.
  // Each waits on its own condition: workers for work, the writer for the next result in
  // order, the reader for room; a wake-up goes to the thread that can go on.
  std::mutex mu;
  std::condition_variable work_cv, done_cv, room_cv;
  std::deque<Work*> todo;
  std::map<long, std::unique_ptr<Work>> done;
  long produced = 0, written = 0;
  bool reading = true;
  const long max_in_flight = 64L * threads;
  std::string usage_error;

  std::thread reader([&] {
    bool ok = ForEachInput(
        a.files, a.Get("input"),
        [&](ReadItem item) {
          if (g_stop) return;
          auto w = std::make_unique<Work>();
          w->origin = item.origin;
          if (item.doc.ok()) {
            w->doc = std::move(item.doc.value());
            Result<bool> same = seen.Unchanged(*w->doc, bundle);
            w->unchanged = same.ok() && same.value();
          } else {
            w->error = item.doc.status();
          }
          std::unique_lock<std::mutex> l(mu);
          room_cv.wait(l, [&] { return produced - written < max_in_flight || g_stop; });
          w->seq = produced++;
          if (w->doc && !w->unchanged) {
            todo.push_back(w.release());  // a worker moves it to `done`
            work_cv.notify_one();
          } else {
            done.emplace(w->seq, std::move(w));
            done_cv.notify_one();
          }
        },
        &usage_error);
    (void)ok;
    std::lock_guard<std::mutex> l(mu);
    reading = false;
    work_cv.notify_all();
    done_cv.notify_one();
  });

  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      for (;;) {
        Work* w;
        {
          std::unique_lock<std::mutex> l(mu);
          work_cv.wait(l, [&] { return !todo.empty() || !reading; });
          if (todo.empty()) return;
          w = todo.front();
          todo.pop_front();
        }
        std::shared_ptr<const ReadText> read;
        w->analysis = engine.Analyze(*w->doc, &read);
        if (w->analysis->ok()) w->prepared = st.Prepare(*w->doc, w->analysis->value(), read.get());
        std::lock_guard<std::mutex> l(mu);
        bool next = w->seq == written;  // what the writer waits for
        done.emplace(w->seq, std::unique_ptr<Work>(w));
        if (next) done_cv.notify_one();
      }
    });
  }

  Progress progress(CountDocuments(a.files, a.Get("input")), isatty(STDERR_FILENO));
  long added = 0, replaced = 0, unchanged = 0, rejected = 0, events = 0, in_batch = 0;
  int rc = 0;
  Status fatal;
  auto batch_start = std::chrono::steady_clock::now();
  Status b = st.Begin();
  if (!b.ok()) fatal = b;
  for (;;) {
    std::unique_ptr<Work> w;
    {
      std::unique_lock<std::mutex> l(mu);
      done_cv.wait_for(l, std::chrono::milliseconds(200),
                  [&] { return done.count(written) || (!reading && written == produced); });
      if (!done.count(written)) {
        if (!reading && written == produced) break;
        l.unlock();
        progress.Update(written, events);
        continue;
      }
      w = std::move(done[written]);
      done.erase(written);
    }
    if (!fatal.ok()) {  // the store failed: count what is left as not stored
      ++rejected;
    } else if (!w->doc) {
      progress.Clear();
      std::cerr << w->error.message() << "\n";
      ++rejected;
      rc = 1;
    } else if (w->unchanged) {
      ++unchanged;
    } else if (!w->analysis->ok()) {
      progress.Clear();
      std::cerr << w->analysis->status().message() << "\n";
      ++rejected;
      rc = 1;
    } else {
      auto put = st.PutPrepared(*w->doc, w->analysis->value(), Engine::Version(), bundle, w->prepared);
      if (!put.ok()) {
        progress.Clear();
        std::cerr << w->origin << ": " << put.status().message() << "\n";
        ++rejected;
        rc = 1;
      } else if (put.value() == PutOutcome::kUnchanged) {
        ++unchanged;
      } else {
        (put.value() == PutOutcome::kAdded ? added : replaced)++;
        events += static_cast<long>(w->analysis->value().events.size());
      }
      ++in_batch;
    }
    {
      std::lock_guard<std::mutex> l(mu);
      ++written;
      room_cv.notify_one();
    }
    if (fatal.ok() &&
        (in_batch >= 1000 || (in_batch > 0 && std::chrono::steady_clock::now() - batch_start >
                                                  std::chrono::seconds(2)))) {
      Status c = st.Commit();
      if (c.ok()) c = st.Begin();
      if (!c.ok()) fatal = c;
      in_batch = 0;
      batch_start = std::chrono::steady_clock::now();
    }
    progress.Update(written, events);
  }
  reader.join();
  for (std::thread& t : workers) t.join();
  if (fatal.ok()) fatal = st.Commit();
  progress.Update(written, events, true);
  progress.Finish();
  if (!usage_error.empty()) return Usage(usage_error);
  if (!fatal.ok()) {
    std::cerr << "hadath: " << fatal.message()
              << " (documents up to the last commit are stored; run again to resume)\n";
    return 1;
  }
  double secs = progress.Seconds();
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s, %.0f documents/s", secs,
                secs > 0 ? written / secs : 0.0);
  std::cerr << "ingested: " << added << " added, " << replaced << " replaced, " << unchanged
            << " unchanged, " << rejected << " rejected; " << events << " events stored in " << db
            << " (" << threads << " analysis threads, " << rate << ")"
            << (g_stop ? "; interrupted: run again to resume" : "") << "\n";
  return g_stop ? 130 : rc;
}

}  // namespace hadath::cli
