package com.huiyi31.client;

import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a request only when it certainly did not leave this machine (the failure came before
 * a connection was established: DNS, connect, TLS handshake). Anything else, including a read
 * timeout or a reset after sending, is never retried: the platform may have processed it.
 *
 * <p>Backoff doubles from {@code initialBackoff} up to {@code maxBackoff}, with "equal jitter":
 * each wait is between half and all of its step, so that many clients do not retry in step.
 */
final class ConnectRetryer implements Retryer {

  /** Waits; a seam so tests never wait for real. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** A source of numbers in [0, 1); a seam so tests can fix the jitter. */
  interface Jitter {
    double next();
  }

  static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());
  static final Jitter RANDOM = () -> ThreadLocalRandom.current().nextDouble();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private final Jitter jitter;
  private int retries;

  ConnectRetryer(int maxRetries, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper, Jitter jitter) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (!(e.getCause() instanceof SendTracking.RequestNotSentException) || retries >= maxRetries) {
      throw e;
    }
    Duration wait = backoff(retries);
    retries++;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** The wait before retry number {@code retry + 1}. */
  Duration backoff(int retry) {
    long step = initialBackoff.toNanos() << Math.min(retry, 30);
    if (step <= 0 || step > maxBackoff.toNanos()) {
      step = maxBackoff.toNanos();
    }
    return Duration.ofNanos(step / 2 + (long) (jitter.next() * (step / 2)));
  }

  @Override
  public Retryer clone() {
    return new ConnectRetryer(maxRetries, initialBackoff, maxBackoff, sleeper, jitter);
  }
}
