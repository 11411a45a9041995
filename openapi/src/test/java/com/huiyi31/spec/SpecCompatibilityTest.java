package com.huiyi31.spec;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate on the real spec: openapi.yaml against the last release
 * (baseline/openapi.yaml). See {@link BreakingChangeGate} for what counts as breaking, and
 * {@link AcceptedChanges} for the breaking changes accepted before the first release.
 */
class SpecCompatibilityTest {

  static final Path SPEC = Path.of("openapi.yaml");
  static final Path BASELINE = Path.of("baseline", "openapi.yaml");
  static final Path BASELINE_README = Path.of("baseline", "README.md");
  static final Path ACCEPTED = Path.of("accepted-breaking-changes.yaml");

  @Test
  void theSpecBreaksNoClientOfTheLastReleaseUnlessItsMajorVersionSaysSo() {
    BreakingChangeGate.Verdict verdict =
        AcceptedChanges.apply(BreakingChangeGate.compare(BASELINE, SPEC), ACCEPTED, BASELINE_README);

    Path reports = Path.of(System.getProperty("huiyi31.reportDir", "target/openapi-diff"));
    verdict.writeTo(reports);
    if (verdict.changes().isEmpty()) {
      System.out.println("OpenAPI compatibility: no changes against the last release ("
          + verdict.baselineVersion() + ", " + BASELINE + ")");
    } else if (verdict.passes()) {
      System.out.println(verdict.report() + "(also in " + reports.resolve("compatibility.txt") + ")");
    }
    BreakingChangeGate.enforce(verdict); // on failure, the report is the failure's message
  }
}
