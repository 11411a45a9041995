package com.huiyi31.tsproof;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs register.ts, compiled by the build together with the TypeScript client generated from
 * openapi/openapi.yaml (typescript-fetch), against the sandbox: the contract serves TypeScript
 * unchanged, and the sandbox (which validates every request against the same YAML) accepts what
 * that client sends.
 */
class TypeScriptClientTest {

  private static final Path REGISTER_JS = Path.of(System.getProperty("huiyi31.registerJs", "target/ts-build/register.js"));

  @TempDir Path temp;

  @Test
  void generatedTypeScriptClientRegistersOneAttendee() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      Run run = node(REGISTER_JS.toString(), sandbox.baseUrl());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).containsPattern("order \\d{19}, check-in code \\d+");
      // The sandbox decoded what the TypeScript client serialized: FullName among the Fields.
      assertThat(sandbox.registrations()).singleElement().satisfies(registered ->
          assertThat(registered.getAttendee().getFields()).anySatisfy(field -> {
            assertThat(field.getFieldName()).isEqualTo("FullName");
            assertThat(field.getFieldValue()).isEqualTo("张晓明");
          }));
    }
  }

  @Test
  void refusalExitsNonZero() throws Exception {
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0)) {
      // A Mobile ending in 0000 is the sandbox's trigger for businessCode 1001.
      Run run = node(REGISTER_JS.toString(), sandbox.baseUrl(), "13800000000");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
      assertThat(run.output()).contains("businessCode 1001").doesNotContain("Registered");
      assertThat(sandbox.registrations()).as("a refused request is no registration").isEmpty();
    }
  }

  private record Run(int exitCode, String output) {}

  private Run node(String... args) throws IOException, InterruptedException {
    assertThat(REGISTER_JS).as("compiled by the build (tsc execution)").isRegularFile();
    Path log = temp.resolve("node.log");
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError("node did not finish within 30 s: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
