#include "web/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace casepanel::web {
namespace {

std::string content_type_for(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".map", "application/json"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + p.string());
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void StaticFiles::add_directory(const std::string& url_prefix, const std::string& dir) {
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) {
      continue;
    }
    auto rel = std::filesystem::relative(e.path(), dir).generic_string();
    add_file(url_prefix + rel, e.path().string());
  }
}

void StaticFiles::add_file(const std::string& url, const std::string& path) {
  files_[url] = StaticFile{content_type_for(path), read_file(path)};
}

const StaticFile* StaticFiles::find(const std::string& url) const {
  auto it = files_.find(url);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace casepanel::web
