package com.huiyi31.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what one client may hold: at most {@code maxConcurrentRequests} exchanges (and so
 * connections) at once, and at most {@link HttpMessages#MAX_RESPONSE_BYTES} (+1) bytes of each
 * answer, read here so that the connection returns to the pool before decoding.
 */
final class BoundedClient implements Client {

  private final Client delegate;
  private final int maxConcurrentRequests;
  private final Semaphore permits;
  private final long waitNanos;

  BoundedClient(Client delegate, int maxConcurrentRequests, long waitNanos) {
    this.delegate = delegate;
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.permits = new Semaphore(maxConcurrentRequests);
    this.waitNanos = waitNanos;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    acquire();
    try (Response response = delegate.execute(request, options)) {
      byte[] body = response.body() == null ? null : HttpMessages.readAtMost(response, HttpMessages.MAX_RESPONSE_BYTES);
      return response.toBuilder().body(body).build();
    } finally {
      permits.release();
    }
  }

  private void acquire() throws IOException {
    try {
      if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
        throw new SendTracking.RequestNotSentException(new IOException(
            "all " + maxConcurrentRequests + " connections of this client stayed busy for the connect timeout"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendTracking.RequestNotSentException(new InterruptedIOException("interrupted while waiting for a connection"));
    }
  }

  /** Exchanges in progress (for tests). */
  int inFlight() {
    return maxConcurrentRequests - permits.availablePermits();
  }
}
