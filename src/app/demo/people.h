// The demo council's people and places: invented names (staff and children
// are combinations of these lists; the demo logins have names of their own,
// from no list, so they stand out), localities, weighted census categories
// and team kinds. Constant tables: safe to read from any thread.
#pragma once

#include <array>
#include <string>

namespace casepanel::app::demo {

inline constexpr std::array<const char*, 40> kStaffFirst = {
    "Amelia", "Ben",     "Chloe",  "Daniel", "Eleanor",  "Farah",   "George",  "Hannah",
    "Isaac",  "Jasmine", "Kieran", "Leah",   "Mohammed", "Natalie", "Oliver",  "Poppy",
    "Rhys",   "Sophie",  "Tariq",  "Una",    "Vikram",   "Wendy",   "Yusuf",   "Zara",
    "Aisha",  "Callum",  "Debbie", "Ewan",   "Fiona",    "Gareth",  "Harriet", "Imran",
    "Joanne", "Karl",    "Lorna",  "Marcus", "Niamh",    "Owen",    "Paula",   "Simon"};
inline constexpr std::array<const char*, 40> kStaffLast = {
    "Ashcombe", "Barraclough", "Calloway", "Delaney",   "Eastwood",  "Fairbairn",  "Gillespie",
    "Hartigan", "Ingleby",     "Jessop",   "Kendrick",  "Lockhart",  "Maitland",   "Northcott",
    "Oakley",   "Pemberton",   "Quinlan",  "Radcliffe", "Sandford",  "Thornbury",  "Underhill",
    "Venables", "Westbrook",   "Yardley",  "Abbott",    "Blackwood", "Cartwright", "Dunmore",
    "Ellwood",  "Fenwick",     "Garside",  "Holloway",  "Irving",    "Kershaw",    "Langford",
    "Merriman", "Nettleton",   "Osborne",  "Prentice",  "Rowntree"};
inline constexpr std::array<const char*, 30> kGirls = {
    "Ava",   "Bella", "Cara",  "Daisy",  "Erin",   "Freya",  "Gracie", "Holly",  "Isla",  "Jade",
    "Keira", "Lily",  "Maya",  "Nina",   "Olivia", "Phoebe", "Ruby",   "Sienna", "Tilly", "Willow",
    "Amira", "Evie",  "Hafsa", "Imogen", "Kacey",  "Layla",  "Mia",    "Nadia",  "Rosie", "Skye"};
inline constexpr std::array<const char*, 30> kBoys = {
    "Alfie",  "Bailey", "Charlie", "Dylan",  "Ethan", "Finley", "Harvey",  "Jack",
    "Kai",    "Leo",    "Mason",   "Noah",   "Oscar", "Riley",  "Sonny",   "Theo",
    "Tyler",  "Zain",   "Archie",  "Billy",  "Caleb", "Ezra",   "Frankie", "Ibrahim",
    "Jayden", "Logan",  "Musa",    "Reuben", "Toby",  "Yusuf"};
inline constexpr std::array<const char*, 40> kFamilies = {
    "Acton",     "Bramley", "Cotter",  "Dawlish", "Everett", "Finch",   "Gorton",  "Hale",
    "Iveson",    "Jarvis",  "Kemble",  "Lowther", "Marsden", "Nolan",   "Orme",    "Pryor",
    "Quayle",    "Rudd",    "Sowerby", "Tindall", "Upton",   "Vance",   "Wilde",   "Yates",
    "Ainsworth", "Birch",   "Coyle",   "Denton",  "Edge",    "Frayne",  "Goodall", "Haigh",
    "Ibbotson",  "Jowett",  "Kenning", "Lund",    "Mayall",  "Nuttall", "Oldroyd", "Parrish"};
inline constexpr std::array<const char*, 10> kLocalities = {
    "North", "South", "East", "West", "Central", "Coast", "Vale", "Downs", "Forest", "Marsh"};

struct Weighted {
  const char* label;
  int weight;
};
// The 2021 census categories, weighted roughly like a shire county's children.
inline constexpr std::array<Weighted, 15> kEthnicities = {{
    {.label = "White: English, Welsh, Scottish, Northern Irish or British", .weight = 66},
    {.label = "White: Irish", .weight = 1},
    {.label = "White: Gypsy or Irish Traveller", .weight = 2},
    {.label = "White: Roma", .weight = 1},
    {.label = "White: Other White", .weight = 6},
    {.label = "Mixed or Multiple: White and Black Caribbean", .weight = 3},
    {.label = "Mixed or Multiple: White and Black African", .weight = 2},
    {.label = "Mixed or Multiple: White and Asian", .weight = 3},
    {.label = "Asian or Asian British: Indian", .weight = 2},
    {.label = "Asian or Asian British: Pakistani", .weight = 3},
    {.label = "Asian or Asian British: Bangladeshi", .weight = 1},
    {.label = "Black or Black British: African", .weight = 3},
    {.label = "Black or Black British: Caribbean", .weight = 1},
    {.label = "Other ethnic group: Arab", .weight = 1},
    {.label = "Not stated", .weight = 3},
}};
inline constexpr std::array<Weighted, 8> kDisabilities = {{
    {.label = "None", .weight = 80},
    {.label = "Autism", .weight = 6},
    {.label = "ADHD", .weight = 4},
    {.label = "Learning disability", .weight = 4},
    {.label = "Speech, language and communication needs", .weight = 2},
    {.label = "Physical disability", .weight = 2},
    {.label = "Hearing impairment", .weight = 1},
    {.label = "Visual impairment", .weight = 1},
}};
inline constexpr std::array<Weighted, 3> kGenders = {{{.label = "Female", .weight = 49},
                                                      {.label = "Male", .weight = 50},
                                                      {.label = "Non-binary", .weight = 1}}};

// Team kinds in the order localities get them; "fast" is what the Support
// Panel's FAST criterion looks for.
inline constexpr std::array<const char*, 6> kTeamKinds = {
    "fast", "assessment", "family_support", "looked_after", "fast", "assessment"};

// The team's name for its kind: "Family Assessment and Support Team (FAST)".
std::string team_label(const std::string& kind);

}  // namespace casepanel::app::demo
