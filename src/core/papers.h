// Papers: the documents a request to panel carries. The panel type lists the
// documents it expects (PanelType::documents); for each one the author
// uploads one or more files or says why it is not provided.
//
// Pure rules, no I/O: which files are accepted (judged by their content,
// never by their name), how a file's name is shown, and whether a request's
// papers are complete. app/papers.h stores the files and the reasons.
// Every function is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/panel_type.h"
#include "core/result.h"

namespace casepanel::core {

// The media type of an accepted file, judged by its content: PDF, Word
// (doc, docx), Excel (xls, xlsx), PNG, JPEG or GIF. nullopt when the content
// is none of these (an HTML file named x.pdf, text, an empty file). The name
// only tells apart the two kinds of OLE2 compound file (.doc and .xls), whose
// content looks alike, and breaks the tie for a ZIP holding both word/ and xl/.
std::optional<std::string> sniff_media_type(std::string_view content, std::string_view file_name);

// Why an accepted file's name cannot be kept, or nullopt: its ending must
// agree with the type its content shows (an HTML page starting "%PDF-" and
// named evil.html is refused, so it is never served back as .html), and it
// must hold no bidirectional control character (a name that reads as .pdf
// but ends in .exe). `media_type` is what sniff_media_type found.
std::optional<std::string> upload_name_problem(std::string_view uploaded_name,
                                               std::string_view media_type);

// What a person is told when sniff_media_type refuses a file.
inline constexpr std::string_view kRefusedTypeMessage =
    "The selected file must be a PDF, Word document, Excel spreadsheet or image";

// A name safe to show and to send back in Content-Disposition: the last path
// part only (after '/' or '\'), valid UTF-8 without control characters or
// bidirectional overrides, trimmed, at most 200 characters; "file" when
// nothing is left.
std::string display_file_name(std::string_view uploaded_name);

// "PDF", "Word document", "Excel spreadsheet", "PNG image" ...
std::string media_label(std::string_view media_type);
// "512 bytes", "34 KB", "1.2 MB" (1 KB = 1,024 bytes).
std::string size_label(std::int64_t bytes);

enum class PaperKind { file, not_provided };
std::string_view paper_kind_id(PaperKind k);  // "file" | "not_provided"
std::optional<PaperKind> paper_kind_from_id(std::string_view id);

// One stored paper of a request: a file, or a reason a document is not provided.
struct PaperEntry {
  std::string document_id;
  PaperKind kind = PaperKind::file;
  std::string reason;  // for not_provided
};

// Where one document stands.
enum class PaperStatus {
  completed,        // at least one file
  not_provided,     // a reason, and a reason is enough
  not_yet_started,  // nothing yet, and something is needed
  optional,         // nothing, and nothing is needed
  cannot_be_sent,   // a required document with a reason but no file
};
PaperStatus paper_status(const DocumentRequirement& doc, const std::vector<PaperEntry>& entries);
std::string_view paper_status_label(PaperStatus s);  // "Completed", "Not yet started" ...

// The form field a document's problems are shown against: "paper_<id>".
std::string paper_field(std::string_view document_id);

// Every problem with a request's papers at once, as Error::invalid with one
// field "paper_<document_id>" per document, in the panel's order:
//   - a required document needs a file (a reason is not enough):
//     "Upload the written CLAM referral";
//   - any other document whose absence needs a reason needs a file or one:
//     "Upload the chronology or say why it is not provided".
// Entries for documents the panel does not list are ignored.
Status check_papers(const PanelType& panel, const std::vector<PaperEntry>& entries);

// "written CLAM referral" from "Written CLAM referral": the label as it
// reads inside a sentence (an initial capital is lowered unless the next word
// is itself capitalised, as in "Social Care Assessment").
std::string label_in_sentence(std::string_view label);

}  // namespace casepanel::core
