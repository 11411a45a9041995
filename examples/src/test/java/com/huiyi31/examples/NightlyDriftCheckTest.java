package com.huiyi31.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The README's drift check: quiet against the sandbox, failing against a sandbox that drifts. */
class NightlyDriftCheckTest {

  @Test
  void theSandboxStillMatchesTheSpec() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start()) {
      assertThat(NightlyDriftCheck.stillMatches(sandbox.baseUrl(), Huiyi31Sandbox.DEMO_APP_KEY,
          Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_EVENT_ID)).isTrue();
    }
  }

  @Test
  void aSandboxWithAnUndeclaredPropertyFailsTheJob() {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0, EnumSet.of(Drift.EXTRA_PROPERTY))) {
      assertThat(NightlyDriftCheck.stillMatches(sandbox.baseUrl(), Huiyi31Sandbox.DEMO_APP_KEY,
          Huiyi31Sandbox.DEMO_APP_SECRET, Huiyi31Sandbox.DEMO_EVENT_ID)).isFalse();
    }
  }
}
