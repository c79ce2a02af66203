// The task list of a draft request (the GOV.UK "complete multiple tasks"
// pattern): one task per section the panel asks for, then the papers where
// the panel has a document checklist, then "Check your answers and send",
// which cannot start until every other task is completed.
//
// Pure: values in, values out; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/panel_type.h"
#include "core/request.h"

namespace casepanel::core {

enum class TaskStatus { not_started, in_progress, completed, cannot_start };
// "Not yet started", "In progress", "Completed", "Cannot start yet".
std::string_view task_status_label(TaskStatus s);

// The sections the author fills in, in the order of the task list.
inline constexpr Section kEditableSections[] = {Section::type, Section::details,
                                                Section::attendance};
// Whether the panel asks for the section (a type or criteria; a venue or a
// conference call).
bool panel_has_section(const PanelType& panel, Section section);
// "Request type", "Entry criteria", "Reason and plans", "Venue and attendance" ...
std::string section_label(const PanelType& panel, Section section);

// How far the papers are: none added, some, or every document accounted for.
enum class PapersProgress { none, some, ready };

struct Task {
  std::string id;  // a section id, "papers" or "check"
  std::string label;
  TaskStatus status = TaskStatus::not_started;
};
// A section saved and valid is completed; saved with problems, in progress.
std::vector<Task> task_list(const PanelType& panel, const RequestDraft& draft,
                            const std::vector<std::string>& sections_saved, PapersProgress papers,
                            Date today);

}  // namespace casepanel::core
