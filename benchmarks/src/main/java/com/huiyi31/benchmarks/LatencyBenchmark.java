package com.huiyi31.benchmarks;

import com.huiyi31.cli.ImportBenchmark;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Figure 2: the import against a platform 50 ms away. A loopback stub answers every Register
 * after 50 ms (64 threads, so never the bottleneck) and notes when each request arrived and when
 * each answer left; the tool runs in a child process ({@code java -jar huiyi31.jar import}, its
 * journal on the disk), so its start-up and validation are outside the window the stub measures:
 * rows / (last answer − first arrival), and sustained: the answers between the 10th and the 90th
 * percentile per second (a new JVM's first requests are slow: they compile). At concurrency 16 the
 * ideal is 16 / 50 ms = 320 rows/s; the raw client from 16 threads against the same stub, in the
 * same rounds, shows what the stub and this machine allow. {@code --rate N}: requests started per
 * second, the same two ways, and the most that arrived within any one second (a burst). And the import's own cost per row: the same against a stub that
 * answers at once.
 */
final class LatencyBenchmark {

  static final long DELAY_MILLIS = 50;
  static final int LOCAL_ROWS = 10_000;

  private LatencyBenchmark() {}

  /** The stub: arrival and answer times of the requests since the last {@link #reset}. */
  static final class DelayedStub implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger count = new AtomicInteger();
    final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
    final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
    final Queue<Long> answers = new ConcurrentLinkedQueue<>();

    DelayedStub(long delayMillis) throws java.io.IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
      server.createContext("/", exchange -> {
        long arrived = System.nanoTime();
        firstArrival.accumulateAndGet(arrived, Math::min);
        lastArrival.accumulateAndGet(arrived, Math::max);
        arrivals.add(arrived);
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        long due = arrived + delayMillis * 1_000_000; // the platform's 50 ms, from the request's arrival
        for (long left; (left = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(left);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, Payloads.REGISTERED.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(Payloads.REGISTERED);
        }
        count.incrementAndGet();
        long answered = System.nanoTime();
        lastAnswer.accumulateAndGet(answered, Math::max);
        answers.add(answered);
      });
      server.setExecutor(Executors.newFixedThreadPool(64));
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
      count.set(0);
      firstArrival.set(Long.MAX_VALUE);
      lastArrival.set(Long.MIN_VALUE);
      lastAnswer.set(Long.MIN_VALUE);
      arrivals.clear();
      answers.clear();
    }

    /**
     * The rate the run kept up once going: events between the 10th and the 90th percentile of
     * {@code times}, per second (the first requests of a new process are slow, the last ones few).
     */
    static double sustained(Queue<Long> times) {
      long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
      int from = sorted.length / 10;
      int to = sorted.length - 1 - sorted.length / 10;
      return (to - from) / ((sorted[to] - sorted[from]) / 1e9);
    }

    /**
     * The most requests that arrived within any one second: what a platform's own rate limit sees
     * (a burst at the start, which the whole-run and sustained rates both hide).
     */
    int mostInAnySecond() {
      long[] sorted = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
      int most = 0;
      for (int from = 0, to = 0; to < sorted.length; to++) {
        while (sorted[to] - sorted[from] >= 1_000_000_000L) {
          from++;
        }
        most = Math.max(most, to - from + 1);
      }
      return most;
    }

    /** Answers per second, sustained. */
    double sustainedRowsPerSecond() {
      return sustained(answers);
    }

    /** Requests started per second, sustained. */
    double sustainedArrivalRate() {
      return sustained(arrivals);
    }

    double rowsPerSecond() {
      return count.get() / ((lastAnswer.get() - firstArrival.get()) / 1e9);
    }

    double arrivalRate() {
      return (count.get() - 1) / ((lastArrival.get() - firstArrival.get()) / 1e9);
    }

    @Override
    public void close() {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  static void run(int rounds) throws Exception {
    int concurrency = 16;
    int rows = 9600; // 600 waves of 16: 30 s at the ideal rate, so that a new JVM's warm-up is a small part of it
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "latency-benchmark-");
    try (DelayedStub stub = new DelayedStub(DELAY_MILLIS)) {
      Path csv = ImportBenchmark.writeCsv(dir, rows);
      String loadBefore = ToolRuns.load();
      Map<String, List<double[]>> results = rotated(ways(stub, dir, csv, rows, concurrency), rounds, stub);

      int[][] rates = {{50, 500}, {200, 2000}}; // N rows/s, rows: 10 s each
      Map<String, List<double[]>> rateResults = new LinkedHashMap<>();
      for (int[] rate : rates) {
        Path rateCsv = ImportBenchmark.writeCsv(Files.createDirectories(dir.resolve("rate" + rate[0])), rate[1]);
        Map<String, Way> rateWays = new LinkedHashMap<>();
        for (ToolRuns.Version version : ToolRuns.versions()) {
          rateWays.put(version.name() + ": --rate " + rate[0], () -> imported(version, stub, dir, rateCsv, rate[1],
              "--concurrency", "16", "--rate", String.valueOf(rate[0]))
              ? new double[] {stub.arrivalRate(), stub.sustainedArrivalRate(), stub.mostInAnySecond()}
              : new double[] {Double.NaN, Double.NaN, Double.NaN});
        }
        rateResults.putAll(rotated(rateWays, rounds, stub));
      }

      // The import's own cost per row: the same file against a stub that answers at once.
      Map<String, List<double[]>> local;
      try (DelayedStub fast = new DelayedStub(0)) {
        Path localCsv = ImportBenchmark.writeCsv(Files.createDirectories(dir.resolve("local")), LOCAL_ROWS);
        local = rotated(ways(fast, dir, localCsv, LOCAL_ROWS, concurrency), rounds, fast);
      }

      System.out.printf(Locale.ROOT, "## Import against a platform %d ms away (%d rows at concurrency %d; %d rotated rounds after "
          + "a warm-up; load average %s before, %s after)%n%n", DELAY_MILLIS, rows, concurrency, rounds, loadBefore, ToolRuns.load());
      System.out.println("Rows/s: over the whole run (first request to last answer), and sustained (answers between the 10th "
          + "and the 90th percentile, per second). Ideal: 16 / 50 ms = 320.");
      System.out.println();
      double ideal = concurrency * 1000.0 / DELAY_MILLIS;
      double raw = median(results.get(RAW), 1);
      System.out.println("| way | rows/s whole run | rows/s sustained (median) | sustained runs | ÷ ideal 320 | ÷ raw loop |");
      System.out.println("|---|---:|---:|---|---:|---:|");
      results.forEach((name, runs) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.3f | %.3f |%n", name,
          median(runs, 0), median(runs, 1), list(runs, 1, "%.1f"), median(runs, 1) / ideal, median(runs, 1) / raw));
      System.out.println();
      System.out.printf(Locale.ROOT, "Against a stub that answers at once (%,d rows, concurrency %d, journal on the disk): the "
          + "import's own cost per row.%n%n", LOCAL_ROWS, concurrency);
      System.out.println("| way | rows/s whole run (median) | runs | µs per row | ÷ raw loop |");
      System.out.println("|---|---:|---|---:|---:|");
      double localRaw = median(local.get(RAW), 0);
      local.forEach((name, runs) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %.0f | %.2f |%n", name,
          median(runs, 0), list(runs, 0, "%.0f"), 1e6 / median(runs, 0), median(runs, 0) / localRaw));
      System.out.println();
      System.out.println("| way | requests started per s, whole run (median) | whole run ÷ N | sustained (median) | sustained runs "
          + "| sustained ÷ N | most in any 1 s (runs) | most in any 1 s ÷ N (median) |");
      System.out.println("|---|---:|---:|---:|---|---:|---|---:|");
      rateResults.forEach((name, runs) -> {
        double n = Double.parseDouble(name.replaceAll(".*--rate ", ""));
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.4f | %.2f | %s | %.4f | %s | %.2f |%n", name, median(runs, 0),
            median(runs, 0) / n, median(runs, 1), list(runs, 1, "%.2f"), median(runs, 1) / n, list(runs, 2, "%.0f"),
            median(runs, 2) / n);
      });
      System.out.println();
    } finally {
      ToolRuns.delete(dir);
    }
  }

  private static final String RAW = "raw client loop, 16 threads";

  /** The raw client loop and each version's import of {@code csv} against {@code stub}: {whole run, sustained} rows/s. */
  private static Map<String, Way> ways(DelayedStub stub, Path dir, Path csv, int rows, int concurrency) {
    Map<String, Way> ways = new LinkedHashMap<>();
    ways.put(RAW, () -> {
      ImportBenchmark.rawLoop("raw", stub.baseUrl(), rows, concurrency).run();
      return new double[] {stub.rowsPerSecond(), stub.sustainedRowsPerSecond()};
    });
    for (ToolRuns.Version version : ToolRuns.versions()) {
      ways.put(version.name() + ": huiyi31 import --concurrency 16", () -> imported(version, stub, dir, csv, rows,
          "--concurrency", "16") ? new double[] {stub.rowsPerSecond(), stub.sustainedRowsPerSecond()}
          : new double[] {Double.NaN, Double.NaN});
    }
    return ways;
  }

  private static double median(List<double[]> runs, int column) {
    return ToolRuns.median(runs.stream().map(r -> r[column]).toList());
  }

  private static String list(List<double[]> runs, int column, String format) {
    return ToolRuns.list(runs.stream().map(r -> r[column]).toList(), format);
  }

  interface Way {
    double[] run() throws Exception;
  }

  /** A warm-up run of each way, then {@code rounds} rounds, the order rotated each round. */
  private static Map<String, List<double[]>> rotated(Map<String, Way> ways, int rounds, DelayedStub stub) throws Exception {
    List<String> names = new ArrayList<>(ways.keySet());
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    for (int round = -1; round < rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(Math.floorMod(i + round, names.size()));
        stub.reset();
        double[] value = ways.get(name).run();
        if (round >= 0) {
          results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      }
    }
    return results;
  }

  /** One import of {@code csv} by {@code version} in a new process, its journal and results removed first. */
  private static boolean imported(ToolRuns.Version version, DelayedStub stub, Path dir, Path csv, int rows, String... options)
      throws Exception {
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".journal"));
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".journal.key"));
    Files.deleteIfExists(csv.resolveSibling("attendees.result.csv"));
    List<String> args = new ArrayList<>(List.of("import", csv.toString(), "--base-url", stub.baseUrl(), "--event",
        "07320000-fe25-16f7-4c65-08d9fb59aefd", "--type", "51f10000-4961-fe41-aba5-08dc70ba48eb", "--ticket",
        "40180000-300e-9237-c7af-08dc6f31f78c:嘉宾"));
    args.addAll(List.of(options));
    ToolRuns.Run run = ToolRuns.run(ToolRuns.javaJar(version.jar(), List.of(), args.toArray(new String[0])), dir, null);
    if (run.exit() != 0 || !run.out().contains(rows + " rows: " + rows + " REGISTERED.")) {
      throw new IllegalStateException(version.name() + " import failed (exit " + run.exit() + "):\n" + run.out() + run.err());
    }
    return stub.count.get() == rows;
  }
}
