// PanelType::create reads a panel file with toml++ and checks it against the
// format in docs/panel-configuration.md. It reports every problem it finds,
// not just the first, so a council officer can fix a file in one pass: a key
// it does not know (a typo must never be silently ignored), a missing or
// mistyped field, a bad time, weekday, date or role, a duplicate id, and
// references between sections that do not resolve. The sections are read in
// core/panel_toml_*.cc.
#include "core/panel_toml.h"

#include <utility>
#include <variant>

namespace casepanel::core {

using namespace panel_toml;

namespace {

// Sections with no line of their own are reported against the file.
void check_whole_panel(TableReader& root, const PanelType& p) {
  if (p.request_types.empty() && p.entry_criteria.empty()) {
    root.problem("request_types",
                 "a panel needs [[request_types]] or [[entry_criteria]]: neither is given");
  }
  if (!p.request_types.empty() && p.request_type_selection == Selection::many) {
    root.problem("requests.selection",
                 "a request names one request type, so \"many\" is only for [[entry_criteria]]");
  }
  if (p.decisions.empty() && p.outcomes.empty()) {
    root.problem("decisions", "a panel needs [[decisions]] or [[outcomes]]: neither is given");
  }
  if (p.members.empty()) {
    root.problem("members", "a panel needs at least one member ([[members]])");
  }
}

void read_panel(TableReader& r, PanelType& p) {
  read_identity(r, p);
  read_role_titles(r, p);
  read_requests(r, p);
  read_request_types(r, p);
  read_entry_criteria(r, p);
  read_approval_steps(r, p);
  read_documents(r, p);
  read_deadline(r, p);
  read_venues(r, p);
  read_schedule(r, p);
  read_hearing(r, p);
  read_decisions(r, p);
  read_permanency(r, p);
  read_timescales(r, p);
  read_escalations(r, p);
  read_members(r, p);
  read_consultations(r, p);  // names a seat
  read_chair(r, p);
  read_after_panel(r, p);
  check_whole_panel(r, p);
  if (!p.selection_given && p.request_types.empty()) {
    p.request_type_selection = Selection::many;
  }
}

// toml++ reports syntax errors by exception or by result, depending on how
// it was built; both become one problem with the line it names.
std::variant<toml::table, Problem> parse_toml(std::string_view text, std::string_view source) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& err) {
    return Problem{std::string(source), static_cast<int>(err.source().begin.line), "",
                   "not valid TOML: " + std::string(err.description())};
  }
#else
  toml::parse_result result = toml::parse(text, source);
  if (!result) {
    return Problem{std::string(source), static_cast<int>(result.error().source().begin.line), "",
                   "not valid TOML: " + std::string(result.error().description())};
  }
  return std::move(result).table();
#endif
}

}  // namespace

PanelType::Loaded PanelType::create(std::string_view toml_text, std::string_view source) {
  std::variant<toml::table, Problem> parsed = parse_toml(toml_text, source);
  if (auto* problem = std::get_if<Problem>(&parsed)) {
    return Loaded{std::nullopt, {std::move(*problem)}};
  }
  Problems problems(source);
  PanelType panel;
  panel.source = std::string(source);
  TableReader reader(std::get<toml::table>(parsed), "", 0, problems);
  read_panel(reader, panel);
  reader.finish();
  if (!problems.empty()) {
    return Loaded{std::nullopt, problems.take()};
  }
  return Loaded{std::move(panel), {}};
}

}  // namespace casepanel::core
