package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate for the hand-written API (japicmp covers the generated one): the public
 * signatures of {@code com.huiyi31.client} as of the last release are kept in
 * {@code client/api/hand-written.api}. Removing or changing one fails the build unless
 * the MAJOR version changed; additions pass and are listed. Refresh the file at release time
 * (RELEASING.md): {@code ./mvnw -pl client -am test -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false -Dtest=HandWrittenApiTest -Dhuiyi31.updateApi=true}.
 */
class HandWrittenApiTest {

  private static final Path API_FILE = Path.of(System.getProperty("huiyi31.apiFile", "api/hand-written.api"));
  private static final Path CLASSES = Path.of(System.getProperty("huiyi31.classes", "target/classes"));

  @Test
  void theHandWrittenApiKeepsEverySignatureOfTheLastReleaseUnlessTheMajorVersionChanged() throws IOException {
    Set<String> current = publicApi();
    if (Boolean.getBoolean("huiyi31.updateApi")) {
      Files.write(API_FILE, current);
    }
    Set<String> released = new TreeSet<>(Files.readAllLines(API_FILE));

    String verdict = compare(released, current, System.getProperty("project.version"),
        System.getProperty("huiyi31.baseline.version"));

    assertThat(verdict).doesNotStartWith("FAILED");
  }

  @Test
  void removingASignatureFailsWithinAMajorVersion() {
    Set<String> released = new TreeSet<>(List.of("public A.b()", "public A.c()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()"));

    assertThatThrownBy(() -> compare(released, current, "0.2.0-SNAPSHOT", "0.1.0"))
        .hasMessageContaining("public A.c()").hasMessageContaining("MAJOR");
  }

  @Test
  void removingASignaturePassesWithANewMajorVersion() {
    Set<String> released = new TreeSet<>(List.of("public A.b()", "public A.c()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()"));

    assertThat(compare(released, current, "1.0.0-SNAPSHOT", "0.1.0")).contains("allowed", "public A.c()");
  }

  @Test
  void anAdditionPassesAndIsListed() {
    Set<String> released = new TreeSet<>(List.of("public A.b()"));
    Set<String> current = new TreeSet<>(List.of("public A.b()", "public A.d()"));

    assertThat(compare(released, current, "0.1.0-SNAPSHOT", "0.1.0")).startsWith("PASSED").contains("+ public A.d()");
  }

  @Test
  void theSnapshotSeesTheEntryPointAndItsBuilder() throws IOException {
    assertThat(publicApi()).anyMatch(line -> line.contains("com.huiyi31.client.Huiyi31Client.builder()"))
        .anyMatch(line -> line.contains("com.huiyi31.client.Huiyi31Client$Builder.baseUrl(java.lang.String)"))
        .noneMatch(line -> line.contains("JsonCodec")); // package-private classes are not API
  }

  /** A report; throws when signatures of the release are gone within the same MAJOR version. */
  static String compare(Set<String> released, Set<String> current, String projectVersion, String releasedVersion) {
    List<String> removed = released.stream().filter(line -> !current.contains(line)).collect(Collectors.toList());
    List<String> added = current.stream().filter(line -> !released.contains(line)).collect(Collectors.toList());
    StringBuilder changes = new StringBuilder();
    removed.forEach(line -> changes.append("\n  - ").append(line));
    added.forEach(line -> changes.append("\n  + ").append(line));
    if (removed.isEmpty()) {
      return "PASSED: no signature of " + releasedVersion + " removed or changed." + changes;
    }
    if (major(projectVersion) > major(releasedVersion)) {
      return "PASSED: " + removed.size() + " signature(s) removed or changed, allowed by the new MAJOR version " + projectVersion + "." + changes;
    }
    throw new AssertionError("FAILED: " + removed.size() + " public signature(s) of the hand-written API released in "
        + releasedVersion + " were removed or changed; callers would stop compiling. Restore them, or make a new MAJOR "
        + "version (RELEASING.md)." + changes);
  }

  private static int major(String version) {
    return Integer.parseInt(version.split("[.-]", 2)[0]);
  }

  /** One line per public or protected member of each public type of com.huiyi31.client (not subpackages). */
  static Set<String> publicApi() throws IOException {
    Set<String> lines = new TreeSet<>();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(CLASSES.resolve("com/huiyi31/client"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = "com.huiyi31.client." + file.getFileName().toString().replace(".class", "");
        try {
          types.add(Class.forName(name, false, HandWrittenApiTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    for (Class<?> type : types) {
      if (!isVisible(type)) {
        continue;
      }
      lines.add(Modifier.toString(type.getModifiers()) + " " + (type.isInterface() ? "interface " : "class ")
          + type.getName() + (type.getSuperclass() == null ? "" : " extends " + type.getSuperclass().getName()));
      List<Member> members = new ArrayList<>();
      members.addAll(List.of(type.getDeclaredConstructors()));
      members.addAll(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredFields()));
      for (Member member : members) {
        int modifiers = member.getModifiers();
        if (member.isSynthetic() || !(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) && !Modifier.isFinal(type.getModifiers()))) {
          continue;
        }
        lines.add(member instanceof Field ? ((Field) member).toGenericString() : ((Executable) member).toGenericString());
      }
    }
    return lines;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass();
  }
}
