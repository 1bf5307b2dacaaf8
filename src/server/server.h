// `hadath serve`: the HTTP API (api.h) and the web UI's files over HTTP/1.1 (cpp-httplib).
#ifndef HADATH_SRC_SERVER_SERVER_H_
#define HADATH_SRC_SERVER_SERVER_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "include/hadath/engine.h"

namespace hadath::server {

struct ServerOptions {
  std::string db;  // SQLite path or postgresql:// URI
  std::string host = "127.0.0.1";
  int port = 8080;            // 0: any free port (the one bound is reported)
  int threads = 16;           // request threads, each with its own store connection (a
                              // keep-alive client holds its thread while it stays connected)
  size_t max_body = 2 << 20;  // bytes
  int timeout_ms = 10000;     // per store query; reads and writes of a connection
  std::string web_dir;        // serve the UI from here instead of the built-in copy
};

// One file of the web UI compiled into the binary (gen/web_assets.cc).
struct WebAsset {
  const char* path;  // "/index.html"
  const char* content_type;
  std::string_view body;
};
extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

// Serves until the process is stopped. `ready` is called with the port once bound.
// Returns a process exit status: 0 on a clean stop, 1 when the store or port fails.
int Serve(const Engine& engine, const ServerOptions& options, std::ostream& log,
          const std::function<void(int port)>& ready);

}  // namespace hadath::server

#endif  // HADATH_SRC_SERVER_SERVER_H_
