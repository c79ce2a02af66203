#include "app/demo.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/audit_trail.h"
#include "app/display.h"
#include "app/papers.h"
#include "app/watch.h"
#include "core/cutoff.h"
#include "core/sittings.h"
#include "store/crypto.h"
#include "store/relationships.h"
#include "store/typed_columns.h"

namespace casepanel::app {
namespace {

using core::Date;
using core::Instant;
using core::Role;
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;
using store::Params;
using store::Tx;
using store::Value;

// Any constant will do: the same seed and clock give the same council.
constexpr std::uint32_t kSeed = 20240102;
constexpr const char* kCouncil = "Demo County Council";

// ---------------------------------------------------------------------------
// Invented names. Staff and children are combinations of these lists; the
// demo logins have names of their own, from no list, so they stand out.

constexpr std::array<const char*, 40> kStaffFirst = {
    "Amelia", "Ben",     "Chloe",  "Daniel", "Eleanor",  "Farah",   "George",  "Hannah",
    "Isaac",  "Jasmine", "Kieran", "Leah",   "Mohammed", "Natalie", "Oliver",  "Poppy",
    "Rhys",   "Sophie",  "Tariq",  "Una",    "Vikram",   "Wendy",   "Yusuf",   "Zara",
    "Aisha",  "Callum",  "Debbie", "Ewan",   "Fiona",    "Gareth",  "Harriet", "Imran",
    "Joanne", "Karl",    "Lorna",  "Marcus", "Niamh",    "Owen",    "Paula",   "Simon"};
constexpr std::array<const char*, 40> kStaffLast = {
    "Ashcombe", "Barraclough", "Calloway", "Delaney",   "Eastwood",  "Fairbairn",  "Gillespie",
    "Hartigan", "Ingleby",     "Jessop",   "Kendrick",  "Lockhart",  "Maitland",   "Northcott",
    "Oakley",   "Pemberton",   "Quinlan",  "Radcliffe", "Sandford",  "Thornbury",  "Underhill",
    "Venables", "Westbrook",   "Yardley",  "Abbott",    "Blackwood", "Cartwright", "Dunmore",
    "Ellwood",  "Fenwick",     "Garside",  "Holloway",  "Irving",    "Kershaw",    "Langford",
    "Merriman", "Nettleton",   "Osborne",  "Prentice",  "Rowntree"};
constexpr std::array<const char*, 30> kGirls = {
    "Ava",   "Bella", "Cara",  "Daisy",  "Erin",   "Freya",  "Gracie", "Holly",  "Isla",  "Jade",
    "Keira", "Lily",  "Maya",  "Nina",   "Olivia", "Phoebe", "Ruby",   "Sienna", "Tilly", "Willow",
    "Amira", "Evie",  "Hafsa", "Imogen", "Kacey",  "Layla",  "Mia",    "Nadia",  "Rosie", "Skye"};
constexpr std::array<const char*, 30> kBoys = {
    "Alfie",  "Bailey", "Charlie", "Dylan",  "Ethan", "Finley", "Harvey",  "Jack",
    "Kai",    "Leo",    "Mason",   "Noah",   "Oscar", "Riley",  "Sonny",   "Theo",
    "Tyler",  "Zain",   "Archie",  "Billy",  "Caleb", "Ezra",   "Frankie", "Ibrahim",
    "Jayden", "Logan",  "Musa",    "Reuben", "Toby",  "Yusuf"};
constexpr std::array<const char*, 40> kFamilies = {
    "Acton",     "Bramley", "Cotter",  "Dawlish", "Everett", "Finch",   "Gorton",  "Hale",
    "Iveson",    "Jarvis",  "Kemble",  "Lowther", "Marsden", "Nolan",   "Orme",    "Pryor",
    "Quayle",    "Rudd",    "Sowerby", "Tindall", "Upton",   "Vance",   "Wilde",   "Yates",
    "Ainsworth", "Birch",   "Coyle",   "Denton",  "Edge",    "Frayne",  "Goodall", "Haigh",
    "Ibbotson",  "Jowett",  "Kenning", "Lund",    "Mayall",  "Nuttall", "Oldroyd", "Parrish"};
constexpr std::array<const char*, 10> kLocalities = {"North", "South", "East",  "West",   "Central",
                                                     "Coast", "Vale",  "Downs", "Forest", "Marsh"};

struct Weighted {
  const char* label;
  int weight;
};
// The 2021 census categories, weighted roughly like a shire county's children.
constexpr std::array<Weighted, 15> kEthnicities = {{
    {"White: English, Welsh, Scottish, Northern Irish or British", 66},
    {"White: Irish", 1},
    {"White: Gypsy or Irish Traveller", 2},
    {"White: Roma", 1},
    {"White: Other White", 6},
    {"Mixed or Multiple: White and Black Caribbean", 3},
    {"Mixed or Multiple: White and Black African", 2},
    {"Mixed or Multiple: White and Asian", 3},
    {"Asian or Asian British: Indian", 2},
    {"Asian or Asian British: Pakistani", 3},
    {"Asian or Asian British: Bangladeshi", 1},
    {"Black or Black British: African", 3},
    {"Black or Black British: Caribbean", 1},
    {"Other ethnic group: Arab", 1},
    {"Not stated", 3},
}};
constexpr std::array<Weighted, 8> kDisabilities = {{
    {"None", 80},
    {"Autism", 6},
    {"ADHD", 4},
    {"Learning disability", 4},
    {"Speech, language and communication needs", 2},
    {"Physical disability", 2},
    {"Hearing impairment", 1},
    {"Visual impairment", 1},
}};
constexpr std::array<Weighted, 3> kGenders = {{{"Female", 49}, {"Male", 50}, {"Non-binary", 1}}};

// Team kinds in the order localities get them; "fast" is what the Support
// Panel's FAST criterion looks for.
constexpr std::array<const char*, 6> kTeamKinds = {"fast",         "assessment", "family_support",
                                                   "looked_after", "fast",       "assessment"};

std::string team_label(const std::string& kind) {
  if (kind == "fast") {
    return "Family Assessment and Support Team (FAST)";
  }
  if (kind == "assessment") {
    return "Assessment Team";
  }
  if (kind == "family_support") {
    return "Family Support Team";
  }
  return "Looked After Children Team";
}

// ---------------------------------------------------------------------------
// What practitioners and panels write. Panels with request types (the CLAM
// Panel) decide about care; those with entry criteria (the Support Panel)
// about support at home and proceedings.

constexpr std::array<const char*, 6> kCareReasons = {
    "Mother has asked for the children to be accommodated while she receives in-patient "
    "treatment; no family member is able to care for them at present.",
    "The placement is stable and the carers wish to offer permanence; the child's views support "
    "this.",
    "Escalating concerns about neglect: the safety plan has not been sustained despite intensive "
    "support from the team.",
    "The child was accommodated in an emergency after a police protection order at the weekend.",
    "The young person's needs have increased and the current foster placement has given notice.",
    "Rehabilitation home has progressed well over six months and the family is ready for the next "
    "step."};
constexpr std::array<const char*, 6> kSupportReasons = {
    "The family's needs are complex and the current package of support has not reduced the risk.",
    "The child has been subject to a Child Protection Plan for more than 18 months without "
    "sustained change.",
    "The worker has not been able to find a local service to meet the family's identified needs.",
    "The team consider that legal advice is needed on whether the threshold for proceedings is "
    "met.",
    "Father has previous convictions and was involved in care proceedings about an older child in "
    "another authority.",
    "The case has been open to the team for more than nine months and progress has stalled."};
constexpr std::array<const char*, 6> kPlans = {
    "Accommodation with an in-house foster carer, contact three times a week, and a parenting "
    "assessment over twelve weeks.",
    "Continue the current placement and return to panel in three months with an updated care plan.",
    "Return home under a placed-with-parents arrangement, with a phased increase in overnight "
    "stays.",
    "Family Group Conference to explore connected carers, with a viability assessment of the "
    "maternal aunt.",
    "Intensive family support for twelve weeks with a clear written agreement and weekly review.",
    "Seek a residential placement close to school, stepping down to foster care within six "
    "months."};
constexpr std::array<const char*, 3> kParallelPlans = {
    "Special Guardianship with the maternal grandmother if her assessment is positive.",
    "Long-term fostering if rehabilitation home is not achievable within the child's timescales.",
    "Care proceedings if the written agreement is not kept."};
constexpr std::array<const char*, 4> kDecisionSummaries = {
    "The panel agreed the plan as presented.",
    "Agreed, with the timescales set out in the actions.",
    "Agreed; the practice manager will confirm progress in supervision.",
    "Agreed after discussion of the alternatives; see the reasons."};
constexpr std::array<const char*, 6> kDecisionReasons = {
    "The panel is satisfied that the plan is proportionate to the risk and in the child's best "
    "interests.",
    "The family have engaged with support and the child's needs can be met at home with the "
    "services identified.",
    "The panel considered the child's wishes and feelings and the views of the Independent "
    "Reviewing Officer.",
    "No suitable connected person is able to care for the child at present, so a placement search "
    "is needed.",
    "The panel noted the progress made and wants to see it sustained before the plan changes.",
    "Legal advice is that the threshold criteria are likely to be met; a letter before "
    "proceedings gives the parents a final opportunity to engage."};
constexpr std::array<const char*, 10> kActions = {
    "Complete the updated care plan and share it with the family",
    "Refer to the Family Group Conference service",
    "Arrange a legal planning meeting",
    "Start a placement search with the placement finding team",
    "Update the chronology and genogram on the child's record",
    "Convene a professionals meeting with school and health",
    "Complete the parenting assessment",
    "Send the letter before proceedings",
    "Review the support package with the family",
    "Record the panel's decision and reasons on the child's electronic record"};
constexpr std::array<const char*, 4> kNotProvided = {
    "Not yet completed: the assessment is due to finish next week and will be shared with panel.",
    "The family declined to take part; the worker will bring what is known to the hearing.",
    "Not relevant to this request: the child is not subject to a Child Protection Plan.",
    "Held by the previous authority; requested on the date of referral and not yet received."};
constexpr std::array<const char*, 3> kDiscussionArguments = {
    "The plan is working and the family are engaging; the core group will review in three months "
    "and bring it back if progress stalls.",
    "Progress has stalled despite the support offered; panel's view is needed on whether to seek "
    "legal advice.",
    "Risks have reduced and step-down to Early Help is planned; panel would add nothing now."};

// A small, valid PDF with one line of text: the demo's papers, so that a
// download opens in a viewer.
std::string demo_pdf(const std::string& line) {
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

constexpr std::array<int, 5> kActionWorkingDays = {5, 10, 15, 20, 30};

bool in_care(const std::string& legal_status) {
  return legal_status == "Section 20" || legal_status == "Care Order" ||
         legal_status == "Interim Care Order" || legal_status == "Placement Order";
}

Date plus_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }
int days_from(Date a, Date b) { return static_cast<int>((sys_days{b} - sys_days{a}).count()); }

// ---------------------------------------------------------------------------
// The council in memory, as it is written.

struct Team {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  std::size_t locality = 0;
  std::int64_t manager = 0;           // the practice manager
  std::vector<std::int64_t> workers;  // social workers
};

struct Council {
  std::string password_hash;
  std::map<Role, std::int64_t> login;        // ROLE@demo.casepanel.test
  std::vector<std::int64_t> group_managers;  // one per locality
  std::vector<Team> teams;
  std::vector<std::int64_t> chairs;  // chair@ first
  std::set<std::string> emails;
};

struct Layout {
  int localities;
  int teams_per_locality;
  int workers_per_team;
  bool numbered_teams;
};
constexpr Layout kStandardLayout{3, 2, 3, false};
constexpr Layout kLargeLayout{10, 10, 5, true};

struct Child {
  std::int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::string gender;
  std::string ethnicity;
  std::string disability;
  std::string legal_status;
  Date date_of_birth;
  Date case_opened;
  std::optional<Date> came_into_care;
  std::optional<Date> cp_plan_start;
  std::size_t team = 0;
  std::int64_t worker = 0;
  int sibling_group = -1;  // index into the groups
};

struct Sitting {
  std::int64_t id = 0;
  const core::PanelType* panel = nullptr;
  Date date;
  Instant starts;
  Instant ends;
  std::string venue;
  bool on_bank_holiday = false;
  std::optional<Date> proposed_date;  // on a bank holiday: the next working day
  int booked = 0;                     // minutes of hearings
  int capacity() const {
    return static_cast<int>(std::chrono::duration_cast<minutes>(ends - starts).count());
  }
};

// What a request looks like when written: its state decides which approvals
// it has been through (the panel's approval_steps, in order).
struct RequestPlan {
  const core::PanelType* panel = nullptr;
  std::vector<std::size_t> children;  // indices into the children
  std::string state;
  std::string request_type;
  int step = 0;           // awaiting_approval: the step reached; a returned draft: the step
  bool returned = false;  // a draft sent back by the approver of `step`
  Date created;
  std::optional<Instant> until;  // the last event happens before this (default: now)
  std::optional<Date> statutory_due;
};

// Parameters per statement. SQLite finds each "$N" parameter by name in a
// list, so a statement's cost grows with the square of its parameters: about
// sixty is the sweet spot (measured: 120 takes half as long again, 250 twice
// as long). PostgreSQL has no such cost, and fewer round trips pay.
std::size_t bulk_parameters(store::Engine engine) {
  return engine == store::Engine::sqlite ? 60 : 3000;
}

// Many rows in few statements: INSERT ... VALUES (...), (...) with every
// value bound. Rows referring to another table's rows name its BulkInsert as
// a parent, which is flushed first (foreign keys are checked at once). Call
// flush() before reading what was written.
class BulkInsert {
 public:
  BulkInsert(Tx& tx, std::string table, std::vector<std::string> columns,
             std::vector<BulkInsert*> parents = {})
      : tx_(tx),
        table_(std::move(table)),
        columns_(std::move(columns)),
        parents_(std::move(parents)),
        batch_(std::max<std::size_t>(1, bulk_parameters(tx.engine()) / columns_.size())) {}

  void add(Params row) {
    for (Value& v : row) {
      pending_.push_back(std::move(v));
    }
    if (++rows_ == batch_) {
      flush();
    }
  }

  void flush() {
    if (rows_ == 0) {
      return;
    }
    for (BulkInsert* parent : parents_) {
      parent->flush();
    }
    if (rows_ == batch_) {
      if (full_sql_.empty()) {
        full_sql_ = sql_for(rows_);
      }
      tx_.exec(full_sql_, pending_);
    } else {
      tx_.exec(sql_for(rows_), pending_);
    }
    pending_.clear();
    rows_ = 0;
  }

 private:
  std::string sql_for(std::size_t rows) const {
    std::string sql = "INSERT INTO " + table_ + " (";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      sql += (c ? ", " : "") + columns_[c];
    }
    sql += ") VALUES ";
    int n = 1;
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      sql += store::placeholders(n, columns_.size());
      sql += ")";
      n += static_cast<int>(columns_.size());
    }
    return sql;
  }

  Tx& tx_;
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<BulkInsert*> parents_;
  std::size_t batch_;
  std::size_t rows_ = 0;
  Params pending_;
  std::string full_sql_;
};

// ---------------------------------------------------------------------------

class Demo {
 public:
  Demo(Services& s, Tx& tx)
      : s_(s), tx_(tx), now_(s.clock.now()), today_(core::london_date(now_)), rng_(kSeed) {}

  DemoSummary standard();
  DemoSummary large();

 private:
  // Randomness, all from the one seeded generator.
  int uniform(int lo, int hi) {
    if (hi < lo) {
      hi = lo;
    }
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool chance(int percent) { return uniform(1, 100) <= percent; }
  template <typename T, std::size_t N>
  T one_of(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(N) - 1))];
  }
  template <std::size_t N>
  std::string weighted(const std::array<Weighted, N>& items) {
    int total = 0;
    for (const auto& w : items) {
      total += w.weight;
    }
    int pick = uniform(1, total);
    for (const auto& w : items) {
      if ((pick -= w.weight) <= 0) {
        return w.label;
      }
    }
    return items[0].label;
  }

  // Time.
  std::string stamp(Instant t) const {
    return core::to_iso_utc(std::min(t, now_ - std::chrono::minutes{1}));
  }
  Instant at(Date d, int minute_of_day) const {
    return core::london_to_utc(d, core::LocalTime{minute_of_day});
  }
  std::string stamp(Date d, int minute_of_day) const { return stamp(at(d, minute_of_day)); }
  const std::string& cached_stamp(Date d, int minute_of_day);
  Date working_days_before(Date d, int n) const;
  Date working_day_on_or_before(Date d) const;
  Date add_working_days(Date d, int n);

  // The council.
  void ensure_empty();
  void write_settings(DemoScale scale);
  void note(const std::string& step, const nlohmann::json& detail);
  std::string email_for(const std::string& name);
  std::int64_t add_user(const std::string& email, const std::string& name, const std::string& job,
                        std::optional<std::int64_t> team, std::optional<std::int64_t> line_manager,
                        std::vector<Role> roles);
  void build_council(const Layout& layout);
  std::string next_staff_name();
  std::int64_t approver_for(Role role, const Team& team) const;

  // Children.
  Child random_child(std::size_t team, std::int64_t worker, const std::string& family);
  void set_dates(Child& c, int age_days);
  std::vector<std::size_t> make_siblings(std::size_t team, std::int64_t worker, int count,
                                         const std::string& legal_status);
  void insert_children();

  // Sittings, requests, hearings.
  std::vector<Sitting> sittings_of(const core::PanelType& panel, Date from, Date until);
  std::int64_t insert_sitting(const Sitting& sit, const std::string& status);
  std::int64_t add_request(const RequestPlan& p);
  void add_criteria(std::int64_t request, const core::PanelType& panel);
  void add_papers(std::int64_t request, const RequestPlan& p, const std::string& added_at);
  void record_watch_discussions(const std::set<std::size_t>& protect);
  std::int64_t add_hearing(Sitting& sit, std::int64_t request, int children,
                           const std::string& status);
  void decide(const Sitting& sit, std::int64_t hearing, Instant decided_at,
              const std::vector<std::size_t>& kids, const std::string& request_state);
  std::string text_reason(const core::PanelType& p) {
    return p.request_types.empty() ? one_of(kSupportReasons) : one_of(kCareReasons);
  }
  std::vector<std::size_t> with_siblings(std::size_t child) const;
  void hold_past_sittings(const core::PanelType& panel, std::vector<Sitting>& past,
                          const std::set<std::size_t>& protect,
                          const std::map<std::size_t, std::size_t>& forced,
                          const std::map<std::size_t, std::string>& forced_type);
  void build_standard_children();
  void plan_standard_requests(std::vector<Sitting>& clam_future,
                              std::vector<Sitting>& support_future);
  std::string request_type_for(const core::PanelType& p, bool statutory);

  DemoSummary summary();

  // The large council.
  struct LargePlan {
    std::vector<Sitting> past;  // oldest first
    std::vector<Sitting> future;
    std::optional<std::size_t> bench;          // index into future
    int oldest_hearings = 0;                   // the oldest sitting's share
    std::vector<std::size_t> hearing_sitting;  // per past hearing: index into past
    std::vector<std::size_t> hearing_child;    // per past hearing: index into children_
  };
  class LargeHistory;
  std::int64_t next_id(const char* table);
  void put_setting(const std::string& key, const std::string& value);
  void plan_large_future(LargePlan& plan);
  void plan_large_past(LargePlan& plan, int hearings);
  Sitting large_sitting(const core::PanelType& panel, Date date) const;
  void assign_large_hearings(LargePlan& plan);
  void make_large_children(const LargePlan& plan);
  void insert_large_children();
  void insert_large_sittings(LargePlan& plan);
  std::vector<int> large_action_counts(std::size_t decisions);

  Services& s_;
  Tx& tx_;
  Instant now_;
  Date today_;
  std::mt19937 rng_;
  Council council_;
  std::vector<std::pair<std::size_t, std::size_t>> staff_names_;
  std::size_t next_staff_ = 0;
  std::vector<Child> children_;
  std::vector<std::vector<std::size_t>> groups_;
  std::unordered_map<long long, std::string> stamps_;
  std::unordered_map<long long, Date> working_days_;
  int overdue_seen_ = 0;
  int upcoming_seen_ = 0;

  // The curated children of the standard council (indices into children_).
  struct Key {
    std::vector<std::size_t> sw_siblings;  // social_worker@'s group of three
    std::size_t sw_recent_care = 0;        // came into care a working day ago: no request yet
    std::size_t sw_child_in_need = 0;
    std::size_t sw_care_order = 0;
    std::size_t sw_cp_plan = 0;
    std::size_t sw_section_20 = 0;
    std::size_t sw_interim = 0;
    std::size_t emergency = 0;  // in the triage queue for an emergency retrospective review
    std::vector<std::size_t> support_siblings;              // submitted to the Support Panel
    std::vector<std::size_t> clam_siblings;                 // submitted to the CLAM Panel
    std::map<std::size_t, std::vector<std::size_t>> plain;  // by team: no curated part
  } key_;
};

// ---------------------------------------------------------------------------
// Time helpers.

const std::string& Demo::cached_stamp(Date d, int minute_of_day) {
  const long long k =
      static_cast<long long>(sys_days{d}.time_since_epoch().count()) * 2000 + minute_of_day;
  auto it = stamps_.find(k);
  if (it == stamps_.end()) {
    it = stamps_.emplace(k, stamp(d, minute_of_day)).first;
  }
  return it->second;
}

Date Demo::working_days_before(Date d, int n) const {
  while (n > 0) {
    d = plus_days(d, -1);
    if (s_.calendar.is_working_day(d)) {
      --n;
    }
  }
  return d;
}

Date Demo::working_day_on_or_before(Date d) const {
  while (!s_.calendar.is_working_day(d)) {
    d = plus_days(d, -1);
  }
  return d;
}

Date Demo::add_working_days(Date d, int n) {
  const long long k = static_cast<long long>(sys_days{d}.time_since_epoch().count()) * 512 + n;
  auto it = working_days_.find(k);
  if (it == working_days_.end()) {
    it = working_days_.emplace(k, s_.calendar.add_working_days(d, n)).first;
  }
  return it->second;
}

// ---------------------------------------------------------------------------
// The council: localities, teams, staff and line management.

void Demo::ensure_empty() {
  if (tx_.query_one("SELECT 1 FROM users LIMIT 1")) {
    throw std::runtime_error(
        "The database already has users: demo data goes only into an empty database");
  }
}

void Demo::write_settings(DemoScale scale) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"demo", "1"},
      {"council", kCouncil},
      {"demo_scale", scale == DemoScale::large ? "large" : "standard"}};
  for (const auto& [k, v] : rows) {
    put_setting(k, v);
  }
}

void Demo::put_setting(const std::string& key, const std::string& value) {
  tx_.exec(
      "INSERT INTO settings (key, value) VALUES ($1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {key, value});
}

void Demo::note(const std::string& step, const nlohmann::json& detail) {
  nlohmann::json d = detail;
  d["step"] = step;
  audit(tx_, s_, Actor{}, "demo.create", "demo", 0, d);
}

std::string Demo::email_for(const std::string& name) {
  std::string base;
  for (char ch : name) {
    if (ch == ' ') {
      base += '.';
    } else if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') {
      base += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  std::string email = base + "@" + kDemoEmailDomain;
  for (int n = 2; council_.emails.count(email); ++n) {
    email = base + std::to_string(n) + "@" + kDemoEmailDomain;
  }
  return email;
}

std::string login_email(Role r) { return std::string(core::role_id(r)) + "@" + kDemoEmailDomain; }

std::int64_t Demo::add_user(const std::string& email, const std::string& name,
                            const std::string& job, std::optional<std::int64_t> team,
                            std::optional<std::int64_t> line_manager, std::vector<Role> roles) {
  council_.emails.insert(email);
  const std::int64_t id = tx_.insert(
      "INSERT INTO users (email, name, job_title, password_hash, team_id, line_manager_id, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {email, name, job, council_.password_hash, store::nullable(team),
       store::nullable(line_manager), now_utc(s_)});
  for (Role r : roles) {
    tx_.exec("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
             {id, std::string(core::role_id(r))});
  }
  return id;
}

std::string Demo::next_staff_name() {
  if (staff_names_.empty()) {
    for (std::size_t f = 0; f < kStaffFirst.size(); ++f) {
      for (std::size_t l = 0; l < kStaffLast.size(); ++l) {
        staff_names_.emplace_back(f, l);
      }
    }
    std::shuffle(staff_names_.begin(), staff_names_.end(), rng_);
  }
  const auto [f, l] = staff_names_[next_staff_++ % staff_names_.size()];
  return std::string(kStaffFirst[f]) + " " + kStaffLast[l];
}

void Demo::build_council(const Layout& layout) {
  // Argon2id is slow on purpose: hash the shared demo password once.
  council_.password_hash = store::hash_password(kDemoPassword);
  auto fixed = [&](Role r, const std::string& name, const std::string& job,
                   std::optional<std::int64_t> team, std::optional<std::int64_t> manager) {
    const std::int64_t id = add_user(login_email(r), name, job, team, manager, {r});
    council_.login[r] = id;
    return id;
  };
  auto staff = [&](const std::string& job, std::optional<std::int64_t> team,
                   std::optional<std::int64_t> manager, Role r) {
    const std::string name = next_staff_name();
    return add_user(email_for(name), name, job, team, manager, {r});
  };

  std::vector<std::int64_t> localities;
  for (int l = 0; l < layout.localities; ++l) {
    localities.push_back(tx_.insert("INSERT INTO localities (name) VALUES ($1) RETURNING id",
                                    {std::string(kLocalities[static_cast<std::size_t>(l)])}));
  }
  const std::int64_t director =
      fixed(Role::assistant_director, "Helen Ashdown", "Assistant Director, Children's Social Care",
            std::nullopt, std::nullopt);
  for (int l = 0; l < layout.localities; ++l) {
    const std::string job =
        std::string("Group Manager, ") + kLocalities[static_cast<std::size_t>(l)] + " Locality";
    council_.group_managers.push_back(
        l == 0 ? fixed(Role::group_manager, "Martin Oduya", job, std::nullopt, director)
               : staff(job, std::nullopt, director, Role::group_manager));
  }
  for (int l = 0; l < layout.localities; ++l) {
    for (int t = 0; t < layout.teams_per_locality; ++t) {
      const std::size_t i = council_.teams.size();
      Team team;
      team.kind = kTeamKinds[i % kTeamKinds.size()];
      team.locality = static_cast<std::size_t>(l);
      team.name = std::string(kLocalities[team.locality]) + " " + team_label(team.kind) +
                  (layout.numbered_teams ? " " + std::to_string(t + 1) : "");
      team.id =
          tx_.insert("INSERT INTO teams (name, kind, locality_id) VALUES ($1, $2, $3) RETURNING id",
                     {team.name, team.kind, localities[team.locality]});
      const std::string pm_job = "Practice Manager, " + team.name;
      const std::int64_t gm = council_.group_managers[team.locality];
      team.manager = i == 0 ? fixed(Role::practice_manager, "Priya Castell", pm_job, team.id, gm)
                            : staff(pm_job, team.id, gm, Role::practice_manager);
      tx_.exec("UPDATE teams SET manager_id = $1 WHERE id = $2", {team.manager, team.id});
      if (i == 0) {
        team.workers.push_back(
            fixed(Role::social_worker, "Jordan Ellery", "Social Worker", team.id, team.manager));
      }
      for (int w = 0; w < layout.workers_per_team; ++w) {
        team.workers.push_back(staff(w == 0 ? "Senior Practitioner" : "Social Worker", team.id,
                                     team.manager, Role::social_worker));
      }
      council_.teams.push_back(std::move(team));
    }
  }
  // Support Panel 4.1: the chair is a Service Manager independent of the
  // line management of the case; neither chair manages anyone.
  council_.chairs.push_back(fixed(Role::chair, "Grace Penhallow",
                                  "Service Manager, Quality Assurance (Panel Chair)", std::nullopt,
                                  director));
  council_.chairs.push_back(
      staff("Service Manager, Safeguarding (Panel Chair)", std::nullopt, director, Role::chair));
  const std::int64_t coordinator =
      fixed(Role::coordinator, "Tom Fairweather", "Panel Coordinator", std::nullopt, director);
  const std::int64_t panel_admin = fixed(Role::panel_admin, "Nadia Brookes",
                                         "Panel Administrator and Note Taker", std::nullopt,
                                         director);
  // Both demo panels are served by the one coordinator and panel
  // administrator (docs/access.md: user_panels).
  for (const core::PanelType& panel : s_.panels.all()) {
    store::serve_panel(tx_, coordinator, panel.id);
    store::serve_panel(tx_, panel_admin, panel.id);
  }
  fixed(Role::member, "Ian Tresize", "Fostering Team Manager", std::nullopt, director);
  for (const char* job : {"Family Group Conference Manager", "Youth Offending Service Officer",
                          "SEND Team Representative", "Permanency Planning Co-ordinator",
                          "Placement Finding Team Manager"}) {
    staff(job, std::nullopt, director, Role::member);
  }
  fixed(Role::auditor, "Ruth Kavanagh", "Quality Assurance Officer", std::nullopt, std::nullopt);
  fixed(Role::admin, "Omar Linwood", "System Administrator", std::nullopt, std::nullopt);
}

// The person who acts on an approval step for a team's request: its practice
// manager, its locality's group manager, or the demo login holding the role.
std::int64_t Demo::approver_for(Role role, const Team& team) const {
  if (role == Role::practice_manager) {
    return team.manager;
  }
  if (role == Role::group_manager) {
    return council_.group_managers[team.locality];
  }
  return council_.login.at(role);
}

// ---------------------------------------------------------------------------
// Children.

void Demo::set_dates(Child& c, int age_days) {
  c.date_of_birth = plus_days(today_, -age_days);
  const int open_ago = uniform(14, std::max(14, std::min(age_days, 6 * 365)));
  c.case_opened = plus_days(today_, -open_ago);
  c.came_into_care.reset();
  c.cp_plan_start.reset();
  if (in_care(c.legal_status)) {
    c.came_into_care = plus_days(c.case_opened, uniform(0, open_ago - 7));
  }
  if (c.legal_status == "Child Protection Plan") {
    // Random plans stay under 18 months: the long ones are placed by hand.
    c.cp_plan_start = plus_days(today_, -uniform(std::min(30, open_ago), std::min(open_ago, 480)));
  }
}

Child Demo::random_child(std::size_t team, std::int64_t worker, const std::string& family) {
  Child c;
  c.gender = weighted(kGenders);
  const bool girl = c.gender == "Female" || (c.gender == "Non-binary" && chance(50));
  c.first_name = girl ? one_of(kGirls) : one_of(kBoys);
  c.last_name = family.empty() ? one_of(kFamilies) : family;
  c.ethnicity = weighted(kEthnicities);
  c.disability = weighted(kDisabilities);
  const std::string& kind = council_.teams[team].kind;
  if (kind == "looked_after") {
    c.legal_status = one_of(std::array<const char*, 5>{"Care Order", "Care Order", "Section 20",
                                                       "Interim Care Order", "Placement Order"});
  } else if (kind == "assessment") {
    c.legal_status = one_of(std::array<const char*, 4>{"Child in Need", "Child in Need",
                                                       "Child Protection Plan", "Section 20"});
  } else {
    c.legal_status = one_of(std::array<const char*, 4>{"Child in Need", "Child Protection Plan",
                                                       "Child Protection Plan", "Section 20"});
  }
  c.team = team;
  c.worker = worker;
  set_dates(c, uniform(30, 17 * 365 + 300));
  return c;
}

// Siblings share a family name, team, worker, legal status and dates; they are
// born at least a year apart, the eldest first.
std::vector<std::size_t> Demo::make_siblings(std::size_t team, std::int64_t worker, int count,
                                             const std::string& legal_status) {
  std::vector<std::size_t> out;
  const int group = static_cast<int>(groups_.size());
  Child eldest = random_child(team, worker, "");
  eldest.legal_status = legal_status;
  int age = uniform(8 * 365, 15 * 365);
  set_dates(eldest, age);
  for (int i = 0; i < count; ++i) {
    Child c = i == 0 ? eldest : random_child(team, worker, eldest.last_name);
    c.legal_status = legal_status;
    c.ethnicity = eldest.ethnicity;
    c.date_of_birth = plus_days(today_, -age);
    c.case_opened = eldest.case_opened;
    c.came_into_care = eldest.came_into_care;
    c.cp_plan_start = eldest.cp_plan_start;
    c.sibling_group = group;
    age -= uniform(380, 900);
    age = std::max(age, 60);
    out.push_back(children_.size());
    children_.push_back(std::move(c));
  }
  groups_.push_back(out);
  return out;
}

std::vector<std::size_t> Demo::with_siblings(std::size_t child) const {
  const int g = children_[child].sibling_group;
  if (g < 0) {
    return {child};
  }
  return groups_[static_cast<std::size_t>(g)];
}

void Demo::insert_children() {
  std::vector<std::int64_t> group_ids;
  for (const auto& g : groups_) {
    group_ids.push_back(tx_.insert("INSERT INTO sibling_groups (name) VALUES ($1) RETURNING id",
                                   {children_[g.front()].last_name + " siblings"}));
  }
  for (std::size_t i = 0; i < children_.size(); ++i) {
    Child& c = children_[i];
    char external[32];
    std::snprintf(external, sizeof external, "DEMO-%06zu", 100 + i * 7);
    auto date = [](const std::optional<Date>& d) {
      return d ? Value{core::to_iso(*d)} : Value{nullptr};
    };
    c.id = tx_.insert(
        "INSERT INTO children (external_id, first_name, last_name, date_of_birth, gender, "
        "ethnicity, disability, legal_status, came_into_care, cp_plan_start, case_opened, "
        "allocated_worker_id, team_id, sibling_group_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12, $13, $14) RETURNING id",
        {std::string(external), c.first_name, c.last_name, core::to_iso(c.date_of_birth), c.gender,
         c.ethnicity, c.disability, c.legal_status, date(c.came_into_care), date(c.cp_plan_start),
         core::to_iso(c.case_opened), c.worker, council_.teams[c.team].id,
         c.sibling_group < 0 ? Value{nullptr}
                             : Value{group_ids[static_cast<std::size_t>(c.sibling_group)]}});
  }
}

// ---------------------------------------------------------------------------
// Sittings, requests, hearings, decisions and actions.

std::vector<Sitting> Demo::sittings_of(const core::PanelType& panel, Date from, Date until) {
  std::vector<Sitting> out;
  const int weeks = days_from(from, until) / 7 + 2;
  for (const core::Sitting& sit : core::sittings_from(panel, s_.calendar, from, weeks)) {
    if (sys_days{sit.date} >= sys_days{until}) {
      break;
    }
    Sitting x;
    x.panel = &panel;
    x.date = sit.date;
    x.starts = core::london_to_utc(sit.date, sit.start);
    x.ends = core::london_to_utc(sit.date, sit.end);
    x.venue = sit.venue_id;
    x.on_bank_holiday = sit.on_bank_holiday;
    x.proposed_date = sit.proposed_date;
    out.push_back(std::move(x));
  }
  return out;
}

std::int64_t Demo::insert_sitting(const Sitting& sit, const std::string& status) {
  const int week = days_from(sit.date, today_) / 7;
  const std::int64_t chair = council_.chairs[static_cast<std::size_t>((week % 2 + 2) % 2)];
  return tx_.insert(
      "INSERT INTO sittings (panel_id, sitting_date, starts_at, ends_at, venue_id, status, "
      "chair_id, schedule_slot, proposed_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "RETURNING id",
      {sit.panel->id, core::to_iso(sit.date), core::to_iso_utc(sit.starts),
       core::to_iso_utc(sit.ends), sit.venue, status, chair, core::to_iso_utc(sit.starts),
       sit.proposed_date ? Value{core::to_iso(*sit.proposed_date)} : Value{nullptr}});
}

std::string Demo::request_type_for(const core::PanelType& p, bool statutory) {
  std::vector<const core::RequestType*> fit;
  for (const auto& t : p.request_types) {
    if (t.statutory() == statutory) {
      fit.push_back(&t);
    }
  }
  if (fit.empty()) {
    return "";
  }
  return fit[static_cast<std::size_t>(uniform(0, static_cast<int>(fit.size()) - 1))]->id;
}

std::int64_t Demo::add_request(const RequestPlan& p) {
  const core::PanelType& panel = *p.panel;
  const Child& first = children_[p.children.front()];
  const Team& team = council_.teams[first.team];
  const std::size_t steps = panel.approval_steps.size();
  // How far through the approval steps the request got, and what happened
  // at the last of them.
  std::size_t approved = steps;
  if (p.state == "draft") {
    approved = p.returned ? static_cast<std::size_t>(p.step) : 0;
  } else if (p.state == "awaiting_approval") {
    approved = static_cast<std::size_t>(p.step);
  }
  const bool sent_on = p.state != "draft" && p.state != "awaiting_approval";
  const int events =
      static_cast<int>(approved) + (p.returned ? 1 : 0) + (sent_on && steps == 0 ? 1 : 0) + 1;
  // Events a day apart on working days, or two hours apart when the time
  // is short (an emergency), ending by `until` (default: the end of the last
  // working day).
  const Instant start = at(working_day_on_or_before(p.created), 9 * 60 + uniform(0, 5 * 60));
  const Instant until = std::max(
      start,
      p.until.value_or(std::min(now_ - minutes{10}, at(working_days_before(today_, 1), 17 * 60))));
  auto gap = std::chrono::duration_cast<minutes>(until - start) / std::max(1, events);
  gap = gap >= std::chrono::hours{24} ? minutes{std::chrono::hours{24}}
                                      : std::min(gap, minutes{std::chrono::hours{2}});
  Instant t = start;
  auto next = [&] {
    t += gap;
    while (!s_.calendar.is_working_day(core::london_date(t)) &&
           t + std::chrono::hours{24} <= until) {
      t += std::chrono::hours{24};
    }
  };
  const std::string created = stamp(t);

  const core::RequestType* type = panel.request_type(p.request_type);
  const bool parallel = type ? type->needs_parallel_plan : chance(40);
  std::string venue;
  if (panel.asks_venue_preference && !panel.venues.empty()) {
    venue =
        panel
            .venues[static_cast<std::size_t>(uniform(0, static_cast<int>(panel.venues.size()) - 1))]
            .id;
  }
  const std::int64_t id = tx_.insert(
      "INSERT INTO requests (panel_id, state, request_type, reason, proposed_plan, "
      "parallel_plan, conference_call, venue_preference, approval_step, author_id, team_id, "
      "statutory_due, created_at, submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9, $10, $11, $12, $13, NULL, $14) RETURNING id",
      {panel.id, p.state, p.request_type, text_reason(panel), std::string(one_of(kPlans)),
       parallel ? std::string(one_of(kParallelPlans)) : std::string(),
       std::int64_t{panel.asks_conference_call && chance(30) ? 1 : 0}, venue,
       std::int64_t{p.state == "draft" ? 0 : static_cast<std::int64_t>(approved)}, first.worker,
       team.id, p.statutory_due ? Value{core::to_iso(*p.statutory_due)} : Value{nullptr}, created,
       created});
  for (std::size_t c : p.children) {
    tx_.exec("INSERT INTO request_children (request_id, child_id) VALUES ($1, $2)",
             {id, children_[c].id});
  }
  add_criteria(id, panel);
  add_papers(id, p, created);
  for (std::size_t k = 0; k < approved && k < steps; ++k) {
    const core::ApprovalStep& step = panel.approval_steps[k];
    next();
    const std::string comments =
        step.records_three_way_discussion
            ? "3-way discussion held on " + long_date(core::to_iso(core::london_date(t))) +
                  " with the allocated social worker, practice manager and group manager. "
                  "Referral quality-assured and approved."
            : "Agreed.";
    tx_.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'approved', $4, $5)",
        {id, step.id, approver_for(step.role, team), comments, stamp(t)});
  }
  if (p.returned && static_cast<std::size_t>(p.step) < steps) {
    const core::ApprovalStep& step = panel.approval_steps[static_cast<std::size_t>(p.step)];
    next();
    tx_.exec(
        "INSERT INTO approvals (request_id, step_id, approver_id, outcome, comments, at) "
        "VALUES ($1, $2, $3, 'returned', $4, $5)",
        {id, step.id, approver_for(step.role, team),
         std::string("Please add the parallel plan and say why the genogram is not attached."),
         stamp(t)});
  }
  if (sent_on && steps == 0) {
    next();
  }
  tx_.exec("UPDATE requests SET submitted_at = $1, updated_at = $2 WHERE id = $3",
           {sent_on ? Value{stamp(t)} : Value{nullptr}, stamp(t), id});
  return id;
}

// One or two of the panel's entry criteria (those a request can meet without
// a manager's authorisation, which the demo does not invent).
void Demo::add_criteria(std::int64_t request, const core::PanelType& panel) {
  std::vector<const core::EntryCriterion*> open;
  for (const auto& c : panel.entry_criteria) {
    if (!c.authorisation_by && !c.after_months) {
      open.push_back(&c);
    }
  }
  if (open.empty()) {
    return;
  }
  std::shuffle(open.begin(), open.end(), rng_);
  const std::size_t n = std::min<std::size_t>(open.size(), chance(50) ? 2 : 1);
  for (std::size_t i = 0; i < n; ++i) {
    tx_.exec("INSERT INTO request_criteria (request_id, criterion_id) VALUES ($1, $2)",
             {request, open[i]->id});
  }
}

// The papers: a file (a one-page PDF) for each required document and for
// about half of the others, and a reason for each of the rest. A draft has
// made a start only (its first document), so its task list is in progress.
void Demo::add_papers(std::int64_t request, const RequestPlan& p, const std::string& added_at) {
  const Child& first = children_[p.children.front()];
  const bool draft = p.state == "draft";
  bool first_document = true;
  for (const core::DocumentRequirement& doc : p.panel->documents) {
    if (draft && !first_document) {
      break;
    }
    if (doc.required || first_document || chance(50)) {
      const std::string content = demo_pdf(doc.label + " for " + first.first_name + " " +
                                           first.last_name + " (fictional demo paper)");
      std::string name;
      for (char c : doc.label) {
        name += std::isalnum(static_cast<unsigned char>(c))
                    ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                    : '-';
      }
      tx_.exec(
          "INSERT INTO request_papers (request_id, document_id, kind, file_name, stored_name, "
          "media_type, bytes, sha256, added_by, added_at) "
          "VALUES ($1, $2, 'file', $3, $4, 'application/pdf', $5, $6, $7, $8)",
          {request, doc.id, name + ".pdf", store_paper_content(s_, content),
           static_cast<std::int64_t>(content.size()), store::sha256_hex(content), first.worker,
           added_at});
    } else {
      tx_.exec(
          "INSERT INTO request_papers (request_id, document_id, kind, reason, added_by, added_at) "
          "VALUES ($1, $2, 'not_provided', $3, $4, $5)",
          {request, doc.id, std::string(one_of(kNotProvided)), first.worker, added_at});
    }
    first_document = false;
  }
}

// Keeping watch: the first child on each watch list (other than those kept
// for the browser journeys) has been discussed by their team's manager, so
// the list shows both halves.
void Demo::record_watch_discussions(const std::set<std::size_t>& protect) {
  int n = 0;
  for (const WatchedCriterion& w : watched_criteria(s_)) {
    const core::EntryCriterion& c = *w.criterion;
    const Date cutoff = core::add_months(today_, -*c.after_months);
    for (std::size_t i = 0; i < children_.size(); ++i) {
      const Child& child = children_[i];
      const Team& team = council_.teams[child.team];
      std::optional<Date> from = c.months_from == "child_protection_plan_start"
                                     ? child.cp_plan_start
                                 : c.months_from == "came_into_care" ? child.came_into_care
                                                                     : child.case_opened;
      if (protect.count(i) || !from || sys_days{*from} >= sys_days{cutoff} ||
          !team_is_watched(c, team.kind, team.name)) {
        continue;
      }
      const Date on = working_days_before(today_, 5 + 3 * n);
      tx_.exec(
          "INSERT INTO child_discussions (child_id, criterion_id, discussed_on, outcome, "
          "arguments, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          {child.id, c.id, core::to_iso(on), std::string(n % 2 == 0 ? "not_now" : "refer"),
           std::string(
               kDiscussionArguments[static_cast<std::size_t>(n) % kDiscussionArguments.size()]),
           team.manager, stamp(on, 15 * 60)});
      ++n;
      break;
    }
  }
}

std::int64_t Demo::add_hearing(Sitting& sit, std::int64_t request, int children,
                               const std::string& status) {
  const int length = sit.panel->hearing_minutes(std::max(1, children));
  const Instant starts = sit.starts + minutes{sit.booked};
  sit.booked += length;
  return tx_.insert(
      "INSERT INTO hearings (sitting_id, request_id, starts_at, minutes, status) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {sit.id, request, core::to_iso_utc(starts), std::int64_t{length}, status});
}

void Demo::decide(const Sitting& sit, std::int64_t hearing, Instant decided_at,
                  const std::vector<std::size_t>& kids, const std::string& request_state) {
  const core::PanelType& panel = *sit.panel;
  if (panel.decisions.empty()) {
    return;
  }
  const std::string recorded = stamp(decided_at);
  for (std::size_t k : kids) {
    const Child& child = children_[k];
    const core::DecisionOption& option = panel.decisions[static_cast<std::size_t>(
        uniform(0, static_cast<int>(panel.decisions.size()) - 1))];
    const bool review = option.id == panel.return_to_panel.applies_to || chance(25);
    const std::int64_t decision = tx_.insert(
        "INSERT INTO decisions (hearing_id, child_id, decision_type, summary, reasons, "
        "parallel_plan, review_date, is_recommendation, recorded_by, recorded_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        {hearing, child.id, option.id, option.label + ". " + one_of(kDecisionSummaries),
         std::string(one_of(kDecisionReasons)),
         chance(40) ? std::string(one_of(kParallelPlans)) : std::string(),
         review ? Value{core::to_iso(plus_days(sit.date, 84))} : Value{nullptr},
         std::int64_t{option.final_decision_by ? 1 : 0}, council_.login.at(Role::panel_admin),
         recorded});
    const bool demo_worker = child.worker == council_.login.at(Role::social_worker);
    int count = std::array<int, 6>{0, 1, 1, 2, 2, 3}[static_cast<std::size_t>(uniform(0, 5))];
    count = std::max(count, demo_worker ? 2 : 0);
    for (int a = 0; a < count; ++a) {
      const std::int64_t owner = a % 2 == 0 ? child.worker : council_.teams[child.team].manager;
      const Date due = add_working_days(sit.date, one_of(kActionWorkingDays));
      // Older requests are closed with every action done; recent ones have a
      // mix of open, done and overdue actions (one in three past due is open).
      bool done = true;
      if (request_state != "closed") {
        if (sys_days{due} < sys_days{today_}) {
          done = (overdue_seen_++ % 3) != 0;
        } else {
          done = (upcoming_seen_++ % 4) == 0;
        }
        if (demo_worker && a == 0) {
          done = false;  // social_worker@ always has an open action or two
        }
      }
      std::optional<std::string> completed;
      if (done) {
        const Date last = std::min(sys_days{due}, sys_days{today_} - days{1});
        const int span = std::max(1, days_from(sit.date, last));
        completed = stamp(working_day_on_or_before(plus_days(sit.date, uniform(1, span))),
                          14 * 60 + uniform(0, 120));
      }
      tx_.exec(
          "INSERT INTO actions (decision_id, child_id, description, owner_id, due_date, status, "
          "completed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {decision, child.id, std::string(one_of(kActions)), owner, core::to_iso(due),
           std::string(done ? "done" : "open"), store::nullable(completed), recorded});
    }
  }
}

// Past sittings are held: each hears up to four requests (children picked from
// `pool`, with their siblings), records decisions and actions. The latest
// sitting's minutes are not yet authorised (its requests are heard); older
// ones are decided, and those over five weeks old closed.
void Demo::hold_past_sittings(const core::PanelType& panel, std::vector<Sitting>& past,
                              const std::set<std::size_t>& protect,
                              const std::map<std::size_t, std::size_t>& forced,
                              const std::map<std::size_t, std::string>& forced_type) {
  for (std::size_t i = 0; i < past.size(); ++i) {
    Sitting& sit = past[i];
    const bool latest = i + 1 == past.size();
    const int age = days_from(sit.date, today_);
    const std::string state = latest ? "heard" : age <= 35 ? "decided" : "closed";
    std::vector<std::size_t> pool;
    for (std::size_t c = 0; c < children_.size(); ++c) {
      const Child& child = children_[c];
      if (protect.count(c) || sys_days{child.case_opened} >= sys_days{sit.date}) {
        continue;
      }
      const bool cared =
          child.came_into_care && sys_days{*child.came_into_care} < sys_days{sit.date};
      if ((panel.id == "clam" && !cared) || (panel.id == "support" && child.came_into_care)) {
        continue;
      }
      pool.push_back(c);
    }
    std::set<std::size_t> heard;
    for (int h = 0; h < 4; ++h) {
      std::optional<std::size_t> pick;
      std::string type = request_type_for(panel, false);
      if (h == 0 && forced.count(i)) {
        pick = forced.at(i);
        if (forced_type.count(i)) {
          type = forced_type.at(i);
        }
      } else {
        for (int tries = 0; tries < 20 && !pool.empty() && !pick; ++tries) {
          const std::size_t c =
              pool[static_cast<std::size_t>(uniform(0, static_cast<int>(pool.size()) - 1))];
          if (!heard.count(c)) {
            pick = c;
          }
        }
      }
      if (!pick) {
        break;
      }
      const std::vector<std::size_t> kids = with_siblings(*pick);
      const int length = panel.hearing_minutes(static_cast<int>(kids.size()));
      if (sit.booked + length > sit.capacity()) {
        break;
      }
      for (std::size_t k : kids) {
        heard.insert(k);
      }
      RequestPlan plan;
      plan.panel = &panel;
      plan.children = kids;
      plan.state = state;
      plan.request_type = type;
      plan.created = plus_days(sit.date, -21);
      plan.until = sit.starts - std::chrono::hours{2};
      if (const core::RequestType* t = panel.request_type(type);
          t && t->heard_within_working_days && children_[kids.front()].came_into_care) {
        plan.statutory_due = add_working_days(*children_[kids.front()].came_into_care,
                                              *t->heard_within_working_days);
        plan.created = *children_[kids.front()].came_into_care;
      }
      const std::int64_t request = add_request(plan);
      const Instant starts = sit.starts + minutes{sit.booked};
      const std::int64_t hearing =
          add_hearing(sit, request, static_cast<int>(kids.size()), "heard");
      decide(sit, hearing, starts + minutes{length}, kids, state);
    }
    if (!latest) {
      tx_.exec("UPDATE sittings SET minutes_authorised_at = $1 WHERE id = $2",
               {stamp(add_working_days(sit.date, 2), 12 * 60), sit.id});
    }
  }
}

// ---------------------------------------------------------------------------
// The standard council: three localities, six teams, 60 children.

void Demo::build_standard_children() {
  const std::int64_t sw = council_.login.at(Role::social_worker);
  auto add = [&](Child c) {
    children_.push_back(std::move(c));
    return children_.size() - 1;
  };
  auto worker_of = [&](std::size_t team) {
    const auto& w = council_.teams[team].workers;
    // social_worker@'s caseload is set by hand: others in the team get the rest.
    const int first = team == 0 ? 1 : 0;
    return w[static_cast<std::size_t>(uniform(first, static_cast<int>(w.size()) - 1))];
  };
  auto fill = [&](std::size_t team, int count) {
    for (int i = 0; i < count; ++i) {
      key_.plain[team].push_back(add(random_child(team, worker_of(team), "")));
    }
  };

  // social_worker@ (team 0, a FAST team): nine children.
  key_.sw_siblings = make_siblings(0, sw, 3, "Child Protection Plan");
  for (std::size_t c : key_.sw_siblings) {
    // Support Panel 2.1 and 2.2: a plan for over 18 months, open to FAST over 9 months.
    children_[c].cp_plan_start = plus_days(today_, -610);
    children_[c].case_opened = plus_days(today_, -700);
  }
  auto sw_child = [&](const std::string& status, int age_days) {
    Child c = random_child(0, sw, "");
    c.legal_status = status;
    set_dates(c, age_days);
    return c;
  };
  {
    Child c = sw_child("Section 20", uniform(8 * 365, 14 * 365));
    c.came_into_care = working_days_before(today_, 1);
    c.case_opened = plus_days(today_, -120);
    key_.sw_recent_care = add(std::move(c));
  }
  {
    Child c = sw_child("Child in Need", uniform(3 * 365, 12 * 365));
    c.case_opened = plus_days(today_, -300);
    key_.sw_child_in_need = add(std::move(c));
  }
  {
    Child c = sw_child("Care Order", uniform(5 * 365, 15 * 365));
    c.case_opened = plus_days(today_, -900);
    c.came_into_care = plus_days(today_, -400);
    key_.sw_care_order = add(std::move(c));
  }
  {
    Child c = sw_child("Child Protection Plan", uniform(1 * 365, 10 * 365));
    c.case_opened = plus_days(today_, -260);
    c.cp_plan_start = plus_days(today_, -200);
    key_.sw_cp_plan = add(std::move(c));
  }
  {
    Child c = sw_child("Section 20", uniform(10 * 365, 16 * 365));
    c.case_opened = plus_days(today_, -500);
    c.came_into_care = plus_days(today_, -250);
    key_.sw_section_20 = add(std::move(c));
  }
  {
    Child c = sw_child("Interim Care Order", uniform(2 * 365, 9 * 365));
    c.case_opened = plus_days(today_, -200);
    c.came_into_care = working_days_before(today_, 30);
    key_.sw_interim = add(std::move(c));
  }
  fill(0, 3);
  // Team 1 (North assessment): a sibling pair and eight more.
  make_siblings(1, worker_of(1), 2, "Child in Need");
  fill(1, 8);
  // Team 2 (South family support): the Support Panel's submitted sibling pair
  // (a plan for over 18 months), and a child accommodated two working days ago
  // awaiting the CLAM emergency retrospective review.
  key_.support_siblings = make_siblings(2, worker_of(2), 2, "Child Protection Plan");
  for (std::size_t c : key_.support_siblings) {
    children_[c].cp_plan_start = plus_days(today_, -640);
    children_[c].case_opened = plus_days(today_, -800);
  }
  {
    Child c = random_child(2, worker_of(2), "");
    c.legal_status = "Section 20";
    set_dates(c, uniform(4 * 365, 13 * 365));
    c.case_opened = plus_days(today_, -90);
    c.came_into_care = working_days_before(today_, 2);
    key_.emergency = add(std::move(c));
  }
  fill(2, 7);
  // Team 3 (South looked after): the CLAM Panel's submitted sibling group
  // of three (a 45-minute hearing).
  key_.clam_siblings = make_siblings(3, worker_of(3), 3, "Care Order");
  fill(3, 6);
  // Team 4 (East FAST) and team 5 (East assessment).
  make_siblings(4, worker_of(4), 2, "Child Protection Plan");
  fill(4, 7);
  fill(5, 10);
}

void Demo::plan_standard_requests(std::vector<Sitting>& clam_future,
                                  std::vector<Sitting>& support_future) {
  auto plain = [&](std::size_t team, std::size_t i) { return key_.plain.at(team).at(i); };
  auto request = [&](const core::PanelType* panel, std::vector<std::size_t> kids,
                     const std::string& state, int created_days_ago) {
    RequestPlan p;
    p.panel = panel;
    p.children = std::move(kids);
    p.state = state;
    p.request_type = request_type_for(*panel, false);
    p.created = plus_days(today_, -created_days_ago);
    return p;
  };
  auto schedule = [&](const RequestPlan& p, std::vector<Sitting>& future, std::size_t nth) {
    std::size_t seen = 0;
    for (Sitting& sit : future) {
      if (sit.on_bank_holiday) {
        continue;
      }
      const int length = p.panel->hearing_minutes(static_cast<int>(p.children.size()));
      if (seen++ >= nth && sit.booked + length <= sit.capacity()) {
        add_hearing(sit, add_request(p), static_cast<int>(p.children.size()), "scheduled");
        return;
      }
    }
  };
  const int clam_steps = [&] {
    const core::PanelType* p = s_.panels.find("clam");
    return p ? static_cast<int>(p->approval_steps.size()) : 0;
  }();

  if (const core::PanelType* clam = s_.panels.find("clam")) {
    add_request(request(clam, {plain(3, 0)}, "draft", 3));
    if (clam_steps > 0) {
      RequestPlan returned = request(clam, {plain(3, 1)}, "draft", 10);
      returned.returned = true;
      returned.step = clam_steps - 1;
      add_request(returned);
    }
    // One request waiting at each approval step; social_worker@'s for the
    // first two, so practice_manager@ and group_manager@ each have one to approve.
    for (int k = 0; k < clam_steps; ++k) {
      const std::size_t child = k == 0   ? key_.sw_section_20
                                : k == 1 ? key_.sw_care_order
                                         : plain(5, static_cast<std::size_t>(3 + k));
      RequestPlan p = request(clam, {child}, "awaiting_approval", 4 + 2 * k);
      p.step = k;
      add_request(p);
    }
    // The coordinator's queue.
    {
      RequestPlan p = request(clam, {key_.emergency}, "submitted", 0);
      p.request_type = request_type_for(*clam, true);
      const core::RequestType* t = clam->request_type(p.request_type);
      p.created = *children_[key_.emergency].came_into_care;
      if (t && t->heard_within_working_days) {
        p.statutory_due = s_.calendar.add_working_days(p.created, *t->heard_within_working_days);
      }
      add_request(p);
    }
    add_request(request(clam, key_.clam_siblings, "submitted", 12));
    add_request(request(clam, {plain(3, 2)}, "submitted", 9));
    add_request(request(clam, {plain(5, 0)}, "submitted", 8));
    add_request(request(clam, {plain(1, 0)}, "submitted", 7));
    schedule(request(clam, {key_.sw_interim}, "scheduled", 12), clam_future, 0);
    schedule(request(clam, {plain(3, 3)}, "scheduled", 14), clam_future, 0);
    schedule(request(clam, {plain(5, 1)}, "scheduled", 11), clam_future, 1);
    add_request(request(clam, {plain(5, 2)}, "declined", 30));
    add_request(request(clam, {plain(1, 1)}, "withdrawn", 25));
  }
  if (const core::PanelType* support = s_.panels.find("support")) {
    const int steps = static_cast<int>(support->approval_steps.size());
    add_request(request(support, {key_.sw_child_in_need}, "draft", 2));
    if (steps > 0) {
      RequestPlan returned = request(support, {key_.sw_cp_plan}, "draft", 8);
      returned.returned = true;
      returned.step = 0;
      add_request(returned);
    }
    for (int k = 0; k < steps; ++k) {
      RequestPlan p = request(support, {plain(2, 0)}, "awaiting_approval", 3 + k);
      p.step = k;
      add_request(p);
      p.children = {plain(4, 0)};
      add_request(p);
    }
    add_request(request(support, key_.support_siblings, "submitted", 9));
    add_request(request(support, {plain(4, 1)}, "submitted", 6));
    schedule(request(support, {plain(2, 1)}, "scheduled", 10), support_future, 0);
    std::vector<std::size_t> east_pair;
    for (const auto& g : groups_) {
      if (children_[g.front()].team == 4) {
        east_pair = g;
      }
    }
    if (!east_pair.empty()) {
      schedule(request(support, east_pair, "scheduled", 13), support_future, 1);
    }
    add_request(request(support, {plain(4, 2)}, "declined", 20));
    add_request(request(support, {plain(2, 2)}, "withdrawn", 16));
  }
}

DemoSummary Demo::standard() {
  ensure_empty();
  write_settings(DemoScale::standard);
  build_council(kStandardLayout);
  note("council", {{"localities", kStandardLayout.localities}, {"teams", council_.teams.size()}});
  build_standard_children();
  insert_children();
  note("children", {{"children", children_.size()}, {"sibling_groups", groups_.size()}});

  // Sittings: the last eight weeks were held, the next eight are planned. A
  // past sitting that fell on a bank holiday is taken as cancelled and left
  // out; a future one is kept for the coordinator to move (as ensure_sittings does).
  std::map<std::string, std::vector<Sitting>> past;
  std::map<std::string, std::vector<Sitting>> future;
  int sittings = 0;
  for (const core::PanelType& panel : s_.panels.all()) {
    for (Sitting& sit : sittings_of(panel, plus_days(today_, -56), plus_days(today_, 57))) {
      const bool held = sys_days{sit.date} < sys_days{today_};
      if (held && sit.on_bank_holiday) {
        continue;
      }
      sit.id = insert_sitting(sit, held ? "held" : "planned");
      ++sittings;
      (held ? past : future)[panel.id].push_back(std::move(sit));
    }
  }
  note("sittings", {{"sittings", sittings}});

  // Children whose journeys start in the browser have no history here.
  std::set<std::size_t> protect(key_.sw_siblings.begin(), key_.sw_siblings.end());
  protect.insert(key_.sw_recent_care);
  protect.insert(key_.emergency);
  for (const core::PanelType& panel : s_.panels.all()) {
    std::vector<Sitting>& held = past[panel.id];
    std::map<std::size_t, std::size_t> forced;
    std::map<std::size_t, std::string> forced_type;
    if (panel.id == "clam") {
      // social_worker@'s history: the interim care order child's emergency
      // review at the first sitting after coming into care, and two reviews.
      const Date came = *children_[key_.sw_interim].came_into_care;
      for (std::size_t i = 0; i < held.size(); ++i) {
        if (sys_days{held[i].date} > sys_days{came}) {
          forced[i] = key_.sw_interim;
          forced_type[i] = request_type_for(panel, true);
          break;
        }
      }
      for (std::size_t i : {std::size_t{1}, std::size_t{4}}) {
        if (i < held.size() && !forced.count(i)) {
          forced[i] = i == 1 ? key_.sw_care_order : key_.sw_section_20;
        }
      }
    } else if (panel.id == "support" && held.size() > 3) {
      forced[3] = key_.sw_cp_plan;
    }
    hold_past_sittings(panel, held, protect, forced, forced_type);
  }
  plan_standard_requests(future["clam"], future["support"]);
  record_watch_discussions(protect);
  const DemoSummary made = summary();
  note("requests", {{"requests", made.requests},
                    {"hearings", made.hearings},
                    {"decisions", made.decisions},
                    {"actions", made.actions}});
  return made;
}

DemoSummary Demo::summary() {
  auto count = [&](const char* table) {
    return static_cast<int>(
        tx_.query_one(std::string("SELECT COUNT(*) FROM ") + table)->integer(0));
  };
  DemoSummary out;
  out.users = count("users");
  out.children = count("children");
  out.requests = count("requests");
  out.sittings = count("sittings");
  out.hearings = count("hearings");
  out.decisions = count("decisions");
  out.actions = count("actions");
  return out;
}

// ---------------------------------------------------------------------------
// The large council, for benchmarks: 5,000 children, 50,000 hearings and
// 200,000 actions. Past sittings are held three weekdays a week per panel
// going back about eleven years, fourteen hearings each; every request is
// for one child. Rows go in through multi-row inserts with ids chosen here.

constexpr int kLargeChildren = 5000;
constexpr int kLargeHearings = 50000;
constexpr int kLargeActions = 200000;
constexpr int kHearingsPerSitting = 14;
constexpr int kBenchHistoryHearings = 40;
constexpr int kBenchHistoryDays = 3652;

std::int64_t Demo::next_id(const char* table) {
  return tx_.query_one(std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + table)->integer(0);
}

// The next eight weeks' sittings; the benchmark's is the bench panel's
// first one not on a bank holiday.
void Demo::plan_large_future(LargePlan& plan) {
  const core::PanelType* bench_panel = s_.panels.find("clam");
  if (bench_panel == nullptr && !s_.panels.all().empty()) {
    bench_panel = &s_.panels.all().front();
  }
  for (const core::PanelType& panel : s_.panels.all()) {
    for (Sitting& sit : sittings_of(panel, today_, plus_days(today_, 57))) {
      if (&panel == bench_panel && !plan.bench && !sit.on_bank_holiday) {
        plan.bench = plan.future.size();
      }
      plan.future.push_back(std::move(sit));
    }
  }
}

// Past sittings on each panel's weekday and the next two working weekdays,
// going back week by week until they hold `hearings`; oldest first.
void Demo::plan_large_past(LargePlan& plan, int hearings) {
  const sys_days today{today_};
  const sys_days monday = today - days{std::chrono::weekday{today}.iso_encoding() - 1};
  int room = 0;
  for (int week = 0; room < hearings && !s_.panels.all().empty(); ++week) {
    for (const core::PanelType& panel : s_.panels.all()) {
      const unsigned own = panel.schedule.weekday.iso_encoding();
      for (unsigned n = 0; n < 3 && room < hearings; ++n) {
        const unsigned weekday = ((own > 5 ? 1 : own) - 1 + n) % 5 + 1;
        const Date date{monday - days{7 * week} + days{weekday - 1}};
        if (sys_days{date} >= today || s_.calendar.is_bank_holiday(date)) {
          continue;
        }
        plan.past.push_back(large_sitting(panel, date));
        room += kHearingsPerSitting;
      }
    }
  }
  std::sort(plan.past.begin(), plan.past.end(), [](const Sitting& a, const Sitting& b) {
    return a.starts < b.starts || (a.starts == b.starts && a.panel->id < b.panel->id);
  });
  plan.oldest_hearings = hearings - kHearingsPerSitting * (static_cast<int>(plan.past.size()) - 1);
}

Sitting Demo::large_sitting(const core::PanelType& panel, Date date) const {
  Sitting sit;
  sit.panel = &panel;
  sit.date = date;
  sit.starts = core::london_to_utc(date, panel.schedule.start);
  sit.ends = core::london_to_utc(date, panel.schedule.end);
  // The venue rotation counts scheduled periods from the anchor, as
  // core::sittings_from does.
  const auto& rotation = panel.schedule.venue_rotation;
  if (!rotation.empty()) {
    const long long weeks = (sys_days{date} - sys_days{panel.schedule.rotation_anchor}).count() / 7;
    const long long period = weeks / std::max(1, panel.schedule.every_weeks);
    const long long size = static_cast<long long>(rotation.size());
    sit.venue = rotation[static_cast<std::size_t>(((period % size) + size) % size)];
  }
  return sit;
}

// Which child each past hearing is for, oldest first. Children are heard in
// cohorts (child k around the k-th part of the timeline, so each has a year
// or so of history); child 0 is heard about every three months for ten
// years: the benchmark's child history.
void Demo::assign_large_hearings(LargePlan& plan) {
  const int total = plan.oldest_hearings +
                    kHearingsPerSitting * std::max(0, static_cast<int>(plan.past.size()) - 1);
  const sys_days history_start = sys_days{today_} - days{kBenchHistoryDays};
  int bench_next = 0;
  for (std::size_t i = 0; i < plan.past.size(); ++i) {
    const int n = i == 0 ? plan.oldest_hearings : kHearingsPerSitting;
    std::set<int> here;
    for (int h = 0; h < n; ++h) {
      int child = -1;
      if (h == 0 && bench_next < kBenchHistoryHearings &&
          sys_days{plan.past[i].date} >=
              history_start + days{kBenchHistoryDays * bench_next / kBenchHistoryHearings}) {
        child = 0;
        ++bench_next;
      }
      const long long index = static_cast<long long>(plan.hearing_child.size());
      const int centre = static_cast<int>(index * (kLargeChildren - 1) / std::max(1, total));
      for (int tries = 0; child < 0 || (here.count(child) && tries < 50); ++tries) {
        child = std::clamp(centre + uniform(-250, 250), 1, kLargeChildren - 1);
      }
      here.insert(child);
      plan.hearing_sitting.push_back(i);
      plan.hearing_child.push_back(static_cast<std::size_t>(child));
    }
  }
}

// Children whose dates fit their history (case opened before the first
// hearing, born before that, 17 at most); a few sibling pairs and triples.
void Demo::make_large_children(const LargePlan& plan) {
  std::vector<std::optional<Date>> first_heard(kLargeChildren);
  for (std::size_t h = 0; h < plan.hearing_child.size(); ++h) {
    auto& first = first_heard[plan.hearing_child[h]];
    if (!first) {
      first = plan.past[plan.hearing_sitting[h]].date;
    }
  }
  const int oldest = 17 * 365 + 300;
  for (std::size_t k = 0; k < static_cast<std::size_t>(kLargeChildren); ++k) {
    // The benchmark's child is social_worker@'s, so the journeys can open it.
    const std::size_t team = k == 0 ? 0 : static_cast<std::size_t>(uniform(0, 99));
    const auto& workers = council_.teams[team].workers;
    Child c = random_child(team,
                           workers[k == 0 ? 0
                                          : static_cast<std::size_t>(
                                                uniform(0, static_cast<int>(workers.size()) - 1))],
                           "");
    c.legal_status = k == 0 ? "Care Order"
                            : one_of(std::array<const char*, 6>{
                                  "Child in Need", "Child Protection Plan", "Section 20",
                                  "Care Order", "Interim Care Order", "Placement Order"});
    c.case_opened = first_heard[k] ? plus_days(*first_heard[k], -uniform(14, 200))
                                   : plus_days(today_, -uniform(14, 1000));
    const int open_ago = days_from(c.case_opened, today_);
    c.date_of_birth = plus_days(
        today_, -(k == 0 ? 16 * 365 + 100 : uniform(std::min(oldest, open_ago + 1), oldest)));
    c.came_into_care.reset();
    c.cp_plan_start.reset();
    if (in_care(c.legal_status)) {
      c.came_into_care = plus_days(c.case_opened, uniform(0, std::min(90, open_ago)));
    } else if (c.legal_status == "Child Protection Plan") {
      c.cp_plan_start = plus_days(c.case_opened, uniform(0, std::min(120, open_ago)));
    }
    children_.push_back(std::move(c));
  }
  // Every twentieth child is the eldest of a sibling pair (every sixtieth of
  // three): neighbours in the timeline, so heard in the same years.
  for (std::size_t k = 20; k + 2 < children_.size(); k += 20) {
    const std::size_t size = k % 60 == 0 ? 3 : 2;
    groups_.emplace_back();
    for (std::size_t i = 0; i < size; ++i) {
      Child& c = children_[k + i];
      if (i > 0) {
        c.last_name = children_[k].last_name;
        c.team = children_[k].team;
        c.worker = children_[k].worker;
        c.ethnicity = children_[k].ethnicity;
      }
      c.sibling_group = static_cast<int>(groups_.size() - 1);
      groups_.back().push_back(k + i);
    }
  }
}

void Demo::insert_large_children() {
  const std::int64_t first_group = next_id("sibling_groups");
  BulkInsert groups(tx_, "sibling_groups", {"id", "name"});
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    groups.add({first_group + static_cast<std::int64_t>(g),
                children_[groups_[g].front()].last_name + " siblings"});
  }
  groups.flush();
  const std::int64_t first_child = next_id("children");
  BulkInsert rows(tx_, "children",
                  {"id", "external_id", "first_name", "last_name", "date_of_birth", "gender",
                   "ethnicity", "disability", "legal_status", "came_into_care", "cp_plan_start",
                   "case_opened", "allocated_worker_id", "team_id", "sibling_group_id"});
  auto date = [](const std::optional<Date>& d) {
    return d ? Value{core::to_iso(*d)} : Value{nullptr};
  };
  for (std::size_t i = 0; i < children_.size(); ++i) {
    Child& c = children_[i];
    c.id = first_child + static_cast<std::int64_t>(i);
    char external[32];
    std::snprintf(external, sizeof external, "DEMO-%06zu", 100 + i);
    rows.add({c.id, std::string(external), c.first_name, c.last_name, core::to_iso(c.date_of_birth),
              c.gender, c.ethnicity, c.disability, c.legal_status, date(c.came_into_care),
              date(c.cp_plan_start), core::to_iso(c.case_opened), c.worker,
              council_.teams[c.team].id,
              c.sibling_group < 0 ? Value{nullptr} : Value{first_group + c.sibling_group}});
  }
  rows.flush();
}

// Past sittings were held, their minutes authorised two working days later;
// a sitting runs on past its end when fourteen hearings need longer.
void Demo::insert_large_sittings(LargePlan& plan) {
  std::int64_t id = next_id("sittings");
  BulkInsert rows(tx_, "sittings",
                  {"id", "panel_id", "sitting_date", "starts_at", "ends_at", "venue_id", "status",
                   "chair_id", "minutes_authorised_at"});
  for (std::size_t i = 0; i < plan.past.size(); ++i) {
    Sitting& sit = plan.past[i];
    sit.id = id++;
    const int n = i == 0 ? plan.oldest_hearings : kHearingsPerSitting;
    const Instant ends =
        std::max(sit.ends, sit.starts + minutes{n * sit.panel->hearing_minutes(1)});
    rows.add({sit.id, sit.panel->id, core::to_iso(sit.date), core::to_iso_utc(sit.starts),
              core::to_iso_utc(ends), sit.venue, std::string("held"), council_.chairs[i % 2],
              cached_stamp(add_working_days(sit.date, 2), 12 * 60)});
  }
  for (Sitting& sit : plan.future) {
    sit.id = id++;
    rows.add({sit.id, sit.panel->id, core::to_iso(sit.date), core::to_iso_utc(sit.starts),
              core::to_iso_utc(sit.ends), sit.venue, std::string("planned"), council_.chairs[0],
              nullptr});
  }
  rows.flush();
}

// How many actions each decision gets: two to six, four on average, adding
// up to exactly kLargeActions.
std::vector<int> Demo::large_action_counts(std::size_t decisions) {
  std::vector<int> out(decisions);
  long long sum = 0;
  for (int& a : out) {
    a = std::array<int, 6>{2, 3, 4, 4, 5, 6}[static_cast<std::size_t>(uniform(0, 5))];
    sum += a;
  }
  while (sum != kLargeActions && decisions > 0) {
    int& a = out[static_cast<std::size_t>(uniform(0, static_cast<int>(decisions) - 1))];
    if (sum < kLargeActions && a < 8) {
      ++a;
      ++sum;
    } else if (sum > kLargeActions && a > 1) {
      --a;
      --sum;
    }
  }
  return out;
}

// The rows of the large council's history, written in bulk with ids chosen
// here. Each table's rows are flushed after those they refer to.
class Demo::LargeHistory {
 public:
  explicit LargeHistory(Demo& d)
      : d_(d),
        request_id_(d.next_id("requests")),
        hearing_id_(d.next_id("hearings")),
        decision_id_(d.next_id("decisions")),
        action_id_(d.next_id("actions")),
        approval_id_(d.next_id("approvals")),
        requests_(d.tx_, "requests",
                  {"id", "panel_id", "state", "request_type", "reason", "proposed_plan",
                   "parallel_plan", "venue_preference", "approval_step", "author_id", "team_id",
                   "created_at", "submitted_at", "updated_at"}),
        request_children_(d.tx_, "request_children", {"request_id", "child_id"}, {&requests_}),
        approvals_(d.tx_, "approvals",
                   {"id", "request_id", "step_id", "approver_id", "outcome", "comments", "at"},
                   {&requests_}),
        hearings_(d.tx_, "hearings",
                  {"id", "sitting_id", "request_id", "starts_at", "minutes", "status"},
                  {&requests_}),
        decisions_(d.tx_, "decisions",
                   {"id", "hearing_id", "child_id", "decision_type", "summary", "reasons",
                    "review_date", "is_recommendation", "recorded_by", "recorded_at"},
                   {&hearings_}),
        actions_(d.tx_, "actions",
                 {"id", "decision_id", "child_id", "description", "owner_id", "due_date", "status",
                  "completed_at", "created_at"},
                 {&decisions_}) {}

  // A one-child request through every approval step, and its hearing.
  std::int64_t hear(Sitting& sit, const Child& child, const std::string& state,
                    const std::string& hearing_status, Instant* starts) {
    const core::PanelType& panel = *sit.panel;
    const Team& team = d_.council_.teams[child.team];
    const std::int64_t id = request_id_++;
    const std::string created = d_.cached_stamp(plus_days(sit.date, -21), 10 * 60);
    const std::string submitted = d_.cached_stamp(plus_days(sit.date, -9), 15 * 60);
    std::string venue;
    if (panel.asks_venue_preference && !panel.venues.empty()) {
      venue = panel.venues[static_cast<std::size_t>(id) % panel.venues.size()].id;
    }
    const std::string type = d_.request_type_for(panel, false);
    const core::RequestType* t = panel.request_type(type);
    requests_.add(
        {id, panel.id, state, type, d_.text_reason(panel), std::string(d_.one_of(kPlans)),
         t && t->needs_parallel_plan ? std::string(d_.one_of(kParallelPlans)) : std::string(),
         venue, static_cast<std::int64_t>(panel.approval_steps.size()), child.worker, team.id,
         created, submitted, submitted});
    request_children_.add({id, child.id});
    for (std::size_t k = 0; k < panel.approval_steps.size(); ++k) {
      const core::ApprovalStep& step = panel.approval_steps[k];
      approvals_.add({approval_id_++, id, step.id, d_.approver_for(step.role, team),
                      std::string("approved"), std::string("Agreed."),
                      d_.cached_stamp(plus_days(sit.date, -20 + static_cast<int>(k)), 11 * 60)});
    }
    const int length = panel.hearing_minutes(1);
    *starts = sit.starts + minutes{sit.booked};
    sit.booked += length;
    const std::int64_t hearing = hearing_id_++;
    hearings_.add(
        {hearing, sit.id, id, core::to_iso_utc(*starts), std::int64_t{length}, hearing_status});
    return hearing;
  }

  // The decision for the hearing's child, and `count` actions.
  void decide(const Sitting& sit, std::int64_t hearing, Instant starts, const Child& child,
              bool closed, int count) {
    const core::PanelType& panel = *sit.panel;
    if (panel.decisions.empty()) {
      return;
    }
    const core::DecisionOption& option = panel.decisions[static_cast<std::size_t>(
        d_.uniform(0, static_cast<int>(panel.decisions.size()) - 1))];
    const std::int64_t decision = decision_id_++;
    const std::string recorded = core::to_iso_utc(starts + minutes{panel.hearing_minutes(1)});
    const bool review = option.id == panel.return_to_panel.applies_to || d_.chance(25);
    decisions_.add({decision, hearing, child.id, option.id,
                    option.label + ". " + d_.one_of(kDecisionSummaries),
                    std::string(d_.one_of(kDecisionReasons)),
                    review ? Value{core::to_iso(plus_days(sit.date, 84))} : Value{nullptr},
                    std::int64_t{option.final_decision_by ? 1 : 0},
                    d_.council_.login.at(Role::panel_admin), recorded});
    const sys_days today{d_.today_};
    for (int a = 0; a < count; ++a) {
      const Date due = d_.add_working_days(
          sit.date, kActionWorkingDays[static_cast<std::size_t>(a) % kActionWorkingDays.size()]);
      // Closed requests and long-past actions are done; recent ones are a mix.
      bool done = closed || sys_days{due} < today - days{30};
      if (!done) {
        done =
            sys_days{due} < today ? (d_.overdue_seen_++ % 3) != 0 : (d_.upcoming_seen_++ % 4) == 0;
      }
      Value completed = nullptr;
      if (done) {
        const Date last = std::min(sys_days{due}, today - days{1});
        completed =
            d_.cached_stamp(d_.working_day_on_or_before(plus_days(last, -(a % 3))), 15 * 60);
      }
      actions_.add({action_id_++, decision, child.id, std::string(d_.one_of(kActions)),
                    a % 2 == 0 ? child.worker : d_.council_.teams[child.team].manager,
                    core::to_iso(due), std::string(done ? "done" : "open"), completed, recorded});
    }
  }

  void flush() {
    for (BulkInsert* b :
         {&requests_, &request_children_, &approvals_, &hearings_, &decisions_, &actions_}) {
      b->flush();
    }
  }

 private:
  Demo& d_;
  std::int64_t request_id_, hearing_id_, decision_id_, action_id_, approval_id_;
  BulkInsert requests_, request_children_, approvals_, hearings_, decisions_, actions_;
};

DemoSummary Demo::large() {
  ensure_empty();
  write_settings(DemoScale::large);
  build_council(kLargeLayout);
  note("council", {{"localities", kLargeLayout.localities}, {"teams", council_.teams.size()}});

  LargePlan plan;
  plan_large_future(plan);
  const int bench_hearings = plan.bench ? kHearingsPerSitting : 0;
  plan_large_past(plan, kLargeHearings - bench_hearings);
  assign_large_hearings(plan);
  make_large_children(plan);
  insert_large_children();
  note("children", {{"children", children_.size()}, {"sibling_groups", groups_.size()}});
  insert_large_sittings(plan);
  note("sittings", {{"sittings", plan.past.size() + plan.future.size()}});

  LargeHistory history(*this);
  const std::vector<int> actions = large_action_counts(plan.hearing_child.size());
  for (std::size_t h = 0; h < plan.hearing_child.size(); ++h) {
    Sitting& sit = plan.past[plan.hearing_sitting[h]];
    const Child& child = children_[plan.hearing_child[h]];
    const bool closed = days_from(sit.date, today_) > 90;
    Instant starts;
    const std::int64_t hearing =
        history.hear(sit, child, closed ? "closed" : "decided", "heard", &starts);
    history.decide(sit, hearing, starts, child, closed, actions[h]);
  }
  // The benchmark's agenda: fourteen one-child hearings at the next sitting.
  std::int64_t bench_sitting = 0;
  if (plan.bench) {
    Sitting& sit = plan.future[*plan.bench];
    bench_sitting = sit.id;
    std::set<int> chosen;
    while (static_cast<int>(chosen.size()) < kHearingsPerSitting) {
      chosen.insert(uniform(1, kLargeChildren - 1));
    }
    for (int k : chosen) {
      Instant starts;
      history.hear(sit, children_[static_cast<std::size_t>(k)], "scheduled", "scheduled", &starts);
    }
  }
  history.flush();
  if (tx_.engine() == store::Engine::postgresql) {
    // Ids were chosen here: move each identity past them.
    for (const char* table : {"sibling_groups", "children", "sittings", "requests", "approvals",
                              "hearings", "decisions", "actions"}) {
      tx_.query(std::string("SELECT setval(pg_get_serial_sequence('") + table +
                "', 'id'), (SELECT MAX(id) FROM " + table + "))");
    }
  }
  put_setting("bench_sitting_id", std::to_string(bench_sitting));
  put_setting("bench_child_id", std::to_string(children_.front().id));
  const DemoSummary made = summary();
  note("history", {{"requests", made.requests},
                   {"hearings", made.hearings},
                   {"decisions", made.decisions},
                   {"actions", made.actions}});
  return made;
}

}  // namespace

DemoSummary create_demo_data(Services& s, DemoScale scale) {
  DemoSummary out;
  s.db.write_all([&](Tx& tx) {
    Demo demo(s, tx);
    out = scale == DemoScale::large ? demo.large() : demo.standard();
  });
  return out;
}

}  // namespace casepanel::app
