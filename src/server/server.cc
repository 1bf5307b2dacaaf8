#include "src/server/server.h"

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "src/server/api.h"

namespace hadath::server {
namespace {

// Headers on every answer: the UI loads nothing from elsewhere, and nothing sniffs types.
void SecurityHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                 "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_header("Referrer-Policy", "no-referrer");
}

const char* TypeOf(const std::string& path) {
  auto ends = [&](const char* e) {
    std::string s(e);
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

// A file of the UI: from `web_dir` when given (development), else the built-in copy.
bool StaticFile(const std::string& web_dir, std::string path, std::string* body,
                std::string* type) {
  if (path == "/" || path.empty()) path = "/index.html";
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos) return false;
  if (!web_dir.empty()) {
    std::ifstream in(web_dir + path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *body = ss.str();
    *type = TypeOf(path);
    return true;
  }
  for (size_t i = 0; i < kWebAssetCount; ++i) {
    if (path == kWebAssets[i].path) {
      *body = std::string(kWebAssets[i].body);
      *type = kWebAssets[i].content_type;
      return true;
    }
  }
  return false;
}

}  // namespace

int Serve(const Engine& engine, const ServerOptions& o, std::ostream& log,
          const std::function<void(int)>& ready) {
  auto pool = StorePool::Open(o.db, &engine, o.threads, o.timeout_ms);
  if (!pool.ok()) {
    log << "hadath: " << pool.status().message() << "\n";
    return 1;
  }
  ApiOptions ao;
  ao.engine_version = Engine::Version();
  ao.bundle_id = engine.bundle_id();
  ao.max_body = o.max_body;
  Api api(engine, *pool.value(), ao);
  std::mutex log_mu;

  httplib::Server srv;
  int threads = o.threads;
  srv.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  srv.set_payload_max_length(o.max_body);
  auto secs = std::chrono::milliseconds(o.timeout_ms);
  srv.set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(secs).count() + 1);
  srv.set_write_timeout(std::chrono::duration_cast<std::chrono::seconds>(secs).count() + 1);
  srv.set_keep_alive_max_count(1000);
  srv.set_tcp_nodelay(true);  // headers and body go out in two writes: no Nagle delay between

  auto handle = [&](const httplib::Request& req, httplib::Response& res) {
    SecurityHeaders(res);
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      Request r;
      r.method = req.method;
      r.path = req.path;
      for (const auto& [k, v] : req.params) r.params.emplace(k, v);
      r.body = req.body;
      r.content_type = req.get_header_value("Content-Type");
      Response out;
      try {
        out = api.Handle(r);
      } catch (
          const std::exception& e) {  // the library does not throw; a bug must not kill the server
        out = ErrorResponse(500, "internal", std::string("internal error: ") + e.what());
      }
      res.status = out.status;
      res.set_header("Cache-Control", "no-store");
      res.set_content(req.method == "HEAD" ? std::string() : out.body, out.content_type.c_str());
      return;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      Response out = ErrorResponse(405, "method_not_allowed",
                                   req.method + " " + req.path + ": only GET is allowed");
      res.status = out.status;
      res.set_content(out.body, out.content_type.c_str());
      return;
    }
    std::string body, type;
    if (!StaticFile(o.web_dir, req.path, &body, &type)) {
      Response out = ErrorResponse(404, "not_found", req.path + ": no such page");
      res.status = out.status;
      res.set_content(out.body, out.content_type.c_str());
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(body, type.c_str());
  };
  srv.Get(".*", handle);
  srv.Post(".*", handle);
  srv.Put(".*", handle);
  srv.Delete(".*", handle);
  srv.Patch(".*", handle);
  srv.Options(".*", handle);
  // Answers the library makes itself (a body over the limit, a malformed request) in the
  // API's JSON shape.
  srv.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    Response out = res.status == 413
                       ? ErrorResponse(413, "too_large", "the request body is over the size limit")
                   : res.status == 404
                       ? ErrorResponse(404, "not_found", req.path + ": not found")
                       : ErrorResponse(res.status, "invalid_input", "malformed HTTP request");
    res.set_content(out.body, out.content_type.c_str());
  });
  srv.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Response out = ErrorResponse(500, "internal", "internal error");
        res.status = 500;
        res.set_content(out.body, out.content_type.c_str());
      });
  srv.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
    if (res.status < 500) return;  // failures only: access logs are the proxy's job
    std::lock_guard<std::mutex> l(log_mu);
    log << "hadath serve: " << req.method << " " << req.path << " -> " << res.status << "\n";
  });

  int port = o.port;
  if (port == 0) {
    port = srv.bind_to_any_port(o.host);
    if (port <= 0) {
      log << "hadath: cannot bind " << o.host << "\n";
      return 1;
    }
  } else if (!srv.bind_to_port(o.host, port)) {
    log << "hadath: cannot bind " << o.host << ":" << port << " (in use, or not allowed)\n";
    return 1;
  }
  ready(port);
  return srv.listen_after_bind() ? 0 : 1;
}

}  // namespace hadath::server
