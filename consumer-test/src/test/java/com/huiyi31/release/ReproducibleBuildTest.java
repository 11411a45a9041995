package com.huiyi31.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reproducible builds (project.build.outputTimestamp in the root pom.xml): the client and the
 * generated module it brings, built again from a copy of this source tree in another folder,
 * are byte for byte what was staged. Anyone can so check that a published jar comes from the
 * tagged source.
 */
class ReproducibleBuildTest {

  private static final Path COPY = Path.of("target/reproducible/source").toAbsolutePath();
  private static final Set<String> NOT_COPIED = Set.of("target", "node_modules", ".git", ".idea");

  @Test
  void theClientBuildsByteForByteAsStaged() throws Exception {
    copySources(StagedRepository.ROOT, COPY);
    build(COPY, "package", "-pl", "client", "-am", "-Dmaven.test.skip=true", "-Dhuiyi31.skipNode=true");

    List<String> compared = new ArrayList<>();
    for (String module : List.of("generated-client", "client")) {
      String artifactId = "huiyi31-" + module;
      Path target = COPY.resolve(module).resolve("target");
      String base = artifactId + "-" + StagedRepository.VERSION;
      compare(StagedRepository.file(artifactId, "", "jar"), target.resolve(base + ".jar"), compared);
      compare(StagedRepository.file(artifactId, "sources", "jar"), target.resolve(base + "-sources.jar"), compared);
      compare(StagedRepository.file(artifactId, "javadoc", "jar"), target.resolve(base + "-javadoc.jar"), compared);
      compare(StagedRepository.file(artifactId, "", "pom"), target.resolve("published-pom.xml"), compared);
      compare(StagedRepository.file(artifactId, "cyclonedx", "json"), target.resolve(base + "-cyclonedx.json"), compared);
    }
    assertThat(compared).hasSize(10);
  }

  private static void compare(Path staged, Path rebuilt, List<String> compared) throws IOException {
    assertThat(rebuilt).as("rebuilt").isRegularFile();
    assertThat(sha256(rebuilt)).as(rebuilt.getFileName() + " built again, against the staged " + staged.getFileName())
        .isEqualTo(sha256(staged));
    compared.add(rebuilt.getFileName().toString());
  }

  /** Maven (the one running this build) in the copy, its log in target/reproducible/build.log. */
  private static void build(Path project, String... arguments) throws IOException, InterruptedException {
    Path log = COPY.resolveSibling("build.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("huiyi31.mavenHome"), "bin", "mvn").toString(), "-B", "-ntp", "-q"));
    command.addAll(List.of(arguments));
    Process maven = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!maven.waitFor(10, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError("The second build took over 10 minutes; its log: " + log);
    }
    assertThat(maven.exitValue()).as("the second build (" + String.join(" ", command) + "); its log: " + log).isZero();
  }

  private static void copySources(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (!NOT_COPIED.contains(file.getFileName().toString())) {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
