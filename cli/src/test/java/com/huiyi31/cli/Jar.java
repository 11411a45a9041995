package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged tool, {@code cli/target/huiyi31.jar}, as a user runs it: {@code java -jar} in a child
 * JVM. For the {@code *JarIT} tests, which cli/pom.xml runs in the integration-test phase, after the
 * package phase built the jar (and passes its path as the system property {@code huiyi31.jar}).
 */
public final class Jar {

  private Jar() {}

  /** The jar's path; fails when it is not built (an IDE run before {@code ./mvnw package}). */
  public static Path path() {
    Path jar = Paths.get(System.getProperty("huiyi31.jar", "target/huiyi31.jar")).toAbsolutePath();
    assertThat(jar).as("the packaged tool: *JarIT tests run in './mvnw verify -pl cli -am', after the package phase")
        .isRegularFile();
    return jar;
  }

  /** {@code java -jar huiyi31.jar args...}, with this JVM's java. */
  public static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(path().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
