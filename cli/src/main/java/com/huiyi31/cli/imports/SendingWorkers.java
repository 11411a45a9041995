package com.huiyi31.cli.imports;

import com.huiyi31.cli.terminal.TerminalText;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the rows an {@link ImportPlan} sends, {@code concurrency} at a time and at most
 * {@code rate} per second, and records each in the journal: its SENDING line forced before the
 * request leaves (a row the journal does not know of was never sent), its outcome written at once
 * and forced with the same worker's next SENDING line, or at the end (see {@link Journal}).
 *
 * <p>Stops sending further rows when {@link #stop} is called, when the journal cannot be written,
 * or after {@link #STOP_AFTER_NOT_SENT_IN_A_ROW} rows in a row that could not be sent; requests in
 * flight then finish and are journaled.
 */
final class SendingWorkers {

  /** After this many rows in a row that could not be sent, the platform is unreachable: stop. */
  static final int STOP_AFTER_NOT_SENT_IN_A_ROW = 10;

  private final Journal journal;
  private final ImportSettings settings;
  private final List<ImportPlan.PlannedRow> toSend;
  private final Map<Integer, RowResult> results = new ConcurrentHashMap<>();
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicReference<String> journalFailure = new AtomicReference<>();
  private final AtomicInteger notSentInARow = new AtomicInteger();
  private final AtomicInteger reachedPlatform = new AtomicInteger();
  private final RateLimiter limiter; // null without --rate

  SendingWorkers(Journal journal, ImportSettings settings, List<ImportPlan.PlannedRow> toSend) {
    this.journal = journal;
    this.settings = settings;
    this.toSend = List.copyOf(toSend);
    this.limiter = settings.ratePerSecond() > 0 ? new RateLimiter(settings.ratePerSecond(), RateLimiter.SYSTEM) : null;
  }

  /**
   * Sends the rows, showing progress on {@code err}, and returns the result of each of them: rows
   * the run stopped before are reported as the journal has them (or as not sent). Throws when a
   * worker failed (after every worker has ended), or when the run could not be journaled at all.
   */
  Map<Integer, RowResult> sendAll(ImportRun.Sender sender, PrintWriter err) throws IOException {
    journal.run("concurrency=" + settings.concurrency()
        + "\trate=" + (settings.ratePerSecond() > 0 ? settings.ratePerSecond() : "none")
        + "\tretryRefused=" + settings.retryRefused() + "\tresendUnknown=" + settings.resendUnknown());
    AtomicInteger next = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), daemon("import-sender"));
    try (Progress progress = Progress.forTerminal(toSend.size(), err)) {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < settings.concurrency(); i++) {
        running.add(workers.submit(() -> work(sender, progress, next)));
      }
      awaitAll(running);
    } finally {
      workers.shutdown();
    }
    try {
      journal.force(); // the last outcomes, before the results report them
    } catch (IOException e) {
      journalFailed(e);
    }
    String reason = stopReason.get();
    for (ImportPlan.PlannedRow row : toSend) { // rows the run stopped before: as they were
      results.computeIfAbsent(row.line(), line -> row.journaled() != null
          ? RowResult.asJournaled(row.journaled()) : RowResult.notReached(reason));
    }
    if (reason != null) {
      err.println("Stopped: " + TerminalText.safe(reason) + "."); // may quote an I/O error
      err.flush();
    }
    return Map.copyOf(results);
  }

  /**
   * Sends no further row; requests in flight finish and are journaled. Workers waiting for the
   * rate limiter stop waiting at once: their rows were not journaled, so they are simply not sent.
   * The first reason given is reported.
   */
  void stop(String reason) {
    stopReason.compareAndSet(null, reason);
    if (limiter != null) {
      limiter.stop();
    }
  }

  /** Why the journal could not be written, or null when it could. */
  String journalFailure() {
    return journalFailure.get();
  }

  /** Whether any request reached the platform (whatever it answered). */
  boolean anyReachedPlatform() {
    return reachedPlatform.get() > 0;
  }

  /** Waits for every worker, also after a failure: none may outlive the journal. */
  private void awaitAll(List<Future<?>> running) {
    Throwable failure = null;
    boolean interrupted = false;
    for (Future<?> worker : running) {
      while (true) {
        try {
          worker.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          stop("the import was interrupted");
        } catch (ExecutionException e) {
          stop("an internal error (" + e.getCause() + ")");
          failure = failure == null ? e.getCause() : failure;
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new IllegalStateException("an import worker failed", failure);
    }
  }

  private void work(ImportRun.Sender sender, Progress progress, AtomicInteger next) {
    int index;
    while (stopReason.get() == null && (index = next.getAndIncrement()) < toSend.size()) {
      ImportPlan.PlannedRow row = toSend.get(index);
      if (limiter != null) {
        try {
          if (!limiter.acquire()) {
            return; // stopped while waiting: the row was not journaled, so it is not sent
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop("the import was interrupted");
          return;
        }
      }
      if (stopReason.get() != null) {
        return;
      }
      try {
        journal.append(Journal.State.SENDING, row.request().row, Map.of());
      } catch (IOException e) {
        journalFailed(e);
        return; // not sent: the journal would not know about it
      }
      RowResult result = sendOne(sender, row);
      results.put(row.line(), result);
      try {
        // Forced with this worker's next SENDING line (or at the end): see Journal.
        journal.appendOutcome(result.outcome().journalState(), row.request().row, result.details());
      } catch (IOException e) {
        journalFailed(e); // the journal keeps SENDING: a re-run treats the row as unknown, which is safe
      }
      progress.rowDone(!result.registered());
      counted(result.outcome());
    }
  }

  private static RowResult sendOne(ImportRun.Sender sender, ImportPlan.PlannedRow row) {
    try {
      RegisterAttendeeResponse response = sender.send(row.request().request);
      return RowResult.registered(response.getData(), row.earlierAttemptUnknown());
    } catch (RuntimeException e) {
      return RowResult.failed(e);
    }
  }

  /** Counts what reached the platform, and stops after too many rows in a row that did not leave this machine. */
  private void counted(RowOutcome outcome) {
    if (outcome != RowOutcome.NOT_SENT) {
      reachedPlatform.incrementAndGet();
      notSentInARow.set(0);
    } else if (notSentInARow.incrementAndGet() >= STOP_AFTER_NOT_SENT_IN_A_ROW) {
      stop(STOP_AFTER_NOT_SENT_IN_A_ROW + " rows in a row could not be sent (is the platform reachable?)");
    }
  }

  private void journalFailed(IOException e) {
    journalFailure.compareAndSet(null, e.toString());
    stop("the journal " + journal.path() + " could not be written (" + e + ")");
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
