package com.huiyi31.benchmarks;

import com.huiyi31.cli.ImportBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints one summary table per benchmark, each with ratios against
 * baselines measured in the same run: {@code java -jar benchmarks/target/benchmarks.jar [codec] [e2e] [import] [startup]
 * [latency] [memory] [library]} (all without arguments). The last four run the tool and the library in child
 * processes; {@code -Dhuiyi31.bench.before=DIR} adds an earlier version (DIR holds its {@code huiyi31} launcher and
 * {@code cli/target/huiyi31.jar}) measured in the same rounds; {@code -Dhuiyi31.bench.rounds=N} sets their rounds.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    // The JDK's HttpServer otherwise waits ~40 ms per answer on delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Keep idle connections on both sides long enough for interleaved rounds; the JDK client
    // does not resend a POST on a connection the server closed meanwhile.
    System.setProperty("sun.net.httpserver.idleInterval", "600");
    System.setProperty("jdk.httpclient.keepalive.timeout", "300");
    if (args.length > 0 && args[0].equals("one")) {
      one(args);
      return;
    }
    List<String> which = args.length == 0 ? List.of("codec", "e2e", "import", "startup", "latency", "memory", "library")
        : List.of(args);
    System.out.println("# huiyi31-client benchmarks");
    System.out.printf("%s, %d cores, Java %s%n%n", System.getProperty("os.name"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    if (which.contains("codec")) {
      codec();
    }
    if (which.contains("e2e")) {
      endToEnd();
    }
    if (which.contains("import")) {
      bulkImport();
    }
    int rounds = Integer.getInteger("huiyi31.bench.rounds", 0);
    if (which.contains("startup")) {
      StartupBenchmark.run(rounds > 0 ? rounds : 11);
    }
    if (which.contains("latency")) {
      LatencyBenchmark.run(rounds > 0 ? rounds : 3);
    }
    if (which.contains("memory")) {
      MemoryBenchmark.run();
    }
    if (which.contains("library")) {
      LibraryBenchmark.run(rounds > 0 ? rounds : 11);
    }
  }

  /**
   * {@code one LETTER CONCURRENCY SECONDS}: runs one end-to-end client alone, for a profiler
   * (e.g. with {@code -XX:StartFlightRecording}); prints its calls/s.
   */
  private static void one(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: one a|b|c|d CONCURRENCY SECONDS");
    }
    double cps = EndToEnd.runOne(args[1], Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])));
    System.out.printf(Locale.ROOT, "%s at concurrency %s: %.0f calls/s%n", args[1], args[2], cps);
  }

  private static void codec() throws Exception {
    Options options = new OptionsBuilder()
        .include("com\\.huiyi31\\.client\\.(CodecBenchmark|FeignOverheadBenchmark)\\.")
        .forks(1).warmupIterations(8).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .addProfiler("gc")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
      double ns = result.getPrimaryResult().getScore();
      var alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      byName.put(name, new double[] {ns, alloc == null ? Double.NaN : alloc.getScore()});
    }
    System.out.println("## Codec (JMH, average time per operation)");
    System.out.println();
    System.out.println("| operation | client codec ns/op | bare Jackson ns/op | ratio | client B/op | bare B/op |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String op : List.of("encode", "decode")) {
      double[] ours = byName.get(op + "Client");
      double[] bare = byName.get(op + "BareJackson");
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2f× | %.0f | %.0f |%n", op, ours[0], bare[0], ours[0] / bare[0], ours[1], bare[1]);
    }
    System.out.println();
    System.out.println("## One call without network (JMH: the client's Feign stack over an in-memory transport)");
    System.out.println();
    System.out.println("| what | ns/call | B/call |");
    System.out.println("|---|---:|---:|");
    for (String[] what : new String[][] {{"callThroughFeign", "Feign stack + codec (as Huiyi31Client wires it)"},
        {"callCodecOnly", "codec alone (encode + decode)"}, {"callBareJackson", "bare Jackson (write + read)"}}) {
      double[] r = byName.get(what[0]);
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", what[1], r[0], r[1]);
    }
    double feignShare = byName.get("callThroughFeign")[0] - byName.get("callCodecOnly")[0];
    System.out.printf(Locale.ROOT, "%nFeign's own share of a call: %.0f ns; the codec's extra over bare Jackson: %.0f ns.%n%n", feignShare,
        byName.get("callCodecOnly")[0] - byName.get("callBareJackson")[0]);
  }

  private static void endToEnd() throws Exception {
    int[] concurrencies = {1, 16};
    List<EndToEnd.Row> rows = EndToEnd.run(concurrencies, 5, Duration.ofSeconds(2));
    System.out.println("## End to end (Register calls/s against a loopback stub; median of 5 interleaved rounds)");
    System.out.println();
    System.out.println("| client | concurrency | calls/s | p50 µs | p99 µs |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (EndToEnd.Row row : rows) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", row.client(), row.concurrency(), row.callsPerSecond(),
          row.p50Micros(), row.p99Micros());
    }
    System.out.println();
    System.out.printf("(d resent %d of its calls after a stale pooled connection.)%n%n", EndToEnd.JDK_RESENDS.get());
    System.out.println("| concurrency | a/b | a/c | a/d |");
    System.out.println("|---:|---:|---:|---:|");
    for (int concurrency : concurrencies) {
      Map<Character, Double> cps = new LinkedHashMap<>();
      rows.stream().filter(r -> r.concurrency() == concurrency).forEach(r -> cps.put(r.client().charAt(0), r.callsPerSecond()));
      System.out.printf(Locale.ROOT, "| %d | %s | %s | %s |%n", concurrency, ratio(cps, 'a', 'b'), ratio(cps, 'a', 'c'), ratio(cps, 'a', 'd'));
    }
    System.out.println();
  }

  private static void bulkImport() throws Exception {
    int rows = 10_000;
    int concurrency = 16;
    int rounds = 3;
    // The journal is forced to disk before every request: its speed depends on the disk's. So the
    // import runs twice: next to the working directory (a real disk), and on tmpfs, where a force
    // costs nothing: the difference is what durability costs on this disk.
    Path onDisk = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "import-benchmark-");
    Path shm = Path.of("/dev/shm");
    Path inMemory = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "import-benchmark-") : null;
    var server = EndToEnd.stub();
    try {
      String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
      List<ImportBenchmark.Way> ways = new ArrayList<>();
      ways.add(ImportBenchmark.rawLoop("raw client loop (registerAttendee from " + concurrency + " threads)", baseUrl, rows, concurrency));
      ways.add(ImportBenchmark.importing("huiyi31 import, journal on disk", baseUrl, ImportBenchmark.writeCsv(onDisk, rows), rows,
          concurrency));
      if (inMemory != null) {
        ways.add(ImportBenchmark.importing("huiyi31 import, journal on tmpfs (forces cost nothing)", baseUrl,
            ImportBenchmark.writeCsv(inMemory, rows), rows, concurrency));
      }
      double forceBefore = ImportBenchmark.forceMillis(onDisk, 200);
      Map<String, List<Double>> results = ImportBenchmark.run(ways, rounds);
      double forceAfter = ImportBenchmark.forceMillis(onDisk, 200);
      System.out.printf(Locale.ROOT, "## Bulk import (%d rows at concurrency %d; median of %d rotated rounds after a warm-up)%n%n",
          rows, concurrency, rounds);
      System.out.printf(Locale.ROOT, "A forced append to the disk took %.2f ms (median) before the runs, %.2f ms after.%n%n",
          forceBefore, forceAfter);
      System.out.println("| way | rows/s (median) | runs | ratio to raw |");
      System.out.println("|---|---:|---|---:|");
      double raw = median(results.get(ways.get(0).name()));
      for (ImportBenchmark.Way way : ways) {
        List<Double> runs = results.get(way.name());
        System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %.2f |%n", way.name(), median(runs), rounded(runs), median(runs) / raw);
      }
      System.out.println();
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      delete(onDisk);
      if (inMemory != null) {
        delete(inMemory);
      }
    }
  }

  private static void delete(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(java.util.stream.Collectors.joining(", "));
  }

  private static String ratio(Map<Character, Double> cps, char over, char under) {
    return cps.containsKey(over) && cps.containsKey(under) ? String.format(Locale.ROOT, "%.2f", cps.get(over) / cps.get(under)) : "–";
  }
}
