// WriteLog: every write the crash harness's writers attempted, with what the
// server said about it, so that after each kill the database can be held to
// it.
//
// A write is acknowledged when the server answered with its success redirect
// (303), which it sends only after the use case's transaction committed: it
// must be in the database, whole, for ever after. It is refused when the
// server answered anything else: it must be wholly absent. It is unknown when
// the connection broke before an answer (the kill): it may be either, but
// wholly, and once a check has seen which, it must stay so.
//
// Thread safety: begin() and finish() may be called from any writer thread;
// the other members only while no writer runs (between two server lives).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace casepanel::crash {

// The two use cases the writers drive, both the administrator's.
enum class WriteKind {
  add_person,     // users, user_roles, the person.add audit event
  password_link,  // password_links, the outbox email, the password_link.send event
};

enum class Outcome { pending, acknowledged, refused, unknown };

// What the checks found in the database.
enum class Fate { unchecked, present, absent };

struct Write {
  WriteKind kind = WriteKind::add_person;
  // Unique within a run ("w3-l17-5": writer 3, server life 17, its 5th person);
  // the person's email is crash-TOKEN@example.test.
  std::string token;
  int life = 0;
  Outcome outcome = Outcome::pending;
  int status = 0;  // the HTTP status, when answered
  // add_person: the id the redirect named (acknowledged only);
  // password_link: the person the link is for.
  std::int64_t person_id = 0;
  Fate fate = Fate::unchecked;
};

std::string email_of(const std::string& token);

class WriteLog {
 public:
  // Returns the write's index, for finish().
  std::size_t begin(Write write);
  void finish(std::size_t index, Outcome outcome, int status, std::int64_t person_id);

  // Between lives only.
  std::vector<Write>& writes() { return writes_; }
  const std::vector<Write>& writes() const { return writes_; }

 private:
  std::mutex mutex_;
  std::vector<Write> writes_;
};

}  // namespace casepanel::crash
