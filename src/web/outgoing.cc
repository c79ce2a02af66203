#include "web/outgoing.h"

#include <sys/uio.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <system_error>

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
  parts_.push_back(Part{std::move(keeper), part, {}});
  left_ += part.size();
}

void Outgoing::add_file(std::shared_ptr<const void> keeper, int fd, std::size_t offset,
                        std::size_t length) {
  if (length == 0) {
    return;
  }
  parts_.push_back(Part{std::move(keeper), {}, FileRange{fd, offset, length}});
  left_ += length;
}

void Outgoing::add(Outgoing&& more) {
  for (std::size_t i = more.first_; i < more.parts_.size(); ++i) {
    Part& part = more.parts_[i];
    if (part.file.fd >= 0) {
      add_file(std::move(part.keeper), part.file.fd, part.file.offset, part.file.length);
    } else {
      add(std::move(part.keeper), part.bytes);
    }
  }
  more = Outgoing{};
}

std::string Outgoing::flat() const {
  std::string out;
  out.reserve(left_);
  for (std::size_t i = first_; i < parts_.size(); ++i) {
    const FileRange& f = parts_[i].file;
    if (f.fd < 0) {
      out += parts_[i].bytes;
      continue;
    }
    const std::size_t at = out.size();
    out.resize(at + f.length);
    std::size_t done = 0;
    while (done < f.length) {
      const ssize_t n =
          pread(f.fd, out.data() + at + done, f.length - done, static_cast<off_t>(f.offset + done));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        throw std::system_error(n < 0 ? errno : EIO, std::generic_category(),
                                "cannot read a kept page's file");
      }
      done += static_cast<std::size_t>(n);
    }
  }
  return out;
}

std::optional<Outgoing::FileRange> Outgoing::next_file() const {
  if (first_ < parts_.size() && parts_[first_].file.fd >= 0) {
    return parts_[first_].file;
  }
  return std::nullopt;
}

bool Outgoing::file_after(std::size_t n) const {
  return first_ + n < parts_.size() && parts_[first_ + n].file.fd >= 0;
}

std::size_t Outgoing::gather(iovec* out, std::size_t most) const {
  std::size_t n = 0;
  for (std::size_t i = first_; i < parts_.size() && n < most && parts_[i].file.fd < 0; ++i, ++n) {
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
    const bool file = part.file.fd >= 0;
    const std::size_t size = file ? part.file.length : part.bytes.size();
    if (n < size) {
      if (file) {
        part.file.offset += n;
        part.file.length -= n;
      } else {
        part.bytes.remove_prefix(n);
      }
      return;
    }
    n -= size;
    part = Part{};  // what it kept goes now, not when the rest has gone
    ++first_;
  }
  if (left_ == 0) {
    parts_.clear();
    first_ = 0;
  }
}

}  // namespace casepanel::web
