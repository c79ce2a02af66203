// Requests to panel, from the practitioner's draft through the managers'
// approvals to the coordinator's queue: one header for the request use cases,
// each declared in its own (drafting, approvals, the request page, the home
// page's tasks). The approval steps come from the panel type's configuration;
// nobody approves their own request, and an approver must hold the step's
// role and manage the request's team.
#pragma once

#include "app/approvals.h"
#include "app/drafting.h"
#include "app/my_tasks.h"
#include "app/named_id.h"
#include "app/request_view.h"
