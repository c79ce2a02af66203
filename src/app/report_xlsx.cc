// The annual review as an Excel workbook (app/report_export.h), written
// with libxlsxwriter. The library writes only to a file, so the workbook is
// made in a private temporary file that is read back and removed whatever
// happens (TempFile); nothing is left behind on failure.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "app/report_export.h"
#include "core/calendar.h"
#include "core/disclosure.h"
#include "core/text.h"

namespace casepanel::app {
namespace {

namespace fs = std::filesystem;

// A file of our own in the temporary directory ($TMPDIR), removed when this
// goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (fs::temp_directory_path() / "casepanel-export-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) {
      throw std::runtime_error("cannot make a temporary file for the workbook");
    }
    close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* bold;
  lxw_format* whole;    // counts and other whole numbers
  lxw_format* decimal;  // medians and means
  lxw_format* percent;
  lxw_format* right;  // "[c]" and "-": text, aligned with the numbers
  lxw_format* date;
  lxw_format* date_time;
  lxw_format* wrap;
  lxw_format* note;
};

lxw_format* format(lxw_workbook* wb, const char* number_format) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, number_format);
  return f;
}

Formats add_formats(lxw_workbook* wb) {
  Formats f{};
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  format_set_text_wrap(f.bold);
  format_set_align(f.bold, LXW_ALIGN_VERTICAL_TOP);
  f.whole = format(wb, "#,##0");
  f.decimal = format(wb, "0.0");
  f.percent = format(wb, "0%");
  f.right = workbook_add_format(wb);
  format_set_align(f.right, LXW_ALIGN_RIGHT);
  f.date = format(wb, "d mmmm yyyy");
  f.date_time = format(wb, "d mmmm yyyy hh:mm");
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  return f;
}

double number_of(std::string_view text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ReportCell& cell,
                const Formats& f) {
  switch (cell.kind) {
    case CellKind::count:
    case CellKind::number:
      worksheet_write_number(ws, r, c, number_of(cell.text), f.whole);
      return;
    case CellKind::decimal:
      worksheet_write_number(ws, r, c, number_of(cell.text), f.decimal);
      return;
    case CellKind::percent:
      worksheet_write_number(ws, r, c, number_of(cell.text) / 100.0, f.percent);
      return;
    case CellKind::suppressed:
      worksheet_write_string(ws, r, c, cell.text.c_str(), f.right);  // "[c]" stays text
      return;
    case CellKind::words:
      break;
  }
  worksheet_write_string(ws, r, c, cell.text.c_str(), cell.numeric ? f.right : nullptr);
}

// Characters, not bytes (UTF-8), as Excel counts a sheet name's 31.
std::size_t characters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}
std::string first_characters(const std::string& s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && seen++ == n) {
      return s.substr(0, i);
    }
  }
  return s;
}

// At most n characters, cut at a space where one is near the end so that
// no word is left half ("Requests by request type and", not "... and mo").
std::string shortened(const std::string& s, std::size_t n) {
  if (characters(s) <= n) {
    return s;
  }
  std::string cut = first_characters(s, n);
  const bool at_word_end = s[cut.size()] == ' ';
  const std::size_t space = cut.rfind(' ');
  if (!at_word_end && space != std::string::npos && space >= n / 2) {
    cut.erase(space);
  }
  // Nor a bracket left open: "Requests and the cut-off", not "... (late".
  const std::size_t open = cut.rfind('(');
  if (open != std::string::npos && cut.find(')', open) == std::string::npos && open >= n / 2) {
    cut.erase(open);
  }
  while (!cut.empty() && cut.back() == ' ') {
    cut.pop_back();
  }
  return cut;
}

// Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\,
// not beginning or ending with an apostrophe, unique without regard to case.
std::string sheet_name(const std::string& title, std::set<std::string>& taken) {
  std::string name;
  for (char ch : title) {
    name += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos ? ch : ' ';
  }
  while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) {
    name.erase(name.begin());
  }
  name = shortened(name.empty() ? std::string("Table") : name, 31);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) {
    name.pop_back();
  }
  std::string unique = name;
  for (int n = 2; taken.count(core::ascii_lower(unique)) > 0; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    unique = shortened(name, 31 - suffix.size()) + suffix;
  }
  taken.insert(core::ascii_lower(unique));
  return unique;
}

void table_sheet(lxw_workbook* wb, const std::string& name, const ReportTable& t,
                 const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) {
    throw std::runtime_error("libxlsxwriter refused the sheet name \"" + name + "\"");
  }
  std::vector<std::size_t> width(t.headings.size(), 10);
  for (std::size_t c = 0; c < t.headings.size(); ++c) {
    worksheet_write_string(ws, 0, lxw_col_t(c), t.headings[c].c_str(), f.bold);
    width[c] = std::max(width[c], std::min<std::size_t>(characters(t.headings[c]) + 2, 24));
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      write_cell(ws, lxw_row_t(r + 1), lxw_col_t(c), t.rows[r][c], f);
      if (c < width.size()) {
        width[c] = std::max(width[c], std::min<std::size_t>(characters(t.rows[r][c].text) + 2, 60));
      }
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c) {
    worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), double(width[c]), nullptr);
  }
  if (!t.note.empty()) {
    worksheet_write_string(ws, lxw_row_t(t.rows.size() + 2), 0, t.note.c_str(), f.note);
  }
}

lxw_datetime excel_date(core::Date d, int minutes = 0) {
  return {int(d.year()),          int(unsigned(d.month())),
          int(unsigned(d.day())), minutes / 60,
          minutes % 60,           0.0};
}

void about_sheet(lxw_workbook* wb, const Report& r, core::Instant generated_at, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "About");
  worksheet_set_column(ws, 0, 0, 26, nullptr);
  worksheet_set_column(ws, 1, 1, 90, f.wrap);
  worksheet_write_string(ws, 0, 0, "Annual review", f.bold);
  worksheet_write_string(ws, 1, 0, "Panel", f.bold);
  worksheet_write_string(ws, 1, 1, r.panel_name.c_str(), f.wrap);
  worksheet_write_string(ws, 2, 0, "Period from", f.bold);
  lxw_datetime from = excel_date(r.scope.from);
  worksheet_write_datetime(ws, 2, 1, &from, f.date);
  worksheet_write_string(ws, 3, 0, "Period to", f.bold);
  lxw_datetime to = excel_date(r.scope.to);
  worksheet_write_datetime(ws, 3, 1, &to, f.date);
  worksheet_write_string(ws, 4, 0, "Generated at (UK time)", f.bold);
  lxw_datetime made = excel_date(core::london_date(generated_at),
                                 int(core::london_time_of_day(generated_at).count()));
  worksheet_write_datetime(ws, 4, 1, &made, f.date_time);
  worksheet_write_string(ws, 5, 0, "Counted", f.bold);
  worksheet_write_string(ws, 5, 1,
                         r.whole_service ? "The whole service"
                                         : "The requests of the teams in the viewer's line "
                                           "management only; sittings whole",
                         f.wrap);
  worksheet_write_string(ws, 6, 0, "Small numbers", f.bold);
  const std::string rule = "In the equality tables a count from 1 to " +
                           std::to_string(core::kSmallestShown - 1) +
                           ", and any count from which one could be worked out, is shown as "
                           "[c], as the DfE's statistics do. A true 0 stays 0.";
  worksheet_write_string(ws, 6, 1, rule.c_str(), f.wrap);
  worksheet_write_string(ws, 7, 0, "Source", f.bold);
  worksheet_write_string(ws, 7, 1,
                         "casepanel, the annual review (/reports): the same tables as the page, "
                         "one sheet a table",
                         f.wrap);
}

void contents(lxw_worksheet* ws, lxw_row_t row, const std::string& sheet,
              const std::string& section, const std::string& title, const Formats& f) {
  std::string quoted;  // an apostrophe in a sheet's name is doubled in a reference
  for (char ch : sheet) {
    quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
  }
  const std::string link = "internal:'" + quoted + "'!A1";
  worksheet_write_url_opt(ws, row, 0, link.c_str(), nullptr, sheet.c_str(), nullptr);
  worksheet_write_string(ws, row, 1, (section + ": " + title).c_str(), f.wrap);
}

void write_workbook(const std::string& path, const Report& r, core::Instant generated_at) {
  const std::string tmpdir = fs::temp_directory_path().string();
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) {
    throw std::runtime_error("libxlsxwriter could not start the workbook");
  }
  const Formats f = add_formats(wb);
  try {
    about_sheet(wb, r, generated_at, f);
    lxw_worksheet* about = workbook_get_worksheet_by_name(wb, "About");
    worksheet_write_string(about, 9, 0, "Sheets", f.bold);
    std::set<std::string> taken{"about"};
    lxw_row_t row = 10;
    for (const ReportSection& section : r.sections) {
      for (const ReportTable& t : section.tables) {
        const std::string name = sheet_name(t.title, taken);
        table_sheet(wb, name, t, f);
        contents(about, row++, name, section.title, t.title, f);
      }
    }
  } catch (...) {
    workbook_close(wb);  // frees it; the file is removed by the caller's TempFile
    throw;
  }
  const lxw_error closed = workbook_close(wb);
  if (closed != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(closed));
  }
}

}  // namespace

std::string report_xlsx(const Report& report, core::Instant generated_at) {
  const TempFile file;
  write_workbook(file.path(), report, generated_at);
  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    throw std::runtime_error("cannot read the workbook back");
  }
  return bytes;
}

}  // namespace casepanel::app
