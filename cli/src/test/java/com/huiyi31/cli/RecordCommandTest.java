package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code huiyi31 record} from the sandbox: the contract tests' layout, owner-only files, a note
 * saying where and when, consistent fakes for every personal value and id, no token, and the
 * fixtures' contradictions of the spec named.
 */
class RecordCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Cli.Result record(Huiyi31Sandbox sandbox, String... extra) {
    return Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, DriftFixtures.args("record", sandbox, extra));
  }

  private Cli.Result recordWithRegistration(Huiyi31Sandbox sandbox, String name) {
    return record(sandbox, "--out", dir.resolve("recorded").toString(), "--name", name,
        "--register-with", DriftFixtures.registrationFile(dir).toString());
  }

  private JsonNode read(String file) throws IOException {
    return JSON.readTree(dir.resolve("recorded").resolve(file).toFile());
  }

  @Test
  void writesTheContractTestsLayoutOwnerOnlyWithANoteOfWhereAndWhen() throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = recordWithRegistration(sandbox, "nightly");

      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(cli.out()).contains("Wrote 8 files:", "Every fixture validates against the contract.");
      Path root = dir.resolve("recorded");
      List<String> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
      }
      assertThat(files).containsExactly("attendee-types/nightly/case.json", "attendee-types/nightly/request.json",
          "attendee-types/nightly/response.json", "nightly/case.json", "nightly/request.json", "nightly/response.json",
          "token/nightly/case.json", "token/nightly/response.json");
      if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        for (String file : files) {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(file)))).as(file)
              .isEqualTo("rw-------");
        }
      }
      JsonNode note = read("attendee-types/nightly/case.json");
      assertThat(note.path("source").asText()).startsWith("Recorded by huiyi31 ").contains("from 127.0.0.1:" + sandbox.port(),
          "listAttendeeTypes", "fakes", "tokens are removed");
      assertThat(note.path("status").asInt()).isEqualTo(200);
      assertThat(note.path("contentType").asText()).isEqualTo("application/json; charset=utf-8");
      assertThat(note.path("body").asText()).isEqualTo("response.json");
      assertThat(note.path("recorded").path("host").asText()).isEqualTo("127.0.0.1:" + sandbox.port());
      assertThat(note.path("recorded").path("at").asText()).startsWith(LocalDate.now(ZoneOffset.UTC).toString().substring(0, 4));
      assertThat(note.path("recorded").path("tool").asText()).startsWith("huiyi31 ");
    }
  }

  @Test
  void noFixtureHoldsAPersonalValueOfTheInputNorARealIdNorAToken() throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = recordWithRegistration(sandbox, "masked");
      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(sandbox.registrations()).hasSize(1);

      StringBuilder everything = new StringBuilder();
      try (Stream<Path> walk = Files.walk(dir.resolve("recorded"))) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          everything.append(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
      assertThat(everything.toString()).doesNotContain(DriftFixtures.PERSONAL.toArray(new String[0]))
          .doesNotContain(DriftFixtures.EVENT, DriftFixtures.GUEST_TYPE, DriftFixtures.GUEST_TICKET,
              Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_APP_KEY);
      assertThat(cli.out()).doesNotContain(DriftFixtures.PERSONAL.toArray(new String[0]));
      JsonNode token = read("token/masked/response.json");
      assertThat(token.path("access_token").asText()).isEqualTo("removed");
      assertThat(token.path("refresh_token").asText()).isEqualTo("removed");
      assertThat(token.path("expires_in").asInt()).isEqualTo(600);
    }
  }

  @Test
  void theSameRealValueGetsTheSameFakeAcrossTheRecording() throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      assertThat(recordWithRegistration(sandbox, "consistent").exitCode()).isZero();

      JsonNode listRequest = read("attendee-types/consistent/request.json");
      JsonNode guest = read("attendee-types/consistent/response.json").path("data").path("attendeeTypes").get(0);
      JsonNode register = read("consistent/request.json");
      JsonNode order = read("consistent/response.json").path("data");
      JsonNode fields = register.path("Attendee").path("Fields");

      assertThat(register.path("BventId").asText()).isEqualTo(listRequest.path("BventId").asText())
          .matches("00000000-0000-4000-8000-[0-9]{12}");
      assertThat(register.path("AttendeeTypeId").asText()).isEqualTo(guest.path("id").asText());
      assertThat(register.path("Items").get(0).path("ItemSkuId").asText()).isEqualTo(guest.path("tickets").get(0).path("id").asText());
      assertThat(guest.path("name").asText()).as("not personal: kept").isEqualTo("嘉宾");
      assertThat(fields.get(0).path("FieldValue").asText()).isEqualTo("测试甲");
      assertThat(fields.get(1).path("FieldValue").asText()).matches("1380013[0-9]{4}");
      assertThat(fields.get(2).path("FieldValue").asText()).matches("test[0-9]+@example.com");
      assertThat(order.path("orderAttendees").get(0).path("name").asText()).isEqualTo("测试甲");
      assertThat(order.path("orderAttendees").get(0).path("mobile").asText()).isEqualTo(fields.get(1).path("FieldValue").asText());
      assertThat(register.path("Purchaser").path("Mobile").asText()).matches("1380013[0-9]{4}")
          .isNotEqualTo(fields.get(1).path("FieldValue").asText());
      assertThat(order.path("orderNo").asText()).matches("9[0-9]{18}");
      assertThat(order.path("orderAttendees").get(0).path("checkinCode").asText()).matches("9[0-9]{18}");
    }
  }

  @Test
  void aFixtureThatContradictsTheSpecIsNamedWithThePartOfTheSpec() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.of(Drift.NUMBER_FOR_STRING))) {
      Cli.Result cli = record(sandbox, "--out", dir.toString(), "--name", "drifted");

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
      assertThat(cli.out()).contains("These fixtures contradict the contract",
          "attendee-types/drifted/response.json: $.data.attendeeTypes[*].fields[*].fieldOptions[*].code: Instance type "
              + "(integer) does not match any allowed primitive type (allowed: [\"string\"]) (5 times; contradicts the "
              + "spec at #/components/schemas/FieldOption/properties/code)");
    }
  }

  @Test
  void anExistingCaseIsNeitherOverwrittenNorSentFor() throws IOException {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Files.createDirectories(dir.resolve("recorded/token/twice"));

      Cli.Result cli = recordWithRegistration(sandbox, "twice");
      Cli.Result badName = recordWithRegistration(sandbox, "../escape");

      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
      assertThat(cli.err()).contains("twice", "exists already");
      assertThat(badName.exitCode()).as(badName.toString()).isEqualTo(2);
      assertThat(sandbox.registrations()).isEmpty();
      assertThat(dir.resolve("recorded/twice")).doesNotExist();
    }
  }

  @Test
  void theCaseNameDefaultsToTheDate() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Cli.Result cli = record(sandbox, "--out", dir.toString());

      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(dir.resolve("attendee-types/recorded-" + LocalDate.now(ZoneOffset.UTC) + "/response.json")).exists();
    }
  }
}
