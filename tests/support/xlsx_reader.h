// read_xlsx: what a test needs to know of an Excel workbook (the annual
// review's export, app/report_export.h) without an XLSX library: an XLSX is
// a zip of XML, read here by python3's zipfile and ElementTree (python3 is
// on every machine the tests run on) and handed back as plain values.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace casepanel::testing {

struct XlsxCell {
  std::string type;    // "n" a number, "s" text (shared string), "str", "b"
  std::string value;   // the number as stored ("0.75"), or the text
  std::string format;  // the number format's code: "General", "0%", "0.0", "#,##0"
  bool bold = false;
};

struct XlsxSheet {
  std::string name;
  std::map<std::string, std::string> pane;  // the <pane> element's attributes, if any
  std::map<std::string, XlsxCell> cells;    // by reference: "A1"
  std::vector<std::string> hyperlinks;      // location="..." of each internal link
};

struct Xlsx {
  std::vector<XlsxSheet> sheets;  // in the workbook's order
  std::string error;              // not empty: the file could not be read
  const XlsxSheet* sheet(const std::string& name) const;
};

Xlsx read_xlsx(const std::filesystem::path& file);

}  // namespace casepanel::testing
