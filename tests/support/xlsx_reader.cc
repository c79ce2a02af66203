#include "support/xlsx_reader.h"

#include <nlohmann/json.hpp>

#include "support/run_command.h"

namespace casepanel::testing {
namespace {

// Prints the workbook as JSON: each sheet's name, pane, cells (type, value,
// number format, bold) and internal hyperlinks.
constexpr const char* kReader = R"PY(
import json, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
def xml(name): return ET.fromstring(z.read(name))
def text(node): return ''.join(t.text or '' for t in node.iter(M + 't'))
targets = {r.get('Id'): r.get('Target') for r in xml('xl/_rels/workbook.xml.rels')}
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    strings = [text(si) for si in xml('xl/sharedStrings.xml').findall(M + 'si')]
styles = xml('xl/styles.xml')
codes = {int(n.get('numFmtId')): n.get('formatCode') for n in styles.iter(M + 'numFmt')}
builtin = {0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%'}
fonts = [f.find(M + 'b') is not None for f in styles.find(M + 'fonts').findall(M + 'font')]
xfs = []
for xf in styles.find(M + 'cellXfs').findall(M + 'xf'):
    n = int(xf.get('numFmtId', '0'))
    xfs.append((codes.get(n, builtin.get(n, str(n))), fonts[int(xf.get('fontId', '0'))]))
out = []
for s in xml('xl/workbook.xml').iter(M + 'sheet'):
    target = targets[s.get(R + 'id')]
    sheet = xml(target.lstrip('/') if target.startswith('/') else 'xl/' + target)
    pane = sheet.find(M + 'sheetViews/' + M + 'sheetView/' + M + 'pane')
    cells = {}
    for c in sheet.iter(M + 'c'):
        kind = c.get('t', 'n')
        v = c.find(M + 'v')
        value = v.text if v is not None and v.text is not None else ''
        if kind == 's':
            value = strings[int(value)]
        elif kind == 'inlineStr':
            value = text(c)
        fmt, bold = xfs[int(c.get('s', '0'))]
        cells[c.get('r')] = {'type': kind, 'value': value, 'format': fmt, 'bold': bold}
    links = [h.get('location', '') for h in sheet.iter(M + 'hyperlink')]
    out.append({'name': s.get('name'), 'pane': dict(pane.attrib) if pane is not None else {},
                'cells': cells, 'links': links})
print(json.dumps(out))
)PY";

}  // namespace

const XlsxSheet* Xlsx::sheet(const std::string& name) const {
  for (const XlsxSheet& s : sheets) {
    if (s.name == name) {
      return &s;
    }
  }
  return nullptr;
}

Xlsx read_xlsx(const std::filesystem::path& file) {
  Xlsx out;
  const CommandResult r = run_command({"python3", "-c", kReader, file.string()});
  if (r.exit_status != 0) {
    out.error = "python3 could not read " + file.string() + ": " + r.stderr_text;
    return out;
  }
  for (const auto& s : nlohmann::json::parse(r.stdout_text)) {
    XlsxSheet sheet;
    sheet.name = s["name"];
    for (const auto& [k, v] : s["pane"].items()) {
      sheet.pane[k] = v;
    }
    for (const auto& [ref, c] : s["cells"].items()) {
      sheet.cells[ref] = {c["type"], c["value"], c["format"], c["bold"]};
    }
    for (const auto& l : s["links"]) {
      sheet.hyperlinks.push_back(l);
    }
    out.sheets.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace casepanel::testing
