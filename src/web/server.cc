#include "web/server.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <streambuf>
#include <vector>

namespace casepanel::web {

void tune_allocator_for_serving() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
}
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void send(HTTPServerResponse& out, const WebResponse& r, bool head) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  out.setContentType(r.content_type);
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie") {
      out.add(name, value);
    } else {
      out.set(name, value);
    }
  }
  out.setContentLength(static_cast<std::streamsize>(r.body.size()));
  if (head) {
    out.send();
    return;
  }
  out.sendBuffer(r.body.data(), r.body.size());
}

// Room for a multipart form's other fields and part headers beside its file.
constexpr std::size_t kMultipartOverhead = 64 * 1024;

// Reads a request body through, stopping once more than `limit` bytes have
// come: a body without Content-Length (chunked) cannot be refused up front,
// so it is counted as it is read and cut off at the limit.
class LimitedBuffer final : public std::streambuf {
 public:
  LimitedBuffer(std::istream& source, std::size_t limit)
      : source_(source), limit_(limit), buffer_(64 * 1024) {}
  bool exceeded() const { return exceeded_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    if (exceeded_ || read_ > limit_) {
      return traits_type::eof();
    }
    // Ask for one byte past the limit, to tell "exactly the limit" from "over".
    const std::size_t want = std::min(buffer_.size(), limit_ + 1 - read_);
    source_.read(buffer_.data(), static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(source_.gcount());
    if (got == 0) {
      return traits_type::eof();
    }
    read_ += got;
    if (read_ > limit_) {
      exceeded_ = true;
      return traits_type::eof();
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::istream& source_;
  std::size_t limit_;
  std::vector<char> buffer_;
  std::size_t read_ = 0;
  bool exceeded_ = false;
};

// Keeps the file parts of a multipart form, in memory, in order.
class FileParts final : public Poco::Net::PartHandler {
 public:
  explicit FileParts(std::vector<UploadedFile>& out) : out_(out) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    UploadedFile f;
    if (header.has("Content-Disposition")) {
      std::string disposition;
      Poco::Net::NameValueCollection params;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition,
                                                params);
      f.field = params.get("name", "");
      f.file_name = params.get("filename", "");
    }
    Poco::StreamCopier::copyToString(stream, f.content);
    out_.push_back(std::move(f));
  }

 private:
  std::vector<UploadedFile>& out_;
};

bool is_multipart(const HTTPServerRequest& in) {
  std::string type = in.getContentType();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type.rfind("multipart/form-data", 0) == 0;
}

// 413, short and plain, and the connection closed: the rest of the body is
// never read.
WebResponse too_large(bool upload, std::size_t max_upload_bytes) {
  WebResponse r =
      WebResponse::text(413, upload ? "The file is too large: the limit is " +
                                          std::to_string(max_upload_bytes / (1024 * 1024)) +
                                          " MB.\nGo back and choose a smaller file.\n"
                                    : std::string("The form is too large.\n"));
  r.headers.emplace_back("Connection", "close");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(const Site& site, const ServerConfig& config) : site_(site), config_(config) {}

  void handleRequest(HTTPServerRequest& in, HTTPServerResponse& out) override {
    WebRequest r;
    r.method = in.getMethod();
    const bool head = r.method == "HEAD";
    try {
      Poco::URI uri(in.getURI());
      r.path = uri.getPath();
      for (const auto& [k, v] : uri.getQueryParameters()) {
        r.query.emplace(k, v);
      }
    } catch (const std::exception&) {
      send(out, WebResponse::text(400, "Bad request"), head);
      return;
    }
    Poco::Net::NameValueCollection cookies;
    in.getCookies(cookies);
    for (const auto& [k, v] : cookies) {
      r.cookies.emplace(k, v);
    }
    r.authorization = in.get("Authorization", "");
    r.client_address = in.clientAddress().host().toString();
    if (r.method == "POST") {
      // Refuse an oversized body before reading it: by its declared length,
      // or (chunked) by counting as it is read.
      const bool upload = is_multipart(in);
      const std::size_t limit =
          upload ? config_.max_upload_bytes + kMultipartOverhead : config_.max_form_bytes;
      if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(limit)) {
        send(out, too_large(upload, config_.max_upload_bytes), false);
        return;
      }
      LimitedBuffer limited(in.stream(), limit);
      std::istream body(&limited);
      try {
        Poco::Net::HTMLForm form;
        form.setFieldLimit(500);
        FileParts parts(r.files);
        form.load(in, body, parts);
        for (const auto& [k, v] : form) {
          r.form.emplace(k, v);
        }
      } catch (const std::exception& e) {
        if (!limited.exceeded()) {
          // What is left of the body is unread: the connection cannot carry
          // another request.
          WebResponse bad = WebResponse::text(400, "The form could not be read");
          bad.headers.emplace_back("Connection", "close");
          send(out, bad, false);
          return;
        }
      }
      if (limited.exceeded()) {
        send(out, too_large(upload, config_.max_upload_bytes), false);
        return;
      }
    }
    send(out, site_.handle(r), head);
  }

 private:
  const Site& site_;
  const ServerConfig& config_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const Site& site, ServerConfig config) : site_(site), config_(std::move(config)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(site_, config_);
  }

 private:
  const Site& site_;
  ServerConfig config_;
};

}  // namespace

Server::Server(const Site& site, ServerConfig config) {
  auto params = Poco::AutoPtr<Poco::Net::HTTPServerParams>(new Poco::Net::HTTPServerParams);
  params->setMaxThreads(config.max_threads);
  params->setMaxQueued(config.max_queued);
  params->setKeepAlive(config.keep_alive);
  params->setMaxKeepAliveRequests(config.max_keep_alive_requests);
  params->setKeepAliveTimeout(Poco::Timespan(config.keep_alive_timeout_seconds, 0));
  params->setServerName("casepanel");
  params->setSoftwareVersion("casepanel");
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(config.host, config.port), 256);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(site, config), socket, params);
}

Server::~Server() {
  if (server_) {
    server_->stopAll(true);
  }
}

void Server::start() { server_->start(); }
void Server::stop() { server_->stopAll(true); }
int Server::port() const { return server_->port(); }

}  // namespace casepanel::web
