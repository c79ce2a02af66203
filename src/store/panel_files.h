// Panel files: loads panel types from config/panels/*.toml. This is where
// their file I/O lives; core::PanelType::create does the parsing and checking.
//
// A path may name one file or a directory, in which case every *.toml file in
// it (not in subdirectories, and not hidden files such as editors' ".#x.toml")
// is read in order of name. Either every file loads and the panels come back,
// or the problems of all files come back: an unreadable file, a file that is
// not a valid panel, and a panel id used by more than one file.
//
// The functions hold no state: safe to call from several threads.
#pragma once

#include <filesystem>
#include <vector>

#include "core/panel_type.h"

namespace casepanel::store {

struct PanelFiles {
  std::vector<core::PanelType> panels;             // empty when there are problems
  std::vector<core::PanelType::Problem> problems;  // in the order of the files
  bool ok() const { return problems.empty(); }
};

// One file or directory.
PanelFiles load_panel_files(const std::filesystem::path& path);
// Several, as given on a command line; panel ids must differ across all of them.
PanelFiles load_panel_files(const std::vector<std::filesystem::path>& paths);

}  // namespace casepanel::store
