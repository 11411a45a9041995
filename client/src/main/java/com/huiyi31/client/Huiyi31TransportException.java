package com.huiyi31.client;

import java.io.IOException;
import java.util.Objects;

/**
 * The connection failed: the host could not be resolved or reached, a timeout ran out, or the
 * connection broke.
 *
 * <p>{@link #outcome()} tells the two cases apart. {@link Outcome#NOT_SENT}: the failure came
 * before any byte of the request was written (DNS, connect, TLS handshake), so it is safe to send
 * again. {@link Outcome#UNKNOWN}: the request may have reached the server (a read timeout, a
 * connection reset after sending); for a registration an order may exist.
 */
public final class Huiyi31TransportException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  Huiyi31TransportException(String operation, boolean sent, IOException cause) {
    this(operation, sent ? Outcome.UNKNOWN : Outcome.NOT_SENT, cause);
  }

  /**
   * An exception as the client throws it when the connection fails: for tests of code that calls
   * the client (a mocked {@code AttendeeApi} timing out). The message names the operation, the
   * kind of failure and what the outcome means; the cause is kept.
   *
   * @param operation the request, as method and path ({@code POST /op/notoken/api/Attendee/v1/Register})
   * @param outcome {@link Outcome#NOT_SENT} (failed before any byte was written: DNS, connect,
   *     TLS) or {@link Outcome#UNKNOWN} (failed after: a read timeout, a reset)
   * @param cause the I/O failure, e.g. a {@code java.net.SocketTimeoutException}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code outcome} is {@link Outcome#NOT_PROCESSED}: a
   *     connection failure never tells that the platform refused the request
   */
  public Huiyi31TransportException(String operation, Outcome outcome, IOException cause) {
    super(message(operation, outcome, cause), outcome, cause);
  }

  private static String message(String operation, Outcome outcome, IOException cause) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(cause, "cause");
    if (outcome == Outcome.NOT_PROCESSED) {
      throw new IllegalArgumentException("a transport failure is NOT_SENT or UNKNOWN, never NOT_PROCESSED");
    }
    return withConsequence(operation + (outcome == Outcome.NOT_SENT ? " failed before the request was sent: "
        : " failed after the request was sent: ") + describe(cause) + ".", outcome);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
