package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The limiter's schedule, on a fake clock: no test waits for real time. */
class RateLimiterTest {

  private static final long MS = 1_000_000L;

  /** A clock that moves only when someone sleeps on it. */
  static final class FakeClock implements RateLimiter.Clock {
    long now;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized boolean await(CountDownLatch stop, long nanos) {
      if (stop.getCount() == 0) {
        return true;
      }
      sleeps.add(nanos);
      now += nanos;
      return false;
    }
  }

  @Test
  void permitsAreEvenlySpaced() throws InterruptedException {
    FakeClock clock = new FakeClock();
    RateLimiter limiter = new RateLimiter(4, clock);
    List<Long> granted = new ArrayList<>();

    for (int i = 0; i < 9; i++) {
      limiter.acquire();
      granted.add(clock.nanoTime());
    }

    assertThat(granted).containsExactly(0L, 250 * MS, 500 * MS, 750 * MS, 1000 * MS, 1250 * MS, 1500 * MS, 1750 * MS, 2000 * MS);
    assertThat(clock.sleeps).hasSize(8).allMatch(sleep -> sleep == 250 * MS);
  }

  @Test
  void idleTimeSavesNoCreditForABurst() throws InterruptedException {
    FakeClock clock = new FakeClock();
    RateLimiter limiter = new RateLimiter(10, clock);
    limiter.acquire();
    clock.now += 10_000 * MS; // ten idle seconds

    List<Long> granted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      limiter.acquire();
      granted.add(clock.nanoTime());
    }

    assertThat(granted).containsExactly(10_000 * MS, 10_100 * MS, 10_200 * MS);
  }

  @Test
  void manyThreadsTogetherGetNoMoreThanTheRateInAnySecond() throws Exception {
    FakeClock clock = new FakeClock(); // frozen: every thread asks at the same instant
    RateLimiter limiter = new RateLimiter(25, clock);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<List<Long>>> reservations = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      reservations.add(threads.submit(() -> {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          slots.add(limiter.reserve());
        }
        return slots;
      }));
    }
    List<Long> slots = new ArrayList<>();
    for (Future<List<Long>> reservation : reservations) {
      slots.addAll(reservation.get());
    }
    threads.shutdown();
    Collections.sort(slots);

    assertThat(slots).hasSize(200).doesNotHaveDuplicates();
    for (int i = 1; i < slots.size(); i++) {
      assertThat(slots.get(i) - slots.get(i - 1)).isEqualTo(40 * MS);
    }
    for (long start : slots) { // any one-second window starting at a permit holds at most 25
      assertThat(slots.stream().filter(slot -> slot >= start && slot < start + 1000 * MS).count()).isLessThanOrEqualTo(25);
    }
  }

  @Test
  void stopEndsAWaitForAPermitDueMinutesAheadAtOnce() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    RateLimiter.Clock system = new RateLimiter.Clock() { // the real clock, telling when a wait begins
      @Override
      public long nanoTime() {
        return RateLimiter.SYSTEM.nanoTime();
      }

      @Override
      public boolean await(CountDownLatch stop, long nanos) throws InterruptedException {
        waiting.countDown();
        return RateLimiter.SYSTEM.await(stop, nanos);
      }
    };
    RateLimiter limiter = new RateLimiter(ImportSettings.MIN_RATE_PER_SECOND, system); // one per 100 s
    assertThat(limiter.acquire()).as("the first permit is due at once").isTrue();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> second = thread.submit(limiter::acquire); // due in 100 s
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
      long stoppedAt = System.nanoTime();

      limiter.stop();

      assertThat(second.get(10, TimeUnit.SECONDS)).as("granted").isFalse();
      assertThat(System.nanoTime() - stoppedAt).as("ns from stop to the end of the wait").isLessThan(5_000 * MS);
      assertThat(limiter.acquire()).as("no permit after a stop").isFalse();
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aStopBeforeTheWaitGrantsNothingAndDoesNotWait() throws InterruptedException {
    FakeClock clock = new FakeClock();
    RateLimiter limiter = new RateLimiter(1, clock);
    assertThat(limiter.acquire()).isTrue();

    limiter.stop();

    assertThat(limiter.acquire()).isFalse();
    assertThat(clock.sleeps).isEmpty();
    assertThat(clock.nanoTime()).isZero();
  }

  @Test
  void aRateMustBePositive() {
    assertThatThrownBy(() -> new RateLimiter(0, new FakeClock())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Double.NaN, new FakeClock())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRateOutsideTheSupportedRangeIsRefused() {
    // 1e-300 used to round its spacing to Long.MAX_VALUE: the next permit overflowed into the past
    // and every row went through at once.
    for (double rate : new double[] {1e-300, Double.MIN_VALUE, 0.009, 1000.5, 1e300, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -1}) {
      assertThatThrownBy(() -> new RateLimiter(rate, new FakeClock())).as("rate %s", rate)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0.01 and 1000.0");
    }
  }

  @Test
  void theSlowestRateKeepsEvenSpacingFarAheadAndAcrossTheClocksWrapAround() {
    FakeClock clock = new FakeClock();
    clock.now = Long.MAX_VALUE - 1_000 * 1_000 * MS; // 1000 s before nanoTime wraps around
    RateLimiter limiter = new RateLimiter(ImportSettings.MIN_RATE_PER_SECOND, clock);
    long previous = limiter.reserve();

    for (int i = 1; i < 64; i++) { // 64 threads (the most --concurrency allows), each holding a permit
      long slot = limiter.reserve();
      assertThat(slot - previous).as("spacing of permit %d", i).isEqualTo(100_000 * MS);
      previous = slot;
    }
    assertThat(previous - clock.nanoTime()).as("the last permit is due 63 x 100 s ahead").isEqualTo(6_300_000 * MS);
  }

  @Test
  void theFastestRateIsOnePermitPerMillisecond() {
    FakeClock clock = new FakeClock();
    RateLimiter limiter = new RateLimiter(ImportSettings.MAX_RATE_PER_SECOND, clock);

    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isEqualTo(MS);
  }
}
