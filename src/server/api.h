// The HTTP API of `hadath serve` (doc/formats/http-api.md), independent of the HTTP
// library: a request in, a response out. Thread-safe: each call borrows a store
// connection of its own from the pool.
#ifndef HADATH_SRC_SERVER_API_H_
#define HADATH_SRC_SERVER_API_H_

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "include/hadath/engine.h"
#include "include/hadath/store.h"
#include "src/util/json_writer.h"

namespace hadath::server {

struct Request {
  std::string method;                              // GET, POST, …
  std::string path;                                // decoded, without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body, content_type;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

// A JSON error response (doc/formats/http-api.md, "Errors").
Response ErrorResponse(int status, const std::string& code, const std::string& message,
                       const std::string& parameter = "", long position = 0);

// Store connections, one per concurrent request: SQLite and libpq connections are not to
// be shared between threads.
class StorePool {
 public:
  // Opens `size` connections to `uri`; the first failure is returned.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& uri, const Engine* engine,
                                                 int size, int query_timeout_ms);

  // A connection for the caller alone until the lease ends.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };
  Lease Acquire();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Store>> free_;
};

struct ApiOptions {
  std::string engine_version, bundle_id;
  size_t max_body = 2 << 20;  // bytes of a request body
};

class Api {
 public:
  Api(const Engine& engine, StorePool& pool, ApiOptions options)
      : engine_(engine), pool_(pool), options_(std::move(options)) {}
  // Answers a request whose path starts with /api/.
  Response Handle(const Request& r) const;

 private:
  Response Search(const Request& r) const;
  Response Events(const Request& r) const;
  Response Groups(Store& store, const EventQuery& q) const;
  Response Event(const std::string& id) const;
  Response Document(const std::string& id) const;
  Response Actors(const Request& r) const;
  Response Timeline(const Request& r) const;
  Response Graph(const Request& r) const;
  Response Stats() const;
  Response Analyze(const Request& r) const;

  const Engine& engine_;
  StorePool& pool_;
  ApiOptions options_;
};

// The API's JSON of a stored event, a group of events across documents and the fields of
// the store's stats (also what the CLI writes, so both speak one format).
void WriteEvent(JsonWriter& w, const EventRow& r);
void WriteEventGroup(JsonWriter& w, const EventGroup& g);
void WriteStatsFields(JsonWriter& w, const StoreStats& x);  // inside an open object

// The OpenAPI 3.0 description of the API.
const std::string& OpenApiJson();

}  // namespace hadath::server

#endif  // HADATH_SRC_SERVER_API_H_
