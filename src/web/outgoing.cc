#include "web/outgoing.h"

#include <sys/uio.h>

#include <cassert>

namespace casepanel::web {

void Outgoing::add(std::string bytes) {
  if (bytes.empty()) {
    return;
  }
  // The string lives in the shared block, so the view stays valid.
  auto kept = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view view = *kept;
  add(std::move(kept), view);
}

void Outgoing::add(std::shared_ptr<const void> keeper, std::string_view part) {
  if (part.empty()) {
    return;
  }
  parts_.push_back(Part{std::move(keeper), part});
  left_ += part.size();
}

void Outgoing::add(Outgoing&& more) {
  for (std::size_t i = more.first_; i < more.parts_.size(); ++i) {
    add(std::move(more.parts_[i].keeper), more.parts_[i].bytes);
  }
  more = Outgoing{};
}

std::string Outgoing::flat() const {
  std::string out;
  out.reserve(left_);
  for (std::size_t i = first_; i < parts_.size(); ++i) {
    out += parts_[i].bytes;
  }
  return out;
}

std::size_t Outgoing::gather(iovec* out, std::size_t most) const {
  std::size_t n = 0;
  for (std::size_t i = first_; i < parts_.size() && n < most; ++i, ++n) {
    // iovec's base is not const; sendmsg only reads it.
    out[n].iov_base = const_cast<char*>(parts_[i].bytes.data());
    out[n].iov_len = parts_[i].bytes.size();
  }
  return n;
}

void Outgoing::consume(std::size_t n) {
  assert(n <= left_);
  left_ -= n;
  while (n > 0) {
    Part& part = parts_[first_];
    if (n < part.bytes.size()) {
      part.bytes.remove_prefix(n);
      return;
    }
    n -= part.bytes.size();
    part = Part{};  // what it kept goes now, not when the rest has gone
    ++first_;
  }
  if (left_ == 0) {
    parts_.clear();
    first_ = 0;
  }
}

}  // namespace casepanel::web
