#include "core/task_list.h"

#include <algorithm>

namespace casepanel::core {
namespace {

TaskStatus section_status(const PanelType& panel, const RequestDraft& draft,
                          const std::vector<std::string>& saved, Date today, Section section) {
  if (std::find(saved.begin(), saved.end(), section_id(section)) == saved.end()) {
    return TaskStatus::not_started;
  }
  return validate_section(panel, draft, today, section) ? TaskStatus::completed
                                                        : TaskStatus::in_progress;
}

TaskStatus papers_status(PapersProgress papers) {
  switch (papers) {
    case PapersProgress::ready:
      return TaskStatus::completed;
    case PapersProgress::some:
      return TaskStatus::in_progress;
    case PapersProgress::none:
      return TaskStatus::not_started;
  }
  return TaskStatus::not_started;
}

}  // namespace

std::string_view task_status_label(TaskStatus s) {
  switch (s) {
    case TaskStatus::not_started:
      return "Not yet started";
    case TaskStatus::in_progress:
      return "In progress";
    case TaskStatus::completed:
      return "Completed";
    case TaskStatus::cannot_start:
      return "Cannot start yet";
  }
  return "Not yet started";
}

bool panel_has_section(const PanelType& panel, Section section) {
  switch (section) {
    case Section::type:
      return !panel.request_types.empty() || !panel.entry_criteria.empty();
    case Section::attendance:
      return panel.asks_venue_preference || panel.asks_conference_call;
    case Section::details:
      return true;
    case Section::children:
      return true;
  }
  return true;
}

std::string section_label(const PanelType& panel, Section section) {
  switch (section) {
    case Section::type:
      return panel.request_types.empty() ? "Entry criteria" : "Request type";
    case Section::details:
      return "Reason and plans";
    case Section::attendance:
      return panel.asks_venue_preference ? "Venue and attendance" : "Attendance";
    case Section::children:
      return "Children";
  }
  return "";
}

std::vector<Task> task_list(const PanelType& panel, const RequestDraft& draft,
                            const std::vector<std::string>& sections_saved, PapersProgress papers,
                            Date today) {
  std::vector<Task> out;
  for (Section section : kEditableSections) {
    if (panel_has_section(panel, section)) {
      out.push_back({std::string(section_id(section)), section_label(panel, section),
                     section_status(panel, draft, sections_saved, today, section)});
    }
  }
  if (!panel.documents.empty()) {
    out.push_back({"papers", "Papers", papers_status(papers)});
  }
  const bool all_done = std::all_of(
      out.begin(), out.end(), [](const Task& t) { return t.status == TaskStatus::completed; });
  out.push_back({"check", "Check your answers and send",
                 all_done ? TaskStatus::not_started : TaskStatus::cannot_start});
  return out;
}

}  // namespace casepanel::core
