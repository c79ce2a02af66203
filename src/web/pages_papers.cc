// Papers for a request: the page listing each document the panel asks for,
// uploads, reasons for documents not provided, removal and download.
#include "app/papers.h"
#include "web/downloads.h"
#include "web/site.h"
#include "web/view.h"

namespace casepanel::web {
namespace {

// How a document's status shows: plain text when done, as in the GOV.UK task list.
std::string status_tag(core::PaperStatus s) {
  switch (s) {
    case core::PaperStatus::completed:
      return "";
    case core::PaperStatus::not_provided:
    case core::PaperStatus::optional:
      return "govuk-tag--grey";
    case core::PaperStatus::not_yet_started:
      return "govuk-tag--blue";
    case core::PaperStatus::cannot_be_sent:
      return "govuk-tag--red";
  }
  return "govuk-tag--blue";
}

// The message an error gives a field, or "".
std::string message_for(const core::Error* e, const std::string& field) {
  if (e != nullptr) {
    for (const auto& f : e->fields) {
      if (f.field == field) {
        return f.message;
      }
    }
  }
  return "";
}

Data document_data(const app::DocumentPapers& doc, const core::Error* errors, const WebRequest& r) {
  Data x;
  x.set("doc_id", doc.id);
  x.set("label", doc.label);
  set_if(x, "hint", doc.hint);
  set_flag(x, "required", doc.required);
  x.set("status_label", doc.status_label);
  set_if(x, "status_tag", status_tag(doc.status));
  Data files{Data::type::list};
  for (const auto& f : doc.files) {
    Data file;
    file.set("file_id", str(f.id));
    file.set("file_name", f.file_name);
    file.set("file_details", f.media_label + ", " + f.size_label);
    files.push_back(file);
  }
  x.set("files", files);
  set_flag(x, "has_files", !doc.files.empty());
  set_flag(x, "has_rows", !doc.files.empty() || doc.not_provided_id != 0);
  if (doc.not_provided_id != 0) {
    x.set("reason", doc.not_provided_reason);
    x.set("reason_id", str(doc.not_provided_id));
  }
  // A reason is offered where one is needed, and is an alternative to files.
  set_flag(x, "asks_reason", !doc.required && doc.reason_required_if_missing && doc.files.empty());
  set_if(x, "file_error", message_for(errors, core::paper_field(doc.id)));
  const std::string reason_error = message_for(errors, app::reason_field(doc.id));
  set_if(x, "reason_error", reason_error);
  x.set("reason_value", reason_error.empty() ? doc.not_provided_reason : r.field("reason"));
  return x;
}

WebResponse show_papers(const Site& site, const WebRequest& r, std::int64_t request_id,
                        const core::Error* errors) {
  auto v = app::papers_view(site.services(), r.actor(), request_id);
  if (!v) {
    return site.error(r, v.error());
  }
  Data d;
  d.set("request_id", str(v->request_id));
  d.set("panel_name", v->panel_name);
  d.set("children", v->children);
  set_flag(d, "can_edit", v->can_edit);
  set_flag(d, "complete", v->complete);
  d.set("max_mb", str(static_cast<std::int64_t>(site.services().max_upload_bytes / (1024 * 1024))));
  Data documents{Data::type::list};
  for (const auto& doc : v->documents) {
    documents.push_back(document_data(doc, errors, r));
  }
  d.set("documents", documents);
  if (errors) {
    add_errors(d, *errors);
  }
  return site.page(r, "papers", "Papers for request " + str(v->request_id), std::move(d));
}

// After a change: back to the papers page, or the page again with the errors.
WebResponse after_paper(const Site& site, const WebRequest& r, std::int64_t request_id,
                        const core::Error* error) {
  if (error == nullptr) {
    return WebResponse::redirect("/requests/" + str(request_id) + "/papers");
  }
  if (error->kind == core::ErrorKind::invalid) {
    return show_papers(site, r, request_id, error);
  }
  return site.error(r, *error);
}

WebResponse view_papers(const Site& site, WebRequest& r) {
  return show_papers(site, r, r.id_param(), nullptr);
}

WebResponse upload(const Site& site, WebRequest& r) {
  app::Upload u;
  for (auto& f : r.files) {
    if (f.field == "file") {
      u.file_name = std::move(f.file_name);
      u.content = std::move(f.content);
      break;
    }
  }
  const std::string document = r.params.size() > 1 ? r.params[1] : "";
  auto added = app::add_paper(site.services(), r.actor(), r.id_param(), document, u);
  return after_paper(site, r, r.id_param(), added ? nullptr : &added.error());
}

WebResponse not_provided(const Site& site, WebRequest& r) {
  const std::string document = r.params.size() > 1 ? r.params[1] : "";
  auto done =
      app::mark_not_provided(site.services(), r.actor(), r.id_param(), document, r.field("reason"));
  return after_paper(site, r, r.id_param(), done ? nullptr : &done.error());
}

WebResponse remove_one(const Site& site, WebRequest& r) {
  auto request = app::remove_paper(site.services(), r.actor(), r.id_param());
  if (!request) {
    return site.error(r, request.error());
  }
  return WebResponse::redirect("/requests/" + str(*request) + "/papers");
}

WebResponse download(const Site& site, WebRequest& r) {
  auto file = app::open_paper(site.services(), r.actor(), r.id_param());
  if (!file) {
    return site.error(r, file.error());
  }
  return download_response(std::move(*file));
}

}  // namespace

void add_paper_routes(std::vector<Route>& routes) {
  const Rule drafting{Access::signed_in, core::Permission::draft_request};
  const Rule viewing{Access::signed_in, core::Permission::view_papers};
  routes.push_back({"GET", "/requests/{id}/papers", viewing, view_papers});
  routes.push_back({"POST", "/requests/{id}/papers/{document}/upload", drafting, upload});
  routes.push_back(
      {"POST", "/requests/{id}/papers/{document}/not-provided", drafting, not_provided});
  routes.push_back({"POST", "/papers/{id}/remove", drafting, remove_one});
  routes.push_back({"GET", "/papers/{id}", viewing, download});
}

}  // namespace casepanel::web
