package com.huiyi31.build;

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

/**
 * The breaking-change gate of a hand-written public API (japicmp covers the generated one): the
 * public signatures of a module's packages as of the last release are kept in a text file,
 * {@code <module>/api/*.api}, one per line. Removing or changing one fails the build unless the
 * MAJOR version changed; additions pass and are listed. Test sources shared by the published
 * hand-written modules (client, sandbox), added to each by build-helper's add-test-source.
 */
public final class ApiRecord {

  private ApiRecord() {}

  /**
   * Compares the public API of {@code packages} in {@code classes} with the record in
   * {@code apiFile}; with {@code -Dhuiyi31.updateApi=true}, first rewrites the record (at release
   * time, RELEASING.md). Returns the report; throws an AssertionError when a recorded signature is
   * gone within the same MAJOR version.
   */
  public static String check(Path apiFile, Path classes, ClassLoader loader, String... packages) throws IOException {
    Set<String> current = publicApi(classes, loader, packages);
    if (Boolean.getBoolean("huiyi31.updateApi")) {
      Files.write(apiFile, current);
    }
    Set<String> released = new TreeSet<>(Files.readAllLines(apiFile));
    return compare(released, current, System.getProperty("project.version"),
        System.getProperty("huiyi31.baseline.version"));
  }

  /** A report; throws when signatures of the release are gone within the same MAJOR version. */
  public static String compare(Set<String> released, Set<String> current, String projectVersion, String releasedVersion) {
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

  /** One line per public or protected member of each public type of {@code packages} (not their subpackages). */
  public static Set<String> publicApi(Path classes, ClassLoader loader, String... packages) throws IOException {
    Set<String> lines = new TreeSet<>();
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : packages) {
      try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          String name = pkg + "." + file.getFileName().toString().replace(".class", "");
          try {
            types.add(Class.forName(name, false, loader));
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
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
    return !type.isSynthetic() && !type.isAnonymousClass() && !type.getSimpleName().equals("package-info");
  }
}
