package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules of the hand-written sources (surefire runs in client/): a main source file of any
 * module that grows past 400 lines does more than one job, and a package of a published library
 * (client, sandbox) says what it is in its package-info.java.
 */
class HandWrittenSourcesTest {

  private static final Path MAIN = Path.of("src/main/java");
  /** The repository: every module's main sources are hand-written (generated ones live in target/). */
  private static final Path ROOT = Path.of("..");
  private static final int MAX_LINES = 400;

  @Test
  void noMainSourceFileOfAnyModuleIsOver400Lines() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path main : (Iterable<Path>) modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)::iterator) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    }

    assertThat(sources).as("main sources found in client, sandbox and cli")
        .anyMatch(f -> f.startsWith(ROOT.resolve("client"))).anyMatch(f -> f.startsWith(ROOT.resolve("sandbox")))
        .anyMatch(f -> f.startsWith(ROOT.resolve("cli")));
    assertThat(sources).allSatisfy(source -> assertThat(Files.readAllLines(source))
        .as(source + ": move a part with its own job into its own package-private class").hasSizeLessThanOrEqualTo(MAX_LINES));
  }

  @Test
  void everyPackageWithAPublicTypeHasAPackageInfo() throws IOException {
    List<Path> folders = new ArrayList<>();
    for (Path main : List.of(MAIN, ROOT.resolve("sandbox/src/main/java"))) {
      mainSources(main).stream().filter(HandWrittenSourcesTest::declaresAPublicType)
          .map(Path::getParent).distinct().forEach(folders::add);
    }

    assertThat(folders).as("packages with a public type").hasSizeGreaterThanOrEqualTo(3);
    assertThat(folders).allSatisfy(folder -> assertThat(folder.resolve("package-info.java")).exists());
    assertThat(Files.readString(MAIN.resolve("com/huiyi31/client/package-info.java"))).contains("Huiyi31Client");
  }

  private static List<Path> mainSources(Path main) throws IOException {
    try (Stream<Path> files = Files.walk(main)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static boolean declaresAPublicType(Path source) {
    try {
      return Files.readAllLines(source).stream()
          .anyMatch(line -> line.matches("public (final |abstract )*(class|interface|enum|record) .*"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
