package com.huiyi31.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the token provider and the attendee-type cache share: one fetch at a time (a
 * {@link CompletableFuture} that every caller who needs the result while it runs joins), its
 * outcome shared by all of them, failure included, and a failure kept for a short back-off.
 *
 * <p>Without this, callers waiting for a lock each made their own attempt after the one before
 * them had failed: against an issuer that fails after a second, the sixth caller failed after six,
 * and a hanging issuer multiplied the read timeout by the number of callers.
 */
final class SharedFetch {

  /**
   * How long a failed fetch answers for the next ones: callers arriving within this time after
   * a failure get that failure at once instead of asking a server that has just failed. Short,
   * so that a passing fault costs little; long enough that a crowd of callers arriving just after
   * the failure does not hit the server again.
   */
  static final long FAILURE_BACKOFF_NANOS = Duration.ofSeconds(1).toNanos();

  private SharedFetch() {}

  /** A fetch's failure and, on the {@code nanoTime} clock, until when it answers for the next fetches. */
  record Failure(RuntimeException error, long until) {

    static Failure at(RuntimeException error, long now) {
      return new Failure(error, now + FAILURE_BACKOFF_NANOS);
    }

    boolean holdsAt(long now) {
      return now - until < 0;
    }
  }

  /**
   * The outcome of a fetch another caller runs: its result, or its failure rethrown as it is (the
   * same exception, so its message, type and outcome are those of the fetch; its stack trace is
   * the fetching thread's).
   */
  static <T> T await(CompletableFuture<T> fetch) {
    try {
      return fetch.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
