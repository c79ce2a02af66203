// Fuzz target: the upload type detection, core::sniff_media_type (with its
// reader of ZIP central directories and local headers, for .docx and
// .xlsx), and core::display_file_name, which cleans the name the browser
// sent. Both see every byte of a file a person uploads.
//
// Input: the uploaded file's name, a newline, then the file's content (seeds
// in corpus/upload_sniff/ are written that way: "minutes.docx\nPK...").
// Input without a newline is a nameless upload.
//
// Properties checked:
//   - the detected type is one of those the service accepts (it has a label);
//   - the cleaned name is never empty, at most 200 characters, valid UTF-8,
//     without a path separator or a control character, and cleaning it again
//     changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/papers.h"
#include "fuzz/property.h"

namespace {

using namespace casepanel;

// Counts the characters of valid UTF-8; -1 when it is not.
long utf8_length(std::string_view s) {
  long chars = 0;
  for (std::size_t i = 0; i < s.size(); ++chars) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80         ? 1
                            : (c >> 5) == 6  ? 2
                            : (c >> 4) == 14 ? 3
                            : (c >> 3) == 30 ? 4
                                             : 0;
    if (len == 0 || i + len > s.size()) {
      return -1;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        return -1;
      }
    }
    i += len;
  }
  return chars;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view name = newline == std::string_view::npos ? "" : input.substr(0, newline);
  const std::string_view content =
      newline == std::string_view::npos ? input : input.substr(newline + 1);

  if (const auto type = core::sniff_media_type(content, name)) {
    FUZZ_CHECK(core::media_label(*type) != "File");
  }

  const std::string shown = core::display_file_name(name);
  FUZZ_CHECK(!shown.empty());
  const long chars = utf8_length(shown);
  FUZZ_CHECK(chars >= 1 && chars <= 200);
  FUZZ_CHECK(shown.find_first_of("/\\") == std::string::npos);
  for (unsigned char c : shown) {
    FUZZ_CHECK(c >= 0x20 && c != 0x7F);
  }
  FUZZ_CHECK(core::display_file_name(shown) == shown);
  return 0;
}
