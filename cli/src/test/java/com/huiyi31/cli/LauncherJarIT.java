package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./huiyi31} launcher, run as a person runs it, on a copy of this checkout's script and
 * packaged jar: with its class-data-sharing archive missing, fresh, stale (the jar rebuilt or
 * touched) or damaged, a command's exit code and output are exactly those of {@code java -jar},
 * and the JVM says nothing about the archive. A missing or stale archive is made again.
 */
class LauncherJarIT {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  static Path checkout;

  private static Path launcher;
  private static Path jar;
  private static Path archive;
  private static Path stamp;

  /** What {@code java -jar} does: the launcher must do the same. */
  private record Outcome(int exit, String out, String err) {}

  @BeforeAll
  static void copyTheLauncherAndTheJar() throws IOException {
    Path built = Jar.path(); // cli/target/huiyi31.jar of this checkout
    jar = Files.createDirectories(checkout.resolve("cli/target")).resolve("huiyi31.jar");
    Files.copy(built, jar);
    launcher = Files.copy(built.getParent().getParent().getParent().resolve("huiyi31"), checkout.resolve("huiyi31"));
    assertThat(launcher).isExecutable();
    archive = checkout.resolve("cli/target/huiyi31.jsa");
    stamp = checkout.resolve("cli/target/huiyi31.jsa.stamp");
  }

  @BeforeEach
  void platform() {
    wm.stubFor(post(urlEqualTo(AttendeeFileTest.REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(AttendeeFileTest.REGISTERED)));
  }

  @Test
  void withoutAnArchiveTheCommandRunsAsWithJavaJarAndAnOwnerOnlyArchiveIsMadeNextToTheJar() throws Exception {
    Files.deleteIfExists(archive);
    Files.deleteIfExists(stamp);

    assertSameAsJavaJar(register());

    assertThat(archive).isRegularFile();
    assertThat(Files.size(archive)).isGreaterThan(1_000_000);
    assertThat(Files.getPosixFilePermissions(archive)).containsOnly(PosixFilePermission.OWNER_READ);
    assertThat(Files.getPosixFilePermissions(stamp)).containsOnly(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(archive.getParent())) {
      assertThat(files.map(path -> path.getFileName().toString())).as("nothing left behind")
          .containsExactlyInAnyOrder("huiyi31.jar", "huiyi31.jsa", "huiyi31.jsa.stamp");
    }
  }

  @Test
  void aFreshArchiveIsMappedByTheJvmAndExtraOptionsComeFromHuiyi31JavaOpts() throws Exception {
    ensureArchive();
    Path classes = checkout.resolve("classes.log");

    Outcome run = launch(Map.of("HUIYI31_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), register());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(classes)).as("the tool's classes come from the archive")
        .contains("com.huiyi31.cli.Huiyi31Cli source: shared objects file",
            "com.huiyi31.client.Huiyi31Client source: shared objects file", "picocli.CommandLine source: shared objects file");
  }

  @Test
  void aStaleArchiveTheJarWasRebuiltSinceIsMadeAgainAndTheCommandIsUnchanged() throws Exception {
    ensureArchive();
    String before = Files.readString(stamp);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // rebuilt or touched

    assertSameAsJavaJar("--help"); // no command: the archive is not used, nor made
    assertThat(Files.readString(stamp)).isEqualTo(before);
    assertSameAsJavaJar(register());

    assertThat(Files.readString(stamp)).as("made again, from the new jar").isNotEqualTo(before);
  }

  @Test
  void aDamagedArchiveIsMadeAgainAndTheCommandIsUnchanged() throws Exception {
    ensureArchive();
    String before = Files.readString(stamp);
    Files.delete(archive); // read-only
    Files.write(archive, garbage(200_000));

    assertSameAsJavaJar("register", "--event", "e"); // a usage error: exit 2, the same message

    assertThat(Files.readString(stamp)).isNotEqualTo(before);
    assertThat(Files.size(archive)).isNotEqualTo(200_000);
  }

  @Test
  void aDamagedArchiveThatTheStampVouchesForIsIgnoredByTheJvmSilently() throws Exception {
    ensureArchive();
    Files.delete(archive);
    Files.write(archive, garbage(300_000));
    String made = Files.readString(stamp).strip();
    String fromJarAndJava = made.substring(0, made.lastIndexOf(' '));
    Files.writeString(stamp, fromJarAndJava + " " + identity(archive) + "\n"); // as if it had been made so

    assertSameAsJavaJar(register());
    assertSameAsJavaJar("--version");

    assertThat(Files.size(archive)).as("not made again: the stamp matched").isEqualTo(300_000);
  }

  private static String[] register() {
    return AttendeeFileTest.register(wm.baseUrl(), "--field", "FullName=测试人", "--field", "Mobile=13700000001");
  }

  /** Runs {@code args} through the launcher and with java -jar: the same exit code, output and error output. */
  private void assertSameAsJavaJar(String... args) throws Exception {
    Outcome launched = launch(Map.of(), args);
    Outcome direct = run(Jar.command(args), Map.of());

    assertThat(launched).as("./huiyi31 %s", String.join(" ", args)).isEqualTo(direct);
    assertThat(launched.out() + launched.err()).doesNotContainIgnoringCase("cds").doesNotContain("shared archive");
  }

  private static void ensureArchive() throws Exception {
    if (!Files.exists(archive) || !Files.exists(stamp)) {
      assertThat(launch(Map.of(), "register", "--help").exit()).isZero();
    }
    assertThat(archive).isRegularFile();
  }

  private static Outcome launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(new ProcessBuilder(command), environment);
  }

  /** Runs with this JVM's java first on the PATH (the launcher runs "java") and no other JVM options. */
  private static Outcome run(ProcessBuilder builder, Map<String, String> environment) throws Exception {
    Path out = Files.createTempFile(checkout, "out", ".log");
    Path err = Files.createTempFile(checkout, "err", ".log");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null")));
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("HUIYI31_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("ended").isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static byte[] garbage(int size) {
    byte[] bytes = new byte[size];
    new Random(31).nextBytes(bytes);
    return bytes;
  }

  /** The archive's identity as the launcher writes it in the stamp: size:modified (s):inode. */
  private static String identity(Path file) throws IOException {
    Object inode = Files.getAttribute(file, "unix:ino");
    return Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() / 1000 + ":" + inode;
  }
}
