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
      List<Double> cps = new ArrayList<>();
      rows.stream().filter(r -> r.concurrency() == concurrency).forEach(r -> cps.add(r.callsPerSecond()));
      System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.2f |%n", concurrency, cps.get(0) / cps.get(1), cps.get(0) / cps.get(2),
          cps.get(0) / cps.get(3));
    }
    System.out.println();
  }
}
