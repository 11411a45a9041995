package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Signals each request WireMock has journaled (it does so before any configured delay). After a
 * client-side read timeout the client may give up before a cold WireMock has even journaled the
 * request; waiting on this signal (bounded, event-driven) makes counting requests race-free.
 */
final class JournalSignal implements ServeEventListener {

  private final Semaphore journaled = new Semaphore(0);

  @Override
  public String getName() {
    return "journal-signal";
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    journaled.release();
  }

  /** Forgets requests signalled so far (call before each test). */
  void reset() {
    journaled.drainPermits();
  }

  /** Waits until WireMock has journaled {@code requests} more requests, for at most 10 seconds. */
  void await(int requests) throws InterruptedException {
    assertThat(journaled.tryAcquire(requests, 10, TimeUnit.SECONDS)).as("WireMock journaled %s request(s)", requests).isTrue();
  }
}
