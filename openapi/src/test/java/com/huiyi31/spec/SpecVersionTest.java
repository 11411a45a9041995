package com.huiyi31.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.swagger.parser.OpenAPIParser;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The spec and the library are released together, under one version: info.version is the Maven
 * project version without "-SNAPSHOT" (0.1.0-SNAPSHOT builds spec 0.1.0). Otherwise a team
 * could not tell which client matches which contract.
 */
class SpecVersionTest {

  @Test
  void theSpecsVersionIsTheMavenVersionWithoutSnapshot() throws IOException {
    String mavenVersion = System.getProperty("project.version");
    assertThat(mavenVersion)
        .as("system property project.version, set by Surefire in openapi/pom.xml: run this test through Maven")
        .isNotBlank();
    String expected = mavenVersion.replaceFirst("-SNAPSHOT$", "");
    String specVersion = new OpenAPIParser()
        .readContents(Files.readString(SpecCompatibilityTest.SPEC), null, null)
        .getOpenAPI().getInfo().getVersion();

    if (!expected.equals(specVersion)) {
      fail("openapi.yaml says info.version %s, but the Maven project version is %s, so the spec must say %s."
          + " Change both together (RELEASING.md): ./mvnw versions:set -DnewVersion=X.Y.Z-SNAPSHOT"
          + " and info.version: X.Y.Z in openapi/openapi.yaml.",
          specVersion, mavenVersion, expected);
    }
  }

  /** The root pom's huiyi31.baseline.version (the Java API gate's MAJOR check) is the baseline's. */
  @Test
  void theRootPomsBaselineVersionIsTheBaselineSpecsVersion() throws IOException {
    String pomBaseline = System.getProperty("huiyi31.baseline.version");
    assertThat(pomBaseline)
        .as("system property huiyi31.baseline.version, set by Surefire in openapi/pom.xml: run this test through Maven")
        .isNotBlank();
    String baselineVersion = new OpenAPIParser()
        .readContents(Files.readString(SpecCompatibilityTest.BASELINE), null, null)
        .getOpenAPI().getInfo().getVersion();

    if (!baselineVersion.equals(pomBaseline)) {
      fail("openapi/baseline/openapi.yaml says info.version %s, but huiyi31.baseline.version in the root pom.xml"
          + " is %s. Set the property to %s (RELEASING.md, step 4).",
          baselineVersion, pomBaseline, baselineVersion);
    }
  }
}
