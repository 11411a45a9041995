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

/**
 * One {@code huiyi31 import}, in the order of the work:
 * <ol>
 *   <li>{@link #prepare}: read the file ({@link CsvInput}), validate every row
 *       ({@link RowValidation}) and plan against the journal ({@link ImportPlan}); nothing is sent;
 *   <li>{@link #send}: send the planned rows and journal each ({@link SendingWorkers});
 *   <li>{@link #writeResult} ({@link ResultCsv}) and {@link #printSummary} ({@link ImportReport}).
 * </ol>
 * {@link #verdict} says how it went, for the exit code.
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

  private final ImportSettings settings;
  private final ImportPlan plan;
  private final RowKeys keys;
  private final Journal journal; // null for a dry run
  private final Map<Integer, RowResult> results = new HashMap<>(); // the skipped rows', then every row's
  private final CountDownLatch closed = new CountDownLatch(1);
  private SendingWorkers workers; // once sending started
  private Thread shutdownHook;

  private ImportRun(ImportSettings settings, ImportPlan plan, RowKeys keys, Journal journal) {
    this.settings = settings;
    this.plan = plan;
    this.keys = keys;
    this.journal = journal;
    for (ImportPlan.PlannedRow row : plan.skipped()) {
      results.put(row.line(), RowResult.asJournaled(row.journaled()));
    }
  }

  /**
   * Reads the file, validates every row and checks the journal; sends nothing. Throws
   * {@link InvalidImportException} listing every bad row (line and reason, no value), or what
   * is wrong with the file or the journal. Opens and locks the journal unless it is a dry run.
   */
  public static ImportRun prepare(ImportSettings settings) throws IOException {
    checkDistinct(settings);
    // The journal's keys first: each row is read with its tag in the journal (RowKeys).
    RowKeys keys = RowKeys.forJournal(settings.journal());
    CsvInput input = CsvInput.read(settings.input(), keys);
    List<RowRequest> rows = RowValidation.requireValid(input, settings);
    // The type id every request carries: with names, the one the type's name was resolved to, so
    // that a run by --type-name and one by --type share the journal of the same import.
    String type = rows.get(0).request.getAttendeeTypeId();
    if (settings.dryRun()) {
      Map<Integer, Journal.RowHistory> history = Journal.read(settings.journal(), settings.event(), type);
      return new ImportRun(settings, ImportPlan.of(input, rows, history, settings), keys, null);
    }
    Journal journal = Journal.open(settings.journal(), settings.event(), type, keys);
    try {
      return new ImportRun(settings, ImportPlan.of(input, rows, journal.history(), settings), keys, journal);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** What a person should know before the run: that the journal is of an earlier version's format, say. */
  public List<String> notices() {
    if (!keys.isLegacy()) {
      return List.of();
    }
    return List.of("The journal " + settings.journal() + " was written by an earlier version of huiyi31 (format 1): it "
        + "is continued as it is, but its row hashes are not keyed, so that anyone who has it and knows part of a row "
        + "(a name and a masked mobile, say) can find the rest. Delete it once this import is complete (a new import "
        + "gets a keyed journal).");
  }

  /** Rows this run will send. */
  public int rowsToSend() {
    return plan.toSend().size();
  }

  /** For --dry-run: what a run would do. */
  public void printPlan(PrintWriter out) {
    ImportReport.printDryRun(out, plan, settings.journal());
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
    installShutdownHook(workers);
    results.putAll(workers.sendAll(sender, err));
    return verdict();
  }

  /** How the import stands now (after {@link #send}, or instead of it when there is nothing to send). */
  public Verdict verdict() {
    if (journalFailure() != null) {
      return Verdict.FAILED;
    }
    if (!plan.toSend().isEmpty() && (workers == null || !workers.anyReachedPlatform())) { // not one got there
      return Verdict.FAILED;
    }
    return results.values().stream().allMatch(RowResult::registered) ? Verdict.ALL_REGISTERED : Verdict.PARTIAL;
  }

  /**
   * Writes the result CSV: every input row with its status. {@code rawCells}: every cell exactly
   * as it is, else safe to open in a spreadsheet (see {@link ResultCsv}).
   */
  public void writeResult(boolean rawCells) throws IOException {
    ResultCsv.write(settings.result(), plan.input(), results, rawCells);
  }

  /** What happened, with the lines a person has to look at. */
  public void printSummary(PrintWriter out) {
    new ImportReport(plan, results, settings.result(), settings.journal(), journalFailure()).printSummary(out);
  }

  private String journalFailure() {
    return workers == null ? null : workers.journalFailure();
  }

  /**
   * On Ctrl-C (or any orderly shutdown): send no further row (workers waiting for the rate limiter
   * stop waiting at once), let the requests in flight finish and be journaled, and the results and
   * the summary be written; only then let the JVM exit (130 after SIGINT, 143 after SIGTERM).
   */
  private void installShutdownHook(SendingWorkers sending) {
    shutdownHook = new Thread(() -> {
      sending.stop("the import was interrupted");
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

  private static void checkDistinct(ImportSettings settings) {
    Path in = settings.input().toAbsolutePath().normalize();
    Path journal = settings.journal().toAbsolutePath().normalize();
    Path result = settings.result().toAbsolutePath().normalize();
    Path key = RowKeys.keyFile(journal);
    if (in.equals(journal) || in.equals(result) || journal.equals(result) || key.equals(in) || key.equals(result)) {
      throw new InvalidImportException("The input, the journal (--journal), its key (the journal's name + .key) and the "
          + "result file (--out) must be four different files.");
    }
  }
}
