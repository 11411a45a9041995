package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules of the hand-written sources (surefire runs in client/): a file that grows past 400
 * lines does more than one job, and a public package says what it is in its package-info.java.
 */
class HandWrittenSourcesTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final int MAX_LINES = 400;

  @Test
  void noMainSourceFileIsOver400Lines() throws IOException {
    List<Path> sources = mainSources();

    assertThat(sources).as("main sources found").isNotEmpty();
    assertThat(sources).allSatisfy(source -> assertThat(Files.readAllLines(source))
        .as(source + ": move a part with its own job into its own package-private class").hasSizeLessThanOrEqualTo(MAX_LINES));
  }

  @Test
  void everyPackageWithAPublicTypeHasAPackageInfo() throws IOException {
    List<Path> folders = mainSources().stream().filter(HandWrittenSourcesTest::declaresAPublicType)
        .map(Path::getParent).distinct().toList();

    assertThat(folders).as("packages with a public type").isNotEmpty();
    assertThat(folders).allSatisfy(folder -> assertThat(folder.resolve("package-info.java")).exists());
    assertThat(Files.readString(MAIN.resolve("com/huiyi31/client/package-info.java"))).contains("Huiyi31Client");
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
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
