// Tests for the rules of papers: which files are accepted (by content, never
// by name), how names are shown, and when a request's papers are complete
// for the two shipped panel types.
#include "core/papers.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace casepanel::core {
namespace {

using namespace std::string_literals;

PanelType load_shipped(const std::string& file) {
  const std::string path = std::string(CASEPANEL_SOURCE_DIR) + "/config/panels/" + file;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  PanelType::Loaded loaded = PanelType::create(text.str(), path);
  EXPECT_TRUE(loaded.panel.has_value()) << path;
  return loaded.panel.value_or(PanelType{});
}

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A minimal ZIP archive of stored (uncompressed) entries, as Office writes
// them: local headers with the data, then the central directory and its end
// record. `with_directory` false leaves the last two out (a truncated file).
std::string make_zip(const std::vector<std::string>& names, bool with_directory = true) {
  std::string out;
  std::vector<std::uint32_t> offsets;
  const std::string data = "<x/>";
  for (const auto& name : names) {
    offsets.push_back(static_cast<std::uint32_t>(out.size()));
    out += "PK\x03\x04"s;
    put16(out, 20);  // version needed
    put16(out, 0);   // flags
    put16(out, 0);   // stored
    put32(out, 0);   // time, date
    put32(out, 0);   // crc (not checked)
    put32(out, static_cast<std::uint32_t>(data.size()));
    put32(out, static_cast<std::uint32_t>(data.size()));
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 0);
    out += name + data;
  }
  if (!with_directory) {
    return out;
  }
  const auto directory = static_cast<std::uint32_t>(out.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += "PK\x01\x02"s;
    put16(out, 20);
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, 0);
    put32(out, static_cast<std::uint32_t>(data.size()));
    put32(out, static_cast<std::uint32_t>(data.size()));
    put16(out, static_cast<std::uint32_t>(names[i].size()));
    put16(out, 0);  // extra
    put16(out, 0);  // comment
    put16(out, 0);  // disk
    put16(out, 0);  // internal attributes
    put32(out, 0);  // external attributes
    put32(out, offsets[i]);
    out += names[i];
  }
  const auto size = static_cast<std::uint32_t>(out.size()) - directory;
  out += "PK\x05\x06"s;
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(names.size()));
  put16(out, static_cast<std::uint32_t>(names.size()));
  put32(out, size);
  put32(out, directory);
  put16(out, 0);
  return out;
}

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";
const std::string kPng = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s;
const std::string kJpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF\0"s;
const std::string kGif89 = "GIF89a\x01\0\x01\0"s;
const std::string kGif87 = "GIF87a\x01\0\x01\0"s;
const std::string kOle2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"s;
const std::string kDocx = make_zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"});
const std::string kXlsx = make_zip({"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"});

constexpr const char* kWord = "application/msword";
constexpr const char* kExcel = "application/vnd.ms-excel";
constexpr const char* kWordX =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kExcelX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct SniffCase {
  const char* what;
  std::string content;
  std::string name;
  std::optional<std::string> expected;  // nullopt: refused
};

TEST(Papers, FilesAreJudgedByTheirContent) {
  const std::vector<SniffCase> cases = {
      {.what = "PDF", .content = kPdf, .name = "referral.pdf", .expected = "application/pdf"},
      {.what = "PDF named .txt",
       .content = kPdf,
       .name = "notes.txt",
       .expected = "application/pdf"},
      {.what = "PNG", .content = kPng, .name = "genogram.png", .expected = "image/png"},
      {.what = "JPEG", .content = kJpeg, .name = "photo.JPG", .expected = "image/jpeg"},
      {.what = "GIF89a", .content = kGif89, .name = "a.gif", .expected = "image/gif"},
      {.what = "GIF87a", .content = kGif87, .name = "a.gif", .expected = "image/gif"},
      {.what = "docx", .content = kDocx, .name = "plan.docx", .expected = kWordX},
      {.what = "docx named .bin", .content = kDocx, .name = "plan.bin", .expected = kWordX},
      {.what = "xlsx", .content = kXlsx, .name = "chronology.xlsx", .expected = kExcelX},
      {.what = "docx without its central directory",
       .content = make_zip({"[Content_Types].xml", "word/document.xml"}, false),
       .name = "cut.docx",
       .expected = kWordX},
      {.what = "ZIP of word/ and xl/ named .xlsx",
       .content = make_zip({"[Content_Types].xml", "word/a.xml", "xl/b.xml"}),
       .name = "both.xlsx",
       .expected = kExcelX},
      {.what = "ZIP of word/ and xl/ named .zip",
       .content = make_zip({"[Content_Types].xml", "word/a.xml", "xl/b.xml"}),
       .name = "both.zip",
       .expected = std::nullopt},
      {.what = "ZIP without [Content_Types].xml",
       .content = make_zip({"word/document.xml"}),
       .name = "fake.docx",
       .expected = std::nullopt},
      {.what = "ZIP of other things",
       .content = make_zip({"[Content_Types].xml", "ppt/presentation.xml"}),
       .name = "slides.docx",
       .expected = std::nullopt},
      {.what = "OLE2 named .doc", .content = kOle2, .name = "old.doc", .expected = kWord},
      {.what = "OLE2 named .DOC", .content = kOle2, .name = "OLD.DOC", .expected = kWord},
      {.what = "OLE2 named .xls", .content = kOle2, .name = "old.xls", .expected = kExcel},
      {.what = "OLE2 named .txt", .content = kOle2, .name = "old.txt", .expected = std::nullopt},
      {.what = "OLE2 named .msg", .content = kOle2, .name = "mail.msg", .expected = std::nullopt},
      {.what = "HTML named .pdf",
       .content = "<!DOCTYPE html><html><script>alert(1)</script></html>",
       .name = "x.pdf",
       .expected = std::nullopt},
      {.what = "text named .docx",
       .content = "Dear panel",
       .name = "x.docx",
       .expected = std::nullopt},
      {.what = "empty file", .content = "", .name = "empty.pdf", .expected = std::nullopt},
      {.what = "PDF magic not at the start",
       .content = " %PDF-1.4",
       .name = "x.pdf",
       .expected = std::nullopt},
      {.what = "truncated PNG magic",
       .content = "\x89PNG",
       .name = "x.png",
       .expected = std::nullopt},
      {.what = "ZIP magic alone",
       .content = "PK\x03\x04",
       .name = "x.docx",
       .expected = std::nullopt},
  };
  for (const SniffCase& c : cases) {
    EXPECT_EQ(sniff_media_type(c.content, c.name), c.expected) << c.what;
  }
}

TEST(Papers, ZipLengthsThatPointPastTheEndAreRefusedSafely) {
  std::string zip = kDocx;
  // Claim a huge name length in the first local header and the directory.
  zip[26] = '\xFF';
  zip[27] = '\xFF';
  const auto central = zip.find("PK\x01\x02");
  zip[central + 28] = '\xFF';
  zip[central + 29] = '\xFF';
  EXPECT_EQ(sniff_media_type(zip, "x.docx"), std::nullopt);
  EXPECT_EQ(sniff_media_type(zip.substr(0, zip.size() - 10), "x.docx"), std::nullopt);
}

TEST(Papers, DisplayNamesAreCleaned) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {.in = "Referral.pdf", .out = "Referral.pdf"},
      {.in = "C:\\Users\\sam\\Desktop\\plan.docx", .out = "plan.docx"},
      {.in = "../../etc/passwd", .out = "passwd"},
      {.in = "a\r\nSet-Cookie: x=1.pdf", .out = "aSet-Cookie: x=1.pdf"},
      {.in = "tab\there\x7F.pdf", .out = "tabhere.pdf"},
      {.in = "report\u202Efdp.exe", .out = "reportfdp.exe"},
      {.in = "Zoë's “plan”.pdf", .out = "Zoë's “plan”.pdf"},
      {.in = "bad\xC3\x28utf8.pdf", .out = "bad(utf8.pdf"},
      {.in = "  spaced.pdf  ", .out = "spaced.pdf"},
      {.in = "", .out = "file"},
      {.in = "dir/", .out = "file"},
      {.in = "\x01\x02", .out = "file"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(display_file_name(c.in), c.out) << c.in;
  }
  // At most 200 characters, counted as characters, never cutting one in half.
  std::string long_name;
  for (int i = 0; i < 300; ++i) {
    long_name += "é";
  }
  const std::string shown = display_file_name(long_name);
  EXPECT_EQ(shown.size(), 400u);
  EXPECT_EQ(shown, long_name.substr(0, 400));
}

// Security review, item 12: "evil.html" starting "%PDF-" was stored and
// served back as evil.html. A file's name must end as its content is.
TEST(Papers, AFileNameMustEndAsItsContentIs) {
  struct Case {
    std::string name;
    std::string_view type;
    std::optional<std::string> problem;
    const char* why;
  };
  const std::string pdf = "application/pdf";
  const std::vector<Case> cases = {
      {.name = "referral.pdf", .type = pdf, .problem = std::nullopt, .why = "agrees"},
      {.name = "REFERRAL.PDF", .type = pdf, .problem = std::nullopt, .why = "case does not matter"},
      {.name = "evil.html",
       .type = pdf,
       .problem = "The selected file is a PDF but its name ends in .html: rename it to end in .pdf",
       .why = "the review's case: served back as HTML"},
      {.name = "referral",
       .type = pdf,
       .problem = "The selected file is a PDF but its name has no ending: rename it to end in .pdf",
       .why = "no ending at all"},
      {.name = "photo.jpeg", .type = "image/jpeg", .problem = std::nullopt, .why = "jpeg"},
      {.name = "photo.JPG", .type = "image/jpeg", .problem = std::nullopt, .why = "jpg"},
      {.name = "plan.doc",
       .type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       .problem = "The selected file is a Word document but its name ends in .doc: rename it to "
                  "end in .docx",
       .why = "a .docx named .doc would open in the wrong program"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(upload_name_problem(c.name, c.type), c.problem) << c.why;
  }
  const std::string bidi =
      "The file name contains hidden characters that change the direction of the text: rename "
      "the file and upload it again";
  for (const char* name : {"report\u202Efdp.pdf", "a\u2066b.pdf", "x\u200F.pdf", "y\u061C.pdf"}) {
    EXPECT_EQ(upload_name_problem(name, pdf), bidi) << name;
  }
}

TEST(Papers, SizesAndTypesReadLikeEnglish) {
  EXPECT_EQ(size_label(0), "0 bytes");
  EXPECT_EQ(size_label(1), "1 byte");
  EXPECT_EQ(size_label(1023), "1023 bytes");
  EXPECT_EQ(size_label(1024), "1 KB");
  EXPECT_EQ(size_label(1025), "2 KB");
  EXPECT_EQ(size_label(1258291), "1.2 MB");
  EXPECT_EQ(size_label(20 * 1024 * 1024), "20.0 MB");
  EXPECT_EQ(media_label("application/pdf"), "PDF");
  EXPECT_EQ(media_label(kWordX), "Word document");
  EXPECT_EQ(media_label(kExcel), "Excel spreadsheet");
  EXPECT_EQ(media_label("image/gif"), "GIF image");
  EXPECT_EQ(media_label("text/html"), "File");
}

TEST(Papers, LabelsReadInsideASentence) {
  EXPECT_EQ(label_in_sentence("Written CLAM referral"), "written CLAM referral");
  EXPECT_EQ(label_in_sentence("Chronology"), "chronology");
  EXPECT_EQ(label_in_sentence("Care plan"), "care plan");
  EXPECT_EQ(label_in_sentence("Social Care Assessment and/or Parenting Assessment"),
            "Social Care Assessment and/or Parenting Assessment");
  EXPECT_EQ(label_in_sentence("CLAM referral"), "CLAM referral");
}

std::vector<std::string> fields_of(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) {
    for (const auto& f : s.error().fields) {
      out.push_back(f.field + ": " + f.message);
    }
  }
  return out;
}

using Entries = std::vector<PaperEntry>;
PaperEntry file(const std::string& doc) {
  return {.document_id = doc, .kind = PaperKind::file, .reason = ""};
}
PaperEntry reason(const std::string& doc, const std::string& why) {
  return {.document_id = doc, .kind = PaperKind::not_provided, .reason = why};
}

TEST(Papers, TheClamPanelNeedsTheWrittenReferral) {
  const PanelType clam = load_shipped("west-sussex-clam.toml");
  struct Case {
    const char* what;
    Entries entries;
    std::vector<std::string> problems;
  };
  const std::vector<Case> cases = {
      {.what = "nothing",
       .entries = {},
       .problems = {"paper_referral: Upload the written CLAM referral"}},
      {.what = "a reason is not enough",
       .entries = {reason("referral", "Not written yet")},
       .problems = {"paper_referral: Upload the written CLAM referral"}},
      {.what = "the referral", .entries = {file("referral")}, .problems = {}},
      {.what = "two files", .entries = {file("referral"), file("referral")}, .problems = {}},
      {.what = "a file for a document the panel does not ask for",
       .entries = {file("chronology")},
       .problems = {"paper_referral: Upload the written CLAM referral"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(fields_of(check_papers(clam, c.entries)), c.problems) << c.what;
  }
  EXPECT_EQ(paper_status(clam.documents.at(0), {reason("referral", "x")}),
            PaperStatus::cannot_be_sent);
}

TEST(Papers, TheSupportPanelNeedsEachDocumentOrAReason) {
  const PanelType support = load_shipped("lincolnshire-support.toml");
  const Entries all = {file("chronology"),
                       file("genogram"),
                       reason("assessment", "None done yet: the assessment starts next week"),
                       file("cp_conference_minutes"),
                       file("care_plan"),
                       file("signs_of_safety")};
  EXPECT_TRUE(check_papers(support, all).ok()) << fields_of(check_papers(support, all)).front();

  // Every problem at once, in the panel's order; "other" needs no reason.
  const std::vector<std::string> everything = {
      "paper_chronology: Upload the chronology or say why it is not provided",
      "paper_genogram: Upload the genogram or say why it is not provided",
      "paper_assessment: Upload the Social Care Assessment and/or Parenting Assessment or say "
      "why it is not provided",
      "paper_cp_conference_minutes: Upload the copy of the last Child Protection Conference "
      "minutes or say why it is not provided",
      "paper_care_plan: Upload the care plan or say why it is not provided",
      "paper_signs_of_safety: Upload the signs of Safety danger statement, safety plan and "
      "safety goals or say why it is not provided",
  };
  EXPECT_EQ(fields_of(check_papers(support, {})), everything);

  // A blank reason is no reason.
  Entries blank = all;
  blank[2] = reason("assessment", " \n ");
  EXPECT_EQ(fields_of(check_papers(support, blank)), std::vector<std::string>{everything[2]});

  const Status one_missing = check_papers(support, Entries(all.begin() + 1, all.end()));
  ASSERT_FALSE(one_missing.ok());
  EXPECT_EQ(one_missing.error().kind, ErrorKind::invalid);
  EXPECT_EQ(one_missing.error().message, "Upload the chronology or say why it is not provided");

  const auto other = support.documents.back();
  ASSERT_EQ(other.id, "other");
  EXPECT_EQ(paper_status(other, {}), PaperStatus::optional);
  EXPECT_EQ(paper_status(support.documents.at(0), {}), PaperStatus::not_yet_started);
  EXPECT_EQ(paper_status(support.documents.at(2), all), PaperStatus::not_provided);
  EXPECT_EQ(paper_status(support.documents.at(0), all), PaperStatus::completed);
}

TEST(Papers, KindsRoundTrip) {
  for (PaperKind k : {PaperKind::file, PaperKind::not_provided}) {
    EXPECT_EQ(paper_kind_from_id(paper_kind_id(k)), k);
  }
  EXPECT_EQ(paper_kind_from_id("other"), std::nullopt);
}

}  // namespace
}  // namespace casepanel::core
