#include "web/downloads.h"

namespace casepanel::web {

// RFC 6266: a plain ASCII `filename` for old clients (non-ASCII characters
// become '_', quotes and backslashes escaped) and `filename*` in UTF-8
// (RFC 8187 percent-encoding) for everyone else. The name has been cleaned
// of control characters when it was stored.
std::string content_disposition(std::string_view name) {
  static constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      if ((c & 0xC0) != 0x80) {
        ascii += '_';  // one '_' per character, at its lead byte
      }
    } else if (c < 0x20 || c == 0x7F) {
      ascii += '_';
    } else {
      if (c == '"' || c == '\\') {
        ascii += '\\';
      }
      ascii += ch;
    }
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum || (c < 0x80 && kAttrChars.find(ch) != std::string_view::npos)) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0F];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

WebResponse download_response(app::PaperFile file) {
  WebResponse out;
  out.content_type = file.media_type;
  out.body = std::move(file.content);
  out.headers.emplace_back("Content-Disposition", content_disposition(file.file_name));
  return out;
}

}  // namespace casepanel::web
