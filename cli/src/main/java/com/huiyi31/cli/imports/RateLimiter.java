package com.huiyi31.cli.imports;

import java.util.concurrent.TimeUnit;

/**
 * At most {@code perSecond} requests started per second, evenly spaced: permit {@code k} is due
 * {@code k / perSecond} seconds after the first (fixed spacing: no bursts, nothing to tune). A
 * pause (a slow answer) saves no credit for a burst afterwards.
 */
final class RateLimiter {

  /** Time, and waiting for it; a seam so tests use a fake clock. */
  interface Clock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
  }

  static final Clock SYSTEM = new Clock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  };

  private final long intervalNanos;
  private final Clock clock;
  private long next; // guarded by this
  private boolean started; // guarded by this

  RateLimiter(double perSecond, Clock clock) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, was " + perSecond);
    }
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / perSecond));
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

  /** Waits until the next permit is due. */
  void acquire() throws InterruptedException {
    long slot = reserve();
    long wait = slot - clock.nanoTime();
    if (wait > 0) {
      clock.sleepNanos(wait);
    }
  }
}
