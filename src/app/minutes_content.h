// What a sitting's minutes say (Support Panel 6): the sitting, who attended
// and the quorum, and for each hearing its children, the overview of the
// discussion and the records made (decisions, outcomes, reasons, plans,
// actions, disagreements: app/decision_view.h).
//
// While the minutes are a draft or with the chair they are made afresh from
// what is recorded (minutes_content). On authorisation they are frozen: the
// content is stored as a JSON snapshot (to_snapshot) and every later reading
// comes from it (from_snapshot), so that nothing changed elsewhere afterwards
// (a person's name, a panel's labels, an action's status) alters minutes the
// chair authorised. Internal to app/; the snapshot format is versioned.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/decision_view.h"
#include "app/services.h"
#include "store/sittings.h"

namespace casepanel::app {

struct MinutesAttendee {
  std::string name;
  std::string role;        // the panel's words for the seat
  std::string attendance;  // "Present", "Sent apologies" ...
};

struct MinutesHearing {
  std::int64_t hearing_id = 0;
  std::string time;  // "10:00 to 10:45"
  std::string children;
  std::string request_type;
  std::string presenter;
  std::string overview;  // the administrator's overview of the discussion
  std::vector<RecordView> records;
};

struct MinutesContent {
  std::int64_t sitting_id = 0;
  std::string panel;
  std::string date;  // "2 December 2026"
  std::string time;  // "10:00 to 13:00"
  std::string venue;
  std::string chair;
  std::vector<MinutesAttendee> attendees;
  std::string quorum;  // "Quorum of 3: 4 members present"
  std::vector<MinutesHearing> hearings;
};

// The minutes made from what is recorded now, with the overviews saved.
MinutesContent minutes_content(store::Tx& tx, const Services& s,
                               const store::SittingRecord& sitting);

// One child's extract, for the child's file: the hearings with a record for
// the child, and only that child's records.
MinutesContent child_extract(MinutesContent content, std::int64_t child_id);

// The frozen minutes as stored in minutes.authorised_text, and back.
std::string to_snapshot(const MinutesContent& content);
MinutesContent from_snapshot(const std::string& snapshot);

}  // namespace casepanel::app
