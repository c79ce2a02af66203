// Static assets (GOV.UK Frontend's CSS, JavaScript, fonts and images, and our
// own small script), read into memory at start-up and served by exact path.
// Nothing under them is personal data, so they may be cached.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace casepanel::web {

struct StaticFile {
  std::string content_type;
  std::string body;
};

class StaticFiles {
 public:
  // Adds every file below `dir` under the URL prefix, e.g. "/assets/".
  void add_directory(const std::string& url_prefix, const std::string& dir);
  void add_file(const std::string& url, const std::string& path);
  const StaticFile* find(const std::string& url) const;

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace casepanel::web
