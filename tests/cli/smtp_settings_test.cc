// The [smtp] section of the settings file: read, checked, and off by default.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "cli/settings.h"
#include "support/world.h"

namespace casepanel::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class SmtpSettingsFile : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("CASEPANEL_SMTP_PASSWORD");
    fs::remove_all(dir_);
  }
  std::string write(const std::string& text) {
    const fs::path file = dir_ / "casepanel.toml";
    std::ofstream(file) << text;
    return file.string();
  }
  fs::path dir_ = testing::make_temp_dir();
};

TEST_F(SmtpSettingsFile, TheShippedSettingsLeaveDeliveryOff) {
  const Settings s = load_settings(std::string(CASEPANEL_SOURCE_DIR) + "/config/casepanel.toml");
  EXPECT_EQ(s.smtp.host, "");
  EXPECT_EQ(s.smtp.port, 25);
  EXPECT_EQ(s.smtp_max_attempts, 8);
  EXPECT_EQ(s.smtp_interval_seconds, 30);
  EXPECT_EQ(s.smtp.timeout, 30s);
  EXPECT_EQ(s.smtp.security, jobs::SmtpSettings::Security::none);
}

TEST_F(SmtpSettingsFile, EveryKeyIsRead) {
  const Settings s = load_settings(write(R"([smtp]
host = "relay.council.test"
port = 587
from = "Panel <panel@council.test>"
username = "casepanel"
password = "from-the-file"
timeout_seconds = 12
max_attempts = 3
interval_seconds = 5
security = "starttls"
ca_file = "/etc/hosts"
)"));
  EXPECT_EQ(s.smtp.host, "relay.council.test");
  EXPECT_EQ(s.smtp.port, 587);
  EXPECT_EQ(s.smtp.from, "Panel <panel@council.test>");
  EXPECT_EQ(s.smtp.username, "casepanel");
  EXPECT_EQ(s.smtp.password, "from-the-file");
  EXPECT_EQ(s.smtp.timeout, 12s);
  EXPECT_EQ(s.smtp_max_attempts, 3);
  EXPECT_EQ(s.smtp_interval_seconds, 5);
  EXPECT_EQ(s.smtp.security, jobs::SmtpSettings::Security::starttls);
  EXPECT_EQ(s.smtp.ca_file, "/etc/hosts");
}

TEST_F(SmtpSettingsFile, ThePasswordFromTheEnvironmentWins) {
  setenv("CASEPANEL_SMTP_PASSWORD", "from-the-environment", 1);
  const Settings s = load_settings(write(R"([smtp]
host = "relay.council.test"
from = "panel@council.test"
username = "casepanel"
password = "from-the-file"
)"));
  EXPECT_EQ(s.smtp.password, "from-the-environment");
}

TEST_F(SmtpSettingsFile, BadValuesAreRefusedNamingTheKey) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"[smtp]\nport = 0\n", "smtp.port"},
      {"[smtp]\nmax_attempts = 0\n", "smtp.max_attempts"},
      {"[smtp]\ninterval_seconds = -1\n", "smtp.interval_seconds"},
      {"[smtp]\nhost = \"relay\"\n", "smtp.from"},
      {"[smtp]\npassword = \"x\"\n", "smtp.password is set without smtp.username"},
      {"[smtp]\nsecurity = \"ssl\"\n", "smtp.security must be"},
      {"[smtp]\nca_file = \"/nowhere/ca.pem\"\n", "smtp.ca_file /nowhere/ca.pem is not a file"},
  };
  for (const Case& c : cases) {
    try {
      load_settings(write(c.text));
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace casepanel::cli
