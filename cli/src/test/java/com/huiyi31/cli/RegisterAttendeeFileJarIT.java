package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool registers an attendee given on standard input: the values reach the platform,
 * and the process's command line, which every user of the machine can read, holds none of them.
 */
class RegisterAttendeeFileJarIT {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  @Test
  void anAttendeeOnStandardInputReachesThePlatformAndNeverTheProcessList() throws Exception {
    wm.stubFor(post(urlEqualTo(AttendeeFileTest.REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(AttendeeFileTest.REGISTERED)));
    Path out = dir.resolve("out.log");
    Path err = dir.resolve("err.log");

    Process child = Jar.command(AttendeeFileTest.register(wm.baseUrl(), "--attendee-file", "-"))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      // The tool waits for its standard input: meanwhile, what does the process list show?
      String commandLine = child.info().commandLine()
          .orElseGet(() -> readProcCmdline(child.pid()));
      assertThat(commandLine).as("the child's command line, as ps shows it").contains("--attendee-file", "-")
          .doesNotContain("测试人", "13700000001", "购买人", "13600000002");

      try (OutputStream stdin = child.getOutputStream()) {
        stdin.write(AttendeeFileTest.keyValueFile().getBytes(StandardCharsets.UTF_8));
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(child.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(out)).contains("Registered: order 2111041526362863634");
    wm.verify(1, postRequestedFor(urlEqualTo(AttendeeFileTest.REGISTER_PATH))
        .withRequestBody(equalToJson(AttendeeFileTest.EXPECTED)));
  }

  /** /proc/PID/cmdline, its arguments separated by NUL bytes (where ProcessHandle.Info has no command line). */
  private static String readProcCmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (java.io.IOException e) {
      throw new AssertionError("the child's command line cannot be read on this system", e);
    }
  }
}
