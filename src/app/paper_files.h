// Paper files on disk: where uploaded papers are kept (Services::uploads_dir,
// outside the web root, readable by the service's user only) under generated
// names of 32 random lowercase hex characters, never the uploaded name.
// A file is written to a temporary name, flushed and renamed, and the
// directory flushed, so a crash leaves no half file under a real name and a
// row committed after write_file_atomically returns never names a file a
// crash can take away. Files no row names are removed by the sweep
// (app/paper_sweep.h). I/O errors throw std::system_error
// naming the path (a broken disk is not an expected path).
#pragma once

#include <filesystem>
#include <string>

namespace casepanel::app {

// A new generated name (store/crypto.h random_token).
std::string generated_paper_name();
// Whether a stored name is one this module made: only those are ever opened.
bool generated_name(const std::string& name);
void write_file_atomically(const std::filesystem::path& dir, const std::string& name,
                           const std::string& content);
std::string read_file(const std::filesystem::path& path);
// Removes the file if it is there; errors are ignored (a leftover file is
// harmless, a failed request for want of one is not).
void remove_quietly(const std::filesystem::path& path);

}  // namespace casepanel::app
