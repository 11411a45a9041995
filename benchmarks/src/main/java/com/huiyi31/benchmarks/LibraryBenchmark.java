package com.huiyi31.benchmarks;

import com.huiyi31.benchmarks.probe.LibraryProbe;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 4: what the library costs a team's service at start-up. {@link LibraryProbe} runs in a
 * new JVM whose class path is the probe alone plus one version's library (the client and its
 * dependencies, as shaded into that version's cli/target/huiyi31.jar): it builds a
 * {@code Huiyi31Client}, makes its first call to a loopback stub, and measures the heap a client
 * holds when idle. Versions alternated, the order rotated every round; medians.
 */
final class LibraryBenchmark {

  private static final Pattern LINE = Pattern.compile(
      "build ([\\d.]+) ms, first call ([\\d.]+) ms, heap after first client (-?\\d+) KB, second client (-?\\d+) KB");

  private LibraryBenchmark() {}

  static void run(int rounds) throws Exception {
    HttpServer stub = EndToEnd.stub();
    Path dir = Files.createTempDirectory("library-benchmark-");
    try {
      Path probe = dir.resolve("probe");
      String resource = LibraryProbe.class.getName().replace('.', '/') + ".class";
      Path classFile = Files.createDirectories(probe.resolve(resource).getParent()).resolve(LibraryProbe.class.getSimpleName() + ".class");
      try (InputStream in = LibraryProbe.class.getClassLoader().getResourceAsStream(resource)) {
        Files.copy(in, classFile);
      }
      String url = "http://127.0.0.1:" + stub.getAddress().getPort();
      List<ToolRuns.Version> versions = ToolRuns.versions();
      String loadBefore = ToolRuns.load();
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      for (int round = -1; round < rounds; round++) {
        for (int i = 0; i < versions.size(); i++) {
          ToolRuns.Version version = versions.get(Math.floorMod(i + round, versions.size()));
          List<String> command = List.of(ToolRuns.java(), "-cp", probe + java.io.File.pathSeparator + version.jar(),
              LibraryProbe.class.getName(), url);
          ToolRuns.Run run = ToolRuns.run(command, dir, null);
          Matcher m = LINE.matcher(run.out());
          if (run.exit() != 0 || !m.find()) {
            throw new IllegalStateException("the probe failed (exit " + run.exit() + "):\n" + run.out() + run.err());
          }
          if (round >= 0) {
            results.computeIfAbsent(version.name(), k -> new ArrayList<>()).add(new double[] {run.seconds(),
                Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))});
          }
        }
      }
      System.out.printf(Locale.ROOT, "## The library at a service's start-up (%d alternated rounds after a warm-up, a new JVM each; "
          + "load average %s before, %s after)%n%n", rounds, loadBefore, ToolRuns.load());
      System.out.println("| version | JVM start to exit s | build ms | first call ms | build + first call ms | heap: first client KB | "
          + "heap: a second client KB |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      Map<String, Double> buildAndCall = new LinkedHashMap<>();
      results.forEach((name, runs) -> {
        double both = ToolRuns.median(runs.stream().map(r -> r[1] + r[2]).toList());
        buildAndCall.put(name, both);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name, median(runs, 0), median(runs, 1),
            median(runs, 2), both, median(runs, 3), median(runs, 4));
      });
      if (buildAndCall.containsKey("before")) {
        System.out.printf(Locale.ROOT, "%nbuild + first call, after ÷ before: %.2f%n", buildAndCall.get("after") / buildAndCall.get("before"));
      }
      System.out.println();
    } finally {
      stub.stop(0);
      ((ExecutorService) stub.getExecutor()).shutdownNow();
      ToolRuns.delete(dir);
    }
  }

  private static double median(List<double[]> runs, int column) {
    return ToolRuns.median(runs.stream().map(r -> r[column]).toList());
  }
}
