package com.huiyi31.sandbox;

import com.huiyi31.client.Huiyi31Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: a quick measurement of the sandbox's throughput through the real client, run by
 * hand (timings depend on the machine, so no test asserts them).
 *
 * <pre>
 * ./mvnw -B -ntp -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -pl sandbox -am -Dhuiyi31.skipNode=true -Dmdep.outputFile=target/test-classpath.txt
 * java -cp sandbox/target/classes:sandbox/target/test-classes:$(cat sandbox/target/test-classpath.txt) \
 *     com.huiyi31.sandbox.SandboxThroughput [requests [warm-up]]
 * </pre>
 */
public final class SandboxThroughput {

  private SandboxThroughput() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    try (Huiyi31Sandbox sandbox = Huiyi31Sandbox.start(0);
        Huiyi31Client client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).maxConcurrentRequests(16).build()) {
      // Cold: what a short-lived sandbox (a CI job, a demo) sees. Warm: after the JIT has compiled
      // the hot paths of the JDK's HTTP server, the validator and the client, as during a long import.
      measure("cold", client, requests);
      run(client, 16, warmUp);
      measure("warm", client, requests);
      System.out.println("registrations kept: " + sandbox.registrations().size());
    }
  }

  private static void measure(String label, Huiyi31Client client, int requests) throws Exception {
    for (int concurrency : new int[] {1, 16}) {
      double seconds = run(client, concurrency, requests);
      System.out.printf("%s, concurrency %2d: %d requests in %.2f s = %.0f requests/s%n",
          label, concurrency, requests, seconds, requests / seconds);
    }
  }

  private static double run(Huiyi31Client client, int concurrency, int requests) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long started = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
            String mobile = String.format("139%07d1", i); // ends in 1: never the 0000 trigger
            client.attendees().registerAttendee(SandboxTest.request("参会人" + i, mobile, null,
                "40180000-300e-9237-c7af-08dc6f31f78c"));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(10, TimeUnit.MINUTES);
      }
      return (System.nanoTime() - started) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }
}
