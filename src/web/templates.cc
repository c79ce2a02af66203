#include "web/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace casepanel::web {

std::shared_ptr<const Templates> Templates::load(const std::string& dir) {
  auto t = std::make_shared<Templates>();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    kainjow::mustache::mustache m{text.str()};
    if (!m.is_valid()) {
      throw std::runtime_error("template " + entry.path().string() + ": " + m.error_message());
    }
    t->parsed_.emplace(entry.path().stem().string(), std::move(m));
  }
  if (t->parsed_.empty()) {
    throw std::runtime_error("no templates in " + dir);
  }
  return t;
}

std::string Templates::render(const std::string& name, const Data& data) const {
  thread_local std::unordered_map<const Templates*,
                                  std::map<std::string, kainjow::mustache::mustache>>
      copies;
  auto& mine = copies[this];
  if (mine.empty()) {
    mine = parsed_;
  }
  auto it = mine.find(name);
  if (it == mine.end()) {
    throw std::logic_error("no template named " + name);
  }
  return it->second.render(data);
}

}  // namespace casepanel::web
