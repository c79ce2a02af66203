// The socket calls the HTTP server (web/server.h) makes outside its event
// loop: opening the listening socket, naming a peer, answering a connection
// it will not serve, and taking a trusted proxy's word for the client's
// address. Plain functions of their arguments; safe from any thread.
#pragma once

#include <sys/socket.h>

#include <string>
#include <vector>

#include "web/http.h"

namespace casepanel::web {

// A non-blocking listening socket on host:port (port 0 picks a free one).
// Throws std::runtime_error when the address cannot be resolved or bound.
int listen_on(const std::string& host, int port);
// The port a listening socket is bound to.
int bound_port(int fd);
// The numeric IPv4 or IPv6 address of a peer ("" for other families).
std::string peer_address(const sockaddr_storage& addr);
// Out of descriptors: gives up `spare` (a descriptor kept for this), takes
// the oldest waiting connection off the listener's queue and closes it, so
// that the listener does not wake epoll again and again; then keeps a spare
// again.
void shed_one(int listener, int& spare);
// The next connection waiting on the listener, non-blocking, and its peer's
// address in `peer`; -1 when none waits (or it failed: out of descriptors,
// the oldest waiting is shed with `spare`, see shed_one).
int accept_one(int listener, int& spare, std::string& peer);
// Sends a short answer that closes the connection, best effort: for a fresh
// socket, or a client too slow to wait for. The caller closes `fd`.
void send_and_forget(int fd, const WebResponse& response);
// The peer, or the client a trusted proxy names in X-Real-IP (only a
// well-formed IPv4 or IPv6 address is taken); `x_real_ip` may be null.
std::string client_address(const std::string& peer, const std::string* x_real_ip,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace casepanel::web
