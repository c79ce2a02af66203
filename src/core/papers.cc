#include "core/papers.h"

#include <utility>

#include "core/text.h"

namespace casepanel::core {
namespace {

constexpr std::string_view kPdf = "application/pdf";
constexpr std::string_view kDoc = "application/msword";
constexpr std::string_view kXls = "application/vnd.ms-excel";
constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPng = "image/png";
constexpr std::string_view kJpeg = "image/jpeg";
constexpr std::string_view kGif = "image/gif";

constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kPngMagic = "\x89PNG\r\n\x1A\n";
constexpr std::string_view kZipLocal = "PK\x03\x04";
constexpr std::string_view kZipCentral = "PK\x01\x02";
constexpr std::string_view kZipEnd = "PK\x05\x06";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) {
    return false;
  }
  s = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (lower(s[i]) != suffix[i]) {
      return false;
    }
  }
  return true;
}

// Little-endian fields of ZIP records; 0 past the end (callers bound-check).
std::uint32_t le16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) {
    return 0;
  }
  return static_cast<std::uint8_t>(s[at]) | (static_cast<std::uint8_t>(s[at + 1]) << 8);
}
std::uint32_t le32(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) {
    return 0;
  }
  return le16(s, at) | (le16(s, at + 2) << 16);
}

// The entry names of a ZIP archive: from the central directory when the end
// record is found, else by walking the local file headers (which stops at an
// entry whose size is only given after its data).
std::vector<std::string_view> zip_names(std::string_view z) {
  std::vector<std::string_view> names;
  constexpr std::size_t kEndSize = 22;
  constexpr std::size_t kMaxComment = 0xFFFF;
  if (z.size() >= kEndSize) {
    const std::size_t lowest =
        z.size() > kEndSize + kMaxComment ? z.size() - kEndSize - kMaxComment : 0;
    for (std::size_t at = z.size() - kEndSize + 1; at-- > lowest;) {
      if (z.substr(at, 4) != kZipEnd) {
        continue;
      }
      const std::size_t entries = le16(z, at + 10);
      std::size_t p = le32(z, at + 16);
      for (std::size_t i = 0; i < entries && p + 46 <= z.size() && z.substr(p, 4) == kZipCentral;
           ++i) {
        const std::size_t name_len = le16(z, p + 28);
        const std::size_t rest = name_len + le16(z, p + 30) + le16(z, p + 32);
        if (p + 46 + name_len > z.size()) {
          break;
        }
        names.push_back(z.substr(p + 46, name_len));
        p += 46 + rest;
      }
      if (!names.empty()) {
        return names;
      }
      break;
    }
  }
  std::size_t p = 0;
  while (p + 30 <= z.size() && z.substr(p, 4) == kZipLocal) {
    const std::uint32_t flags = le16(z, p + 6);
    const std::size_t compressed = le32(z, p + 18);
    const std::size_t name_len = le16(z, p + 26);
    const std::size_t extra_len = le16(z, p + 28);
    if (p + 30 + name_len > z.size()) {
      break;
    }
    names.push_back(z.substr(p + 30, name_len));
    if (flags & 0x08) {
      break;  // sizes follow the data: the next header cannot be found cheaply
    }
    p += 30 + name_len + extra_len + compressed;
  }
  return names;
}

std::optional<std::string> sniff_zip(std::string_view content, std::string_view file_name) {
  bool types = false;
  bool word = false;
  bool excel = false;
  for (std::string_view n : zip_names(content)) {
    types = types || n == "[Content_Types].xml";
    word = word || starts_with(n, "word/");
    excel = excel || starts_with(n, "xl/");
  }
  if (!types || (!word && !excel)) {
    return std::nullopt;
  }
  if (word && excel) {
    if (ends_with_ci(file_name, ".docx")) {
      return std::string(kDocx);
    }
    if (ends_with_ci(file_name, ".xlsx")) {
      return std::string(kXlsx);
    }
    return std::nullopt;
  }
  return std::string(word ? kDocx : kXlsx);
}

// Control characters (C0, DEL, C1) and the bidirectional controls that can
// make "report\u202Efdp.exe" read as "reportexe.pdf".
bool unwanted(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || bidi_control(cp); }

bool has_text(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

}  // namespace

std::optional<std::string> sniff_media_type(std::string_view content, std::string_view file_name) {
  if (starts_with(content, "%PDF-")) {
    return std::string(kPdf);
  }
  if (starts_with(content, kPngMagic)) {
    return std::string(kPng);
  }
  if (starts_with(content, "\xFF\xD8\xFF")) {
    return std::string(kJpeg);
  }
  if (starts_with(content, "GIF87a") || starts_with(content, "GIF89a")) {
    return std::string(kGif);
  }
  if (starts_with(content, kZipLocal)) {
    return sniff_zip(content, file_name);
  }
  if (starts_with(content, kOle2Magic)) {
    // A compound file holds Word, Excel, PowerPoint, Outlook messages ... and
    // its header does not say which: the name decides between the two we take.
    if (ends_with_ci(file_name, ".doc")) {
      return std::string(kDoc);
    }
    if (ends_with_ci(file_name, ".xls")) {
      return std::string(kXls);
    }
  }
  return std::nullopt;
}

std::string display_file_name(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name = name.substr(slash + 1);
  }
  std::string out;
  std::size_t chars = 0;
  constexpr std::size_t kMaxChars = 200;
  for (std::size_t i = 0; i < name.size() && chars < kMaxChars;) {
    char32_t cp = 0;
    const std::size_t len = utf8_sequence(name, i, cp);
    if (len == 0) {
      ++i;  // an invalid byte is dropped
      continue;
    }
    if (!unwanted(cp)) {
      out.append(name.substr(i, len));
      ++chars;
    }
    i += len;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) {
    return "file";
  }
  out.erase(0, first);
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

namespace {

// The endings a file of each accepted type may have, the usual one first.
struct TypeEndings {
  std::string_view media_type;
  std::string_view label;
  std::string_view usual;
  std::string_view other = {};  // a second accepted ending, if any
};
const TypeEndings kEndings[] = {
    {kPdf, "a PDF", "pdf"},
    {kDoc, "a Word document", "doc"},
    {kDocx, "a Word document", "docx"},
    {kXls, "an Excel spreadsheet", "xls"},
    {kXlsx, "an Excel spreadsheet", "xlsx"},
    {kPng, "a PNG image", "png"},
    {kJpeg, "a JPEG image", "jpg", "jpeg"},
    {kGif, "a GIF image", "gif"},
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> upload_name_problem(std::string_view uploaded_name,
                                               std::string_view media_type) {
  if (has_bidi_control(uploaded_name)) {
    return std::string(
        "The file name contains hidden characters that change the direction of the text: "
        "rename the file and upload it again");
  }
  const std::string name = display_file_name(uploaded_name);
  const auto dot = name.find_last_of('.');
  const std::string ending =
      dot == std::string::npos ? std::string() : lower_ascii(name.substr(dot + 1));
  for (const TypeEndings& t : kEndings) {
    if (t.media_type != media_type) {
      continue;
    }
    if (ending == t.usual || (!t.other.empty() && ending == t.other)) {
      return std::nullopt;
    }
    const std::string usual(t.usual);
    if (ending.empty()) {
      return "The selected file is " + std::string(t.label) +
             " but its name has no ending: rename it to end in ." + usual;
    }
    return "The selected file is " + std::string(t.label) + " but its name ends in ." + ending +
           ": rename it to end in ." + usual;
  }
  return std::string(kRefusedTypeMessage);
}

std::string media_label(std::string_view media_type) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {kPdf, "PDF"},
      {kDoc, "Word document"},
      {kDocx, "Word document"},
      {kXls, "Excel spreadsheet"},
      {kXlsx, "Excel spreadsheet"},
      {kPng, "PNG image"},
      {kJpeg, "JPEG image"},
      {kGif, "GIF image"},
  };
  for (const auto& [type, label] : kLabels) {
    if (type == media_type) {
      return std::string(label);
    }
  }
  return "File";
}

std::string size_label(std::int64_t bytes) {
  constexpr std::int64_t kKb = 1024;
  constexpr std::int64_t kMb = 1024 * 1024;
  if (bytes < kKb) {
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  }
  if (bytes < kMb) {
    return std::to_string((bytes + kKb - 1) / kKb) + " KB";
  }
  // One decimal place, rounded half up: 1,258,291 bytes -> "1.2 MB".
  const std::int64_t tenths = (bytes * 10 + kMb / 2) / kMb;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::string_view paper_kind_id(PaperKind k) {
  return k == PaperKind::file ? "file" : "not_provided";
}

std::optional<PaperKind> paper_kind_from_id(std::string_view id) {
  if (id == "file") {
    return PaperKind::file;
  }
  if (id == "not_provided") {
    return PaperKind::not_provided;
  }
  return std::nullopt;
}

PaperStatus paper_status(const DocumentRequirement& doc, const std::vector<PaperEntry>& entries) {
  bool file = false;
  bool reason = false;
  for (const PaperEntry& e : entries) {
    if (e.document_id != doc.id) {
      continue;
    }
    file = file || e.kind == PaperKind::file;
    reason = reason || (e.kind == PaperKind::not_provided && has_text(e.reason));
  }
  if (file) {
    return PaperStatus::completed;
  }
  if (doc.required) {
    return reason ? PaperStatus::cannot_be_sent : PaperStatus::not_yet_started;
  }
  if (reason) {
    return PaperStatus::not_provided;
  }
  return doc.reason_required_if_missing ? PaperStatus::not_yet_started : PaperStatus::optional;
}

std::string_view paper_status_label(PaperStatus s) {
  switch (s) {
    case PaperStatus::completed:
      return "Completed";
    case PaperStatus::not_provided:
      return "Not provided";
    case PaperStatus::not_yet_started:
      return "Not yet started";
    case PaperStatus::optional:
      return "Optional";
    case PaperStatus::cannot_be_sent:
      return "Cannot be sent";
  }
  return "Not yet started";
}

std::string paper_field(std::string_view document_id) {
  return "paper_" + std::string(document_id);
}

std::string label_in_sentence(std::string_view label) {
  std::string out(label);
  if (out.size() < 2 || !upper(out[0]) || upper(out[1])) {
    return out;  // empty, already lower case, or an acronym ("CLAM ...")
  }
  const auto space = out.find(' ');
  const bool next_capitalised = space != std::string::npos && space + 2 < out.size() &&
                                upper(out[space + 1]) && !upper(out[space + 2]) &&
                                out[space + 2] != ' ';
  if (!next_capitalised) {
    out[0] = lower(out[0]);
  }
  return out;
}

Status check_papers(const PanelType& panel, const std::vector<PaperEntry>& entries) {
  std::vector<FieldError> problems;
  for (const DocumentRequirement& doc : panel.documents) {
    const std::string name = label_in_sentence(doc.label);
    switch (paper_status(doc, entries)) {
      case PaperStatus::completed:
      case PaperStatus::not_provided:
      case PaperStatus::optional:
        break;
      case PaperStatus::cannot_be_sent:
        // CLAM: "the written CLAM referral" must reach the coordinator; a
        // reason for leaving it out is not enough.
        problems.push_back({paper_field(doc.id), "Upload the " + name});
        break;
      case PaperStatus::not_yet_started:
        problems.push_back(
            {paper_field(doc.id), doc.required
                                      ? "Upload the " + name
                                      : "Upload the " + name + " or say why it is not provided"});
        break;
    }
  }
  if (!problems.empty()) {
    return Error::invalid_fields(std::move(problems));
  }
  return ok_status();
}

}  // namespace casepanel::core
