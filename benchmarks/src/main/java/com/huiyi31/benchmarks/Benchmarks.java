package com.huiyi31.benchmarks;

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
 * baselines measured in the same run: {@code java -jar benchmarks/target/benchmarks.jar [codec] [e2e]}.
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
    List<String> which = args.length == 0 ? List.of("codec", "e2e") : List.of(args);
    System.out.println("# huiyi31-client benchmarks");
    System.out.printf("%s, %d cores, Java %s%n%n", System.getProperty("os.name"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    if (which.contains("codec")) {
      codec();
    }
    if (which.contains("e2e")) {
      endToEnd();
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
        .include("com.huiyi31.client.CodecBenchmark")
        .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
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

  private static String ratio(Map<Character, Double> cps, char over, char under) {
    return cps.containsKey(over) && cps.containsKey(under) ? String.format(Locale.ROOT, "%.2f", cps.get(over) / cps.get(under)) : "–";
  }
}
