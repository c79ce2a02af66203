// Your account: your active sessions (end any of them) and two-factor
// authentication (set up with a QR code, recovery codes shown once, turn off
// with a current code). Any signed-in person, for themself only.
#include "app/auth.h"
#include "app/display.h"
#include "app/two_factor.h"
#include "web/site.h"

namespace casepanel::web {
namespace {

std::string when(const std::string& iso_utc) {
  return app::london_long_date(iso_utc) + " " + app::london_hh_mm(iso_utc);
}

WebResponse account(const Site& site, WebRequest& r) {
  const app::SessionInfo& me = *r.session;
  Data sessions{Data::type::list};
  for (const app::ActiveSession& s : app::active_sessions(site.services(), me)) {
    Data d;
    d.set("handle", s.handle);
    d.set("started", when(s.started_at));
    d.set("last_active", when(s.last_active_at));
    d.set("client_address", s.client_address.empty() ? "Not known" : s.client_address);
    if (s.current) {
      d.set("current", true);
    }
    sessions.push_back(d);
  }
  Data data;
  data.set("name", me.actor.name);
  data.set("email", me.actor.email);
  data.set("sessions", sessions);
  if (app::two_factor_status(site.services(), me.actor).state == app::TwoFactorState::on) {
    data.set("two_factor_on", true);
  }
  return site.page(r, "account", "Your account", std::move(data));
}

WebResponse end_session(const Site& site, WebRequest& r) {
  const std::string handle = r.field("session");
  auto done = app::end_session(site.services(), r.actor(), handle);
  if (!done) {
    return site.error(r, done.error());
  }
  if (handle == r.session->id_hash) {
    // That was this browser's session: it is signed out now.
    WebResponse out = WebResponse::redirect("/sign-in");
    out.headers.emplace_back("Set-Cookie",
                             set_cookie(site.options(), kSessionCookie, "", "; Max-Age=0"));
    return out;
  }
  return WebResponse::redirect("/account");
}

WebResponse two_factor_page(const Site& site, const WebRequest& r, Data data, int status = 200) {
  const app::TwoFactorStatus st = app::two_factor_status(site.services(), r.actor());
  switch (st.state) {
    case app::TwoFactorState::off:
      data.set("off", true);
      break;
    case app::TwoFactorState::awaiting_confirmation:
      data.set("awaiting", true);
      // Built on the server from the QR matrix; nothing in it comes from input.
      data.set("qr_svg", st.svg);
      data.set("secret", st.secret_base32);
      data.set("uri", st.uri);
      break;
    case app::TwoFactorState::on:
      data.set("on", true);
      data.set("recovery_codes_left", std::to_string(st.recovery_codes_left));
      break;
  }
  if (r.session && r.session->demand == app::SessionDemand::enrol_two_factor) {
    data.set("required", true);
  }
  return site.page(r, "account_two_factor", "Two-factor authentication", std::move(data), status);
}

WebResponse get_two_factor(const Site& site, WebRequest& r) {
  return two_factor_page(site, r, Data{});
}

WebResponse start_two_factor(const Site& site, WebRequest& r) {
  auto done = app::start_two_factor(site.services(), r.actor());
  if (!done) {
    return site.error(r, done.error());
  }
  return WebResponse::redirect("/account/two-factor");
}

WebResponse confirm_two_factor(const Site& site, WebRequest& r) {
  auto codes = app::confirm_two_factor(site.services(), r.actor(), r.field("code"));
  if (!codes) {
    if (codes.error().kind != core::ErrorKind::invalid) {
      return site.error(r, codes.error());
    }
    Data data;
    add_errors(data, codes.error());
    return two_factor_page(site, r, std::move(data));
  }
  Data list{Data::type::list};
  for (const std::string& c : *codes) {
    list.push_back(Data{"code", c});
  }
  Data data;
  data.set("codes", list);
  return site.page(r, "account_recovery_codes", "Your recovery codes", std::move(data));
}

WebResponse disable_two_factor(const Site& site, WebRequest& r) {
  auto done = app::disable_two_factor(site.services(), r.actor(), r.field("code"));
  if (!done) {
    if (done.error().kind != core::ErrorKind::invalid) {
      return site.error(r, done.error());
    }
    Data data;
    add_errors(data, done.error());
    return two_factor_page(site, r, std::move(data));
  }
  return WebResponse::redirect("/account/two-factor");
}

}  // namespace

void add_account_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/account", {Access::signed_in, {}}, account});
  routes.push_back({"POST", "/account/sessions/end", {Access::signed_in, {}}, end_session});
  routes.push_back({"GET", "/account/two-factor", {Access::signed_in, {}}, get_two_factor});
  routes.push_back(
      {"POST", "/account/two-factor/start", {Access::signed_in, {}}, start_two_factor});
  routes.push_back(
      {"POST", "/account/two-factor/confirm", {Access::signed_in, {}}, confirm_two_factor});
  routes.push_back(
      {"POST", "/account/two-factor/disable", {Access::signed_in, {}}, disable_two_factor});
}

}  // namespace casepanel::web
