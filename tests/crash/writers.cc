#include "crash/writers.h"

#include <exception>
#include <regex>
#include <string>

namespace casepanel::crash {
namespace {

void count_and_finish(Writer& w, std::size_t index, int status, std::int64_t person_id) {
  // Only the success redirect says the transaction committed.
  const Outcome outcome = status == 303 ? Outcome::acknowledged : Outcome::refused;
  w.log.finish(index, outcome, status, person_id);
  w.trigger.answered();
}

// POSTs one write; the person's id from the redirect when acknowledged.
std::int64_t attempt(Writer& w, Write write, const std::string& path, const Form& form) {
  const std::size_t index = w.log.begin(std::move(write));
  w.trigger.sent();
  Answer answer;
  try {
    answer = w.client.post(path, form);
  } catch (const std::exception&) {
    // The connection broke (the kill) before an answer came: Poco's
    // exceptions, or the stream's.
    w.log.finish(index, Outcome::unknown, 0, 0);
    return 0;
  }
  static const std::regex person(R"(^/admin/people/([0-9]+)\?done=)");
  std::smatch m;
  std::int64_t id = 0;
  if (answer.status == 303 && std::regex_search(answer.location, m, person)) {
    id = std::stoll(m[1].str());
  }
  count_and_finish(w, index, answer.status, id);
  return id;
}

std::int64_t add_person(Writer& w, const std::string& token) {
  const Form form = {{"name", "Crash " + token},
                     {"email", email_of(token)},
                     {"job_title", token},
                     {"roles", "social_worker"}};
  return attempt(w, {.kind = WriteKind::add_person, .token = token, .life = w.life},
                 "/admin/people", form);
}

void send_link(Writer& w, const std::string& token, std::int64_t person) {
  attempt(w,
          {.kind = WriteKind::password_link, .token = token, .life = w.life, .person_id = person},
          "/admin/people/" + std::to_string(person) + "/password-link", {});
}

}  // namespace

void KillTrigger::arm(KillAt at, int count) {
  const std::lock_guard lock(mutex_);
  at_ = at;
  left_ = count;
  stopped_ = false;
}

void KillTrigger::count(KillAt what) {
  const std::lock_guard lock(mutex_);
  if (what == at_ && left_ > 0 && --left_ == 0) {
    fired_.notify_all();
  }
}

bool KillTrigger::wait(std::chrono::seconds deadline) {
  std::unique_lock lock(mutex_);
  return fired_.wait_for(lock, deadline, [this] { return left_ == 0; });
}

void run_writer(Writer w) {
  for (int n = 1; !w.trigger.stopped(); ++n) {
    const std::string token =
        "w" + std::to_string(w.number) + "-l" + std::to_string(w.life) + "-" + std::to_string(n);
    const std::int64_t person = add_person(w, token);
    if (person != 0 && !w.trigger.stopped()) {
      send_link(w, token, person);
    }
  }
}

}  // namespace casepanel::crash
