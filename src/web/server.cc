#include "web/server.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <spdlog/spdlog.h>

namespace casepanel::web {
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
    if (r.method == "POST") {
      // Refuse an oversized body before reading it.
      if (in.hasContentLength() &&
          in.getContentLength64() > static_cast<Poco::Int64>(config_.max_form_bytes)) {
        WebResponse tooLarge = WebResponse::text(413, "The form is too large");
        tooLarge.headers.emplace_back("Connection", "close");
        send(out, tooLarge, false);
        return;
      }
      try {
        Poco::Net::HTMLForm form;
        form.setFieldLimit(500);
        form.load(in, in.stream());
        for (const auto& [k, v] : form) {
          r.form.emplace(k, v);
        }
      } catch (const std::exception& e) {
        send(out, WebResponse::text(400, "The form could not be read"), false);
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
