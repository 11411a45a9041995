package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.cli.Jar;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool imports a file far larger than its heap: 200,000 rows under {@code -Xmx64m}
 * (the import used to keep every row, its request and its result: about 2.7 KB a row, some 550 MB
 * for this file). Validation, a real run against a loopback stand-in of the platform, and the same
 * command again (every row registered: the journal's state at its largest). docs/benchmarks.md has
 * the 1,000,000-row figures.
 */
class ImportMemoryJarIT {

  private static final int ROWS = 200_000;
  private static final String HEAP = "-Xmx64m";
  private static final byte[] REGISTERED = ("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":"
      + "\"2111041526362863634\",\"orderAttendees\":[{\"attendeeId\":\"b0e50000-6b13-9276-9e9a-08d99f646f52\","
      + "\"checkinCode\":\"1475765432202956800\"}]}}").getBytes(StandardCharsets.UTF_8);

  static {
    // The JDK's HttpServer otherwise holds each answer back ~40 ms for a delayed ACK: a stand-in
    // that slow made this test take ten minutes. Read when the first HttpServer of this JVM starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @TempDir
  static Path dir;

  private static HttpServer platform;
  private static final AtomicInteger received = new AtomicInteger();
  private static Path csv;

  @BeforeAll
  static void aLargeFileAndAPlatform() throws IOException {
    csv = dir.resolve("large.csv");
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("FullName,Mobile,Email,Company\n");
      for (int i = 0; i < ROWS; i++) {
        out.write("张晓明" + i + ",139" + String.format("%08d", i) + ",a" + i + "@example.com,示例科技有限公司\n");
      }
    }
    platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    platform.createContext(FakePlatform.PATH, exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      received.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, REGISTERED.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(REGISTERED);
      }
    });
    platform.setExecutor(Executors.newFixedThreadPool(16));
    platform.start();
  }

  @AfterAll
  static void stop() {
    platform.stop(0);
    ((ExecutorService) platform.getExecutor()).shutdownNow();
  }

  @Test
  void twoHundredThousandRowsAreValidatedSentAndReportedWithinSixtyFourMegabytesOfHeap() throws Exception {
    String url = "http://127.0.0.1:" + platform.getAddress().getPort();

    String dryRun = importing("--dry-run");
    assertThat(dryRun).contains("All " + ROWS + " rows are valid. Nothing was sent (--dry-run).",
        "An import would send " + ROWS + " rows.");

    String sent = importing("--base-url", url, "--concurrency", "16");
    assertThat(sent).contains(ROWS + " rows: " + ROWS + " REGISTERED.");
    assertThat(received.get()).as("each row sent once").isEqualTo(ROWS);
    try (Stream<String> lines = Files.lines(dir.resolve("large.result.csv"), StandardCharsets.UTF_8)) {
      assertThat(lines.skip(1).filter(line -> line.contains(",REGISTERED,2111041526362863634,")).count()).isEqualTo(ROWS);
    }

    String again = importing("--base-url", url, "--concurrency", "16");
    assertThat(again).contains(ROWS + " rows: " + ROWS + " REGISTERED (" + ROWS + " by an earlier run).");
    assertThat(received.get()).as("nothing sent again").isEqualTo(ROWS);
  }

  /** {@code java -Xmx64m -jar huiyi31.jar import large.csv ...}: its standard output; fails unless it exits 0. */
  private static String importing(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("import", csv.toString(), "--event", ImportFiles.EVENT, "--type",
        ImportFiles.TYPE, "--ticket", ImportFiles.TICKET));
    args.addAll(List.of(options));
    ProcessBuilder command = Jar.command(args.toArray(new String[0]));
    command.command().add(1, HEAP);
    Path out = Files.createTempFile(dir, "out", ".log");
    Path err = Files.createTempFile(dir, "err", ".log");
    long begin = System.nanoTime();
    Process child = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(child.waitFor(15, TimeUnit.MINUTES)).as("ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    System.out.printf("ImportMemoryJarIT: %s took %.1f s%n", String.join(" ", options),
        (System.nanoTime() - begin) / 1e9);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(stdout + Files.readString(err, StandardCharsets.UTF_8)).isZero();
    return stdout;
  }
}
