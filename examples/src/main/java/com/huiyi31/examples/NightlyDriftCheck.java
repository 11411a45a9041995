package com.huiyi31.examples;

import com.huiyi31.cli.drift.DriftCheck;
import com.huiyi31.cli.drift.DriftReport;

/**
 * A nightly CI job's drift check: asks the platform for a token and an event's attendee types
 * and reports where its answers no longer match {@code openapi.yaml} (paths and JSON types, never
 * values). The job fails when the spec must change.
 */
public final class NightlyDriftCheck {

  private NightlyDriftCheck() {}

  /** Whether the platform at {@code baseUrl} still answers as the spec says (false: drift, or not all checked). */
  public static boolean stillMatches(String baseUrl, String appKey, String appSecret, String eventId) {
    // readme:start drift
    DriftReport report = DriftCheck.builder()
        .baseUrl(baseUrl)                        // default: the test environment
        .credentials(appKey, appSecret)          // the secret from the environment, never from code
        .event(eventId)
        .build()
        .run();
    if (report.hasDrift() || !report.complete()) {
      System.out.println(report.toText());       // paths, JSON types and spec locations only
      return false;                              // fail the nightly job: time to `huiyi31 record`
    }
    // readme:end drift
    return true;
  }
}
