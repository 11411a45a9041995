package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.build.ApiRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate for the hand-written API (japicmp covers the generated one): the public
 * signatures of {@code com.huiyi31.client} as of the last release are kept in
 * {@code client/api/hand-written.api} ({@link ApiRecord}, shared with the sandbox's gate). Removing
 * or changing one fails the build unless the MAJOR version changed; additions pass and are listed.
 * Refresh the file at release time (RELEASING.md):
 * {@code ./mvnw -pl client -am test -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dtest=HandWrittenApiTest -Dhuiyi31.updateApi=true}.
 */
class HandWrittenApiTest {

  private static final Path API_FILE = Path.of(System.getProperty("huiyi31.apiFile", "api/hand-written.api"));
  private static final Path CLASSES = Path.of(System.getProperty("huiyi31.classes", "target/classes"));

  @Test
  void theHandWrittenApiKeepsEverySignatureOfTheLastReleaseUnlessTheMajorVersionChanged() throws IOException {
    String verdict = ApiRecord.check(API_FILE, CLASSES, HandWrittenApiTest.class.getClassLoader(), "com.huiyi31.client",
        "com.huiyi31.client.micrometer");

    assertThat(verdict).doesNotStartWith("FAILED");
  }

  @Test
  void removingASignatureFailsWithinAMajorVersion() {
    Set<String> released = new TreeSet<>(List.of("public A.b()", "public A.c()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()"));

    assertThatThrownBy(() -> ApiRecord.compare(released, current, "0.2.0-SNAPSHOT", "0.1.0"))
        .hasMessageContaining("public A.c()").hasMessageContaining("MAJOR");
  }

  @Test
  void removingASignaturePassesWithANewMajorVersion() {
    Set<String> released = new TreeSet<>(List.of("public A.b()", "public A.c()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()"));

    assertThat(ApiRecord.compare(released, current, "1.0.0-SNAPSHOT", "0.1.0")).contains("allowed", "public A.c()");
  }

  @Test
  void anAdditionPassesAndIsListed() {
    Set<String> released = new TreeSet<>(List.of("public A.b()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()", "public A.d()"));

    assertThat(ApiRecord.compare(released, current, "0.1.0-SNAPSHOT", "0.1.0")).startsWith("PASSED").contains("+ public A.d()");
  }

  @Test
  void theSnapshotSeesTheEntryPointAndItsBuilder() throws IOException {
    assertThat(ApiRecord.publicApi(CLASSES, getClass().getClassLoader(), "com.huiyi31.client"))
        .anyMatch(line -> line.contains("com.huiyi31.client.Huiyi31Client.builder()"))
        .anyMatch(line -> line.contains("com.huiyi31.client.Huiyi31Client$Builder.baseUrl(java.lang.String)"))
        .noneMatch(line -> line.contains("JsonCodec")); // package-private classes are not API
  }
}
