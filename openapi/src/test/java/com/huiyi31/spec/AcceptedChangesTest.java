package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.spec.BreakingChangeGate.Change;
import com.huiyi31.spec.BreakingChangeGate.Kind;
import com.huiyi31.spec.BreakingChangeGate.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptances of {@code accepted-breaking-changes.yaml} on the real comparison: they let
 * exactly the listed changes through, only while the baseline is unreleased, only for its
 * version, and never a change that is not listed or no longer happens.
 */
class AcceptedChangesTest {

  private static Verdict raw;

  @TempDir
  Path temp;

  @BeforeAll
  static void compareOnce() {
    raw = BreakingChangeGate.compare(SpecCompatibilityTest.BASELINE, SpecCompatibilityTest.SPEC);
  }

  @Test
  void theListedChangesPassAsAcceptedAndAreReported() {
    Verdict verdict = AcceptedChanges.apply(raw, SpecCompatibilityTest.ACCEPTED, SpecCompatibilityTest.BASELINE_README);

    assertThat(raw.breaking()).isNotEmpty();
    assertThat(verdict.passes()).as(verdict.report()).isTrue();
    assertThat(verdict.breaking()).isEmpty();
    assertThat(verdict.accepted()).hasSameSizeAs(raw.breaking());
    assertThat(verdict.report()).contains("accepted before the first release", "`Purchaser.Mobile`: maxLength changed");
  }

  @Test
  void aBreakingChangeThatIsNotListedStillFails() throws IOException {
    List<String> lines = Files.readAllLines(SpecCompatibilityTest.ACCEPTED, StandardCharsets.UTF_8);
    List<String> withoutMobile = lines.stream().filter(l -> !l.contains("`Purchaser.Mobile`")).toList();
    Path accepted = write("accepted.yaml", String.join("\n", withoutMobile));

    Verdict verdict = AcceptedChanges.apply(raw, accepted, SpecCompatibilityTest.BASELINE_README);

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.breaking()).extracting(Change::toString).singleElement().asString()
        .contains("`Purchaser.Mobile`: maxLength changed");
    assertThat(verdict.report()).startsWith("OpenAPI compatibility").contains("FAILED: 1 breaking change(s)");
  }

  @Test
  void anAcceptanceOfAChangeThatNoLongerHappensFails() throws IOException {
    Path accepted = write("accepted.yaml", """
        baseline: 0.1.0
        accepted:
          - reason: a change that was undone
            changes:
              - "POST /nowhere: endpoint removed"
        """);

    Verdict verdict = AcceptedChanges.apply(raw, accepted, SpecCompatibilityTest.BASELINE_README);

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.problem()).contains("no longer happen", "POST /nowhere: endpoint removed");
  }

  @Test
  void acceptancesCountForNothingOnceTheBaselineIsReleased() throws IOException {
    Path readme = write("README.md", "Baseline: 0.1.0, released 2026-12-24 (tag v0.1.0).\n");

    Verdict verdict = AcceptedChanges.apply(raw, SpecCompatibilityTest.ACCEPTED, readme);

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.problem()).contains("has been released", "new MAJOR version");
  }

  @Test
  void acceptancesWrittenForAnotherBaselineFail() throws IOException {
    String text = Files.readString(SpecCompatibilityTest.ACCEPTED, StandardCharsets.UTF_8)
        .replace("baseline: 0.1.0", "baseline: 0.0.9");
    Path accepted = write("accepted.yaml", text);

    Verdict verdict = AcceptedChanges.apply(raw, accepted, SpecCompatibilityTest.BASELINE_README);

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.problem()).contains("written for baseline `0.0.9`");
  }

  @Test
  void everyGroupNeedsAReason() throws IOException {
    Path accepted = write("accepted.yaml", """
        baseline: 0.1.0
        accepted:
          - changes:
              - "POST /op/notoken/api/Attendee/v1/Register request body application/json: `BventId`: maxLength changed"
        """);

    Verdict verdict = AcceptedChanges.apply(raw, accepted, SpecCompatibilityTest.BASELINE_README);

    assertThat(verdict.problem()).contains("needs a `reason`");
  }

  @Test
  void noFileChangesNothing() {
    Verdict verdict = AcceptedChanges.apply(raw, temp.resolve("absent.yaml"), SpecCompatibilityTest.BASELINE_README);

    assertThat(verdict).isSameAs(raw);
    assertThat(verdict.changes()).extracting(Change::kind).doesNotContain(Kind.ACCEPTED);
  }

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
