package com.huiyi31.cli.imports;

import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One {@code huiyi31 import}, in the order of the work. The file is read twice, one row at a time,
 * so that memory does not grow with its size (docs/benchmarks.md, "Memory by file size"):
 * <ol>
 *   <li>{@link #prepare}: read the journal ({@link JournalIndex}), read the file ({@link CsvInput}),
 *       validate every row ({@link RowValidation}) and plan it ({@link ImportPlan}); nothing is sent;
 *   <li>{@link #send}: read the file again and, in file order, hand each row to send to the workers
 *       ({@link SendingWorkers}), which journal each, and write each row's result as soon as it and
 *       every row before it have one ({@link ResultCsv.Writer}, {@link ImportReport});
 *   <li>{@link #printSummary}.
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

  /** One row on its way to the result file: its cells, and its result once known. */
  private record Pending(CsvInput.Row row, CompletableFuture<RowResult> result) {}

  private final ImportSettings settings;
  private final ImportPlan plan;
  private final RowKeys keys;
  private final Journal journal; // null for a dry run
  private final ImportReport report;
  private final CountDownLatch closed = new CountDownLatch(1);
  private SendingWorkers workers; // once sending started
  private Thread shutdownHook;
  private String resultFailure;
  private String stopReason; // why the rest was not sent, when the file changed while sending

  private ImportRun(ImportSettings settings, ImportPlan plan, RowKeys keys, Journal journal) {
    this.settings = settings;
    this.plan = plan;
    this.keys = keys;
    this.journal = journal;
    this.report = new ImportReport(plan.registeredBefore(), settings.result(), settings.journal());
  }

  /**
   * Reads the journal and the file, validates every row and plans it; sends nothing. Throws
   * {@link InvalidImportException} listing the bad rows (line and reason, no value), or what is
   * wrong with the file or the journal. Opens and locks the journal unless it is a dry run.
   */
  public static ImportRun prepare(ImportSettings settings) throws IOException {
    checkDistinct(settings);
    // The journal's keys first: each row is read with its tag in the journal (RowKeys).
    RowKeys keys = RowKeys.forJournal(settings.journal());
    JournalIndex history = JournalIndex.read(settings.journal(), CsvInput.lineCount(settings.input()));
    ImportPlan plan;
    try (CsvInput input = CsvInput.open(settings.input(), keys)) {
      plan = ImportPlan.of(input, history, settings);
    } catch (RuntimeException e) {
      history.close();
      throw e;
    }
    if (settings.dryRun()) {
      history.close();
      return new ImportRun(settings, plan, keys, null);
    }
    // Locked only now, so that an invalid file leaves no journal; one that another import wrote to
    // since it was read above is refused.
    Journal journal = Journal.open(settings.journal(), settings.event(), plan.type(), keys, history);
    return new ImportRun(settings, plan, keys, journal);
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
    return plan.toSend();
  }

  /** For --dry-run: what a run would do. */
  public void printPlan(PrintWriter out) {
    ImportReport.printDryRun(out, plan, settings.journal());
  }

  /**
   * Reads the file again and sends the rows that need it with {@code sender} (null when there are
   * none: then only the results are written), {@code concurrency} at a time and at most
   * {@code rate} per second, journaling each before and after, with progress on {@code err}; and
   * writes the result file, {@code rawCells}: every cell exactly as it is, else safe to open in a
   * spreadsheet (see {@link ResultCsv}). When the results cannot be written the import goes on
   * (the journal holds every outcome) and {@link #resultFailure} says why.
   */
  public Verdict send(Sender sender, PrintWriter err, boolean rawCells) throws IOException {
    if (journal == null) {
      throw new IllegalStateException("a dry run sends nothing");
    }
    if (plan.toSend() > 0) {
      workers = new SendingWorkers(journal, settings, plan.toSend(), sender, err);
      installShutdownHook(workers);
    }
    ResultCsv.Writer results = openResults(rawCells);
    Throwable failure = null;
    try {
      try (CsvInput input = CsvInput.open(settings.input(), keys)) {
        // Rows on their way, oldest first: a slow row holds back the result file, not the sending,
        // until this many rows wait behind it (so memory stays bounded).
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        int window = Math.max(1024, 128 * settings.concurrency());
        int ordinal = 0;
        while (failure == null) {
          CsvInput.Row row = nextRow(input);
          if (row == null) {
            break;
          }
          pending.add(new Pending(row, resultOf(input, row, ordinal++)));
          failure = writeDone(pending, results, pending.size() >= window, failure);
        }
        while (!pending.isEmpty()) {
          failure = writeDone(pending, results, true, failure);
        }
      } finally {
        if (workers != null) {
          workers.finish(failure == null ? err : null);
        } else if (stopReason != null) {
          err.println("Stopped: " + com.huiyi31.cli.terminal.TerminalText.safe(stopReason) + ".");
          err.flush();
        }
      }
      if (failure != null) {
        throw new IllegalStateException("an import worker failed", failure);
      }
      commit(results);
    } finally {
      if (results != null) {
        results.close();
      }
    }
    return verdict();
  }

  /** The next row of the second reading, or null at its end, or when the file can no longer be read. */
  private CsvInput.Row nextRow(CsvInput input) {
    try {
      return input.next();
    } catch (InvalidImportException e) {
      changed("the file changed since it was validated (" + e.getMessage() + ")");
      resultFailure = "the input could not be read again, so its remaining rows have no results";
      return null;
    }
  }

  /** Sends nothing more (the file is not what was validated); the first reason is kept. */
  private void changed(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    if (workers != null) {
      workers.stop(reason);
    }
  }

  /** The result of a row: sent by a worker, or known now (skipped, or not sent because the run stopped). */
  private CompletableFuture<RowResult> resultOf(CsvInput input, CsvInput.Row row, int ordinal) {
    ImportPlan.PlannedRow planned = plan.recheck(row, ordinal);
    RowRequest request = planned != null && planned.send() ? RowRequest.of(input, row, settings) : null;
    if (planned == null || request != null && (!request.problems.isEmpty() || request.request == null)) {
      changed("line " + row.line() + " is not as it was validated (the file, or with names the event's forms, changed "
          + "since): run the same command again");
    } else if (request != null) {
      return workers.submit(planned.with(request));
    }
    JournalIndex index = journal.index();
    return CompletableFuture.completedFuture(index.state(row.line()) != null ? RowResult.asJournaled(index.history(row.line()))
        : RowResult.notReached(workers != null && workers.stopReason() != null ? workers.stopReason() : stopReason));
  }

  /** Writes the results at the head that are known; waits for the head's when {@code block}. */
  private Throwable writeDone(ArrayDeque<Pending> pending, ResultCsv.Writer results, boolean block, Throwable failure)
      throws IOException {
    boolean interrupted = false;
    while (!pending.isEmpty() && (block || pending.peek().result().isDone())) {
      Pending head = pending.poll();
      RowResult result = null;
      while (result == null && failure == null) {
        try {
          result = head.result().get();
        } catch (InterruptedException e) {
          interrupted = true;
          workers.stop("the import was interrupted");
        } catch (ExecutionException e) {
          failure = e.getCause();
        }
      }
      if (result != null) {
        report.add(head.row().line(), result);
        write(results, head.row(), result);
      }
      block = false;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return failure;
  }

  private ResultCsv.Writer openResults(boolean rawCells) {
    try {
      return new ResultCsv.Writer(settings.result(), plan.columns(), plan.byteOrderMark(), rawCells);
    } catch (IOException e) {
      resultFailure = e.toString();
      return null;
    }
  }

  private void write(ResultCsv.Writer results, CsvInput.Row row, RowResult result) {
    if (results == null || resultFailure != null) {
      return;
    }
    try {
      results.write(row, result);
    } catch (IOException e) {
      resultFailure = e.toString();
    }
  }

  private void commit(ResultCsv.Writer results) {
    if (results == null || resultFailure != null) {
      return;
    }
    try {
      results.commit();
    } catch (IOException e) {
      resultFailure = e.toString();
    }
  }

  /** Why the result file could not be written (e.g. it is open in another program), or null. */
  public String resultFailure() {
    return resultFailure;
  }

  /** How the import stands now (after {@link #send}). */
  public Verdict verdict() {
    if (journalFailure() != null) {
      return Verdict.FAILED;
    }
    if (plan.toSend() > 0 && (workers == null || !workers.anyReachedPlatform())) { // not one got there
      return Verdict.FAILED;
    }
    return report.allRegistered() ? Verdict.ALL_REGISTERED : Verdict.PARTIAL;
  }

  /** What happened, with the lines a person has to look at. */
  public void printSummary(PrintWriter out) {
    report.printSummary(out, journalFailure());
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
    } else {
      plan.journal().close();
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
