// Outgoing (web/outgoing.h): parts gathered for sendmsg, in order, and
// dropped from the front as the socket takes them, whatever the split; a
// file's part (a kept page's body, sent by sendfile) stands alone.
#include "web/outgoing.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
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

// An in-memory file holding `text`, closed when the last holder lets go.
struct MemoryFile {
  explicit MemoryFile(const std::string& text) : fd(memfd_create("outgoing-test", MFD_CLOEXEC)) {
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  ~MemoryFile() { close(fd); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const int fd;
};

// "head|", a file's bytes 2..11 ("<p>one</p>"), "mine", then the file's
// bytes 15.. ("<p>two</p>").
Outgoing with_files(std::weak_ptr<const MemoryFile>* file_out = nullptr) {
  auto file = std::make_shared<const MemoryFile>("xx<p>one</p>TOKEN<p>two</p>");
  if (file_out != nullptr) {
    *file_out = file;
  }
  Outgoing out("head|");
  out.add_file(file, file->fd, 2, 10);
  out.add_file(file, file->fd, 9, 0);  // nothing: no part
  out.add("mine");
  out.add_file(file, file->fd, 17, 10);
  return out;
}

// Sends `out` as the server does: a file's part alone, as sendfile would
// (at most `chunk` bytes a call, read here with pread), the memory parts
// up to it gathered.
std::string send_all(Outgoing& out, std::size_t chunk) {
  std::string sent;
  while (!out.empty()) {
    std::size_t n = 0;
    if (const auto file = out.next_file()) {
      std::string bytes(std::min(chunk, file->length), '\0');
      EXPECT_EQ(pread(file->fd, bytes.data(), bytes.size(), static_cast<off_t>(file->offset)),
                static_cast<ssize_t>(bytes.size()));
      sent += bytes;
      n = bytes.size();
    } else {
      const std::string gathered_now = gathered(out, 16).substr(0, chunk);
      sent += gathered_now;
      n = gathered_now.size();
    }
    out.consume(n);
  }
  return sent;
}

TEST(Outgoing, AFilesPartIsSentAloneAndTheGatherBeforeItSaysMore) {
  Outgoing out = with_files();
  EXPECT_EQ(out.size(), 29u);
  EXPECT_EQ(out.flat(), "head|<p>one</p>mine<p>two</p>") << "flat() reads the file";
  EXPECT_EQ(gathered(out, 16), "head|") << "a gather stops at a file's part";
  EXPECT_TRUE(out.file_after(1));
  EXPECT_FALSE(out.next_file().has_value());
  out.consume(5);
  const auto file = out.next_file();
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->offset, 2u);
  EXPECT_EQ(file->length, 10u);
  out.consume(4);  // sendfile took four bytes
  EXPECT_EQ(out.next_file()->offset, 6u);
  EXPECT_EQ(out.next_file()->length, 6u);
  out.consume(6);
  EXPECT_FALSE(out.next_file().has_value());
  EXPECT_EQ(gathered(out, 16), "mine");
  EXPECT_TRUE(out.file_after(1));
  EXPECT_FALSE(out.file_after(2)) << "nothing after the last part";
}

TEST(Outgoing, FilesPartsGoWholeWhateverTheSplitAndAreKeptUntilTheyHaveGone) {
  const std::string whole = with_files().flat();
  for (std::size_t chunk = 1; chunk <= whole.size(); ++chunk) {
    Outgoing out = with_files();
    EXPECT_EQ(send_all(out, chunk), whole) << chunk << " bytes a send";
  }
  std::weak_ptr<const MemoryFile> file;
  Outgoing more("next");
  more.add(with_files(&file));
  EXPECT_EQ(more.flat(), "next" + whole) << "moved with its file";
  more.consume(4 + 5 + 10 + 4 + 9);
  EXPECT_FALSE(file.expired());
  more.consume(1);
  EXPECT_TRUE(more.empty());
  EXPECT_TRUE(file.expired()) << "the file is closed once its last byte went";
}

}  // namespace
}  // namespace casepanel::web
