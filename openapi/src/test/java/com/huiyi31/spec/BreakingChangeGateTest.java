package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.spec.BreakingChangeGate.Verdict;
import io.swagger.parser.OpenAPIParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate itself, on edited copies of the real spec in a temporary folder (the real
 * openapi.yaml and baseline are only read): breaking edits fail it with a report naming them, a
 * MAJOR version bump lets them through, additive edits pass and are reported.
 */
class BreakingChangeGateTest {

  @TempDir
  Path temp;

  private Path baseline;
  /** The spec's version (the baseline copy's too), and the next MAJOR and MINOR versions after it. */
  private String version;
  private String nextMajor;
  private String nextMinor;

  @BeforeEach
  void releaseTheCurrentSpec() throws IOException {
    baseline = Files.copy(SpecCompatibilityTest.SPEC, temp.resolve("baseline.yaml"));
    version = new OpenAPIParser().readContents(Files.readString(baseline), null, null).getOpenAPI().getInfo().getVersion();
    String[] parts = version.split("[.-]");
    nextMajor = (Integer.parseInt(parts[0]) + 1) + ".0.0";
    nextMinor = parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
  }

  static Stream<Arguments> breakingEdits() {
    return Stream.of(
        Arguments.of("a response property removed",
            edit(spec -> removeProperty(spec, "        ", "orderNo")),
            "response property `data.orderNo` removed"),
        Arguments.of("a required request property added",
            edit(spec -> requireInRequest(insertBefore(spec, "        InvitationCode:",
                "        Channel:\n          type: string\n          description: The sales channel.\n"), "Channel")),
            "request property `Channel` is now required"),
        Arguments.of("an optional request property made required",
            edit(spec -> requireInRequest(spec, "InvitationCode")),
            "request property `InvitationCode` is now required"),
        Arguments.of("the operationId renamed",
            edit(spec -> replaceOnce(spec, "operationId: registerAttendee", "operationId: signUpAttendee")),
            "operationId renamed from `registerAttendee` to `signUpAttendee`"),
        Arguments.of("a property's format changed",
            edit(spec -> replaceOnce(spec, "          type: integer\n          format: int32\n          minimum: 1",
                "          type: integer\n          format: int64\n          minimum: 1")),
            "request body application/json: `Items[].Quantity`: type changed from integer (int32) to integer (int64)"),
        Arguments.of("a response removed",
            edit(spec -> removeProperty(spec, "        ", "'4XX'")),
            "response 4XX removed"));
  }

  @ParameterizedTest(name = "{0} fails the gate")
  @MethodSource("breakingEdits")
  void aBreakingEditFailsTheGateAndIsNamed(String name, UnaryOperator<String> edit, String expected) throws IOException {
    Verdict verdict = compareWith(edit);

    assertThat(verdict.passes()).isFalse();
    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageStartingWith("OpenAPI compatibility: openapi.yaml " + version + " against the last release")
        .hasMessageContaining("FAILED: ")
        .hasMessageContaining("Breaking (")
        .hasMessageContaining("POST /op/notoken/api/Attendee/v1/Register")
        .hasMessageContaining(expected);
  }

  @Test
  void breakingEditsPassWhenTheMajorVersionIsBumped() throws IOException {
    Verdict verdict = compareWith(spec -> bumpVersion(
        replaceOnce(removeProperty(spec, "        ", "orderNo"),
            "operationId: registerAttendee", "operationId: signUpAttendee"), nextMajor));

    assertThatCode(() -> BreakingChangeGate.enforce(verdict)).doesNotThrowAnyException();
    assertThat(verdict.report())
        .contains("PASSED: 2 breaking change(s), allowed because the MAJOR version went from " + version + " to " + nextMajor)
        .contains("response property `data.orderNo` removed")
        .contains("operationId renamed from `registerAttendee` to `signUpAttendee`");
  }

  @Test
  void aMinorBumpDoesNotAllowABreakingEdit() throws IOException {
    Verdict verdict = compareWith(spec -> bumpVersion(removeProperty(spec, "        ", "orderNo"), nextMinor));

    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageContaining("info.version " + nextMajor + " and the Maven version with it")
        .hasMessageContaining("response property `data.orderNo` removed");
  }

  @Test
  void aNewOptionalResponsePropertyPassesAndIsReported() throws IOException {
    Verdict verdict = compareWith(spec -> insertBefore(spec, "        checkinCode:",
        "        seatNo:\n          type: string\n          description: The attendee's seat.\n"));

    assertThatCode(() -> BreakingChangeGate.enforce(verdict)).doesNotThrowAnyException();
    assertThat(verdict.breaking()).isEmpty();
    assertThat(verdict.report())
        .contains("PASSED: no breaking changes.")
        .contains("Added or compatible (1):")
        .contains("POST /op/notoken/api/Attendee/v1/Register response 200 application/json: "
            + "response property `data.orderAttendees[].seatNo` added (optional)");
  }

  @Test
  void aNewEndpointPassesAndIsReported() throws IOException {
    Verdict verdict = compareWith(spec -> insertBefore(spec, "components:",
        "  /op/notoken/api/Attendee/v1/Ping:\n    get:\n      operationId: ping\n      summary: Ping\n"
            + "      responses:\n        '200':\n          description: OK\n"));

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.report()).contains("GET /op/notoken/api/Attendee/v1/Ping: endpoint added");
  }

  @Test
  void anEditedDescriptionIsDocumentationOnly() throws IOException {
    Verdict verdict = compareWith(spec -> replaceOnce(spec, "The check-in code.", "The attendee's check-in code."));

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.breaking()).isEmpty();
    assertThat(verdict.compatible()).isEmpty();
    assertThat(verdict.documentation()).isNotEmpty();
  }

  @Test
  void theUnchangedSpecPasses() throws IOException {
    Verdict verdict = compareWith(spec -> spec);

    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.changes()).isEmpty();
    assertThat(verdict.report()).contains("PASSED: no changes.");
  }

  @Test
  void aVersionThatGoesBackwardsFails() throws IOException {
    Files.writeString(baseline, bumpVersion(Files.readString(baseline), nextMinor));

    Verdict verdict = compareWith(spec -> spec);

    assertThatThrownBy(() -> BreakingChangeGate.enforce(verdict))
        .hasMessageContaining("info.version went backwards, from " + nextMinor + " to " + version);
  }

  @Test
  void theReportsAreWrittenForPeople() throws IOException {
    Verdict verdict = compareWith(spec -> removeProperty(spec, "        ", "orderNo"));

    verdict.writeTo(temp.resolve("reports"));

    assertThat(temp.resolve("reports/compatibility.txt")).content().isEqualTo(verdict.report());
    assertThat(temp.resolve("reports/openapi-diff.md")).content().contains("orderNo");
  }

  // ---- edits of a copy of the spec ----

  private Verdict compareWith(UnaryOperator<String> edit) throws IOException {
    String original = Files.readString(SpecCompatibilityTest.SPEC);
    Path current = temp.resolve("openapi.yaml");
    Files.writeString(current, edit.apply(original));
    return BreakingChangeGate.compare(baseline, current);
  }

  /** Lets a lambda stand where JUnit's arguments want an object. */
  private static UnaryOperator<String> edit(UnaryOperator<String> edit) {
    return edit;
  }

  /** Replaces text that must occur exactly once, so that an edit can never silently do nothing. */
  static String replaceOnce(String spec, String from, String to) {
    int at = spec.indexOf(from);
    assertThat(at).as("`%s` in the spec", from).isNotNegative();
    assertThat(spec.indexOf(from, at + 1)).as("`%s` occurs once in the spec", from).isNegative();
    return spec.substring(0, at) + to + spec.substring(at + from.length());
  }

  /** Inserts {@code text} before the one line that is exactly {@code line}. */
  static String insertBefore(String spec, String line, String text) {
    return replaceOnce(spec, "\n" + line + "\n", "\n" + text + line + "\n");
  }

  /** Removes the key {@code name} at {@code indent} and everything indented under it (it must exist once). */
  static String removeProperty(String spec, String indent, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(indent + name) + ":\\n(?:" + Pattern.quote(indent) + " .*\\n|\\n)*")
        .matcher(spec);
    assertThat(m.find()).as("property %s in the spec", name).isTrue();
    String removed = spec.substring(0, m.start()) + spec.substring(m.end());
    assertThat(m.find()).as("property %s occurs once", name).isFalse();
    return removed;
  }

  /** Adds {@code name} to the required properties of RegisterAttendeeRequest. */
  static String requireInRequest(String spec, String name) {
    return replaceOnce(spec, "      required:\n        - BventId\n", "      required:\n        - BventId\n        - " + name + "\n");
  }

  static String bumpVersion(String spec, String version) {
    return spec.replaceFirst("(?m)^  version: \\S+$", "  version: " + version);
  }
}
