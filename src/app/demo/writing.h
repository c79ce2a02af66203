// What the demo's practitioners and panels write: reasons, plans, decision
// summaries and reasons, actions, why a document is missing, what a team
// manager argued. Panels with request types (the CLAM Panel) decide about
// care; those with entry criteria (the Support Panel) about support at home
// and proceedings. Constant tables: safe to read from any thread.
#pragma once

#include <array>

namespace casepanel::app::demo {

inline constexpr std::array<const char*, 6> kCareReasons = {
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
inline constexpr std::array<const char*, 6> kSupportReasons = {
    "The family's needs are complex and the current package of support has not reduced the risk.",
    "The child has been subject to a Child Protection Plan for more than 18 months without "
    "sustained change.",
    "The worker has not been able to find a local service to meet the family's identified needs.",
    "The team consider that legal advice is needed on whether the threshold for proceedings is "
    "met.",
    "Father has previous convictions and was involved in care proceedings about an older child in "
    "another authority.",
    "The case has been open to the team for more than nine months and progress has stalled."};
inline constexpr std::array<const char*, 6> kPlans = {
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
inline constexpr std::array<const char*, 3> kParallelPlans = {
    "Special Guardianship with the maternal grandmother if her assessment is positive.",
    "Long-term fostering if rehabilitation home is not achievable within the child's timescales.",
    "Care proceedings if the written agreement is not kept."};
inline constexpr std::array<const char*, 4> kPlanTimeframes = {
    "Within 3 months", "By the next LAC review", "Within 6 months", "Before the final hearing"};
inline constexpr std::array<const char*, 4> kDecisionSummaries = {
    "The panel agreed the plan as presented.",
    "Agreed, with the timescales set out in the actions.",
    "Agreed; the practice manager will confirm progress in supervision.",
    "Agreed after discussion of the alternatives; see the reasons."};
inline constexpr std::array<const char*, 6> kDecisionReasons = {
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
// What was done, as the owner records it when closing an action.
inline constexpr std::array<const char*, 5> kActionEvidence = {
    "Done as agreed; the case note on the child's file records the outcome.",
    "Meeting held with the family and carers; minutes are on the child's file.",
    "Referral made and acknowledged by the service; first appointment booked.",
    "Assessment completed and shared with the family; recommendations on file.",
    "Letter sent and placement plan updated; the Practice Manager has reviewed it."};
// Why an action was closed as not done (Support Panel 6: the reasons recorded).
inline constexpr std::array<const char*, 3> kNotDoneReasons = {
    "The family moved out of the area before the meeting; the new authority has the case.",
    "Overtaken by events: the child returned home under the agreed plan.",
    "The service declined the referral; an alternative is being discussed in supervision."};

inline constexpr std::array<const char*, 10> kActions = {
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
inline constexpr std::array<const char*, 4> kNotProvided = {
    "Not yet completed: the assessment is due to finish next week and will be shared with panel.",
    "The family declined to take part; the worker will bring what is known to the hearing.",
    "Not relevant to this request: the child is not subject to a Child Protection Plan.",
    "Held by the previous authority; requested on the date of referral and not yet received."};
inline constexpr std::array<const char*, 3> kDiscussionArguments = {
    "The plan is working and the family are engaging; the core group will review in three months "
    "and bring it back if progress stalls.",
    "Progress has stalled despite the support offered; panel's view is needed on whether to seek "
    "legal advice.",
    "Risks have reduced and step-down to Early Help is planned; panel would add nothing now."};

// Working days from a sitting to an action's due date.
inline constexpr std::array<int, 5> kActionWorkingDays = {5, 10, 15, 20, 30};

}  // namespace casepanel::app::demo
