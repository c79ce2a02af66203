// libFuzzer target: multipart/form-data bodies (web/wire.h). The first line
// of the input is the boundary, the rest the body.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casepanel::web;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) {
    return 0;
  }
  const std::string_view boundary = input.substr(0, newline);
  (void)multipart_boundary("multipart/form-data; boundary=" + std::string(boundary));
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  if (parse_multipart(boundary, input.substr(newline + 1), form, files) &&
      form.size() + files.size() > kMaxFormFields) {
    __builtin_trap();
  }
  return 0;
}
