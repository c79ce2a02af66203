// HTML templates: templates/*.mustache, parsed once at start-up. Pages render
// inside templates/layout.mustache. Mustache escapes every {{value}}; the only
// raw insertion is {{{content}}} in the layout, which the server built itself.
//
// Rendering is thread-safe: the engine's render() is not const, so each
// server thread works on its own copy of the parsed templates.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <string>

namespace casepanel::web {

using Data = kainjow::mustache::data;

class Templates {
 public:
  // Reads and parses every *.mustache in `dir`; throws naming a bad template.
  static std::shared_ptr<const Templates> load(const std::string& dir);
  std::string render(const std::string& name, const Data& data) const;

 private:
  std::map<std::string, kainjow::mustache::mustache> parsed_;
};

}  // namespace casepanel::web
