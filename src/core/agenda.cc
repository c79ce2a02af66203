#include "core/agenda.h"

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>

#include "core/sittings.h"

namespace casepanel::core {
namespace {

using Interval = std::pair<Instant, Instant>;

// Rule 1's groups, in the order they are considered.
enum class Group { statutory, next_sitting, review, in_turn };

Group group_of(const AgendaRequest& r) {
  if (r.statutory_due) {
    return Group::statutory;
  }
  if (r.must_go_to_next_sitting) {
    return Group::next_sitting;
  }
  if (r.review_due) {
    return Group::review;
  }
  return Group::in_turn;
}

// Within a group: the statutory or review date, earliest first; none otherwise.
std::chrono::sys_days date_key(const AgendaRequest& r) {
  switch (group_of(r)) {
    case Group::statutory:
      return *r.statutory_due;
    case Group::review:
      return *r.review_due;
    case Group::next_sitting:
    case Group::in_turn:
      break;
  }
  return std::chrono::sys_days{};
}

bool considered_before(const AgendaRequest& a, const AgendaRequest& b) {
  return std::tuple{group_of(a), date_key(a), a.submitted_at, a.id} <
         std::tuple{group_of(b), date_key(b), b.submitted_at, b.id};
}

// A sitting and everything on it so far, the proposal's own hearings included.
struct SittingState {
  const AgendaSitting* sitting;
  std::vector<Interval> booked;  // sorted by start

  // Rule 2: the first gap from the start long enough for the whole hearing.
  std::optional<Instant> first_gap(std::chrono::minutes length) const {
    Instant at = sitting->starts;
    for (const auto& [from, to] : booked) {
      if (to <= at) {
        continue;
      }
      if (from >= at + length) {
        break;
      }
      at = std::max(at, to);
    }
    if (at + length > sitting->ends) {
      return std::nullopt;
    }
    return at;
  }

  void book(Instant from, std::chrono::minutes length) {
    const Interval hearing{from, from + length};
    booked.insert(std::upper_bound(booked.begin(), booked.end(), hearing), hearing);
  }
};

class Proposer {
 public:
  Proposer(const std::vector<AgendaSitting>& sittings, const std::vector<Venue>& venues)
      : venues_(venues) {
    for (const AgendaSitting& s : sittings) {
      SittingState state{&s, s.booked};
      std::sort(state.booked.begin(), state.booked.end());
      states_.push_back(std::move(state));
    }
    std::sort(states_.begin(), states_.end(), [](const SittingState& a, const SittingState& b) {
      return std::tuple{a.sitting->starts, a.sitting->id} <
             std::tuple{b.sitting->starts, b.sitting->id};
    });
  }

  void place(const AgendaRequest& r) {
    if (r.minutes <= 0) {
      unplaced_.push_back({r.id, "It has no hearing length"});
      return;
    }
    const bool urgent = r.statutory_due || r.must_go_to_next_sitting;
    std::optional<std::size_t> at = urgent ? urgent_choice(r) : in_turn_choice(r);
    if (!at) {
      unplaced_.push_back({r.id, unplaced_reason(r, urgent)});
      return;
    }
    SittingState& state = states_[*at];
    const std::chrono::minutes length{r.minutes};
    const Instant starts = *state.first_gap(length);
    state.book(starts, length);
    placed_.push_back({*at, {r.id, state.sitting->id, starts, r.minutes, note_for(r, *at)}});
  }

  // The proposal in agenda order: sittings by start (states_ is in that
  // order), then hearings by time.
  ProposedAgenda finish() && {
    std::sort(placed_.begin(), placed_.end(), [](const auto& a, const auto& b) {
      return std::tuple{a.first, a.second.starts} < std::tuple{b.first, b.second.starts};
    });
    ProposedAgenda out;
    for (auto& [index, placement] : placed_) {
      out.placements.push_back(std::move(placement));
    }
    out.unplaced = std::move(unplaced_);
    return out;
  }

 private:
  using Accepts = std::function<bool(const AgendaSitting&)>;

  bool open_to(const AgendaRequest& r, const AgendaSitting& s) const {
    return !r.earliest || s.date >= *r.earliest;
  }

  // The first sitting the request may go to that accepts it and has room.
  std::optional<std::size_t> first_with_room(const AgendaRequest& r, const Accepts& accepts) const {
    for (std::size_t i = 0; i < states_.size(); ++i) {
      const AgendaSitting& s = *states_[i].sitting;
      if (open_to(r, s) && accepts(s) && states_[i].first_gap(std::chrono::minutes{r.minutes})) {
        return i;
      }
    }
    return std::nullopt;
  }

  // The date of the first sitting the request may go to: "the next sitting".
  std::optional<Date> next_sitting_date(const AgendaRequest& r) const {
    for (const SittingState& state : states_) {
      if (open_to(r, *state.sitting)) {
        return state.sitting->date;
      }
    }
    return std::nullopt;
  }

  // The last date an urgent request should be heard by, whichever is sooner:
  // CLAM: "the case must be presented to panel within 7 working days of
  // coming into care" (the caller's statutory_due);
  // Support Panel 2.2: "These cases must be presented to the next Support
  // Panel", the first sitting the request may go to.
  std::optional<Date> deadline(const AgendaRequest& r) const {
    std::optional<Date> by = r.statutory_due;
    if (r.must_go_to_next_sitting) {
      const auto next = next_sitting_date(r);
      if (next && (!by || *next < *by)) {
        by = next;
      }
    }
    return by;
  }

  // Rule 3 for statutory and next-sitting requests: by the deadline at the
  // preferred venue, then by the deadline anywhere, then the soonest after.
  // A preference is the practitioner's convenience (CLAM: "request a slot
  // either in Horsham (CHN) or Worthing (CHD)"); the deadline is the child's,
  // so the deadline wins.
  std::optional<std::size_t> urgent_choice(const AgendaRequest& r) const {
    const std::optional<Date> by = deadline(r);
    if (by) {
      const auto in_time = [&](const AgendaSitting& s) { return s.date <= *by; };
      if (!r.venue_preference.empty()) {
        const auto at_venue = [&](const AgendaSitting& s) {
          return in_time(s) && s.venue_id == r.venue_preference;
        };
        if (auto i = first_with_room(r, at_venue)) {
          return i;
        }
      }
      if (auto i = first_with_room(r, in_time)) {
        return i;
      }
    }
    return first_with_room(r, [](const AgendaSitting&) { return true; });
  }

  // Rule 3 for reviews and ordinary requests: only the preferred venue, since
  // nothing makes them more urgent than the practitioner's choice of office.
  std::optional<std::size_t> in_turn_choice(const AgendaRequest& r) const {
    return first_with_room(r, [&](const AgendaSitting& s) {
      return r.venue_preference.empty() || s.venue_id == r.venue_preference;
    });
  }

  std::string venue_name(const std::string& id) const {
    for (const Venue& v : venues_) {
      if (v.id == id) {
        return v.name;
      }
    }
    return id;
  }

  bool any_sitting_by(const AgendaRequest& r, Date by) const {
    return std::any_of(states_.begin(), states_.end(), [&](const SittingState& state) {
      return open_to(r, *state.sitting) && state.sitting->date <= by;
    });
  }

  // What the coordinator needs to know about where the request went.
  std::string note_for(const AgendaRequest& r, std::size_t at) const {
    const AgendaSitting& s = *states_[at].sitting;
    const std::string minutes = std::to_string(r.minutes) + " minutes";
    std::vector<std::string> notes;
    if (r.statutory_due && s.date > *r.statutory_due) {
      notes.push_back("After its statutory date of " + long_date(*r.statutory_due) + ": " +
                      (any_sitting_by(r, *r.statutory_due)
                           ? "no sitting on or before it has room"
                           : "there is no sitting on or before it"));
    }
    const auto next = r.must_go_to_next_sitting ? next_sitting_date(r) : std::nullopt;
    if (next && s.date > *next) {
      notes.push_back("The next sitting, on " + long_date(*next) + ", does not have " + minutes +
                      " free");
    }
    if (r.review_due && s.date > *r.review_due) {
      notes.push_back("After its review date of " + long_date(*r.review_due));
    }
    if (!r.venue_preference.empty() && s.venue_id != r.venue_preference) {
      const std::string here = venue_name(s.venue_id);
      const std::string wanted = venue_name(r.venue_preference);
      if (next && s.date <= *next) {
        notes.push_back("At " + here + ", not " + wanted + ": it must go to the next sitting");
      } else if (r.statutory_due && s.date <= *r.statutory_due) {
        notes.push_back("At " + here + ": no " + wanted + " sitting on or before its statutory " +
                        "date of " + long_date(*r.statutory_due) + " has room");
      } else {
        notes.push_back("At " + here + ", not " + wanted + ": the earliest sitting with room");
      }
    }
    std::string out;
    for (const std::string& n : notes) {
      out += (out.empty() ? "" : ". ") + n;
    }
    return out;
  }

  // Rule 4: the most useful of "no sitting", "too long" and "no room".
  std::string unplaced_reason(const AgendaRequest& r, bool urgent) const {
    const bool venue_only = !urgent && !r.venue_preference.empty();
    std::string scope = venue_only ? " at " + venue_name(r.venue_preference) : "";
    if (r.earliest) {
      scope += " on or after " + long_date(*r.earliest);
    }
    std::chrono::seconds longest{0};
    for (const SittingState& state : states_) {
      const AgendaSitting& s = *state.sitting;
      if (open_to(r, s) && (!venue_only || s.venue_id == r.venue_preference)) {
        longest = std::max(longest, s.ends - s.starts);
      }
    }
    if (longest <= std::chrono::seconds{0}) {
      return scope.empty() ? "There is no sitting to put it in" : "No sitting" + scope;
    }
    const std::string minutes = std::to_string(r.minutes) + " minutes";
    if (std::chrono::minutes{r.minutes} > longest) {
      return "Longer (" + minutes + ") than any sitting" + scope;
    }
    return "No sitting" + scope + " has " + minutes + " free";
  }

  const std::vector<Venue>& venues_;
  std::vector<SittingState> states_;                       // by start, then id
  std::vector<std::pair<std::size_t, Placement>> placed_;  // with the sitting's index
  std::vector<Unplaced> unplaced_;                         // in order of consideration
};

}  // namespace

ProposedAgenda propose_agenda(const std::vector<AgendaRequest>& requests,
                              const std::vector<AgendaSitting>& sittings,
                              const std::vector<Venue>& venues) {
  std::vector<const AgendaRequest*> order;
  for (const AgendaRequest& r : requests) {
    order.push_back(&r);
  }
  std::stable_sort(order.begin(), order.end(), [](const AgendaRequest* a, const AgendaRequest* b) {
    return considered_before(*a, *b);
  });

  Proposer proposer(sittings, venues);
  for (const AgendaRequest* r : order) {
    proposer.place(*r);
  }
  return std::move(proposer).finish();
}

}  // namespace casepanel::core
