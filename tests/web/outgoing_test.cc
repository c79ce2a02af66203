// Outgoing (web/outgoing.h): parts gathered for sendmsg, in order, and
// dropped from the front as the socket takes them, whatever the split.
#include "web/outgoing.h"

#include <gtest/gtest.h>
#include <sys/uio.h>

#include <memory>
#include <string>
#include <vector>

namespace casepanel::web {
namespace {

// What `most` iovecs from `out` hold, in one string.
std::string gathered(const Outgoing& out, std::size_t most) {
  std::vector<iovec> parts(most);
  const std::size_t n = out.gather(parts.data(), most);
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    text.append(static_cast<const char*>(parts[i].iov_base), parts[i].iov_len);
  }
  return text;
}

// "head|", then a shared "kept" body with a token between its parts.
Outgoing sample(std::weak_ptr<const std::string>* kept_out = nullptr) {
  auto kept = std::make_shared<const std::string>("<p>one</p>TOKEN<p>two</p>");
  auto token = std::make_shared<const std::string>("mine");
  if (kept_out != nullptr) {
    *kept_out = kept;
  }
  const std::string_view body = *kept;
  Outgoing out("head|");
  out.add(std::string());  // nothing: no part
  out.add(kept, body.substr(0, 10));
  out.add(token, *token);
  out.add(kept, body.substr(15));
  return out;
}

TEST(Outgoing, PartsAreGatheredInOrder) {
  const Outgoing out = sample();
  EXPECT_EQ(out.size(), 29u);
  EXPECT_EQ(out.flat(), "head|<p>one</p>mine<p>two</p>");
  EXPECT_EQ(gathered(out, 16), out.flat());
  EXPECT_EQ(gathered(out, 2), "head|<p>one</p>") << "at most `most` parts";
}

TEST(Outgoing, WhatWentIsDroppedWhereverTheSendStopped) {
  const std::string whole = sample().flat();
  // Every split of the bytes into two sends, and one byte at a time.
  for (std::size_t first = 0; first <= whole.size(); ++first) {
    Outgoing out = sample();
    out.consume(first);
    EXPECT_EQ(out.size(), whole.size() - first);
    EXPECT_EQ(gathered(out, 16), whole.substr(first)) << "after " << first << " bytes";
  }
  Outgoing out = sample();
  std::string sent;
  while (!out.empty()) {
    sent += gathered(out, 1).substr(0, 1);
    out.consume(1);
  }
  EXPECT_EQ(sent, whole);
}

TEST(Outgoing, ASharedPartIsKeptUntilItHasGone) {
  std::weak_ptr<const std::string> kept;
  Outgoing out = sample(&kept);
  Outgoing more("next");
  more.add(std::move(out));
  EXPECT_TRUE(out.empty()) << "its parts moved";
  EXPECT_EQ(more.flat(), "nexthead|<p>one</p>mine<p>two</p>");
  ASSERT_FALSE(kept.expired());
  more.consume(4 + 5 + 10 + 4);  // up to the kept body's last part
  EXPECT_FALSE(kept.expired());
  more.consume(10);
  EXPECT_TRUE(more.empty());
  EXPECT_TRUE(kept.expired()) << "nothing holds the kept body once it went";
}

}  // namespace
}  // namespace casepanel::web
