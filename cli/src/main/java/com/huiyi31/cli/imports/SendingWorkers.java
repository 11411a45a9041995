package com.huiyi31.cli.imports;

import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Sends the rows an {@link ImportPlan} sends, as they are handed over in file order
 * ({@link #submit}), {@code concurrency} at a time and at most {@code rate} per second, and records
 * each in the journal: its SENDING line forced before the request leaves (a row the journal does
 * not know of was never sent), its outcome written at once and forced with the next SENDING line
 * forced, or at the end (see {@link Journal}). Forces of concurrent workers are shared (group
 * commit).
 *
 * <p>Keeping the pipe full: a force takes from a tenth of a millisecond to tens of milliseconds on
 * a busy disk, and a request must wait for its own. So there are twice as many workers as requests
 * may be in flight ({@code concurrency} slots): while {@code concurrency} requests are out, the other workers
 * journal the next rows, and each takes a slot the moment one frees, its row already on disk.
 * Slots are taken in the order the rows were handed over, so rows are sent in file order (as with
 * one worker per slot). A row journaled but not yet sent when the run stops is not sent: its outcome says so
 * (FAILED_NOT_SENT), and a re-run sends it.
 *
 * <p>The first request goes alone: its turn ends with its answer, not when it takes its slot, so
 * the others wait for that (or for the run to stop). A new
 * JVM's first request is slow (classes to load and compile, a connection to open), and requests
 * behind it would otherwise leave in a burst once it is through: with {@code --rate 50} the platform
 * saw 73 requests in the first second (measured: docs/benchmarks.md, "Import against a platform
 * 50 ms away"). After it, the rate's permits are spaced from then on. It costs one round trip.
 *
 * <p>Stops sending further rows when {@link #stop} is called, when the journal cannot be written,
 * or after {@link #STOP_AFTER_NOT_SENT_IN_A_ROW} rows in a row that could not be sent; requests in
 * flight then finish and are journaled, rows not started are reported as the journal has them (or
 * as not sent).
 */
final class SendingWorkers {

  /** After this many rows in a row that could not be sent, the platform is unreachable: stop. */
  static final int STOP_AFTER_NOT_SENT_IN_A_ROW = 10;

  private final Journal journal;
  private final ImportSettings settings;
  private final ImportRun.Sender sender;
  private final Progress progress;
  private final ExecutorService workers;
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicReference<String> journalFailure = new AtomicReference<>();
  private final AtomicInteger notSentInARow = new AtomicInteger();
  private final AtomicInteger reachedPlatform = new AtomicInteger();
  private final RateLimiter limiter; // null without --rate
  private final ReentrantLock slots = new ReentrantLock();
  // One condition per worker's row: rows in progress have distinct turns modulo the number of
  // workers, so the row whose turn comes is woken alone (waking every worker at each turn cost the
  // import a tenth of its rows per second against a local stub).
  private final Condition[] turns;
  private int nextTurn; // the turn (see submit) of the next row to take a slot (guarded by slots)
  private int submitted; // rows handed over so far (only the thread that submits touches it)
  private int freeSlots; // requests that may still start now (guarded by slots)

  /** Starts the workers (and the progress display on {@code err}) for {@code toSend} rows; journals the run. */
  SendingWorkers(Journal journal, ImportSettings settings, int toSend, ImportRun.Sender sender, PrintWriter err)
      throws IOException {
    this.journal = journal;
    this.settings = settings;
    this.sender = sender;
    this.limiter = settings.ratePerSecond() > 0 ? new RateLimiter(settings.ratePerSecond(), RateLimiter.SYSTEM) : null;
    journal.run("concurrency=" + settings.concurrency()
        + "\trate=" + (settings.ratePerSecond() > 0 ? settings.ratePerSecond() : "none")
        + "\tretryRefused=" + settings.retryRefused() + "\tresendUnknown=" + settings.resendUnknown());
    this.progress = Progress.forTerminal(toSend, err);
    this.freeSlots = settings.concurrency();
    this.turns = new Condition[2 * settings.concurrency()];
    for (int i = 0; i < turns.length; i++) {
      turns[i] = slots.newCondition();
    }
    this.workers = Executors.newFixedThreadPool(2 * settings.concurrency(), daemon("import-sender"));
  }

  /**
   * Sends {@code row} on a worker (rows are taken in the order they are handed over); its result,
   * or, if the run stopped before it, the row as the journal has it (or as not sent). Completes
   * exceptionally only when a worker failed (an Error such as OutOfMemoryError): sending then stops.
   */
  CompletableFuture<RowResult> submit(ImportPlan.PlannedRow row) {
    CompletableFuture<RowResult> result = new CompletableFuture<>();
    int turn = submitted++;
    workers.execute(() -> {
      try {
        result.complete(work(row, turn));
      } catch (Throwable e) {
        stop("an internal error (" + e + ")");
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * Sends no further row; requests in flight finish and are journaled. Workers waiting (for their
   * turn, the rate limiter or a slot) stop waiting at once: a row not yet
   * journaled is simply not sent, a journaled one is journaled as not sent. The first reason given
   * is reported.
   */
  void stop(String reason) {
    stopReason.compareAndSet(null, reason);
    if (limiter != null) {
      limiter.stop();
    }
    slots.lock();
    try {
      for (Condition turn : turns) {
        turn.signalAll(); // a worker waiting for its turn or a slot sees the stop at once
      }
    } finally {
      slots.unlock();
    }
  }

  /** Why the run stopped sending before the end, or null. */
  String stopReason() {
    return stopReason.get();
  }

  /** Why the journal could not be written, or null when it could. */
  String journalFailure() {
    return journalFailure.get();
  }

  /** Whether any request reached the platform (whatever it answered). */
  boolean anyReachedPlatform() {
    return reachedPlatform.get() > 0;
  }

  /**
   * Waits for every worker to end (none may outlive the journal), forces the last outcomes, ends
   * the progress display and says on {@code err} why the run stopped early, if it did ({@code err}
   * null: a worker failed, which the caller reports).
   */
  void finish(PrintWriter err) {
    workers.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (workers.awaitTermination(1, TimeUnit.DAYS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
        stop("the import was interrupted");
      }
    }
    progress.close();
    try {
      journal.force(); // the last outcomes, before the results report them
    } catch (IOException e) {
      journalFailed(e);
    }
    String reason = stopReason.get();
    if (reason != null && err != null) {
      err.println("Stopped: " + com.huiyi31.cli.terminal.TerminalText.safe(reason) + "."); // may quote an I/O error
      err.flush();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private RowResult work(ImportPlan.PlannedRow row, int turn) {
    if (stopReason.get() != null) {
      return notSent(row);
    }
    try {
      journal.append(Journal.State.SENDING, row.row(), Map.of());
    } catch (IOException e) {
      journalFailed(e);
      return notSent(row); // not sent: the journal would not know about it
    }
    if (!takeSlot(turn)) {
      return waitedAndStopped(row);
    }
    RowResult result;
    try {
      result = sendOne(row);
      counted(result.outcome()); // may stop the run: before the slot frees, so that no waiting row goes out after
    } catch (Error e) {
      stop("an internal error (" + e + ")");
      throw e;
    } finally {
      releaseSlot(turn);
    }
    try {
      // Forced with the next SENDING line (or at the end): see Journal.
      journal.appendOutcome(result.outcome().journalState(), row.row(), result.details());
    } catch (IOException e) {
      journalFailed(e); // the journal keeps SENDING: a re-run treats the row as unknown, which is safe
    }
    progress.rowDone(!result.registered());
    return result;
  }

  /**
   * Waits for the row's turn (rows go in the order they were handed over, so they are sent in file
   * order), then for the rate's next permit and a free request slot, and takes them; false, with
   * neither, when the run has stopped (meanwhile, or while the row's SENDING line was being forced).
   * Permits are taken in turn too: taken out of order, a row holding a late permit held back the
   * rows behind it, whose permits were then all due at once (a burst). The first row's turn ends
   * with its answer ({@link #releaseSlot}), so that it goes alone; any other's when it has its slot.
   */
  private boolean takeSlot(int turn) {
    slots.lock();
    try {
      if (!awaitWhile(() -> nextTurn != turn, turn)) {
        return false;
      }
    } finally {
      slots.unlock();
    }
    // The row's turn: no other row passes until it has its permit and its slot.
    try {
      if (limiter != null && !limiter.acquire()) {
        return false; // stopped while waiting (a slow --rate must not hold up Ctrl-C)
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("the import was interrupted");
      return false;
    }
    slots.lock();
    try {
      if (!awaitWhile(() -> freeSlots == 0, turn)) {
        return false;
      }
      freeSlots--;
      if (turn != 0) {
        endTurn();
      }
      return true;
    } finally {
      slots.unlock();
    }
  }

  /**
   * Waits, on the row's own condition and holding {@link #slots}, while {@code waiting} holds and the
   * run goes on; true when it no longer holds, false when the run has stopped. An interrupt is kept
   * for later.
   */
  private boolean awaitWhile(BooleanSupplier waiting, int turn) {
    boolean interrupted = false;
    try {
      while (waiting.getAsBoolean() && stopReason.get() == null) {
        try {
          turnOf(turn).await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return stopReason.get() == null;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next row's turn begins (called holding {@link #slots}). */
  private void endTurn() {
    nextTurn++;
    turnOf(nextTurn).signalAll();
  }

  private void releaseSlot(int turn) {
    slots.lock();
    try {
      freeSlots++;
      if (turn == 0) {
        endTurn(); // the first request has its answer: the others may go
      } else {
        turnOf(nextTurn).signalAll(); // the worker whose turn it is, if it waits for a slot
      }
    } finally {
      slots.unlock();
    }
  }

  private Condition turnOf(int turn) {
    return turns[turn % turns.length];
  }

  /** A row journaled as being sent that the run stopped before it was: it was not sent, and the journal says so. */
  private RowResult waitedAndStopped(ImportPlan.PlannedRow row) {
    RowResult result = RowResult.notReached(stopReason.get());
    try {
      journal.appendOutcome(result.outcome().journalState(), row.row(), Map.of("reason",
          "not sent: the import stopped before the row's turn"));
    } catch (IOException e) {
      journalFailed(e); // the journal keeps SENDING: a re-run treats the row as unknown, which is safe
    }
    return result;
  }

  /** A row the run stopped before sending: as the journal has it, or not sent. */
  private RowResult notSent(ImportPlan.PlannedRow row) {
    return row.journaledState() != null ? RowResult.asJournaled(journal.index().history(row.line()))
        : RowResult.notReached(stopReason.get());
  }

  private RowResult sendOne(ImportPlan.PlannedRow row) {
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
