package com.huiyi31.cli.imports;

import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One {@code huiyi31 import}: {@link #prepare} reads and validates every row and plans against
 * the journal (sending nothing, see {@link ImportPlan}), {@link #send} registers the rows that need
 * it, {@link #writeResult} and {@link #printSummary} report.
 */
public final class ImportRun implements AutoCloseable {

  /** How the import went, for the exit code. */
  public enum Verdict {
    /** Every row is registered, by this run or an earlier one. */
    ALL_REGISTERED,
    /** Some rows are refused, failed or unknown. */
    PARTIAL,
    /** Nothing this run tried to send reached the platform, or the journal could not be written. */
    FAILED
  }

  /** Sends one registration: the client's {@code attendees()::registerAttendee}, or a test's stand-in. */
  @FunctionalInterface
  public interface Sender {
    RegisterAttendeeResponse send(RegisterAttendeeRequest request);
  }

  /** At most this many lines are listed in a message; the results file has them all. */
  static final int LISTED_LINES = 50;

  private final ImportSettings settings;
  private final ImportPlan plan;
  private final Journal journal; // null for a dry run
  private final Map<Integer, RowResult> results = new HashMap<>(); // every row's, once sent
  private SendingWorkers workers; // once sending started
  private final CountDownLatch closed = new CountDownLatch(1);
  private final long registeredBefore;
  private Thread shutdownHook;

  private ImportRun(ImportSettings settings, ImportPlan plan, Journal journal) {
    this.settings = settings;
    this.plan = plan;
    this.journal = journal;
    for (ImportPlan.PlannedRow row : plan.skipped()) {
      results.put(row.line(), RowResult.asJournaled(row.journaled()));
    }
    registeredBefore = plan.registeredBefore();
  }

  /**
   * Reads the file, validates every row and checks the journal; sends nothing. Throws
   * {@link InvalidImportException} listing every bad row (line and reason, no value), or what
   * is wrong with the file or the journal. Opens and locks the journal unless it is a dry run.
   */
  public static ImportRun prepare(ImportSettings settings) throws IOException {
    checkDistinct(settings);
    CsvInput input = CsvInput.read(settings.input());
    List<RowRequest> rows = RowValidation.requireValid(input, settings);
    // The type id every request carries: with names, the one the type's name was resolved to, so
    // that a run by --type-name and one by --type share the journal of the same import.
    String type = rows.get(0).request.getAttendeeTypeId();
    if (settings.dryRun()) {
      Map<Integer, Journal.RowHistory> history = Journal.read(settings.journal(), settings.event(), type);
      return new ImportRun(settings, ImportPlan.of(input, rows, history, settings), null);
    }
    Journal journal = Journal.open(settings.journal(), settings.event(), type);
    try {
      return new ImportRun(settings, ImportPlan.of(input, rows, journal.history(), settings), journal);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** Rows this run will send. */
  public int rowsToSend() {
    return plan.toSend().size();
  }

  /** For --dry-run: what a run would do. */
  public void printPlan(PrintWriter out) {
    out.println("All " + plan.rows().size() + " rows are valid. Nothing was sent (--dry-run).");
    if (plan.continuesAJournal()) {
      printCounts(out, "Already in the journal " + settings.journal() + ": ", results.values().stream()
          .collect(Collectors.toList()), registeredBefore);
    }
    out.println("An import would send " + plan.toSend().size() + " rows.");
    out.flush();
  }

  /**
   * Sends the rows that need it, {@code concurrency} at a time and at most {@code rate} per
   * second, journaling each before and after, and shows progress on {@code err}.
   */
  public Verdict send(Sender sender, PrintWriter err) throws IOException {
    if (journal == null) {
      throw new IllegalStateException("a dry run sends nothing");
    }
    if (plan.toSend().isEmpty()) {
      return verdict();
    }
    workers = new SendingWorkers(journal, settings, plan.toSend());
    installShutdownHook();
    results.putAll(workers.sendAll(sender, err));
    return verdict();
  }

  /** How the import stands now (after {@link #send}, or instead of it when there is nothing to send). */
  public Verdict verdict() {
    if (workers != null && workers.journalFailure() != null) {
      return Verdict.FAILED;
    }
    if (!plan.toSend().isEmpty() && (workers == null || !workers.anyReachedPlatform())) { // not one got there
      return Verdict.FAILED;
    }
    return results.values().stream().allMatch(RowResult::registered) ? Verdict.ALL_REGISTERED : Verdict.PARTIAL;
  }

  /** Writes the result CSV: every input row with its status. */
  public void writeResult() throws IOException {
    ResultCsv.write(settings.result(), plan.input(), results);
  }

  /** What happened, with the lines a person has to look at. */
  public void printSummary(PrintWriter out) {
    List<RowResult> all = plan.input().rows().stream().map(row -> results.get(row.line())).collect(Collectors.toList());
    printCounts(out, plan.rows().size() + " rows: ", all, registeredBefore);
    out.println("Results: " + settings.result());
    out.println("Journal: " + settings.journal());
    listLines(out, "Refused by the platform (not sent again unless --retry-refused)",
        result -> result.outcome() == RowOutcome.REFUSED);
    listLines(out, "Not sent or not processed (a re-run sends them)",
        result -> result.outcome().nothingOnThePlatform());
    listLines(out, "Outcome unknown: the platform may have registered them. Check them on the platform; a re-run "
        + "sends them only with --resend-unknown (which registers twice any that were registered)",
        result -> result.outcome() == RowOutcome.UNKNOWN);
    listLines(out, "Registered after an attempt whose outcome was unknown: check the platform for a second order",
        RowResult::earlierAttemptUnknown);
    String failure = workers == null ? null : workers.journalFailure();
    if (failure != null) {
      out.println("The journal could not be written (" + failure + "): the rows in flight then count as unknown.");
    }
    out.flush();
  }

  private static void printCounts(PrintWriter out, String prefix, List<RowResult> results, long earlier) {
    Map<String, Long> byStatus = results.stream()
        .collect(Collectors.groupingBy(RowResult::status, java.util.TreeMap::new, Collectors.counting()));
    String counts = byStatus.entrySet().stream()
        .map(entry -> entry.getValue() + " " + entry.getKey()
            + (entry.getKey().equals(RowOutcome.REGISTERED.status()) && earlier > 0 ? " (" + earlier + " by an earlier run)" : ""))
        .collect(Collectors.joining(", "));
    out.println(prefix + (counts.isEmpty() ? "none" : counts) + ".");
  }

  private void listLines(PrintWriter out, String title, java.util.function.Predicate<RowResult> which) {
    List<Integer> lines = plan.input().rows().stream().map(CsvInput.Row::line).filter(line -> which.test(results.get(line)))
        .collect(Collectors.toList());
    if (lines.isEmpty()) {
      return;
    }
    String listed = lines.stream().limit(LISTED_LINES).map(String::valueOf).collect(Collectors.joining(", "));
    out.println(title + ": line" + (lines.size() == 1 ? " " : "s ") + listed
        + (lines.size() > LISTED_LINES ? " and " + (lines.size() - LISTED_LINES) + " more (see the results file)" : "") + ".");
  }

  /**
   * On Ctrl-C (or any orderly shutdown): send no further row, let the requests in flight finish
   * and be journaled, and the results be written; only then let the JVM exit.
   */
  private void installShutdownHook() {
    shutdownHook = new Thread(() -> {
      workers.stop("the import was interrupted");
      try {
        closed.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "import-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and now returns
      }
    }
    if (journal != null) {
      journal.close();
    }
  }

  // ---- preparation ----

  private static void checkDistinct(ImportSettings settings) {
    Path in = settings.input().toAbsolutePath().normalize();
    Path journal = settings.journal().toAbsolutePath().normalize();
    Path result = settings.result().toAbsolutePath().normalize();
    if (in.equals(journal) || in.equals(result) || journal.equals(result)) {
      throw new InvalidImportException("The input, the journal (--journal) and the result file (--out) must be three "
          + "different files.");
    }
  }
}
