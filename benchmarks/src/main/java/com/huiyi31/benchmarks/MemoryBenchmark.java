package com.huiyi31.benchmarks;

import com.huiyi31.cli.ImportBenchmark;
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * Figure 3: the import's memory and time as the file grows. For each size (default 100,000 and
 * 1,000,000 rows; {@code -Dhuiyi31.bench.memoryRows=...}) and each version, {@code java -Xmx256m
 * -jar huiyi31.jar import} in a child process: {@code --dry-run}, a real run against a loopback
 * stub (no delay, concurrency 16, journal on the disk), and the same command again (a resume that
 * finds every row registered: the journal's state at its largest). Wall time, exit code, peak
 * resident memory and the largest heap in use right after a collection (G1's log): what the
 * process really keeps, as opposed to garbage not yet collected.
 */
final class MemoryBenchmark {

  private MemoryBenchmark() {}

  record Result(String version, int rows, String mode, ToolRuns.Run run) {}

  static void run() throws Exception {
    String heap = System.getProperty("huiyi31.bench.memoryHeap", "256m");
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("huiyi31.bench.memoryRows", "100000,1000000").split(",")) {
      sizes.add(Integer.parseInt(size.strip()));
    }
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "memory-benchmark-");
    HttpServer stub = EndToEnd.stub();
    String loadBefore = ToolRuns.load();
    List<Result> results = new ArrayList<>();
    try {
      String url = "http://127.0.0.1:" + stub.getAddress().getPort();
      for (int rows : sizes) {
        Path csv = ImportBenchmark.writeCsv(Files.createDirectories(dir.resolve("rows" + rows)), rows);
        for (ToolRuns.Version version : ToolRuns.versions()) {
          clean(csv);
          results.add(new Result(version.name(), rows, "--dry-run", importing(version, csv, url, heap, dir, "--dry-run")));
          ToolRuns.Run real = importing(version, csv, url, heap, dir);
          results.add(new Result(version.name(), rows, "real run", real));
          if (real.exit() == 0) {
            results.add(new Result(version.name(), rows, "same command again (all registered)",
                importing(version, csv, url, heap, dir)));
          }
          clean(csv);
        }
      }
    } finally {
      stub.stop(0);
      ((ExecutorService) stub.getExecutor()).shutdownNow();
      ToolRuns.delete(dir);
    }
    System.out.printf(Locale.ROOT, "## Memory and time by file size (-Xmx%s, concurrency 16, loopback stub; one run each; "
        + "load average %s before, %s after)%n%n", heap, loadBefore, ToolRuns.load());
    System.out.println("| version | rows | mode | exit | wall s | rows/s | peak heap after GC MB | peak RSS MB |");
    System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %s | %d%s | %.1f | %.0f | %d | %d |%n", r.version(), r.rows(), r.mode(),
          r.run().exit(), r.run().exit() == 4 ? " (out of memory)" : "", r.run().seconds(), r.rows() / r.run().seconds(),
          r.run().peakHeapAfterGcMb(), r.run().maxRssKb() / 1024);
    }
    System.out.println();
    if (sizes.size() >= 2) {
      int small = sizes.get(0);
      int large = sizes.get(sizes.size() - 1);
      System.out.printf(Locale.ROOT, "| version | mode | wall %,d ÷ %,d rows (≤ %.1f is linear + 10 %%) | peak heap %,d − %,d rows MB |%n",
          large, small, 1.1 * large / small, large, small);
      System.out.println("|---|---|---:|---:|");
      for (Result big : results) {
        if (big.rows() != large) {
          continue;
        }
        results.stream().filter(r -> r.rows() == small && r.version().equals(big.version()) && r.mode().equals(big.mode()))
            .findFirst().ifPresent(r -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", big.version(), big.mode(),
                big.run().exit() == 0 && r.run().exit() == 0 ? String.format(Locale.ROOT, "%.2f", big.run().seconds() / r.run().seconds()) : "failed",
                big.run().exit() == 0 && r.run().exit() == 0 ? String.valueOf(big.run().peakHeapAfterGcMb() - r.run().peakHeapAfterGcMb()) : "–"));
      }
      System.out.println();
    }
  }

  private static ToolRuns.Run importing(ToolRuns.Version version, Path csv, String url, String heap, Path dir, String... extra)
      throws Exception {
    Path gcLog = dir.resolve("gc-" + System.nanoTime() + ".log");
    List<String> args = new ArrayList<>(List.of("import", csv.toString(), "--base-url", url, "--event",
        "07320000-fe25-16f7-4c65-08d9fb59aefd", "--type", "51f10000-4961-fe41-aba5-08dc70ba48eb", "--ticket",
        "40180000-300e-9237-c7af-08dc6f31f78c:嘉宾", "--concurrency", "16"));
    args.addAll(List.of(extra));
    ToolRuns.Run run = ToolRuns.run(ToolRuns.javaJar(version.jar(), List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog),
        args.toArray(new String[0])), dir, gcLog);
    Files.deleteIfExists(gcLog);
    return run;
  }

  private static void clean(Path csv) throws java.io.IOException {
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".journal"));
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".journal.key"));
    Files.deleteIfExists(csv.resolveSibling("attendees.result.csv"));
  }
}
