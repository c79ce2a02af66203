// The demo's one-page PDF: five objects (catalogue, pages, page, content
// stream, font), the cross-reference table and the trailer.
#include "app/demo/pdf.h"

#include <cstdio>
#include <vector>

namespace casepanel::app::demo {

std::string one_line_pdf(const std::string& line) {
  std::string text;
  for (char c : line) {
    if (c == '(' || c == ')' || c == '\\') {
      text += '\\';
    }
    text += c;
  }
  const std::string stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char row[24];
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", off);
    pdf += row;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace casepanel::app::demo
