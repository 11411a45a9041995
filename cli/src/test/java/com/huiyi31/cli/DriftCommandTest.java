package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code huiyi31 drift} against the sandbox: nothing to report when it keeps the contract, each
 * documented drift reported as its kind at its path (and nothing else), exit codes 0, 1 and 2,
 * {@code --json}, and no personal value or secret in what it prints.
 */
class DriftCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Cli.Result drift(Huiyi31Sandbox sandbox, String... extra) {
    return Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, DriftFixtures.args("drift", sandbox, extra));
  }

  @Test
  void theSandboxAsItIsKeepsTheContractInEveryAnswer() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = drift(sandbox, "--register-with", DriftFixtures.registrationFile(dir).toString());

      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(cli.out()).contains("requestAccessToken: no drift", "listAttendeeTypes: no drift",
          "registerAttendee: no drift", "No drift: every answer keeps the contract.");
      assertThat(sandbox.registrations()).hasSize(1);
    }
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        Arguments.of(Drift.EXTRA_PROPERTY, "UNDECLARED_PROPERTY", "$.data.attendeeTypes[*].sortOrder", "an integer"),
        Arguments.of(Drift.KEY_CASING, "KEY_CASING", "$.data.attendeeTypes[*].tickets[*].IsCanSale", "spells it isCanSale"),
        Arguments.of(Drift.NUMBER_FOR_STRING, "TYPE_MISMATCH", "$.data.attendeeTypes[*].fields[*].fieldOptions[*].code",
            "integer, where the spec says string"),
        Arguments.of(Drift.MISSING_PROPERTY, "MISSING_PROPERTY", "$.data.attendeeTypes[*].fields[*].displayName",
            "declared by the spec (optional), not in the answer"),
        Arguments.of(Drift.NEW_ENUM_VALUE, "UNKNOWN_ENUM_VALUE", "$.data.orderStatus", "\"PendingReview\""),
        Arguments.of(Drift.INT32_OVERFLOW, "FORMAT_MISMATCH", "$.expires_in", "an integer outside the spec's format int32"),
        Arguments.of(Drift.CONTENT_TYPE, "CONTENT_TYPE", "$", "Content-Type text/plain, where the spec says application/json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drifts")
  void eachDriftIsReportedAsItsKindAtItsPathAndNothingElse(Drift drift, String kind, String path, String detail)
      throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.of(drift))) {
      Cli.Result cli = drift(sandbox, "--json", "--register-with", DriftFixtures.registrationFile(dir).toString());

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
      JsonNode report = JSON.readTree(cli.out());
      assertThat(report.path("drift").asBoolean()).isTrue();
      assertThat(report.path("complete").asBoolean()).isTrue();
      assertThat(report.path("findings")).as(cli.out()).singleElement().satisfies(finding -> {
        assertThat(finding.path("kind").asText()).isEqualTo(kind);
        assertThat(finding.path("path").asText()).isEqualTo(path);
        assertThat(finding.path("detail").asText()).contains(detail);
        assertThat(finding.path("specLocation").asText()).startsWith("#/");
      });
    }
  }

  @Test
  void theTextReportNamesEveryFindingWithItsPathAndWhatToDoNext() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.of(Drift.EXTRA_PROPERTY, Drift.KEY_CASING))) {
      Cli.Result cli = drift(sandbox);

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("requestAccessToken: no drift", "listAttendeeTypes: 2 findings",
          "UNDECLARED_PROPERTY  $.data.attendeeTypes[*].sortOrder (2 times)",
          "not declared by the spec; its value is an integer [#/components/schemas/AttendeeType]",
          "KEY_CASING  $.data.attendeeTypes[*].tickets[*].IsCanSale (3 times)",
          "Drift: 2 findings. Record the answers as fixtures (huiyi31 record)");
    }
  }

  @Test
  void neitherPersonalDataNorTheSecretNorTheRegistrationIsPrinted() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.allOf(Drift.class))) {
      Path file = DriftFixtures.registrationFile(dir);
      Cli.Result text = drift(sandbox, "--register-with", file.toString());
      Cli.Result json = drift(sandbox, "--json", "--register-with", file.toString());

      assertThat(text.exitCode()).isEqualTo(1);
      assertThat(json.exitCode()).isEqualTo(1);
      for (Cli.Result cli : new Cli.Result[] {text, json}) {
        assertThat(cli.out() + cli.err()).doesNotContain(DriftFixtures.PERSONAL.toArray(new String[0]))
            .doesNotContain(Huiyi31Sandbox.DEMO_APP_SECRET, "access_token\"", "orderNo\"", "checkinCode\"");
        assertThat(cli.out()).contains("registerAttendee").doesNotContainPattern("[0-9]{19}");
      }
    }
  }

  @Test
  void aRefusedTokenMeansNothingWasCheckedAndExitsOne() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = Cli.runWithSecret("not-the-secret", DriftFixtures.args("drift", sandbox));

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("Not checked: requestAccessToken: HTTP 400, OAuth error invalid_grant",
          "nothing that needs a token was checked", "the check is incomplete").doesNotContain("not-the-secret");
    }
  }

  @Test
  void anEventTheEnvironmentDoesNotKnowIsNotACheckAndExitsOne() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "drift", "--base-url", sandbox.baseUrl(),
          "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", "00000000-0000-0000-0000-000000000000");

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("listAttendeeTypes: refused by the platform, businessCode 1010");
    }
  }

  @Test
  void aPlatformThatCannotBeReachedExitsOne() {
    Huiyi31Sandbox stopped = Huiyi31Sandbox.start(0);
    stopped.close();

    Cli.Result cli = drift(stopped);

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
    assertThat(cli.out()).contains("Not checked: requestAccessToken: no answer from 127.0.0.1:" + stopped.port());
  }

  @Test
  void usageErrorsExitTwoAndSendNothing() throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Path unknownKey = Files.writeString(dir.resolve("bad.json"),
          DriftFixtures.REGISTRATION.replace("\"Items\"", "\"Mobil\":\"13912345678\",\"Items\""));
      Path noMobile = Files.writeString(dir.resolve("no-mobile.json"),
          DriftFixtures.REGISTRATION.replace("\"Mobile\",\"FieldValue\":\"13912345678\"", "\"Mobile\",\"FieldValue\":\"\"")
              .replace("\"Email\",\"FieldValue\":\"zhang.xiaoming@example.com\"", "\"Email\",\"FieldValue\":\"\""));

      Cli.Result noKey = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "drift", "--base-url", sandbox.baseUrl(),
          "--event", DriftFixtures.EVENT);
      Cli.Result noEvent = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "drift", "--base-url", sandbox.baseUrl(),
          "--app-key", Huiyi31Sandbox.DEMO_APP_KEY);
      Cli.Result noSecret = Cli.run(DriftFixtures.args("drift", sandbox));
      Cli.Result both = drift(sandbox, "--env", "test");
      Cli.Result badKey = drift(sandbox, "--register-with", unknownKey.toString());
      Cli.Result badRegistration = drift(sandbox, "--register-with", noMobile.toString());
      Cli.Result missingFile = drift(sandbox, "--register-with", dir.resolve("absent.json").toString());
      Cli.Result production = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "drift", "--env", "prod", "--app-key",
          "k", "--event", DriftFixtures.EVENT, "--register-with", DriftFixtures.registrationFile(dir).toString());
      Cli.Result plainHttp = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, "drift", "--base-url", "http://example.com",
          "--app-key", "k", "--event", DriftFixtures.EVENT);

      for (Cli.Result cli : new Cli.Result[] {noKey, noEvent, noSecret, both, badKey, badRegistration, missingFile,
          production, plainHttp}) {
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).doesNotContain(DriftFixtures.PERSONAL.toArray(new String[0]));
      }
      assertThat(badKey.err()).contains("$.Mobil");
      assertThat(badRegistration.err()).contains("Mobile or Email");
      assertThat(production.err()).contains("never to production");
      assertThat(sandbox.registrations()).isEmpty();
    }
  }

  @Test
  void theHelpSaysWhatIsSentWhatIsJudgedAndTheExitCodes() {
    Cli.Result cli = Cli.run("drift", "--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out().replaceAll("\\s+", " ")).contains("--register-with", "--json", "--env", "test environment",
        "0 no drift", "1 drift, or something could not be checked", "2 usage error");
    assertThat(Cli.run("--help").out()).contains(
        "drift     Checks whether the platform still answers as the contract (openapi.",
        "record    Records the platform's answers as contract-test fixtures, personal");
  }
}
