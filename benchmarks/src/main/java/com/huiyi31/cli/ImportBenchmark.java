package com.huiyi31.cli;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.TicketItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulk import through the real {@code huiyi31 import} (CSV parsing, validation of every row,
 * the journal forced to disk twice per row, progress lines, the result file) against a plain
 * loop of the raw client registering the same rows from as many threads. (In the tool's package
 * because its entry point for tests, {@code Huiyi31Cli.execute}, is package-private.)
 */
public final class ImportBenchmark {

  static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String SKU_ID = "40180000-300e-9237-c7af-08dc6f31f78c";
  static final String SKU_NAME = "嘉宾";

  /** One way of registering the rows: its name and one timed run (rows/s). */
  public interface Way {
    String name();

    double run() throws Exception;
  }

  private ImportBenchmark() {}

  /** Writes a CSV of {@code rows} distinct attendees (FullName, Mobile, Email, Company) into {@code dir}. */
  public static Path writeCsv(Path dir, int rows) throws IOException {
    Path file = dir.resolve("attendees.csv");
    try (java.io.Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      csv.write("FullName,Mobile,Email,Company\n");
      for (int i = 0; i < rows; i++) {
        csv.write("张晓明" + i + ",139" + String.format("%08d", i) + ",a" + i + "@example.com,示例科技有限公司\n");
      }
    }
    return file;
  }

  /** The import of {@code csv} (its journal and results next to it), as a way. */
  public static Way importing(String name, String baseUrl, Path csv, int rows, int concurrency) {
    return new Way() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double run() throws IOException {
        return runImport(baseUrl, csv, rows, concurrency);
      }
    };
  }

  /** The raw client loop over the same rows, as a way. */
  public static Way rawLoop(String name, String baseUrl, int rows, int concurrency) {
    List<RegisterAttendeeRequest> requests = requests(rows);
    return new Way() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double run() throws Exception {
        return runRaw(baseUrl, requests, concurrency);
      }
    };
  }

  /**
   * One warm-up run of each way, then {@code rounds} rounds running every way once, the order
   * rotated each round; returns each way's rows/s per round.
   */
  public static Map<String, List<Double>> run(List<Way> ways, int rounds) throws Exception {
    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int round = -1; round < rounds; round++) {
      for (int i = 0; i < ways.size(); i++) {
        Way way = ways.get(Math.floorMod(i + round, ways.size()));
        double rowsPerSecond = way.run();
        if (round >= 0) {
          results.computeIfAbsent(way.name(), k -> new ArrayList<>()).add(rowsPerSecond);
        }
      }
    }
    return results;
  }

  /** The median time of {@code n} forced appends of a journal-sized line to a file in {@code dir}, in ms. */
  public static double forceMillis(Path dir, int n) throws IOException {
    Path file = Files.createTempFile(dir, "force-", ".test");
    long[] times = new long[n];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      for (int i = 0; i < n; i++) {
        long begin = System.nanoTime();
        channel.write(ByteBuffer.wrap("2025-05-01T08:00:00.130Z\tSENDING\t2\t9f86d081884c7d65\n".getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        times[i] = System.nanoTime() - begin;
      }
    } finally {
      Files.deleteIfExists(file);
    }
    java.util.Arrays.sort(times);
    return times[n / 2] / 1e6;
  }

  /** The whole command, from reading the CSV to writing the results, as a person runs it. */
  static double runImport(String baseUrl, Path csv, int rows, int concurrency) throws IOException {
    Path journal = csv.resolveSibling(csv.getFileName() + ".journal");
    Path result = csv.resolveSibling("attendees.result.csv");
    Files.deleteIfExists(journal);
    Files.deleteIfExists(result);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long begin = System.nanoTime();
    int exit = Huiyi31Cli.execute(new String[] {"import", csv.toString(), "--base-url", baseUrl, "--event", EVENT,
        "--type", TYPE, "--ticket", SKU_ID + ":" + SKU_NAME, "--concurrency", String.valueOf(concurrency)},
        new PrintWriter(out, true), new PrintWriter(err, true));
    long elapsed = System.nanoTime() - begin;
    if (exit != 0 || !out.toString().contains(rows + " rows: " + rows + " REGISTERED.")) {
      throw new IllegalStateException("the import did not register every row (exit " + exit + "):\n" + out + err);
    }
    return rows / (elapsed / 1e9);
  }

  /** Huiyi31Client.attendees().registerAttendee from {@code concurrency} threads, a shared counter handing out rows. */
  static double runRaw(String baseUrl, List<RegisterAttendeeRequest> requests, int concurrency) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(baseUrl).maxConcurrentRequests(concurrency).build()) {
      AtomicInteger next = new AtomicInteger();
      long begin = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        running.add(threads.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < requests.size()) {
            RegisterAttendeeResponse response = client.attendees().registerAttendee(requests.get(i));
            if (response.getData() == null || response.getData().getOrderNo() == null) {
              throw new IllegalStateException("no order number");
            }
          }
          return null;
        }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
      return requests.size() / ((System.nanoTime() - begin) / 1e9);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The requests the import builds from the CSV's rows. */
  private static List<RegisterAttendeeRequest> requests(int rows) {
    List<RegisterAttendeeRequest> requests = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      requests.add(new RegisterAttendeeRequest()
          .bventId(EVENT)
          .attendeeTypeId(TYPE)
          .attendee(new AttendeeForm()
              .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明" + i))
              .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("139" + String.format("%08d", i)))
              .addFieldsItem(new FormField().fieldName("Email").fieldValue("a" + i + "@example.com"))
              .addFieldsItem(new FormField().fieldName("Company").fieldValue("示例科技有限公司")))
          .addItemsItem(new TicketItem().itemSkuId(SKU_ID).itemSkuName(SKU_NAME).quantity(1)));
    }
    return requests;
  }
}
