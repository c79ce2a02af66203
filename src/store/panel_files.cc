// Reads panel files from disk and hands their text to core::PanelType::create.
#include "store/panel_files.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>

namespace casepanel::store {
namespace {

using core::PanelType;
using Problem = PanelType::Problem;

Problem file_problem(const std::filesystem::path& path, std::string message) {
  return Problem{path.string(), 0, "", std::move(message)};
}

// The *.toml files of a directory, by name; hidden files are skipped.
std::vector<std::filesystem::path> toml_files_in(const std::filesystem::path& dir,
                                                 std::error_code& error) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::filesystem::path& p = entry.path();
    bool hidden = p.filename().string().starts_with(".");
    if (entry.is_regular_file() && p.extension() == ".toml" && !hidden) {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void load_one_file(const std::filesystem::path& path, PanelFiles& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    out.problems.push_back(file_problem(path, "cannot read this file"));
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    out.problems.push_back(file_problem(path, "cannot read this file"));
    return;
  }
  PanelType::Loaded loaded = PanelType::create(text.str(), path.string());
  if (!loaded.panel) {
    out.problems.insert(out.problems.end(), loaded.problems.begin(), loaded.problems.end());
    return;
  }
  out.panels.push_back(std::move(*loaded.panel));
}

void load_path(const std::filesystem::path& path, PanelFiles& out) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    out.problems.push_back(file_problem(path, "cannot read: no such file or directory"));
    return;
  }
  if (!std::filesystem::is_directory(status)) {
    load_one_file(path, out);
    return;
  }
  std::vector<std::filesystem::path> files = toml_files_in(path, error);
  if (error) {
    out.problems.push_back(file_problem(path, "cannot read this directory: " + error.message()));
    return;
  }
  if (files.empty()) {
    out.problems.push_back(file_problem(path, "no panel files (*.toml) in this directory"));
  }
  for (const std::filesystem::path& file : files) {
    load_one_file(file, out);
  }
}

// Panels are found by id, so an id may appear in one file only.
void check_unique_ids(PanelFiles& out) {
  std::map<std::string, const PanelType*> first;
  for (const PanelType& panel : out.panels) {
    auto [it, inserted] = first.emplace(panel.id, &panel);
    if (!inserted) {
      out.problems.push_back(
          Problem{panel.source, panel.id_line, "id",
                  "panel id \"" + panel.id + "\" is already used by " + it->second->source});
    }
  }
}

}  // namespace

PanelFiles load_panel_files(const std::filesystem::path& path) {
  return load_panel_files(std::vector<std::filesystem::path>{path});
}

PanelFiles load_panel_files(const std::vector<std::filesystem::path>& paths) {
  PanelFiles out;
  for (const std::filesystem::path& path : paths) {
    load_path(path, out);
  }
  check_unique_ids(out);
  if (!out.ok()) {
    out.panels.clear();
  }
  return out;
}

}  // namespace casepanel::store
