package com.huiyi31.cli.imports;

import static com.huiyi31.cli.imports.ImportFiles.args;
import static com.huiyi31.cli.imports.ImportFiles.attendees;
import static com.huiyi31.cli.imports.ImportFiles.journalEvents;
import static com.huiyi31.cli.imports.ImportFiles.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.cli.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of an import, then run it again: no row is lost, none is registered twice,
 * and rows whose request was in flight at the kill are not sent again without --resend-unknown.
 */
class ImportCrashTest {

  private static final int ROWS = 300;

  @TempDir
  Path dir;

  @Test
  void killedMidImportThenReRunLosesNoRowAndRegistersNoneTwice() throws Exception {
    Path csv = attendees(dir, "crash.csv", "crash", ROWS);
    Path journal = dir.resolve("crash.csv.journal");
    Path result = dir.resolve("crash.result.csv");
    // Slow enough that the kill finds requests in flight: 4 at a time, each answered after 40 ms.
    try (FakePlatform platform = new FakePlatform(40)) {
      CountDownLatch hundredReceived = platform.afterRequests(100);

      Process child = startChildImport(csv, platform.baseUrl());
      try {
        assertThat(hundredReceived.await(60, TimeUnit.SECONDS)).as("100 requests arrived").isTrue();
      } finally {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed, not finished").isNotZero();
      assertThat(result).as("the killed run wrote no results").doesNotExist();

      // What the journal knew at the kill: rows announced (SENDING) without an outcome were in flight.
      Set<String> inFlightAtKill = inFlight(journal);
      // At most 4 in flight, and 4 more journaled while they waited for a slot (SendingWorkers): unknown, to be safe.
      assertThat(inFlightAtKill).as("rows in flight at the kill").isNotEmpty().hasSizeLessThanOrEqualTo(8);
      int eventsBeforeReRun = journalEvents(journal).size();

      // Re-run without --resend-unknown: everything else is registered, the in-flight rows are left alone.
      Cli.Result second = Cli.run(args(csv, platform.baseUrl(), "--concurrency", "4"));

      assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
      Map<String, Integer> registered = platform.registered();
      assertThat(registered.values()).as("no row registered twice").allMatch(count -> count == 1);
      Map<String, Map<String, String>> rows = results(result);
      assertThat(rows).as("no row lost").hasSize(ROWS);
      rows.forEach((name, row) -> {
        if (inFlightAtKill.contains(name)) {
          assertThat(row.get("status")).as(name).isEqualTo("UNKNOWN");
        } else {
          assertThat(row.get("status")).as(name).isEqualTo("REGISTERED");
          assertThat(registered.get(name)).as(name).isEqualTo(1);
          assertThat(row.get("orderNo")).isEqualTo("order-" + name);
        }
      });
      List<String[]> secondRunEvents = journalEvents(journal).subList(eventsBeforeReRun, journalEvents(journal).size());
      assertThat(secondRunEvents).as("the re-run sent no in-flight row")
          .noneMatch(event -> event[1].equals("SENDING") && inFlightAtKill.contains(nameOfLine(event[2])));
      assertThat(second.out()).contains("Outcome unknown");

      // A person checked; now --resend-unknown sends exactly those rows, once each.
      Map<String, Integer> before = platform.received();
      Cli.Result third = Cli.run(args(csv, platform.baseUrl(), "--concurrency", "4", "--resend-unknown"));

      assertThat(third.exitCode()).as(third.toString()).isEqualTo(0);
      assertThat(results(result).values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("REGISTERED"));
      Map<String, Integer> after = platform.received();
      for (int i = 1; i <= ROWS; i++) {
        String name = String.format("crash-%03d", i);
        int sentByThirdRun = after.getOrDefault(name, 0) - before.getOrDefault(name, 0);
        assertThat(sentByThirdRun).as(name).isEqualTo(inFlightAtKill.contains(name) ? 1 : 0);
      }
      // Every row is registered; twice exactly those in-flight rows that had reached the platform
      // before the kill: what --resend-unknown risks, and why it is not the default.
      Map<String, Integer> finalRegistrations = platform.registered();
      assertThat(finalRegistrations).hasSize(ROWS);
      finalRegistrations.forEach((name, count) -> assertThat(count).as(name)
          .isEqualTo(inFlightAtKill.contains(name) && before.containsKey(name) ? 2 : 1));
      assertThat(third.out()).contains("Registered after an attempt whose outcome was unknown");
    }
  }

  private Process startChildImport(Path csv, String baseUrl) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.huiyi31.cli.Huiyi31Cli");
    command.addAll(List.of(args(csv, baseUrl, "--concurrency", "4")));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** FullNames of rows whose last journal event is SENDING. */
  private static Set<String> inFlight(Path journal) throws IOException {
    Map<String, String> lastEventByLine = new java.util.HashMap<>();
    for (String[] event : journalEvents(journal)) {
      if (!event[1].equals("JOURNAL") && !event[1].equals("RUN")) {
        lastEventByLine.put(event[2], event[1]);
      }
    }
    Set<String> names = new HashSet<>();
    lastEventByLine.forEach((line, event) -> {
      if (event.equals("SENDING")) {
        names.add(nameOfLine(line));
      }
    });
    return names;
  }

  /** Line 2 holds crash-001, line 3 crash-002, ... */
  private static String nameOfLine(String line) {
    return String.format("crash-%03d", Integer.parseInt(line) - 1);
  }
}
