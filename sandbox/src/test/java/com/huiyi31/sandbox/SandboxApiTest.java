package com.huiyi31.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.build.ApiRecord;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate of the sandbox's API, which teams code their tests against: the public
 * signatures of {@code com.huiyi31.sandbox} and {@code .junit} as of the last release are kept in
 * {@code sandbox/api/sandbox.api} ({@link ApiRecord}). Refresh it at release time (RELEASING.md):
 * {@code ./mvnw -pl sandbox -am test -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dtest=SandboxApiTest -Dhuiyi31.updateApi=true}.
 */
class SandboxApiTest {

  private static final Path API_FILE = Path.of(System.getProperty("huiyi31.apiFile", "api/sandbox.api"));
  private static final Path CLASSES = Path.of(System.getProperty("huiyi31.classes", "target/classes"));
  private static final String[] PACKAGES = {"com.huiyi31.sandbox", "com.huiyi31.sandbox.junit"};

  @Test
  void theSandboxApiKeepsEverySignatureOfTheLastReleaseUnlessTheMajorVersionChanged() throws IOException {
    String verdict = ApiRecord.check(API_FILE, CLASSES, getClass().getClassLoader(), PACKAGES);

    assertThat(verdict).doesNotStartWith("FAILED");
  }

  @Test
  void theRecordHoldsTheNamesTeamsCodeAgainstAndNothingInternal() throws IOException {
    assertThat(ApiRecord.publicApi(CLASSES, getClass().getClassLoader(), PACKAGES))
        .contains("public static com.huiyi31.sandbox.Huiyi31Sandbox com.huiyi31.sandbox.Huiyi31Sandbox.start()",
            "public static com.huiyi31.sandbox.Huiyi31Sandbox com.huiyi31.sandbox.Huiyi31Sandbox.start(int)",
            "public java.lang.String com.huiyi31.sandbox.Huiyi31Sandbox.baseUrl()",
            "public java.util.List<com.huiyi31.client.model.RegisterAttendeeRequest> com.huiyi31.sandbox.Huiyi31Sandbox.registrations()",
            "public void com.huiyi31.sandbox.Huiyi31Sandbox.reset()",
            "public void com.huiyi31.sandbox.Huiyi31Sandbox.close()",
            "public com.huiyi31.sandbox.junit.Huiyi31SandboxExtension()")
        .noneMatch(line -> line.contains("SandboxServer") || line.contains("TokenIssuer"));
  }
}
