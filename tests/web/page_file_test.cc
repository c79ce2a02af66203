// PageFile (web/page_file.h): a kept page's body in a sealed in-memory file,
// the same bytes by its descriptor and by its mapping, never writable, and
// closed when the last holder lets go.
#include "web/page_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

namespace casepanel::web {
namespace {

TEST(PageFile, HoldsTheBodyByItsDescriptorAndItsMappingAndCannotBeChanged) {
  std::string body;
  for (int i = 0; i < 100000; ++i) {
    body += static_cast<char>('a' + i % 26);
  }
  const std::size_t before = PageFile::open_now();
  auto file = PageFile::of(body);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(PageFile::open_now(), before + 1);
  EXPECT_EQ(file->bytes(), body);
  std::string read_back(body.size(), '\0');
  EXPECT_EQ(pread(file->fd(), read_back.data(), read_back.size(), 0),
            static_cast<ssize_t>(body.size()));
  EXPECT_EQ(read_back, body);
  EXPECT_EQ(pwrite(file->fd(), "x", 1, 0), -1) << "sealed against writing";
  EXPECT_EQ(ftruncate(file->fd(), 0), -1) << "sealed against shrinking";
  EXPECT_EQ(file->bytes(), body);
  file.reset();
  EXPECT_EQ(PageFile::open_now(), before);
}

TEST(PageFile, AnEmptyBodyHasNone) { EXPECT_EQ(PageFile::of(""), nullptr); }

}  // namespace
}  // namespace casepanel::web
