package com.huiyi31.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool as a person runs it, in a child process: {@code java -jar cli/target/huiyi31.jar} or
 * the {@code ./huiyi31} launcher, of this checkout and, for before/after figures measured in the
 * same run, of an earlier one ({@code -Dhuiyi31.bench.before=DIR}: a directory holding that
 * version's {@code huiyi31} launcher and {@code cli/target/huiyi31.jar}).
 */
final class ToolRuns {

  /** A version of the tool: where its launcher and jar are. */
  record Version(String name, Path root) {
    Path jar() {
      return root.resolve("cli/target/huiyi31.jar");
    }

    Path launcher() {
      return root.resolve("huiyi31");
    }
  }

  /**
   * One finished run: exit code, wall time, what it printed, its peak resident memory (KB, from
   * {@code /usr/bin/time}; -1 without it) and its peak heap after a collection (MB, from a GC log
   * when one was asked for; -1 otherwise).
   */
  record Run(int exit, double seconds, String out, String err, long maxRssKb, long peakHeapAfterGcMb) {}

  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern GC_SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private ToolRuns() {}

  /** This checkout ({@code -Dhuiyi31.bench.repo}, default the working directory), and the earlier version when given. */
  static List<Version> versions() {
    List<Version> versions = new ArrayList<>();
    String before = System.getProperty("huiyi31.bench.before");
    if (before != null) {
      versions.add(new Version("before", Path.of(before).toAbsolutePath()));
    }
    versions.add(new Version("after", Path.of(System.getProperty("huiyi31.bench.repo", ".")).toAbsolutePath().normalize()));
    return versions;
  }

  /** {@code java [jvmOptions] -jar JAR args...} with the java of this JVM. */
  static List<String> javaJar(Path jar, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** The launcher script with {@code args}. */
  static List<String> launcher(Path launcher, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(Arrays.asList(args));
    return command;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs {@code command} in {@code dir} (its output kept in files there), timed from start to exit,
   * with the java of this JVM first on the PATH (the launcher runs "java"); {@code gcLog}: a file the
   * command writes its GC log to (-Xlog:gc:file=...), read for the peak heap, or null.
   */
  static Run run(List<String> command, Path dir, Path gcLog) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out-", ".txt");
    Path err = Files.createTempFile(dir, "err-", ".txt");
    Path rss = Files.createTempFile(dir, "rss-", ".txt");
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      full.addAll(List.of(TIME.toString(), "-o", rss.toString(), "-f", "%M"));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
    String path = Path.of(java()).getParent() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "");
    builder.environment().put("PATH", path);
    builder.environment().remove("HUIYI31_JAVA_OPTS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    long begin = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - begin) / 1e9;
    long maxRss = -1;
    if (timed) {
      String text = Files.readString(rss, StandardCharsets.UTF_8).strip();
      String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1).strip();
      maxRss = last.matches("\\d+") ? Long.parseLong(last) : -1;
    }
    Run run = new Run(exit, seconds, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
        maxRss, gcLog == null ? -1 : peakHeapAfterGc(gcLog));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    Files.deleteIfExists(rss);
    return run;
  }

  private static java.io.File devNull() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The largest heap in use right after a collection, in MB, from a -Xlog:gc log; -1 when it logged none. */
  static long peakHeapAfterGc(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    long peak = -1;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher sizes = GC_SIZES.matcher(line);
      if (line.contains("Pause") && sizes.find()) {
        peak = Math.max(peak, megabytes(Long.parseLong(sizes.group(3)), sizes.group(4)));
      }
    }
    return peak;
  }

  private static long megabytes(long value, String unit) {
    return switch (unit) {
      case "K" -> value / 1024;
      case "G" -> value * 1024;
      default -> value;
    };
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  static String list(List<Double> values, String format) {
    return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
  }

  /** The load average now (Linux), for the tables' headings: 2-core machines are noisy. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
