package com.huiyi31.cli.imports;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perSecond} requests started per second, evenly spaced: permit {@code k} is due
 * {@code k / perSecond} seconds after the first (fixed spacing: no bursts, nothing to tune). A
 * pause (a slow answer) saves no credit for a burst afterwards.
 *
 * <p>Overflow: the rate is between {@link ImportSettings#MIN_RATE_PER_SECOND} and
 * {@link ImportSettings#MAX_RATE_PER_SECOND}, so the spacing is 1 ms to 100 s; each waiting thread
 * holds one permit, so a permit is never due more than (threads x 100 s) ahead, far below the
 * 292 years a {@code long} of nanoseconds holds. Times are only compared by their difference
 * ({@code next - now}), as {@link System#nanoTime} requires, so a clock near {@code Long.MAX_VALUE}
 * that wraps around is no problem either.
 */
final class RateLimiter {

  /** Time, and waiting for it; a seam so tests use a fake clock. */
  interface Clock {
    long nanoTime();

    /** Waits {@code nanos}, or less when {@code stop} opens first; returns whether it opened. */
    boolean await(CountDownLatch stop, long nanos) throws InterruptedException;
  }

  static final Clock SYSTEM = new Clock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public boolean await(CountDownLatch stop, long nanos) throws InterruptedException {
      return stop.await(nanos, TimeUnit.NANOSECONDS);
    }
  };

  private final long intervalNanos;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private long next; // guarded by this
  private boolean started; // guarded by this

  RateLimiter(double perSecond, Clock clock) {
    if (!(perSecond >= ImportSettings.MIN_RATE_PER_SECOND && perSecond <= ImportSettings.MAX_RATE_PER_SECOND)) {
      throw new IllegalArgumentException("rate must be between " + ImportSettings.MIN_RATE_PER_SECOND + " and "
          + ImportSettings.MAX_RATE_PER_SECOND + " per second, was " + perSecond);
    }
    this.intervalNanos = Math.round(1_000_000_000d / perSecond); // 1,000,000 (1 ms) to 100,000,000,000 (100 s)
    this.clock = clock;
  }

  /** Reserves the next permit and returns the time (of the clock) at which it is due. */
  synchronized long reserve() {
    long now = clock.nanoTime();
    long slot = started && next - now > 0 ? next : now;
    started = true;
    next = slot + intervalNanos;
    return slot;
  }

  /**
   * Waits until the next permit is due and returns true; returns false as soon as {@link #stop}
   * is called (before or while waiting). At a slow rate a permit can be due minutes ahead: a stop
   * (Ctrl-C) must not wait for it.
   */
  boolean acquire() throws InterruptedException {
    if (stopped.getCount() == 0) {
      return false;
    }
    long slot = reserve();
    long wait = slot - clock.nanoTime();
    if (wait > 0) {
      return !clock.await(stopped, wait);
    }
    return stopped.getCount() != 0;
  }

  /** Ends every wait in {@link #acquire} at once, and grants no further permit. */
  void stop() {
    stopped.countDown();
  }
}
